// copydesk — ArticleFormats
// Prose with a little Markdown (YAML `body:` fields, Markdown files) → blocks.

import ArticleModel

// MARK: - LightMarkdown

/// Reads prose into blocks: paragraphs separated by blank lines, `#` headings (and `===`/`---`
/// underlined ones), `-`/`*`/`+`/`1.` lists (a paragraph that is one `**Label:**` directly above a
/// list names its speaker), `>` quotes (a last `— Name` line is the attribution; `> >` nested
/// quotes are pull quotes), `![alt](src "caption")` images (a `Credit: …` line below gives the
/// credit), `---`/`* * *` rules, fenced (```` ``` ```` and `~~~`, the info string's first word the
/// language) and indented code blocks, and GFM pipe tables (the first row heads the table; a
/// single line directly above is its caption, as copydesk writes it); inline `*emphasis*`,
/// `_emphasis_`, `**strong**`, `__strong__`, `[text](url)`, `[text](<url>)` and reference links
/// (`[text][label]`, `[text][]`, `[label]` with a `[label]: url` definition anywhere in the text,
/// the definition itself no content), `` `code` `` (as text), backslash escapes of ASCII
/// punctuation and hard line breaks (a trailing `\` or two spaces). Entities are not decoded,
/// except `&amp;` in link destinations and titles.
/// Anything else is text, never an error.
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

    /// Reading choices that differ between YAML prose and Markdown files.
    struct Options {
        /// `#` headings stay level 1 (Markdown files); YAML prose reads them as level 2, since
        /// its title is the headline.
        var keepsLevelOne = false
    }

    /// A link reference definition's target: `[label]: url "title"`.
    struct LinkReference: Sendable, Equatable {
        var destination: String
        var title: String?
    }

    /// One non-blank source line: its text without indentation, its index and indentation.
    private struct Line {
        var text: String
        var number: Int
        var indent: Int
    }

    /// What the first pass makes of the lines: runs of text lines (grouped between blank lines),
    /// and code blocks, which no later rule looks inside.
    private enum Unit {
        case line(Line)
        case boundary
        case code(CodeBlock, number: Int, indent: Int)
    }

    static func blocks(from text: String, origin: Origin, options: Options = Options()) -> [Block] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let (units, references) = layout(lines)
        let context = Context(origin: origin, options: options, references: references)
        var blocks: [Block] = []
        var group: [Line] = []
        func flush() {
            if !group.isEmpty { blocks += blocksForGroup(group, context: context) }
            group = []
        }
        for unit in units {
            switch unit {
            case .line(let line): group.append(line)
            case .boundary: flush()
            case .code(var code, let number, let indent):
                flush()
                code.location = location(number, indent, origin)
                blocks.append(.code(code))
            }
        }
        flush()
        return blocks
    }

    /// What every block reader needs: where the text is, the options, and the link references.
    private struct Context {
        var origin: Origin
        var options: Options
        var references: [String: LinkReference]
    }

    // MARK: Layout: code blocks, comments and definitions

    /// The first pass: fenced and indented code blocks, HTML comment blocks (dropped: not content;
    /// suppression comments such as `<!-- copydesk-disable-next-line … -->` live there), link
    /// reference definitions (collected), and the remaining lines.
    private static func layout(_ lines: [String]) -> (units: [Unit], references: [String: LinkReference]) {
        var units: [Unit] = []
        var references: [String: LinkReference] = [:]
        var inComment = false
        var paragraphOpen = false
        // The content indentation of the list the text is in, so an indented item paragraph is
        // not read as code.
        var listIndent: Int?
        var index = 0
        while index < lines.count {
            let raw = lines[index]
            let trimmed = raw.trimmingWhitespace()
            let indent = indentation(raw)
            defer { index += 1 }
            if inComment {
                inComment = !trimmed.contains("-->")
                continue
            }
            if trimmed.isEmpty {
                units.append(.boundary)
                paragraphOpen = false
                continue
            }
            if indent < (listIndent ?? 0) + 4, trimmed.hasPrefix("<!--") {
                units.append(.boundary)
                inComment = !trimmed.dropFirst(4).contains("-->")
                paragraphOpen = false
                continue
            }
            if indent <= (listIndent ?? 0) + 3, let fence = openingFence(trimmed) {
                var end = index + 1
                var content: [String] = []
                while end < lines.count {
                    let line = lines[end]
                    if indentation(line) <= indent + 3, isClosingFence(line.trimmingWhitespace(), for: fence) { break }
                    content.append(removingIndentation(line, upTo: indent))
                    end += 1
                }
                let code = CodeBlock(text: content.joined(separator: "\n"), language: fence.language)
                units.append(.code(code, number: index, indent: indent))
                index = end
                paragraphOpen = false
                continue
            }
            if !paragraphOpen, indent >= (listIndent ?? 0) + 4 {
                // An indented code block: the lines indented as far, and blank lines between them.
                let strip = (listIndent ?? 0) + 4
                var end = index
                var last = index
                while end < lines.count {
                    let line = lines[end]
                    if !line.trimmingWhitespace().isEmpty {
                        guard indentation(line) >= strip else { break }
                        last = end
                    }
                    end += 1
                }
                let content = lines[index...last].map { removingIndentation($0, upTo: strip) }
                units.append(.code(CodeBlock(text: content.joined(separator: "\n")), number: index, indent: indent))
                index = last
                continue
            }
            if !paragraphOpen, indent <= 3, let (label, reference) = definition(trimmed) {
                if references[label] == nil { references[label] = reference }
                units.append(.boundary)
                continue
            }
            if indent <= 3, let item = listItem(trimmed) {
                listIndent = indent + item.markerWidth
            } else if indent < (listIndent ?? 0) {
                listIndent = nil
            }
            let leading = raw.prefix { $0 == " " || $0 == "\t" }.count
            units.append(.line(Line(text: String(raw.dropFirst(leading)), number: index, indent: leading)))
            paragraphOpen = true
        }
        return (units, references)
    }

    /// Columns of leading white space, a tab counting to the next multiple of four.
    static func indentation(_ line: String) -> Int {
        var columns = 0
        for character in line {
            if character == " " {
                columns += 1
            } else if character == "\t" {
                columns += 4 - columns % 4
            } else {
                break
            }
        }
        return columns
    }

    /// The line without up to `count` columns of leading white space.
    private static func removingIndentation(_ line: String, upTo count: Int) -> String {
        var columns = 0
        var rest = Substring(line)
        while columns < count, let first = rest.first, first == " " || first == "\t" {
            let width = first == " " ? 1 : 4 - columns % 4
            if columns + width > count { break }
            columns += width
            rest = rest.dropFirst()
        }
        return String(rest)
    }

    /// A code fence's character (`` ` `` or `~`), its length, and the language its info string names.
    typealias Fence = (character: Character, length: Int, language: String?)

    /// A code fence: three or more backticks or tildes, then an info string whose first word is
    /// the language (a backtick fence's info string holds no backtick).
    static func openingFence(_ trimmed: String) -> Fence? {
        guard let first = trimmed.first, first == "`" || first == "~" else { return nil }
        let length = trimmed.prefix { $0 == first }.count
        guard length >= 3 else { return nil }
        let info = String(trimmed.dropFirst(length)).trimmingWhitespace()
        if first == "`", info.contains("`") { return nil }
        var word = String(info.prefix { !$0.isWhitespace && $0 != "{" && $0 != "," })
        // `{.python}` and `{lang=python}` attribute forms name the language too.
        if word.isEmpty, info.hasPrefix("{") {
            word = String(
                info.dropFirst().drop { $0 == "." || $0 == " " }.prefix {
                    $0.isLetter || $0.isNumber || "-_+#".contains($0)
                })
        }
        return (first, length, word.isEmpty ? nil : unescapedInfo(word))
    }

    private static func unescapedInfo(_ word: String) -> String {
        var out = ""
        var escaped = false
        for character in word {
            if character == "\\", !escaped {
                escaped = true
                continue
            }
            out.append(character)
            escaped = false
        }
        return out
    }

    /// A line of the fence's character, at least as long as the fence.
    static func isClosingFence(_ trimmed: String, for fence: Fence) -> Bool {
        trimmed.count >= fence.length && trimmed.allSatisfy { $0 == fence.character }
    }

    /// `[label]: destination "title"` → the normalised label and its target.
    private static func definition(_ line: String) -> (String, LinkReference)? {
        let characters = Array(line)
        guard characters.first == "[", characters.count > 2, characters[1] != "^",
            let close = closingBracket(characters, from: 0, within: 1_000), close > 1,
            close + 1 < characters.count, characters[close + 1] == ":"
        else { return nil }
        let label = normalisedLabel(String(characters[1..<close]))
        guard !label.isEmpty else { return nil }
        // The target reads like an inline link's, closed by the end of the line.
        let target = Array(String(characters[(close + 2)...]).trimmingWhitespace()) + [")"]
        guard target.count > 1, let parsed = linkTarget(target, from: 0), parsed.end == target.count,
            !parsed.destination.isEmpty
        else { return nil }
        return (label, LinkReference(destination: parsed.destination, title: parsed.title))
    }

    /// A link label as CommonMark matches it: case-folded, inner white space collapsed.
    static func normalisedLabel(_ label: String) -> String {
        label.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ").lowercased()
    }

    private static func location(_ number: Int, _ indent: Int, _ origin: Origin) -> SourceLocation {
        let base = number == 0 || origin.uniformIndent ? origin.column : 1
        return SourceLocation(file: origin.file, line: origin.line + number, column: base + indent)
    }

    // MARK: Segments

    /// The kinds of block a run of lines without blank lines can hold.
    private enum SegmentKind {
        case paragraph, heading, quote, list, rule, table
    }

    /// Splits a group of lines at the places CommonMark starts a new block: headings, quotes,
    /// rules, lists and tables (a header row above a delimiter row) interrupt a paragraph.
    private static func segments(_ group: [Line]) -> [(kind: SegmentKind, lines: [Line])] {
        var out: [(kind: SegmentKind, lines: [Line])] = []
        var index = 0
        while index < group.count {
            let line = group[index]
            defer { index += 1 }
            let current = out.last?.kind
            if current == .table, heading(line.text) == nil, !line.text.hasPrefix(">"), !isRule(line.text) {
                out[out.count - 1].lines.append(line)
            } else if heading(line.text) != nil {
                out.append((.heading, [line]))
            } else if current != .quote || !line.text.hasPrefix(">"), index + 1 < group.count,
                isTableStart(header: line.text, delimiter: group[index + 1].text)
            {
                out.append((.table, [line, group[index + 1]]))
                index += 1
            } else if line.text.hasPrefix(">") {
                if current == .quote { out[out.count - 1].lines.append(line) } else { out.append((.quote, [line])) }
            } else if isRule(line.text), current != .paragraph || line.text.first != "-" {
                out.append((.rule, [line]))
            } else if let item = listItem(line.text), current != .list {
                let interrupts = current != .paragraph || !item.ordered || item.number == 1
                if interrupts { out.append((.list, [line])) } else { out[out.count - 1].lines.append(line) }
            } else if current == .paragraph || current == .quote || current == .list {
                out[out.count - 1].lines.append(line)
            } else {
                out.append((.paragraph, [line]))
            }
        }
        return out
    }

    private static func blocksForGroup(_ group: [Line], context: Context) -> [Block] {
        let origin = context.origin
        var blocks: [Block] = []
        var pendingLabel: (text: String, location: SourceLocation)?
        let parts = segments(group)
        for (index, (kind, lines)) in parts.enumerated() {
            let here = location(lines[0].number, lines[0].indent, origin)
            switch kind {
            case .heading:
                let (level, title) = heading(lines[0].text)!
                let kept = context.options.keepsLevelOne ? level : max(2, level)
                blocks.append(.heading(Heading(level: kept, inlines(title, context), location: here)))
            case .rule:
                blocks.append(.rule(HorizontalRule(location: here)))
            case .quote:
                blocks.append(quote(lines, at: here, context: context))
            case .list:
                blocks.append(
                    list(lines, label: pendingLabel?.text, at: pendingLabel?.location ?? here, context: context))
                pendingLabel = nil
            case .table:
                var table = table(lines, context: context)
                table.location = here
                // A single line directly above the table is its caption (as copydesk writes it).
                if index > 0, parts[index - 1].kind == .paragraph, parts[index - 1].lines.count == 1,
                    case .paragraph(let caption)? = blocks.last, caption.location?.line == here.line - 1
                {
                    table.caption = caption.content.plainText
                    table.location = caption.location
                    blocks.removeLast()
                }
                blocks.append(.table(table))
            case .paragraph:
                if let block = imageBlock(lines, context: context) ?? setextHeading(lines, context: context) {
                    blocks.append(block.located(here))
                    continue
                }
                let content = inlines(joined(lines), context)
                // A label directly above a list names the list's speaker and is not a paragraph.
                if index + 1 < parts.count, parts[index + 1].kind == .list, let label = label(content) {
                    pendingLabel = (label, here)
                } else {
                    blocks.append(.paragraph(Paragraph(content, location: here)))
                }
            }
        }
        return blocks
    }

    // MARK: Tables

    /// A GFM table starts with a header row directly above a delimiter row (`| --- | :-: |`) of as
    /// many cells; one of the two has a pipe.
    private static func isTableStart(header: String, delimiter: String) -> Bool {
        let trimmed = delimiter.trimmingWhitespace()
        guard trimmed.contains("-"), trimmed.contains("|") || header.contains("|"),
            trimmed.allSatisfy({ "|-: \t".contains($0) })
        else { return false }
        let delimiters = tableCells(trimmed)
        guard
            delimiters.allSatisfy({ cell in
                let core = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
                return !core.isEmpty && core.allSatisfy { $0 == "-" }
            })
        else { return false }
        return tableCells(header).count == delimiters.count
    }

    /// The cells of a table row: split at pipes that are not escaped, the outer pipes optional;
    /// `\|` in a cell is a pipe.
    static func tableCells(_ line: String) -> [String] {
        var text = Substring(line.trimmingWhitespace())
        if text.first == "|" { text = text.dropFirst() }
        var cells: [String] = []
        var cell = ""
        var previous: Character?
        for character in text {
            if character == "|", previous == "\\" {
                cell.removeLast()
                cell.append(character)
            } else if character == "|" {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(character)
            }
            previous = character
        }
        if !cell.trimmingWhitespace().isEmpty || cells.isEmpty { cells.append(cell) }
        return cells.map { $0.trimmingWhitespace() }
    }

    /// A header row, the delimiter row, then body rows, each cell's inlines read.
    private static func table(_ lines: [Line], context: Context) -> Table {
        var rows: [TableRow] = []
        for (index, line) in lines.enumerated() where index != 1 {
            let cells = tableCells(line.text).map { TableCell(inlines($0, context)) }
            rows.append(TableRow(cells: cells, isHeader: index == 0))
        }
        return Table(rows: rows)
    }

    /// Lines joined for the inline parser: line breaks stay `\n`, the last line's end is trimmed.
    private static func joined(_ lines: [Line]) -> String {
        joined(lines.map(\.text))
    }

    private static func joined(_ texts: [String]) -> String {
        var text = texts.joined(separator: "\n")
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }

    // MARK: Headings

    /// `## Title ##` → (2, "Title"): one to six `#` and a space (or nothing); a closing run of
    /// `#` preceded by a space is not part of the title.
    private static func heading(_ line: String) -> (level: Int, title: String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var title = Array(String(rest).trimmingWhitespace())
        let closing = title.reversed().prefix { $0 == "#" }.count
        if closing == title.count {
            title = []
        } else if closing > 0, title[title.count - closing - 1] == " " || title[title.count - closing - 1] == "\t" {
            title = Array(String(title.dropLast(closing)).trimmingWhitespace())
        }
        return (hashes, String(title))
    }

    /// A paragraph underlined with `===` (level 1) or `---` (level 2).
    private static func setextHeading(_ lines: [Line], context: Context) -> Block? {
        guard lines.count >= 2, let underline = lines.last?.text.trimmingWhitespace(), let mark = underline.first,
            mark == "=" || mark == "-", underline.allSatisfy({ $0 == mark })
        else { return nil }
        let level = mark == "=" && context.options.keepsLevelOne ? 1 : 2
        let title = joined(Array(lines.dropLast())).trimmingWhitespace()
        return .heading(Heading(level: level, inlines(title, context)))
    }

    // MARK: Paragraphs and images

    /// An image on a line of its own (with an optional `Credit:` line), or `nil`.
    private static func imageBlock(_ lines: [Line], context: Context) -> Block? {
        guard lines.count <= 2, var found = image(lines[0].text.trimmingWhitespace(), context: context) else {
            return nil
        }
        if lines.count == 2 {
            let second = lines[1].text.trimmingWhitespace()
            guard second.hasPrefix("Credit: ") else { return nil }
            let credit = inlines(String(second.dropFirst("Credit: ".count)), context).plainText
            found.credit = credit.isEmpty ? nil : credit
        }
        return .image(found)
    }

    /// `**Name, role:**` alone: the label of the list below, as printed (without the emphasis).
    static func label(_ content: [Inline]) -> String? {
        guard content.count == 1, case .strong(let inner) = content[0] else { return nil }
        let text = inner.plainText
        guard text.hasSuffix(":"), text.count > 1 else { return nil }
        return text
    }

    static func isRule(_ line: String) -> Bool {
        let compact = line.filter { $0 != " " && $0 != "\t" }
        guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    /// `![alt](src "caption")`, or `![alt][label]` with a definition, filling the line.
    private static func image(_ line: String, context: Context) -> Image? {
        let characters = Array(line)
        guard line.hasPrefix("!["), let close = closingBracket(characters, from: 1), close + 1 < characters.count
        else { return nil }
        let altText = String(characters[2..<close])
        let alt = inlines(altText, context).plainText
        let target: LinkReference
        if characters[close + 1] == "(", let inline = linkTarget(characters, from: close + 2),
            inline.end == characters.count
        {
            target = LinkReference(destination: inline.destination, title: inline.title)
        } else if characters[close + 1] == "[", characters.last == "]" {
            let label = String(characters[(close + 2)..<(characters.count - 1)])
            guard let found = context.references[normalisedLabel(label.isEmpty ? altText : label)] else { return nil }
            target = found
        } else {
            return nil
        }
        guard !target.destination.isEmpty else { return nil }
        return Image(src: target.destination, alt: alt.isEmpty ? nil : alt, caption: target.title)
    }

    // MARK: Lists

    /// A list item's text, kind, number, and the width of its marker with the space after it.
    static func listItem(_ line: String) -> (text: String, ordered: Bool, number: Int, markerWidth: Int)? {
        if let first = line.first, "-*+".contains(first) {
            let rest = line.dropFirst()
            if rest.isEmpty { return ("", false, 0, 2) }
            if rest.first == " " || rest.first == "\t" { return (String(rest).trimmingWhitespace(), false, 0, 2) }
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if (1...9).contains(digits.count) {
            let rest = line.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")" {
                let after = rest.dropFirst()
                if after.isEmpty || after.first == " " || after.first == "\t" {
                    return (String(after).trimmingWhitespace(), true, Int(digits) ?? 0, digits.count + 2)
                }
            }
        }
        return nil
    }

    private static func list(_ lines: [Line], label: String?, at here: SourceLocation, context: Context) -> Block {
        let origin = context.origin
        let ordered = listItem(lines[0].text)!.ordered
        var items: [(texts: [String], location: SourceLocation)] = []
        for line in lines {
            if let item = listItem(line.text), item.ordered == ordered {
                items.append(([item.text], location(line.number, line.indent, origin)))
            } else if !items.isEmpty {
                items[items.count - 1].texts.append(line.text)
            }
        }
        let listItems = items.map { ListItem(inlines(joined($0.texts), context), location: $0.location) }
        return .list(ListBlock(ordered: ordered, items: listItems, label: label, location: here))
    }

    // MARK: Quotes

    /// `>` lines: a blockquote, or a pull quote when every line is quoted twice (`> >`).
    private static func quote(_ lines: [Line], at here: SourceLocation, context: Context) -> Block {
        var texts = lines.map { unquoted($0.text) }
        let pull = texts.contains { !$0.isEmpty } && texts.allSatisfy { $0.isEmpty || $0.hasPrefix(">") }
        if pull { texts = texts.map(unquoted) }
        // Paragraphs inside the quote.
        var paragraphs: [[String]] = [[]]
        for text in texts {
            if text.trimmingWhitespace().isEmpty {
                if !paragraphs[paragraphs.count - 1].isEmpty { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(text)
            }
        }
        if paragraphs.last?.isEmpty == true { paragraphs.removeLast() }
        var attribution: String?
        if paragraphs.count >= 2, let last = paragraphs.last, last.count == 1,
            let name = dashAttribution(last[0], context)
        {
            attribution = name
            paragraphs.removeLast()
        } else if paragraphs.count == 1, paragraphs[0].count >= 2,
            let name = dashAttribution(paragraphs[0].last!, context),
            !endsWithHardBreak(paragraphs[0][paragraphs[0].count - 2])
        {
            attribution = name
            paragraphs[0].removeLast()
        }
        let content = inlines(joined(paragraphs.map { joined($0) }), context)
        if pull { return .pullQuote(PullQuote(content, attribution: attribution, location: here)) }
        return .blockquote(Blockquote(content, attribution: attribution, location: here))
    }

    /// The line without its `>` and the one space after it.
    private static func unquoted(_ text: String) -> String {
        guard text.hasPrefix(">") else { return text }
        let rest = text.dropFirst()
        return String(rest.first == " " ? rest.dropFirst() : rest)
    }

    private static func endsWithHardBreak(_ line: String) -> Bool {
        if line.hasSuffix("  ") { return true }
        return line.reversed().prefix { $0 == "\\" }.count % 2 == 1
    }

    /// `— Name`, `– Name` or `-- Name` → the name, unescaped.
    private static func dashAttribution(_ text: String, _ context: Context) -> String? {
        let rest: Substring
        if let first = text.first, first == "—" || first == "–" {
            rest = text.dropFirst()
        } else if text.hasPrefix("-- ") {
            rest = text.dropFirst(2)
        } else {
            return nil
        }
        let name = inlines(String(rest).trimmingWhitespace(), context).plainText
        return name.isEmpty ? nil : name
    }

    // MARK: Inlines

    /// Inline Markdown in a block's text (lines separated by `\n`).
    static func inlines(_ text: String, references: [String: LinkReference] = [:]) -> [Inline] {
        let characters = Array(text)
        var parser = InlineParser(characters, work: InlineWork(characters.count), depth: 0, references: references)
        return merged(parser.parse(until: nil) ?? [])
    }

    private static func inlines(_ text: String, _ context: Context) -> [Inline] {
        inlines(text, references: context.references)
    }

    /// The inline parser's budget, shared by every attempt it makes on one text, so backtracking
    /// over delimiters and brackets costs at most a fixed multiple of the text's length: once it is
    /// spent, what is left reads as plain text. (Text written by a person never comes near it; a
    /// line of 100,000 `*` or `[` would otherwise take quadratic or exponential time.)
    fileprivate final class InlineWork {
        var remaining: Int

        init(_ length: Int) {
            remaining = 20 * length + 1_000
        }
    }

    /// Emphasis and links nest at most this deep; deeper delimiters read as text.
    fileprivate static let maxInlineNesting = 32

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

    /// CommonMark's white space for emphasis: space separators, tab, line feed, form feed, return
    /// (not U+2028 or U+2029).
    static func isSpace(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return "\t\n\u{C}\r".unicodeScalars.contains(scalar) || scalar.properties.generalCategory == .spaceSeparator
    }

    /// CommonMark's escapable characters: ASCII punctuation.
    static func isEscapable(_ character: Character) -> Bool {
        character.isASCII && (character.isPunctuation || character.isSymbol)
    }

    /// The index of the `]` closing the `[` at `start`, skipping escapes and nested brackets.
    static func closingBracket(_ characters: [Character], from start: Int, within limit: Int = .max) -> Int? {
        var depth = 0
        var position = start
        while position < characters.count, position - start <= limit {
            let character = characters[position]
            if character == "\\" {
                position += 2
                continue
            }
            if character == "[" { depth += 1 }
            if character == "]" {
                depth -= 1
                if depth == 0 { return position }
            }
            position += 1
        }
        return nil
    }

    /// `url)`, `<url>)`, `url "title")`: the destination and title (unescaped) after `](`, and
    /// the index after the closing `)`.
    static func linkTarget(
        _ characters: [Character], from start: Int
    ) -> (
        destination: String, title: String?, end: Int
    )? {
        var scanned = 0
        return linkTarget(characters, from: start, within: .max, scanned: &scanned)
    }

    /// The same, reading at most `limit` characters; `scanned` says how many it read.
    static func linkTarget(
        _ characters: [Character], from start: Int, within limit: Int, scanned: inout Int
    ) -> (
        destination: String, title: String?, end: Int
    )? {
        var position = start
        defer { scanned = position - start }
        func skipSpaces() {
            while position < characters.count, characters[position] == " " || characters[position] == "\t" {
                position += 1
            }
        }
        func escapedRun(until stop: (Character) -> Bool) -> String? {
            var out = ""
            while position < characters.count, position - start <= limit {
                let character = characters[position]
                if character == "\\", position + 1 < characters.count, isEscapable(characters[position + 1]) {
                    out.append(characters[position + 1])
                    position += 2
                } else if character == "&", characters[position...].starts(with: "&amp;") {
                    out.append("&")
                    position += 5
                } else if stop(character) {
                    return out
                } else if character == "\n" {
                    return nil
                } else {
                    out.append(character)
                    position += 1
                }
            }
            return nil
        }
        skipSpaces()
        var destination = ""
        if position < characters.count, characters[position] == "<" {
            position += 1
            guard let inner = escapedRun(until: { $0 == ">" || $0 == "<" }), characters[position] == ">" else {
                return nil
            }
            destination = inner
            position += 1
        } else {
            var depth = 0
            let run = escapedRun { character in
                if character == "(" { depth += 1 }
                if character == ")" {
                    if depth == 0 { return true }
                    depth -= 1
                }
                return character == " " || character == "\t"
            }
            guard let run else { return nil }
            destination = run
        }
        skipSpaces()
        var title: String?
        if position < characters.count, let open = characters[position] as Character?, "\"'(".contains(open) {
            let close: Character = open == "(" ? ")" : open
            position += 1
            guard let inner = escapedRun(until: { $0 == close }) else { return nil }
            title = inner
            position += 1
            skipSpaces()
        }
        guard position < characters.count, characters[position] == ")" else { return nil }
        return (destination, title, position + 1)
    }

    private struct InlineParser {
        let characters: [Character]
        var index = 0
        let work: InlineWork
        var depth: Int
        let references: [String: LinkReference]

        init(_ characters: [Character], work: InlineWork, depth: Int, references: [String: LinkReference]) {
            self.characters = characters
            self.work = work
            self.depth = depth
            self.references = references
        }

        /// Whether another attempt at emphasis, a code span or a link is affordable.
        private var mayTry: Bool { work.remaining > 0 && depth < LightMarkdown.maxInlineNesting }

        /// Inlines up to `closer` (then `index` is at the closer), or to the end when `closer`
        /// is `nil`; `nil` when the closer never comes.
        mutating func parse(until closer: String?) -> [Inline]? {
            var out: [Inline] = []
            var text = ""
            func flushText() {
                if !text.isEmpty { out.append(.text(text)) }
                text = ""
            }
            func trimTrailingSpaces() {
                while let last = text.last, last == " " || last == "\t" { text.removeLast() }
            }
            while index < characters.count {
                let character = characters[index]
                work.remaining -= 1
                if let closer, canClose(closer) {
                    flushText()
                    return out
                }
                if character == "\\", index + 1 < characters.count, characters[index + 1] == "\n" {
                    trimTrailingSpaces()
                    flushText()
                    out.append(.lineBreak)
                    index += 2
                } else if character == "\n" {
                    let hard = text.hasSuffix("  ")
                    trimTrailingSpaces()
                    if hard {
                        flushText()
                        out.append(.lineBreak)
                    } else {
                        text.append(" ")
                    }
                    index += 1
                } else if character == "\\", index + 1 < characters.count, isEscapable(characters[index + 1]) {
                    text.append(characters[index + 1])
                    index += 2
                } else if character == "`", mayTry, let end = find("`", from: index + 1) {
                    text += String(characters[(index + 1)..<end]).replacingNewlines()
                    index = end + 1
                } else if mayTry, matches("**") || matches("__"),
                    let inner = delimited(String(characters[index...index + 1]))
                {
                    flushText()
                    out.append(.strong(inner))
                } else if mayTry, character == "*" || (character == "_" && atWordStart),
                    let inner = delimited(String(character))
                {
                    flushText()
                    out.append(.emphasis(inner))
                } else if character == "[", mayTry, let link = link() {
                    flushText()
                    out.append(link)
                } else {
                    text.append(character)
                    index += 1
                }
            }
            flushText()
            return closer == nil ? out : nil
        }

        private var atWordStart: Bool {
            index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
        }

        /// The closing delimiter is here and right-flanking, as CommonMark defines it.
        private func canClose(_ closer: String) -> Bool {
            guard matches(closer), index > 0 else { return false }
            let end = runEnd
            return Self.flanking(
                next: characters[index - 1], previous: end < characters.count ? characters[end] : nil)
        }

        /// Where the run of delimiter characters starting here ends (flanking looks past all of it).
        /// A run longer than 64 is cut there: no emphasis is that deep, and measuring a run of
        /// 100,000 `*` from each of its characters would take quadratic time.
        private var runEnd: Int {
            var end = index
            while end < characters.count, end - index < 64, characters[end] == characters[index] { end += 1 }
            return end
        }

        /// CommonMark's left-flanking test (right-flanking with the neighbours swapped): the next
        /// character is not white space, and is not punctuation unless white space or
        /// punctuation comes before.
        static func flanking(next: Character?, previous: Character?) -> Bool {
            guard let next, !LightMarkdown.isSpace(next) else { return false }
            guard next.isPunctuation || next.isSymbol, let previous else { return true }
            return LightMarkdown.isSpace(previous) || previous.isPunctuation || previous.isSymbol
        }

        private func matches(_ token: String) -> Bool {
            let tokenCharacters = Array(token)
            guard index + tokenCharacters.count <= characters.count else { return false }
            return Array(characters[index..<index + tokenCharacters.count]) == tokenCharacters
        }

        private func find(_ character: Character, from start: Int) -> Int? {
            var position = start
            defer { work.remaining -= position - start }
            while position < characters.count, position - start <= work.remaining {
                if characters[position] == character { return position }
                position += 1
            }
            return nil
        }

        /// `*text*` / `**text**`: content when a closing delimiter follows, else `nil`.
        private mutating func delimited(_ delimiter: String) -> [Inline]? {
            let width = delimiter.count
            guard index + width < characters.count,
                Self.flanking(
                    next: runEnd < characters.count ? characters[runEnd] : nil,
                    previous: index > 0 ? characters[index - 1] : nil)
            else { return nil }
            var copy = self
            copy.index += width
            copy.depth += 1
            guard let inner = copy.parse(until: delimiter), !inner.isEmpty else { return nil }
            self = copy
            index += width
            return inner
        }

        /// `[text](url)`, `[text](<url>)`, with an optional title (ignored), or a reference link to
        /// a definition: `[text][label]`, `[text][]`, `[text]`.
        private mutating func link() -> Inline? {
            let close = LightMarkdown.closingBracket(characters, from: index, within: work.remaining)
            work.remaining -= (close ?? characters.count) - index
            guard let close else { return nil }
            var destination: String?
            var end = close + 1
            if close + 1 < characters.count, characters[close + 1] == "(" {
                var scanned = 0
                let target = LightMarkdown.linkTarget(
                    characters, from: close + 2, within: max(work.remaining, 0), scanned: &scanned)
                work.remaining -= scanned
                if let target {
                    destination = target.destination
                    end = target.end
                }
            }
            if destination == nil, !references.isEmpty {
                let text = String(characters[(index + 1)..<close])
                if close + 1 < characters.count, characters[close + 1] == "[",
                    let second = LightMarkdown.closingBracket(characters, from: close + 1, within: 1_000)
                {
                    let label = String(characters[(close + 2)..<second])
                    destination = references[LightMarkdown.normalisedLabel(label.isEmpty ? text : label)]?.destination
                    end = second + 1
                } else {
                    destination = references[LightMarkdown.normalisedLabel(text)]?.destination
                }
            }
            guard let destination else { return nil }
            var label = InlineParser(
                Array(characters[(index + 1)..<close]), work: work, depth: depth + 1, references: references)
            index = end
            return .link(url: destination, content: LightMarkdown.merged(label.parse(until: nil) ?? []))
        }
    }
}

extension Block {
    fileprivate func located(_ location: SourceLocation) -> Block {
        var block = self
        block.location = location
        return block
    }
}

extension String {
    /// Line ends as spaces (inside code spans).
    fileprivate func replacingNewlines() -> String {
        String(map { $0 == "\n" ? " " : $0 })
    }
}
