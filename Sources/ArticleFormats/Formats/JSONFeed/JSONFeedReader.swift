// copydesk — ArticleFormats / JSON Feed
// JSON Feed 1.0 and 1.1 in: one article per element of `items`, in order.

import ArticleModel

// MARK: - JSONFeedReader

/// Reads a JSON Feed (1.0 or 1.1) as a stream of articles, one per element of `items`:
/// `content_html` (else `content_text`, else `summary`) is the body, `summary` beside it the
/// highlights (a line each), `title`, `url`, `id`, `authors` (1.1) or `author` (1.0),
/// `date_published`, `date_modified`, `tags`, `image`, `language`; properties copydesk has no field
/// for are kept in `extensions.jsonfeed`. docs/FEEDS.md has the mapping.
package struct JSONFeedReader: ArticleReader {
    package init() {}

    package func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let (value, positions) = try JSONParser.parse(input, options: options)
        var reading = JSONFeedReading(positions: positions, file: input.file)
        guard case .object(let feed) = value else {
            throw FormatError(
                id: "jsonfeed.shape", message: "the top level is not a JSON object, so this is no JSON Feed",
                location: reading.location(""), file: input.file ?? "<stdin>",
                hint: "a JSON Feed is an object with version, title and items")
        }
        let channel = reading.channel(feed)
        guard case .array(let elements)? = feed["items"] else {
            throw FormatError(
                id: "jsonfeed.shape",
                message: feed["items"] == nil
                    ? "the feed has no items" : "the feed's items are not an array",
                location: reading.location(feed["items"] == nil ? "" : "items"), file: input.file ?? "<stdin>",
                hint: "a JSON Feed lists its articles in an items array")
        }
        var items: [FeedItem] = []
        for (index, element) in elements.enumerated() {
            let path = "items[\(index)]"
            guard case .object(let fields) = element else {
                reading.warn(
                    "jsonfeed.item",
                    "item \(index + 1) is \(element.kindDescription), not an object; it was "
                        + "skipped", at: path)
                continue
            }
            items.append(reading.item(fields, position: index + 1, path: path))
        }
        if items.isEmpty, !elements.isEmpty {
            throw FormatError(
                id: "jsonfeed.shape", message: "none of the \(elements.count) element(s) of items is an object",
                location: reading.location("items"), file: input.file ?? "<stdin>",
                hint: "each element of a JSON Feed's items is an object with a title and content_html or content_text")
        }
        return try FeedArticles.read(
            items, channel: channel, format: "jsonfeed", what: "the JSON Feed", unit: "item", file: input.file,
            diagnostics: reading.diagnostics)
    }
}

// MARK: - JSONFeedReading

/// The properties of a JSON Feed and its items, with the positions of their values for messages.
struct JSONFeedReading {
    let positions: [String: SourceLocation]
    let file: String?
    private(set) var diagnostics: [Diagnostic] = []

    init(positions: [String: SourceLocation], file: String?) {
        self.positions = positions
        self.file = file
    }

    /// Item properties the reader maps.
    static let read: Set<String> = [
        "id", "url", "external_url", "title", "content_html", "content_text", "summary", "image", "banner_image",
        "date_published", "date_modified", "author", "authors", "tags", "language", "attachments",
    ]

    func location(_ path: String) -> SourceLocation? { positions[path] }

    mutating func warn(_ id: String, _ message: String, at path: String) {
        diagnostics.append(
            Diagnostic(id: id, severity: .warning, message: message, location: location(path), file: file))
    }

    /// A string property; a number is read as its digits (JSON Feed 1.0 producers give numeric
    /// ids); anything else is a warning and no value.
    mutating func string(_ fields: [String: JSONValue], _ key: String, path: String) -> String? {
        switch fields[key] {
        case nil, .null?:
            return nil
        case .string(let value)?:
            let trimmed = value.trimmingWhitespace()
            return trimmed.isEmpty ? nil : value
        case .number(let number)?:
            return JSONValue.text(ofNumber: number)
        case let other?:
            warn(
                "jsonfeed.type", "\(key) is \(other.kindDescription), not a string; it was left out",
                at: JSONParser.path(path, key))
            return nil
        }
    }

