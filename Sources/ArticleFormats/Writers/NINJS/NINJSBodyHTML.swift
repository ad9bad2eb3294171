// copydesk — ArticleFormats / ninjs writer
// The body as an HTML fragment: all text escaped, only safe URLs, quote speakers kept in the markup.

import ArticleModel

// MARK: - NINJSBodyHTML

/// Renders body blocks as the HTML of a ninjs `bodies` entry (`text/html`).
///
/// Nothing from the article passes through as markup: text and attribute values are escaped,
/// characters HTML cannot hold (controls, noncharacters) are removed with a warning, and link and
/// image URLs with schemes other than the safe ones are left out with a warning (the text stays).
/// ninjs has no property for quote speakers, so they stay in the markup: `data-speaker` on `<q>`
/// and `<blockquote>`, and `<cite>` for printed attributions and list speakers.
struct NINJSBodyHTML {
    /// The format name diagnostics use (`ninjs 3.1`).
    let format: String
    private let quotes: [Quote]
    private var placed: Set<Int> = []
    private var removedCharacters = 0
    private var firstRemovalLocation: SourceLocation?
    private var currentLocation: SourceLocation?
    /// What could not be kept.
    private(set) var diagnostics: [Diagnostic] = []

    init(format: String, quotes: [Quote]) {
        self.format = format
        self.quotes = quotes
    }

