// copydesk — ArticleFormats / NewsML-G2 writer
// The article as an IPTC NewsML-G2 2.35 newsItem with an XHTML body.

import ArticleModel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - NewsMLG2

/// Names shared by the NewsML-G2 writer and reader.
enum NewsMLG2 {
    static let namespace = "http://iptc.org/std/nar/2006-10-01/"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    /// copydesk's attributes on body elements, carrying quote speakers and list speakers.
    static let copydesk = "https://copydesk.dev/ns/newsml/1"
    static let catalog = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
    static let subheadlineRole = "hdlr:subheadline"
    static let summaryRole = "drol:summary"
}

// MARK: - NewsMLG2Writer

/// Writes a NewsML-G2 2.35 `newsItem` (Power conformance) that validates against IPTC's schema:
/// item metadata, content metadata (headlines, `by` and `creator` for bylines, dateline, located,
/// language, keywords, highlights as summary descriptions) and the body as XHTML in
/// `contentSet/inlineXML` (`BodyHTML`), with quotes marked up where they stand (`<q>`,
/// `<blockquote>`) and their ids, speakers, cues and how speakers were found carried in copydesk's
/// attributes (`cd:`), so the reader gets them back. Text is escaped and characters XML forbids
/// are replaced; what NewsML-G2 cannot hold is reported as a warning.
package struct NewsMLG2Writer: ArticleWriter {
    package init() {}

    package var holdsSeveralArticles: Bool { false }

    package func write(_ articles: [Article], options: WriterOptions) throws(FormatError) -> WriteResult {
        try WriterDates.check(articles[0], format: "NewsML-G2")
        var writer = Composer(article: articles[0])
        writer.compose()
        return WriteResult(bytes: Array(writer.xml.text.utf8), diagnostics: writer.diagnostics)
    }
}

// MARK: - Composition

private struct Composer {
    let article: Article
    var xml = XMLBuilder()
    var diagnostics: [Diagnostic] = []
    /// Metadata values whose tabs or line breaks became spaces.
    var normalizedCount = 0

    init(article: Article) {
        self.article = article
    }

    mutating func compose() {
        let language = article.language
        xml.start(
            "newsItem",
            [
                ("xmlns", NewsMLG2.namespace), ("guid", guid), ("version", "1"), ("standard", "NewsML-G2"),
                ("standardversion", "2.35"), ("conformance", "power"), ("xml:lang", language),
            ])
        xml.empty("catalogRef", [("href", NewsMLG2.catalog)])
        itemMeta()
        contentMeta()
        contentSet()
        xml.close()
        if xml.replaced > 0 { diagnostics.append(.replaced(xml.replaced, format: "NewsML-G2")) }
        if normalizedCount > 0 {
            diagnostics.append(
                Diagnostic(
                    id: "conversion.changed", severity: .note,
                    message: "\(normalizedCount) metadata value(s) had tabs or line breaks, written as spaces"))
        }
        if !article.extensions.isEmpty {
            diagnostics.append(
                .dropped(
                    "the extensions (\(article.extensions.keys.sorted().joined(separator: ", ")))", format: "NewsML-G2")
            )
        }
    }

    /// NewsML-G2's `g2normalizedString` allows no white space but spaces: tabs and line breaks in
    /// names, keywords and literals become spaces (counted, and reported once).
    mutating func normalized(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        normalizedCount += 1
        return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }

    /// A GUID from the article's content, so the same article always gets the same one.
    var guid: String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        let material = [
            article.headline ?? "", article.published?.text ?? "",
            article.body.map(\.plainText).joined(separator: "\n"),
        ]
        for byte in material.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "urn:newsml:copydesk.dev:" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    // MARK: itemMeta

    mutating func itemMeta() {
        xml.start("itemMeta")
        xml.empty("itemClass", [("qcode", "ninat:text")])
        xml.empty("provider", [("literal", normalized(article.source?.publisher ?? "copydesk"))])
        let created = article.published.flatMap { dateTime($0, field: "firstCreated") }
        let version = article.modified.flatMap { dateTime($0, field: "versionCreated") } ?? created
        if let version {
            xml.element("versionCreated", text: version)
        } else {
            diagnostics.append(
                Diagnostic(
                    id: "conversion.assumed", severity: .warning,
                    message:
                        "the article has no date; versionCreated is the Unix epoch (1970-01-01T00:00:00Z), a placeholder"
                ))
            xml.element("versionCreated", text: "1970-01-01T00:00:00Z")
        }
        if let created { xml.element("firstCreated", text: created) }
        xml.empty("pubStatus", [("qcode", "stat:usable")])
        if let url = article.source?.url, !url.isEmpty {
            if URLSafety.scheme(of: url) != nil {
                xml.empty("link", [("rel", "irel:seeAlso"), ("href", URLSafety.percentEncoded(url))])
            } else {
                diagnostics.append(
                    .dropped("the source URL '\(url.prefix(40))' (not an absolute URL)", format: "NewsML-G2"))
            }
        }
        xml.close()
    }

