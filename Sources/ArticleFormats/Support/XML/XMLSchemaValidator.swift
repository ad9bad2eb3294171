// copydesk — ArticleFormats / XML support
// libxml2's XML Schema validator, wrapped once, for `copydesk validate --schema`.

import ArticleModel
internal import CLibXML2

// MARK: - XMLSchemaValidator

/// Validates XML files against an XML Schema (XSD) with libxml2, reporting each problem at its
/// line. The schema is loaded once and may be used for many files (one thread at a time).
package final class XMLSchemaValidator {
    private let schema: xmlSchemaPtr
    package let schemaPath: String

    /// Loads the schema (and the schemas it imports, by local paths).
    package init(schemaPath: String) throws(FormatError) {
        xmlInitParser()
        guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else {
            throw FormatError(id: "schema.load", message: "cannot read the schema \(schemaPath)", file: schemaPath)
        }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        let collector = ErrorCollector()
        xmlSchemaSetParserStructuredErrors(parserContext, collectError, Unmanaged.passUnretained(collector).toOpaque())
        guard let schema = withExtendedLifetime(collector, { xmlSchemaParse(parserContext) }) else {
            let detail = collector.errors.first.map { ": \($0.message)" } ?? ""
            throw FormatError(
                id: "schema.load", message: "the schema \(schemaPath) could not be loaded\(detail)", file: schemaPath,
                hint: "give the path of NewsML-G2_2.35-spec-All-Power.xsd, with the xml.xsd it imports beside it")
        }
        self.schema = schema
        self.schemaPath = schemaPath
    }

    deinit {
        xmlSchemaFree(schema)
    }

    /// The schema's findings for one document (empty when it is valid).
    package func validate(_ bytes: [UInt8], file: String?) throws(FormatError) -> [Diagnostic] {
        let (utf8, encoding) = try XMLTree.source(ReaderInput(bytes: bytes, file: file), options: .default)
        guard let parser = xmlNewParserCtxt() else {
            throw FormatError(id: "xml.memory", message: "libxml2 could not start a parser (out of memory)", file: file)
        }
        defer { xmlFreeParserCtxt(parser) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlCtxtReadMemory(parser, pointer, Int32(buffer.count), file ?? "stdin", encoding, options)
            }
        }
        guard let document else {
            // Throws the well-formedness error with its position.
            _ = try XMLTree.parse(ReaderInput(bytes: bytes, file: file), options: .default)
            return []
        }
        defer { xmlFreeDoc(document) }
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            throw FormatError(id: "xml.memory", message: "libxml2 could not start a validator", file: file)
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = ErrorCollector()
        xmlSchemaSetValidStructuredErrors(context, collectError, Unmanaged.passUnretained(collector).toOpaque())
        _ = withExtendedLifetime(collector) { xmlSchemaValidateDoc(context, document) }
        return collector.errors.map { error in
            Diagnostic(
                id: "schema.invalid", severity: .error, message: error.message,
                location: error.line > 0 ? SourceLocation(file: file, line: error.line, column: 1) : nil,
                file: file ?? "<stdin>")
        }
    }
}

/// Collects libxml2's structured errors (the callback runs synchronously in the caller's thread).
private final class ErrorCollector {
    var errors: [(line: Int, message: String)] = []
}

private let collectError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0) } ?? "schema error"
    collector.errors.append((Int(error.pointee.line), message.trimmingWhitespace()))
}
