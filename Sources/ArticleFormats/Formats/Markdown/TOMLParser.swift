// copydesk — ArticleFormats / Markdown
// TOML 1.0, as Hugo and Zola front matter (`+++`) holds it, into the YAML reader's nodes.

import ArticleModel

// MARK: - TOMLParser

/// Parses a TOML 1.0 document into a `YAMLNode` mapping, so front matter in TOML goes through the
/// same key mapping as YAML front matter and keeps every value's line and column in the file.
///
/// The whole of TOML 1.0's syntax is read: comments; bare, quoted and dotted keys; basic, literal
/// and multi-line strings with every escape; decimal, hexadecimal, octal and binary integers with
/// underscores; floats (with `inf` and `nan`); booleans; offset and local date-times, local dates
/// and times; arrays over several lines with trailing commas; inline tables; `[tables]` and
/// `[[arrays of tables]]`. What TOML forbids is an error at its line and column: a key defined
/// twice, a table defined twice, a value changed after its inline table or array closed, a
/// missing `=` or value, a bad escape, a malformed number or date.
///
/// Strings become quoted scalars (always text); numbers, booleans and dates become plain
/// scalars written canonically (`0xff` → `255`, `1_000` → `1000`, `1979-05-27 07:32:00Z` →
/// `1979-05-27T07:32:00Z`), so the mapping reads them as the YAML reader reads plain scalars.
struct TOMLParser {
    let file: String?
    let maxDepth: Int

    init(file: String?, maxDepth: Int = ReaderLimits.default.maxDepth) {
        self.file = file
        self.maxDepth = maxDepth
    }

    /// The document's root table as a mapping node; `firstLine` is the text's first line in its file.
    func parse(_ text: String, firstLine: Int = 1) throws(FormatError) -> YAMLNode {
        var scanner = Scanner(Array(text.unicodeScalars), file: file, line: firstLine, maxDepth: maxDepth)
        let root = try scanner.document()
        return root.node(line: firstLine, column: 1)
    }
}

// MARK: - The document being built

/// A table while the document is read: entries in order, and how it was defined, for TOML's
/// rules on redefinition.
private final class TOMLTable {
    var entries: [(key: String, line: Int, column: Int, value: TOMLEntry)] = []
    var positions: [String: Int] = [:]
    /// Defined by a `[header]` (or, for the root, the document), so a second header is an error.
    var isExplicit = false
    /// Defined by dotted keys in a key/value pair (`a.b = 1` defines `a`); a header may not reopen it.
    var isDotted = false
    /// An inline table `{ … }`: closed once written.
    var isInline = false
    let line: Int
    let column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    func entry(_ key: String) -> TOMLEntry? {
        positions[key].map { entries[$0].value }
    }

    func add(_ key: String, line: Int, column: Int, _ value: TOMLEntry) {
        positions[key] = entries.count
        entries.append((key, line, column, value))
    }

    func node(line: Int, column: Int) -> YAMLNode {
        let pairs = entries.map { entry in
            (
                key: YAMLNode.scalar(entry.key, plain: true, line: entry.line, column: entry.column),
                value: entry.value.node
            )
        }
        return .mapping(pairs, line: line, column: column)
    }
}

/// A value while the document is read.
private enum TOMLEntry {
    case value(YAMLNode)
    case table(TOMLTable)
    /// An array of tables (`[[name]]`), still open to more tables.
    case tables([TOMLTable], line: Int, column: Int)

    var node: YAMLNode {
        switch self {
        case .value(let node): return node
        case .table(let table): return table.node(line: table.line, column: table.column)
        case .tables(let tables, let line, let column):
            return .sequence(tables.map { $0.node(line: $0.line, column: $0.column) }, line: line, column: column)
        }
    }
}

// MARK: - Scanner

private struct Scanner {
    let scalars: [Unicode.Scalar]
    let file: String?
    let maxDepth: Int
    var index = 0
    var line: Int
    var lineStart = 0

    init(_ scalars: [Unicode.Scalar], file: String?, line: Int, maxDepth: Int) {
        self.scalars = scalars
        self.file = file
        self.line = line
        self.maxDepth = maxDepth
    }

