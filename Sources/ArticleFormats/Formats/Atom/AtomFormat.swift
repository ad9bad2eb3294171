// copydesk — ArticleFormats / Atom
// Atom 1.0 feeds: read and written.

import ArticleModel

extension FormatDescriptor {
    /// Atom 1.0 feeds.
    static let atom = FormatDescriptor(
        name: "atom", title: "an Atom feed",
        summary:
            "Atom 1.0 feeds (an article per entry); writes one feed of every article",
        extensions: ["atom", "xml"], mediaType: "application/atom+xml",
        capabilities: FormatCapabilities(
            holdsComments: true, articles: .many, gathersArticles: true,
            carries: FeedCarriedFields.common.union([.language, .section])),
        sniffer: AtomFormat.sniff, reader: AtomReader(), writer: AtomWriter())
}

/// Recognising Atom.
enum AtomFormat {
    static let namespace = "http://www.w3.org/2005/Atom"

    /// Certain for a root element `<feed>` (or an `<entry>`) in the Atom namespace.
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        guard let root = sample.markup, root.name == "feed" || root.name == "entry", root.namespace == namespace
        else { return nil }
        return SniffMatch(.certain, "its root element is <\(root.name)> in the Atom namespace")
    }
}
