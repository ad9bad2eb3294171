// copydesk — ArticleFormats
// Canonical JSON in: one article, or an array of them.

import ArticleModel
import Foundation

// MARK: - JSONArticleReader

/// Reads copydesk's canonical JSON: an article object or an array of them.
///
/// Top-level keys the model does not know are kept in `extensions` (with a note), never dropped.
public struct JSONArticleReader: ArticleReader {
    public init() {}

    public func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let text = try TextDecoding.decode(input.bytes, options: options, file: input.file)
        let data = Data(text.utf8)
        let shape: JSONValue
        do {
            shape = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw syntaxError(error, text: text, file: input.file)
        }
        let objects: [JSONValue]
        let isArray: Bool
        switch shape {
        case .object: objects = [shape]; isArray = false
        case .array(let items): objects = items; isArray = true
        default:
            throw FormatError(
                id: "json.shape", message: "expected an article object or an array of articles at the top level",
                file: input.file ?? "<stdin>", hint: "see Schemas/article.schema.json for the shape")
        }
        var articles: [Article] = []
        var diagnostics: [Diagnostic] = []
        let decoder = JSONDecoder()
        for (index, object) in objects.enumerated() {
            let prefix = isArray ? "[\(index)]" : ""
            guard case .object(let fields) = object else {
                throw FormatError(
                    id: "json.shape", message: "\(prefix): expected an article object", file: input.file ?? "<stdin>")
            }
            var article: Article
            do {
                article = try decoder.decode(Article.self, from: JSONEncoder().encode(object))
            } catch let error as IncompatibleModelVersion {
                throw FormatError(
                    id: "json.version", message: error.description, file: input.file ?? "<stdin>",
                    hint: "convert it with the copydesk release that wrote it, or upgrade copydesk")
            } catch {
                let problem = CanonicalJSON.describe(error)
                let path = problem.path.isEmpty ? "top level" : problem.path
                throw FormatError(
                    id: "json.shape", message: "\(prefix)\(path): \(problem.message)", file: input.file ?? "<stdin>",
                    hint: "see Schemas/article.schema.json for the shape")
            }
            let known = Article.canonicalKeys
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) where !known.contains(key) {
                article.extensions[key] = value
                diagnostics.append(
                    Diagnostic(
                        id: "json.unknown-key", severity: .note,
                        message: "\(prefix)unknown key '\(key)' kept in extensions", file: input.file ?? "<stdin>"))
            }
            articles.append(article)
        }
        return ReadResult(articles: articles, diagnostics: diagnostics)
    }

    private func syntaxError(_ error: any Error, text: String, file: String?) -> FormatError {
        // JSONDecoder's syntax errors carry no position; JSONSerialization's say "around character N"
        // (a UTF-8 offset), which becomes line:column.
        var location: SourceLocation?
        var detail = "the data is not valid JSON"
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if !description.isEmpty { detail = description.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            if let range = description.range(of: "character "),
                let offset = Int(description[range.upperBound...].prefix { $0.isNumber })
            {
                let prefix = String(decoding: Array(text.utf8.prefix(offset)), as: UTF8.self)
                location = TextDecoding.location(afterPrefix: prefix, file: file)
            }
        }
        return FormatError(
            id: "json.syntax", message: "not valid JSON: \(detail)", location: location, file: file ?? "<stdin>",
            hint: "check the JSON with a linter (python3 -m json.tool FILE)")
    }
}
