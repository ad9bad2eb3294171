// copydesk — ArticleFormats
// Canonical JSON out: sorted keys, pretty by default, a model version.

import ArticleModel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - JSONArticleWriter

/// Writes the canonical JSON described by `Schemas/article.schema.json`.
///
/// Keys are sorted so output is stable and diffs cleanly; one article is an object, several are
/// an array. Output ends with a newline.
package struct JSONArticleWriter: ArticleWriter {
    package init() {}

    package var holdsSeveralArticles: Bool { true }

    package func write(_ articles: [Article], options: WriterOptions) throws(FormatError) -> WriteResult {
        var bytes = JSONText.serialize(try CanonicalJSON.value(of: articles), pretty: !options.compact)
        bytes.append(UInt8(ascii: "\n"))
        return WriteResult(bytes: bytes)
    }
}
