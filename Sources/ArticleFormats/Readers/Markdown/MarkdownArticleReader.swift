// copydesk — ArticleFormats / Markdown reader
// Markdown with YAML front matter. Being written: see issue #5.

import ArticleModel

/// Reads Markdown with YAML front matter. (Being written for issue #5; until then it refuses.)
public struct MarkdownArticleReader: ArticleReader {
    public init() {}

    public func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        throw FormatError(id: "markdown.unavailable", message: "the Markdown reader is not built yet")
    }
}
