// copydesk — ArticleFormats / Markdown reader
// What static-site generators add to a body: Hugo shortcodes, Jekyll's Liquid tags, kramdown's
// attribute lists. Read before the Markdown (or HTML) itself.

import ArticleModel

// MARK: - SiteBody

/// Prepares a body for the Markdown or HTML reader, by the generators' conventions
/// (docs/MARKDOWN.md, "Body conventions"):
///
/// - `{{< figure src="…" caption="…" >}}` (or `{{% … %}}`) is an image with its alt text, caption
///   (its `title` and `caption`, as Hugo prints both) and credit (`attr`); `{{< highlight go >}}…{{< /highlight >}}` and
///   Liquid's `{% highlight ruby %}…{% endhighlight %}` are code blocks in that language;
/// - any other shortcode or Liquid tag (`{{< youtube … >}}`, `{% include … %}`, `{{ site.x }}`)
///   is kept as text, alone on its line as a paragraph of its own, with one note per kind: the
///   generator fills it in, and copydesk never drops it silently;
/// - `{% raw %}` and `{% endraw %}` only stop Liquid and are removed; a `{% comment %}` block is
///   a comment, left out like an HTML comment, with a note; Hugo's escaped shortcodes
///   (`{{</* x */>}}`) read as the shortcode text they print;
/// - kramdown's attribute lists (`{: .class}`, `{:#id}` lines and suffixes) and goldmark's
///   (`{.class}` lines, `## Heading {#id}`) are removed, with one note; a `{:toc}` removes the
///   `* TOC` list item it marks.
///
/// Code (fenced, or indented in Markdown) is left as written but for the escapes and `raw` tags.
/// Lines may be added (to set a tag apart) or removed: `fileLines` maps each output line to its
/// line in the file, so blocks keep their real positions.
struct SiteBody {
    enum Mode {
        case markdown, html
    }

    /// The body to read, a line at a time.
    private(set) var lines: [String] = []
    /// For each of `lines`, its line number (1-based) in the file.
    private(set) var fileLines: [Int] = []
    /// Blocks that stand for a placeholder paragraph in `lines`, by its text.
    private(set) var blocks: [String: Block] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    private let file: String?
    private let mode: Mode
    private var noted: Set<String> = []

    /// The placeholder paragraph's text for block number `index`: private-use characters no
    /// text holds.
    static func placeholder(_ index: Int) -> String {
        "\u{F8FF}copydesk-block-\(index)\u{F8FF}"
    }

    /// `body` is the file's lines from index `start` (0-based).
    init(_ body: ArraySlice<Substring>, mode: Mode, file: String?) {
        self.file = file
        self.mode = mode
        var index = body.startIndex
        var fence: LightMarkdown.Fence?
        var previousBlank = true
        var inIndentedCode = false
        while index < body.endIndex {
            let raw = String(body[index])
            let number = index + 1
            let trimmed = raw.trimmingWhitespace()
            // Inside code: Hugo's escapes and Liquid's raw tags only.
            if let open = fence {
                if LightMarkdown.isClosingFence(trimmed, for: open) { fence = nil }
                if !Self.isRawTag(trimmed) { emit(unescaped(raw), number) }
                index += 1
                continue
            }
            if trimmed.isEmpty {
                emit(raw, number)
                previousBlank = true
                index += 1
                continue
            }
            if mode == .markdown {
                let indent = LightMarkdown.indentation(raw)
                if indent <= 3, let open = LightMarkdown.openingFence(trimmed) {
                    fence = open
                    emit(raw, number)
                    previousBlank = false
                    index += 1
                    continue
                }
                if previousBlank || inIndentedCode, indent >= 4 {
                    inIndentedCode = true
                    if !Self.isRawTag(trimmed) { emit(unescaped(raw), number) }
                    previousBlank = false
                    index += 1
                    continue
                }
            }
            inIndentedCode = false
            previousBlank = false
            index = line(body, at: index, raw: raw)
        }
    }

    // MARK: Lines

