// copydesk — ArticleModel
// Quotes anchored in the body: where each quote id stands, and marking a quotation in running text.

// MARK: - QuoteAnchor

/// Where a quote's anchor stands in the body: a set-apart block, or a quotation span in a
/// paragraph, heading or list item.
public struct QuoteAnchor: Sendable, Hashable {
    /// The body block that holds the anchor.
    public var blockIndex: Int
    /// The list item, for a quotation in a list.
    public var itemIndex: Int?

    /// An anchor in a block, or in one item of a list.
    public init(blockIndex: Int, itemIndex: Int? = nil) {
        self.blockIndex = blockIndex
        self.itemIndex = itemIndex
    }
}

extension Article {
    /// Every quote id the body holds, with its anchors in reading order (a quotation over several
    /// paragraphs has one anchor per paragraph). Ids no entry of `quotes` lists are included.
    public var quoteAnchors: [String: [QuoteAnchor]] {
        var anchors: [String: [QuoteAnchor]] = [:]
        forEachQuoteAnchor { id, anchor in anchors[id, default: []].append(anchor) }
        return anchors
    }

    /// The quotes by id (the first entry wins when an id is listed twice).
    public var quotesByID: [String: Quote] {
        var byID: [String: Quote] = [:]
        for quote in quotes where byID[quote.id] == nil { byID[quote.id] = quote }
        return byID
    }

    /// The quotes whose id no block or quotation in the body carries: listed, but not placed.
    /// Readers of formats that cannot mark quotations (Markdown front matter, canonical JSON of
    /// model 1.x) leave them so; the quote analyser anchors them where their words stand. Headline
    /// quotes stand in the headline, which has no anchors, and are not listed here.
    public var unanchoredQuotes: [Quote] {
        let anchored = Set(quoteAnchors.keys)
        return quotes.filter { $0.kind != .headline && !anchored.contains($0.id) }
    }

    /// An id no quote and no anchor uses yet: `q1`, `q2`, … (the lowest free number after the
    /// highest `qN` in use).
    public func nextQuoteID() -> String {
        var highest = 0
        func note(_ id: String) {
            if id.hasPrefix("q"), let number = Int(id.dropFirst()) { highest = max(highest, number) }
        }
        for quote in quotes { note(quote.id) }
        forEachQuoteAnchor { id, _ in note(id) }
        return "q\(highest + 1)"
    }

    /// Orders `quotes` by where their anchors first stand in the body; unanchored quotes keep
    /// their order after the others.
    public mutating func sortQuotesByPosition() {
        var rank: [String: Int] = [:]
        forEachQuoteAnchor { id, _ in
            if rank[id] == nil { rank[id] = rank.count }
        }
        quotes = quotes.enumerated().sorted { lhs, rhs in
            let left = (rank[lhs.element.id] ?? Int.max, lhs.offset)
            let right = (rank[rhs.element.id] ?? Int.max, rhs.offset)
            return left < right
        }.map(\.element)
    }

    /// Visits every anchor in reading order: set-apart blocks by their `quoteID`, quotation spans
    /// (at any depth) by theirs.
    public func forEachQuoteAnchor(_ visit: (_ id: String, _ anchor: QuoteAnchor) -> Void) {
        for (index, block) in body.enumerated() {
            switch block {
            case .blockquote(let quote):
                if let id = quote.quoteID { visit(id, QuoteAnchor(blockIndex: index)) }
            case .pullQuote(let quote):
                if let id = quote.quoteID { visit(id, QuoteAnchor(blockIndex: index)) }
            default:
                break
            }
            if case .list(let list) = block {
                for (item, listItem) in list.items.enumerated() {
                    listItem.content.forEachQuotationID { visit($0, QuoteAnchor(blockIndex: index, itemIndex: item)) }
                }
            } else {
                for run in block.inlineRuns {
                    run.forEachQuotationID { visit($0, QuoteAnchor(blockIndex: index)) }
                }
            }
        }
    }

    /// Drops the quotes of `before` that had an anchor there and have none now (their block or
    /// span was deleted by a rewrite); quotes that were not anchored stay.
    mutating func dropQuotesWhoseAnchorsVanished(anchoredBefore: Set<String>) {
        guard !quotes.isEmpty, !anchoredBefore.isEmpty else { return }
        let anchoredNow = Set(quoteAnchors.keys)
        quotes.removeAll { anchoredBefore.contains($0.id) && !anchoredNow.contains($0.id) }
    }
}

extension Array where Element == Inline {
    /// Visits the `quoteID` of every quotation, depth first.
    func forEachQuotationID(_ visit: (String) -> Void) {
        for inline in self {
            inline.walk { node in
                if case .quotation(let quotation) = node, let id = quotation.quoteID { visit(id) }
            }
        }
    }
}

// MARK: - Marking a quotation

extension Inline {
    /// The length of `plainText` in Unicode scalars.
    package var scalarLength: Int {
        switch self {
        case .text(let text): return text.scalarCount
        case .emphasis(let content), .strong(let content), .link(_, let content): return content.scalarLength
        case .quotation(let quotation):
            return quotation.open.scalarCount + quotation.content.scalarLength + quotation.close.scalarCount
        case .lineBreak: return 1
        }
    }
}