    /// An xs:dateTime with an offset: a date alone is midnight UTC, a time without a zone is read as
    /// UTC; both say so in a warning. `nil` (with a warning) when the date could not be read.
    mutating func dateTime(_ date: ArticleDate, field: String) -> String? {
        guard let value = date.value else {
            diagnostics.append(.dropped("the unreadable date '\(date.text)' in \(field)", format: "NewsML-G2"))
            return nil
        }
        var instant = value
        if value.precision != .instant {
            instant = DateTimeValue(
                year: value.year, month: value.month ?? 1, day: value.day ?? 1, hour: 0, minute: 0, second: 0,
                utcOffsetMinutes: 0)
            diagnostics.append(
                Diagnostic(
                    id: "conversion.assumed", severity: .note,
                    message: "\(field) needs a time: '\(date.text)' is written as \(instant.iso8601)"))
        } else if value.utcOffsetMinutes == nil {
            instant.utcOffsetMinutes = 0
            diagnostics.append(
                Diagnostic(
                    id: "conversion.assumed", severity: .warning,
                    message: "\(field) needs a time zone: '\(date.text)' is written as UTC (\(instant.iso8601))"))
        }
        return instant.iso8601
    }

    // MARK: contentMeta

    mutating func contentMeta() {
        xml.start("contentMeta")
        if let published = article.published?.value { xml.element("contentCreated", text: published.iso8601) }
        if let modified = article.modified?.value { xml.element("contentModified", text: modified.iso8601) }
        if let place = article.dateline?.place {
            xml.start("located")
            xml.element("name", text: normalized(place))
            xml.close()
        }
        let bylines = article.bylines.filter { !$0.name.trimmingWhitespace().isEmpty }
        if bylines.count < article.bylines.count {
            diagnostics.append(
                .dropped("\(article.bylines.count - bylines.count) byline(s) with no name", format: "NewsML-G2"))
        }
        for byline in bylines {
            let name = normalized(byline.name)
            xml.start(
                "creator",
                [("literal", name), ("type", byline.kind == .person ? "cpnat:person" : "cpnat:organisation")])
            xml.element("name", text: name)
            xml.close()
        }
        if let language = article.language { xml.empty("language", [("tag", normalized(language))]) }
        for keyword in article.keywords { xml.element("keyword", text: normalized(keyword)) }
        if let section = article.section {
            let name = normalized(section)
            xml.start("subject", [("literal", name), ("type", "cpnat:abstract")])
            xml.element("name", text: name)
            xml.close()
        }
        if let headline = article.headline { xml.element("headline", text: headline) }
        if let subheadline = article.subheadline {
            xml.element("headline", [("role", NewsMLG2.subheadlineRole)], text: subheadline)
        }
        if let dateline = article.dateline { xml.element("dateline", text: dateline.raw) }
        for byline in bylines {
            var printed = byline.name
            if let role = byline.role { printed += ", " + role }
            if let affiliation = byline.affiliation { printed += " | " + affiliation }
            xml.element("by", text: printed)
        }
        for highlight in article.highlights {
            xml.element("description", [("role", NewsMLG2.summaryRole)], text: highlight)
        }
        xml.close()
    }

    // MARK: contentSet

    mutating func contentSet() {
        xml.start("contentSet")
        xml.start("inlineXML", [("contenttype", "application/xhtml+xml")])
        xml.start("html", [("xmlns", NewsMLG2.xhtml), ("xmlns:cd", NewsMLG2.copydesk)])
        xml.start("head")
        xml.element("title", text: article.headline ?? "")
        xml.close()
        xml.start("body")
        var html = BodyHTML(
            options: BodyHTML.Options(
                format: "NewsML-G2", vocabulary: .namespaced("cd"), minimumHeadingLevel: 2))
        for line in html.render(article) { xml.raw(line) }
        diagnostics += html.diagnostics
        xml.close()
        xml.close()
        xml.close()
        xml.close()
    }
}
