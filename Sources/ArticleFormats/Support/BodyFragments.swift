// copydesk — ArticleFormats
// What the readers of bodies another document carries share (feed items, ninjs bodies): plain
// text as paragraphs, blocks placed in the carrying file, and content kept beside the body.

import ArticleModel

// MARK: - Plain text

extension BodyFragment {
    /// Plain text as paragraphs: apart at blank lines, the lines of each joined by a space and
    /// white space folded; a text without blank lines is a paragraph a line. Each paragraph is
    /// located at its first line of the text.
    init(plainText text: String) {
        let lines = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        let hasBlankLines = lines.contains(where: \.isEmpty)
        var out: [Block] = []
        var current: [String] = []
        var start = 1
        func flush() {
            if !current.isEmpty {
                out.append(
                    .paragraph(
                        Paragraph(
                            text: current.joined(separator: " ").foldingWhitespace(),
                            location: SourceLocation(line: start, column: 1))))
            }
            current = []
        }
        for (index, line) in lines.enumerated() {
            if line.isEmpty {
                flush()
            } else {
                if current.isEmpty { start = index + 1 }
                current.append(line)
                if !hasBlankLines { flush() }
            }
        }
        flush()
        self.init(blocks: out)
    }
}

// MARK: - Placing blocks

extension Block {
    /// The block with its location, and its list items', given by `place` (a body read from a
    /// string placed where the string stands in the file).
    func relocated(_ place: (SourceLocation?) -> SourceLocation?) -> Block {
        var block = self
        block.location = place(block.location)
        if case .list(var list) = block {
            for index in list.items.indices { list.items[index].location = place(list.items[index].location) }
            block = .list(list)
        }
        return block
    }
}

// MARK: - Alternatives

extension ExtensionKey {
    /// Appends to `extensions.alternatives` (content beside the body: an audio, another body).
    static func appendAlternatives(_ values: [JSONValue], to extensions: inout [String: JSONValue]) {
        guard !values.isEmpty else { return }
        if case .array(let existing)? = extensions[alternatives] {
            extensions[alternatives] = .array(existing + values)
        } else {
            extensions[alternatives] = .array(values)
        }
    }
}
