// copydesk — ArticleValidation
// Rules about the headline: there is one, it fits, and it is not shouted.

import ArticleModel

// MARK: - headline.missing

/// Every article needs a headline.
package struct HeadlineMissingRule: Rule {
    package init() {}
    package var id: String { "headline.missing" }
    package var summary: String { "The article has no headline." }
    package var documentation: String {
        """
        Every published article needs a headline: feeds, search results and CMS listings show it, \
        and NewsML-G2 and ninjs consumers expect one. A blank headline counts as missing.

        Fix: give the article a headline. In plain text it is the first line, followed by a blank \
        line; in YAML front matter `title:` or `headline:`; in JSON `headline`.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .error }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
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
package struct HeadlineTooLongRule: Rule {
    package init() {}
    package var id: String { "headline.too-long" }
    package var summary: String { "The headline is longer than the profile's maximum." }
    package var documentation: String {
        """
        Listings, search results and social cards cut long headlines; a headline over the limit \
        usually means a paragraph ended up in the headline field, or the headline needs editing.

        Fix: shorten the headline, or raise `max-length` in the profile.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }
    /// The longest headline allowed, in characters.
    package static let maxLength = Setting<Int>(
        "max-length", default: 100, "the longest headline allowed, in characters")
    package var settings: [RuleSetting] { [Self.maxLength.descriptor] }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
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
package struct HeadlineAllCapsRule: Rule {
    package init() {}
    package var id: String { "headline.all-caps" }
    package var summary: String { "The headline is written in capitals only." }
    package var documentation: String {
        """
        A headline in capitals only reads as shouting, is harder to read, and loses the case of \
        names and acronyms when a site styles it. Headlines of three letters or fewer are allowed.

        Fix: write the headline in sentence or title case and let the layout style it.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        guard let headline = article.headline?.foldingWhitespace(), TextChecks.isAllCaps(headline) else { return [] }
        return [
            finding(
                "headline '\(TextChecks.shortened(headline))' is in capitals only: write it in sentence case",
                at: nil, context: context, excerpt: headline)
        ]
    }
}
