// copydesk — ArticleFormats / WARC
// Web archives (WARC 1.0 and 1.1): what the format can do and how its content is recognised.

import ArticleModel

extension FormatDescriptor {
    /// Web archives: every HTML page a crawl captured becomes an article; read, not written.
    static let warc = FormatDescriptor(
        name: "warc", title: "a WARC web archive",
        summary:
            "WARC 1.0 and 1.1 web archives, uncompressed or gzip (.warc.gz): each HTML page captured (response or "
            + "resource record, status 200) becomes an article; read record by record, in parallel",
        extensions: ["warc", "warc.gz"], mediaType: "application/warc",
        capabilities: FormatCapabilities(articles: .many, isArchive: true),
        sniffer: WARCFormat.sniff, reader: WARCReader())
}

/// Recognising WARC.
enum WARCFormat {
    /// Certain when the bytes, or the start of the gzip member they begin with, open with a WARC
    /// record header (`WARC/1.0`, `WARC/1.1`).
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        let marker = Array("WARC/1.".utf8)
        if sample.bytes.starts(with: marker) { return SniffMatch(.certain, "it starts with a WARC/1.x record header") }
        if sample.bytes.starts(with: [0x1F, 0x8B]),
            let head = Inflater.prefix(ofGzip: sample.bytes, limit: 16), head.starts(with: marker)
        {
            return SniffMatch(.certain, "it is gzip holding a WARC/1.x record header")
        }
        return nil
    }
}
