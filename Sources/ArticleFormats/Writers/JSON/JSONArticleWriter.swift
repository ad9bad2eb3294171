// copydesk — ArticleFormats
// Canonical JSON out: sorted keys, pretty by default, a model version.

import ArticleModel
import Foundation

// MARK: - JSONArticleWriter

/// Writes the canonical JSON described by `Schemas/article.schema.json`.
///
/// Keys are sorted so output is stable and diffs cleanly; one article is an object, several are
/// an array. Output ends with a newline.
public struct JSONArticleWriter: ArticleWriter {
    public init() {}

    public var holdsSeveralArticles: Bool { true }

    public func write(_ articles: [Article], options: WriterOptions) throws(FormatError) -> WriteResult {
        // The model's Codable conformance is the one definition of the encoding; JSONText lays it out.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            let data = articles.count == 1 ? try encoder.encode(articles[0]) : try encoder.encode(articles)
            let value = try JSONDecoder().decode(JSONValue.self, from: data)
            var bytes = JSONText.serialize(value, pretty: !options.compact)
            bytes.append(UInt8(ascii: "\n"))
            return WriteResult(bytes: bytes)
        } catch {
            throw FormatError(id: "json.encode", message: "could not encode the article as JSON: \(error)")
        }
    }
}
