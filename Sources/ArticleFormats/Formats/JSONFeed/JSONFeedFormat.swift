// copydesk — ArticleFormats / JSON Feed
// JSON Feed 1.x: recognised by its content (copydesk does not read it yet).

import ArticleModel

extension FormatDescriptor {
    /// JSON Feed 1.0 and 1.1.
    static let jsonFeed = FormatDescriptor(
        name: "jsonfeed", title: "a JSON Feed", summary: "JSON Feed 1.x (recognised; not read yet)",
        extensions: ["json"], mediaType: "application/feed+json",
        capabilities: FormatCapabilities(articles: .many), sniffer: JSONFeedFormat.sniff)
}

/// Recognising JSON Feed.
enum JSONFeedFormat {
    /// Certain when the object's `version` names jsonfeed.org; likely for `version`, `title` and `items`.
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        guard let json = sample.json, json.kind == .object, json.keys.contains("version") else { return nil }
        if sample.text.prefix(4096).contains("jsonfeed.org/version/") {
            return SniffMatch(.certain, "its version is a jsonfeed.org URL")
        }
        guard json.keys.isSuperset(of: ["title", "items"]) else { return nil }
        return SniffMatch(.likely, "it has a version, a title and items")
    }
}
