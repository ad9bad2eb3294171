// copydesk — ArticleFormats / Atom
// Atom 1.0 feeds in: one article per entry, in order (a lone entry document too).

import ArticleModel

// MARK: - AtomReader

/// Reads an Atom 1.0 feed as a stream of articles, one per `entry` (RFC 4287): `content` of type
/// text, html or xhtml (the body; else the `summary`), `summary`, `author`, `published` and
/// `updated`, `link rel=alternate`, `id`, `category`, `rights`, `xml:lang`, and Media RSS pictures.
/// An entry without an author of its own takes the feed's as a credit. docs/FEEDS.md has the mapping.
package struct AtomReader: ArticleReader {
    package init() {}

    package func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let root = try XMLTree.parse(input, options: options)
        let file = input.file
        guard root.namespace == FeedNamespace.atom, root.name == "feed" || root.name == "entry" else {
            throw FormatError(
                id: "atom.root",
                message: "the root element is <\(root.name)>\(root.namespace.map { " in \($0)" } ?? ""), not an "
                    + "Atom <feed> or <entry>",
                location: root.location(in: file), file: file ?? "<stdin>",
                hint: "an Atom feed is <feed xmlns=\"\(FeedNamespace.atom)\">; name the format with --from")
        }
        var channel = FeedChannel()
        let entries: [XMLElement]
        if root.name == "feed" {
            channel = Self.channel(root, file: file)
            entries = root.elements("entry", namespace: FeedNamespace.atom)
        } else {
            channel.language = root.language
            entries = [root]
        }
        let items = entries.enumerated().map { index, entry in Self.item(entry, position: index + 1, file: file) }
        return try FeedArticles.read(
            items, channel: channel, format: "atom", what: "the Atom feed", unit: "entry", file: file)
    }

    // MARK: Feed

    static func channel(_ feed: XMLElement, file: String?) -> FeedChannel {
        var channel = FeedChannel()
        channel.title = text(feed.first("title", namespace: FeedNamespace.atom), file: file).map(FeedArticles.plainText)
        channel.language = feed.language
        channel.authors = authors(of: feed)
        channel.copyright = text(feed.first("rights", namespace: FeedNamespace.atom), file: file).map(
            FeedArticles.plainText)
        return channel
    }

    // MARK: Entries

    /// One entry's parts.
    static func item(_ entry: XMLElement, position: Int, file: String?) -> FeedItem {
        var item = FeedItem(position: position, location: entry.location(in: file))
        func atom(_ name: String) -> XMLElement? { entry.first(name, namespace: FeedNamespace.atom) }
        item.title = text(atom("title"), file: file)
        item.link = alternateLink(of: entry)
        item.id = atom("id")?.trimmedText
        item.summary = text(atom("summary"), file: file)
        if let content = atom("content") {
            if let source = content.attribute("src") {
                // Content elsewhere is never fetched: the summary stands for it.
                item.addAlternative(type: content.attribute("type"), href: source)
                item.diagnostics.append(
                    Diagnostic(
                        id: "atom.content-src", severity: .note,
                        message: "entry \(position)'s content is at \(source), which copydesk does not fetch; "
                            + "its summary stands for the text", location: content.location(in: file), file: file))
            } else if let type = content.attribute("type")?.lowercased(), !isTextual(type) {
                item.addAlternative(type: type, href: "", text: content.trimmedText)
                item.diagnostics.append(
                    Diagnostic(
                        id: "atom.content-type", severity: .warning,
                        message: "entry \(position)'s content is \(type), which is not text; it is kept in "
                            + "extensions.alternatives", location: content.location(in: file), file: file))
            } else {
                item.content = text(content, file: file)
            }
        }
        item.authors = authors(of: entry)
        if item.authors.isEmpty, let source = atom("source") { item.authors = authors(of: source) }
        if item.authors.isEmpty { item.authors = FeedModules.creators(of: entry) }
        item.published = FeedModules.date(atom("published"), provenance: "published", file: file)
        let updated = FeedModules.date(atom("updated"), provenance: "updated", file: file)
        // copydesk writes the Unix epoch when an entry has no date (Atom requires one): it is none.
        if let updated, updated.value?.iso8601 != "1970-01-01T00:00:00Z" { item.modified = updated }
        if item.published == nil {
            item.published = FeedModules.date(
                entry.first("date", namespace: FeedNamespace.dublinCore), provenance: "dc:date", file: file)
        }
        for category in entry.elements("category", namespace: FeedNamespace.atom) {
            guard let name = category.attribute("label") ?? category.attribute("term") else { continue }
            item.addCategory(name, isSection: FeedModules.namesSection(category.attribute("scheme")))
        }
        for link in entry.elements("link", namespace: FeedNamespace.atom) where link.attribute("rel") == "enclosure" {
            guard let href = link.attribute("href"), !href.isEmpty else { continue }
            if FeedModules.isImage(type: link.attribute("type"), medium: nil, url: href) {
                item.addImage(Image(src: href, caption: link.attribute("title"), location: link.location(in: file)))
            } else {
                item.addAlternative(type: link.attribute("type"), href: href, text: link.attribute("title"))
            }
        }
        FeedModules.media(of: entry, into: &item, file: file)
        item.language = entry.language
        item.copyright = text(atom("rights"), file: file).map(FeedArticles.plainText)
        return item
    }

    /// An Atom text construct: `type` text (the default), html or xhtml (the `div`'s content).
    static func text(_ element: XMLElement?, file: String?) -> FeedText? {
        guard let element else { return nil }
        let location = element.location(in: file)
        let value: FeedText
        switch element.attribute("type")?.lowercased() ?? "text" {
        case "html", "text/html":
            value = FeedText(element.text, kind: .html, location: location)
        case "xhtml", "application/xhtml+xml":
            let div = element.elements().first { $0.name == "div" }
            value = FeedText(div?.innerMarkup ?? element.innerMarkup, kind: .html, location: location)
        default:
            value = FeedText(element.text, kind: .text, location: location)
        }
        return value.isBlank ? nil : value
    }

    /// Whether a content type is read as text (text, html, xhtml, or a `text/…` media type).
    static func isTextual(_ type: String) -> Bool {
        ["text", "html", "xhtml", "application/xhtml+xml"].contains(type) || type.hasPrefix("text/")
    }

    /// The `link` with `rel` alternate (or none): the page the entry stands for.
    static func alternateLink(of element: XMLElement) -> String? {
        let links = element.elements("link", namespace: FeedNamespace.atom)
        let alternate = links.first { ($0.attribute("rel") ?? "alternate") == "alternate" }
        return alternate?.attribute("href").flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The names of an element's `author`s.
    static func authors(of element: XMLElement) -> [String] {
        element.elements("author", namespace: FeedNamespace.atom).compactMap {
            $0.first("name", namespace: FeedNamespace.atom)?.trimmedText
        }
    }
}