extension Array where Element == Inline {
    /// The length of `plainText` in Unicode scalars.
    package var scalarLength: Int { reduce(0) { $0 + $1.scalarLength } }

    /// The content with the text at `range` (Unicode scalar offsets into `plainText`) marked as a
    /// quotation belonging to the quote `quoteID`: its first `openLength` scalars become the
    /// opening mark, its last `closeLength` the closing mark, the rest its content. The plain
    /// text is unchanged.
    ///
    /// Formatting the range only partly covers is split around it (`*a "b* c"` becomes
    /// `*a *"*b* c"`); a quotation already standing exactly at the range takes the id; a range
    /// inside one formatted run (or all of it) is marked inside it. Returns `nil` when the range cuts
    /// through a quotation already marked, or lies outside the text.
    package func markingQuotation(
        _ range: Range<Int>, openLength: Int, closeLength: Int, quoteID: String
    ) -> [Inline]? {
        guard range.lowerBound >= 0, range.upperBound <= scalarLength,
            openLength >= 0, closeLength >= 0, openLength + closeLength <= range.count
        else { return nil }
        // Inside one child: a quotation already there, or a formatted run that holds the whole range.
        var offset = 0
        for (index, inline) in enumerated() {
            let length = inline.scalarLength
            defer { offset += length }
            guard offset <= range.lowerBound, range.upperBound <= offset + length else { continue }
            let local = (range.lowerBound - offset)..<(range.upperBound - offset)
            var replaced = self
            switch inline {
            case .quotation(var quotation):
                if local == 0..<length {
                    guard quotation.quoteID == nil || quotation.quoteID == quoteID else { return nil }
                    quotation.quoteID = quoteID
                    replaced[index] = .quotation(quotation)
                    return replaced
                }
                let start = quotation.open.unicodeScalars.count
                let inner = (local.lowerBound - start)..<(local.upperBound - start)
                guard inner.lowerBound >= 0, inner.upperBound <= quotation.content.scalarLength,
                    let content = quotation.content.markingQuotation(
                        inner, openLength: openLength, closeLength: closeLength, quoteID: quoteID)
                else { return nil }
                quotation.content = content
                replaced[index] = .quotation(quotation)
                return replaced
            case .emphasis(let content), .strong(let content), .link(_, let content):
                guard
                    let marked = content.markingQuotation(
                        local, openLength: openLength, closeLength: closeLength, quoteID: quoteID)
                else { return nil }
                replaced[index] = inline.withFormattedContent(marked)
                return replaced
            case .text, .lineBreak:
                break
            }
            break
        }
        // Across children: split the run at both ends, then the marks off the middle.
        guard let (left, rest) = split(at: range.lowerBound),
            let (middle, right) = rest.split(at: range.count),
            let (openPart, afterOpen) = middle.split(at: openLength),
            let (content, closePart) = afterOpen.split(at: afterOpen.scalarLength - closeLength)
        else { return nil }
        let quotation = Quotation(
            open: openPart.plainText, close: closePart.plainText, content: content, quoteID: quoteID)
        return left + [.quotation(quotation)] + right
    }

    /// The run cut in two at a scalar offset; formatting that spans the cut is split in two.
    /// `nil` when the cut falls inside a quotation (its marks cannot be divided).
    func split(at cut: Int) -> (left: [Inline], right: [Inline])? {
        var left: [Inline] = []
        var right: [Inline] = []
        var offset = 0
        for inline in self {
            let length = inline.scalarLength
            defer { offset += length }
            if offset + length <= cut {
                left.append(inline)
                continue
            }
            if offset >= cut {
                right.append(inline)
                continue
            }
            let local = cut - offset
            switch inline {
            case .text(let text):
                let scalars = text.unicodeScalars
                let middle = scalars.index(scalars.startIndex, offsetBy: local)
                left.append(.text(String(scalars[..<middle])))
                right.append(.text(String(scalars[middle...])))
            case .emphasis(let content), .strong(let content), .link(_, let content):
                guard let (head, tail) = content.split(at: local) else { return nil }
                left.append(inline.withFormattedContent(head))
                right.append(inline.withFormattedContent(tail))
            case .quotation, .lineBreak:
                return nil
            }
        }
        return (left.withoutEmptyRuns, right.withoutEmptyRuns)
    }

    /// Without empty text runs and formatting left empty by a split.
    var withoutEmptyRuns: [Inline] {
        compactMap { inline in
            switch inline {
            case .text(let text): return text.isEmpty ? nil : inline
            case .emphasis(let content), .strong(let content), .link(_, let content):
                let kept = content.withoutEmptyRuns
                return kept.isEmpty ? nil : inline.withFormattedContent(kept)
            case .quotation, .lineBreak:
                return inline
            }
        }
    }
}

extension Inline {
    /// A formatted run (emphasis, strong, link) with other content, its formatting kept;
    /// any other inline unchanged.
    fileprivate func withFormattedContent(_ content: [Inline]) -> Inline {
        switch self {
        case .emphasis: return .emphasis(content)
        case .strong: return .strong(content)
        case .link(let url, _): return .link(url: url, content: content)
        case .text, .lineBreak, .quotation: return self
        }
    }
}
