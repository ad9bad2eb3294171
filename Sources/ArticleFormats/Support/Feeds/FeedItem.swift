// copydesk — ArticleFormats / feeds
// What a feed's item holds once its format's reader has found it, and how it becomes an article:
// one mapping for RSS, Atom and JSON Feed, item HTML through the HTML reader's body builder.

import ArticleModel

// MARK: - FeedText

/// A text a feed gives: a title, a body or a summary, as plain text or as HTML.
struct FeedText: Sendable {
    enum Kind: Sendable {
        /// Plain text: paragraphs apart at blank lines.
        case text
        /// HTML (escaped or in CDATA, or XHTML serialised): read by the HTML reader's body builder.
        case html
    }

    var value: String
    var kind: Kind
    /// Where the text starts in the feed.
    var location: SourceLocation?
    /// Whether the text's lines are the file's lines from `location` on (XML), so a block's line in
    /// the text gives its line in the file; otherwise (a JSON string) every block is at `location`.
    var followsFileLines = true

    init(_ value: String, kind: Kind, location: SourceLocation?, followsFileLines: Bool = true) {
        self.value = value
        self.kind = kind
        self.location = location
        self.followsFileLines = followsFileLines
    }

    /// Whether the text holds no words.
    var isBlank: Bool { value.allSatisfy(\.isWhitespace) }
}

// MARK: - FeedItem

/// One item (RSS `item`, Atom `entry`, JSON Feed `items[]` element) as its reader found it.
struct FeedItem: Sendable {
    /// Its position among the feed's items, from 1.
    var position: Int
    /// Where it starts in the feed.
    var location: SourceLocation?
    var title: FeedText?
    /// The link to the article on the web.
    var link: String?
    /// The feed's identifier for it (RSS `guid`, Atom `id`, JSON Feed `id`).
    var id: String?
    /// The full text (`content:encoded`, Atom `content`, `content_html`).
    var content: FeedText?
    /// A summary (`description` beside `content:encoded`, Atom `summary`, JSON Feed `summary`): the
    /// body when there is no content, highlights otherwise.
    var summary: FeedText?
    /// Whether the summary is plain text whose lines are separate highlights (JSON Feed).
    var summaryLinesAreHighlights = false
    /// The authors' names, as given (`Jane Doe`, `Jane Doe and John Roe`).
    var authors: [String] = []
    var published: ArticleDate?
    var modified: ArticleDate?
    var section: String?
    var keywords: [String] = []
    /// Pictures the item names beside its text (`enclosure`, `media:content`, JSON Feed `image`).
    var images: [Image] = []
    var language: String?
    var copyright: String?
    /// The credit line (RSS's `source`: the channel an aggregated item came from).
    var credit: String?
    /// Metadata under the shared extension keys (`status`, `subjects`…), and `alternatives`.
    var extensions: [String: JSONValue] = [:]
    /// Notes the reader made on the item.
    var diagnostics: [Diagnostic] = []

    init(position: Int, location: SourceLocation?) {
        self.position = position
        self.location = location
    }

    /// Adds a category: the section when `isSection` and there is none yet, else a keyword; blank
    /// ones and repeated keywords are left out.
    mutating func addCategory(_ name: String, isSection: Bool = false) {
        let name = name.foldingWhitespace().trimmingWhitespace()
        guard !name.isEmpty else { return }
        if isSection, section == nil {
            section = name
        } else if !keywords.contains(name) {
            keywords.append(name)
        }
    }

    /// Adds a picture, unless the item names it already.
    mutating func addImage(_ image: Image) {
        guard !image.src.isEmpty else { return }
        if let index = images.firstIndex(where: { $0.src == image.src }) {
            images[index].caption = images[index].caption ?? image.caption
            images[index].credit = images[index].credit ?? image.credit
            images[index].alt = images[index].alt ?? image.alt
        } else {
            images.append(image)
        }
    }

    /// Keeps content beside the text (a podcast's audio, a video) in `extensions.alternatives`.
    mutating func addAlternative(type: String?, href: String, text: String? = nil) {
        var fields: [String: JSONValue] = ["href": .string(href)]
        if let type, !type.isEmpty { fields["type"] = .string(type) }
        if let text, !text.isEmpty { fields["text"] = .string(text) }
        ExtensionKey.appendAlternatives([.object(fields)], to: &extensions)
    }
}

// MARK: - FeedChannel

