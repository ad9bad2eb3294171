// copydesk — ArticleFormats / NITF
// IPTC NITF 3.x: what it can do, how its content is recognised, and the names reader and writer share.

import ArticleModel

extension FormatDescriptor {
    /// IPTC NITF 3.x documents.
    static let nitf = FormatDescriptor(
        name: "nitf", title: "IPTC NITF",
        summary: "IPTC News Industry Text Format: reads NITF 3.x, writes NITF 3.6 (valid against IPTC's schema)",
        extensions: ["nitf", "xml"], outputExtension: "nitf.xml", mediaType: "application/vnd.iptc.nitf+xml",
        capabilities: FormatCapabilities(
            holdsComments: true, articles: .one,
            carries: [
                .headline, .subheadline, .highlights, .bylines, .bylineDetails, .dateline, .published, .modified,
                .language, .section, .keywords, .source, .body, .images, .quotes, .speakers, .listLabels,
            ]),
        sniffer: NITFFormat.sniff,
        schema: XMLSchemaInfo(
            name: "NITF", title: "IPTC's NITF 3.6", fileName: "nitf-3-6.xsd",
            companions: ["nitf-3-6-ruby-include.xsd", "xml.xsd"], environmentVariable: "COPYDESK_NITF_XSD",
            installFolder: "nitf", installVariable: "NITF_XSD_DIR",
            source: "https://iptc.org/standards/nitf/ (the NITF 3.6 schema package)"),
        reader: NITFReader(), writer: NITFWriter())
}

/// Recognising NITF, and the names its reader and writer share.
enum NITFFormat {
    /// The namespace of NITF 3.5 and later (NITF 3.4 and earlier have none; both are read).
    static let namespace = "http://iptc.org/std/NITF/2006-10-18/"
    /// copydesk's attributes on body elements (quote ids, speakers, printed quotation marks, list
    /// speakers), in a namespace of their own, which NITF 3.6 allows on every body element.
    static let copydesk = "https://copydesk.dev/ns/nitf/1"
    /// The `class` of a block quote that was a pull quote, and of a paragraph that labels the list after it.
    static let pullQuoteClass = "pullquote"
    static let listLabelClass = "list-label"
    /// The `class` of an `<em>` that was strong emphasis (NITF has only `<em>`).
    static let strongClass = "strong"
    /// The key of `Article.extensions` for NITF metadata no shared key names (`meta`, `series`, …).
    static let extensionKey = "nitf"

    /// Certain for a root element `<nitf>`.
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        guard let root = sample.markup, root.name == "nitf" else { return nil }
        return SniffMatch(.certain, "its root element is <nitf>")
    }

    /// Whether a namespace is NITF's: none (NITF 3.4 and earlier) or NITF 3.5's and later.
    static func isNITF(namespace: String?) -> Bool {
        namespace == nil || namespace == Self.namespace
    }
}

extension JSONValue {
    /// The object, when this is an object.
    var nitfObject: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The array, when this is an array.
    var nitfArray: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }
}
