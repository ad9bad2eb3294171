// copydesk — ArticleFormats / YAML reader
// One YAML mapping → one article: canonical keys, CMS aliases, extensions, positions.

import ArticleModel

// MARK: - YAMLArticleMapper

struct YAMLArticleMapper {
    let file: String?
    let sourceLines: [Substring]
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String?, sourceLines: [Substring]) {
        self.file = file
        self.sourceLines = sourceLines
    }

    /// Keys of the canonical model whose values read as in the canonical JSON.
    private static let canonicalKeys: Set<String> = [
        "modelVersion", "headline", "subheadline", "highlights", "dateline", "language", "section", "source", "quotes",
        "extensions",
    ]

    /// CMS front-matter keys (lowercased) and the model field each fills.
    private enum Field {
        case headline, subheadline, bylines, published, publishedText, modified, modifiedText, keywords, section
        case language, url, publisher, body, highlights, dateline
    }

    private static let aliases: [String: Field] = [
        "title": .headline,
        "subtitle": .subheadline, "deck": .subheadline, "dek": .subheadline, "standfirst": .subheadline,
        "description": .subheadline, "summary": .subheadline, "excerpt": .subheadline, "abstract": .subheadline,
        "author": .bylines, "authors": .bylines, "byline": .bylines, "bylines": .bylines, "contributors": .bylines,
        "published": .published, "date": .published, "pubdate": .published, "publishdate": .published,
        "publish_date": .published, "published_at": .published, "datepublished": .published,
        "date_published": .published,
        "publishedtext": .publishedText, "modifiedtext": .modifiedText,
        "modified": .modified, "lastmod": .modified, "updated": .modified, "updated_at": .modified,
        "modified_at": .modified, "datemodified": .modified, "date_modified": .modified, "lastmodified": .modified,
        "keywords": .keywords, "tags": .keywords, "categories": .keywords, "topics": .keywords,
        "category": .section,
        "lang": .language, "locale": .language,
        "url": .url, "permalink": .url, "canonical": .url, "canonical_url": .url, "link": .url,
        "publisher": .publisher, "site": .publisher,
        "body": .body, "content": .body, "text": .body,
        "bullets": .highlights, "key_points": .highlights,
    ]

    // MARK: Articles

    mutating func article(from node: YAMLNode, prefix: String) throws(FormatError) -> Article {
        let pairs = node.pairs ?? []
        try checkKeys(pairs)
        var canonical: [String: JSONValue] = [:]
        var marks: [String: YAMLNode] = [:]
        var bodyNode: YAMLNode?
        var deferred: [(key: String, field: Field, node: YAMLNode, keyNode: YAMLNode)] = []
        var extensions: [(String, YAMLNode, YAMLNode)] = []

        for (keyNode, value) in pairs {
            let key = keyNode.scalar ?? ""
            if key == "body", value.items != nil {
                canonical["body"] = try json(value, path: "body", marks: &marks)
                bodyNode = value
            } else if key == "bylines", let items = value.items, items.contains(where: { $0.pairs != nil }) {
                canonical["bylines"] = try json(value, path: "bylines", marks: &marks)
            } else if key == "dateline", value.pairs != nil {
                canonical["dateline"] = try json(value, path: "dateline", marks: &marks)
            } else if Self.canonicalKeys.contains(key) && !(key == "section" || key == "language") {
                canonical[key] = try json(value, path: key, marks: &marks)
            } else if let field = Self.aliases[key.lowercased()] ?? (key == "section" ? .section : nil)
                ?? (key == "language" ? .language : nil)
            {
                deferred.append((key, field, value, keyNode))
            } else {
                extensions.append((key, keyNode, value))
            }
        }

        // The canonical part decodes through the model's own Codable definition.
        var article: Article
        do {
            article = try CanonicalJSON.article(from: .object(canonical))
        } catch let error as IncompatibleModelVersion {
            throw FormatError(
                id: "yaml.version", message: error.description, location: marks["modelVersion"]?.location(file: file),
                file: file ?? "<stdin>", hint: "convert it with the copydesk release that wrote it, or upgrade copydesk"
            )
        } catch {
            let problem = CanonicalJSON.describe(error)
            let node = marks[problem.path] ?? marks[Self.parentPath(problem.path)] ?? node
            throw FormatError(
                id: "yaml.type", message: "\(prefix)\(problem.path): \(problem.message)",
                location: node.location(file: file), file: file ?? "<stdin>",
                hint: "see docs/YAML.md for the shape of each field")
        }
        if let bodyNode { applyLocations(&article, body: bodyNode) }

        // CMS keys and the lenient fields, after the canonical ones.
        var publishedValue: YAMLNode?
        var publishedText: YAMLNode?
        var modifiedValue: YAMLNode?
        var modifiedText: YAMLNode?
        for (key, field, value, keyNode) in deferred {
            switch field {
            case .headline:
                if article.headline == nil {
                    article.headline = try text(value, key: key)
                } else {
                    extensions.append((key, keyNode, value))
                }
            case .subheadline:
                if article.subheadline == nil {
                    article.subheadline = try text(value, key: key)
                } else {
                    extensions.append((key, keyNode, value))
                }
            case .bylines:
                article.bylines += try bylines(value, key: key)
            case .published: publishedValue = value
            case .publishedText: publishedText = value
            case .modified: modifiedValue = value
            case .modifiedText: modifiedText = value
            case .keywords:
                for word in try words(value, key: key) where !article.keywords.contains(word) {
                    article.keywords.append(word)
                }
                if key.lowercased() == "categories", article.section == nil,
                    let first = try words(value, key: key).first
                {
                    article.section = first
                }
            case .section:
                article.section = try text(value, key: key)
            case .language:
                article.language = try text(value, key: key)
            case .url:
                var source = article.source ?? ArticleSource()
                source.url = try text(value, key: key)
                article.source = source
            case .publisher:
                var source = article.source ?? ArticleSource()
                source.publisher = try text(value, key: key)
                article.source = source
            case .body:
                article.body += try prose(value, key: key)
            case .highlights:
                article.highlights += try words(value, key: key, splitCommas: false)
            case .dateline:
                if let raw = try text(value, key: key) { article.dateline = Dateline(raw: raw) }
            }
        }
        article.published = try date(value: publishedValue, text: publishedText)
        article.modified = try date(value: modifiedValue, text: modifiedText)

        for (key, keyNode, value) in extensions {
            article.extensions[key] = coreValue(value)
            diagnostics.append(
                Diagnostic(
                    id: "yaml.unknown-key", severity: .note,
                    message: "\(prefix)unknown key '\(key)' kept in extensions", location: keyNode.location(file: file))
            )
        }
        // Canonical YAML (with modelVersion) is read as written; other YAML records where it came from.
        if canonical["modelVersion"] == nil {
            var source = article.source ?? ArticleSource()
            source.format = source.format ?? "yaml"
            source.file = source.file ?? file
            article.source = source
        }
        return article
    }

    // MARK: Checks

    /// Keys must be text, and each may appear once.
    private func checkKeys(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(FormatError) {
        var seen: [String: YAMLNode] = [:]
        for (key, _) in pairs {
            guard let name = key.scalar else {
                throw FormatError(
                    id: "yaml.type", message: "a key is \(key.kindDescription); keys must be text",
                    location: key.location(file: file), file: file ?? "<stdin>", hint: "write the key as plain text")
            }
            if let first = seen[name] {
                throw FormatError(
                    id: "yaml.duplicate-key",
                    message: "duplicate key '\(name)' (first at line \(first.line), column \(first.column))",
                    location: key.location(file: file), file: file ?? "<stdin>",
                    hint: "keep one '\(name):' and remove or merge the other")
            }
            seen[name] = key
        }
    }

    private static func parentPath(_ path: String) -> String {
        if let dot = path.lastIndex(where: { $0 == "." || $0 == "[" }) { return String(path[..<dot]) }
        return path
    }

    // MARK: Typed values

    private static let numberFields: Set<String> = ["level", "blockIndex", "line", "column"]
    private static let boolFields: Set<String> = ["ordered", "header"]

    /// The JSON value the canonical decoding needs, typed by field name; records each node's
    /// place by path for error messages.
    private func json(_ node: YAMLNode, path: String, marks: inout [String: YAMLNode]) throws(FormatError) -> JSONValue
    {
        marks[path] = node
        if node.isNull { return .null }
        switch node.kind {
        case .scalar(let text, let plain):
            let field = String(path.split(whereSeparator: { $0 == "." }).last ?? "").prefix { $0 != "[" }
            if path == "extensions" || path.hasPrefix("extensions.") || path.hasPrefix("extensions[") {
                return coreValue(node)
            }
            if Self.numberFields.contains(String(field)), plain, let number = Int(text) {
                return .number(Double(number))
            }
            if Self.boolFields.contains(String(field)), plain {
                switch text {
                case "true", "True", "TRUE": return .bool(true)
                case "false", "False", "FALSE": return .bool(false)
                default: break
                }
            }
            return .string(text)
        case .sequence(let items):
            var values: [JSONValue] = []
            for (index, item) in items.enumerated() {
                values.append(try json(item, path: "\(path)[\(index)]", marks: &marks))
            }
            return .array(values)
        case .mapping(let pairs):
            try checkKeys(pairs)
            var object: [String: JSONValue] = [:]
            for (key, value) in pairs {
                let name = key.scalar ?? ""
                object[name] = try json(value, path: path.isEmpty ? name : "\(path).\(name)", marks: &marks)
            }
            return .object(object)
        }
    }

    /// A free-form value, resolved with YAML 1.2's core schema for plain scalars only: null,
    /// `true`/`false` and canonical numbers; everything else (`no`, `0777`, dates) stays text.
    func coreValue(_ node: YAMLNode) -> JSONValue {
        if node.isNull { return .null }
        switch node.kind {
        case .scalar(let text, let plain):
            guard plain else { return .string(text) }
            if text == "true" || text == "True" || text == "TRUE" { return .bool(true) }
            if text == "false" || text == "False" || text == "FALSE" { return .bool(false) }
            if Self.isCanonicalNumber(text), let number = Double(text) { return .number(number) }
            return .string(text)
        case .sequence(let items):
            return .array(items.map(coreValue))
        case .mapping(let pairs):
            var object: [String: JSONValue] = [:]
            for (key, value) in pairs { object[key.scalar ?? ""] = coreValue(value) }
            return .object(object)
        }
    }

    /// `-12`, `3.5`, `1e6`; not `0777`, `+1`, `1_000` or `.5`.
    static func isCanonicalNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        let integer = scalars.prefix { ("0"..."9").contains($0) }
        guard !integer.isEmpty, integer.count == 1 || integer.first != "0" else { return false }
        scalars = scalars.dropFirst(integer.count)
        if scalars.first == "." {
            let fraction = scalars.dropFirst().prefix { ("0"..."9").contains($0) }
            guard !fraction.isEmpty else { return false }
            scalars = scalars.dropFirst(1 + fraction.count)
        }
        if scalars.first == "e" || scalars.first == "E" {
            scalars = scalars.dropFirst()
            if scalars.first == "+" || scalars.first == "-" { scalars = scalars.dropFirst() }
            let exponent = scalars.prefix { ("0"..."9").contains($0) }
            guard !exponent.isEmpty else { return false }
            scalars = scalars.dropFirst(exponent.count)
        }
        return scalars.isEmpty
    }

    private func typeError(_ key: String, _ node: YAMLNode, expected: String) -> FormatError {
        FormatError(
            id: "yaml.type", message: "'\(key)' should be \(expected), not \(node.kindDescription)",
            location: node.location(file: file), file: file ?? "<stdin>",
            hint: "see docs/YAML.md for the shape of each field")
    }

    private func text(_ node: YAMLNode, key: String) throws(FormatError) -> String? {
        if node.isNull { return nil }
        guard let text = node.scalar else { throw typeError(key, node, expected: "text") }
        return text
    }

    /// A list of text, or one text (split at commas when `splitCommas`).
    private func words(_ node: YAMLNode, key: String, splitCommas: Bool = true) throws(FormatError) -> [String] {
        if node.isNull { return [] }
        if let text = node.scalar {
            let parts = splitCommas ? text.split(separator: ",").map(String.init) : [text]
            return parts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        guard let items = node.items else { throw typeError(key, node, expected: "a list of text") }
        var out: [String] = []
        for item in items {
            guard let text = item.scalar else { throw typeError(key, item, expected: "text") }
            out.append(text)
        }
        return out
    }

    /// `author: Jane Doe`, `authors: [Jane Doe, John Roe]`, or mappings with name, role, affiliation.
    private func bylines(_ node: YAMLNode, key: String) throws(FormatError) -> [Byline] {
        if node.isNull { return [] }
        let items = node.items ?? [node]
        var out: [Byline] = []
        for item in items {
            if let text = item.scalar {
                out.append(Byline(name: text, raw: text, location: item.location(file: file)))
            } else if let pairs = item.pairs {
                var fields: [String: String] = [:]
                for (keyNode, value) in pairs {
                    if let name = keyNode.scalar?.lowercased(), let text = value.scalar { fields[name] = text }
                }
                guard let name = fields["name"] ?? fields["display_name"] else {
                    throw FormatError(
                        id: "yaml.type", message: "an entry of '\(key)' has no name",
                        location: item.location(file: file), file: file ?? "<stdin>",
                        hint: "give each author a name: key")
                }
                let kind = fields["kind"].flatMap(Byline.Kind.init(rawValue:)) ?? .person
                out.append(
                    Byline(
                        name: name, kind: kind, role: fields["role"] ?? fields["title"],
                        affiliation: fields["affiliation"] ?? fields["organization"] ?? fields["organisation"],
                        raw: fields["raw"], origin: fields["origin"].flatMap(Byline.Origin.init(rawValue:)) ?? .field,
                        location: item.location(file: file)))
            } else {
                throw typeError(key, item, expected: "a name or a list of names")
            }
        }
        return out
    }

    /// A date as given: ISO 8601 or a written form is parsed; anything else is kept as text for
    /// the validator. A separate `publishedText` is the printed form.
    private func date(value: YAMLNode?, text: YAMLNode?) throws(FormatError) -> ArticleDate? {
        let valueText = try value.flatMap { node throws(FormatError) in try self.text(node, key: "published") }
        let printed = try text.flatMap { node throws(FormatError) in try self.text(node, key: "publishedText") }
        let location = (value ?? text)?.location(file: file)
        if let valueText {
            return ArticleDate(text: printed ?? valueText, value: DateParser.parse(valueText), location: location)
        }
        // Only the printed form: as in the canonical JSON, it is a date that was not understood.
        return printed.map { ArticleDate(text: $0, value: nil, location: location) }
    }

    /// Prose in a `body:`/`content:` field → blocks, with positions in the YAML file.
    private func prose(_ node: YAMLNode, key: String) throws(FormatError) -> [Block] {
        if node.isNull { return [] }
        guard let text = node.scalar else { throw typeError(key, node, expected: "text (prose) or a list of blocks") }
        var origin = LightMarkdown.Origin(file: file, line: node.line, column: node.column)
        if node.style == .literal || node.style == .folded {
            // The content starts on the line after the `|` or `>` indicator, at its indentation.
            origin.line = node.line + 1
            let lineIndex = node.line
            if lineIndex < sourceLines.count {
                origin.column = sourceLines[lineIndex].prefix { $0 == " " }.count + 1
            }
            origin.uniformIndent = true
        }
        return LightMarkdown.blocks(from: text, origin: origin)
    }

    // MARK: Positions

    /// Blocks, list items and quotes take their places from the YAML marks.
    private func applyLocations(_ article: inout Article, body: YAMLNode) {
        guard let items = body.items else { return }
        for (index, item) in items.enumerated() where index < article.body.count {
            article.body[index].location = item.location(file: file)
            if case .list(var list) = article.body[index], let pairs = item.pairs,
                let listItems = pairs.first(where: { $0.key.scalar == "items" })?.value.items
            {
                for (itemIndex, listItem) in listItems.enumerated() where itemIndex < list.items.count {
                    list.items[itemIndex].location = listItem.location(file: file)
                }
                article.body[index] = .list(list)
            }
        }
    }
}
