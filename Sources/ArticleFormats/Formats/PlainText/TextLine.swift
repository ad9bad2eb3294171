// copydesk — ArticleFormats / plain-text reader
// Lines with their positions, and the small classifiers the reader's decisions rest on.

import ArticleModel

// MARK: - TextLine

/// One line of input: cleaned text and where it starts.
struct TextLine {
    /// The line with tabs and odd spaces made plain spaces, zero-width characters removed and
    /// trimmed at both ends.
    var text: String
    /// 1-based line number.
    var number: Int
    /// Leading white space before `text`, in Unicode scalars.
    var indent: Int

    var isBlank: Bool { text.isEmpty }

    func location(file: String?) -> SourceLocation {
        SourceLocation(file: file, line: number, column: indent + 1)
    }

    /// Splits normalised text into cleaned lines.
    static func lines(of text: String) -> [TextLine] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [TextLine] = []
            var number = 0
            var start = 0
            // Split on the bytes: TextDecoding has made every line end one LF, and a LF is always
            // a character of its own, so each piece starts and ends on a character boundary.
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                number += 1
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                lines.append(needsCleaning(line) ? cleaned(line, number: number) : trimmed(line, number: number))
                start = end + 1
            }
            return lines
        }
    }

    /// A line with only plain spaces to trim: its indent is the leading spaces.
    private static func trimmed(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> TextLine {
        var first = 0
        while first < line.count, line[first] == 0x20 { first += 1 }
        var last = line.count
        while last > first, line[last - 1] == 0x20 { last -= 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: line[first..<last]), as: UTF8.self)
        return TextLine(text: text, number: number, indent: first)
    }

    /// What cleaning a line does with a scalar: drops it (invisible: zero-width spaces and joiners,
    /// BOM, soft hyphen), reads it as a space of this many columns (plain, tab, vertical tab, form
    /// feed, no-break and typographic spaces), or keeps it.
    enum Cleaning: Equatable {
        case drop
        case space(columns: Int)
        case keep
    }

    static func cleaning(of scalar: Unicode.Scalar) -> Cleaning {
        switch scalar {
        case "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}":
            return .drop
        case "\t":
            return .space(columns: PlainTextThresholds.tabWidth)
        case " ", "\u{00A0}", "\u{2007}", "\u{202F}", "\u{2009}", "\u{200A}", "\u{3000}", "\u{2002}", "\u{2003}",
            "\u{000B}", "\u{000C}":
            return .space(columns: 1)
        default:
            return .keep
        }
    }

    /// Whether a line holds a scalar `cleaning(of:)` does not keep, other than the plain space that
    /// `trimmed` handles: read from the UTF-8 bytes, without decoding the line (a test holds the
    /// two to the same scalars).
    static func needsCleaning(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < line.count {
            let byte = line[index]
            if byte < 0x80 {
                if byte == 0x09 || byte == 0x0B || byte == 0x0C { return true }
                index += 1
                continue
            }
            let second = index + 1 < line.count ? line[index + 1] : 0
            let third = index + 2 < line.count ? line[index + 2] : 0
            switch byte {
            case 0xC2:  // U+00A0 no-break space, U+00AD soft hyphen
                if second == 0xA0 || second == 0xAD { return true }
            case 0xE2:  // U+2002 … U+200D, U+202F, U+2060
                if second == 0x80, [0x82, 0x83, 0x87, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0xAF].contains(third) {
                    return true
                }
                if second == 0x81, third == 0xA0 { return true }
            case 0xE3:  // U+3000 ideographic space
                if second == 0x80, third == 0x80 { return true }
            case 0xEF:  // U+FEFF zero-width no-break space
                if second == 0xBB, third == 0xBF { return true }
            default:
                break
            }
            index += 1
        }
        return false
    }

    /// A line with tabs or special spaces, cleaned scalar by scalar (`cleaning(of:)`): spaces
    /// before the text count into the indent, those after it become plain spaces.
    private static func cleaned(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> TextLine {
        var cleaned = String.UnicodeScalarView()
        var indent = 0
        var seenText = false
        for scalar in String(decoding: line, as: UTF8.self).unicodeScalars {
            switch cleaning(of: scalar) {
            case .drop:
                continue
            case .space(let columns):
                if seenText { cleaned.append(" ") } else { indent += columns }
            case .keep:
                seenText = true
                cleaned.append(scalar)
            }
        }
        var text = String(cleaned)
        while text.last == " " { text.removeLast() }
        return TextLine(text: text, number: number, indent: indent)
    }
}

// MARK: - Word helpers

enum Words {
    /// Words of a line: runs of letters, digits, apostrophes and hyphens.
    static func split(_ text: String) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" || $0 == "-" || $0 == ".") }
    }

    /// Whether a word starts with an uppercase letter or digit.
    static func isCapitalized(_ word: Substring) -> Bool {
        guard let first = word.first else { return false }
        return first.isUppercase || first.isNumber
    }

    /// Short words that stay lowercase inside titles and names.
    static let minor: Set<String> = [
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "over",
        "the", "to", "under", "up", "with", "vs", "via", "de", "del", "da", "di", "van", "von", "der", "den",
        "la", "le", "du", "al", "el", "bin", "ibn", "y", "e", "&",
    ]
}

// MARK: - Punctuation

enum Marks {
    /// Characters that open a quotation.
    static let opening: Set<Character> = ["“", "‘", "\"", "'", "«", "„", "‚", "‹", "「", "『"]

    /// The closing marks that can end a quotation opened by `mark`.
    static func closers(for mark: Character) -> Set<Character> {
        switch mark {
        case "“": return ["”", "“", "\""]
        case "‘": return ["’", "‘", "'"]
        case "\"": return ["\"", "”"]
        case "'": return ["'", "’"]
        case "«": return ["»"]
        case "„": return ["“", "”"]
        case "‚": return ["‘", "’"]
        case "‹": return ["›"]
        case "「": return ["」"]
        case "『": return ["』"]
        default: return []
        }
    }

    /// Sentence-ending punctuation.
    static let terminal: Set<Character> = [".", "!", "?", "…"]

    /// Punctuation that shows a line is not a heading when it ends one.
    static let nonHeadingEnd: Set<Character> = [".", ",", ";", ":", "…", "!"]

    /// Double quotation marks, for checking whether a paragraph leaves a quotation open.
    static func openDoubleQuotes(in text: String) -> Bool {
        var curlyOpen = 0
        var straight = 0
        for character in text {
            switch character {
            case "“": curlyOpen += 1
            case "”": curlyOpen = max(0, curlyOpen - 1)
            case "\"": straight += 1
            default: break
            }
        }
        return curlyOpen > 0 || straight % 2 == 1
    }

    /// Whether the text contains any quotation (a double mark, or a single opening curly mark).
    static func containsQuotation(_ text: String) -> Bool {
        text.contains { $0 == "“" || $0 == "\"" || $0 == "‘" || $0 == "«" || $0 == "„" }
    }
}
