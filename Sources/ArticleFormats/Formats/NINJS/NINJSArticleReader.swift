// copydesk — ArticleFormats / ninjs reader
// IPTC ninjs 1.x to 3.x in: one news item, an array of them, or an API response wrapping them.

import ArticleModel

// MARK: - NINJSArticleReader

/// Reads IPTC ninjs news items (1.x with `headline`, `body_html`, `byline`…; 2.x and 3.x with
/// `headlines`, `bodies`, `by`… in lowercase or camelCase) into canonical articles.
///
/// The text is parsed by copydesk's strict JSON parser (`JSONParser`), so a syntax error, a
/// property of the wrong type or an item with nothing to read is reported at `file:line:col`.
/// The input may be one item, an array of items, or an API response with the item or items inside
/// (`{"data": {"item": …}}`, `{"item": […]}`). What the model has a field for goes there, wire
/// metadata under the shared extension keys (`ExtensionKey`), and every other property in
/// `extensions["ninjs"]`, so nothing is dropped; docs/NINJS.md ("Reading") has the mapping.
package struct NINJSArticleReader: ArticleReader {
    package init() {}

    package func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let (value, positions) = try JSONParser.parse(input, options: options)
        let json = NINJSPositions(positions: positions, file: input.file)
        var diagnostics: [Diagnostic] = []
        let items = try Self.items(in: value, json: json, diagnostics: &diagnostics)
        var articles: [Article] = []
        for item in items {
            var mapper = NINJSItemMapper(item: item, json: json, options: options)
            articles.append(try mapper.read())
            diagnostics += mapper.diagnostics
        }
        return ReadResult(articles: articles, diagnostics: diagnostics)
    }

    // MARK: Finding the items

    /// Properties that only a news item has: one of these with another ninjs property makes an
    /// object an item rather than a wrapper around one.
    static let itemProperties = NINJSFormat.properties.union(["headline", "title", "language"])

    /// Whether an object's keys are a ninjs item's.
    static func isItem(_ fields: [String: JSONValue]) -> Bool {
        fields.keys.filter { itemProperties.contains($0) }.count >= 2
    }

    /// The items of the input: the object itself, each object of an array, or the item (or array
    /// of items) an API response holds within three levels.
    static func items(
        in value: JSONValue, json: NINJSPositions, diagnostics: inout [Diagnostic]
    ) throws(FormatError) -> [NINJSNode] {
        switch value {
        case .object(let fields):
            if isItem(fields) { return [NINJSNode(fields: fields, path: "")] }
            if let found = wrapped(fields, path: "", depth: 1) {
                let place = found.first.map { json.describe($0.path) } ?? ""
                diagnostics.append(
                    Diagnostic(
                        id: "ninjs.wrapper", severity: .note,
                        message: "the input wraps its news item\(found.count == 1 ? "" : "s") in other data; read "
                            + "\(found.count == 1 ? "the item" : "\(found.count) items") at \(place)",
                        location: found.first.flatMap { json.location($0.path) }, file: json.file))
                return found
            }
            // An object with one ninjs property or none: read it as an item, which says what is missing.
            return [NINJSNode(fields: fields, path: "")]
        case .array(let elements):
            guard !elements.isEmpty else {
                throw FormatError(
                    id: "ninjs.empty", message: "the JSON array holds no ninjs item", location: json.location(""),
                    file: json.file ?? "<stdin>", hint: "a ninjs item is an object with headlines and bodies")
            }
            var items: [NINJSNode] = []
            for (index, element) in elements.enumerated() {
                guard case .object(let fields) = element else {
                    throw FormatError(
                        id: "ninjs.shape",
                        message: "item \(index + 1) of the array is \(element.kindDescription), not a ninjs object",
                        location: json.location("[\(index)]"), file: json.file ?? "<stdin>",
                        hint: "an array of ninjs holds one news object per element")
                }
                items.append(NINJSNode(fields: fields, path: "[\(index)]"))
            }
            return items
        default:
            throw FormatError(
                id: "ninjs.shape",
                message: "the top level is \(value.kindDescription), not a ninjs object or an array of them",
                location: json.location(""), file: json.file ?? "<stdin>",
                hint: "a ninjs item is a JSON object with properties such as uri, headlines and bodies")
        }
    }

    /// The first item, or non-empty array of items, found breadth first within `3 - depth` levels
    /// (keys in sorted order, so the result never depends on hashing).
    private static func wrapped(_ fields: [String: JSONValue], path: String, depth: Int) -> [NINJSNode]? {
        var level: [NINJSNode] = [NINJSNode(fields: fields, path: path)]
        for _ in depth...3 {
            var next: [NINJSNode] = []
            for node in level {
                for key in node.fields.keys.sorted() {
                    let childPath = JSONParser.path(node.path, key)
                    switch node.fields[key] {
                    case .object(let inner)?:
                        if isItem(inner) { return [NINJSNode(fields: inner, path: childPath)] }
                        next.append(NINJSNode(fields: inner, path: childPath))
                    case .array(let elements)?:
                        let objects = elements.enumerated().compactMap { index, element -> NINJSNode? in
                            guard case .object(let inner) = element else { return nil }
                            return NINJSNode(fields: inner, path: childPath + "[\(index)]")
                        }
                        if !objects.isEmpty, objects.count == elements.count, objects.allSatisfy({ isItem($0.fields) })
                        {
                            return objects
                        }
                    default:
                        continue
                    }
                }
            }
            level = next
        }
        return nil
    }
}

// MARK: - JSON access

/// An object of the input and its path (`associations.mainpic`, `[2].bodies[0]`), for positions.
struct NINJSNode {
    var fields: [String: JSONValue]
    var path: String

    /// The path of one of its values.
    func path(_ key: String) -> String { JSONParser.path(path, key) }

    /// The value of the first of `names` present, compared without case (ninjs 2 spells 3's
    /// `versionCreated` as `versioncreated`), and the key as written.
    func value(_ names: [String]) -> (key: String, value: JSONValue)? {
        for name in names {
            if let value = fields[name] { return (name, value) }
            let lower = name.lowercased()
            if let key = fields.keys.sorted().first(where: { $0.lowercased() == lower }) { return (key, fields[key]!) }
        }
        return nil
    }
}

/// Where each value of the input stands, by path.
struct NINJSPositions {
    let positions: [String: SourceLocation]
    let file: String?

    func location(_ path: String) -> SourceLocation? { positions[path] }

    /// A path for messages: `data.item`, or "the top level".
    func describe(_ path: String) -> String { path.isEmpty ? "the top level" : "'\(path)'" }
}
