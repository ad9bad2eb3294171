// copydesk — ArticleFormats / Atom
// Atom 1.0 feeds: recognised by their content (copydesk does not read them yet).

import ArticleModel

extension FormatDescriptor {
    /// Atom 1.0 feeds.
    static let atom = FormatDescriptor(
        name: "atom", title: "an Atom feed", summary: "Atom 1.0 feeds (recognised; not read yet)",
        extensions: ["atom", "xml"], mediaType: "application/atom+xml",
        capabilities: FormatCapabilities(holdsComments: true, articles: .many), sniffer: AtomFormat.sniff)
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
