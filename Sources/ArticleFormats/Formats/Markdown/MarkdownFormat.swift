// copydesk — ArticleFormats / Markdown
// Markdown with front matter: what it can do and how its content is recognised.

import ArticleModel

extension FormatDescriptor {
    /// CommonMark with front matter (YAML, TOML or JSON), in copydesk's, Hugo's, Jekyll's or Zola's keys.
    static let markdown = FormatDescriptor(
        name: "markdown", title: "Markdown", summary: "Markdown (CommonMark) with YAML, TOML or JSON front matter",
        extensions: ["md", "markdown"], mediaType: "text/markdown; charset=utf-8",
        capabilities: FormatCapabilities(
            holdsComments: true, articles: .one,
            carries: ArticleField.everything.subtracting([.dateMentions])),
        sniffer: MarkdownFormat.sniff, reader: MarkdownArticleReader(), writer: MarkdownArticleWriter())
}

/// Recognising Markdown.
enum MarkdownFormat {
    /// Certain for front matter — YAML keys between `---` lines, TOML between `+++` lines, or a
    /// JSON object (Hugo) — closed and followed by text that is not more of the same: no other
    /// format opens so, whatever the extension says (a Jekyll or Hugo `.html` page is front matter
    /// over HTML, read by this reader). Likely for an unclosed `+++` opening or a first line that
    /// is an ATX heading (`# Title`).
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        if let toml = sample.frontMatter("+++"), isTOML(toml.inside), hasText(toml.after) {
            return SniffMatch(.certain, "it opens with TOML front matter (+++) followed by text")
        }
        if sample.startsWithLine("+++") { return SniffMatch(.likely, "it opens with TOML front matter (+++)") }
        if let yaml = sample.frontMatter("---"), !YAMLFormat.looksLikeYAML(yaml.after) {
            if YAMLFormat.looksLikeYAML(yaml.inside), yaml.inside.contains(":") {
                return SniffMatch(.certain, "it opens with YAML front matter (---) followed by text")
            }
            return SniffMatch(.likely, "it opens with front matter followed by text")
        }
        if sample.text.first == "{", let end = jsonObjectEnd(sample.text), hasText(sample.text[end...]),
            let next = sample.text[end...].first(where: { !$0.isWhitespace }), next != "{", next != "["
        {
            let lines = sample.text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
            if MarkdownFrontMatter.syntax(opening: lines[0], next: lines.count > 1 ? lines[1] : nil) == .json {
                return SniffMatch(.certain, "it opens with JSON front matter followed by text")
            }
        }
        if sample.text.hasPrefix("# ") { return SniffMatch(.likely, "it opens with a Markdown heading") }
        return nil
    }

    /// Some text that is not white space.
    private static func hasText(_ text: Substring) -> Bool {
        text.contains { !$0.isWhitespace }
    }

    /// The first line of TOML that is not blank or a comment reads `key = …` or `[table]`.
    private static func isTOML(_ text: Substring) -> Bool {
        for line in text.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("[") { return trimmed.contains("]") }
            guard let equals = trimmed.firstIndex(of: "=") else { return false }
            let key = trimmed[..<equals].trimming { $0 == " " || $0 == "\t" }
            return !key.isEmpty
                && key.allSatisfy { $0.isLetter || $0.isNumber || "-_.\"' ".contains($0) }
        }
        return false
    }

    /// The index after the `}` that closes the JSON object `text` opens with (strings skipped).
    static func jsonObjectEnd(_ text: Substring) -> Substring.Index? {
        var depth = 0
        var inString = false
        var escaped = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
            } else if character == "\"" {
                inString = true
            } else if character == "{" || character == "[" {
                depth += 1
            } else if character == "}" || character == "]" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }
}
