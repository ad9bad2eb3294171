// copydesk — ArticleFormats / NewsML-G2
// IPTC NewsML-G2: what it can do and how its content is recognised.

import ArticleModel

extension FormatDescriptor {
    /// IPTC NewsML-G2: news items and news messages in; a newsItem with an XHTML body out.
    static let newsml = FormatDescriptor(
        name: "newsml", title: "IPTC NewsML-G2",
        summary: "IPTC NewsML-G2 newsItems and newsMessages (read as their items); writes a 2.35 newsItem",
        extensions: ["xml"], mediaType: "application/vnd.iptc.g2.newsitem+xml",
        capabilities: FormatCapabilities(
            holdsComments: true, articles: .many,
            carries: [
                .headline, .subheadline, .highlights, .bylines, .bylineDetails, .dateline, .published, .modified,
                .language, .section, .keywords, .source, .body, .images, .quotes, .speakers, .listLabels,
            ]),
        sniffer: NewsMLG2Format.sniff,
        schema: XMLSchemaInfo(
            name: "NewsML-G2", title: "IPTC's NewsML-G2 2.35", fileName: "NewsML-G2_2.35-spec-All-Power.xsd",
            companions: ["xml.xsd"], environmentVariable: "COPYDESK_NEWSML_XSD", installFolder: "newsml-g2",
            installVariable: "NEWSML_XSD_DIR",
            source:
                "https://iptc.org/standards/newsml-g2/ or the specification/ folder of https://github.com/iptc/newsml-g2"
        ),
        reader: NewsMLG2Reader(), writer: NewsMLG2Writer())
}

/// Recognising NewsML-G2.
enum NewsMLG2Format {
    /// The root elements of NewsML-G2 documents.
    static let roots: Set<String> = [
        "newsItem", "newsMessage", "packageItem", "conceptItem", "conceptSet", "knowledgeItem", "planningItem",
        "catalogItem",
    ]

    /// Certain for a NewsML-G2 root element in IPTC's namespace, and for NewsML 1's `<NewsML>`
    /// (which the reader then refuses with a message that says so).
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        guard let root = sample.markup else { return nil }
        if roots.contains(root.name), root.namespace == NewsMLG2.namespace {
            return SniffMatch(.certain, "its root element is <\(root.name)> in the NewsML-G2 namespace")
        }
        if root.name == "NewsML" { return SniffMatch(.certain, "its root element is NewsML 1's <NewsML>") }
        return nil
    }
}