    var column: Int { index - lineStart + 1 }
    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    func error(_ message: String, line: Int? = nil, column: Int? = nil, hint: String? = nil) -> FormatError {
        FormatError(
            id: "toml.syntax", message: "TOML front matter: \(message)",
            location: SourceLocation(file: file, line: line ?? self.line, column: column ?? self.column),
            file: file ?? "<stdin>", hint: hint ?? "see toml.io for TOML's syntax; strings need quotes")
    }

    mutating func advance() {
        if current == "\n" {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    func starts(with text: String) -> Bool {
        var offset = 0
        for scalar in text.unicodeScalars {
            guard peek(offset) == scalar else { return false }
            offset += 1
        }
        return true
    }

    mutating func skip(_ count: Int) {
        for _ in 0..<count { advance() }
    }

    /// Spaces and tabs.
    mutating func skipBlanks() {
        while let scalar = current, scalar == " " || scalar == "\t" { advance() }
    }

    /// A comment to the end of the line (control characters other than tab are not allowed in it).
    mutating func skipComment() throws(FormatError) {
        guard current == "#" else { return }
        while let scalar = current, scalar != "\n" {
            if scalar == "\r", peek(1) == "\n" { break }
            if isControl(scalar), scalar != "\t" { throw error("a control character (U+\(hex(scalar))) in a comment") }
            advance()
        }
    }

    /// A line end (`\n` or `\r\n`), when there is one here.
    mutating func skipLineEnd() -> Bool {
        if current == "\n" {
            advance()
        } else if current == "\r", peek(1) == "\n" {
            skip(2)
        } else {
            return false
        }
        return true
    }

    /// Blank space, comments and line ends (inside arrays).
    mutating func skipSpaceCommentsAndNewlines() throws(FormatError) {
        repeat {
            skipBlanks()
            if current == "#" { try skipComment() }
        } while skipLineEnd()
    }

    /// The end of a line: blanks, an optional comment, then a line end or the end of the text.
    mutating func endOfLine() throws(FormatError) {
        skipBlanks()
        try skipComment()
        guard current == nil || skipLineEnd() else {
            throw error("unexpected text after the value; one key = value pair a line")
        }
    }

    // MARK: Document

    mutating func document() throws(FormatError) -> TOMLTable {
        let root = TOMLTable(line: line, column: 1)
        root.isExplicit = true
        var table = root
        while true {
            try skipSpaceCommentsAndNewlines()
            guard let scalar = current else { return root }
            if scalar == "[" {
                table = try header(root: root)
            } else {
                try keyValue(into: table, depth: 1)
                try endOfLine()
            }
        }
    }

    /// `[a.b]` or `[[a.b]]`: the table the next pairs go into.
    mutating func header(root: TOMLTable) throws(FormatError) -> TOMLTable {
        let (startLine, startColumn) = (line, column)
        let isArray = peek(1) == "["
        skip(isArray ? 2 : 1)
        skipBlanks()
        let keys = try dottedKey()
        skipBlanks()
        guard starts(with: isArray ? "]]" : "]") else {
            throw error("the table header is not closed with \(isArray ? "]]" : "]")")
        }
        skip(isArray ? 2 : 1)
        try endOfLine()
        var table = root
        for (position, key) in keys.enumerated() {
            let last = position == keys.count - 1
            switch table.entry(key.name) {
            case nil:
                if last, isArray {
                    let new = TOMLTable(line: startLine, column: startColumn)
                    table.add(
                        key.name, line: key.line, column: key.column,
                        .tables([new], line: startLine, column: startColumn))
                    return new
                }
                let new = TOMLTable(line: startLine, column: startColumn)
                table.add(key.name, line: key.line, column: key.column, .table(new))
                table = new
            case .table(let existing)?:
                if existing.isInline {
                    throw error(
                        "'\(key.name)' is an inline table, which cannot be extended", line: key.line, column: key.column
                    )
                }
                if last {
                    if isArray {
                        throw error(
                            "'\(key.name)' is a table, not an array of tables", line: key.line, column: key.column)
                    }
                    if existing.isExplicit || existing.isDotted {
                        throw error(
                            "the table '\(keys.map(\.name).joined(separator: "."))' is defined twice",
                            line: startLine, column: startColumn)
                    }
                }
                table = existing
            case .tables(var tables, let arrayLine, let arrayColumn)?:
                if last {
                    guard isArray else {
                        throw error(
                            "'\(key.name)' is an array of tables; add to it with [[\(key.name)]]", line: key.line,
                            column: key.column)
                    }
                    let new = TOMLTable(line: startLine, column: startColumn)
                    tables.append(new)
                    table.entries[table.positions[key.name]!].value = .tables(
                        tables, line: arrayLine, column: arrayColumn)
                    return new
                }
                table = tables[tables.count - 1]
            case .value?:
                throw error(
                    "'\(key.name)' already holds a value, so it cannot be a table", line: key.line, column: key.column)
            }
        }
        table.isExplicit = true
        return table
    }

    /// `key = value`, the key possibly dotted.
    mutating func keyValue(into table: TOMLTable, depth: Int) throws(FormatError) {
        let keys = try dottedKey()
        skipBlanks()
        guard current == "=" else {
            throw error("expected '=' after the key '\(keys.map(\.name).joined(separator: "."))'")
        }
        advance()
        skipBlanks()
        guard let scalar = current, scalar != "\n", scalar != "#", !(scalar == "\r" && peek(1) == "\n") else {
            throw error("a key needs a value after '='")
        }
        let value = try self.value(depth: depth)
        var target = table
        for key in keys.dropLast() {
            switch target.entry(key.name) {
            case nil:
                let new = TOMLTable(line: key.line, column: key.column)
                new.isDotted = true
                target.add(key.name, line: key.line, column: key.column, .table(new))
                target = new
            case .table(let existing)?:
                if existing.isInline {
                    throw error(
                        "'\(key.name)' is an inline table, which cannot be extended", line: key.line, column: key.column
                    )
                }
                if existing.isExplicit {
                    throw error(
                        "the table '\(key.name)' has a [header] of its own; add its keys under that header",
                        line: key.line, column: key.column)
                }
                target = existing
            default:
                throw error(
                    "'\(key.name)' already holds a value, so it cannot hold '\(keys.map(\.name).joined(separator: "."))'",
                    line: key.line, column: key.column)
            }
        }
        let last = keys[keys.count - 1]
        if target.entry(last.name) != nil {
            let first = target.entries[target.positions[last.name]!]
            throw FormatError(
                id: "toml.duplicate-key",
                message:
                    "TOML front matter: duplicate key '\(last.name)' (first at line \(first.line), column \(first.column))",
                location: SourceLocation(file: file, line: last.line, column: last.column), file: file ?? "<stdin>",
                hint: "keep one '\(last.name)' and remove or merge the other")
        }
        target.add(last.name, line: last.line, column: last.column, value)
    }

    // MARK: Keys

    mutating func dottedKey() throws(FormatError) -> [(name: String, line: Int, column: Int)] {
        var keys: [(name: String, line: Int, column: Int)] = []
        while true {
            skipBlanks()
            let (keyLine, keyColumn) = (line, column)
            keys.append((try simpleKey(), keyLine, keyColumn))
            skipBlanks()
            guard current == "." else { return keys }
            advance()
        }
    }

    mutating func simpleKey() throws(FormatError) -> String {
        if current == "\"" {
            guard !starts(with: "\"\"\"") else { throw error("a key cannot be a multi-line string") }
            return try string(basic: true)
        }
        if current == "'" {
            guard !starts(with: "'''") else { throw error("a key cannot be a multi-line string") }
            return try string(basic: false)
        }
        var key = String.UnicodeScalarView()
        while let scalar = current, TOMLScalars.isBareKey(scalar) {
            key.append(scalar)
            advance()
        }
        guard !key.isEmpty else {
            let found = current.map { "'\(Character($0))'" } ?? "the end of the front matter"
            throw error("expected a key, found \(found)", hint: "keys are letters, digits, '-' and '_', or quoted")
        }
        return String(key)
    }

    // MARK: Values

    mutating func value(depth: Int) throws(FormatError) -> TOMLEntry {
        guard depth <= maxDepth else {
            throw .limit(
                "TOML nesting is deeper than the limit of \(maxDepth) levels", option: "--max-depth", file: file,
                location: SourceLocation(file: file, line: line, column: column))
        }
        let (startLine, startColumn) = (line, column)
        func scalar(_ text: String, plain: Bool) -> TOMLEntry {
            .value(.scalar(text, plain: plain, line: startLine, column: startColumn))
        }
        guard let first = current else { throw error("expected a value") }
        switch first {
        case "\"", "'":
            let basic = first == "\""
            let multiline = starts(with: basic ? "\"\"\"" : "'''")
            return scalar(try multiline ? multilineString(basic: basic) : string(basic: basic), plain: false)
        case "[":
            return try array(depth: depth, line: startLine, column: startColumn)
        case "{":
            return try inlineTable(depth: depth, line: startLine, column: startColumn)
        case "t" where starts(with: "true"):
            skip(4)
            return scalar("true", plain: true)
        case "f" where starts(with: "false"):
            skip(5)
            return scalar("false", plain: true)
        default:
            return scalar(try numberOrDate(), plain: true)
        }
    }

    mutating func array(depth: Int, line startLine: Int, column startColumn: Int) throws(FormatError) -> TOMLEntry {
        advance()
        var items: [YAMLNode] = []
        while true {
            try skipSpaceCommentsAndNewlines()
            if current == "]" {
                advance()
                break
            }
            guard current != nil else {
                throw error("the array is not closed with ']'", line: startLine, column: startColumn)
            }
            items.append(try value(depth: depth + 1).node)
            try skipSpaceCommentsAndNewlines()
            if current == "," {
                advance()
            } else if current == "]" {
                advance()
                break
            } else if current == nil {
                throw error("the array is not closed with ']'", line: startLine, column: startColumn)
            } else {
                throw error("expected ',' or ']' in the array")
            }
        }
        return .value(.sequence(items, line: startLine, column: startColumn))
    }

    mutating func inlineTable(depth: Int, line startLine: Int, column startColumn: Int) throws(FormatError) -> TOMLEntry
    {
        advance()
        let table = TOMLTable(line: startLine, column: startColumn)
        skipBlanks()
        if current == "}" {
            advance()
            table.isInline = true
            return .table(table)
        }
        while true {
            skipBlanks()
            try keyValue(into: table, depth: depth + 1)
            skipBlanks()
            if current == "," {
                advance()
                skipBlanks()
                if current == "}" { throw error("a trailing comma is not allowed in an inline table") }
            } else if current == "}" {
                advance()
                break
            } else {
                throw error("expected ',' or '}' in the inline table (an inline table stays on one line)")
            }
        }
        markInline(table)
        return .table(table)
    }

    /// An inline table and the tables its dotted keys made are closed.
    private func markInline(_ table: TOMLTable) {
        table.isInline = true
        for entry in table.entries {
            if case .table(let inner) = entry.value { markInline(inner) }
        }
    }

    // MARK: Strings

    /// A one-line string: basic (`"…"`, with escapes) or literal (`'…'`).
    mutating func string(basic: Bool) throws(FormatError) -> String {
        let quote: Unicode.Scalar = basic ? "\"" : "'"
        let (startLine, startColumn) = (line, column)
        advance()
        var out = String.UnicodeScalarView()
        while true {
            guard let scalar = current, scalar != "\n" else {
                let shown = basic ? "'\"'" : "\"'\""
                throw error("the string is not closed with \(shown) on its line", line: startLine, column: startColumn)
            }
            if scalar == quote {
                advance()
                return String(out)
            }
            if basic, scalar == "\\" {
                out.append(try escape())
                continue
            }
            if isControl(scalar), scalar != "\t" {
                throw error("a control character (U+\(hex(scalar))) in a string\(basic ? "; escape it" : "")")
            }
            out.append(scalar)
            advance()
        }
    }

    /// A multi-line string: basic (`"""…"""`, with escapes; a backslash ending a line trims the
    /// line end and the white space after it) or literal (`'''…'''`). A line end right after the
    /// opening delimiter is trimmed; `\r\n` reads as `\n`.
    mutating func multilineString(basic: Bool) throws(FormatError) -> String {
        let quote: Unicode.Scalar = basic ? "\"" : "'"
        let delimiter = basic ? "\"\"\"" : "'''"
        let (startLine, startColumn) = (line, column)
        skip(3)
        _ = skipLineEnd()
        var out = String.UnicodeScalarView()
        while true {
            guard let scalar = current else {
                let shown = basic ? "'\"\"\"'" : "\"'''\""
                throw error("the multi-line string is not closed with \(shown)", line: startLine, column: startColumn)
            }
            if starts(with: delimiter) {
                // Up to two quotes may stand right before the closing delimiter.
                var quotes = 3
                while peek(quotes) == quote, quotes < 5 { quotes += 1 }
                for _ in 0..<(quotes - 3) { out.append(quote) }
                skip(quotes)
                return String(out)
            }
            if basic, scalar == "\\" {
                // A line-ending backslash trims the line end and the white space after it.
                var offset = 1
                while let next = peek(offset), next == " " || next == "\t" { offset += 1 }
                if peek(offset) == "\n" || (peek(offset) == "\r" && peek(offset + 1) == "\n") {
                    skip(offset)
                    while let next = current, next == " " || next == "\t" || next == "\n" || next == "\r" { advance() }
                    continue
                }
                out.append(try escape())
                continue
            }
            if scalar == "\r", peek(1) == "\n" {
                advance()
                continue
            }
            if isControl(scalar), scalar != "\t", scalar != "\n" {
                throw error("a control character (U+\(hex(scalar))) in a string\(basic ? "; escape it" : "")")
            }
            out.append(scalar)
            advance()
        }
    }

    /// A backslash escape: `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`.
    mutating func escape() throws(FormatError) -> Unicode.Scalar {
        let (escapeLine, escapeColumn) = (line, column)
        advance()
        guard let scalar = current else { throw error("a string ends in a backslash") }
        advance()
        switch scalar {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U":
            let count = scalar == "u" ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let digit = current, let number = hexDigit(digit) else {
                    throw error("\\\(scalar) needs \(count) hexadecimal digits", line: escapeLine, column: escapeColumn)
                }
                value = value * 16 + number
                advance()
            }
            guard let result = Unicode.Scalar(value) else {
                throw error("\\\(scalar) names no Unicode scalar value", line: escapeLine, column: escapeColumn)
            }
            return result
        default:
            throw error(
                "'\\\(Character(scalar))' is not an escape TOML knows", line: escapeLine, column: escapeColumn,
                hint: "write a backslash as \\\\, or use a 'literal string'")
        }
    }

    // MARK: Numbers and dates

    /// The text up to the next separator (white space, `,`, `]`, `}`, `#`).
    mutating func word() -> String.UnicodeScalarView {
        var text = String.UnicodeScalarView()
        while let scalar = current, !(" \t\n\r,]}#".unicodeScalars.contains(scalar)) {
            text.append(scalar)
            advance()
        }
        return text
    }

    /// The value's text up to the next separator, read as an integer, a float, or a date and time.
    mutating func numberOrDate() throws(FormatError) -> String {
        let (startLine, startColumn) = (line, column)
        var text = word()
        // A date and a time may be separated by one space.
        if TOMLScalars.isDate(String(text)), current == " ", let next = peek(1), ("0"..."9").contains(next) {
            let saved = (index, line, lineStart)
            advance()
            let time = word()
            if TOMLScalars.time(String(time)) != nil {
                text.append("T")
                text.append(contentsOf: time)
            } else {
                (index, line, lineStart) = saved
            }
        }
        let word = String(text)
        guard !word.isEmpty else { throw error("expected a value", line: startLine, column: startColumn) }
        if let canonical = TOMLScalars.integer(word) ?? TOMLScalars.float(word) ?? TOMLScalars.dateTime(word) {
            return canonical
        }
        throw error(
            "'\(word)' is not a TOML value", line: startLine, column: startColumn,
            hint: "text needs quotes (title = \"…\"); numbers, true/false and dates are written bare")
    }
}

