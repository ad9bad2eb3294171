// copydesk — ArticleFormats / Markdown writer
// Body blocks → CommonMark, one block per paragraph of output.

import ArticleModel

// MARK: - MarkdownBodyWriter

/// Writes body blocks as CommonMark. Conventions (read back by `LightMarkdown`):
///
/// - headings `#`…`######` at the model's level; line breaks in them become spaces;
/// - lists with `-` or `1.` (alternating with `*` and `1)` when two lists follow each other, so
///   they stay apart); a list's label is a `**Label:**` line directly above it (the reader gives
///   it back, and the analyser reads the speaker from it again); the resolved speaker, and a
///   label that would not read back as a label line, are entries of `list_speakers` in the front
///   matter;
/// - blockquotes `> …` with a last paragraph `> — Attribution`; pull quotes are quotes nested
///   twice, `> > …`;
/// - images `![alt](src "caption")` with a `Credit: …` line below;
/// - rules `* * *` (never `---`, which front matter uses).
struct MarkdownBodyWriter {
    var diagnostics: [Diagnostic] = []
    /// Lists whose speaker, or label, the front matter has to carry: (list number from 1, the
    /// speaker, the label when no label line carries it).
    var frontMatterSpeakers: [(list: Int, speaker: Speaker?, label: String?)] = []
    /// Whether some list has a speaker but no label line it could be read from again.
    var hasUnlabelledSpeakers = false

    private var listCount = 0

    mutating func write(_ blocks: [Block]) -> String {
        var chunks: [String] = []
        var previousList: (ordered: Bool, alternate: Bool)?
        for block in blocks {
            var listMarker: (ordered: Bool, alternate: Bool)?
            let written = chunks.count
            defer { if chunks.count > written { previousList = listMarker } }
            switch block {
            case .paragraph(let paragraph):
                var renderer = MarkdownInlineRenderer(location: block.location)
                let tokens = renderer.tokens(paragraph.content)
                if MarkdownInlineRenderer.plainText(tokens).isEmpty {
                    drop("an empty paragraph", block)
                } else {
                    chunks.append(renderer.render(tokens))
                }
                diagnostics += renderer.diagnostics
            case .heading(let heading):
                var renderer = MarkdownInlineRenderer(location: block.location)
                var tokens = renderer.tokens(heading.content)
                if tokens.contains(.lineBreak) {
                    drop("line breaks in a heading (they became spaces)", block)
                    tokens = tokens.map { $0 == .lineBreak ? .text(" ") : $0 }
                }
                if MarkdownInlineRenderer.plainText(tokens).isEmpty {
                    drop("an empty heading", block)
                } else {
                    var text = renderer.render(tokens, lineStart: false)
                    // A closing run of `#` would be read as the heading's closing sequence.
                    let hashes = text.reversed().prefix { $0 == "#" }.count
                    if hashes > 0 { text.insert("\\", at: text.index(text.endIndex, offsetBy: -hashes)) }
                    chunks.append(String(repeating: "#", count: heading.level) + " " + text)
                }
                diagnostics += renderer.diagnostics
            case .list(let list):
                let alternate = previousList.map { $0.ordered == list.ordered && !$0.alternate } ?? false
                if let text = write(list, alternate: alternate, location: block.location) {
                    chunks.append(text)
                    listMarker = (list.ordered, alternate)
                }
            case .blockquote(let quote):
                if let text = quoted(quote.content, attribution: quote.attribution, prefix: "> ", block: block) {
                    chunks.append(text)
                }
            case .pullQuote(let quote):
                if let text = quoted(quote.content, attribution: quote.attribution, prefix: "> > ", block: block) {
                    chunks.append(text)
                }
            case .image(let image):
                if let text = write(image, block: block) { chunks.append(text) }
            case .rule:
                chunks.append("* * *")
            case .code(let code):
                chunks.append(Self.fenced(code))
            case .table(let table):
                if let text = write(table, block: block) { chunks.append(text) }
            }
        }
        return chunks.joined(separator: "\n\n")
    }

