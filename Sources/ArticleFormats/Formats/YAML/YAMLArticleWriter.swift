// copydesk — ArticleFormats / YAML writer
// The canonical article as YAML, emitted by libyaml so quoting is always right.

import ArticleModel

// MARK: - YAMLArticleWriter

/// Writes canonical YAML: the canonical JSON's shape, in a reading order (headline first, body
/// near the end), without source positions (YAML has its own) and without empty or null fields
/// (reading treats a missing field as empty). Several articles become a stream of documents.
package struct YAMLArticleWriter: ArticleWriter {
    package init() {}

    package var holdsSeveralArticles: Bool { true }

    static let keyOrder = [
        "modelVersion", "headline", "subheadline", "bylines", "published", "publishedText", "modified",
        "modifiedText", "dateline", "language", "section", "keywords", "source", "highlights", "body", "quotes",
        "extensions", "id", "type", "level", "ordered", "label", "speaker", "name", "kind", "role", "affiliation",
        "mention", "raw", "origin", "place", "date", "publisher", "url", "format", "file", "text", "content", "items",
        "attribution", "cue", "quoteId", "src", "alt", "caption", "credit", "open", "close",
    ]

    package func write(_ articles: [Article], options: WriterOptions) throws(FormatError) -> WriteResult {
        let documents = try articles.map { article throws(FormatError) in
            Self.tidy(try CanonicalJSON.value(of: [article]), inExtensions: false)
        }
        let bytes = try YAMLEmitter(keyOrder: Self.keyOrder).emit(documents: documents)
        return WriteResult(bytes: bytes)
    }

    /// Drops `location` keys, nulls and empty lists or mappings, except inside `extensions`,
    /// whose values are the user's and are kept exactly.
    static func tidy(_ value: JSONValue, inExtensions: Bool) -> JSONValue {
        guard !inExtensions else { return value }
        switch value {
        case .object(let fields):
            var kept: [String: JSONValue] = [:]
            for (key, field) in fields where key != "location" {
                let tidied = tidy(field, inExtensions: key == "extensions")
                switch tidied {
                case .null: continue
                case .array(let items) where items.isEmpty && key != "content" && key != "items": continue
                case .object(let object) where object.isEmpty: continue
                default: kept[key] = tidied
                }
            }
            return .object(kept)
        case .array(let items):
            return .array(items.map { tidy($0, inExtensions: false) })
        default:
            return value
        }
    }
}
