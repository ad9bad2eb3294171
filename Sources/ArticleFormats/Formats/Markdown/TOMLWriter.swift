// copydesk — ArticleFormats / Markdown writer
// Front matter as TOML (Hugo's `+++`), from the same fields the YAML front matter holds.

import ArticleModel

// MARK: - TOMLWriter

/// Writes a front-matter mapping as a TOML 1.0 document that `TOMLParser` reads back to the same
/// values: keys in `keyOrder` (then sorted), values that are not tables first, then a `[table]`
/// for each mapping and a `[[table]]` for each list of mappings; deeper mappings are inline
/// tables. Strings are basic strings with every control character escaped; whole numbers are
/// integers; `date` and `lastmod` values that are TOML date-times are written bare, as Hugo's own
/// examples write them. TOML has no null: a null is left out, with a warning.
struct TOMLWriter {
    let keyOrder: [String]
    private(set) var diagnostics: [Diagnostic] = []

    init(keyOrder: [String]) {
        self.keyOrder = keyOrder
    }

    /// Keys whose date-time values are written as TOML date-times rather than strings.
    static let dateKeys: Set<String> = ["date", "lastmod", "publishDate", "expiryDate"]

    mutating func document(_ fields: [String: JSONValue]) -> String {
        var out = ""
        var tables: [String] = []
        for key in fields.keys(orderedBy: keyOrder) {
            let value = fields[key]!
            switch value {
            case .object(let object):
                tables.append("[\(Self.key(key))]\n" + pairs(object, path: key))
            case .array(let items)
            where !items.isEmpty && items.allSatisfy({ if case .object = $0 { true } else { false } }):
                for case .object(let object) in items {
                    tables.append("[[\(Self.key(key))]]\n" + pairs(object, path: key))
                }
            default:
                if Self.dateKeys.contains(key), case .string(let text) = value, TOMLParser.isDateTime(text) {
                    out += "\(Self.key(key)) = \(text)\n"
                } else if let text = inline(value, path: key) {
                    out += "\(Self.key(key)) = \(text)\n"
                }
            }
        }
        for table in tables { out += (out.isEmpty ? "" : "\n") + table }
        return out
    }

    /// A table's `key = value` lines (a null left out).
    private mutating func pairs(_ object: [String: JSONValue], path: String) -> String {
        var out = ""
        for key in object.keys(orderedBy: keyOrder) {
            guard let text = inline(object[key]!, path: "\(path).\(key)") else { continue }
            out += "\(Self.key(key)) = \(text)\n"
        }
        return out
    }

    /// A value on one line: a string, number, boolean, array or inline table; `nil` for a null.
    private mutating func inline(_ value: JSONValue, path: String) -> String? {
        switch value {
        case .null:
            diagnostics.append(.dropped("the null value of '\(path)' in TOML front matter", format: "Markdown"))
            return nil
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return JSONText.format(number)
        // A TOML basic string escapes as a JSON string does (`\"`, `\\`, control characters).
        case .string(let text): return JSONText.quoted(text)
        case .array(let items):
            return "[" + items.compactMap { inline($0, path: path) }.joined(separator: ", ") + "]"
        case .object(let object):
            let entries = object.keys(orderedBy: keyOrder).compactMap { key in
                inline(object[key]!, path: "\(path).\(key)").map { "\(Self.key(key)) = \($0)" }
            }
            return entries.isEmpty ? "{}" : "{ " + entries.joined(separator: ", ") + " }"
        }
    }

    /// A bare key when TOML allows one, else a quoted key.
    static func key(_ name: String) -> String {
        let bare = !name.isEmpty && name.unicodeScalars.allSatisfy(TOMLScalars.isBareKey)
        return bare ? name : JSONText.quoted(name)
    }
}

extension TOMLParser {
    /// Whether `text` is a TOML date, date-time or time exactly as written.
    static func isDateTime(_ text: String) -> Bool {
        TOMLScalars.dateTime(text) == text
    }
}
