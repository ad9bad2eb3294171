// copydesk — ArticleValidation
// Every rule, in one table.

import ArticleModel

// MARK: - RuleRegistry

/// The rules copydesk ships, by area, in the order `copydesk rules` lists them.
public enum RuleRegistry {
    /// Every rule copydesk has, by area.
    public static let rules: [any Rule] = [
        // Headline
        HeadlineMissingRule(),
        HeadlineTooLongRule(),
        HeadlineAllCapsRule(),
        // Bylines
        BylineMissingRule(),
        BylineMalformedRule(),
        BylineKindRule(),
        BylineOrganizationRule(),
        // Dates
        DatePublishedMissingRule(),
        DateUnparseableRule(),
        DateInvalidRule(),
        DateFutureRule(),
        DateModifiedBeforePublishedRule(),
        DateNoTimeZoneRule(),
        DateNoTimeRule(),
        DatelineMismatchRule(),
        DateMentionAfterPublishedRule(),
        // Quotes
        QuoteUnattributedRule(),
        QuoteUnbalancedRule(),
        QuotePronounSpeakerRule(),
        PullQuoteUnmatchedRule(),
        // Structure
        BodyEmptyRule(),
        DuplicateParagraphRule(),
        BoilerplateRule(),
        // Metadata
        LanguageMissingRule(),
    ]

    /// The rule with this id, or `nil`.
    public static func rule(id: String) -> (any Rule)? {
        rules.first { $0.id == id }
    }
}
