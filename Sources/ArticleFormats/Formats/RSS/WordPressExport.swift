// copydesk — ArticleFormats / RSS
// WordPress eXtended RSS (WXR) exports: posts only, with their status, authors' display names,
// categories and tags, and post content as WordPress stores it (paragraphs at blank lines, shortcodes).

import ArticleModel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - WordPressExport

/// What a WordPress export adds to RSS: the `wp:` elements of its items and channel.
struct WordPressExport {
    /// The export's namespace (`http://wordpress.org/export/1.2/`).
    let namespace: String
    /// Display names by login, from the channel's `wp:author` list.
    let authors: [String: String]
    /// Attachments by post id: their URL, caption and alternative text.
    let attachments: [String: Image]
    let file: String?

    /// The export a feed is, or `nil` when it is no WordPress export: its channel or items hold
    /// elements in a namespace `http://wordpress.org/export/…` (the prefix `wp:` alone says
    /// nothing: other feeds use it for their own namespaces).
    init?(root: XMLElement, channel: XMLElement?, file: String?) {
        let candidates = (channel?.elements() ?? []) + (channel?.elements("item").flatMap { $0.elements() } ?? [])
        guard
            let namespace = candidates.lazy.compactMap(\.namespace).first(where: {
                $0.hasPrefix("http://wordpress.org/export/") && !$0.hasSuffix("/excerpt/")
            })
        else { return nil }
        self.namespace = namespace
        self.file = file
        var authors: [String: String] = [:]
        for author in channel?.elements("author", namespace: namespace) ?? [] {
            guard let login = author.first("author_login", namespace: namespace)?.trimmedText else { continue }
            let first = author.first("author_first_name", namespace: namespace)?.trimmedText
            let last = author.first("author_last_name", namespace: namespace)?.trimmedText
            let full = [first, last].compactMap { $0 }.joined(separator: " ")
            authors[login] =
                author.first("author_display_name", namespace: namespace)?.trimmedText ?? (full.isEmpty ? nil : full)
        }
        self.authors = authors
        var attachments: [String: Image] = [:]
        for item in channel?.elements("item") ?? [] {
            guard item.first("post_type", namespace: namespace)?.trimmedText == "attachment",
                let id = item.first("post_id", namespace: namespace)?.trimmedText,
                let url = item.first("attachment_url", namespace: namespace)?.trimmedText
            else { continue }
            let caption = item.elements("encoded").first { $0.namespace?.hasSuffix("/excerpt/") == true }?.trimmedText
            let alt = Self.meta(item, "_wp_attachment_image_alt", namespace: namespace)
            attachments[id] = Image(src: url, alt: alt, caption: caption, location: item.location(in: file))
        }
        self.attachments = attachments
    }

    /// An item's `wp:post_type` (`post` when it has none).
    func postType(_ item: XMLElement) -> String {
        item.first("post_type", namespace: namespace)?.trimmedText ?? "post"
    }

    /// The posts among the items, with their positions; the others are skipped with a note.
    func posts(_ items: [XMLElement], diagnostics: inout [Diagnostic]) -> [(element: XMLElement, position: Int)] {
        var posts: [(XMLElement, Int)] = []
        for (index, item) in items.enumerated() where postType(item) == "post" { posts.append((item, index + 1)) }
        if posts.count < items.count, !posts.isEmpty {
            diagnostics.append(
                Diagnostic(
                    id: "wxr.skipped", severity: .note,
                    message: "\(items.count - posts.count) item(s) of the WordPress export are not posts and were "
                        + "skipped (\(described(items.filter { postType($0) != "post" })))", file: file))
        }
        return posts
    }

    /// How many items of each post type (`2 attachment, 1 page`).
    func described(_ items: [XMLElement]) -> String {
        var counts: [String: Int] = [:]
        for item in items { counts[postType(item), default: 0] += 1 }
        guard !counts.isEmpty else { return "no items" }
        return counts.keys.sorted().map { "\(counts[$0]!) \($0)" }.joined(separator: ", ")
    }

    /// A post's own metadata (`wp:postmeta` with its key).
    static func meta(_ item: XMLElement, _ key: String, namespace: String) -> String? {
        item.elements("postmeta", namespace: namespace).first {
            $0.first("meta_key", namespace: namespace)?.trimmedText == key
        }?.first("meta_value", namespace: namespace)?.trimmedText
    }

