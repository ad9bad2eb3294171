// copydesk — ArticleFormats / RSS
// RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and WordPress exports in: one article per item, in order.

import ArticleModel

// MARK: - RSSReader

/// Reads an RSS feed as a stream of articles, one per `item`: RSS 2.0 and 0.9x (items inside
/// `channel`), RSS 1.0 (items beside it, in the RSS 1.0 namespace) and WordPress's WXR exports (an
/// RSS 2.0 with the `wp:` namespace: posts only). Item HTML goes through the HTML reader's body
/// builder; docs/FEEDS.md has the mapping.
package struct RSSReader: ArticleReader {
    package init() {}

    package func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let root = try XMLTree.parse(input, options: options)
        let file = input.file
        guard root.name == "rss" || root.name == "RDF" || root.name == "rdf" else {
            throw FormatError(
                id: "rss.root", message: "the root element is <\(root.name)>, not <rss> or RSS 1.0's <rdf:RDF>",
                location: root.location(in: file), file: file ?? "<stdin>",
                hint: "an RSS feed starts with <rss> (an Atom feed with <feed>); name the format with --from")
        }
        let channel = root.first("channel") { RSSFormat.isCore($0.namespace) }
        let elements = (root.name == "rss" ? channel?.elements("item") : root.elements("item")) ?? []
        let items = elements.filter { RSSFormat.isCore($0.namespace) }
        var feed = channel.map { Self.channel($0) } ?? FeedChannel()
        if let wordPress = WordPressExport(root: root, channel: channel, file: file) {
            feed.copyright = nil
            var diagnostics: [Diagnostic] = []
            let posts = wordPress.posts(items, diagnostics: &diagnostics)
            guard !posts.isEmpty else {
                throw FormatError(
                    id: "wxr.no-posts",
                    message: "the WordPress export holds no posts (\(wordPress.described(items)))",
                    file: file ?? "<stdin>",
                    hint: "copydesk reads a WordPress export's posts; pages, attachments and menus are not articles")
            }
            let read = posts.map { Self.item($0.element, position: $0.position, file: file, wordPress: wordPress) }
            return try FeedArticles.read(
                read, channel: feed, format: "rss", what: "the WordPress export", unit: "item", file: file,
                diagnostics: diagnostics)
        }
        let read = items.enumerated().map { Self.item($1, position: $0 + 1, file: file, wordPress: nil) }
        return try FeedArticles.read(
            read, channel: feed, format: "rss", what: "the RSS feed", unit: "item", file: file,
            diagnostics: Self.unread(items, file: file))
    }

    // MARK: Channel

    static func channel(_ channel: XMLElement) -> FeedChannel {
        var feed = FeedChannel()
        feed.title = channel.first("title") { RSSFormat.isCore($0.namespace) }.flatMap(\.trimmedText).map(
            FeedArticles.plainText(ofHTML:))
        feed.language =
            (channel.first("language") { RSSFormat.isCore($0.namespace) }
            ?? channel.first("language", namespace: FeedNamespace.dublinCore))?.trimmedText
        feed.copyright =
            (channel.first("copyright") { RSSFormat.isCore($0.namespace) }
            ?? channel.first("rights", namespace: FeedNamespace.dublinCore))?.trimmedText
        return feed
    }

    // MARK: Items

    /// One item's parts.
    static func item(_ element: XMLElement, position: Int, file: String?, wordPress: WordPressExport?) -> FeedItem {
        var item = FeedItem(position: position, location: element.location(in: file))
        func core(_ name: String) -> XMLElement? { element.first(name) { RSSFormat.isCore($0.namespace) } }
        func cores(_ name: String) -> [XMLElement] { element.elements(name).filter { RSSFormat.isCore($0.namespace) } }
        if let title = core("title"), let text = title.trimmedText {
            // RSS titles are text, which feeds often fill with escaped HTML (`&amp;amp;`, `<b>`).
            item.title = FeedText(text, kind: .html, location: title.location(in: file))
        }
        item.link = core("link")?.trimmedText
        if let guid = core("guid"), let id = guid.trimmedText {
            item.id = id
            let permalink = guid.attribute("isPermaLink")?.lowercased() != "false"
            if item.link == nil, permalink, URLSafety.isAbsoluteURI(id) { item.link = id }
        }
        if item.id == nil, let about = element.attributes.first(where: { $0.key.hasSuffix("}about") })?.value {
            item.id = about  // RSS 1.0 names each item by its rdf:about.
        }
        let description = core("description").flatMap { element -> FeedText? in
            let text = FeedText(element.text, kind: .html, location: element.location(in: file))
            return text.isBlank ? nil : text
        }
        if let content = FeedModules.encodedContent(of: element, file: file) {
            var body = content
            if let wordPress { body = wordPress.html(content, for: &item) }
            item.content = body
            item.summary = description
        } else {
            item.content = description
        }
        // Authors: Dublin Core creators, else RSS's `author` (an e-mail address and the name in
        // parentheses); an address alone names nobody.
        item.authors = FeedModules.creators(of: element)
        if item.authors.isEmpty {
            item.authors = cores("author").compactMap { $0.trimmedText.flatMap(Self.name(fromAuthor:)) }
        }
        item.published = FeedModules.date(core("pubDate"), provenance: "pubDate", file: file)
        let dcDate = FeedModules.date(
            element.first("date", namespace: FeedNamespace.dublinCore), provenance: "dc:date", file: file)
        if item.published?.value == nil, let dcDate { item.published = dcDate }
        item.modified =
            FeedModules.date(element.first("updated", namespace: FeedNamespace.atom), provenance: "updated", file: file)
            ?? FeedModules.date(
                element.first("modified", namespace: FeedNamespace.dublinCoreTerms), provenance: "dcterms:modified",
                file: file)
        for category in cores("category") where wordPress == nil {
            guard let name = category.trimmedText else { continue }
            item.addCategory(
                FeedArticles.plainText(ofHTML: name),
                isSection: FeedModules.namesSection(category.attribute("domain")))
        }
        for subject in element.elements("subject", namespace: FeedNamespace.dublinCore) {
            if let name = subject.trimmedText { item.addCategory(name) }
        }
        for enclosure in cores("enclosure") {
            guard let url = enclosure.attribute("url"), !url.isEmpty else { continue }
            if FeedModules.isImage(type: enclosure.attribute("type"), medium: nil, url: url) {
                item.addImage(Image(src: url, location: enclosure.location(in: file)))
            } else {
                item.addAlternative(type: enclosure.attribute("type"), href: url)
            }
        }
        FeedModules.media(of: element, into: &item, file: file)
        // The channel an aggregated item came from: its credit.
        item.credit = core("source")?.trimmedText
        item.language = element.first("language", namespace: FeedNamespace.dublinCore)?.trimmedText
        item.copyright = element.first("rights", namespace: FeedNamespace.dublinCore)?.trimmedText
        wordPress?.complete(&item, from: element)
        return item
    }

    /// The name in RSS's `author` (`jane@example.org (Jane Doe)`, `Jane Doe`), or `nil` for an address alone.
    static func name(fromAuthor text: String) -> String? {
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            let inside = String(text[text.index(after: open)..<close]).trimmingWhitespace()
            return inside.isEmpty ? nil : inside
        }
        return text.contains("@") ? nil : text
    }

    /// A note naming the item elements copydesk does not read (other modules' metadata).
    static func unread(_ items: [XMLElement], file: String?) -> [Diagnostic] {
        var names: [String] = []
        var seen: Set<String> = []
        for item in items {
            for child in item.elements() where !RSSFormat.read(child) {
                let name = (child.namespace.map { RSSFormat.prefix(for: $0) + ":" } ?? "") + child.name
                if seen.insert(name).inserted { names.append(name) }
            }
        }
        guard !names.isEmpty else { return [] }
        return [
            Diagnostic(
                id: "feed.unread", severity: .note,
                message: "item elements copydesk does not read were left out: "
                    + names.prefix(12).joined(separator: ", ") + (names.count > 12 ? ", …" : ""), file: file)
        ]
    }
}