    /// Reads the line at `index` (and the lines a tag spans); returns the index after them.
    private mutating func line(_ body: ArraySlice<Substring>, at index: Int, raw: String) -> Int {
        let number = index + 1
        let trimmed = raw.trimmingWhitespace()
        // Liquid's raw tags go; a comment block goes with a note.
        if Self.isRawTag(trimmed) { return index + 1 }
        if let tag = Self.liquidTag(trimmed), tag.name == "comment" {
            var end = index
            while end < body.endIndex, Self.liquidTag(String(body[end]).trimmingWhitespace())?.name != "endcomment" {
                end += 1
            }
            note("liquid-comment", "a Liquid {% comment %} block is left out, as the site leaves it out", number)
            return min(end + 1, body.endIndex)
        }
        // A highlighted code block.
        if let tag = Self.liquidTag(trimmed), tag.name == "highlight" {
            return codeBlock(
                body, from: index, language: tag.arguments.first,
                closing: { Self.liquidTag($0)?.name == "endhighlight" })
        }
        if let code = Self.shortcode(trimmed), code.isWhole, code.name == "highlight" {
            let language = code.positional.first
            return codeBlock(
                body, from: index, language: language, closing: { Self.shortcode($0)?.name == "/highlight" })
        }
        // A figure, on one line or several.
        if trimmed.hasPrefix("{{<") || trimmed.hasPrefix("{{%"), Self.shortcodeName(trimmed) == "figure" {
            var end = index
            var text = trimmed
            while !(text.hasSuffix(">}}") || text.hasSuffix("%}}")), end + 1 < body.endIndex {
                end += 1
                text += " " + String(body[end]).trimmingWhitespace()
            }
            if let code = Self.shortcode(text), code.isWhole {
                // Hugo prints the title above the caption, both in the figure's caption.
                let parts = [code.named["title"], code.named["caption"]].compactMap { $0 }
                    .map { LightMarkdown.inlines($0).plainText.trimmingWhitespace() }.filter { !$0.isEmpty }
                let caption =
                    parts.isEmpty
                    ? nil
                    : parts.dropFirst().reduce(parts[0]) { joined, next in
                        (joined.last.map { ".!?:".contains($0) } == true ? joined + " " : joined + ". ") + next
                    }
                if let src = code.named["src"], !src.isEmpty {
                    let image = Image(
                        src: src, alt: code.named["alt"].flatMap { $0.isEmpty ? nil : $0 },
                        caption: caption.flatMap { $0.isEmpty ? nil : $0 },
                        credit: code.named["attr"].flatMap { $0.isEmpty ? nil : LightMarkdown.inlines($0).plainText },
                        location: SourceLocation(file: file, line: number, column: 1))
                    block(.image(image), number)
                    return end + 1
                }
            }
        }
        // kramdown's and goldmark's attribute lists.
        if mode == .markdown {
            if Self.isAttributeLine(trimmed) {
                if trimmed.replacingSpaces() == "{:toc}", let last = lines.indices.last,
                    let item = LightMarkdown.listItem(lines[last].trimmingWhitespace())?.text,
                    item.lowercased() == "toc"
                {
                    lines.removeLast()
                    fileLines.removeLast()
                }
                note(
                    "attributes",
                    "kramdown/goldmark attribute lists ({: .class}, {#id}) are left out: they only style the page",
                    number)
                return index + 1
            }
            let stripped = Self.strippingAttributes(raw)
            if stripped != raw {
                note(
                    "attributes",
                    "kramdown/goldmark attribute lists ({: .class}, {#id}) are left out: they only style the page",
                    number)
                return emitTagged(stripped, number, index)
            }
        }
        return emitTagged(raw, number, index)
    }

    /// A line kept as text, noting the tags it holds; a line that is one tag stands alone.
    private mutating func emitTagged(_ raw: String, _ number: Int, _ index: Int) -> Int {
        let text = unescaped(raw)
        let trimmed = text.trimmingWhitespace()
        var alone = false
        if raw.containsText("{{</*") || raw.containsText("{{%/*") {
            // An escaped shortcode prints as text: nothing to note.
        } else if let range = trimmed.firstTextRange(of: "{{<") ?? trimmed.firstTextRange(of: "{{%") {
            let name = Self.shortcodeName(String(trimmed[range.lowerBound...])) ?? "?"
            note(
                "shortcode-\(name)",
                "the shortcode {{< \(name) >}} is kept as text: the site's generator renders it", number)
            alone = Self.shortcode(trimmed)?.isWhole == true
        } else if let tag = Self.liquidTag(trimmed) {
            note(
                "liquid-\(tag.name)",
                "the Liquid tag {% \(tag.name) %} is kept as text: the site's generator fills it in", number)
            alone = true
        } else if trimmed.contains("{%"), trimmed.contains("%}") {
            note("liquid-tag", "a Liquid tag ({% … %}) is kept as text: the site's generator fills it in", number)
        } else if trimmed.contains("{{"), trimmed.contains("}}") {
            note(
                "liquid-output", "a template value ({{ … }}) is kept as text: the site's generator fills it in", number)
            alone =
                trimmed.hasPrefix("{{") && trimmed.hasSuffix("}}")
                && trimmed.dropFirst(2).firstTextRange(of: "{{") == nil
        }
        if alone, mode == .markdown {
            // Set apart, so it is a paragraph of its own and never runs into the text around it.
            emit("", number)
            emit(text, number)
            emit("", number)
        } else {
            emit(text, number)
        }
        return index + 1
    }