    /// The blocks as HTML, one block per line; then reports what was left out, including quote
    /// speakers no element in the body could carry.
    mutating func render(_ body: [Block]) -> String {
        var lines: [String] = []
        for (index, block) in body.enumerated() {
            currentLocation = block.location
            lines.append(render(block, at: index))
        }
        if removedCharacters > 0 {
            diagnostics.append(
                .dropped(
                    "\(removedCharacters) control or non-character code point(s) in the body text (HTML has no "
                        + "way to write them)", format: format, location: firstRemovalLocation))
        }
        for (index, quote) in quotes.enumerated() where !placed.contains(index) {
            guard let speaker = quote.speaker else { continue }
            diagnostics.append(
                .dropped(
                    "the speaker \(speaker.name.ninjsQuoted) of the quote \(quote.text.ninjsQuoted) (no quotation "
                        + "in the body matches it, and ninjs has no property for speakers)",
                    format: format, location: quote.location))
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Blocks

    private mutating func render(_ block: Block, at index: Int) -> String {
        switch block {
        case .paragraph(let paragraph):
            return "<p>" + inlines(paragraph.content, block: index) + "</p>"
        case .heading(let heading):
            return "<h\(heading.level)>" + inlines(heading.content, block: index) + "</h\(heading.level)>"
        case .list(let list):
            var out = ""
            if let speaker = list.speaker {
                out += "<p class=\"speaker\">" + cite(speaker) + "</p>\n"
            }
            let tag = list.ordered ? "ol" : "ul"
            out += "<\(tag)>\n"
            for item in list.items {
                if let location = item.location { currentLocation = location }
                out += "<li>" + inlines(item.content, block: index) + "</li>\n"
            }
            return out + "</\(tag)>"
        case .blockquote(let quote):
            return quoteBlock(quote.content, attribution: quote.attribution, kind: .block, block: index)
        case .pullQuote(let quote):
            let inner = quoteBlock(quote.content, attribution: quote.attribution, kind: .pull, block: index)
            return "<aside class=\"pull-quote\">" + inner + "</aside>"
        case .image(let image):
            return figure(image)
        case .rule:
            return "<hr>"
        }
    }

    /// `<blockquote>`, inside a `<figure>` whose `<figcaption>` cites the attribution when there is one.
    private mutating func quoteBlock(_ content: [Inline], attribution: String?, kind: Quote.Kind, block: Int) -> String
    {
        let speaker = claimSpeaker(block: block, kind: kind, text: nil)
        let quote =
            "<blockquote" + speakerAttributes(speaker) + "><p>" + inlines(content, block: block) + "</p></blockquote>"
        guard let attribution else { return quote }
        return "<figure>" + quote + "<figcaption><cite>" + text(attribution) + "</cite></figcaption></figure>"
    }

    private mutating func figure(_ image: Image) -> String {
        var out = "<figure>"
        if URLSafety.isSafe(image.src, schemes: NINJSLinks.imageSchemes) {
            out += "<img src=\"" + attribute(image.src) + "\""
            if let alt = image.alt { out += " alt=\"" + attribute(alt) + "\"" }
            out += ">"
        } else {
            let alt = image.alt == nil ? "" : " and its alternative text"
            diagnostics.append(
                .dropped(
                    "the image source \(image.src.ninjsQuoted)\(alt) (only http, https and relative image URLs are "
                        + "written; the caption and credit are kept)", format: format, location: image.location))
        }
        if image.caption != nil || image.credit != nil {
            out += "<figcaption>"
            if let caption = image.caption { out += text(caption) }
            if let credit = image.credit {
                out += (image.caption == nil ? "" : " ") + "<small class=\"credit\">" + text(credit) + "</small>"
            }
            out += "</figcaption>"
        }
        return out + "</figure>"
    }

    // MARK: Inlines

    private mutating func inlines(_ content: [Inline], block: Int) -> String {
        var out = ""
        for inline in content { out += render(inline, block: block) }
        return out
    }

    private mutating func render(_ inline: Inline, block: Int) -> String {
        switch inline {
        case .text(let value):
            return text(value)
        case .emphasis(let content):
            return "<em>" + inlines(content, block: block) + "</em>"
        case .strong(let content):
            return "<strong>" + inlines(content, block: block) + "</strong>"
        case .link(let url, let content):
            let inner = inlines(content, block: block)
            guard URLSafety.isSafe(url, schemes: NINJSLinks.linkSchemes) else {
                diagnostics.append(
                    .dropped(
                        "the link URL \(url.ninjsQuoted) (only http, https, mailto, tel, ftp and relative links "
                            + "are written; the link text is kept)", format: format, location: currentLocation))
                return inner
            }
            return "<a href=\"" + attribute(url) + "\">" + inner + "</a>"
        case .quotation(let quotation):
            // `<q>` supplies the quotation marks, so the printed ones are not repeated.
            let speaker = claimSpeaker(block: block, kind: .direct, text: quotation.content.plainText)
            return "<q" + speakerAttributes(speaker) + ">" + inlines(quotation.content, block: block) + "</q>"
        case .lineBreak:
            return "<br>"
        }
    }

    // MARK: Speakers

    /// The speaker of the first quote not yet placed that stands in this block, is of this kind and
    /// (for quotes in running text) has these words; marks that quote as placed.
    private mutating func claimSpeaker(block: Int, kind: Quote.Kind, text: String?) -> Speaker? {
        for (index, quote) in quotes.enumerated()
        where !placed.contains(index) && quote.blockIndex == block && quote.kind == kind && quote.speaker != nil {
            if let text {
                let want = quote.text.foldingWhitespace()
                let have = text.foldingWhitespace()
                guard !want.isEmpty, !have.isEmpty, want == have || have.contains(want) || want.contains(have) else {
                    continue
                }
            }
            placed.insert(index)
            return quote.speaker
        }
        return nil
    }

    private mutating func speakerAttributes(_ speaker: Speaker?) -> String {
        guard let speaker else { return "" }
        var out = " data-speaker=\"" + attribute(speaker.name) + "\""
        if let role = speaker.role { out += " data-speaker-role=\"" + attribute(role) + "\"" }
        return out
    }

    /// A list speaker as printed (`<cite>The mayor</cite>`), with the resolved name when it differs.
    private mutating func cite(_ speaker: Speaker) -> String {
        let printed = speaker.mention ?? speaker.name
        var out = "<cite"
        if printed != speaker.name { out += " data-speaker=\"" + attribute(speaker.name) + "\"" }
        if let role = speaker.role { out += " data-speaker-role=\"" + attribute(role) + "\"" }
        return out + ">" + text(printed) + "</cite>"
    }

    // MARK: Escaping

    /// Text content: `&`, `<` and `>` escaped; characters HTML cannot hold removed and counted.
    private mutating func text(_ value: String) -> String {
        escape(value, quotes: false)
    }

    /// An attribute value in double quotes: also `"` and `'` escaped.
    private mutating func attribute(_ value: String) -> String {
        escape(value, quotes: true)
    }

    private mutating func escape(_ value: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            case "\t", "\n", "\r", "\u{0C}": out.unicodeScalars.append(scalar)
            default:
                if NINJSLinks.isControl(scalar) || Self.isNoncharacter(scalar) {
                    if removedCharacters == 0 { firstRemovalLocation = currentLocation }
                    removedCharacters += 1
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// U+FDD0…U+FDEF and the last two code points of every plane: not allowed in HTML.
    private static func isNoncharacter(_ scalar: Unicode.Scalar) -> Bool {
        (0xFDD0...0xFDEF).contains(scalar.value) || scalar.value & 0xFFFE == 0xFFFE
    }
}
