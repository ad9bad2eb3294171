// copydesk — HTML reader
// JSON-LD as real pages carry it: comments, trailing commas, raw control characters, stray braces.

import ArticleModel

// MARK: - LenientJSON

/// Recovers the JSON values in a JSON-LD script. Repairs what pages get wrong (HTML comment
/// wrappers, `//` and `/* */` comments, trailing commas, raw newlines and tabs in strings, an
/// extra or missing closing brace, several values one after the other) and returns what
/// parses; never throws.
enum LenientJSON {
    static func values(in text: String) -> [JSONValue] {
        let first = parsed(repaired(text))
        if first.failed.isEmpty { return first.values }
        // Quotation marks left unescaped inside a value (`"description": "a "quoted" word",`)
        // throw the string tracking off; escape them line by line and try again.
        let second = parsed(repaired(escapingInnerQuotes(text)))
        let best = second.values.count > first.values.count ? second : first
        return best.values + best.failed.compactMap(salvage)
    }

    private static func parsed(_ text: String) -> (values: [JSONValue], failed: [String]) {
        var values: [JSONValue] = []
        var failed: [String] = []
        for chunk in topLevelChunks(text) {
            var parser = JSONParser(text: chunk, file: nil)
            if let value = try? parser.parse() { values.append(value) } else { failed.append(chunk) }
        }
        return (values, failed)
    }