/// What the feed says about all its items.
struct FeedChannel: Sendable {
    /// The feed's title: the publisher of its items.
    var title: String?
    var language: String?
    /// The feed's authors (Atom's `feed/author`), which stand for an entry's own when it has none.
    var authors: [String] = []
    var copyright: String?
}

// MARK: - FeedArticles

/// Feed items as articles, one each, in order.
enum FeedArticles {
    /// The articles of a feed's items: an item with neither a title nor text is skipped with a
    /// warning at its position; a feed with no items, or none that could be read, is an error.
    /// `format` names the format (`source.format`), `what` the feed for messages (`the RSS feed`),
    /// `unit` an item (`item`, `entry`).
    static func read(
        _ items: [FeedItem], channel: FeedChannel, format: String, what: String, unit: String, file: String?,
        diagnostics: [Diagnostic] = []
    ) throws(FormatError) -> ReadResult {
        guard !items.isEmpty else {
            throw FormatError(
                id: "feed.empty", message: "\(what) holds no \(unit): there is no article to read",
                file: file ?? "<stdin>",
                hint: "a feed's articles are its \(unit)s; check that this is the feed you meant (an empty feed has "
                    + "nothing to convert)")
        }
        var articles: [Article] = []
        var notes = diagnostics
        for item in items {
            notes += item.diagnostics
            guard let article = article(from: item, channel: channel, format: format, file: file) else {
                notes.append(
                    Diagnostic(
                        id: "feed.item-empty", severity: .warning,
                        message: "\(unit) \(item.position) has neither a title nor any text; it was skipped",
                        location: item.location, file: file))
                continue
            }
            articles.append(article)
        }
        guard !articles.isEmpty else {
            throw FormatError(
                id: "feed.no-articles",
                message: "none of the \(items.count) \(unit)(s) of \(what) has a title or any text",
                file: file ?? "<stdin>", hint: "the feed carries no article text to convert; its items are empty")
        }
        return ReadResult(articles: articles, diagnostics: notes)
    }

    /// One item as an article, or `nil` when it has neither a title nor text.
    static func article(from item: FeedItem, channel: FeedChannel, format: String, file: String?) -> Article? {
        var article = Article()
        article.headline = item.title.map(plainText).flatMap { $0.isEmpty ? nil : $0 }
        var summaryIsBody = false
        if let content = item.content, !content.isBlank {
            add(content, to: &article, file: file)
        }
        if !article.body.contains(where: hasText), let summary = item.summary, !summary.isBlank {
            article.body = []
            article.quotes = []
            add(summary, to: &article, file: file)
            summaryIsBody = true
        }
        if !summaryIsBody, let summary = item.summary, !summary.isBlank {
            article.highlights = highlights(summary, linesApart: item.summaryLinesAreHighlights, body: article.body)
        }
        guard article.headline != nil || article.body.contains(where: hasText) else { return nil }
        let shown = Set(
            article.body.compactMap { block -> String? in
                guard case .image(let image) = block else { return nil }
                return image.src
            })
        let lead = item.images.filter { !shown.contains($0.src) }.map { image -> Block in
            var image = image
            image.location = image.location ?? item.location
            return .image(image)
        }
        article.body = lead + article.body
        let authors = item.authors.map { $0.foldingWhitespace().trimmingWhitespace() }.filter { !$0.isEmpty }
        article.bylines = authors.reduce(into: []) { bylines, name in
            if !bylines.contains(where: { $0.name == name }) {
                bylines.append(Byline(name: name, origin: .field, location: item.location))
            }
        }
        article.published = item.published ?? item.modified
        if let modified = item.modified, item.published != nil, modified.value != item.published?.value {
            article.modified = modified
        }
        article.language = item.language ?? channel.language
        article.section = item.section
        article.keywords = item.keywords
        var source = ArticleSource(format: format, file: file)
        source.publisher = channel.title
        source.url = item.link
        source.id = item.id
        source.credit = item.credit
        // The feed's own author stands for an entry's (Atom): a credit, unless it is the publisher.
        if source.credit == nil, authors.isEmpty, !channel.authors.isEmpty, channel.authors != [channel.title] {
            source.credit = channel.authors.joined(separator: ", ")
        }
        article.source = source
        article.extensions = item.extensions
        if let copyright = item.copyright ?? channel.copyright {
            article.extensions[ExtensionKey.copyright] = .string(copyright)
        }
        return article
    }

    /// Whether a block holds words (or is a picture).
    static func hasText(_ block: Block) -> Bool {
        if case .image = block { return true }
        return !block.plainText.allSatisfy(\.isWhitespace)
    }

    // MARK: Text

