// copydesk — ArticleFormats
// The body as an XHTML fragment: one renderer for every writer that puts HTML in its output.

import ArticleModel

// MARK: - BodyHTML

/// Renders body blocks as an XHTML-safe fragment: the NewsML-G2 writer puts it in `inlineXML`, the
/// ninjs writer in `bodies`, and an HTML page writer can put it in `<article>`.
///
/// - Well-formed XML that is also valid HTML: empty elements are written `<br/>`, every text and
///   attribute value is escaped by `XMLText` (characters neither XML nor HTML allow become
///   U+FFFD and are counted in `replacedCharacters`).
/// - Links and images keep only safe URLs (`URLSafety`); an unsafe one is left out with a warning
///   and its text is kept.
/// - Quotes are rendered from their anchors: a quotation span is `<q>` (the marks as printed go in
///   attributes, since `<q>` supplies its own), a set-apart quote is `<blockquote>` (a pull quote
///   inside `<aside class="pullquote">`), a printed attribution is `<figcaption><cite>`, and the
///   quote's id, speaker, cue and how the speaker was found are attributes of the anchor, named by
///   the `Vocabulary`. The first span of a quotation carries them; its continuations carry the id.
///   Nothing searches the text for a quote.
/// - A list's label is a `<p class="list-label">` before it; its speaker, attributes of the list.
struct BodyHTML {
    /// How copydesk's attributes are named in the markup.
    struct Vocabulary: Sendable {
        var quote: String
        var speaker: String
        var mention: String
        var role: String
        var cue: String
        var attribution: String
        var open: String
        var close: String

        /// `data-*` attributes, for HTML consumers (ninjs bodies, HTML pages).
        static let data = Vocabulary(
            quote: "data-quote", speaker: "data-speaker", mention: "data-speaker-mention", role: "data-speaker-role",
            cue: "data-cue", attribution: "data-attribution", open: "data-open", close: "data-close")

        /// Attributes in a namespace of copydesk's, bound to `prefix` by the caller (NewsML-G2).
        static func namespaced(_ prefix: String) -> Vocabulary {
            Vocabulary(
                quote: prefix + ":quote", speaker: prefix + ":speaker", mention: prefix + ":mention",
                role: prefix + ":role", cue: prefix + ":cue", attribution: prefix + ":attribution",
                open: prefix + ":open", close: prefix + ":close")
        }
    }

    /// What the renderer may write.
    struct Options: Sendable {
        /// The format name warnings use (`ninjs 3.1`, `NewsML-G2`).
        var format: String
        var vocabulary: Vocabulary
        /// Schemes links may use (relative links are always allowed).
        var linkSchemes = URLSafety.linkSchemes
        /// Schemes image sources may use (relative sources are always allowed).
        var imageSchemes = URLSafety.imageSchemes
        /// The lowest heading level written; lower ones are raised to it with a note (NewsML-G2
        /// keeps `h1` for the headline).
        var minimumHeadingLevel = 1
        /// Whether link and image URLs are written as URIs (`URLSafety.percentEncoded`: spaces and
        /// characters URLs exclude %-encoded), as an HTML page must hold them to be valid.
        var encodesURLs = false
        /// Whether a link inside a link is written as one; HTML forbids it, so an HTML page writes
        /// the inner link's text alone, with a warning.
        var nestsLinks = true
    }

    let options: Options
    /// The article's quotes by id.
    private var quotes: [String: Quote] = [:]
    /// Quote ids whose anchor has been written (the first span carries the speaker).
    private var placed: Set<String> = []
    private var currentLocation: SourceLocation?
    /// How many links the inline being written is inside.
    private var linkDepth = 0
    private var firstReplacement: SourceLocation?
    /// Characters neither XML nor HTML allow, replaced by U+FFFD.
    private(set) var replacedCharacters = 0
    /// What could not be kept.
    private(set) var diagnostics: [Diagnostic] = []

    init(options: Options) {
        self.options = options
    }

    /// The article's body as lines of markup (a list takes several), then the warnings: characters
    /// replaced, and the quotes that no anchor in the body carries.
    mutating func render(_ article: Article) -> [String] {
        quotes = article.quotesByID
        var lines: [String] = []
        for block in article.body {
            currentLocation = block.location
            lines += render(block)
        }
        if replacedCharacters > 0 {
            diagnostics.append(.replaced(replacedCharacters, format: options.format, location: firstReplacement))
        }
        for quote in article.unanchoredQuotes {
            let speaker = quote.speaker.map { " and its speaker \($0.name.messageQuoted)" } ?? ""
            diagnostics.append(
                .dropped(
                    "the quote \(quote.text.messageQuoted)\(speaker) (the quote is not marked in the body, so no "
                        + "element can carry it)", format: options.format, location: quote.location))
        }
        return lines
    }

