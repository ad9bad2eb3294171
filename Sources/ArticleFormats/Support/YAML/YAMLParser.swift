// copydesk — ArticleFormats / YAML support
// The system libyaml's event parser, wrapped once: Swift nodes out, C freed here.

import ArticleModel
internal import CYAML

// MARK: - YAMLParser

/// Parses UTF-8 YAML into `YAMLNode` documents with libyaml's event API.
///
/// Aliases are expanded by value and charged at the size of the anchored subtree, so a file of
/// nested aliases ("billion laughs") is refused as soon as it passes `YAMLLimits.maxNodes`,
/// before any expansion costs memory. Marks are converted to 1-based line and column.
struct YAMLParser {
    let limits: YAMLLimits
    let file: String?

    /// The documents of the stream.
    func parse(_ text: String) throws(FormatError) -> [YAMLNode] {
        var bytes = Array(text.utf8)
        guard bytes.count <= limits.maxBytes else {
            throw FormatError.limit(
                "the YAML input is \(bytes.count) bytes, over the limit of \(limits.maxBytes) bytes",
                option: "--max-input-size", file: file, location: SourceLocation(file: file, line: 1, column: 1))
        }
        if bytes.isEmpty { bytes = [0x0A] }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) != 0 else {
            parser.deallocate()
            throw FormatError(
                id: "yaml.memory", message: "libyaml could not start a parser (out of memory)", file: file)
        }
        defer {
            yaml_parser_delete(parser)
            parser.deallocate()
        }
        return try bytes.withUnsafeBufferPointer { buffer throws(FormatError) -> [YAMLNode] in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            var builder = Builder(limits: limits, file: file)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(parser, &event) != 0 else {
                    throw syntaxError(parser.pointee)
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                try builder.handle(event)
            }
            return builder.documents
        }
    }

    private func syntaxError(_ parser: yaml_parser_t) -> FormatError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        let mark = parser.problem_mark
        let location = SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        var message = "YAML syntax error: \(problem)"
        if let context {
            let contextMark = parser.context_mark
            message += " (\(context) at line \(contextMark.line + 1), column \(contextMark.column + 1))"
        }
        return FormatError(
            id: "yaml.syntax", message: message, location: location, file: file ?? "<stdin>",
            hint:
                "check the indentation and quoting near this line; quote text that contains ': ' or starts with a special character"
        )
    }
}

// MARK: - Building nodes from events

private struct Builder {
    let limits: YAMLLimits
    let file: String?
    var documents: [YAMLNode] = []
    /// Open collections: their start node and collected children.
    private var stack: [(node: YAMLNode, children: [YAMLNode], anchor: String?)] = []
    private var anchors: [String: YAMLNode] = [:]
    private var nodeCount = 0

    init(limits: YAMLLimits, file: String?) {
        self.limits = limits
        self.file = file
    }

    mutating func handle(_ event: yaml_event_t) throws(FormatError) {
        let line = Int(event.start_mark.line) + 1
        let column = Int(event.start_mark.column) + 1
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            anchors = [:]
            nodeCount = 0
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let style: YAMLNode.ScalarStyle
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let tag = Self.string(scalar.tag)
            let node = YAMLNode(
                kind: .scalar(text, plain: style == .plain && tag == nil), line: line, column: column, style: style,
                tag: tag, size: 1)
            try add(node, anchor: Self.string(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard stack.count < limits.maxDepth else {
                throw FormatError.limit(
                    "YAML nesting is deeper than the limit of \(limits.maxDepth) levels", option: "--max-depth",
                    file: file, location: SourceLocation(file: file, line: line, column: column))
            }
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor =
                isMapping ? Self.string(event.data.mapping_start.anchor) : Self.string(event.data.sequence_start.anchor)
            let tag = isMapping ? Self.string(event.data.mapping_start.tag) : Self.string(event.data.sequence_start.tag)
            let node = YAMLNode(
                kind: isMapping ? .mapping([]) : .sequence([]), line: line, column: column, tag: tag, size: 1)
            try charge(1, line: line, column: column)
            stack.append((node, [], anchor))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            var (node, children, anchor) = stack.removeLast()
            node.size = 1 + children.reduce(0) { $0 + $1.size }
            if case .mapping = node.kind {
                var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                pairs.reserveCapacity(children.count / 2)
                var index = 0
                while index + 1 < children.count {
                    pairs.append((children[index], children[index + 1]))
                    index += 2
                }
                node.kind = .mapping(pairs)
            } else {
                node.kind = .sequence(children)
            }
            // The collection and each child were counted as they started.
            try add(node, anchor: anchor, counted: true)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard var target = anchors[name] else {
                throw FormatError(
                    id: "yaml.syntax", message: "YAML alias *\(name) refers to no anchor",
                    location: SourceLocation(file: file, line: line, column: column), file: file ?? "<stdin>",
                    hint: "define &\(name) before using *\(name)")
            }
            target.line = line
            target.column = column
            try charge(target.size, line: line, column: column)
            try add(target, anchor: nil, counted: true)
        default:
            break
        }
    }

    private mutating func charge(_ nodes: Int, line: Int, column: Int) throws(FormatError) {
        nodeCount += nodes
        guard nodeCount <= limits.maxNodes else {
            throw FormatError.limit(
                "the YAML document expands to more than the limit of \(limits.maxNodes) nodes (aliases included; "
                    + "an alias bomb looks like this)", option: "--max-yaml-nodes", file: file,
                location: SourceLocation(file: file, line: line, column: column))
        }
    }

    private mutating func add(_ node: YAMLNode, anchor: String?, counted: Bool = false) throws(FormatError) {
        if !counted { try charge(1, line: node.line, column: node.column) }
        if let anchor { anchors[anchor] = node }
        if stack.isEmpty {
            documents.append(node)
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
