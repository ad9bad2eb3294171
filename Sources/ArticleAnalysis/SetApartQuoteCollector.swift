// copydesk — ArticleAnalysis
// Pull quotes and blockquotes are quotations: list them in `quotes` with their attribution.

import ArticleModel

// MARK: - SetApartQuoteCollector

/// Lists every pull quote and blockquote in `quotes` and anchors it: the block's `quoteID` is the
/// quote's id. A printed attribution (`— Jane Doe, mayor`) names the speaker (`explicit`, read by
/// `SpeakerLabels`); speakers for unattributed pull quotes and for quotes in running text come
/// from the quote analyser. A quote an input listed without anchoring it (Markdown front matter)
/// is anchored to the first block of its kind with the same words.
package struct SetApartQuoteCollector: Analyzer {
    package init() {}

    package var name: String { "set-apart-quotes" }

    package func analyze(_ article: inout Article) -> [Diagnostic] {
        let listed = Set(article.quotes.map(\.id))
        var waiting = article.unanchoredQuotes.filter { $0.kind != .direct }
        var number = Int(article.nextQuoteID().dropFirst()) ?? 1
        var changed = false
        for index in article.body.indices {
            let block = article.body[index]
            let kind: Quote.Kind
            let content: [Inline]
            let attribution: String?
            let anchor: String?
            switch block {
            case .pullQuote(let quote):
                (kind, content, attribution, anchor) = (.pull, quote.content, quote.attribution, quote.quoteID)
            case .blockquote(let quote):
                (kind, content, attribution, anchor) = (.block, quote.content, quote.attribution, quote.quoteID)
            default:
                continue
            }
            if let anchor, listed.contains(anchor) { continue }
            let text = content.plainText.trimmingWhitespace()
            guard !text.isEmpty else { continue }
            let id: String
            if let anchor {
                id = anchor
            } else if let match = waiting.firstIndex(where: { $0.kind == kind && $0.text == text }) {
                id = waiting.remove(at: match).id
            } else {
                id = "q\(number)"
                number += 1
            }
            article.body[index] = Self.anchoring(block, id: id)
            changed = true
            guard !listed.contains(id) else { continue }
            let speaker = attribution.flatMap(SpeakerLabels.speaker(fromLabel:))
            article.quotes.append(
                Quote(
                    id: id, text: text, speaker: speaker, cue: nil, kind: kind,
                    attribution: speaker == nil ? nil : .explicit, location: block.location))
        }
        if changed { article.sortQuotesByPosition() }
        return []
    }

    /// The block with its `quoteID` set.
    static func anchoring(_ block: Block, id: String) -> Block {
        switch block {
        case .pullQuote(var quote):
            quote.quoteID = id
            return .pullQuote(quote)
        case .blockquote(var quote):
            quote.quoteID = id
            return .blockquote(quote)
        default:
            return block
        }
    }
}