// MARK: - Scalars

/// TOML's bare keys, numbers and dates, checked (numbers and dates written canonically).
enum TOMLScalars {
    /// A character of a bare key: ASCII letters and digits, `-` and `_`.
    static func isBareKey(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
            || scalar == "_"
    }

    /// Digits with single underscores between them.
    static func digits(_ text: Substring, allowed: (Character) -> Bool) -> String? {
        guard let first = text.first, let last = text.last, allowed(first), allowed(last) else { return nil }
        var out = ""
        var previousUnderscore = false
        for character in text {
            if character == "_" {
                if previousUnderscore { return nil }
                previousUnderscore = true
                continue
            }
            guard allowed(character) else { return nil }
            previousUnderscore = false
            out.append(character)
        }
        return out
    }

    static func integer(_ word: String) -> String? {
        let isDecimal: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where word.hasPrefix(prefix) {
            let allowed: (Character) -> Bool = { $0.isASCII && $0.hexDigitValue.map { $0 < radix } == true }
            guard let digits = digits(word.dropFirst(2), allowed: allowed), let value = Int64(digits, radix: radix)
            else { return nil }
            return String(value)
        }
        var body = Substring(word)
        var sign = ""
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        guard let digits = digits(body, allowed: isDecimal), digits.count == 1 || digits.first != "0",
            Int64(digits) != nil || (sign == "-" && Int64("-" + digits) != nil)
        else { return nil }
        return digits == "0" ? "0" : sign + digits
    }

