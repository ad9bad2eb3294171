// copydesk — ArticleValidation
// Rules that check an article has what every published article needs.

public import ArticleModel

// MARK: - headline.missing

/// Every article needs a headline.
public struct HeadlineMissingRule: Rule {
    public init() {}
    public var id: String { "headline.missing" }
    public var summary: String { "The article has no headline." }
    public var defaultSeverity: Diagnostic.Severity { .error }

    public func check(_ article: Article, file: String?) -> [Diagnostic] {
        guard (article.headline ?? "").trimmingWhitespace().isEmpty else { return [] }
        return [
            finding(
                "headline is missing: give the article a headline", at: nil, file: file,
                notes: ["in plain text, put the headline on the first line, followed by a blank line"])
        ]
    }
}

// MARK: - byline.missing

/// Every article needs someone (a person or a desk) credited.
public struct BylineMissingRule: Rule {
    public init() {}
    public var id: String { "byline.missing" }
    public var summary: String { "The article credits no author, desk or agency." }
    public var defaultSeverity: Diagnostic.Severity { .warning }

    public func check(_ article: Article, file: String?) -> [Diagnostic] {
        guard article.bylines.isEmpty else { return [] }
        return [finding("byline is missing: credit the author, desk or agency (\"By Jane Doe\")", at: nil, file: file)]
    }
}

// MARK: - date.published-missing

/// Every article needs a publication date.
public struct DatePublishedMissingRule: Rule {
    public init() {}
    public var id: String { "date.published-missing" }
    public var summary: String { "The article has no publication date." }
    public var defaultSeverity: Diagnostic.Severity { .error }

    public func check(_ article: Article, file: String?) -> [Diagnostic] {
        guard article.published == nil else { return [] }
        return [
            finding(
                "publication date is missing: add one in ISO 8601 (2017-11-07) or a written form (7 November 2017)",
                at: nil, file: file)
        ]
    }
}

// MARK: - body.empty

/// An article with no body text is not an article.
public struct BodyEmptyRule: Rule {
    public init() {}
    public var id: String { "body.empty" }
    public var summary: String { "The article's body has no text." }
    public var defaultSeverity: Diagnostic.Severity { .error }

    public func check(_ article: Article, file: String?) -> [Diagnostic] {
        let hasText = article.body.contains { !$0.plainText.trimmingWhitespace().isEmpty }
        guard !hasText else { return [] }
        return [finding("body is empty: the article has no paragraphs", at: nil, file: file)]
    }
}
