// copydesk — ArticleFormats
// Prose with a little Markdown (as CMS front matter and YAML `body:` fields hold it) → blocks.

import ArticleModel

// MARK: - LightMarkdown

/// Reads prose into blocks: paragraphs separated by blank lines, `#` headings, `-`/`*`/`1.`
/// lists, `>` quotes (a last `— Name` line is the attribution), `![alt](src)` images and `---`
/// rules; inline `*emphasis*`, `_emphasis_`, `**strong**`, `__strong__`, `[text](url)` links,
/// `` `code` `` (as text) and backslash escapes. Anything else is text, never an error.
enum LightMarkdown {
    /// Where the prose's first line sits in its file, so blocks get real positions.
    struct Origin {
        var file: String?
        var line: Int
        var column: Int
        /// Every line starts at `column` (a YAML block scalar strips the same indentation from
        /// each line); otherwise only the first line does and later lines start at column 1.
        var uniformIndent = false
    }

    static func blocks(from text: String, origin: Origin) -> [Block] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [Block] = []
        var group: [(text: String, number: Int, indent: Int)] = []
        func flush() {
            if !group.isEmpty { blocks += blocksForGroup(group, origin: origin) }
            group = []
        }
        for (index, raw) in lines.enumerated() {
            let trimmed = raw.trimmingWhitespace()
            if trimmed.isEmpty {
                flush()
            } else {
                let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
                group.append((String(raw.dropFirst(indent)), index, indent))
            }
        }
        flush()
        return blocks
    }

    private static func location(_ number: Int, _ indent: Int, _ origin: Origin) -> SourceLocation {
        let base = number == 0 || origin.uniformIndent ? origin.column : 1
        return SourceLocation(file: origin.file, line: origin.line + number, column: base + indent)
    }

    private static func blocksForGroup(_ group: [(text: String, number: Int, indent: Int)], origin: Origin) -> [Block] {
        let first = group[0]
        let here = location(first.number, first.indent, origin)
        // A rule, or an image, on a line of its own.
        if group.count == 1, isRule(first.text) { return [.rule(Rule(location: here))] }
        if group.count == 1, let image = image(first.text) {
            return [.image(Image(src: image.src, alt: image.alt, caption: image.title, location: here))]
        }
        // Headings.
        if group.count == 1, first.text.hasPrefix("#") {
            let hashes = first.text.prefix { $0 == "#" }.count
            let rest = first.text.dropFirst(hashes)
            if hashes <= 6, rest.first == " " {
                var title = String(rest).trimmingWhitespace()
                while title.hasSuffix("#") { title = String(title.dropLast()).trimmingWhitespace() }
                return [.heading(Heading(level: max(2, hashes), inlines(title), location: here))]
            }
        }
        // Quotes.
        if group.allSatisfy({ $0.text.hasPrefix(">") }) {
            var texts = group.map { String($0.text.dropFirst().drop { $0 == " " }) }
            var attribution: String?
            if let last = texts.last, let name = dashAttribution(last) {
                attribution = name
                texts.removeLast()
            }
            let content = inlines(texts.filter { !$0.isEmpty }.joined(separator: " "))
            return [.blockquote(Blockquote(content, attribution: attribution, location: here))]
        }
        // Lists.
        if let firstItem = listItem(first.text) {
            var items: [ListItem] = []
            for line in group {
                if let item = listItem(line.text), item.ordered == firstItem.ordered {
                    items.append(ListItem(inlines(item.text), location: location(line.number, line.indent, origin)))
                } else if !items.isEmpty {
                    let previous = items[items.count - 1].content.plainText
                    items[items.count - 1].content = inlines(previous + " " + line.text)
                }
            }
            return [.list(ListBlock(ordered: firstItem.ordered, items: items, location: here))]
        }
        // A paragraph: soft line breaks become spaces; two trailing spaces or a backslash break the line.
        var content: [Inline] = []
        for (index, line) in group.enumerated() {
            var text = line.text
            var hardBreak = false
            if text.hasSuffix("\\") {
                text.removeLast()
                hardBreak = true
            }
            let original = text
            text = text.trimmingWhitespace()
            if original.hasSuffix("  ") { hardBreak = true }
            content += inlines(text)
            if index < group.count - 1 { content.append(hardBreak ? .lineBreak : .text(" ")) }
        }
        return [.paragraph(Paragraph(merged(content), location: here))]
    }

    static func isRule(_ line: String) -> Bool {
        let compact = line.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    private static func listItem(_ line: String) -> (text: String, ordered: Bool)? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return (String(line.dropFirst(2)).trimmingWhitespace(), false)
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if (1...3).contains(digits.count) {
            let rest = line.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " {
                return (String(rest.dropFirst(2)).trimmingWhitespace(), true)
            }
        }
        return nil
    }

    private static func image(_ line: String) -> (src: String, alt: String?, title: String?)? {
        guard line.hasPrefix("!["), line.hasSuffix(")"), let close = line.range(of: "](") else { return nil }
        let alt = String(line[line.index(line.startIndex, offsetBy: 2)..<close.lowerBound])
        var target = String(line[close.upperBound..<line.index(before: line.endIndex)]).trimmingWhitespace()
        var title: String?
        if let quote = target.firstIndex(of: "\""), target.hasSuffix("\"") {
            title = String(target[target.index(after: quote)..<target.index(before: target.endIndex)])
            target = String(target[..<quote]).trimmingWhitespace()
        }
        guard !target.isEmpty, !target.contains(" ") else { return nil }
        return (target, alt.isEmpty ? nil : alt, title)
    }

    private static func dashAttribution(_ text: String) -> String? {
        guard let first = text.first, first == "—" || first == "–" || text.hasPrefix("-- ") else { return nil }
        let name = String(text.drop { $0 == "—" || $0 == "–" || $0 == "-" || $0 == " " })
        return name.isEmpty ? nil : name
    }

    // MARK: Inlines

    /// Inline Markdown in one line of text.
    static func inlines(_ text: String) -> [Inline] {
        var parser = InlineParser(Array(text))
        return merged(parser.parse(until: nil))
    }

    /// Adjacent text runs joined.
    static func merged(_ content: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for inline in content {
            if case .text(let next) = inline, case .text(let previous)? = out.last {
                out[out.count - 1] = .text(previous + next)
            } else if case .text(let next) = inline, next.isEmpty {
                continue
            } else {
                out.append(inline)
            }
        }
        return out
    }

    private struct InlineParser {
        let characters: [Character]
        var index = 0

        init(_ characters: [Character]) { self.characters = characters }

        mutating func parse(until closer: String?) -> [Inline] {
            var out: [Inline] = []
            var text = ""
            func flushText() {
                if !text.isEmpty { out.append(.text(text)) }
                text = ""
            }
            while index < characters.count {
                if let closer, matches(closer) {
                    flushText()
                    return out
                }
                let character = characters[index]
                if character == "\\", index + 1 < characters.count,
                    characters[index + 1].isPunctuation || characters[index + 1].isSymbol
                {
                    text.append(characters[index + 1])
                    index += 2
                } else if character == "`", let end = find("`", from: index + 1) {
                    text += String(characters[(index + 1)..<end])
                    index = end + 1
                } else if (matches("**") || matches("__")), let inner = delimited(String(characters[index...index + 1]))
                {
                    flushText()
                    out.append(.strong(inner))
                } else if (character == "*" || (character == "_" && atWordStart)),
                    let inner = delimited(String(character))
                {
                    flushText()
                    out.append(.emphasis(inner))
                } else if character == "[", let link = link() {
                    flushText()
                    out.append(link)
                } else {
                    text.append(character)
                    index += 1
                }
            }
            flushText()
            return closer == nil ? out : []
        }

        private var atWordStart: Bool {
            index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
        }

        private func matches(_ token: String) -> Bool {
            let tokenCharacters = Array(token)
            guard index + tokenCharacters.count <= characters.count else { return false }
            return Array(characters[index..<index + tokenCharacters.count]) == tokenCharacters
        }

        private func find(_ character: Character, from start: Int) -> Int? {
            var position = start
            while position < characters.count {
                if characters[position] == character { return position }
                position += 1
            }
            return nil
        }

        /// `*text*` / `**text**`: content when a closing delimiter follows on the line, else `nil`.
        private mutating func delimited(_ delimiter: String) -> [Inline]? {
            let start = index
            let width = delimiter.count
            guard index + width < characters.count, characters[index + width] != " " else { return nil }
            index += width
            var copy = self
            let inner = copy.parse(until: delimiter)
            guard !inner.isEmpty, copy.index < characters.count, copy.matches(delimiter) else {
                index = start
                return nil
            }
            self = copy
            index += width
            return inner
        }

        /// `[text](url)`.
        private mutating func link() -> Inline? {
            guard let close = find("]", from: index + 1), close + 1 < characters.count, characters[close + 1] == "(",
                let end = find(")", from: close + 2)
            else { return nil }
            let label = String(characters[(index + 1)..<close])
            let url = String(characters[(close + 2)..<end]).trimmingWhitespace()
            guard !url.isEmpty, !url.contains(" ") else { return nil }
            index = end + 1
            return .link(url: url, content: LightMarkdown.inlines(label))
        }
    }
}
