// copydesk — ArticleFormats
// The canonical encoding of an article as a JSON value, shared by the JSON and YAML formats.

import ArticleModel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - CanonicalJSON

/// The model's `Codable` conformance is the one definition of the canonical encoding; these
/// helpers turn it into `JSONValue` trees that writers lay out, and back.
enum CanonicalJSON {
    /// The article (or articles, as an array) as a JSON value.
    static func value(of articles: [Article]) throws(FormatError) -> JSONValue {
        do {
            return articles.count == 1
                ? try JSONValueEncoder.encode(articles[0]) : try JSONValueEncoder.encode(articles)
        } catch {
            throw FormatError(id: "json.encode", message: "could not encode the article: \(error)")
        }
    }

    /// Decodes an article from a JSON value (errors are `DecodingError`s with a coding path, as
    /// `JSONDecoder` gives them).
    static func article(from value: JSONValue) throws -> Article {
        try JSONValueDecoder.decode(Article.self, from: value)
    }

    /// A coding path as copydesk prints it: `body[3].type`.
    static func pathString(_ codingPath: [any CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out
    }

    /// What went wrong in a `DecodingError`, and where (its coding path).
    static func describe(_ error: any Error) -> (path: String, message: String) {
        guard let error = error as? DecodingError else { return ("", String(describing: error)) }
        switch error {
        case .typeMismatch(let type, let context):
            return (pathString(context.codingPath), "expected \(readable(type))")
        case .valueNotFound(let type, let context):
            return (pathString(context.codingPath), "missing \(readable(type)) value")
        case .keyNotFound(let key, let context):
            return (pathString(context.codingPath + [key]), "required key '\(key.stringValue)' is missing")
        case .dataCorrupted(let context):
            let path = pathString(context.codingPath)
            if context.debugDescription.contains("Cannot initialize"), let allowed = allowedValues(path) {
                let value = context.debugDescription.split(separator: " ").last.map(String.init) ?? "this value"
                return (path, "'\(value)' is not one of: \(allowed.joined(separator: ", "))")
            }
            return (path, context.debugDescription)
        @unknown default:
            return ("", String(describing: error))
        }
    }

    /// The values an enumerated field accepts, by where it stands.
    private static func allowedValues(_ path: String) -> [String]? {
        let last = path.split(separator: ".").last.map(String.init) ?? path
        if path.hasPrefix("bylines"), last == "kind" { return Byline.Kind.allCases.map(\.rawValue) }
        if path.hasPrefix("quotes"), last == "kind" { return Quote.Kind.allCases.map(\.rawValue) }
        if last == "attribution" { return Quote.Attribution.allCases.map(\.rawValue) }
        if last == "type" {
            if path.contains("content") { return ["text", "emphasis", "strong", "link", "quotation", "lineBreak"] }
            return Block.Kind.allCases.map(\.rawValue)
        }
        return nil
    }

    private static func readable(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a mapping" }
            return "a " + name
        }
    }
}
