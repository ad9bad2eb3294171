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
        var lines: [TextLine] = []
        var number = 0
        // Split on the bytes: TextDecoding has made every line end one LF, and a LF is always a
        // character of its own, so each piece starts and ends on a character boundary.
        for bytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let raw = Substring(bytes)
            number += 1
            // Fast path: a line with only plain spaces to trim and nothing to replace.
            if !raw.utf8.contains(where: { $0 == 0x09 || $0 >= 0x80 || $0 == 0x0B || $0 == 0x0C }) {
                let indent = raw.utf8.prefix { $0 == 0x20 }.count
                var body = raw.utf8.dropFirst(indent)
                while body.last == 0x20 { body = body.dropLast() }
                lines.append(TextLine(text: String(Substring(body)), number: number, indent: indent))
                continue
            }
            var cleaned = String.UnicodeScalarView()
            var indent = 0
            var seenText = false
            for scalar in raw.unicodeScalars {
                switch scalar {
                case "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}":
                    continue
                case "\t", "\u{00A0}", "\u{2007}", "\u{202F}", "\u{2009}", "\u{200A}", "\u{3000}", "\u{2002}",
                    "\u{2003}", "\u{000B}", "\u{000C}":
                    if seenText {
                        cleaned.append(" ")
                    } else {
                        indent += scalar == "\t" ? PlainTextThresholds.tabWidth : 1
                    }
                case " ":
                    if seenText { cleaned.append(" ") } else { indent += 1 }
                default:
                    seenText = true
                    cleaned.append(scalar)
                }
            }
            var text = String(cleaned)
            while text.last == " " { text.removeLast() }
            lines.append(TextLine(text: text, number: number, indent: indent))
        }
        return lines
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
