// copydesk — ArticleFormats / Markdown writer
// Inline content → CommonMark text that any CommonMark parser reads back as the same text.

import ArticleModel

// MARK: - MarkdownInlineRenderer

/// Renders inlines as CommonMark: text escaped so it is never markup, `*emphasis*`, `**strong**`
/// and `[links](url)` only where CommonMark's delimiter rules let them be read back.
///
/// Text is normalised first, because CommonMark cannot hold it otherwise: control characters
/// are dropped, white space at the start and end of the block and around line breaks is
/// trimmed, and line breaks at the start or end are dropped. Each of these is reported.
struct MarkdownInlineRenderer {
    /// What was left out or changed, as `conversion.dropped` warnings.
    var diagnostics: [Diagnostic] = []
    /// Where the block being written came from, for the warnings.
    var location: SourceLocation?

    /// One step of flattened inline content.
    enum Token: Equatable {
        case text(String)
        case lineBreak
        case open(Mark)
        case close(Mark)
    }

    enum Mark: Equatable {
        case emphasis, strong
        case link(String)
    }

    // MARK: Flattening and normalising

    /// The inlines as normalised tokens (see the type's documentation).
    mutating func tokens(_ content: [Inline]) -> [Token] {
        var dropped: Set<String> = []
        var out: [Token] = []
        flatten(content, insideLink: false, into: &out, dropped: &dropped)
        let tokens = Self.normalised(out)
        if Self.plainText(tokens) != Self.plainText(out) {
            dropped.insert("white space at the start or end of a line, or line breaks at the start or end of a block")
        }
        for what in dropped.sorted() { warn(what) }
        return tokens
    }

    private func flatten(_ content: [Inline], insideLink: Bool, into out: inout [Token], dropped: inout Set<String>) {
        for inline in content {
            switch inline {
            case .text(let text):
                // Nearly all text holds no line break or control character: it is one token as it is.
                if !Self.holdsBreakOrControl(text) {
                    if !text.isEmpty { out.append(.text(text)) }
                    continue
                }
                var run = ""
                for scalar in text.unicodeScalars {
                    if scalar == "\n" {
                        if !run.isEmpty { out.append(.text(run)) }
                        out.append(.lineBreak)
                        run = ""
                    } else if Self.isControl(scalar) {
                        dropped.insert("control characters (U+0000–U+001F, U+007F–U+009F)")
                    } else {
                        run.unicodeScalars.append(scalar)
                    }
                }
                if !run.isEmpty { out.append(.text(run)) }
            case .emphasis(let inner):
                out.append(.open(.emphasis))
                flatten(inner, insideLink: insideLink, into: &out, dropped: &dropped)
                out.append(.close(.emphasis))
            case .strong(let inner):
                out.append(.open(.strong))
                flatten(inner, insideLink: insideLink, into: &out, dropped: &dropped)
                out.append(.close(.strong))
            case .link(let url, let inner):
                if insideLink {
                    dropped.insert("a link inside a link (\(url)); its text was kept")
                } else if !URLSafety.isSafe(url) {
                    dropped.insert(
                        "a link to '\(url)' (only http, https, mailto and relative links); its text was kept")
                } else if url.unicodeScalars.contains(where: { $0 == "\n" || Self.isControl($0) }) {
                    dropped.insert("a link whose URL holds line breaks or control characters; its text was kept")
                } else {
                    out.append(.open(.link(url)))
                    flatten(inner, insideLink: true, into: &out, dropped: &dropped)
                    out.append(.close(.link(url)))
                    continue
                }
                flatten(inner, insideLink: insideLink, into: &out, dropped: &dropped)
            case .quotation(let quotation):
                flatten(
                    [.text(quotation.open)] + quotation.content + [.text(quotation.close)], insideLink: insideLink,
                    into: &out, dropped: &dropped)
            case .lineBreak:
                out.append(.lineBreak)
            }
        }
    }

    /// Trims white space at the ends and around line breaks, drops breaks at the ends, empty
    /// text and empty emphasis.
    static func normalised(_ input: [Token]) -> [Token] {
        var tokens = input
        // Trim each line: from each line start forwards and each line end backwards.
        var lineStart = true
        for index in tokens.indices {
            switch tokens[index] {
            case .lineBreak: lineStart = true
            case .text(let text) where lineStart:
                let trimmed = String(text.unicodeScalars.drop { $0.properties.isWhitespace })
                tokens[index] = .text(trimmed)
                if !trimmed.isEmpty { lineStart = false }
            default: break
            }
        }
        var lineEnd = true
        for index in tokens.indices.reversed() {
            switch tokens[index] {
            case .lineBreak: lineEnd = true
            case .text(let text) where lineEnd:
                var scalars = text.unicodeScalars[...]
                while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
                tokens[index] = .text(String(scalars))
                if !scalars.isEmpty { lineEnd = false }
            default: break
            }
        }
        tokens.removeAll { $0 == .text("") }
        // Breaks before the first text or after the last cannot be written.
        if let first = tokens.firstIndex(where: { if case .text = $0 { return true } else { return false } }),
            let last = tokens.lastIndex(where: { if case .text = $0 { return true } else { return false } })
        {
            tokens = tokens.enumerated().filter { $0.element != .lineBreak || (first < $0.offset && $0.offset < last) }
                .map(\.element)
        } else {
            tokens.removeAll { $0 == .lineBreak }
        }
        // Emphasis around nothing.
        var changed = true
        while changed {
            changed = false
            for index in tokens.indices.dropLast() {
                if case .open(let mark) = tokens[index], mark == .emphasis || mark == .strong,
                    tokens[index + 1] == .close(mark)
                {
                    tokens.removeSubrange(index...index + 1)
                    changed = true
                    break
                }
            }
        }
        return tokens
    }