    /// What the `wp:` elements add to an item: authors' display names, the status, categories and
    /// tags, the excerpt, the featured image, and the post's dates when `pubDate` has none.
    func complete(_ item: inout FeedItem, from element: XMLElement) {
        item.authors = item.authors.map { authors[$0] ?? $0 }
        if let status = element.first("status", namespace: namespace)?.trimmedText, status != "publish",
            status != "inherit"
        {
            item.extensions[ExtensionKey.status] = .string(status)
            item.diagnostics.append(
                Diagnostic(
                    id: "wxr.status", severity: .note,
                    message: "item \(item.position) is not published: its WordPress status is \(status)",
                    location: item.location, file: file))
        }
        var subjects: [JSONValue] = []
        for category in element.elements("category") where RSSFormat.isCore(category.namespace) {
            // WordPress keeps term names as HTML (`Secrets &amp; Lies`).
            guard let name = category.trimmedText.map(FeedArticles.plainText(ofHTML:)) else { continue }
            switch category.attribute("domain") {
            case "category": item.addCategory(name, isSection: true)
            case "post_tag", nil: item.addCategory(name)
            case let domain?:
                var subject: [String: JSONValue] = ["name": .string(name), "type": .string(domain)]
                if let code = category.attribute("nicename") { subject["code"] = .string(code) }
                subjects.append(.object(subject))
            }
        }
        if !subjects.isEmpty { item.extensions[ExtensionKey.subjects] = .array(subjects) }
        if let excerpt = element.elements("encoded").first(where: { $0.namespace?.hasSuffix("/excerpt/") == true }),
            !excerpt.text.allSatisfy(\.isWhitespace)
        {
            item.summary = FeedText(excerpt.text, kind: .html, location: excerpt.location(in: file))
        }
        if let id = Self.meta(element, "_thumbnail_id", namespace: namespace), let image = attachments[id] {
            item.addImage(image)
        }
        if item.published?.value == nil {
            // An unpublished post's pubDate is `Mon, 30 Nov -0001 00:00:00 +0000`, its GMT date zeros.
            item.published = nil
            if let gmt = FeedModules.date(
                element.first("post_date_gmt", namespace: namespace), provenance: "wp:post_date_gmt", file: file),
                var value = gmt.value, value.precision == .instant
            {
                value.utcOffsetMinutes = 0
                item.published = ArticleDate(
                    text: gmt.text, value: value, location: gmt.location, provenance: gmt.provenance)
            } else if let local = FeedModules.date(
                element.first("post_date", namespace: namespace), provenance: "wp:post_date", file: file),
                local.value != nil
            {
                item.published = local
            }
        }
    }

    // MARK: Content

    /// Post content as WordPress stores it, made HTML: shortcodes first (a `[caption]` becomes a
    /// figure, an enclosing one such as `[dropcap]` its content; others stay as text), with a note
    /// on the item naming them, then paragraphs where WordPress makes them (`wpautop`: a blank line
    /// ends one, a line break is `<br>`), `<pre>` kept as it is.
    func html(_ content: FeedText, for item: inout FeedItem) -> FeedText {
        var text = content
        var kept: [String] = []
        var unwrapped: [String] = []
        text.value = Self.paragraphs(Self.shortcodes(content.value, kept: &kept, unwrapped: &unwrapped))
        var parts: [String] = []
        if !unwrapped.isEmpty {
            parts.append("their content kept for " + unwrapped.map { "[\($0)]" }.joined(separator: ", "))
        }
        if !kept.isEmpty { parts.append("kept as text: " + kept.map { "[\($0)]" }.joined(separator: ", ")) }
        if !parts.isEmpty {
            item.diagnostics.append(
                Diagnostic(
                    id: "wxr.shortcode", severity: .note,
                    message: "item \(item.position) holds WordPress shortcodes copydesk does not render: "
                        + parts.joined(separator: "; "), location: content.location, file: file))
        }
        return text
    }

