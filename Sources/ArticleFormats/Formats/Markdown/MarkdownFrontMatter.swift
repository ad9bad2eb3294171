// copydesk — ArticleFormats / Markdown reader
// Front matter as static-site generators write it: YAML (`---`), TOML (`+++`) or JSON (`{ … }`),
// after a byte-order mark or blank lines; parsed into the YAML reader's nodes.

import ArticleModel

// MARK: - MarkdownFrontMatter

/// The front matter at the top of a Markdown file: its syntax, its mapping (as YAML nodes, with
/// positions in the file), and the line the body starts on.
struct MarkdownFrontMatter {
    /// How the front matter is written.
    enum Syntax: String, Sendable, CaseIterable {
        /// Between `---` lines (Jekyll, Hugo); closed by `---` or `...`.
        case yaml
        /// Between `+++` lines (Hugo, Zola).
        case toml
        /// A JSON object at the top of the file (Hugo).
        case json
    }

    var syntax: Syntax
    /// The mapping, or `nil` for empty front matter.
    var mapping: YAMLNode?
    /// The index of the body's first line.
    var bodyStart: Int

    /// The syntax a first non-blank line opens, if any. JSON needs `{` followed by a key or `}`,
    /// so a body that opens with a `{{< shortcode >}}`, a `{% tag %}` or a `{: .class}` is no JSON.
    static func syntax(opening line: Substring, next: Substring?) -> Syntax? {
        let trimmed = line.trimmingSuffix { $0 == " " || $0 == "\t" }
        if trimmed == "---" { return .yaml }
        if trimmed == "+++" { return .toml }
        guard trimmed.first == "{" else { return nil }
        let after = trimmed.dropFirst().drop { $0 == " " || $0 == "\t" }
        if let first = after.first { return first == "\"" || first == "}" ? .json : nil }
        let following = next?.drop { $0 == " " || $0 == "\t" }.first
        return following == "\"" || following == "}" ? .json : nil
    }

    /// The front matter at the top of `lines` (after blank lines), or `nil` when there is none.
    /// Throws when it opens but does not close, or cannot be parsed.
    static func read(
        _ lines: [Substring], file: String?, limits: ReaderLimits
    ) throws(FormatError) -> MarkdownFrontMatter? {
        guard let first = lines.firstIndex(where: { !$0.allSatisfy { $0 == " " || $0 == "\t" } }),
            let syntax = syntax(opening: lines[first], next: first + 1 < lines.count ? lines[first + 1] : nil)
        else { return nil }
        switch syntax {
        case .yaml, .toml:
            let fence: Substring = syntax == .yaml ? "---" : "+++"
            guard
                let close = lines.indices.dropFirst(first + 1).first(where: { index in
                    let line = lines[index].trimmingSuffix { $0 == " " || $0 == "\t" }
                    return line == fence || (syntax == .yaml && line == "...")
                })
            else {
                throw FormatError(
                    id: "markdown.front-matter",
                    message:
                        "the \(syntax == .yaml ? "YAML" : "TOML") front matter that starts here has no closing '\(fence)' line",
                    location: SourceLocation(file: file, line: first + 1, column: 1), file: file ?? "<stdin>",
                    hint: "end the front matter with a line of '\(fence)'")
            }
            var mapping: YAMLNode?
            if syntax == .yaml {
                // From the top, so libyaml's marks are lines of the file.
                let yaml = lines[..<close].joined(separator: "\n") + "\n"
                let documents = try YAMLParser(limits: YAMLLimits(limits), file: file).parse(yaml)
                mapping = documents.first { !$0.isNull }
            } else {
                let toml = lines[(first + 1)..<close].joined(separator: "\n")
                mapping = try TOMLParser(file: file, maxDepth: limits.maxDepth).parse(toml, firstLine: first + 2)
            }
            if let node = mapping, node.pairs == nil {
                throw FormatError(
                    id: "\(syntax.rawValue).root",
                    message: "the front matter is \(node.kindDescription), not a mapping",
                    location: node.location(file: file), file: file ?? "<stdin>",
                    hint: "front matter is a mapping of keys such as title, author, date and tags")
            }
            return MarkdownFrontMatter(syntax: syntax, mapping: mapping, bodyStart: close + 1)
        case .json:
            return try readJSON(lines, first: first, file: file, limits: limits)
        }
    }

