// copydesk — ArticleFormats / XML support
// libxml2's XML parser, wrapped once: a Swift tree out, the C document freed here.

import ArticleModel
internal import CLibXML2

// MARK: - XMLElement

/// An XML element as a Swift value: name, namespace, attributes, children and its line.
struct XMLElement: Sendable {
    enum Child: Sendable {
        case element(XMLElement)
        case text(String)
    }

    var name: String
    var namespace: String?
    /// Attributes by local name; namespaced ones as `{namespace}name`.
    var attributes: [String: String]
    var children: [Child]
    var line: Int

    func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes[namespace.map { "{\($0)}\(name)" } ?? name]
    }

    /// Child elements, optionally only those with this local name.
    func elements(_ name: String? = nil) -> [XMLElement] {
        children.compactMap { child in
            guard case .element(let element) = child, name == nil || element.name == name else { return nil }
            return element
        }
    }

    func first(_ name: String) -> XMLElement? { elements(name).first }

    /// The names its `class` attribute lists.
    var classes: [Substring] { (attribute("class") ?? "").split(separator: " ") }

    /// Whether its `class` attribute lists `name`.
    func hasClass(_ name: String) -> Bool { classes.contains { $0 == name } }

    /// The namespace of the `xml:` attributes.
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// `xml:lang` on the element, trimmed; `nil` when it is absent or empty.
    var language: String? {
        guard let language = attribute("lang", namespace: Self.xmlNamespace)?.trimmingWhitespace(), !language.isEmpty
        else { return nil }
        return language
    }

    /// All text inside, in document order.
    var text: String {
        var out = ""
        for child in children {
            switch child {
            case .text(let text): out += text
            case .element(let element): out += element.text
            }
        }
        return out
    }
}

// MARK: - XMLTree

/// Parses XML with libxml2: no network, no external DTD, no entity substitution from DTDs
/// (libxml2's own limits stop entity-expansion bombs), comments and processing instructions
/// ignored, CDATA read as text. Elements nest at most `maxDepth` levels (libxml2 itself stops at
/// 256 without `XML_PARSE_HUGE`, which copydesk never sets).
enum XMLTree {
    /// Parses an input's bytes, honouring the encoding its XML declaration names
    /// (`<?xml version="1.0" encoding="ISO-8859-1"?>`) unless `--input-encoding` overrides it.
    /// UTF-8 input (declared so or not declared) is checked first, so a bad byte is reported at
    /// its line and column.
    static func parse(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> XMLElement {
        let source = try source(input, options: options)
        return try parse(
            bytes: source.bytes, encoding: source.encoding, file: input.file, maxDepth: options.limits.maxDepth)
    }

    /// The bytes to give libxml2 and the encoding to name for them (`nil`: the one the document
    /// declares). A declared single-byte encoding (ISO-8859-1 NITF) is libxml2's to decode, unless
    /// the bytes are valid UTF-8 with multi-byte characters (Latin-1 text almost never is): then the
    /// declaration is wrong and the bytes win, as in HTML. Anything else is decoded here first, so a
    /// bad byte is reported at its line and column. The schema validator reads the same way.
    static func source(
        _ input: ReaderInput, options: ReaderOptions
    ) throws(FormatError) -> (
        bytes: [UInt8], encoding: String?
    ) {
        if options.encoding == .utf8, let declared = declaredEncoding(input.bytes), !isUTF8(declared),
            !(input.bytes.contains { $0 >= 0x80 } && String(validating: input.bytes, as: UTF8.self) != nil)
        {
            if let nul = input.bytes.firstIndex(of: 0) {
                throw FormatError(
                    id: "input.binary",
                    message: "input contains a NUL byte at offset \(nul): this looks like binary data, not an article",
                    file: input.file ?? "<stdin>")
            }
            return (input.bytes, nil)
        }
        let text = try TextDecoding.decode(input.bytes, options: options, file: input.file)
        return (Array(text.utf8), "UTF-8")
    }

    /// The encoding an XML declaration at the very start of the bytes names, if any.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = bytes.prefix(256)
        guard let end = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: head[..<end], as: UTF8.self)
        guard let key = declaration.firstTextRange(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.isEmpty ? nil : String(value)
    }

    private static func isUTF8(_ name: String) -> Bool {
        ["utf-8", "utf8", "us-ascii", "ascii"].contains(name.lowercased())
    }

