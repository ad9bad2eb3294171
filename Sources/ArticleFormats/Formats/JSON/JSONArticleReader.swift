// copydesk — ArticleFormats
// Canonical JSON in: one article, or an array of them, with positions for every error.

import ArticleModel

// MARK: - JSONArticleReader

/// Reads copydesk's canonical JSON: an article object or an array of them.
///
/// The text is parsed strictly (`JSONParser`), so syntax errors, wrong types and unknown block
/// kinds are reported at `file:line:col`, and blocks, list items, bylines and quotes take their
/// positions from the JSON file. Top-level keys the model does not know are kept in `extensions`
/// (with a note), never dropped.
package struct JSONArticleReader: ArticleReader {
    package init() {}

    package func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let text = try TextDecoding.decode(input.bytes, options: options, file: input.file)
        return try read(
            text: text, file: input.file, firstLine: 1, objectOnly: false, maxDepth: options.limits.maxDepth)
    }

    /// Reads decoded JSON text whose first line is `firstLine` of the file; with `objectOnly`, the
    /// text must be one article object (an NDJSON record), not an array.
    func read(
        text: String, file inputFile: String?, firstLine: Int, objectOnly: Bool,
        maxDepth: Int = ReaderLimits.default.maxDepth
    ) throws(FormatError)
        -> ReadResult
    {
        var parser = JSONParser(text: text, file: inputFile, firstLine: firstLine, maxDepth: maxDepth)
        let shape = try parser.parse()
        let positions = parser.positions
        let file = inputFile ?? "<stdin>"
        let objects: [(value: JSONValue, path: String)]
        switch shape {
        case .object: objects = [(shape, "")]
        case .array(let items) where !objectOnly: objects = items.enumerated().map { ($1, "[\($0)]") }
        case .array:
            throw FormatError(
                id: "json.shape", message: "the line holds an array, not one article object",
                location: positions[""], file: file, hint: "NDJSON holds one article object per line")
        default:
            throw FormatError(
                id: "json.shape", message: "the top level is not an article object or an array of articles",
                location: positions[""], file: file, hint: "see Schemas/article.schema.json for the shape")
        }
        guard !objects.isEmpty else {
            throw FormatError(
                id: "input.empty", message: "the JSON array holds no article", location: positions[""], file: file,
                hint: "an article is an object such as {\"headline\": …, \"body\": […]}")
        }
        var articles: [Article] = []
        var diagnostics: [Diagnostic] = []
        for (object, prefix) in objects {
            guard case .object(var fields) = object else {
                throw FormatError(
                    id: "json.shape", message: "\(prefix) is not an article object", location: positions[prefix],
                    file: file, hint: "each item of the top-level array must be an article object")
            }
            // Keys the model does not know go to extensions; an existing extension of the same name wins.
            let known = Article.canonicalKeys
            let unknown = fields.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }
            // Some other JSON, never an empty article: an object with keys but none of the article's,
            // or with neither a headline nor a body and more keys that are not the article's than
            // keys that are (an extractor's metadata file: title, url, authors, and a language).
            if Self.isAbsent(fields["headline"]), Self.isAbsent(fields["body"]),
                unknown.count > fields.count - unknown.count
            {
                let keys = unknown.prefix(6).map(\.key).joined(separator: ", ") + (unknown.count > 6 ? ", …" : "")
                let what =
                    unknown.count == fields.count
                    ? "has none of the canonical article's keys (it has \(keys))"
                    : "has neither a headline nor a body, and more keys that are not the article's than keys "
                        + "that are (\(keys))"
                throw FormatError(
                    id: "json.not-an-article",
                    message: "\(prefix.isEmpty ? "the object" : prefix) \(what): it is not a copydesk article",
                    location: positions[prefix], file: file,
                    hint: "canonical JSON has keys such as headline, bylines, published and body "
                        + "(Schemas/article.schema.json); if the file is another format, name it with --from")
            }
            for (key, _) in unknown { fields[key] = nil }
            var article: Article
            do {
                article = try CanonicalJSON.article(from: .object(fields))
            } catch let error as IncompatibleModelVersion {
                throw FormatError(
                    id: "json.version", message: error.description,
                    location: positions[Self.join(prefix, "modelVersion")], file: file,
                    hint: "convert it with the copydesk release that wrote it, or upgrade copydesk")
            } catch {
                let problem = CanonicalJSON.describe(error)
                let path = Self.join(prefix, problem.path)
                throw FormatError(
                    id: "json.shape", message: "\(path.isEmpty ? "top level" : path): \(problem.message)",
                    location: positions[path] ?? Self.nearest(path, positions), file: file,
                    hint: "see Schemas/article.schema.json for the shape")
            }
            for (key, value) in unknown {
                let name = article.extensions[key] == nil ? key : "\(key) (top level)"
                article.extensions[name] = value
                diagnostics.append(
                    Diagnostic(
                        id: "json.unknown-key", severity: .note,
                        message: "unknown key '\(Self.join(prefix, key))' kept in extensions as '\(name)'",
                        location: positions[Self.join(prefix, key)], file: file))
            }
            Self.applyPositions(&article, prefix: prefix, positions)
            articles.append(article)
        }
        return ReadResult(articles: articles, diagnostics: diagnostics)
    }

    /// A key that is missing, null, an empty string or an empty array.
    private static func isAbsent(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: return true
        case .string(let text)?: return text.isEmpty
        case .array(let items)?: return items.isEmpty
        default: return false
        }
    }

    private static func join(_ prefix: String, _ path: String) -> String {
        if prefix.isEmpty { return path }
        if path.isEmpty { return prefix }
        return path.hasPrefix("[") ? prefix + path : prefix + "." + path
    }

    /// The position of the closest enclosing value that has one.
    private static func nearest(_ path: String, _ positions: [String: SourceLocation]) -> SourceLocation? {
        var current = path
        while !current.isEmpty {
            if let place = positions[current] { return place }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            current = String(current[..<cut])
        }
        return positions[""]
    }

    /// Blocks, list items, bylines and quotes are where they stand in this JSON file.
    private static func applyPositions(_ article: inout Article, prefix: String, _ positions: [String: SourceLocation])
    {
        for index in article.body.indices {
            let path = join(prefix, "body[\(index)]")
            article.body[index].location = positions[path]
            if case .list(var list) = article.body[index] {
                for item in list.items.indices { list.items[item].location = positions["\(path).items[\(item)]"] }
                article.body[index] = .list(list)
            }
        }
        for index in article.bylines.indices {
            // The name is what a finding about a byline points at.
            let path = join(prefix, "bylines[\(index)]")
            article.bylines[index].location = positions["\(path).name"] ?? positions[path]
        }
        article.published?.location =
            positions[join(prefix, "published")] ?? positions[join(prefix, "publishedText")]
        article.modified?.location = positions[join(prefix, "modified")] ?? positions[join(prefix, "modifiedText")]
        for index in article.quotes.indices {
            article.quotes[index].location = positions[join(prefix, "quotes[\(index)]")]
        }
    }
}