    /// Whether HTML-labelled text holds markup (a tag or a character reference); text without is
    /// read as plain text, so its blank lines still part paragraphs.
    static func looksLikeMarkup(_ text: String) -> Bool {
        var previous: Character = " "
        var sawAmpersand = false
        var entityLength = 0
        for character in text {
            if previous == "<", character.isLetter || character == "/" || character == "!" { return true }
            if sawAmpersand {
                if character == ";", entityLength > 0 { return true }
                if character.isLetter || character.isNumber || (character == "#" && entityLength == 0) {
                    entityLength += 1
                    if entityLength > 10 { sawAmpersand = false }
                } else {
                    sawAmpersand = false
                }
            }
            if character == "&" {
                sawAmpersand = true
                entityLength = 0
            }
            previous = character
        }
        return false
    }

    /// The blocks of an HTML or plain text, located in the feed, with the quotes copydesk's markup names.
    static func fragment(_ text: FeedText, file: String?) -> BodyFragment {
        var fragment: BodyFragment
        if text.kind == .html, looksLikeMarkup(text.value), let reader = FormatRegistry.htmlFragmentReader {
            fragment = reader.body(fromFragment: text.value, file: file)
        } else {
            fragment = BodyFragment(plainText: text.value)
        }
        let base = text.location
        // A block's line in the text is its line in the file from the text's start when the text's
        // lines are the file's; otherwise every block is at the text's start.
        fragment.blocks = fragment.blocks.map { block in
            block.relocated { location in
                guard let base else { return nil }
                guard text.followsFileLines, let line = location?.line, line > 1 else {
                    return SourceLocation(file: file, line: base.line, column: base.column)
                }
                return SourceLocation(file: file, line: base.line + line - 1, column: 1)
            }
        }
        fragment.quotes = fragment.quotes.map { quote in
            var quote = quote
            quote.location = base.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
            return quote
        }
        return fragment
    }

    /// Adds a text's blocks and quotes to the body.
    static func add(_ text: FeedText, to article: inout Article, file: String?) {
        let fragment = fragment(text, file: file)
        article.body += fragment.blocks
        article.quotes += fragment.quotes
    }

    /// A title or a name as plain text: HTML read for its text, white space folded.
    static func plainText(_ text: FeedText) -> String {
        var value = text.value
        if text.kind == .html, looksLikeMarkup(value), let reader = FormatRegistry.htmlFragmentReader {
            value = reader.body(fromFragment: value, file: nil).blocks.map(\.plainText).joined(separator: " ")
        }
        return value.foldingWhitespace().trimmingWhitespace()
    }

    /// A summary beside the body as highlights: each item of a list it holds, or each line when its
    /// lines are apart (JSON Feed), else its text as one; none when it is the body's text again, or
    /// a feed's excerpt of it (ten words or more, or cut with `…`, that the body starts with).
    static func highlights(_ summary: FeedText, linesApart: Bool, body: [Block]) -> [String] {
        var texts: [String]
        if linesApart {
            texts = summary.value.split(whereSeparator: \.isNewline).map { String($0) }
        } else {
            let blocks = fragment(summary, file: nil).blocks
            if blocks.count == 1, case .list(let list) = blocks[0] {
                texts = list.items.map(\.content.plainText)
            } else {
                texts = [blocks.map(\.plainText).joined(separator: " ")]
            }
        }
        texts = texts.map { $0.foldingWhitespace().trimmingWhitespace() }.filter { !$0.isEmpty }
        let joined = texts.joined(separator: " ")
        let summaryWords = words(joined)
        let bodyWords = words(body.map(\.plainText).joined(separator: " "))
        let cut = ["…", "...", "[…]", "[...]"].contains { joined.hasSuffix($0) }
        if summaryWords == bodyWords || (summaryWords.count >= 10 || cut) && excerpt(summaryWords, of: bodyWords) {
            return []
        }
        return texts
    }

    /// Whether a summary's words are the start of the body's (the last word may be cut: `…`).
    static func excerpt(_ summary: [Substring], of body: [Substring]) -> Bool {
        guard !summary.isEmpty, summary.count <= body.count else { return false }
        let whole = summary.dropLast()
        guard body.starts(with: whole), let last = summary.last else { return false }
        return body[whole.count].hasPrefix(last)
    }

    /// HTML text (an RSS title, a category, a caption) as plain text.
    static func plainText(ofHTML html: String) -> String {
        plainText(FeedText(html, kind: .html, location: nil))
    }

    /// Lowercase words of letters and digits.
    static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }
    }
}
