// copydesk — ArticleAnalysis
// Finds quotation-mark segments in running text, telling quotation marks from apostrophes and inches,
// and marks them as quotation spans in the body.

import ArticleModel

// MARK: - QuoteSpan

/// One quotation found in running text. Offsets index the `Character` arrays of the text units;
/// a quotation running over several paragraphs starts in `startUnit` and ends in `endUnit`.
struct QuoteSpan: Sendable, Hashable {
    /// The unit (paragraph or list item) holding the opening mark.
    var startUnit: Int
    /// Offset of the opening mark in the start unit.
    var open: Int
    /// The unit holding the closing mark (or the end of an unclosed quotation).
    var endUnit: Int
    /// Offset just after the closing mark in the end unit (the unit's length when unclosed).
    var close: Int
    /// The quoted words, marks excluded, paragraphs joined with a space.
    var text: String
    /// The quotation's piece in each unit it covers, marks included, in order.
    var parts: [Part] = []

    /// A quotation's piece in one unit: from its opening mark (or the unit's start) to its
    /// closing mark (or the unit's end), with the marks' lengths (0 for a missing mark).
    struct Part: Sendable, Hashable {
        var unit: Int
        var start: Int
        var end: Int
        var openLength: Int
        var closeLength: Int
    }
}

// MARK: - QuoteScanner

/// Scans text units for quotation marks, in one pass over each unit.
///
/// Double marks (`"`, `“ ”`, `„`, `''`, `« »`) and single marks (`‘ ’`, `'` before a letter) open
/// quotations; single marks inside double ones are nested and not separate quotations. Other
/// languages' conventions count too: German `„…“` and `‚…‘`, Polish `„…”`, French `« … »` (with
/// its inner spaces) and `‹ … ›`, German and Danish `»…«` and `›…‹` (a `»` or `›` opens only when
/// no quotation is open and a word follows it), and CJK corner brackets `「…」` and `『…』`. An
/// apostrophe (`’` or `'` followed by a letter) never closes one; a `"` or `'` after a digit is
/// inches or feet. A paragraph that ends inside a quotation continues it when the next unit opens
/// with a quotation mark (the newspaper convention for quotations over several paragraphs).
enum QuoteScanner {
    /// The family of an opening mark, which decides the marks that close it.
    enum Mark: Sendable {
        case straightDouble, curlyDouble, lowDouble, guillemet, doubledSingle, curlySingle, straightSingle
        /// `»…«` (German, Danish).
        case reversedGuillemet
        /// `‚…‘` (German), `‹…›` and `›…‹`.
        case lowSingle, singleGuillemet, reversedSingleGuillemet
        /// `「…」` and `『…』`.
        case corner, whiteCorner

        /// Whether this is a single mark (nested inside double ones).
        var isSingle: Bool {
            switch self {
            case .curlySingle, .straightSingle, .lowSingle, .singleGuillemet, .reversedSingleGuillemet: true
            default: false
            }
        }
    }