    // MARK: Blocks

    private mutating func render(_ block: Block) -> [String] {
        switch block {
        case .paragraph(let paragraph):
            return ["<p>" + inlines(paragraph.content) + "</p>"]
        case .heading(let heading):
            let level = max(heading.level, options.minimumHeadingLevel)
            if level != heading.level {
                diagnostics.append(
                    Diagnostic(
                        id: "conversion.changed", severity: .note,
                        message: "a level-\(heading.level) heading is written as h\(level) (the headline is the title)",
                        location: block.location))
            }
            return ["<h\(level)>" + inlines(heading.content) + "</h\(level)>"]
        case .list(let list):
            var lines: [String] = []
            if let label = list.label { lines.append("<p class=\"list-label\">" + text(label) + "</p>") }
            let tag = list.ordered ? "ol" : "ul"
            var speaker: [(String, String?)] = []
            if let person = list.speaker {
                let vocabulary = options.vocabulary
                speaker = [
                    (vocabulary.speaker, person.name), (vocabulary.mention, person.mention),
                    (vocabulary.role, person.role),
                ]
            }
            lines.append("<\(tag)\(attributes(speaker))>")
            for item in list.items {
                if let location = item.location { currentLocation = location }
                lines.append("  <li>" + inlines(item.content) + "</li>")
            }
            lines.append("</\(tag)>")
            return lines
        case .blockquote(let quote):
            return [setApart(quote.content, attribution: quote.attribution, quoteID: quote.quoteID)]
        case .pullQuote(let quote):
            return [
                "<aside class=\"pullquote\">"
                    + setApart(quote.content, attribution: quote.attribution, quoteID: quote.quoteID) + "</aside>"
            ]
        case .image(let image):
            return [figure(image)]
        case .rule:
            return ["<hr/>"]
        case .code(let code):
            let language = code.language.map { [("class", "language-" + $0)] } ?? []
            return ["<pre><code\(attributes(language))>" + text(code.text) + "</code></pre>"]
        case .table(let table):
            return self.table(table)
        }
    }

    /// `<table>` with its `<caption>`, the header rows at the top in `<thead>` and the others in
    /// `<tbody>` (a header row further down keeps `<th>` cells). A row shorter than the widest one
    /// spans its last cell over the rest (`colspan`), so the table's grid is whole, as HTML
    /// requires, and every row reads back with its own cells; a row with no cell holds nothing
    /// and is left out.
    private mutating func table(_ table: Table) -> [String] {
        var lines = ["<table>"]
        if let caption = table.caption { lines.append("  <caption>" + text(caption) + "</caption>") }
        let rows = table.rows.filter { !$0.cells.isEmpty }
        let width = rows.map(\.cells.count).max() ?? 0
        let head = rows.prefix { $0.isHeader }
        let rest = rows.dropFirst(head.count)
        func row(_ row: TableRow, tag: String) -> String {
            var out = "    <tr>"
            for (index, cell) in row.cells.enumerated() {
                let span = index == row.cells.count - 1 ? width - row.cells.count + 1 : 1
                out += "<\(tag)" + (span > 1 ? " colspan=\"\(span)\"" : "") + ">" + inlines(cell.content) + "</\(tag)>"
            }
            return out + "</tr>"
        }
        if !head.isEmpty {
            lines.append("  <thead>")
            for header in head { lines.append(row(header, tag: "th")) }
            lines.append("  </thead>")
        }
        if !rest.isEmpty {
            lines.append("  <tbody>")
            for body in rest { lines.append(row(body, tag: body.isHeader ? "th" : "td")) }
            lines.append("  </tbody>")
        }
        lines.append("</table>")
        return lines
    }

    /// `<blockquote>` with the quote's attributes, in a `<figure>` whose `<figcaption>` cites the
    /// printed attribution when there is one.
    private mutating func setApart(_ content: [Inline], attribution: String?, quoteID: String?) -> String {
        let quote = "<blockquote\(attributes(quoteAttributes(quoteID)))><p>" + inlines(content) + "</p></blockquote>"
        guard let attribution else { return quote }
        return "<figure>" + quote + "<figcaption><cite>" + text(attribution) + "</cite></figcaption></figure>"
    }