    /// A JSON object from `first`: it ends at its matching `}` (strings and escapes skipped), and
    /// the body starts on the next line.
    private static func readJSON(
        _ lines: [Substring], first: Int, file: String?, limits: ReaderLimits
    ) throws(FormatError) -> MarkdownFrontMatter {
        let text = lines[first...].joined(separator: "\n")
        guard let close = MarkdownFormat.jsonObjectEnd(text[...]) else {
            throw FormatError(
                id: "markdown.front-matter", message: "the JSON front matter that starts here has no closing '}'",
                location: SourceLocation(file: file, line: first + 1, column: 1), file: file ?? "<stdin>",
                hint: "close the JSON object, then start the body on the next line")
        }
        let object = text[..<close]
        let lineStart = object.lastIndex(of: "\n").map { object.index(after: $0) } ?? object.startIndex
        let end = (line: first + object.count { $0 == "\n" }, offset: object[lineStart...].count)
        let rest = lines[end.line].dropFirst(end.offset)
        guard rest.allSatisfy({ $0 == " " || $0 == "\t" }) else {
            throw FormatError(
                id: "markdown.front-matter", message: "text follows the JSON front matter's closing '}' on its line",
                location: SourceLocation(file: file, line: end.line + 1, column: end.offset + 1),
                file: file ?? "<stdin>", hint: "start the body on the line after the closing '}'")
        }
        var parser = JSONParser(text: String(object), file: file, firstLine: first + 1, maxDepth: limits.maxDepth)
        let value = try parser.parse()
        let fallback = SourceLocation(file: file, line: first + 1, column: 1)
        let mapping = node(value, path: "", positions: parser.positions, fallback: fallback)
        return MarkdownFrontMatter(syntax: .json, mapping: mapping, bodyStart: end.line + 1)
    }

    /// A JSON value as the YAML reader's node: strings quoted (always text), numbers, booleans
    /// and null plain; object keys in the file's order.
    private static func node(
        _ value: JSONValue, path: String, positions: [String: SourceLocation], fallback: SourceLocation
    ) -> YAMLNode {
        let place = positions[path] ?? fallback
        func scalar(_ text: String, plain: Bool) -> YAMLNode {
            .scalar(text, plain: plain, line: place.line, column: place.column)
        }
        switch value {
        case .null: return scalar("null", plain: true)
        case .bool(let flag): return scalar(flag ? "true" : "false", plain: true)
        case .number(let number): return scalar(JSONText.format(number), plain: true)
        case .string(let text): return scalar(text, plain: false)
        case .array(let items):
            let nodes = items.enumerated().map { index, item in
                node(item, path: "\(path)[\(index)]", positions: positions, fallback: place)
            }
            return .sequence(nodes, line: place.line, column: place.column)
        case .object(let fields):
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            // In the order the file gives them (JSON values hold none): by where each value stands.
            let keys = fields.keys.sorted { lhs, rhs in
                let left = positions[path.isEmpty ? lhs : "\(path).\(lhs)"]
                let right = positions[path.isEmpty ? rhs : "\(path).\(rhs)"]
                if let left, let right, left.line != right.line || left.column != right.column {
                    return left.line != right.line ? left.line < right.line : left.column < right.column
                }
                return lhs < rhs
            }
            for key in keys {
                let child = node(
                    fields[key]!, path: path.isEmpty ? key : "\(path).\(key)", positions: positions, fallback: place)
                pairs.append((.scalar(key, plain: true, line: child.line, column: child.column), child))
            }
            return .mapping(pairs, line: place.line, column: place.column)
        }
    }
}
