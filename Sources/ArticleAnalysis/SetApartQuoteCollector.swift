// copydesk — ArticleAnalysis
// Pull quotes and blockquotes are quotations: list them in `quotes` with their attribution.

public import ArticleModel

// MARK: - SetApartQuoteCollector

/// Adds a `Quote` for every pull quote and blockquote in the body. A printed attribution
/// (`— Jane Doe, mayor`) becomes the speaker (`explicit`); speakers for unattributed pull quotes
/// and for quotes in running text come from the quote analyser.
public struct SetApartQuoteCollector: Analyzer {
    public init() {}

    public var name: String { "set-apart-quotes" }

    public func analyze(_ article: inout Article) -> [Diagnostic] {
        struct Key: Hashable {
            var blockIndex: Int
            var kind: Quote.Kind
        }
        let existing = Set(
            article.quotes.compactMap { quote in quote.blockIndex.map { Key(blockIndex: $0, kind: quote.kind) } })
        var added: [Quote] = []
        for (index, block) in article.body.enumerated() {
            let kind: Quote.Kind
            let content: [Inline]
            let attribution: String?
            switch block {
            case .pullQuote(let quote):
                (kind, content, attribution) = (.pull, quote.content, quote.attribution)
            case .blockquote(let quote):
                (kind, content, attribution) = (.block, quote.content, quote.attribution)
            default:
                continue
            }
            let text = content.plainText.trimmingWhitespace()
            guard !text.isEmpty, !existing.contains(Key(blockIndex: index, kind: kind)) else { continue }
            let speaker = attribution.map { Self.speaker(fromAttribution: $0) }
            added.append(
                Quote(
                    text: text, speaker: speaker, cue: nil, kind: kind, attribution: speaker == nil ? nil : .explicit,
                    blockIndex: index, location: block.location))
        }
        guard !added.isEmpty else { return [] }
        article.quotes += added
        article.quotes.sort { ($0.blockIndex ?? Int.max) < ($1.blockIndex ?? Int.max) }
        return []
    }

    /// `Jane Doe, mayor of Harbourtown` → name `Jane Doe`, role `mayor of Harbourtown`.
    static func speaker(fromAttribution text: String) -> Speaker {
        guard let comma = text.firstIndex(of: ",") else { return Speaker(name: text, mention: text) }
        let name = String(text[..<comma]).trimmingWhitespace()
        let role = String(text[text.index(after: comma)...]).trimmingWhitespace()
        return Speaker(name: name, mention: text, role: role.isEmpty ? nil : role)
    }
}
