// copydesk — ArticleFormats / RSS
// RSS 2.0 and RSS 1.0 (RDF) feeds: recognised by their content (copydesk does not read them yet).

import ArticleModel

extension FormatDescriptor {
    /// RSS 2.0 and RSS 1.0 (RDF) feeds, WordPress exports among them.
    static let rss = FormatDescriptor(
        name: "rss", title: "an RSS feed", summary: "RSS 2.0 and RSS 1.0 feeds (recognised; not read yet)",
        extensions: ["rss", "xml"], mediaType: "application/rss+xml",
        capabilities: FormatCapabilities(holdsComments: true, articles: .many), sniffer: RSSFormat.sniff)
}

/// Recognising RSS.
enum RSSFormat {
    static let rss1Namespace = "http://purl.org/rss/1.0/"

    /// Certain for a root element `<rss>`, or RSS 1.0's `<rdf:RDF>` declaring the RSS 1.0 namespace.
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        guard let root = sample.markup else { return nil }
        if root.name == "rss" { return SniffMatch(.certain, "its root element is <rss>") }
        if root.name == "RDF", root.declaredNamespaces.contains(rss1Namespace) {
            return SniffMatch(.certain, "its root element is <rdf:RDF> with the RSS 1.0 namespace")
        }
        return nil
    }
}