    /// A fenced code block whose fence is longer than any run of backticks in the text.
    static func fenced(_ code: CodeBlock) -> String {
        var longest = 0
        var run = 0
        for character in code.text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        var body = code.text
        if body.hasSuffix("\n") { body.removeLast() }
        return fence + (code.language ?? "") + "\n" + body + "\n" + fence
    }

    /// A GFM pipe table: the first row is the header (GFM needs one); a row shorter than the widest
    /// is filled with empty cells (GFM's grid); `|` in cells escaped; a line break in a cell
    /// becomes a space, with a warning.
    private mutating func write(_ table: Table, block: Block) -> String? {
        guard let width = table.rows.map(\.cells.count).max(), width > 0 else {
            drop("an empty table", block)
            return nil
        }
        var lines: [String] = []
        if let caption = table.caption { lines.append(caption.replacing("\n", with: " ")) }
        for (index, row) in table.rows.enumerated() {
            var cells: [String] = []
            for cell in row.cells {
                var renderer = MarkdownInlineRenderer(location: block.location)
                var tokens = renderer.tokens(cell.content)
                if tokens.contains(.lineBreak) {
                    drop("line breaks in a table cell (they became spaces)", block)
                    tokens = tokens.map { $0 == .lineBreak ? .text(" ") : $0 }
                }
                cells.append(renderer.render(tokens, lineStart: false).replacing("|", with: "\\|"))
                diagnostics += renderer.diagnostics
            }
            cells += Array(repeating: "", count: width - cells.count)
            lines.append("| " + cells.joined(separator: " | ") + " |")
            if index == 0 { lines.append("|" + String(repeating: " --- |", count: width)) }
        }
        if table.rows.count > 1, table.rows.dropFirst().contains(where: \.isHeader) || !table.rows[0].isHeader {
            diagnostics.append(
                Diagnostic(
                    id: "conversion.changed", severity: .note,
                    message: "a Markdown table heads with its first row; the table's header rows are not kept as such",
                    location: block.location))
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Blocks

    private mutating func write(_ list: ListBlock, alternate: Bool, location: SourceLocation?) -> String? {
        var lines: [String] = []
        var number = 0
        for item in list.items {
            var renderer = MarkdownInlineRenderer(location: item.location ?? location)
            let tokens = renderer.tokens(item.content)
            diagnostics += renderer.diagnostics
            guard !MarkdownInlineRenderer.plainText(tokens).isEmpty else {
                diagnostics.append(.dropped("an empty list item", format: "Markdown", location: item.location))
                continue
            }
            number += 1
            let marker = list.ordered ? "\(number)\(alternate ? ")" : ".")" : (alternate ? "*" : "-")
            let indent = String(repeating: " ", count: marker.count + 1)
            var itemRenderer = MarkdownInlineRenderer(location: item.location ?? location)
            lines.append(marker + " " + itemRenderer.render(tokens, continuation: indent))
            diagnostics += itemRenderer.diagnostics
        }
        guard !lines.isEmpty else {
            diagnostics.append(.dropped("a list with no text", format: "Markdown", location: location))
            return nil
        }
        listCount += 1
        let labelLine = list.label.flatMap(Self.labelLine)
        if let labelLine { lines.insert(labelLine, at: 0) }
        let unwrittenLabel = labelLine == nil ? list.label : nil
        if list.speaker != nil || unwrittenLabel != nil {
            frontMatterSpeakers.append((listCount, list.speaker, unwrittenLabel))
        }
        if list.speaker != nil, labelLine == nil { hasUnlabelledSpeakers = true }
        return lines.joined(separator: "\n")
    }

    /// `**Label:**`, when it reads back as exactly this label.
    static func labelLine(_ label: String) -> String? {
        var renderer = MarkdownInlineRenderer()
        let tokens = renderer.tokens([.strong([.text(label)])])
        guard renderer.diagnostics.isEmpty, tokens.count == 3 else { return nil }
        let line = renderer.render(tokens)
        guard renderer.diagnostics.isEmpty, line.hasPrefix("**"),
            LightMarkdown.label(LightMarkdown.inlines(line)) == label
        else { return nil }
        return line
    }

    private mutating func quoted(_ content: [Inline], attribution: String?, prefix: String, block: Block) -> String? {
        var renderer = MarkdownInlineRenderer(location: block.location)
        let tokens = renderer.tokens(content)
        defer { diagnostics += renderer.diagnostics }
        guard !MarkdownInlineRenderer.plainText(tokens).isEmpty else {
            drop("a quote with no text" + (attribution.map { " (attributed to \($0))" } ?? ""), block)
            return nil
        }
        var text = prefix + renderer.render(tokens, continuation: prefix)
        if let name = attribution.map({ singleLine($0, what: "the attribution", block: block) }), !name.isEmpty {
            let bare = String(prefix.dropLast())
            text += "\n" + bare + "\n" + prefix + "— " + MarkdownInlineRenderer.escaped(name, lineStart: false)
        }
        return text
    }

    private mutating func write(_ image: Image, block: Block) -> String? {
        guard !image.src.isEmpty else {
            drop("an image without a source", block)
            return nil
        }
        guard URLSafety.isSafe(image.src),
            !image.src.unicodeScalars.contains(where: { $0 == "\n" || MarkdownInlineRenderer.isControl($0) })
        else {
            drop("an image from '\(image.src)' (only http, https and relative sources)", block)
            return nil
        }
        let alt = image.alt.map { singleLine($0, what: "the image's alt text", block: block) } ?? ""
        var text = "![" + MarkdownInlineRenderer.escaped(alt, lineStart: false) + "]("
        text += MarkdownInlineRenderer.destination(image.src)
        if let caption = image.caption.map({ singleLine($0, what: "the caption", block: block) }), !caption.isEmpty {
            text += " " + MarkdownInlineRenderer.title(caption)
        }
        text += ")"
        if let credit = image.credit.map({ singleLine($0, what: "the credit", block: block) }), !credit.isEmpty {
            text += "\nCredit: " + MarkdownInlineRenderer.escaped(credit, lineStart: false)
        }
        return text
    }

    // MARK: Helpers

    /// Text that must stay on one line: control characters dropped, lines trimmed and joined
    /// with spaces.
    private mutating func singleLine(_ text: String, what: String, block: Block) -> String {
        let normalized = Self.singleLine(text)
        if text.unicodeScalars.contains(where: MarkdownInlineRenderer.isControl) {
            drop("control characters in \(what)", block)
        }
        let kept = String(
            String.UnicodeScalarView(text.unicodeScalars.filter { !MarkdownInlineRenderer.isControl($0) }))
        if normalized != kept {
            drop("line breaks or white space at the ends of \(what) (one line, trimmed)", block)
        }
        return normalized
    }

    /// The one-line form of a text, as `singleLine(_:what:block:)` writes it.
    static func singleLine(_ text: String) -> String {
        let tokens = MarkdownInlineRenderer.normalised(
            text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().flatMap { index, line in
                let kept = String(
                    String.UnicodeScalarView(line.unicodeScalars.filter { !MarkdownInlineRenderer.isControl($0) }))
                return index == 0 ? [MarkdownInlineRenderer.Token.text(kept)] : [.lineBreak, .text(kept)]
            })
        return MarkdownInlineRenderer.plainText(tokens.map { $0 == .lineBreak ? .text(" ") : $0 })
    }

    private mutating func drop(_ what: String, _ block: Block) {
        diagnostics.append(.dropped(what, format: "Markdown", location: block.location))
    }
}
