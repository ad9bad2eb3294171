// copydesk — test support
// Random articles for property tests, reproducible from a seed.

import ArticleModel

// MARK: - A seeded generator

/// SplitMix64: small, fast, and the same sequence for the same seed on every machine.
package struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: - RandomArticles

/// Builds random but well-formed articles, with awkward text (quotes, control characters,
/// emoji, right-to-left script, JSON metacharacters) in every string field.
package struct RandomArticles {
    package var generator: SeededGenerator
    /// A second stream for the block kinds model 2.2 added (code and tables): drawing them from it
    /// leaves the main stream as it was, so a seed gives the article it gave before, with some of its
    /// blocks replaced by code or a table.
    private var extras: SeededGenerator

    package init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
        extras = SeededGenerator(seed: seed ^ 0x00C0_DE7A_B1E5)
    }

    private static let fragments = [
        "Harbour", "council", "“quoted”", "‘single’", "\"straight\"", "it's", "don't", "5'11\"", "#tag", "- dash",
        ": colon", "{brace}", "[bracket]", "back\\slash", "tab\there", "new\nline", "\u{1}", "emoji 🗞️", "مرحبا",
        "naïve café", "", " ", "null", "true", "0777", "no", "—", "https://example.org/a?b=c&d=e", "<b>html</b>",
        "&amp;", "\u{2028}", "%s", "über", "漢字",
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
    mutating func bool() -> Bool { Bool.random(using: &generator) }

    package mutating func text(minWords: Int = 1, maxWords: Int = 8) -> String {
        (0..<int(minWords...maxWords)).map { _ in Self.fragments.randomElement(using: &generator)! }
            .joined(separator: " ")
    }

    mutating func optionalText() -> String? { bool() ? text() : nil }

    mutating func location() -> SourceLocation? {
        bool() ? SourceLocation(line: int(1...500), column: int(1...80)) : nil
    }

    package mutating func inlines(depth: Int = 0) -> [Inline] {
        (0..<int(1...4)).map { _ in
            let choice = depth > 2 ? 0 : int(0...6)
            switch choice {
            case 0, 1: return .text(text())
            case 2: return .emphasis(inlines(depth: depth + 1))
            case 3: return .strong(inlines(depth: depth + 1))
            case 4: return .link(url: "https://example.org/\(int(0...999))", content: inlines(depth: depth + 1))
            case 5:
                return .quotation(
                    Quotation(
                        open: ["“", "‘", "\"", ""].randomElement(using: &generator)!,
                        close: ["”", "’", "\"", ""].randomElement(using: &generator)!,
                        content: inlines(depth: depth + 1), quoteID: quoteID()))
            default: return .lineBreak
            }
        }
    }

    /// One of the ids `article()` gives its quotes (`q1`…`q3`), or none.
    mutating func quoteID() -> String? {
        bool() ? "q\(int(1...3))" : nil
    }

    /// Content that the JSON encoding stores as `text` alone, or rich content.
    mutating func content() -> [Inline] {
        bool() ? [.text(text())] : inlines()
    }

    /// A random block: one of every kind, code and tables (from the second stream) among them.
    package mutating func block() -> Block {
        let block = blockOfModel20()
        let choice = Int.random(in: 0..<9, using: &extras)
        guard choice >= 7 else { return block }
        swap(&generator, &extras)
        defer { swap(&generator, &extras) }
        return choice == 7
            ? .code(
                CodeBlock(
                    text: code(),
                    language: bool() ? ["swift", "toml", "c++", "shell"].randomElement(using: &generator) : nil,
                    location: location()))
            : table()
    }

    /// A block of the kinds model 2.0 has, drawn from the main stream.
    private mutating func blockOfModel20() -> Block {
        switch int(0...6) {
        case 0: return .paragraph(Paragraph(content(), location: location()))
        case 1: return .heading(Heading(level: int(1...6), content(), location: location()))
        case 2:
            return .list(
                ListBlock(
                    ordered: bool(), items: (0..<int(1...4)).map { _ in ListItem(content(), location: location()) },
                    label: optionalText(), speaker: bool() ? speaker() : nil, location: location()))
        case 3:
            return .blockquote(
                Blockquote(content(), attribution: optionalText(), quoteID: quoteID(), location: location()))
        case 4:
            return .pullQuote(
                PullQuote(content(), attribution: optionalText(), quoteID: quoteID(), location: location()))
        case 5:
            return .image(
                Image(
                    src: "img/\(int(0...99)).jpg", alt: optionalText(), caption: optionalText(),
                    credit: optionalText(), location: location()))
        default: return .rule(HorizontalRule(location: location()))
        }
    }

    /// Lines of code: indented by spaces or a tab, a token of code then awkward text (so never blank).
    mutating func code() -> String {
        (0..<int(1...4)).map { _ in
            ["", "  ", "    ", "\t"].randomElement(using: &generator)!
                + ["let x = 1;", "if a < b && c > d {", "}", "echo \"$HOME\"", "key = 'v'", "<p>&amp;</p>", "x"]
                .randomElement(using: &generator)! + " " + text(maxWords: 4)
        }.joined(separator: "\n")
    }

    /// A table of one to four rows of rich cells, a row sometimes shorter than the others, the first
    /// row sometimes a header row, and sometimes a caption.
    mutating func table() -> Block {
        let width = int(1...4)
        let header = bool()
        let rows = (0..<int(1...4)).map { number in
            TableRow(
                cells: (0..<(bool() ? width : int(1...width))).map { _ in TableCell(content()) },
                isHeader: number == 0 && header)
        }
        return .table(Table(rows: rows, caption: optionalText(), location: location()))
    }

    mutating func speaker() -> Speaker {
        Speaker(name: text(), mention: optionalText(), role: optionalText())
    }

    mutating func date() -> ArticleDate? {
        switch int(0...3) {
        case 0: return nil
        case 1: return ArticleDate(text: text(), value: nil)
        default:
            let value = DateTimeValue(
                year: int(1990...2030), month: bool() ? int(1...12) : nil, day: int(1...28),
                hour: bool() ? int(0...23) : nil, minute: int(0...59), second: int(0...59),
                fraction: bool() ? String(int(0...999)) : nil, utcOffsetMinutes: bool() ? int(-12...14) * 60 : nil)
            return ArticleDate(text: bool() ? value.iso8601 : text(), value: value)
        }
    }

    mutating func jsonValue(depth: Int = 0) -> JSONValue {
        switch depth > 1 ? int(0...3) : int(0...5) {
        case 0: return .null
        case 1: return .bool(bool())
        case 2: return .number(Double(int(-1000...1000)))
        case 3: return .string(text())
        case 4: return .array((0..<int(0...3)).map { _ in jsonValue(depth: depth + 1) })
        default:
            var object: [String: JSONValue] = [:]
            for _ in 0..<int(0...3) { object[text()] = jsonValue(depth: depth + 1) }
            return .object(object)
        }
    }

    /// A random article.
    package mutating func article() -> Article {
        let blocks = (0..<int(0...8)).map { _ in block() }
        var extensions: [String: JSONValue] = [:]
        for _ in 0..<int(0...3) { extensions[text()] = jsonValue() }
        return Article(
            headline: optionalText(), subheadline: optionalText(),
            highlights: (0..<int(0...3)).map { _ in text() },
            bylines: (0..<int(0...3)).map { _ in
                Byline(
                    name: text(), kind: bool() ? .person : .organization, role: optionalText(),
                    affiliation: optionalText(), raw: optionalText(), origin: bool() ? .printed : .field,
                    location: location())
            },
            dateline: bool() ? Dateline(place: optionalText(), date: optionalText(), raw: text()) : nil,
            published: date(), modified: date(), language: bool() ? "en" : nil, section: optionalText(),
            keywords: (0..<int(0...3)).map { _ in text() },
            source: bool()
                ? ArticleSource(publisher: optionalText(), url: optionalText(), format: "text", file: optionalText())
                : nil,
            body: blocks,
            quotes: (0..<int(0...3)).map { number in
                Quote(
                    id: "q\(number + 1)", text: text(), speaker: bool() ? speaker() : nil, cue: optionalText(),
                    kind: Quote.Kind.allCases.randomElement(using: &generator)!,
                    attribution: bool() ? Quote.Attribution.allCases.randomElement(using: &generator)! : nil,
                    location: location())
            },
            extensions: extensions)
    }
}
