// copydesk — ArticleValidation
// Rules about metadata a syndication partner needs.

import ArticleModel

// MARK: - language.missing

/// No language tag.
package struct LanguageMissingRule: Rule {
    package init() {}
    package var id: String { "language.missing" }
    package var summary: String { "The article has no language tag." }
    package var documentation: String {
        """
        NewsML-G2 items carry `xml:lang`, and syndication partners route and index by language. \
        Off by default (plain text has no place for it); the `newsml-syndication` profile makes \
        it an error.

        Fix: set the language as a BCP 47 tag (`en`, `en-GB`): `language:` in front matter or \
        JSON, `xml:lang` in NewsML-G2.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .error }
    package var defaultLevel: RuleLevel { .off }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        guard (article.language ?? "").trimmingWhitespace().isEmpty else { return [] }
        return [finding("language is missing: set a BCP 47 tag such as 'en' or 'en-GB'", at: nil, context: context)]
    }
}
