// copydesk — ArticleFormats / Atom
// Atom 1.0 out: one feed holding every article, an entry each.

import ArticleModel

// MARK: - AtomWriter

/// Writes articles as one Atom 1.0 feed (RFC 4287): an `entry` per article with `title`, `link
/// rel=alternate`, `id`, `published` and `updated` (RFC 3339), an `author` per byline, `category`
/// (the section with copydesk's scheme), the summary (text, or HTML for several highlights), the
/// body as `content type="html"` (with copydesk's `data-*` quote markup) and the first picture as
/// an enclosure link. The feed's `author` stands for entries without one. What Atom cannot hold is
/// reported as `conversion.dropped`.
package struct AtomWriter: ArticleWriter {
    package init() {}

    /// A feed holds every article.
    package var holdsSeveralArticles: Bool { true }

    package func write(_ articles: [Article], options: WriterOptions) throws(FormatError) -> WriteResult {
        let format = "Atom 1.0"
        var mapping = FeedWriting(format: format, holdsSection: true, idsAreIRIs: true)
        let (head, entries) = try mapping.entries(for: articles, options: options)
        if let id = head.id, !URLSafety.isAbsoluteURI(id) {
            throw FormatError(
                id: "atom.id", message: "the feed id \(id.messageQuoted) is not an absolute IRI, which Atom requires",
                hint: "give --feed-id a URL or a URN (urn:uuid:…, tag:example.org,2025:feed)")
        }
        let updated = entries.map { $0.modified ?? $0.published }
        var xml = XMLBuilder()
        xml.start("feed", [("xmlns", FeedNamespace.atom), ("xml:lang", head.language)])
        xml.element("title", [("type", "text")], text: head.title)
        if let link = head.link { xml.empty("link", [("rel", "alternate"), ("href", link)]) }
        if let id = head.id, FeedWriting.isWebAddress(id) {
            xml.empty("link", [("rel", "self"), ("href", id)])
        }
        xml.element(
            "id",
            text: head.id ?? head.link.flatMap { URLSafety.isAbsoluteURI($0) ? $0 : nil }
                ?? FeedWriting.derivedFeedID(entries))
        xml.element("updated", text: FeedWriting.latest(updated).map(FeedWriting.rfc3339) ?? Self.epoch)
        // A feed without an author needs every entry to have one.
        if entries.contains(where: \.authors.isEmpty) {
            xml.start("author")
            xml.element("name", text: head.title)
            xml.close()
        }
        xml.element("generator", text: "copydesk")
        for (index, entry) in entries.enumerated() {
            if updated[index] == nil {
                mapping.note(
                    "conversion.assumed",
                    "article \(index + 1) has no date; its entry's updated is the Unix epoch (\(Self.epoch)), a "
                        + "placeholder that copydesk reads back as no date", severity: .warning)
            }
            self.entry(entry, updated: updated[index], head: head, into: &xml)
        }
        xml.close()
        mapping.reportReplaced(xml.replaced)
        return WriteResult(bytes: Array(xml.text.utf8), diagnostics: mapping.diagnostics)
    }

    /// What an entry without a date says it was updated: Atom requires a date.
    static let epoch = "1970-01-01T00:00:00Z"

    private func entry(_ entry: FeedEntry, updated: DateTimeValue?, head: FeedHead, into xml: inout XMLBuilder) {
        xml.start("entry", [("xml:lang", entry.language == head.language ? nil : entry.language)])
        xml.element("title", [("type", "text")], text: entry.title ?? "")
        if let link = entry.link { xml.empty("link", [("rel", "alternate"), ("href", link)]) }
        xml.element("id", text: entry.id)
        if let published = entry.published { xml.element("published", text: FeedWriting.rfc3339(published)) }
        xml.element("updated", text: updated.map(FeedWriting.rfc3339) ?? Self.epoch)
        for author in entry.authors {
            xml.start("author")
            xml.element("name", text: author)
            xml.close()
        }
        if let section = entry.section {
            xml.empty("category", [("term", section), ("scheme", FeedHead.sectionScheme)])
        }
        for keyword in entry.keywords { xml.empty("category", [("term", keyword)]) }
        switch entry.summary {
        case .text(let text)?: xml.element("summary", [("type", "text")], text: text)
        case .list?: xml.element("summary", [("type", "html")], text: entry.summary!.html)
        case nil: break
        }
        if let copyright = entry.copyright { xml.element("rights", [("type", "text")], text: copyright) }
        xml.element("content", [("type", "html")], text: entry.html)
        if let image = entry.image {
            xml.empty("link", [("rel", "enclosure"), ("href", image.src), ("title", image.caption)])
        }
        xml.close()
    }
}
