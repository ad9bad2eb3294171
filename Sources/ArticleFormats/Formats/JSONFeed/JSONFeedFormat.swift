// copydesk — ArticleFormats / JSON Feed
// JSON Feed 1.0 and 1.1: read and written (1.1).

import ArticleModel

extension FormatDescriptor {
    /// JSON Feed 1.0 and 1.1.
    static let jsonFeed = FormatDescriptor(
        name: "jsonfeed", title: "a JSON Feed",
        summary:
            "JSON Feed 1.0 and 1.1 (an article per item); writes 1.1, one feed of every article",
        extensions: ["json"], outputExtension: "feed.json", mediaType: "application/feed+json",
        capabilities: FormatCapabilities(
            articles: .many, gathersArticles: true, carries: FeedCarriedFields.common.union([.language])),
        sniffer: JSONFeedFormat.sniff, reader: JSONFeedReader(), writer: JSONFeedWriter())
}

/// Recognising JSON Feed.
enum JSONFeedFormat {
    /// The version copydesk writes.
    static let version = "https://jsonfeed.org/version/1.1"

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
