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
    /// What the rule checks, why, and how to fix a finding: `copydesk rules ID` and docs/RULES.md.
    var documentation: String { get }
    var defaultSeverity: Diagnostic.Severity { get }
    /// The level the rule runs at when no profile names it: its severity, or `off` for a rule a
    /// profile turns on (`byline.organization`, `language.missing`).
    var defaultLevel: RuleLevel { get }
    /// The settings the rule reads, with their defaults (`max-length: 100`).
    var settings: [RuleSetting] { get }
    /// Findings for the article. The severity a rule gives is replaced by the configured one.
    func check(_ article: Article, context: RuleContext) -> [Diagnostic]
}

extension Rule {
    /// No settings, unless the rule declares some.
    public var settings: [RuleSetting] { [] }
    /// The default severity, unless the rule is off by default.
    public var defaultLevel: RuleLevel { RuleLevel(defaultSeverity) }

    /// A finding of this rule at its default severity. `excerpt` is the offending text as the model
    /// holds it, so the caller can point at it in the source file.
    public func finding(
        _ message: String, at location: SourceLocation?, context: RuleContext, excerpt: String? = nil,
        notes: [String] = []
    ) -> Diagnostic {
        var diagnostic = Diagnostic(
            id: id, severity: defaultSeverity, message: message, location: location, file: context.file, notes: notes)
        diagnostic.excerpt = excerpt
        return diagnostic
    }
}

// MARK: - Context

/// What a rule may know besides the article: the file, its settings, and the run's clock.
public struct RuleContext: Sendable {
    /// Where the article was read from (`nil` for code, `<stdin>` for standard input).
    public var file: String?
    /// The rule's settings: the configured values over the rule's defaults.
    public var settings: RuleSettings
    /// The time of the run, in UTC, as the caller chose it (`--now`); `nil` turns clock checks off.
    public var now: DateTimeValue?

    /// A context for one article.
    public init(file: String?, settings: RuleSettings = RuleSettings(), now: DateTimeValue? = nil) {
        self.file = file
        self.settings = settings
        self.now = now
    }
}

// MARK: - Validator

/// Runs the configured rules over articles and returns their findings sorted by file, line and column.
public struct Validator: Sendable {
    /// The rules that may run (the configuration turns some off).
    public var rules: [any Rule]
    /// Levels, settings and the run's clock.
    public var configuration: ValidationConfiguration

    /// A validator; by default every rule at its default level.
    public init(rules: [any Rule] = RuleRegistry.rules, configuration: ValidationConfiguration = .init()) {
        self.rules = rules
        self.configuration = configuration
    }

    /// The findings for one article, at their configured severity, sorted by position.
    public func validate(_ article: Article, file: String?) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for rule in rules {
            let level = configuration.level(of: rule)
            guard let severity = level.severity else { continue }
            let settings = RuleSettings(defaults: rule.settings, overrides: configuration.settings[rule.id] ?? [:])
            let context = RuleContext(file: file, settings: settings, now: configuration.now)
            for var diagnostic in rule.check(article, context: context) {
                diagnostic.severity = severity
                found.append(diagnostic)
            }
        }
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
