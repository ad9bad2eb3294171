// copydesk — ArticleFormats / JSON Feed
// JSON Feed 1.1 out: one feed holding every article, an item each.

import ArticleModel

// MARK: - JSONFeedWriter

/// Writes articles as one JSON Feed 1.1: an item per article with `id`, `url`, `title`,
/// `content_html` (the body, with copydesk's `data-*` quote markup), `summary` (the highlights, a
/// line each, else the subheadline), `date_published` and `date_modified` (RFC 3339), `authors`,
/// `tags` (the keywords), `image` (the first picture) and `language`. Keys are sorted; the output
/// ends with a newline. What JSON Feed cannot hold is reported as `conversion.dropped`.
package struct JSONFeedWriter: ArticleWriter {
    package init() {}

    /// A feed holds every article.
    package var holdsSeveralArticles: Bool { true }

    package func write(_ articles: [Article], options: WriterOptions) throws(FormatError) -> WriteResult {
        let format = "JSON Feed 1.1"
        var mapping = FeedWriting(format: format, holdsSection: false, holdsRights: false)
        let (head, entries) = try mapping.entries(for: articles, options: options)
        var feed: [String: JSONValue] = [
            "version": .string(JSONFeedFormat.version),
            "title": .string(head.title),
            "items": .array(entries.map { item($0, head: head) }),
        ]
        if let link = head.link { feed["home_page_url"] = .string(link) }
        if let id = head.id {
            if FeedWriting.isWebAddress(id) {
                feed["feed_url"] = .string(id)
            } else {
                mapping.note(
                    "conversion.dropped",
                    "JSON Feed names a feed by its address (feed_url): the id \(id.messageQuoted) is no web address "
                        + "and was left out", severity: .warning)
            }
        }
        if let language = head.language { feed["language"] = .string(language) }
        var bytes = JSONText.serialize(.object(feed), pretty: !options.compact)
        bytes.append(UInt8(ascii: "\n"))
        return WriteResult(bytes: bytes, diagnostics: mapping.diagnostics)
    }

    private func item(_ entry: FeedEntry, head: FeedHead) -> JSONValue {
        var item: [String: JSONValue] = [
            "id": .string(entry.id),
            "content_html": .string(entry.html),
        ]
        if let title = entry.title { item["title"] = .string(title) }
        if let link = entry.link { item["url"] = .string(link) }
        if let summary = entry.summary { item["summary"] = .string(summary.plainText) }
        if let published = entry.published { item["date_published"] = .string(FeedWriting.rfc3339(published)) }
        if let modified = entry.modified { item["date_modified"] = .string(FeedWriting.rfc3339(modified)) }
        if !entry.authors.isEmpty {
            item["authors"] = .array(entry.authors.map { .object(["name": .string($0)]) })
        }
        if !entry.keywords.isEmpty { item["tags"] = .array(entry.keywords.map { .string($0) }) }
        if let image = entry.image { item["image"] = .string(image.src) }
        if let language = entry.language, language != head.language { item["language"] = .string(language) }
        return .object(item)
    }
}
