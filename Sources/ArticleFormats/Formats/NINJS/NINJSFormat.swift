// copydesk — ArticleFormats / ninjs
// IPTC ninjs: what it can do and how its content is recognised.

import ArticleModel

extension FormatDescriptor {
    /// IPTC ninjs 3.1 or 2.2, news in JSON (written; recognised when read).
    static let ninjs = FormatDescriptor(
        name: "ninjs", title: "IPTC ninjs", summary: "IPTC ninjs 3.1 (or 2.2 with --ninjs-version 2), news in JSON",
        extensions: ["json"], outputExtension: "ninjs.json", mediaType: "application/json",
        capabilities: FormatCapabilities(
            articles: .one,
            carries: [
                .headline, .subheadline, .highlights, .bylines, .published, .modified, .language, .section,
                .keywords, .source, .body, .images, .quotes, .speakers, .listLabels,
            ]),
        sniffer: NINJSFormat.sniff, writer: NINJSArticleWriter())
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

    /// Certain when the object has two ninjs properties or more and none of the canonical
    /// article's own keys; likely when an object wraps one (an API response with the item inside).
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        guard let json = sample.json, json.kind == .object, json.keys.isDisjoint(with: JSONFormat.ownKeys) else {
            return nil
        }
        let found = json.keys.intersection(properties)
        if found.count >= 2 {
            return SniffMatch(.certain, "it has ninjs properties (\(found.sorted().prefix(3).joined(separator: ", ")))")
        }
        if json.nestedKeys.intersection(properties).count >= 3 {
            return SniffMatch(.likely, "it holds an object with ninjs properties")
        }
        return nil
    }
}
