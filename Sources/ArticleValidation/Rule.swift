// copydesk — ArticleValidation
// A rule checks one thing about an article and reports it with a stable id.

public import ArticleModel

// MARK: - Rule

/// One check. Rules are walkers over the canonical model: they never see a source format.
public protocol Rule: Sendable {
    /// Stable dotted id (`headline.missing`).
    var id: String { get }
    /// One line for `copydesk rules` and the docs.
    var summary: String { get }
    var defaultSeverity: Diagnostic.Severity { get }
    /// Findings for the article; `file` is where it was read from.
    func check(_ article: Article, file: String?) -> [Diagnostic]
}

extension Rule {
    /// A finding of this rule at its default severity.
    public func finding(
        _ message: String, at location: SourceLocation?, file: String?, notes: [String] = []
    )
        -> Diagnostic
    {
        Diagnostic(id: id, severity: defaultSeverity, message: message, location: location, file: file, notes: notes)
    }
}

// MARK: - Validator

/// Runs rules over articles and returns their findings sorted by file, line and column.
public struct Validator: Sendable {
    public var rules: [any Rule]

    public init(rules: [any Rule] = RuleRegistry.rules) {
        self.rules = rules
    }

    public func validate(_ article: Article, file: String?) -> [Diagnostic] {
        let found = rules.flatMap { $0.check(article, file: file) }
        return Self.sorted(found)
    }

    /// By file, then line, then column; whole-file findings first.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.file ?? "", lhs.element.location?.line ?? 0, lhs.element.location?.column ?? 0)
            let right = (rhs.element.file ?? "", rhs.element.location?.line ?? 0, rhs.element.location?.column ?? 0)
            if left != right { return left < right }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