    /// Per line, a `"key": "value",` whose value holds bare `"` gets them escaped.
    static func escapingInnerQuotes(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let scalars = Array(line.unicodeScalars)
            // The value starts after `"key"` and `:` and an opening quote.
            guard let keyStart = scalars.firstIndex(of: "\""),
                let keyEnd = scalars[(keyStart + 1)...].firstIndex(of: "\""),
                let colon = scalars[(keyEnd + 1)...].firstIndex(where: { !$0.properties.isWhitespace }),
                scalars[colon] == ":",
                let open = scalars[(colon + 1)...].firstIndex(where: { !$0.properties.isWhitespace }),
                scalars[open] == "\"",
                let close = scalars.lastIndex(of: "\""), close > open
            else {
                lines.append(String(line))
                continue
            }
            var out = String.UnicodeScalarView(scalars[...open])
            var index = open + 1
            while index < close {
                let scalar = scalars[index]
                if scalar == "\\", index + 1 < close {
                    out.append(scalar)
                    out.append(scalars[index + 1])
                    index += 2
                    continue
                }
                if scalar == "\"" { out.append("\\") }
                out.append(scalar)
                index += 1
            }
            out.append(contentsOf: scalars[close...])
            lines.append(String(out))
        }
        return lines.joined(separator: "\n")
    }

    /// The last resort for a value that will not parse: its simple `"key": "string"` pairs, first
    /// occurrence of each, as one object.
    static func salvage(_ text: String) -> JSONValue? {
        var object: [String: JSONValue] = [:]
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func readString(from start: Int) -> (String, Int)? {
            guard start < scalars.count, scalars[start] == "\"" else { return nil }
            var out = String.UnicodeScalarView()
            var cursor = start + 1
            while cursor < scalars.count {
                let scalar = scalars[cursor]
                if scalar == "\\", cursor + 1 < scalars.count {
                    cursor = unescape(scalars, at: cursor, into: &out)
                    continue
                }
                if scalar == "\"" { return (String(out), cursor + 1) }
                out.append(scalar)
                cursor += 1
            }
            return nil
        }
        while index < scalars.count {
            guard scalars[index] == "\"", let (key, afterKey) = readString(from: index) else {
                index += 1
                continue
            }
            var cursor = afterKey
            while cursor < scalars.count, scalars[cursor].properties.isWhitespace { cursor += 1 }
            guard cursor < scalars.count, scalars[cursor] == ":" else {
                index = afterKey
                continue
            }
            cursor += 1
            while cursor < scalars.count, scalars[cursor].properties.isWhitespace { cursor += 1 }
            if let (value, afterValue) = readString(from: cursor) {
                if object[key] == nil { object[key] = .string(value) }
                index = afterValue
            } else {
                index = cursor
            }
        }
        return object.isEmpty ? nil : .object(object)
    }

    /// Decodes the escape at `index` (a backslash) into `out`, and returns the index after it:
    /// `\n`, `\t` and the like, `\uXXXX` with surrogate pairs; an unknown escape keeps its character.
    static func unescape(_ scalars: [Unicode.Scalar], at index: Int, into out: inout String.UnicodeScalarView) -> Int {
        let next = scalars[index + 1]
        switch next {
        case "n": out.append("\n")
        case "t": out.append("\t")
        case "r": out.append("\r")
        case "b", "f": out.append(" ")
        case "u":
            guard let unit = hex(scalars, index + 2) else {
                out.append(next)
                return index + 2
            }
            if (0xD800..<0xDC00).contains(unit), index + 11 < scalars.count, scalars[index + 6] == "\\",
                scalars[index + 7] == "u", let low = hex(scalars, index + 8), (0xDC00..<0xE000).contains(low),
                let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            {
                out.append(scalar)
                return index + 12
            }
            out.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
            return index + 6
        default: out.append(next)
        }
        return index + 2
    }

    /// Four hexadecimal digits at `start`, or nil.
    private static func hex(_ scalars: [Unicode.Scalar], _ start: Int) -> UInt32? {
        guard start + 4 <= scalars.count else { return nil }
        var value: UInt32 = 0
        for scalar in scalars[start..<start + 4] {
            guard scalar.isASCII, let digit = Int(String(scalar), radix: 16) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// The text with comments removed, control characters in strings escaped, and trailing commas
    /// dropped. Works on UTF-8 bytes: every character it looks at is ASCII, and bytes of longer
    /// characters are copied as they are.
    static func repaired(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var inString = false
        func peek(_ offset: Int) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), slash = UInt8(ascii: "/")
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == backslash {
                    out.append(byte)
                    if let next = peek(1) { out.append(next) }
                    index += 2
                    continue
                }
                if byte == quote { inString = false }
                if byte < 0x20 {
                    out += byte == 0x0A ? Array("\\n".utf8) : byte == 0x09 ? Array("\\t".utf8) : [0x20]
                } else {
                    out.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case quote:
                inString = true
                out.append(byte)
            case slash where peek(1) == slash:
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                continue
            case slash where peek(1) == UInt8(ascii: "*"):
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == slash) {
                    index += 1
                }
                index += 2
                continue
            case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "!"):
                // `<!--` or `<![CDATA[` (whose own `[` is not JSON): skip to the next `{` or `[` after it.
                index += bytes[index...].starts(with: Array("<![CDATA[".utf8)) ? 9 : 2
                while index < bytes.count, bytes[index] != UInt8(ascii: "{"), bytes[index] != UInt8(ascii: "[") {
                    index += 1
                }
                continue
            case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-") && peek(2) == UInt8(ascii: ">"):
                index += 3
                continue
            case UInt8(ascii: "]") where peek(1) == UInt8(ascii: "]") && peek(2) == UInt8(ascii: ">"):
                index += 3
                continue
            case UInt8(ascii: ","):
                // Trailing comma: the next significant character closes the container.
                var look = index + 1
                while look < bytes.count,
                    bytes[look] == 0x20 || bytes[look] == 0x0A || bytes[look] == 0x09
                        || bytes[look] == 0x0D
                {
                    look += 1
                }
                if look < bytes.count, bytes[look] == UInt8(ascii: "}") || bytes[look] == UInt8(ascii: "]") {
                    index += 1
                    continue
                }
                out.append(byte)
            default:
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Balanced top-level values, one after the other; a missing close is added, a stray close dropped.
    static func topLevelChunks(_ text: String) -> [String] {
        var chunks: [String] = []
        var current: [UInt8] = []
        var stack: [UInt8] = []
        var inString = false
        var escaped = false
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        let openArray = UInt8(ascii: "["), closeArray = UInt8(ascii: "]")
        for byte in text.utf8 {
            if stack.isEmpty {
                if byte == open || byte == openArray {
                    stack.append(byte == open ? close : closeArray)
                    current.append(byte)
                }
                continue
            }
            current.append(byte)
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case open: stack.append(close)
            case openArray: stack.append(closeArray)
            case close, closeArray:
                if stack.last == byte {
                    stack.removeLast()
                } else {
                    current.removeLast()
                }
                if stack.isEmpty {
                    chunks.append(String(decoding: current, as: UTF8.self))
                    current = []
                }
            default: break
            }
        }
        if !stack.isEmpty {
            if inString { current.append(UInt8(ascii: "\"")) }
            current += stack.reversed()
            chunks.append(String(decoding: current, as: UTF8.self))
        }
        return chunks
    }
}
