// copydesk — ArticleValidation
// Every rule, in one table.

import ArticleModel

// MARK: - RuleRegistry

/// The rules copydesk ships, by id.
public enum RuleRegistry {
    public static let rules: [any Rule] = [
        BodyEmptyRule(),
        BylineMissingRule(),
        DateInvalidRule(),
        DatePublishedMissingRule(),
        DateUnparseableRule(),
        HeadlineMissingRule(),
    ]

    /// The rule with this id, or `nil`.
    public static func rule(id: String) -> (any Rule)? {
        rules.first { $0.id == id }
    }
}
