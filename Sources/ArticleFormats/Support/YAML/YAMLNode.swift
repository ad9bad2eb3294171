// copydesk — ArticleFormats / YAML support
// A YAML document as Swift values, each node with the place it came from.

import ArticleModel

// MARK: - YAMLNode

/// A node of a parsed YAML document. Scalars keep their text and whether they were plain
/// (unquoted), so a reader can decide types by what a field needs rather than by YAML 1.1 guessing.
struct YAMLNode: Sendable {
    enum Kind: Sendable {
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    /// How a scalar was written, kept so prose can be mapped to source lines.
    enum ScalarStyle: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    var kind: Kind
    /// 1-based line and column (in Unicode scalars) where the node starts.
    var line: Int
    var column: Int
    var style: ScalarStyle = .plain
    /// The explicit tag (`!!str`), when one was written.
    var tag: String?
    /// Nodes in this subtree (1 for a scalar): what an alias to it costs when expanded.
    var size: Int

    /// The scalar's text, or `nil` for a collection.
    var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// A plain `~`, `null`, `Null`, `NULL` or empty scalar: YAML's null.
    var isNull: Bool {
        guard case .scalar(let text, let plain) = kind, plain, tag == nil || tag == "tag:yaml.org,2002:null" else {
            return false
        }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The mapping's pairs, or `nil`.
    var pairs: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The sequence's items, or `nil`.
    var items: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// What the node is, for messages: "a mapping", "a list", "text".
    var kindDescription: String {
        switch kind {
        case .scalar: return isNull ? "null" : "text"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    func location(file: String?) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// A scalar read from another syntax (TOML, JSON): text is double-quoted (always text), a
    /// number, boolean, date or null plain.
    static func scalar(_ text: String, plain: Bool, line: Int, column: Int) -> YAMLNode {
        YAMLNode(
            kind: .scalar(text, plain: plain), line: line, column: column, style: plain ? .plain : .doubleQuoted,
            size: 1)
    }

    /// A sequence, its size counted from its items.
    static func sequence(_ items: [YAMLNode], line: Int, column: Int) -> YAMLNode {
        YAMLNode(kind: .sequence(items), line: line, column: column, size: 1 + items.reduce(0) { $0 + $1.size })
    }

    /// A mapping, its size counted from its keys and values.
    static func mapping(_ pairs: [(key: YAMLNode, value: YAMLNode)], line: Int, column: Int) -> YAMLNode {
        YAMLNode(
            kind: .mapping(pairs), line: line, column: column,
            size: 1 + pairs.reduce(0) { $0 + $1.key.size + $1.value.size })
    }
}

// MARK: - Limits

/// Bounds that keep hostile YAML from exhausting time or memory: the run's `ReaderLimits`, as the
/// parser applies them. There is no other source of YAML limits, so every option that raises or
/// lowers a reader limit (`--max-depth`, `--max-yaml-nodes`, `--max-input-size`) reaches the parser.
struct YAMLLimits: Sendable, Equatable {
    /// Nodes in one document after aliases are expanded ("billion laughs" stops here).
    var maxNodes: Int
    /// Nesting depth of sequences and mappings.
    var maxDepth: Int
    /// Bytes of input.
    var maxBytes: Int

    init(_ limits: ReaderLimits) {
        maxNodes = limits.maxYAMLNodes
        maxDepth = limits.maxDepth
        maxBytes = limits.maxInputBytes
    }
}
