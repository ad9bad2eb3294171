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
    public func analyze(_ article: inout Article, budget: AnalysisBudget) -> [Diagnostic] {
        analyze(&article)
    }
}

// MARK: - AnalysisBudget

/// How much text the analysers read, so an untrusted article costs time in proportion to its
/// size: quotations and dates are looked for in the first `maxParagraphCharacters` characters of
/// each paragraph or list item (`--max-analysed-paragraph`); the rest is kept but not searched,
/// with a note.
public struct AnalysisBudget: Sendable, Equatable {
    public var maxParagraphCharacters: Int

    public init(maxParagraphCharacters: Int = 100_000) {
        self.maxParagraphCharacters = maxParagraphCharacters
    }

    /// 100,000 characters a paragraph.
    public static let `default` = AnalysisBudget()

    /// The text an analyser reads, and a note when it was cut.
    func bounded(_ text: String, blockIndex: Int, location: SourceLocation?, analyser: String) -> (
        text: Substring, note: Diagnostic?
    ) {
        guard text.utf8.count > maxParagraphCharacters else { return (text[...], nil) }
        let kept = text.prefix(maxParagraphCharacters)
        guard kept.endIndex < text.endIndex else { return (kept, nil) }
        let note = Diagnostic(
            id: "analysis.limit", severity: .note,
            message:
                "block \(blockIndex + 1) is longer than \(maxParagraphCharacters) characters; \(analyser) were looked "
                + "for in its first \(maxParagraphCharacters) only (raise the limit with --max-analysed-paragraph)",
            location: location)
        return (kept, note)
    }
}

// MARK: - AnalysisPipeline

/// The analysers in the order they run.
public struct AnalysisPipeline: Sendable {
    public var analyzers: [any Analyzer]

    public init(analyzers: [any Analyzer]) {
        self.analyzers = analyzers
    }

    /// Every analyser copydesk ships, in dependency order.
    public static let standard = AnalysisPipeline(analyzers: [
        BylineNormalizer(),
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
