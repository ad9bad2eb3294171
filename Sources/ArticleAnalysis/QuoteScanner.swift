// copydesk — ArticleAnalysis
// Finds quotation-mark segments in running text, telling quotation marks from apostrophes and inches.

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
}

// MARK: - QuoteScanner

/// Scans text units for quotation marks, in one pass over each unit.
///
/// Double marks (`"`, `“ ”`, `„`, `''`, `« »`) and single marks (`‘ ’`, `'` before a letter) open
/// quotations; single marks inside double ones are nested and not separate quotations. An
/// apostrophe (`’` or `'` followed by a letter) never closes one; a `"` or `'` after a digit is
/// inches or feet. A paragraph that ends inside a quotation continues it when the next unit opens
/// with a quotation mark (the newspaper convention for quotations over several paragraphs).
enum QuoteScanner {
    /// The family of an opening mark, which decides the marks that close it.
    enum Mark: Sendable {
        case straightDouble, curlyDouble, lowDouble, guillemet, doubledSingle, curlySingle, straightSingle

        /// Whether this is a single mark (nested inside double ones).
        var isSingle: Bool { self == .curlySingle || self == .straightSingle }
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
                    let start = firstNonSpace(chars) + length
                    if let end = closing(chars, from: start, mark: mark) {
                        var span = pending.span
                        span.endUnit = unitIndex
                        span.close = end.after
                        span.text = pending.content + " " + String(joining: chars[start..<end.at])
                        spans.append(trimmed(span))
                        index = end.after
                    } else {
                        var span = pending.span
                        span.endUnit = unitIndex
                        span.close = chars.count
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
                    spans.append(
                        trimmed(
                            QuoteSpan(
                                startUnit: unitIndex, open: open.open, endUnit: unitIndex, close: end.after, text: text)
                        )
                    )
                    index = end.after
                    current = nil
                } else {
                    // Unclosed: runs to the end of the unit, perhaps on to the next paragraph.
                    let span = QuoteSpan(
                        startUnit: unitIndex, open: open.open, endUnit: unitIndex, close: chars.count, text: "")
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
        // Most characters are not marks: decide that before looking at the neighbours.
        switch chars[index] {
        case "“", "„", "«", "\"", "'", "‘": break
        default: return nil
        }
        let previous: Character? = index > 0 ? chars[index - 1] : nil
        let next: Character? = index + 1 < chars.count ? chars[index + 1] : nil
        var opensAfter: Bool { previous.map { $0.fastIsWhitespace || opensQuotationAfter($0) } ?? true }
        switch chars[index] {
        case "“":
            return (.curlyDouble, 1)
        case "„":
            return (.lowDouble, 1)
        case "«":
            return (.guillemet, 1)
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
            let char = chars[index]
            // Only these marks can close a quotation: skip everything else at once.
            switch char {
            case "”", "“", "\"", "»", "'", "’": break
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
