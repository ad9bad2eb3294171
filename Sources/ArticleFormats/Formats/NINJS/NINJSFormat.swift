// copydesk — ArticleFormats / ninjs
// IPTC ninjs: what it can do and how its content is recognised.

import ArticleModel

extension FormatDescriptor {
    /// IPTC ninjs, news in JSON: 1.x to 3.x read (an item, an array of items, or an API response
    /// holding them), 3.1 or 2.2 written.
    static let ninjs = FormatDescriptor(
        name: "ninjs", title: "IPTC ninjs",
        summary:
            "IPTC ninjs: 1.x to 3.x read (an item or an array of items); 3.1 (or 2.2 with --ninjs-version 2) written",
        extensions: ["json"], outputExtension: "ninjs.json", mediaType: "application/json",
        capabilities: FormatCapabilities(
            articles: .many,
            carries: [
                .headline, .subheadline, .highlights, .bylines, .published, .modified, .language, .section,
                .keywords, .source, .body, .images, .quotes, .speakers, .listLabels,
            ]),
        sniffer: NINJSFormat.sniff, reader: NINJSArticleReader(), writer: NINJSArticleWriter())
}

/// Recognising ninjs.
enum NINJSFormat {
    /// Property names of ninjs 1.x to 3.x that copydesk's canonical JSON does not use.
    static let properties: Set<String> = [
        "uri", "guid", "type", "version", "versioncreated", "versionCreated", "firstcreated", "firstCreated",
        "headlines", "bodies", "body_html", "body_text", "body_xhtml", "byline", "by", "standard", "pubstatus",
        "pubStatus", "copyrightnotice", "copyrightNotice", "copyrightholder", "copyrightHolder", "associations",
        "renditions", "profile", "urgency", "embargoed", "located", "descriptions", "subjects", "people",
        "organisations", "places", "description_text", "description_html", "mimetype", "genre", "ednote",
        "edNote", "slugline", "representationType",
    ]

    /// Certain when the object (or the objects of a top-level array) has two ninjs properties or
    /// more and none of the canonical article's own keys; likely when an object wraps one (an API
    /// response with the item inside).
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        guard let json = sample.json, json.keys.isDisjoint(with: JSONFormat.ownKeys) else { return nil }
        let found = json.keys.intersection(properties)
        if found.count >= 2 {
            let what = json.kind == .array ? "its items have" : "it has"
            return SniffMatch(
                .certain, "\(what) ninjs properties (\(found.sorted().prefix(3).joined(separator: ", ")))")
        }
        if json.nestedKeys.intersection(properties).count >= 3 {
            return SniffMatch(.likely, "it holds an object with ninjs properties")
        }
        return nil
    }
}
