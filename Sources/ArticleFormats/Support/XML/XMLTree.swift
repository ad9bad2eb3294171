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
    static func parse(
        _ text: String, file: String?, maxDepth: Int = ReaderLimits.default.maxDepth
    ) throws(FormatError) -> XMLElement {
        xmlInitParser()
        guard let context = xmlNewParserCtxt() else {
            throw FormatError(id: "xml.memory", message: "libxml2 could not start a parser (out of memory)", file: file)
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_NOCDATA.rawValue)
        let bytes = Array(text.utf8)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlCtxtReadMemory(context, pointer, Int32(buffer.count), file ?? "stdin", "UTF-8", options)
            }
        }
        guard let document else {
            let error = xmlCtxtGetLastError(context)
            let message =
                error?.pointee.message.map { String(cString: $0).trimmingWhitespace() } ?? "not well-formed XML"
            let line = Int(error?.pointee.line ?? 0)
            let column = Int(error?.pointee.int2 ?? 0)
            let location = line > 0 ? SourceLocation(file: file, line: line, column: max(column, 1)) : nil
            if message.contains("Excessive depth") {
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
                // An entity that was not substituted: keep its name visible rather than lose it.
                children.append(.text("&" + (string(current.pointee.name) ?? "") + ";"))
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