    private mutating func figure(_ image: Image) -> String {
        var out = "<figure>"
        if URLSafety.isSafe(image.src, schemes: options.imageSchemes) {
            out += "<img" + attributes([("src", url(image.src)), ("alt", image.alt ?? "")]) + "/>"
        } else {
            let alt = image.alt == nil ? "" : " and its alternative text"
            diagnostics.append(
                .dropped(
                    "the image source \(image.src.messageQuoted)\(alt) (only "
                        + options.imageSchemes.sorted().joined(separator: ", ")
                        + " and relative image URLs are written; the caption and credit are kept)",
                    format: options.format, location: image.location))
        }
        let caption = image.caption.flatMap { $0.isEmpty ? nil : $0 }
        if caption != nil || image.credit != nil {
            out += "<figcaption>"
            if let caption { out += text(caption) }
            if let credit = image.credit {
                out += (caption == nil ? "" : " ") + "<small class=\"credit\">" + text(credit) + "</small>"
            }
            out += "</figcaption>"
        }
        return out + "</figure>"
    }

    // MARK: Inlines

    private mutating func inlines(_ content: [Inline]) -> String {
        var out = ""
        for inline in content { out += render(inline) }
        return out
    }

    private mutating func render(_ inline: Inline) -> String {
        switch inline {
        case .text(let value):
            return text(value)
        case .emphasis(let content):
            return "<em>" + inlines(content) + "</em>"
        case .strong(let content):
            return "<strong>" + inlines(content) + "</strong>"
        case .link(let url, let content):
            linkDepth += 1
            let inner = inlines(content)
            linkDepth -= 1
            if linkDepth > 0, !options.nestsLinks {
                diagnostics.append(
                    .dropped(
                        "the link URL \(url.messageQuoted) inside another link (a link cannot hold a link; its text "
                            + "is kept)", format: options.format, location: currentLocation))
                return inner
            }
            guard URLSafety.isSafe(url, schemes: options.linkSchemes) else {
                diagnostics.append(
                    .dropped(
                        "the link URL \(url.messageQuoted) (only "
                            + options.linkSchemes.sorted().joined(separator: ", ")
                            + " and relative links are written; the link text is kept)", format: options.format,
                        location: currentLocation))
                return inner
            }
            return "<a" + attributes([("href", self.url(url))]) + ">" + inner + "</a>"
        case .quotation(let quotation):
            // `<q>` supplies the quotation marks: the printed ones go in attributes.
            var pairs = quoteAttributes(quotation.quoteID)
            pairs += [(options.vocabulary.open, quotation.open), (options.vocabulary.close, quotation.close)]
            return "<q" + attributes(pairs) + ">" + inlines(quotation.content) + "</q>"
        case .lineBreak:
            return "<br/>"
        }
    }

    // MARK: Quotes

    /// The anchor's attributes: the quote's id, and on its first anchor its speaker, cue and how the
    /// speaker was found. Nothing for an id no quote lists.
    private mutating func quoteAttributes(_ id: String?) -> [(String, String?)] {
        guard let id, let quote = quotes[id] else { return [] }
        let vocabulary = options.vocabulary
        guard placed.insert(id).inserted else { return [(vocabulary.quote, id)] }
        return [
            (vocabulary.quote, id), (vocabulary.speaker, quote.speaker?.name),
            (vocabulary.mention, quote.speaker?.mention), (vocabulary.role, quote.speaker?.role),
            (vocabulary.cue, quote.cue), (vocabulary.attribution, quote.attribution?.rawValue),
        ]
    }

    // MARK: Escaping

    /// A URL as the output holds it: %-encoded where the options ask for URIs.
    private func url(_ value: String) -> String {
        options.encodesURLs ? URLSafety.percentEncoded(value) : value
    }

    private mutating func attributes(_ pairs: [(String, String?)]) -> String {
        var out = ""
        for (name, value) in pairs {
            guard let value else { continue }
            out += " \(name)=\"" + escape(value, attribute: true) + "\""
        }
        return out
    }

    private mutating func text(_ value: String) -> String {
        escape(value, attribute: false)
    }

    private mutating func escape(_ value: String, attribute: Bool) -> String {
        let before = replacedCharacters
        let escaped = XMLText.escape(value, attribute: attribute, replaced: &replacedCharacters)
        if before == 0, replacedCharacters > 0 { firstReplacement = currentLocation }
        return escaped
    }

}
