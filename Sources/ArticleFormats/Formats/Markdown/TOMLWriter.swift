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
        for key in ordered(fields.keys) {
            let value = fields[key]!
            switch value {
            case .object(let object):
                var table = "[\(Self.key(key))]\n"
                for inner in ordered(object.keys) {
                    guard let text = inline(object[inner]!, path: "\(key).\(inner)") else { continue }
                    table += "\(Self.key(inner)) = \(text)\n"
                }
                tables.append(table)
            case .array(let items)
            where !items.isEmpty && items.allSatisfy({ if case .object = $0 { true } else { false } }):
                for case .object(let object) in items {
                    var table = "[[\(Self.key(key))]]\n"
                    for inner in ordered(object.keys) {
                        guard let text = inline(object[inner]!, path: "\(key).\(inner)") else { continue }
                        table += "\(Self.key(inner)) = \(text)\n"
                    }
                    tables.append(table)
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

    /// Keys in the writer's order, the rest sorted.
    private func ordered(_ keys: Dictionary<String, JSONValue>.Keys) -> [String] {
        let known = keyOrder.filter { keys.contains($0) }
        return known + keys.filter { !keyOrder.contains($0) }.sorted()
    }

    /// A value on one line: a string, number, boolean, array or inline table; `nil` for a null.
    private mutating func inline(_ value: JSONValue, path: String) -> String? {
        switch value {
        case .null:
            diagnostics.append(.dropped("the null value of '\(path)' in TOML front matter", format: "Markdown"))
            return nil
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return JSONText.format(number)
        case .string(let text): return Self.string(text)
        case .array(let items):
            return "[" + items.compactMap { inline($0, path: path) }.joined(separator: ", ") + "]"
        case .object(let object):
            let entries = ordered(object.keys).compactMap { key in
                inline(object[key]!, path: "\(path).\(key)").map { "\(Self.key(key)) = \($0)" }
            }
            return entries.isEmpty ? "{}" : "{ " + entries.joined(separator: ", ") + " }"
        }
    }

    /// A bare key when TOML allows one, else a quoted key.
    static func key(_ name: String) -> String {
        let bare =
            !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                    || $0 == "_"
            }
        return bare ? name : string(name)
    }

    /// A basic string: `"` and `\` escaped, control characters as escapes.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let digits = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension TOMLParser {
    /// Whether `text` is a TOML date, date-time or time exactly as written.
    static func isDateTime(_ text: String) -> Bool {
        TOMLScalars.dateTime(text) == text
    }
}
