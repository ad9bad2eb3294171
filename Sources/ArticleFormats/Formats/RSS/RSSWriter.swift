// copydesk — ArticleFormats / RSS
// RSS 2.0 out: one feed holding every article, an item each.

import ArticleModel

// MARK: - RSSWriter

/// Writes articles as one RSS 2.0 feed: an `item` per article with `title`, `link`, `guid`,
/// `pubDate` (RFC 822), `dc:creator` per author, `category` (the section with copydesk's domain),
/// the summary as `description`, the body as HTML in `content:encoded` (with copydesk's `data-*`
/// quote markup), the modification date as `atom:updated` and the first picture as
/// `media:content`. What RSS cannot hold is reported as `conversion.dropped`.
package struct RSSWriter: ArticleWriter {
    package init() {}

    /// A feed holds every article.
    package var holdsSeveralArticles: Bool { true }

    package func write(_ articles: [Article], options: WriterOptions) throws(FormatError) -> WriteResult {
        let format = "RSS 2.0"
        var mapping = FeedWriting(format: format, holdsSection: true)
        let (head, entries) = try mapping.entries(for: articles, options: options)
        var xml = XMLBuilder()
        xml.start(
            "rss",
            [
                ("version", "2.0"), ("xmlns:content", FeedNamespace.content), ("xmlns:dc", FeedNamespace.dublinCore),
                ("xmlns:atom", FeedNamespace.atom), ("xmlns:media", "http://search.yahoo.com/mrss/"),
            ])
        xml.start("channel")
        xml.element("title", text: head.title)
        if let link = head.link {
            xml.element("link", text: link)
        } else {
            mapping.note(
                "feed.link",
                "an RSS channel needs a link and no article has a web address: give the feed's page with --feed-link",
                severity: .warning)
        }
        xml.element("description", text: head.title)
        if let language = head.language { xml.element("language", text: language) }
        xml.element("generator", text: "copydesk")
        if let latest = FeedWriting.latest(entries.flatMap { [$0.published, $0.modified] }) {
            xml.element("lastBuildDate", text: FeedWriting.rfc822(latest))
        }
        if let id = head.id, FeedWriting.isWebAddress(id) {
            xml.empty("atom:link", [("href", id), ("rel", "self"), ("type", "application/rss+xml")])
        }
        for entry in entries { item(entry, head: head, into: &xml, mapping: &mapping) }
        xml.close()
        xml.close()
        mapping.reportReplaced(xml.replaced)
        return WriteResult(bytes: Array(xml.text.utf8), diagnostics: mapping.diagnostics)
    }

    private func item(_ entry: FeedEntry, head: FeedHead, into xml: inout XMLBuilder, mapping: inout FeedWriting) {
        xml.start("item")
        if let title = entry.title { xml.element("title", text: FeedWriting.textForHTMLField(title)) }
        if let link = entry.link { xml.element("link", text: link) }
        switch entry.summary {
        case .text(let text)?: xml.element("description", text: FeedWriting.textForHTMLField(text))
        case .list?: xml.element("description", text: entry.summary!.html)
        case nil:
            // An item needs a title or a description: the body stands for a missing title.
            if entry.title == nil { xml.element("description", text: entry.html) }
        }
        if !entry.html.isEmpty { xml.element("content:encoded", text: entry.html) }
        for author in entry.authors { xml.element("dc:creator", text: author) }
        if let section = entry.section {
            xml.element("category", [("domain", FeedHead.sectionScheme)], text: FeedWriting.textForHTMLField(section))
        }
        for keyword in entry.keywords { xml.element("category", text: FeedWriting.textForHTMLField(keyword)) }
        xml.element("guid", [("isPermaLink", entry.id == entry.link ? "true" : "false")], text: entry.id)
        if let published = entry.published {
            xml.element("pubDate", text: FeedWriting.rfc822(published))
            if published.fraction != nil {
                mapping.note(
                    "conversion.changed",
                    "RSS dates have whole seconds: \(published.iso8601) is written as \(FeedWriting.rfc822(published))")
            }
        }
        if let modified = entry.modified { xml.element("atom:updated", text: FeedWriting.rfc3339(modified)) }
        if let language = entry.language, language != head.language { xml.element("dc:language", text: language) }
        if let copyright = entry.copyright { xml.element("dc:rights", text: copyright) }
        if let image = entry.image {
            xml.start("media:content", [("url", image.src), ("medium", "image")])
            if let caption = image.caption { xml.element("media:description", text: caption) }
            if let credit = image.credit { xml.element("media:credit", text: credit) }
            xml.close()
        }
        xml.close()
    }
}
