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

    /// Runs every analyser over the article.
    public func run(_ article: inout Article) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for analyzer in analyzers {
            diagnostics += analyzer.analyze(&article)
        }
        return diagnostics
    }
}
