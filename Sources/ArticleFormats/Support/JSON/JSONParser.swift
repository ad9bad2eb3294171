// copydesk — ArticleFormats
// A strict JSON parser (RFC 8259) that remembers where every value is.

import ArticleModel

// MARK: - JSONParser

/// Parses JSON text into a `JSONValue` and the position of every value by path (`body[3].type`),
/// so errors found later — a wrong type, an unknown block — can say `file:line:col`.
///
/// Strict where Foundation is lenient: no trailing commas, no comments, no duplicate keys, no raw
/// control characters in strings, nothing after the value. Nesting is bounded (`maxDepth`,
/// `ReaderLimits.maxDepth`: 512 levels by default), so the recursion cannot exhaust the stack.
struct JSONParser {
    let maxDepth: Int

    private let bytes: [UInt8]
    private let file: String?
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private(set) var positions: [String: SourceLocation] = [:]

    /// `firstLine` numbers the text's first line (an NDJSON record starts on its own line).
    init(text: String, file: String?, firstLine: Int = 1, maxDepth: Int = ReaderLimits.default.maxDepth) {
        self.bytes = Array(text.utf8)
        self.file = file
        self.line = firstLine
        self.maxDepth = maxDepth
    }

    /// An input's text (`TextDecoding`: its encoding, or `--input-encoding`) parsed within the
    /// reader's limits: the value and the positions of all values in it.
    static func parse(
        _ input: ReaderInput, options: ReaderOptions
    ) throws(FormatError) -> (value: JSONValue, positions: [String: SourceLocation]) {
        let text = try TextDecoding.decode(input.bytes, options: options, file: input.file)
        var parser = JSONParser(text: text, file: input.file, maxDepth: options.limits.maxDepth)
        let value = try parser.parse()
        return (value, parser.positions)
    }

    /// The path of an object's member, as `positions` names it: `path.key`, or `key` at the top.
    static func path(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The value and the positions of all values in it.
    mutating func parse() throws(FormatError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw error("the input is empty: expected a JSON value") }
        let value = try parseValue(path: "", depth: 0)
        skipWhitespace()
        guard index == bytes.count else { throw error("unexpected text after the JSON value") }
        return value
    }

    // MARK: Positions and errors

    /// The last column computed, so finding the next is linear however long a line is
    /// (compact JSON is one line).
    private var cachedPosition = 0
    private var cachedColumn = 1

    /// Line and column (in Unicode scalars) of the current byte.
    private var location: SourceLocation {
        mutating get {
            if cachedPosition < lineStart || cachedPosition > index {
                cachedPosition = lineStart
                cachedColumn = 1
            }
            while cachedPosition < index {
                if bytes[cachedPosition] & 0xC0 != 0x80 { cachedColumn += 1 }
                cachedPosition += 1
            }
            return SourceLocation(file: file, line: line, column: cachedColumn)
        }
    }

    private mutating func error(_ message: String, hint: String? = nil) -> FormatError {
        FormatError(
            id: "json.syntax", message: "not valid JSON: \(message)", location: location, file: file ?? "<stdin>",
            hint: hint ?? "check the JSON near this position (python3 -m json.tool FILE shows the same place)")
    }

    private mutating func depthError() -> FormatError {
        .limit(
            "JSON nesting is deeper than the limit of \(maxDepth) levels", option: "--max-depth", file: file,
            location: location)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    // MARK: Values

    private mutating func parseValue(path: String, depth: Int) throws(FormatError) -> JSONValue {
        positions[path] = location
        guard index < bytes.count else { throw error("unexpected end of input: a value is missing") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(path: path, depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(path: path, depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "/"): throw error("comments are not allowed in JSON")
        case UInt8(ascii: "'"): throw error("strings must use double quotes (\"), not single quotes")
        default:
            throw error("unexpected character; expected a value (an object, list, string, number, true, false or null)")
        }
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws(FormatError) -> JSONValue {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("unexpected word; expected a value (true, false and null are lowercase)")
        }
        index += expected.count
        return value
    }

    private mutating func parseObject(path: String, depth: Int) throws(FormatError) -> JSONValue {
        guard depth <= maxDepth else { throw depthError() }
        index += 1
        var fields: [String: JSONValue] = [:]
        var keyPlaces: [String: SourceLocation] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(fields)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input inside an object: '}' is missing") }
            if bytes[index] == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
            guard bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
            let keyPlace = location
            let key = try parseString()
            if let first = keyPlaces[key] {
                throw FormatError(
                    id: "json.duplicate-key",
                    message: "duplicate key '\(key)' (first at line \(first.line), column \(first.column))",
                    location: keyPlace, file: file ?? "<stdin>", hint: "keep one '\(key)' and remove or merge the other"
                )
            }
            keyPlaces[key] = keyPlace
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key")
            }
            index += 1
            skipWhitespace()
            fields[key] = try parseValue(path: Self.path(path, key), depth: depth)
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input inside an object: '}' is missing") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw error("expected ',' or '}' after a value") }
            index += 1
            return .object(fields)
        }
    }

    private mutating func parseArray(path: String, depth: Int) throws(FormatError) -> JSONValue {
        guard depth <= maxDepth else { throw depthError() }
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input inside a list: ']' is missing") }
            if bytes[index] == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
            items.append(try parseValue(path: "\(path)[\(items.count)]", depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input inside a list: ']' is missing") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { throw error("expected ',' or ']' after a value") }
            index += 1
            return .array(items)
        }
    }

    private mutating func parseString() throws(FormatError) -> String {
        index += 1
        // Most strings hold no escape: find the closing quote and take the bytes at once.
        var scan = index
        while scan < bytes.count {
            let byte = bytes[scan]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[index..<scan], as: UTF8.self)
                index = scan + 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            scan += 1
        }
        var out = Array(bytes[index..<scan])
        index = scan
        while true {
            guard index < bytes.count else { throw error("unterminated string: the closing '\"' is missing") }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw error("unterminated escape at the end of the input") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw error("a \\u escape holds half of a surrogate pair") }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw error("a \\u escape holds half of a surrogate pair")
                        }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(code) {
                        throw error("a \\u escape holds half of a surrogate pair")
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                    out += Array(String(Character(scalar)).utf8)
                default:
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
                }
            case 0x00..<0x20:
                throw error(
                    "a control character (U+\(String(byte, radix: 16, uppercase: true))) in a string must be escaped",
                    hint: byte == 0x0A ? "write a line break inside a string as \\n" : nil)
            default:
                out.append(byte)
                index += 1
            }
        }
    }

    private mutating func hex4() throws(FormatError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("a \\u escape needs four hex digits")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(FormatError) -> JSONValue {
        let start = index
        func digits() -> Int {
            let first = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - first
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits > 0 else { throw error("a number needs digits") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            index = start
            throw error("numbers cannot start with 0 (write \"0777\" as a string)")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error("a decimal point needs digits after it") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { throw error("an exponent needs digits") }
        }
        guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)), value.isFinite else {
            throw error("the number is out of range")
        }
        return .number(value)
    }
}

// MARK: - Values in messages

extension JSONValue {
    /// What the value is, for messages: "a string", "an array", "null"….
    var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// A number where a string belongs (an id, a version) as its text: digits for a whole number.
    static func text(ofNumber number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