    /// Shortcodes rendered or kept, and the names (the first ten) of those kept as text and those
    /// unwrapped. Enclosing shortcodes nest at most 8 deep (deeper ones stay as text); a tag's closing is
    /// found in a table built in one pass, so the work grows with the text, not its square.
    static func shortcodes(
        _ text: String, kept: inout [String], unwrapped: inout [String], depth: Int = 0
    ) -> String {
        guard depth < 8, text.contains("[") else { return text }
        let closings = closingTags(in: text)
        var nextBracket = NextCharacter("]", in: text)
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            out += rest[..<open]
            rest = rest[open...]
            if rest.hasPrefix("[[") {
                // `[[name]]` prints `[name]`.
                let inner = rest.dropFirst()
                if let tag = ShortcodeTag(inner, close: nextBracket.after(inner.startIndex)), tag.end < text.endIndex,
                    text[tag.end] == "]"
                {
                    out += inner[..<tag.end]
                    rest = text[text.index(after: tag.end)...]
                } else {
                    out += "[["
                    rest = rest.dropFirst(2)
                }
                continue
            }
            guard let tag = ShortcodeTag(rest, close: nextBracket.after(rest.startIndex)) else {
                out += "["
                rest = rest.dropFirst()
                continue
            }
            let after = rest[tag.end...]
            if !tag.selfClosing, let closing = first(closings[tag.name] ?? [], from: tag.end) {
                let inner = shortcodes(
                    String(text[tag.end..<closing.lowerBound]), kept: &kept, unwrapped: &unwrapped, depth: depth + 1)
                if tag.name == "caption" || tag.name == "wp_caption" {
                    out += caption(inner, attributes: tag.attributes)
                } else {
                    if unwrapped.count < 10, !unwrapped.contains(tag.name) { unwrapped.append(tag.name) }
                    out += inner
                }
                rest = text[closing.upperBound...]
            } else {
                if kept.count < 10, !kept.contains(tag.name) { kept.append(tag.name) }
                out += rest[..<tag.end]
                rest = after
            }
        }
        return out + rest
    }

    /// Every closing tag (`[/name]`) of the text by name, in order.
    static func closingTags(in text: String) -> [String: [Range<String.Index>]] {
        var closings: [String: [Range<String.Index>]] = [:]
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "[") {
            index = text.index(after: open)
            guard index < text.endIndex, text[index] == "/" else { continue }
            let name = text[text.index(after: index)...].prefix {
                $0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-"
            }
            if !name.isEmpty, name.endIndex < text.endIndex, text[name.endIndex] == "]" {
                closings[String(name), default: []].append(open..<text.index(after: name.endIndex))
                index = name.endIndex
            }
        }
        return closings
    }

    /// The first range starting at `index` or after it (the ranges are in order).
    static func first(_ ranges: [Range<String.Index>], from index: String.Index) -> Range<String.Index>? {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].lowerBound < index { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count ? ranges[low] : nil
    }

    /// `[caption]<img …> The caption[/caption]` as `<figure><img …><figcaption>The caption</figcaption></figure>`.
    static func caption(_ inner: String, attributes: [String: String]) -> String {
        var media = inner
        var words = ""
        if let end = inner.ranges(of: ">").last, inner.contains("<img") {
            media = String(inner[..<end.upperBound])
            words = String(inner[end.upperBound...]).trimmingWhitespace()
        }
        if words.isEmpty, let given = attributes["caption"] { words = XMLText.escaped(given) }
        return "<figure>\(media)" + (words.isEmpty ? "" : "<figcaption>\(words)</figcaption>") + "</figure>"
    }

    /// HTML block elements: text between them is a paragraph.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "caption", "col", "colgroup", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "legend", "li", "map", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul", "iframe", "style", "script",
    ]

    /// WordPress's `wpautop`: paragraphs at blank lines and around block elements, `<br/>` at the
    /// other line breaks, `<pre>` left as it is. Every line break stays where it was, so a block's
    /// line in the result is its line in the export.
    static func paragraphs(_ html: String) -> String {
        let text = html.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        // Block elements stand apart (U+E001 marks where); a pre's line breaks are kept out of the way (U+E000).
        let apart = "\u{E001}"
        let keep = "\u{E000}"
        var spaced = ""
        var index = text.startIndex
        var nextClose = NextCharacter(">", in: text)
        // Where a search for an element's closing tag last failed: none stands after it.
        var unclosed: [String: String.Index] = [:]
        while index < text.endIndex {
            let character = text[index]
            guard character == "<", let tag = tagName(text[index...]), blockElements.contains(tag.name),
                let close = nextClose.after(index)
            else {
                spaced.append(character)
                index = text.index(after: index)
                continue
            }
            var end = text.index(after: close)
            // Preformatted content is kept whole, up to its closing tag.
            var closing: Range<String.Index>?
            if !tag.closing, ["pre", "script", "style"].contains(tag.name), unclosed[tag.name].map({ end < $0 }) ?? true
            {
                closing = closingTag(tag.name, in: text[end...])
                if closing == nil { unclosed[tag.name] = end }
            }
            if let closing {
                end = closing.upperBound
                spaced += apart + String(text[index..<end]).replacing("\n", with: keep) + apart
            } else if tag.closing || tag.name == "hr" {
                spaced += String(text[index..<end]) + apart
            } else {
                spaced += apart + String(text[index..<end])
            }
            index = end
        }
        // Segments apart at a mark or at a blank line; the blank lines are kept as they were.
        var out = ""
        var segment = ""
        func flush() {
            let leading = segment.prefix { $0.isWhitespace }
            let trailing = segment.reversed().prefix { $0.isWhitespace }.count
            let body = segment.dropFirst(leading.count).dropLast(min(trailing, max(0, segment.count - leading.count)))
            out += leading
            if !body.isEmpty {
                if body.first == "<", let tag = tagName(body), blockElements.contains(tag.name) {
                    out += body
                } else {
                    out += "<p>" + body.replacing("\n", with: "<br/>\n") + "</p>"
                }
            }
            out += String(segment.suffix(body.isEmpty ? 0 : trailing))
            segment = ""
        }
        var lines = spaced.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        var first = true
        while let line = lines.next() {
            if !first {
                if line.allSatisfy(\.isWhitespace) {
                    // A blank line ends the segment.
                    flush()
                    out += "\n" + line
                    continue
                }
                segment += "\n"
            }
            first = false
            let parts = line.split(separator: Character(apart), omittingEmptySubsequences: false)
            for (number, part) in parts.enumerated() {
                if number > 0 { flush() }
                segment += part
            }
        }
        flush()
        return out.replacing(keep, with: "\n")
    }

    /// Where `</name>` (in any case) first stands in the text.
    static func closingTag(_ name: String, in text: Substring) -> Range<String.Index>? {
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "<") {
            index = text.index(after: open)
            if let tag = tagName(text[open...]), tag.closing, tag.name == name,
                let close = text[open...].firstIndex(of: ">")
            {
                return open..<text.index(after: close)
            }
        }
        return nil
    }

    /// The lowercase name of the tag `text` starts with, and whether it closes.
    static func tagName(_ text: Substring) -> (name: String, closing: Bool)? {
        var rest = text.dropFirst()
        let closing = rest.first == "/"
        if closing { rest = rest.dropFirst() }
        let name = rest.prefix { $0.isLetter || $0.isNumber }
        guard let first = name.first, first.isLetter else { return nil }
        let after = rest.dropFirst(name.count).first
        guard after == nil || after == ">" || after == "/" || after!.isWhitespace else { return nil }
        return (name.lowercased(), closing)
    }
}

