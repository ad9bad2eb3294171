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
                    out.append(scalars[cursor + 1])
                    cursor += 2
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

    /// The text with comments removed, control characters in strings escaped, and trailing commas dropped.
    static func repaired(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        // HTML comment and CDATA wrappers around the script body.
        var out = String.UnicodeScalarView()
        var index = 0
        var inString = false
        func peek(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if inString {
                if scalar == "\\" {
                    out.append(scalar)
                    if let next = peek(1) { out.append(next) }
                    index += 2
                    continue
                }
                if scalar == "\"" { inString = false }
                if scalar.value < 0x20 {
                    out.append(
                        contentsOf: scalar == "\n"
                            ? "\\n".unicodeScalars : scalar == "\t" ? "\\t".unicodeScalars : " ".unicodeScalars)
                } else {
                    out.append(scalar)
                }
                index += 1
                continue
            }
            if scalar == "\"" {
                inString = true
                out.append(scalar)
            } else if scalar == "/", peek(1) == "/" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            } else if scalar == "/", peek(1) == "*" {
                index += 2
                while index + 1 < scalars.count, !(scalars[index] == "*" && scalars[index + 1] == "/") { index += 1 }
                index += 2
                continue
            } else if scalar == "<", peek(1) == "!" {
                // `<!--` or `<![CDATA[`: skip to the next `{` or `[`.
                while index < scalars.count, scalars[index] != "{", scalars[index] != "[" { index += 1 }
                continue
            } else if scalar == "-", peek(1) == "-", peek(2) == ">" {
                index += 3
                continue
            } else if scalar == "]", peek(1) == "]", peek(2) == ">" {
                index += 3
                continue
            } else if scalar == "," {
                // Trailing comma: the next significant character closes the container.
                var look = index + 1
                while look < scalars.count, scalars[look].properties.isWhitespace { look += 1 }
                if look < scalars.count, scalars[look] == "}" || scalars[look] == "]" {
                    index += 1
                    continue
                }
                out.append(scalar)
            } else {
                out.append(scalar)
            }
            index += 1
        }
        scalars = []
        return String(out)
    }

    /// Balanced top-level values, one after the other; a missing close is added, a stray close dropped.
    static func topLevelChunks(_ text: String) -> [String] {
        var chunks: [String] = []
        var current = String.UnicodeScalarView()
        var stack: [Unicode.Scalar] = []
        var inString = false
        var escaped = false
        for scalar in text.unicodeScalars {
            if stack.isEmpty {
                if scalar == "{" || scalar == "[" {
                    stack.append(scalar == "{" ? "}" : "]")
                    current.append(scalar)
                }
                continue
            }
            current.append(scalar)
            if inString {
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    inString = false
                }
                continue
            }
            switch scalar {
            case "\"": inString = true
            case "{": stack.append("}")
            case "[": stack.append("]")
            case "}", "]":
                if stack.last == scalar {
                    stack.removeLast()
                } else {
                    current.removeLast()
                }
                if stack.isEmpty {
                    chunks.append(String(current))
                    current = String.UnicodeScalarView()
                }
            default: break
            }
        }
        if !stack.isEmpty {
            if inString { current.append("\"") }
            for close in stack.reversed() { current.append(close) }
            chunks.append(String(current))
        }
        return chunks
    }
}
