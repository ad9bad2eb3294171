// copydesk — ArticleFormats / NITF
// IPTC NITF: recognised by its content (copydesk does not read it yet).

import ArticleModel

extension FormatDescriptor {
    /// IPTC NITF 3.x documents.
    static let nitf = FormatDescriptor(
        name: "nitf", title: "IPTC NITF", summary: "IPTC News Industry Text Format 3.x (recognised; not read yet)",
        extensions: ["nitf", "xml"], mediaType: "application/vnd.iptc.nitf+xml",
        capabilities: FormatCapabilities(holdsComments: true, articles: .one), sniffer: NITFFormat.sniff)
}

/// Recognising NITF.
enum NITFFormat {
    /// Certain for a root element `<nitf>`.
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        guard let root = sample.markup, root.name == "nitf" else { return nil }
        return SniffMatch(.certain, "its root element is <nitf>")
    }
}
