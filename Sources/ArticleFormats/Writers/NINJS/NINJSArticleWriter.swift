// copydesk — ArticleFormats / ninjs writer
// IPTC ninjs 3.1 (and 2.2). Being written: see issue #5.

import ArticleModel

/// Writes IPTC ninjs. (Being written for issue #5; until then it refuses with an error.)
public struct NINJSArticleWriter: ArticleWriter {
    public init() {}

    public var holdsSeveralArticles: Bool { false }

    public func write(_ articles: [Article], options: WriterOptions) throws(FormatError) -> WriteResult {
        throw FormatError(id: "ninjs.unavailable", message: "the ninjs writer is not built yet")
    }
}