    /// All quotations in the units, in reading order.
    static func scan(_ units: [[Character]]) -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        // An open quotation carried over from the previous unit.
        var carried: (span: QuoteSpan, mark: Mark, content: String)?
        for (unitIndex, chars) in units.enumerated() {
            var index = 0
            var current: (open: Int, mark: Mark, contentStart: Int)?
            if let pending = carried {
                carried = nil
                if let (mark, length) = opening(chars, at: firstNonSpace(chars)),
                    !mark.isSingle || pending.mark.isSingle
                {
                    // Continue the quotation in this paragraph.
                    let markAt = firstNonSpace(chars)
                    let start = markAt + length
                    if let end = closing(chars, from: start, mark: mark) {
                        var span = pending.span
                        span.endUnit = unitIndex
                        span.close = end.after
                        span.text = pending.content + " " + String(joining: chars[start..<end.at])
                        span.parts.append(
                            QuoteSpan.Part(
                                unit: unitIndex, start: markAt, end: end.after, openLength: length,
                                closeLength: end.after - end.at))
                        spans.append(trimmed(span))
                        index = end.after
                    } else {
                        var span = pending.span
                        span.endUnit = unitIndex
                        span.close = chars.count
                        span.parts.append(
                            QuoteSpan.Part(
                                unit: unitIndex, start: markAt, end: chars.count, openLength: length, closeLength: 0))
                        carried = (span, pending.mark, pending.content + " " + String(joining: chars[start...]))
                        continue
                    }
                } else {
                    spans.append(trimmed(pending.span, text: pending.content))
                }
            }
            while index < chars.count {
                if current == nil {
                    if let (mark, length) = opening(chars, at: index) {
                        current = (index, mark, index + length)
                        index += length
                        continue
                    }
                    index += 1
                    continue
                }
                guard let open = current else { break }
                if let end = closing(chars, from: open.contentStart, mark: open.mark) {
                    let text = String(joining: chars[open.contentStart..<end.at])
                    let part = QuoteSpan.Part(
                        unit: unitIndex, start: open.open, end: end.after, openLength: open.contentStart - open.open,
                        closeLength: end.after - end.at)
                    spans.append(
                        trimmed(
                            QuoteSpan(
                                startUnit: unitIndex, open: open.open, endUnit: unitIndex, close: end.after, text: text,
                                parts: [part])
                        )
                    )
                    index = end.after
                    current = nil
                } else {
                    // Unclosed: runs to the end of the unit, perhaps on to the next paragraph.
                    let part = QuoteSpan.Part(
                        unit: unitIndex, start: open.open, end: chars.count, openLength: open.contentStart - open.open,
                        closeLength: 0)
                    let span = QuoteSpan(
                        startUnit: unitIndex, open: open.open, endUnit: unitIndex, close: chars.count, text: "",
                        parts: [part])
                    carried = (span, open.mark, String(joining: chars[open.contentStart...]))
                    current = nil
                    index = chars.count
                }
            }
        }
        if let pending = carried {
            spans.append(trimmed(pending.span, text: pending.content))
        }
        return spans.filter { !$0.text.isEmpty }
    }

    // MARK: Marks

    /// The opening mark at `index`, with its length in characters, or `nil` when there is none.
    static func opening(_ chars: [Character], at index: Int) -> (Mark, Int)? {
        guard index < chars.count else { return nil }
        // Most characters are not marks: decide that before looking at the neighbours (ASCII
        // text at once: only `"` and `'` are marks there).
        if let ascii = chars[index].asciiByte, ascii != 0x22, ascii != 0x27 { return nil }
        guard let char = chars[index].singleScalar else { return nil }
        switch char {
        case "“", "„", "«", "\"", "'", "‘", "»", "‚", "‹", "›", "「", "『": break
        default: return nil
        }
        let previous: Character? = index > 0 ? chars[index - 1] : nil
        let next: Character? = index + 1 < chars.count ? chars[index + 1] : nil
        var opensAfter: Bool { previous.map { $0.fastIsWhitespace || opensQuotationAfter($0) } ?? true }
        switch char {
        case "“":
            return (.curlyDouble, 1)
        case "„":
            return (.lowDouble, 1)
        case "«":
            return (.guillemet, 1)
        case "»", "›":
            // `»Wort«`: a mark a word follows at once, after a space or an opening bracket.
            guard opensAfter, let next, next.isLetter || next.isNumber else { return nil }
            return (char == "»" ? .reversedGuillemet : .reversedSingleGuillemet, 1)
        case "‚":
            // U+201A, never a comma in text: `‚Wort‘`.
            guard opensAfter, let next, !next.isWhitespace else { return nil }
            return (.lowSingle, 1)
        case "‹":
            return (.singleGuillemet, 1)
        case "「":
            return (.corner, 1)
        case "『":
            return (.whiteCorner, 1)
        case "\"":
            guard opensAfter, let next, !next.fastIsWhitespace else { return nil }
            return (.straightDouble, 1)
        case "'":
            if next == "'" {
                guard opensAfter, index + 2 < chars.count, !chars[index + 2].isWhitespace else { return nil }
                return (.doubledSingle, 2)
            }
            guard opensAfter, let next, next.isLetter else { return nil }
            return (.straightSingle, 1)
        case "‘":
            guard let next, !next.isWhitespace, !next.isNumber else { return nil }
            return (.curlySingle, 1)
        default:
            return nil
        }
    }

    /// The closing mark for `mark` from `start` on: its offset and the offset just after it.
    static func closing(_ chars: [Character], from start: Int, mark: Mark) -> (at: Int, after: Int)? {
        var index = start
        while index < chars.count {
            // Only these marks can close a quotation: skip everything else at once.
            if let ascii = chars[index].asciiByte, ascii != 0x22, ascii != 0x27 {
                index += 1
                continue
            }
            guard let char = chars[index].singleScalar else {
                index += 1
                continue
            }
            switch char {
            case "”", "“", "\"", "»", "'", "’", "«", "‘", "›", "‹", "」", "』": break
            default:
                index += 1
                continue
            }
            let next: Character? = index + 1 < chars.count ? chars[index + 1] : nil
            let previous: Character? = index > start ? chars[index - 1] : nil
            var letterAfter: Bool { next.map { $0.fastIsLetter || $0.fastIsNumber } ?? false }
            switch mark {
            case .curlyDouble, .lowDouble:
                if char == "”" || (char == "“" && mark == .lowDouble) { return (index, index + 1) }
                if char == "\"" && previous.map({ !$0.isWhitespace }) == true { return (index, index + 1) }
            case .guillemet:
                if char == "»" { return (index, index + 1) }
            case .reversedGuillemet:
                if char == "«" && previous.map({ !$0.isWhitespace }) == true { return (index, index + 1) }
            case .lowSingle:
                if (char == "‘" || char == "’") && !letterAfter { return (index, index + 1) }
            case .singleGuillemet:
                if char == "›" { return (index, index + 1) }
            case .reversedSingleGuillemet:
                if char == "‹" && previous.map({ !$0.isWhitespace }) == true { return (index, index + 1) }
            case .corner:
                if char == "」" { return (index, index + 1) }
            case .whiteCorner:
                if char == "』" { return (index, index + 1) }
            case .straightDouble:
                if char == "\"" || char == "”" { return (index, index + 1) }
            case .doubledSingle:
                if char == "'" && next == "'" { return (index, index + 2) }
                if char == "”" || char == "\"" { return (index, index + 1) }
            case .curlySingle, .straightSingle:
                if (char == "’" || char == "'") && !letterAfter && previous.map({ !$0.isWhitespace }) == true {
                    // `players’ union` is a possessive when a lowercase word follows and the
                    // quotation has barely begun; a closing mark is followed by a space or punctuation.
                    return (index, index + 1)
                }
                if char == "“" || char == "”" || char == "\"" {
                    // A double mark inside a single quotation: a broken quotation; stop here.
                    if index - start > 0 { return nil }
                }
            }
            index += 1
        }
        return nil
    }

    // MARK: Helpers

    /// Punctuation after which a straight mark opens a quotation (`(`, `—`, `:`…).
    static func opensQuotationAfter(_ char: Character) -> Bool {
        switch char {
        case "(", "[", "{", "—", "–", "-", "/", ":", ";", ",": return true
        default: return false
        }
    }

    static func firstNonSpace(_ chars: [Character]) -> Int {
        var index = 0
        while index < chars.count, chars[index].fastIsWhitespace { index += 1 }
        return index
    }

    static func trimmed(_ span: QuoteSpan, text: String? = nil) -> QuoteSpan {
        var span = span
        span.text = (text ?? span.text).trimmingWhitespace()
        return span
    }
}

