// copydesk — ArticleFormats / YAML support
// Parsed YAML for callers outside the readers (configuration files), with positions.

import ArticleModel

// MARK: - YAMLValue

/// A YAML node as public values: scalars as text, with the position each started at.
package struct YAMLValue: Sendable {
    package enum Kind: Sendable {
        /// A scalar's text; `plain` when it was written unquoted (so `off` and `"off"` can differ).
        case scalar(String, plain: Bool)
        case sequence([YAMLValue])
        case mapping([(key: YAMLValue, value: YAMLValue)])
    }

    package var kind: Kind
    package var location: SourceLocation

    /// The scalar's text, or `nil` for a collection.
    package var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// What the node is, for messages: "a mapping", "a list", "text".
    package var kindDescription: String {
        switch kind {
        case .scalar: return "text"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// The documents of a YAML stream (UTF-8, with a BOM or not), parsed with libyaml.
    package static func documents(_ bytes: [UInt8], file: String?) throws(FormatError) -> [YAMLValue] {
        let text = try TextDecoding.decode(bytes, options: .default, file: file)
        return try YAMLParser(limits: YAMLLimits(.default), file: file).parse(text).map { YAMLValue($0, file: file) }
    }

    init(_ node: YAMLNode, file: String?) {
        location = node.location(file: file)
        switch node.kind {
        case .scalar(let text, let plain): kind = .scalar(text, plain: plain)
        case .sequence(let items): kind = .sequence(items.map { YAMLValue($0, file: file) })
        case .mapping(let pairs):
            kind = .mapping(pairs.map { (YAMLValue($0.key, file: file), YAMLValue($0.value, file: file)) })
        }
    }
}