    /// The text the tokens read as.
    static func plainText(_ tokens: [Token]) -> String {
        var out = ""
        for token in tokens {
            switch token {
            case .text(let text): out += text
            case .lineBreak: out += "\n"
            default: break
            }
        }
        return out
    }

    // MARK: Rendering

    /// One piece of output: literal Markdown, or an emphasis delimiter that may yet be dropped.
    private enum Piece {
        case literal(String)
        case delimiter(pair: Int, text: String, opening: Bool)
    }

    /// Renders tokens. `continuation` starts each line after a hard break (`> ` in a quote,
    /// spaces in a list item); `lineStart` says whether the text starts a line.
    mutating func render(_ tokens: [Token], continuation: String = "", lineStart: Bool = true) -> String {
        var pieces: [Piece] = []
        var openPairs: [Int] = []
        var nextPair = 0
        var atLineStart = lineStart
        for (index, token) in tokens.enumerated() {
            switch token {
            case .text(let text):
                let beforeLink: Bool
                if index + 1 < tokens.count, case .open(.link) = tokens[index + 1] {
                    beforeLink = true
                } else {
                    beforeLink = false
                }
                pieces.append(.literal(Self.escaped(text, lineStart: atLineStart, beforeLink: beforeLink)))
                atLineStart = false
            case .lineBreak:
                pieces.append(.literal("\\\n" + continuation))
                atLineStart = true
            case .open(.link):
                pieces.append(.literal("["))
            case .close(.link(let url)):
                pieces.append(.literal("](" + Self.destination(url) + ")"))
            case .open(let mark):
                openPairs.append(nextPair)
                pieces.append(.delimiter(pair: nextPair, text: mark == .strong ? "**" : "*", opening: true))
                nextPair += 1
            case .close(let mark):
                let pair = openPairs.removeLast()
                pieces.append(.delimiter(pair: pair, text: mark == .strong ? "**" : "*", opening: false))
            }
        }
        var inactive: Set<Int> = []
        while let bad = Self.invalidPair(pieces, inactive: inactive) {
            inactive.insert(bad)
        }
        if !inactive.isEmpty {
            warn("emphasis that CommonMark cannot mark next to these characters; its text was kept")
        }
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let text): out += text
            case .delimiter(let pair, let text, _): if !inactive.contains(pair) { out += text }
            }
        }
        return out
    }

    /// The first emphasis pair one of whose delimiter runs CommonMark would not read as meant:
    /// an opener must be left-flanking only, a closer right-flanking only, and delimiters may not
    /// touch each other. (Symbols count as punctuation in CommonMark 0.31, not in 0.30: a run
    /// must be right under both.)
    private static func invalidPair(_ pieces: [Piece], inactive: Set<Int>) -> Int? {
        var scalars: [Unicode.Scalar] = []
        var runs: [(start: Int, end: Int, pairs: [Int], openings: [Bool])] = []
        var inRun = false
        for piece in pieces {
            switch piece {
            case .literal(let text):
                scalars += text.unicodeScalars
                inRun = false
            case .delimiter(let pair, let text, let opening):
                guard !inactive.contains(pair) else { continue }
                if !inRun { runs.append((scalars.count, scalars.count, [], [])) }
                scalars += text.unicodeScalars
                runs[runs.count - 1].end = scalars.count
                runs[runs.count - 1].pairs.append(pair)
                runs[runs.count - 1].openings.append(opening)
                inRun = true
            }
        }
        for run in runs {
            let before = run.start > 0 ? scalars[run.start - 1] : nil
            let after = run.end < scalars.count ? scalars[run.end] : nil
            let opening = run.openings[0]
            // One delimiter per run: `***` and longer runs are read differently by simpler parsers.
            var valid = run.pairs.count == 1
            for symbols in [false, true] where valid {
                let left = flanking(next: after, previous: before, symbols: symbols)
                let right = flanking(next: before, previous: after, symbols: symbols)
                valid = opening ? left && !right : right && !left
            }
            if !valid { return run.pairs[0] }
        }
        return nil
    }

    /// CommonMark's left-flanking test (right-flanking with the neighbours swapped).
    private static func flanking(next: Unicode.Scalar?, previous: Unicode.Scalar?, symbols: Bool) -> Bool {
        guard let next, !isSpace(next) else { return false }
        guard isPunctuation(next, symbols: symbols) else { return true }
        guard let previous else { return true }
        return isSpace(previous) || isPunctuation(previous, symbols: symbols)
    }

    // MARK: Escaping

    /// Text as CommonMark that reads back as exactly this text.
    static func escaped(_ text: String, lineStart: Bool, beforeLink: Bool = false) -> String {
        // Most text has nothing to escape, and its bytes say so without making its characters:
        // no markup byte anywhere, and no block marker or digit first when it starts a line.
        if !text.utf8.contains(where: isMarkupByte),
            !lineStart || text.utf8.first.map({ !isBlockMarkerByte($0) && !($0 >= 0x30 && $0 <= 0x39) }) ?? true
        {
            return text
        }
        let characters = text.characterArray
        var out = ""
        var index = 0
        if lineStart {
            // Block markers: `#`, `>`, `-`, `+`, `=` and `1.`/`1)` at the start of a line.
            if let first = characters.first, "#>-+=".contains(first) {
                out += "\\" + String(first)
                index = 1
            } else {
                let digits = characters.prefix { $0.isASCII && $0.isNumber }.count
                if digits > 0, digits < characters.count, characters[digits] == "." || characters[digits] == ")" {
                    out += String(characters[..<digits]) + "\\" + String(characters[digits])
                    index = digits + 1
                }
            }
        }
        while index < characters.count {
            let character = characters[index]
            let ascii = character.asciiByte
            if needsEscape(character)
                || (ascii == UInt8(ascii: "&") && looksLikeEntity(characters, after: index))
                || (ascii == UInt8(ascii: "!") && beforeLink && index == characters.count - 1)
            {
                out += "\\"
            }
            out.append(character)
            index += 1
        }
        return out
    }

    /// Characters CommonMark could read as markup anywhere in a line: `\\ ` * _ [ ] < | ~`.
    static func needsEscape(_ character: Character) -> Bool {
        character.asciiByte.map(isEscapedByte) ?? false
    }

    /// The bytes of `needsEscape`'s characters.
    static func isEscapedByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Bytes `escaped` must look at: `needsEscape`'s, and `&` and `!`, escaped by what follows them.
    static func isMarkupByte(_ byte: UInt8) -> Bool {
        isEscapedByte(byte) || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "!")
    }

    /// The first bytes of block markers `escaped` escapes at the start of a line: `# > - + =`.
    static func isBlockMarkerByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="): return true
        default: return false
        }
    }

    /// `&amp;`, `&#35;`, `&#x23;`: text a CommonMark parser would decode.
    static func looksLikeEntity(_ characters: [Character], after index: Int) -> Bool {
        var position = index + 1
        if position < characters.count, characters[position] == "#" { position += 1 }
        let start = position
        while position < characters.count, characters[position].isASCII,
            characters[position].isLetter || characters[position].isNumber
        {
            position += 1
        }
        return position > start && position < characters.count && characters[position] == ";"
    }

    /// A link destination: bare when it is simple, else `<…>`, with escapes. An `&` that would
    /// start an entity is written `&amp;`: cmark 0.30 decodes entities in destinations and
    /// titles even after a backslash.
    static func destination(_ url: String) -> String {
        let characters = Array(url)
        var out = ""
        out.reserveCapacity(url.utf8.count)
        var bare = !characters.isEmpty
        for (index, character) in characters.enumerated() {
            switch character {
            case "&" where looksLikeEntity(characters, after: index):
                out += "&amp;"
                continue
            case "\\", "<", ">":
                out.append("\\")
                bare = false
            case " ", "\t", "(", ")":
                bare = false
            default:
                break
            }
            out.append(character)
        }
        return bare ? out : "<" + out + ">"
    }

    /// A link or image title in double quotes.
    static func title(_ text: String) -> String {
        let characters = text.characterArray
        var out = "\""
        for (index, character) in characters.enumerated() {
            if character == "&" && looksLikeEntity(characters, after: index) {
                out += "&amp;"
                continue
            }
            // `<` too: a title is not HTML, but escaped it can never look like a tag to a renderer
            // or a checker.
            switch character {
            case "\\", "\"", "<": out.append("\\")
            default: break
            }
            out.append(character)
        }
        return out + "\""
    }

    // MARK: Characters

    /// C0 controls other than tab and line feed, DEL and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether the text holds a line feed or a scalar `isControl` takes, read from its UTF-8:
    /// bytes below 0x20 but tab, DEL, and C1 controls (C2 80…C2 9F).
    static func holdsBreakOrControl(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if (byte < 0x20 && byte != 0x09) || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) {
                    return true
                }
                previous = byte
            }
            return false
        }
    }

    /// CommonMark's Unicode white space: space separators, tab, line feed, form feed, return.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\u{C}" || scalar == "\r"
            || scalar.properties.generalCategory == .spaceSeparator
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar, symbols: Bool) -> Bool {
        if scalar.isASCII { return Character(scalar).isPunctuation || Character(scalar).isSymbol }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return symbols
        default:
            return false
        }
    }

    // MARK: Safety

    private mutating func warn(_ what: String) {
        diagnostics.append(.dropped(what, format: "Markdown", location: location))
    }
}