// MARK: - Marking spans in the body

extension Article {
    /// Marks one part of a quotation found in a paragraph (or list item) as a quotation span with
    /// this id. The part's offsets count characters of the run's plain text, as the scanner saw it.
    mutating func markQuotation(_ part: QuoteSpan.Part, id: String, block: Int, item: Int?) -> Bool {
        guard body.indices.contains(block) else { return false }
        func scalars(_ chars: ArraySlice<Character>) -> Int {
            chars.reduce(0) { $0 + $1.scalarCount }
        }
        func marked(_ run: [Inline]) -> [Inline]? {
            let chars = Array(run.plainText)
            guard part.start >= 0, part.start + part.openLength <= part.end - part.closeLength,
                part.end <= chars.count
            else { return nil }
            let start = scalars(chars[..<part.start])
            let end = start + scalars(chars[part.start..<part.end])
            let open = scalars(chars[part.start..<(part.start + part.openLength)])
            let close = scalars(chars[(part.end - part.closeLength)..<part.end])
            return run.markingQuotation(start..<end, openLength: open, closeLength: close, quoteID: id)
        }
        switch body[block] {
        case .paragraph(var paragraph) where item == nil:
            guard let run = marked(paragraph.content) else { return false }
            paragraph.content = run
            body[block] = .paragraph(paragraph)
            return true
        case .list(var list):
            guard let item, list.items.indices.contains(item), let run = marked(list.items[item].content) else {
                return false
            }
            list.items[item].content = run
            body[block] = .list(list)
            return true
        default:
            return false
        }
    }
}
