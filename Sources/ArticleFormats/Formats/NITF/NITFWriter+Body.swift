// copydesk — ArticleFormats / NITF writer
// Body blocks and inlines as NITF's body.content.

import ArticleModel

extension NITFComposer {
    /// copydesk's attribute names on quote anchors and lists (bound to `cd:` on the root).
    static let vocabulary = BodyHTML.Vocabulary.namespaced("cd")

    // MARK: Blocks

    mutating func write(_ block: Block) {
        switch block {
        case .paragraph(let paragraph):
            xml.raw("<p>" + inlines(paragraph.content, at: block.location) + "</p>")
        case .heading(let heading):
            if heading.level != 2 { changedHeadings += 1 }
            xml.raw("<hl2>" + inlines(heading.content, at: block.location) + "</hl2>")
        case .list(let list):
            let items = list.items.filter { !$0.content.plainText.trimmingWhitespace().isEmpty }
            if items.count < list.items.count {
                diagnostics.append(
                    .dropped(
                        "\(list.items.count - items.count) empty list item(s)", format: Self.format,
                        location: block.location))
            }
            guard !items.isEmpty else {
                // The label alone is a paragraph.
                if let label = list.label {
                    xml.element("p", text: label)
                } else {
                    diagnostics.append(.dropped("a list with no text", format: Self.format, location: block.location))
                }
                return
            }
            if let label = list.label {
                xml.element("p", [("class", NITFFormat.listLabelClass)], text: label)
            }
            var speaker: [(String, String?)] = []
            if let person = list.speaker {
                let names = Self.vocabulary
                speaker = [(names.speaker, person.name), (names.mention, person.mention), (names.role, person.role)]
            }
            xml.start(list.ordered ? "ol" : "ul", speaker)
            for item in items {
                xml.raw("<li>" + inlines(item.content, at: item.location ?? block.location) + "</li>")
            }
            xml.close()
        case .blockquote(let quote):
            setApart(quote.content, attribution: quote.attribution, quoteID: quote.quoteID, isPull: false, at: block)
        case .pullQuote(let quote):
            pullQuotes += 1
            setApart(quote.content, attribution: quote.attribution, quoteID: quote.quoteID, isPull: true, at: block)
        case .image(let image):
            media(image)
        case .rule:
            xml.empty("hr")
        case .code(let code):
            if code.language != nil {
                diagnostics.append(
                    .dropped("the language of a code block", format: Self.format, location: block.location))
            }
            xml.element("pre", text: code.text)
        case .table(let table):
            xml.start("table")
            if let caption = table.caption { xml.element("caption", text: caption) }
            for row in table.rows {
                let tag = row.isHeader ? "th" : "td"
                xml.raw(
                    "<tr>"
                        + row.cells.map { "<\(tag)>" + inlines($0.content, at: block.location) + "</\(tag)>" }.joined()
                        + "</tr>")
            }
            xml.close()
        }
    }

    /// `<bq>` with the quote's attributes (a pull quote with `class="pullquote"`), its text in a
    /// `<block>` and the printed attribution in `<credit>`.
    mutating func setApart(_ content: [Inline], attribution: String?, quoteID: String?, isPull: Bool, at block: Block) {
        var pairs: [(String, String?)] = [("class", isPull ? NITFFormat.pullQuoteClass : nil)]
        pairs += quoteAttributes(quoteID)
        xml.start("bq", pairs)
        xml.start("block")
        xml.raw("<p>" + inlines(content, at: block.location) + "</p>")
        xml.close()
        if let attribution { xml.element("credit", text: attribution) }
        xml.close()
    }

    /// An image as `<media media-type="image">`: the reference with its alternative text, the
    /// caption, the credit as producer.
    mutating func media(_ image: Image) {
        var reference: [(String, String?)] = [("alternate-text", image.alt)]
        if URLSafety.isSafe(image.src, schemes: URLSafety.imageSchemes) {
            reference.insert(("source", image.src), at: 0)
        } else {
            diagnostics.append(
                .dropped(
                    "the image source \(image.src.messageQuoted) (only "
                        + URLSafety.imageSchemes.sorted().joined(separator: ", ")
                        + " and relative image URLs are written; the caption and credit are kept)", format: Self.format,
                    location: image.location))
        }
        xml.start("media", [("media-type", "image")])
        xml.empty("media-reference", reference)
        if let caption = image.caption, !caption.isEmpty { xml.element("media-caption", text: caption) }
        if let credit = image.credit { xml.element("media-producer", text: credit) }
        xml.close()
    }

    // MARK: Inlines

    mutating func inlines(_ content: [Inline], at location: SourceLocation?) -> String {
        var out = ""
        for inline in content { out += render(inline, at: location) }
        return out
    }

    private mutating func render(_ inline: Inline, at location: SourceLocation?) -> String {
        switch inline {
        case .text(let text):
            return xml.escaped(text)
        case .emphasis(let content):
            return "<em>" + inlines(content, at: location) + "</em>"
        case .strong(let content):
            strongSpans += 1
            return "<em class=\"\(NITFFormat.strongClass)\">" + inlines(content, at: location) + "</em>"
        case .link(let url, let content):
            let inner = inlines(content, at: location)
            guard URLSafety.isSafe(url, schemes: URLSafety.linkSchemes) else {
                diagnostics.append(
                    .dropped(
                        "the link URL \(url.messageQuoted) (only "
                            + URLSafety.linkSchemes.sorted().joined(separator: ", ")
                            + " and relative links are written; the link text is kept)", format: Self.format,
                        location: location))
                return inner
            }
            return "<a" + xml.attributes([("href", url)]) + ">" + inner + "</a>"
        case .quotation(let quotation):
            // The printed marks stand as text around `<q>`, and in copydesk's attributes, which say so.
            var pairs = quoteAttributes(quotation.quoteID)
            pairs += [(Self.vocabulary.open, quotation.open), (Self.vocabulary.close, quotation.close)]
            return xml.escaped(quotation.open) + "<q" + xml.attributes(pairs) + ">"
                + inlines(quotation.content, at: location)
                + "</q>" + xml.escaped(quotation.close)
        case .lineBreak:
            return "<br/>"
        }
    }

    /// The anchor's attributes: the quote's id and, on its first anchor, its speaker (also as
    /// NITF's `quote-source`), cue and how the speaker was found.
    mutating func quoteAttributes(_ id: String?) -> [(String, String?)] {
        guard let id, let quote = quotes[id] else { return [] }
        let names = Self.vocabulary
        guard placed.insert(id).inserted else { return [(names.quote, id)] }
        return [
            ("quote-source", quote.speaker?.name), (names.quote, id), (names.speaker, quote.speaker?.name),
            (names.mention, quote.speaker?.mention), (names.role, quote.speaker?.role), (names.cue, quote.cue),
            (names.attribution, quote.attribution?.rawValue),
        ]
    }
}