    static func parse(
        _ text: String, file: String?, maxDepth: Int = ReaderLimits.default.maxDepth
    ) throws(FormatError) -> XMLElement {
        try parse(bytes: Array(text.utf8), encoding: "UTF-8", file: file, maxDepth: maxDepth)
    }

    /// Parses bytes in `encoding`, or in the encoding the document declares when `nil`.
    private static func parse(
        bytes: [UInt8], encoding: String?, file: String?, maxDepth: Int
    ) throws(FormatError) -> XMLElement {
        xmlInitParser()
        guard let context = xmlNewParserCtxt() else {
            throw FormatError(id: "xml.memory", message: "libxml2 could not start a parser (out of memory)", file: file)
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_NOCDATA.rawValue)
        guard !bytes.isEmpty else {
            throw FormatError(
                id: "xml.syntax", message: "the input is empty, not an XML document", file: file ?? "<stdin>")
        }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlCtxtReadMemory(context, pointer, Int32(buffer.count), file ?? "stdin", encoding, options)
            }
        }
        guard let document else {
            let error = xmlCtxtGetLastError(context)
            let message =
                error?.pointee.message.map { String(cString: $0).trimmingWhitespace() } ?? "not well-formed XML"
            let line = Int(error?.pointee.line ?? 0)
            let column = Int(error?.pointee.int2 ?? 0)
            let location = line > 0 ? SourceLocation(file: file, line: line, column: max(column, 1)) : nil
            if encoding == nil, message.lowercased().contains("encoding") {
                throw FormatError(
                    id: "input.encoding",
                    message: "the XML declaration names an encoding libxml2 cannot read: \(message)",
                    location: location, file: file ?? "<stdin>",
                    hint: "convert the file to UTF-8 (iconv -f ENCODING -t UTF-8), or read it with --input-encoding")
            }
            if message.containsText("Excessive depth") {
                throw FormatError(
                    id: "input.limit", message: "XML nesting is deeper than libxml2's limit of 256 levels",
                    location: location, file: file ?? "<stdin>",
                    hint: "no option raises this one; an article never nests this deep, so check the file")
            }
            throw FormatError(
                id: "xml.syntax", message: "not well-formed XML: \(message)",
                location: line > 0 ? SourceLocation(file: file, line: line, column: max(column, 1)) : nil,
                file: file ?? "<stdin>", hint: "check the markup near this line (xmllint --noout FILE shows the same)")
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw FormatError(
                id: "xml.syntax", message: "the XML document has no root element", file: file ?? "<stdin>")
        }
        return try convert(root, depth: 1, maxDepth: maxDepth, file: file)
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func convert(
        _ node: xmlNodePtr, depth: Int, maxDepth: Int, file: String?
    ) throws(FormatError) -> XMLElement {
        guard depth <= maxDepth else {
            throw FormatError.limit(
                "XML nesting is deeper than the limit of \(maxDepth) levels", option: "--max-depth", file: file,
                location: SourceLocation(file: file, line: Int(xmlGetLineNo(node)), column: 1))
        }
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = string(current.pointee.name) ?? ""
            let namespace = current.pointee.ns.flatMap { string($0.pointee.href) }
            var value = ""
            var child = current.pointee.children
            while let text = child {
                value += string(text.pointee.content) ?? ""
                child = text.pointee.next
            }
            attributes[namespace.map { "{\($0)}\(name)" } ?? name] = value
            attribute = current.pointee.next
        }
        var children: [XMLElement.Child] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(try convert(current, depth: depth + 1, maxDepth: maxDepth, file: file)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                children.append(.text(string(current.pointee.content) ?? ""))
            case XML_ENTITY_REF_NODE:
                // An entity the document's DTD declares, which is never loaded: one of HTML 4's
                // character entities (`&eacute;`, `&mdash;`, the sets NITF's DTD includes) is its
                // character; any other keeps its name visible rather than lose it.
                let name = current.pointee.name
                if let name, let entity = htmlEntityLookup(name), let scalar = Unicode.Scalar(entity.pointee.value) {
                    children.append(.text(String(scalar)))
                } else {
                    children.append(.text("&" + (string(name) ?? "") + ";"))
                }
            default:
                break
            }
            child = current.pointee.next
        }
        return XMLElement(
            name: string(node.pointee.name) ?? "", namespace: node.pointee.ns.flatMap { string($0.pointee.href) },
            attributes: attributes, children: children, line: Int(xmlGetLineNo(node)))
    }
}