    static func float(_ word: String) -> String? {
        var body = Substring(word)
        var sign = ""
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        if body == "inf" { return sign + ".inf" }
        if body == "nan" { return ".nan" }
        let isDecimal: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        var mantissa = body
        var exponent: Substring?
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = body[..<e]
            exponent = body[body.index(after: e)...]
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = digits(parts[0], allowed: isDecimal), whole.count == 1 || whole.first != "0" else {
            return nil
        }
        var text = sign + whole
        if parts.count == 2 {
            guard let fraction = digits(parts[1], allowed: isDecimal) else { return nil }
            text += "." + fraction
        }
        if let exponent {
            var rest = exponent
            var exponentSign = ""
            if let first = rest.first, first == "+" || first == "-" {
                exponentSign = first == "-" ? "-" : ""
                rest = rest.dropFirst()
            }
            guard let power = digits(rest, allowed: isDecimal) else { return nil }
            text += "e" + exponentSign + power
        }
        guard parts.count == 2 || exponent != nil, Double(text) != nil else { return nil }
        return text
    }

    /// `1979-05-27`.
    static func isDate(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count == 10, characters[4] == "-", characters[7] == "-" else { return false }
        let fields = [characters[0..<4], characters[5..<7], characters[8..<10]]
        guard fields.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
        let month = Int(String(fields[1]))!
        let day = Int(String(fields[2]))!
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// `07:32:00`, `07:32:00.999`, with an optional `Z` or `±hh:mm` offset: the time without the
    /// offset, and the offset.
    static func time(_ text: String) -> (time: Substring, offset: Substring)? {
        var body = Substring(text)
        var offset: Substring = ""
        if body.last == "Z" || body.last == "z" {
            offset = "Z"
            body = body.dropLast()
        } else if body.count > 6, let signIndex = body.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            offset = body[signIndex...]
            body = body[..<signIndex]
            let parts = offset.dropFirst().split(separator: ":")
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }),
                Int(parts[0])! < 24, Int(parts[1])! < 60
            else { return nil }
        }
        let characters = Array(body)
        guard characters.count >= 8, characters[2] == ":", characters[5] == ":" else { return nil }
        let fields = [characters[0..<2], characters[3..<5], characters[6..<8]]
        guard fields.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            Int(String(fields[0]))! < 24, Int(String(fields[1]))! < 60, Int(String(fields[2]))! < 61
        else { return nil }
        if characters.count > 8 {
            guard characters[8] == ".", characters.count > 9, characters[9...].allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
        }
        return (body, offset == "z" ? "Z" : offset)
    }

    /// A date, a time, or both (`T`, `t` or one space between), written with `T`.
    static func dateTime(_ word: String) -> String? {
        if isDate(word) { return word }
        if let (time, offset) = time(word), offset.isEmpty { return String(time) }
        guard word.count > 11 else { return nil }
        let date = String(word.prefix(10))
        let separator = word[word.index(word.startIndex, offsetBy: 10)]
        guard isDate(date), separator == "T" || separator == "t",
            let (time, offset) = time(String(word.dropFirst(11)))
        else { return nil }
        return date + "T" + time + offset
    }
}

private func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || scalar.value == 0x7F
}

private func hex(_ scalar: Unicode.Scalar) -> String {
    let digits = String(scalar.value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

private func hexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
    switch scalar {
    case "0"..."9": return scalar.value - 48
    case "a"..."f": return scalar.value - 87
    case "A"..."F": return scalar.value - 55
    default: return nil
    }
}