    /// The names of `authors` (1.1) or `author` (1.0).
    mutating func authors(_ fields: [String: JSONValue], path: String) -> [String] {
        var objects: [(fields: [String: JSONValue], path: String)] = []
        if case .array(let list)? = fields["authors"] {
            for (index, value) in list.enumerated() {
                if case .object(let author) = value {
                    objects.append((author, JSONParser.path(path, "authors") + "[\(index)]"))
                }
            }
        }
        if objects.isEmpty, case .object(let author)? = fields["author"] {
            objects.append((author, JSONParser.path(path, "author")))
        }
        return objects.compactMap { string($0.fields, "name", path: $0.path)?.trimmingWhitespace() }
    }

    // MARK: Feed

    mutating func channel(_ feed: [String: JSONValue]) -> FeedChannel {
        var channel = FeedChannel()
        channel.title = string(feed, "title", path: "")?.foldingWhitespace().trimmingWhitespace()
        channel.language = string(feed, "language", path: "")
        channel.authors = authors(feed, path: "")
        return channel
    }

    // MARK: Items

    mutating func item(_ fields: [String: JSONValue], position: Int, path: String) -> FeedItem {
        var item = FeedItem(position: position, location: location(path))
        func text(_ key: String, _ kind: FeedText.Kind) -> FeedText? {
            guard let value = string(fields, key, path: path) else { return nil }
            return FeedText(value, kind: kind, location: location(JSONParser.path(path, key)), followsFileLines: false)
        }
        item.id = string(fields, "id", path: path)
        item.link = string(fields, "url", path: path) ?? string(fields, "external_url", path: path)
        item.title = text("title", .text)
        item.content = text("content_html", .html) ?? text("content_text", .text)
        item.summary = text("summary", .text)
        item.summaryLinesAreHighlights = true
        item.authors = authors(fields, path: path)
        for (key, provenance) in [("date_published", "date_published"), ("date_modified", "date_modified")] {
            guard let value = string(fields, key, path: path) else { continue }
            let date = ArticleDate(
                parsing: value, location: location(JSONParser.path(path, key)), provenance: provenance)
            if key == "date_published" { item.published = date } else { item.modified = date }
        }
        if case .array(let tags)? = fields["tags"] {
            for tag in tags { if case .string(let name) = tag { item.addCategory(name) } }
        } else if let tags = fields["tags"], tags != .null {
            warn(
                "jsonfeed.type", "tags is \(tags.kindDescription), not an array; it was left out",
                at: JSONParser.path(path, "tags"))
        }
        if let image = string(fields, "image", path: path) {
            item.addImage(Image(src: image, location: location(JSONParser.path(path, "image"))))
        }
        if case .array(let attachments)? = fields["attachments"] {
            for (index, attachment) in attachments.enumerated() {
                guard case .object(let object) = attachment else { continue }
                let here = JSONParser.path(path, "attachments") + "[\(index)]"
                guard let url = string(object, "url", path: here) else { continue }
                let type = string(object, "mime_type", path: here)
                let title = string(object, "title", path: here)
                if FeedModules.isImage(type: type, medium: nil, url: url) {
                    item.addImage(Image(src: url, caption: title, location: location(here)))
                } else {
                    item.addAlternative(type: type, href: url, text: title)
                }
            }
        }
        item.language = string(fields, "language", path: path)
        let others = fields.filter { !Self.read.contains($0.key) }
        if !others.isEmpty {
            item.extensions["jsonfeed"] = .object(others)
            item.diagnostics.append(
                Diagnostic(
                    id: "jsonfeed.kept", severity: .note,
                    message: "item \(position)'s properties \(others.keys.sorted().joined(separator: ", ")) are kept "
                        + "in extensions.jsonfeed", location: location(path), file: file))
        }
        return item
    }
}
