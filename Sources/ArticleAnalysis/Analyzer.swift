// copydesk — ArticleAnalysis
// Analysers enrich an article after any reader: one protocol, one ordered list.

public import ArticleModel

// MARK: - Analyzer

/// Enriches an article in place. Analysers are idempotent: running one twice changes nothing
/// more, so an article read back from canonical JSON can be analysed again safely.
public protocol Analyzer: Sendable {
    /// A stable name (`bylines`, `set-apart-quotes`).
    var name: String { get }
    /// Enriches the article and returns any findings.
    func analyze(_ article: inout Article) -> [Diagnostic]
    /// The same within a work budget (analysers that read running text honour it).
    func analyze(_ article: inout Article, budget: AnalysisBudget) -> [Diagnostic]
}

extension Analyzer {
    /// Analysers that read no running text ignore the budget.
    public func analyze(_ article: inout Article, budget: AnalysisBudget) -> [Diagnostic] {
        analyze(&article)
    }
}

// MARK: - AnalysisBudget

/// How much text the analysers read, so an untrusted article costs time in proportion to a fixed
/// bound, not to its size: quotations and dates are looked for in the first `maxCharacters`
/// characters of running text of an article (`--max-analysed-text`); the rest is kept and
/// written but not searched, with a note. The analysers do a bounded amount of work per
/// character, so this bounds their time per article.
public struct AnalysisBudget: Sendable, Equatable {
    /// Characters of running text an article's analysis reads.
    public var maxCharacters: Int

    /// A budget of `maxCharacters` characters an article.
    public init(maxCharacters: Int = 1_000_000) {
        self.maxCharacters = maxCharacters
    }

    /// One million characters an article (a long feature is 50,000).
    public static let `default` = AnalysisBudget()
}

/// What is left of a budget while one analyser reads an article.
struct AnalysisAllowance {
    let budget: AnalysisBudget
    let analyser: String
    private(set) var remaining: Int
    private(set) var note: Diagnostic?

    init(_ budget: AnalysisBudget, analyser: String) {
        self.budget = budget
        self.analyser = analyser
        self.remaining = budget.maxCharacters
    }

    /// `Array(take(text, …))`: the characters of the part of `text` still within the budget.
    mutating func takeCharacters(_ text: String, blockIndex: Int, location: SourceLocation?) -> [Character] {
        let characters = text.characterArray
        guard characters.count > remaining else {
            remaining -= characters.count
            return characters
        }
        return Array(take(text, blockIndex: blockIndex, location: location))
    }

    /// The part of `text` still within the budget (possibly empty); notes the first cut.
    mutating func take(_ text: String, blockIndex: Int, location: SourceLocation?) -> Substring {
        guard text.utf8.count > remaining else {
            remaining -= text.characterCount
            return text[...]
        }
        let kept = text.prefix(max(remaining, 0))
        remaining -= kept.count
        if kept.endIndex < text.endIndex, note == nil {
            note = Diagnostic(
                id: "analysis.limit", severity: .note,
                message:
                    "the article's text is longer than \(budget.maxCharacters) characters; \(analyser) were looked "
                    + "for up to block \(blockIndex + 1) only (raise the limit with --max-analysed-text)",
                location: location)
        }
        return kept
    }
}

// MARK: - AnalysisPipeline

/// The analysers in the order they run.
public struct AnalysisPipeline: Sendable {
    /// The analysers, in the order they run.
    public var analyzers: [any Analyzer]

    /// A pipeline of these analysers, run in order.
    public init(analyzers: [any Analyzer]) {
        self.analyzers = analyzers
    }

    /// Every analyser copydesk ships, in dependency order.
    public static let standard = AnalysisPipeline(analyzers: [
        DatelineFacts(),
        BylineNormalizer(),
        SpeakerLabelResolver(),
        SetApartQuoteCollector(),
        QuoteAnalyzer(),
        DateMentionFinder(),
    ])

    /// Runs every analyser over the article, within the budget.
    public func run(_ article: inout Article, budget: AnalysisBudget = .default) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for analyzer in analyzers {
            diagnostics += analyzer.analyze(&article, budget: budget)
        }
        return diagnostics
    }
}
