// copydesk — ArticleFormats / Markdown writer
// Markdown with YAML front matter. Being written: see issue #5.

import ArticleModel

/// Writes Markdown with YAML front matter. (Being written for issue #5; until then it refuses.)
public struct MarkdownArticleWriter: ArticleWriter {
    public init() {}

    public var holdsSeveralArticles: Bool { false }

    public func write(_ articles: [Article], options: WriterOptions) throws(FormatError) -> WriteResult {
        throw FormatError(id: "markdown.unavailable", message: "the Markdown writer is not built yet")
    }
}