    /// Lines up to the closing tag, as a code block.
    private mutating func codeBlock(
        _ body: ArraySlice<Substring>, from index: Int, language: String?, closing: (String) -> Bool
    ) -> Int {
        var end = index + 1
        var content: [String] = []
        while end < body.endIndex, !closing(String(body[end]).trimmingWhitespace()) {
            if !Self.isRawTag(String(body[end]).trimmingWhitespace()) { content.append(unescaped(String(body[end]))) }
            end += 1
        }
        let code = CodeBlock(
            text: content.joined(separator: "\n"), language: language.flatMap { $0.isEmpty ? nil : $0 },
            location: SourceLocation(file: file, line: index + 1, column: 1))
        block(.code(code), index + 1)
        return min(end + 1, body.endIndex)
    }

    private mutating func block(_ block: Block, _ number: Int) {
        let key = Self.placeholder(blocks.count)
        blocks[key] = block
        switch mode {
        case .markdown:
            emit("", number)
            emit(key, number)
            emit("", number)
        case .html:
            emit("<p>\(key)</p>", number)
        }
    }

    private mutating func emit(_ line: String, _ number: Int) {
        lines.append(line)
        fileLines.append(number)
    }

    private mutating func note(_ kind: String, _ message: String, _ number: Int) {
        guard noted.insert(kind).inserted else { return }
        diagnostics.append(
            Diagnostic(
                id: "markdown.site-markup", severity: .note, message: message,
                location: SourceLocation(file: file, line: number, column: 1)))
    }

    /// Hugo's escaped shortcodes print as the shortcode (`{{</* x */>}}` → `{{< x >}}`), and
    /// Liquid's `{% raw %}` and `{% endraw %}` inside a line print nothing.
    private func unescaped(_ line: String) -> String {
        var line = line
        if line.contains("/*") {
            line =
                line
                .replacing("{{</*", with: "{{<").replacing("*/>}}", with: ">}}")
                .replacing("{{%/*", with: "{{%").replacing("*/%}}", with: "%}}")
        }
        if line.contains("raw"), line.contains("{%") {
            for tag in ["{% raw %}", "{% endraw %}", "{%- raw -%}", "{%- endraw -%}", "{%raw%}", "{%endraw%}"] {
                line = line.replacing(tag, with: "")
            }
        }
        return line
    }

    // MARK: Tags

    /// `{% raw %}`, `{% endraw %}` (with `-` trimming marks): a line that is only that.
    static func isRawTag(_ trimmed: String) -> Bool {
        guard let tag = liquidTag(trimmed) else { return false }
        return tag.name == "raw" || tag.name == "endraw"
    }

    /// A line that is one Liquid tag, `{% name arguments %}`.
    static func liquidTag(_ trimmed: String) -> (name: String, arguments: [String])? {
        guard trimmed.hasPrefix("{%"), trimmed.hasSuffix("%}"), trimmed.count >= 4 else { return nil }
        var inner = trimmed.dropFirst(2).dropLast(2)
        if inner.first == "-" { inner = inner.dropFirst() }
        if inner.last == "-" { inner = inner.dropLast() }
        guard !inner.contains("%}") else { return nil }
        let words = inner.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let name = words.first, name.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        return (name, Array(words.dropFirst()))
    }

    /// A shortcode's parameters: `{{< name positional key="value" key=value >}}`.
    struct Shortcode {
        var name: String
        var positional: [String] = []
        var named: [String: String] = [:]
        /// The text is one shortcode and nothing else.
        var isWhole = false
    }

    /// The name of the shortcode `text` starts with.
    static func shortcodeName(_ text: String) -> String? {
        guard text.hasPrefix("{{<") || text.hasPrefix("{{%") else { return nil }
        let name = text.dropFirst(3).drop { $0 == " " }.prefix { !$0.isWhitespace && $0 != ">" && $0 != "%" }
        return name.isEmpty ? nil : String(name)
    }

