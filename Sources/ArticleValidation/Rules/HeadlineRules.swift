// copydesk — ArticleValidation
// Rules about the headline: there is one, it fits, and it is not shouted.

public import ArticleModel

// MARK: - headline.missing

/// Every article needs a headline.
public struct HeadlineMissingRule: Rule {
    public init() {}
    public var id: String { "headline.missing" }
    public var summary: String { "The article has no headline." }
    public var documentation: String {
        """
        Every published article needs a headline: feeds, search results and CMS listings show it, \
        and NewsML-G2 and ninjs consumers expect one. A blank headline counts as missing.

        Fix: give the article a headline. In plain text it is the first line, followed by a blank \
        line; in YAML front matter `title:` or `headline:`; in JSON `headline`.
        """
    }
    public var defaultSeverity: Diagnostic.Severity { .error }

    public func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        guard (article.headline ?? "").trimmingWhitespace().isEmpty else { return [] }
        return [
            finding(
                "headline is missing: give the article a headline", at: nil, context: context,
                notes: ["in plain text, put the headline on the first line, followed by a blank line"])
        ]
    }
}

// MARK: - headline.too-long

/// A headline longer than a listing can show.
public struct HeadlineTooLongRule: Rule {
    public init() {}
    public var id: String { "headline.too-long" }
    public var summary: String { "The headline is longer than the profile's maximum." }
    public var documentation: String {
        """
        Listings, search results and social cards cut long headlines; a headline over the limit \
        usually means a paragraph ended up in the headline field, or the headline needs editing.

        Fix: shorten the headline, or raise `max-length` in the profile.
        """
    }
    public var defaultSeverity: Diagnostic.Severity { .warning }
    /// The longest headline allowed, in characters.
    public static let maxLength = Setting<Int>("max-length", default: 100, "the longest headline allowed, in characters")
    public var settings: [RuleSetting] { [Self.maxLength.descriptor] }

    public func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        guard let headline = article.headline?.foldingWhitespace(), !headline.isEmpty else { return [] }
        let limit = context.settings[Self.maxLength]
        guard headline.count > limit else { return [] }
        return [
            finding(
                "headline is \(headline.count) characters long, over the limit of \(limit): shorten it",
                at: nil, context: context, excerpt: headline)
        ]
    }
}

// MARK: - headline.all-caps

/// A headline in capitals only.
public struct HeadlineAllCapsRule: Rule {
    public init() {}
    public var id: String { "headline.all-caps" }
    public var summary: String { "The headline is written in capitals only." }
    public var documentation: String {
        """
        A headline in capitals only reads as shouting, is harder to read, and loses the case of \
        names and acronyms when a site styles it. Headlines of three letters or fewer are allowed.

        Fix: write the headline in sentence or title case and let the layout style it.
        """
    }
    public var defaultSeverity: Diagnostic.Severity { .warning }

    public func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        guard let headline = article.headline?.foldingWhitespace(), TextChecks.isAllCaps(headline) else { return [] }
        return [
            finding(
                "headline '\(TextChecks.shortened(headline))' is in capitals only: write it in sentence case",
                at: nil, context: context, excerpt: headline)
        ]
    }
}
