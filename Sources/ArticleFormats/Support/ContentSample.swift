// copydesk — ArticleFormats
// The start of an input, decoded and pre-read once, for the formats' sniffers to look at.

// MARK: - ContentSample

/// The first bytes of an input (`limit`, 64 KiB) as the sniffers see them: decoded leniently (a
/// BOM chooses UTF-8 or UTF-16; bytes that are not UTF-8 become U+FFFD), with the root element of
/// XML and the keys of JSON already read, so each sniffer does little work and none re-parses.
package struct ContentSample: Sendable {
    /// How many bytes a sample holds.
    package static let limit = 64 << 10

    /// The first bytes, undecoded (for binary formats: gzip, a WARC header).
    package let bytes: [UInt8]
    /// The decoded text, from its first character that is not white space or a BOM.
    package let text: Substring
    /// Whether the sample holds the whole input.
    package let isComplete: Bool
    /// The root element, when the text is XML or HTML markup.
    package let markup: MarkupRoot?
    /// The top-level structure, when the text is JSON.
    package let json: JSONSummary?

    package init(bytes: some Collection<UInt8>) {
        // Copied in one piece when the bytes are contiguous (an input read into memory); the
        // generic copy goes a byte at a time.
        let prefix =
            bytes.withContiguousStorageIfAvailable { Array($0.prefix(Self.limit)) } ?? Array(bytes.prefix(Self.limit))
        self.bytes = prefix
        isComplete = prefix.count == bytes.count
        let decoded = Self.decode(prefix)
        let start = decoded.firstIndex { !$0.isWhitespace && $0 != "\u{FEFF}" } ?? decoded.endIndex
        text = decoded[start...]
        markup = text.first == "<" ? MarkupRoot(text) : nil
        json = text.first == "{" || text.first == "[" ? JSONSummary(text) : nil
    }

    package init(string: String) {
        self.init(bytes: Array(string.utf8))
    }

    /// UTF-16 when a BOM says so, else UTF-8 with invalid bytes replaced.
    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return String(decoding: TextDecoding.utf16CodeUnits(bytes), as: UTF16.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text starts with a line of exactly `marker` (`---`, `+++`), as front matter does.
    package func startsWithLine(_ marker: String) -> Bool {
        guard text.hasPrefix(marker) else { return false }
        let rest = text.dropFirst(marker.count).prefix { $0 == " " || $0 == "\t" }
        let after = text.dropFirst(marker.count + rest.count).first
        return after == nil || after == "\n" || after == "\r\n" || after == "\r"
    }

    /// The front matter that `marker` opens and closes, when both lines are in the sample: the
    /// text between them, and the text after.
    package func frontMatter(_ marker: String) -> (inside: Substring, after: Substring)? {
        guard startsWithLine(marker) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard
            let close = lines.indices.dropFirst().first(where: { index in
                let line = lines[index].trimmingSuffix { $0 == " " || $0 == "\t" || $0 == "\r" }
                return line == marker || (marker == "---" && line == "...")
            })
        else { return nil }
        return (lines[1..<close].joined(separator: "\n")[...], lines[(close + 1)...].joined(separator: "\n")[...])
    }

    /// The text after the front matter that `marker` opens and closes, when both lines are in the sample.
    package func afterFrontMatter(_ marker: String) -> Substring? {
        frontMatter(marker)?.after
    }
}

// MARK: - MarkupRoot

/// The root element of XML or HTML markup, read from its start tag (after the prolog, comments
/// and a document type declaration).
package struct MarkupRoot: Sendable, Equatable {
    /// The element's name without a prefix (`feed`, `newsItem`, `html`).
    package var name: String
    /// The namespace the element is in (its prefix's, or the default), when declared.
    package var namespace: String?
    /// Every namespace the start tag declares.
    package var declaredNamespaces: [String]
    /// The document type's name (`html`), when there is a declaration.
    package var doctype: String?
    /// Whether the text starts with an XML declaration (`<?xml …?>`).
    package var hasXMLDeclaration: Bool

    init?(_ text: Substring) {
        var rest = text
        var doctype: String?
        var declaration = false
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("<?") {
                if rest.lowercased().hasPrefix("<?xml") { declaration = true }
                guard let end = rest.firstTextRange(of: "?>") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<!--") {
                guard let end = rest.firstTextRange(of: "-->") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.prefix(9).lowercased() == "<!doctype" {
                let body = rest.dropFirst(9).drop { $0.isWhitespace }
                doctype = String(body.prefix { !$0.isWhitespace && $0 != ">" && $0 != "[" }).lowercased()
                var depth = 0
                guard
                    let end = body.firstIndex(where: { character in
                        if character == "[" { depth += 1 }
                        if character == "]" { depth -= 1 }
                        return character == ">" && depth <= 0
                    })
                else { return nil }
                rest = body[body.index(after: end)...]
            } else {
                break
            }
        }
        guard rest.first == "<", let first = rest.dropFirst().first, first.isLetter || first == "_" else { return nil }
        let qualified = rest.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
        var attributes: [String: String] = [:]
        var cursor = rest.dropFirst(1 + qualified.count)
        while true {
            cursor = cursor.drop { $0.isWhitespace }
            guard let character = cursor.first, character != ">", character != "/" else { break }
            let attributeName = cursor.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/" }
            guard !attributeName.isEmpty else { break }
            cursor = cursor.dropFirst(attributeName.count).drop { $0.isWhitespace }
            var value = ""
            if cursor.first == "=" {
                cursor = cursor.dropFirst().drop { $0.isWhitespace }
                if let quote = cursor.first, quote == "\"" || quote == "'" {
                    let inner = cursor.dropFirst().prefix { $0 != quote }
                    value = String(inner)
                    cursor = cursor.dropFirst(inner.count + 2)
                } else {
                    let inner = cursor.prefix { !$0.isWhitespace && $0 != ">" }
                    value = String(inner)
                    cursor = cursor.dropFirst(inner.count)
                }
            }
            attributes[String(attributeName)] = value
        }
        let parts = qualified.split(separator: ":", maxSplits: 1)
        let prefix = parts.count == 2 ? String(parts[0]) : nil
        name = String(parts.last ?? qualified)
        namespace = attributes[prefix.map { "xmlns:" + $0 } ?? "xmlns"]
        declaredNamespaces = attributes.filter { $0.key == "xmlns" || $0.key.hasPrefix("xmlns:") }.map(\.value).sorted()
        self.doctype = doctype
        hasXMLDeclaration = declaration
    }
}

// MARK: - JSONSummary

/// The shape of JSON text and the keys near its top, read without building values.
package struct JSONSummary: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case object, array
    }

    package var kind: Kind
    /// Keys of the top-level object, or of the objects in a top-level array.
    package var keys: Set<String>
    /// Keys of objects one and two levels below those.
    package var nestedKeys: Set<String>
    /// How many top-level values the sample holds (NDJSON holds one a line).
    package var topLevelValues: Int
    /// Whether the top-level values are separated by line breaks (and no commas): one a line.
    package var valuesOnSeparateLines: Bool

    init?(_ text: Substring) {
        var keys: Set<String> = []
        var nested: Set<String> = []
        var values = 0
        var separateLines = true
        var depth = 0
        var kind: Kind?
        // Containers open at each depth: true for an object.
        var objects: [Bool] = []
        var expectingKey = false
        var sawNewlineAtTop = true
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            switch scalar {
            case "{", "[":
                if depth == 0 {
                    values += 1
                    if values > 1, !sawNewlineAtTop { separateLines = false }
                    sawNewlineAtTop = false
                    if kind == nil { kind = scalar == "{" ? .object : .array }
                }
                objects.append(scalar == "{")
                depth += 1
                expectingKey = scalar == "{"
            case "}", "]":
                guard depth > 0 else { return nil }
                objects.removeLast()
                depth -= 1
                expectingKey = false
            case ",":
                if depth == 0 { separateLines = false }
                expectingKey = objects.last == true
            case "\n":
                if depth == 0 { sawNewlineAtTop = true }
            case "\"":
                var string = String.UnicodeScalarView()
                var escaped = false
                while let next = iterator.next() {
                    if escaped {
                        escaped = false
                        string.append(next)
                        continue
                    }
                    if next == "\\" {
                        escaped = true
                        continue
                    }
                    if next == "\"" { break }
                    string.append(next)
                }
                if expectingKey, objects.last == true {
                    // Keys of the top object (depth 1) or of a top array's objects (depth 2).
                    let topObjectDepth = kind == .array ? 2 : 1
                    if depth == topObjectDepth {
                        keys.insert(String(string))
                    } else if depth > topObjectDepth, depth <= topObjectDepth + 2 {
                        nested.insert(String(string))
                    }
                    expectingKey = false
                }
            case ":":
                expectingKey = false
            default:
                continue
            }
        }
        guard let kind else { return nil }
        self.kind = kind
        self.keys = keys
        nestedKeys = nested
        topLevelValues = values
        valuesOnSeparateLines = separateLines
    }
}