    static func shortcode(_ text: String) -> Shortcode? {
        guard let name = shortcodeName(text) else { return nil }
        let close = text.hasPrefix("{{<") ? ">}}" : "%}}"
        guard let end = text.firstTextRange(of: close) else { return nil }
        var code = Shortcode(name: name)
        code.isWhole = end.upperBound == text.endIndex
        var rest = Substring(text[text.index(text.startIndex, offsetBy: 3)..<end.lowerBound]).drop { $0 == " " }
        rest = rest.dropFirst(name.count)
        if rest.last == "/" { rest = rest.dropLast() }
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard !rest.isEmpty else { break }
            var key: String?
            let word = rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != "\"" && $0 != "`" }
            if !word.isEmpty, rest.dropFirst(word.count).first == "=" {
                key = String(word)
                rest = rest.dropFirst(word.count + 1)
            }
            let value: String
            if let quote = rest.first, quote == "\"" || quote == "`" {
                var text = ""
                var escaped = false
                var consumed = 1
                for character in rest.dropFirst() {
                    consumed += 1
                    if escaped {
                        text.append(character)
                        escaped = false
                    } else if character == "\\", quote == "\"" {
                        escaped = true
                    } else if character == quote {
                        break
                    } else {
                        text.append(character)
                    }
                }
                value = text
                rest = rest.dropFirst(consumed)
            } else {
                let token = rest.prefix { !$0.isWhitespace }
                value = String(token)
                rest = rest.dropFirst(token.count)
            }
            if let key { code.named[key] = value } else { code.positional.append(value) }
        }
        return code
    }

    // MARK: Attribute lists

    /// `{: .class #id key="v"}`, `{:toc}`, `{::options …}`, `{.class}`, `{#id}` alone on a line.
    static func isAttributeLine(_ trimmed: String) -> Bool {
        guard trimmed.hasPrefix("{"), trimmed.hasSuffix("}"), !trimmed.hasPrefix("{{"), !trimmed.hasPrefix("{%")
        else { return false }
        let inner = trimmed.dropFirst().dropLast()
        if inner.hasPrefix(":") { return !inner.contains("}") }
        return isAttributes(inner)
    }

    /// `.class #id key=value` — goldmark's attribute syntax.
    private static func isAttributes(_ text: Substring) -> Bool {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return false }
        return words.allSatisfy { word in
            if word.first == "." || word.first == "#" {
                return word.count > 1
                    && word.dropFirst().allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            }
            guard let equals = word.firstIndex(of: "=") else { return false }
            return word[..<equals].allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                && equals > word.startIndex
        }
    }

    /// A line without span attribute lists (`{: .class}` after text) and a heading's trailing
    /// `{#id .class}`.
    static func strippingAttributes(_ line: String) -> String {
        var out = line
        while let open = out.firstTextRange(of: "{:"), let close = out[open.upperBound...].firstIndex(of: "}") {
            let inner = out[open.upperBound..<close]
            guard !inner.contains("{"), !inner.contains("\n") else { break }
            out.removeSubrange(open.lowerBound...close)
        }
        let trimmed = out.trimmingWhitespace()
        if trimmed.hasPrefix("#"), trimmed.hasSuffix("}"), let open = out.lastIndex(of: "{"),
            isAttributes(
                out[out.index(after: open)..<out.index(before: out.endIndex)].trimmingSuffix(while: \.isWhitespace))
        {
            out = String(out[..<open])
        }
        while let last = out.last, last == " " || last == "\t", out != line { out.removeLast() }
        return out
    }

    // MARK: Blocks back

    /// The blocks read from `lines`, with the placeholders replaced by their blocks and every
    /// position moved to its line in the file.
    func finish(_ read: [Block]) -> [Block] {
        read.map { block in
            if case .paragraph(let paragraph) = block, let found = blocks[paragraph.content.plainText] {
                var found = found
                if found.location == nil { found.location = paragraph.location }
                return found
            }
            return relocated(block)
        }
    }

    /// The block with its line (and its list items') mapped from `lines` to the file.
    private func relocated(_ block: Block) -> Block {
        var block = block
        if let location = block.location { block.location = mapped(location) }
        if case .list(var list) = block {
            for index in list.items.indices {
                if let location = list.items[index].location { list.items[index].location = mapped(location) }
            }
            block = .list(list)
        }
        return block
    }

    private func mapped(_ location: SourceLocation) -> SourceLocation {
        var location = location
        let index = location.line - 1
        if index >= 0, index < fileLines.count { location.line = fileLines[index] }
        return location
    }
}

extension String {
    fileprivate func replacingSpaces() -> String {
        filter { !$0.isWhitespace }
    }
}
