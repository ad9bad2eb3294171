// copydesk — ArticleFormats / Markdown
// Markdown with front matter: what it can do and how its content is recognised.

import ArticleModel

extension FormatDescriptor {
    /// CommonMark with YAML front matter, in copydesk's, Hugo's or Jekyll's keys.
    static let markdown = FormatDescriptor(
        name: "markdown", title: "Markdown", summary: "Markdown (CommonMark) with YAML front matter",
        extensions: ["md", "markdown"], mediaType: "text/markdown; charset=utf-8",
        capabilities: FormatCapabilities(
            holdsComments: true, articles: .one,
            carries: ArticleField.everything.subtracting([.dateMentions])),
        sniffer: MarkdownFormat.sniff, reader: MarkdownArticleReader(), writer: MarkdownArticleWriter())
}

/// Recognising Markdown.
enum MarkdownFormat {
    /// Likely for front matter (`---` or Hugo's `+++`) followed by text, or a first line that is
    /// an ATX heading (`# Title`).
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        if sample.startsWithLine("+++") { return SniffMatch(.likely, "it opens with TOML front matter (+++)") }
        if let rest = sample.afterFrontMatter("---"), !YAMLFormat.looksLikeYAML(rest) {
            return SniffMatch(.likely, "it opens with front matter followed by text")
        }
        if sample.text.hasPrefix("# ") { return SniffMatch(.likely, "it opens with a Markdown heading") }
        return nil
    }
}