// MARK: - NextCharacter

/// The next place a character stands in a text, for scans that ask it from ever later places:
/// each part of the text is searched once.
struct NextCharacter {
    let character: Character
    let text: String
    private var known: (from: String.Index, at: String.Index?)?

    init(_ character: Character, in text: String) {
        self.character = character
        self.text = text
    }

    /// The first place of the character at `index` or after it.
    mutating func after(_ index: String.Index) -> String.Index? {
        if let known, known.from <= index, known.at.map({ index <= $0 }) ?? true { return known.at }
        let at = text[index...].firstIndex(of: character)
        known = (index, at)
        return at
    }
}

// MARK: - ShortcodeTag

/// An opening shortcode tag: `[name attr="value" …]` or `[name /]`.
struct ShortcodeTag {
    var name: String
    var attributes: [String: String]
    var selfClosing: Bool
    /// Where the tag ends (after its `]`).
    var end: Substring.Index

    /// The tag `text` starts with: a name of lowercase letters, digits, `_` and `-` starting with a
    /// letter, then attributes up to `]` (at `close`, the text's first) on the same line.
    init?(_ text: Substring, close: String.Index?) {
        var rest = text.dropFirst()
        let name = rest.prefix { $0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-" }
        guard let first = name.first, first.isLetter else { return nil }
        rest = rest.dropFirst(name.count)
        guard let next = rest.first, next == "]" || next == " " || next == "/" else { return nil }
        guard let close, close >= rest.startIndex, close < rest.endIndex, !rest[..<close].contains("["),
            !rest[..<close].contains("\n")
        else { return nil }
        var inside = String(rest[..<close]).trimmingWhitespace()
        selfClosing = inside.hasSuffix("/")
        if selfClosing { inside = String(inside.dropLast()) }
        var attributes: [String: String] = [:]
        var scan = Substring(inside)
        while let equals = scan.firstIndex(of: "=") {
            let key = scan[..<equals].split(separator: " ").last.map(String.init) ?? ""
            var value = scan[scan.index(after: equals)...]
            let quote = value.first
            if quote == "\"" || quote == "'" {
                value = value.dropFirst()
                let stop = value.firstIndex(of: quote!) ?? value.endIndex
                attributes[key.lowercased()] = String(value[..<stop])
                scan = stop < value.endIndex ? value[value.index(after: stop)...] : ""
            } else {
                let stop = value.firstIndex(of: " ") ?? value.endIndex
                attributes[key.lowercased()] = String(value[..<stop])
                scan = value[stop...]
            }
        }
        self.name = String(name)
        self.attributes = attributes
        self.end = text.index(after: close)
    }
}
