// copydesk — ArticleFormats / RSS
// RSS 2.0 and RSS 1.0 (RDF) feeds, WordPress exports among them: read and written.

import ArticleModel

extension FormatDescriptor {
    /// RSS 2.0 and RSS 1.0 (RDF) feeds, WordPress exports among them.
    static let rss = FormatDescriptor(
        name: "rss", title: "an RSS feed",
        summary:
            "RSS 2.0, 0.9x and 1.0 feeds and WordPress exports (an article per item); writes RSS 2.0, one feed of "
            + "every article",
        extensions: ["rss", "xml"], mediaType: "application/rss+xml",
        capabilities: FormatCapabilities(
            holdsComments: true, articles: .many, gathersArticles: true,
            carries: FeedCarriedFields.common.union([.language, .section])),
        sniffer: RSSFormat.sniff, reader: RSSReader(), writer: RSSWriter())
}

/// Recognising RSS, and what its elements are.
enum RSSFormat {
    static let rss1Namespace = "http://purl.org/rss/1.0/"
    /// Netscape's RSS 0.90, whose items RSS 1.0 keeps beside the channel.
    static let rss090Namespace = "http://my.netscape.com/rdf/simple/0.9/"
    /// The namespace some RSS 2.0 feeds put their elements in.
    static let rss2Namespace = "http://backend.userland.com/rss2"

    /// Certain for a root element `<rss>`, or RSS 1.0's `<rdf:RDF>` declaring the RSS 1.0 namespace.
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        guard let root = sample.markup else { return nil }
        if root.name == "rss" { return SniffMatch(.certain, "its root element is <rss>") }
        if root.name == "RDF", root.declaredNamespaces.contains(rss1Namespace) {
            return SniffMatch(.certain, "its root element is <rdf:RDF> with the RSS 1.0 namespace")
        }
        if root.name == "RDF", root.declaredNamespaces.contains(rss090Namespace) {
            return SniffMatch(.certain, "its root element is <rdf:RDF> with the RSS 0.90 namespace")
        }
        return nil
    }

    /// Whether an element is one of RSS's own: no namespace (RSS 2.0, 0.9x) or RSS 1.0's.
    static func isCore(_ namespace: String?) -> Bool {
        namespace == nil || namespace == rss1Namespace || namespace == rss090Namespace || namespace == rss2Namespace
    }

    /// The namespaces copydesk reads elements of, and their usual prefixes for messages.
    static let prefixes: [String: String] = [
        FeedNamespace.content: "content", FeedNamespace.dublinCore: "dc", FeedNamespace.dublinCoreTerms: "dcterms",
        FeedNamespace.atom: "atom", "http://wellformedweb.org/CommentAPI/": "wfw",
        "http://purl.org/rss/1.0/modules/slash/": "slash", "http://search.yahoo.com/mrss/": "media",
    ]

    /// A namespace's usual prefix, else its last path part.
    static func prefix(for namespace: String) -> String {
        prefixes[namespace]
            ?? namespace.split(separator: "/").last { !$0.isEmpty && !$0.allSatisfy(\.isNumber) }.map(String.init)
            ?? namespace
    }

    /// Item elements the reader reads.
    static func read(_ element: XMLElement) -> Bool {
        if isCore(element.namespace) {
            return [
                "title", "link", "description", "guid", "pubDate", "author", "category", "enclosure", "source",
            ].contains(element.name)
        }
        switch element.namespace {
        case FeedNamespace.content: return element.name == "encoded"
        case FeedNamespace.dublinCore:
            return ["creator", "date", "subject", "language", "rights"].contains(element.name)
        case FeedNamespace.dublinCoreTerms: return element.name == "modified"
        case FeedNamespace.atom: return element.name == "updated" || element.name == "link"
        default: return FeedNamespace.isMedia(element.namespace)
        }
    }
}
