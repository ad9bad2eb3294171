// copydesk — ArticleFormats / XML support
// Escaping text for XML and XHTML: one escaper for every writer of markup (NewsML-G2, the body HTML
// of ninjs and HTML pages, the reports).

// MARK: - XMLText

package enum XMLText {
    /// Whether both XML 1.0 and HTML allow the character: not a control character other than tab,
    /// line feed and carriage return (C0, DEL and C1), and not a noncharacter (U+FDD0…U+FDEF and
    /// the last two code points of every plane, U+FFFE and U+FFFF among them).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0xFDD0...0xFDEF: return false
        default: return value & 0xFFFE != 0xFFFE
        }
    }

    /// Text escaped for a double-quoted attribute value (safe in element content too), with
    /// characters XML forbids replaced by U+FFFD.
    package static func escaped(_ text: String) -> String {
        var replaced = 0
        return escape(text, attribute: true, replaced: &replaced)
    }

    /// Text escaped for element content (`attribute: false`) or a double-quoted attribute value;
    /// characters XML forbids become U+FFFD. `replaced` counts them, so writers can say so.
    static func escape(_ text: String, attribute: Bool = false, replaced: inout Int) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where attribute: out.append(contentsOf: "&quot;".unicodeScalars)
            case "\n" where attribute: out.append(contentsOf: "&#10;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "\t" where attribute: out.append(contentsOf: "&#9;".unicodeScalars)
            default:
                if isAllowed(scalar) {
                    out.append(scalar)
                } else {
                    out.append("\u{FFFD}")
                    replaced += 1
                }
            }
        }
        return String(out)
    }
}

// MARK: - XMLBuilder

/// Builds indented XML text, escaping every text and attribute value.
struct XMLBuilder {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []
    /// Characters XML forbids that were replaced.
    private(set) var replaced = 0

    private var indent: String { String(repeating: "  ", count: open.count) }

    /// ` name="value"` for each pair with a value, escaped, for building mixed content by hand.
    mutating func attributes(_ pairs: [(String, String?)]) -> String {
        var out = ""
        for (name, value) in pairs {
            guard let value else { continue }
            out += " \(name)=\"\(XMLText.escape(value, attribute: true, replaced: &replaced))\""
        }
        return out
    }

    /// `<name attributes>` on its own line; children follow until `close()`.
    mutating func start(_ name: String, _ pairs: [(String, String?)] = []) {
        text += "\(indent)<\(name)\(attributes(pairs))>\n"
        open.append(name)
    }

    mutating func close() {
        let name = open.removeLast()
        text += "\(indent)</\(name)>\n"
    }

    /// `<name attributes>text</name>` on one line.
    mutating func element(_ name: String, _ pairs: [(String, String?)] = [], text content: String) {
        let escaped = XMLText.escape(content, replaced: &replaced)
        text += "\(indent)<\(name)\(attributes(pairs))>\(escaped)</\(name)>\n"
    }

    /// `<name attributes/>`.
    mutating func empty(_ name: String, _ pairs: [(String, String?)] = []) {
        text += "\(indent)<\(name)\(attributes(pairs))/>\n"
    }

    /// A line of mixed content already built with `inline(…)` helpers.
    mutating func raw(_ markup: String) {
        text += indent + markup + "\n"
    }

    /// Escaped text for building mixed content by hand.
    mutating func escaped(_ content: String, attribute: Bool = false) -> String {
        XMLText.escape(content, attribute: attribute, replaced: &replaced)
    }
}
