// copydesk — ArticleFormats
// NDJSON (JSON Lines) out: one compact canonical-JSON article per line.

import ArticleModel

// MARK: - NDJSONArticleWriter

/// Writes each article as one line of compact canonical JSON (sorted keys, the same content as
/// `--to json --compact`), ending with a newline, so streams concatenate: `cat a.ndjson b.ndjson`
/// is a valid stream, and tools such as `xargs -P`, GNU parallel, `jq -c` or Hadoop streaming can
/// split it on lines.
package struct NDJSONArticleWriter: ArticleWriter {
    package init() {}

    package var holdsSeveralArticles: Bool { true }

    package func write(_ articles: [Article], options: WriterOptions) throws(FormatError) -> WriteResult {
        var bytes: [UInt8] = []
        for article in articles {
            bytes += JSONText.serialize(try CanonicalJSON.value(of: [article]), pretty: false)
            bytes.append(UInt8(ascii: "\n"))
        }
        return WriteResult(bytes: bytes)
    }
}
