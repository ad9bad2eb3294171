// copydesk — HTML writer
// A standalone, accessible HTML5 article page, or the body alone as a CMS fragment (--html-fragment).

import ArticleModel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - HTMLPageWriter

/// Writes one article as a complete HTML5 page, valid for the W3C Nu HTML Checker: the headline in
/// `<h1>`, standfirst, highlights, bylines with `rel=author`, `<time datetime>` for the dates, the
/// dateline, the body through `BodyHTML` (quotes, speakers and list labels in `data-*` attributes,
/// which the HTML reader reads back), schema.org `NewsArticle` JSON-LD, OpenGraph and `article:*`
/// meta, and a small inline style sheet. No script runs and nothing is loaded but the article's own
/// images; every text is escaped. With `WriterOptions.htmlFragment` it writes the body alone.
///
/// A page copydesk wrote says so (`<meta name="generator" content="copydesk">`); the HTML reader
/// then reads it back exactly (docs/HTML.md, "Writing").
package struct HTMLPageWriter: ArticleWriter {
    /// Creates the writer.
    package init() {}

    /// One page holds one article.
    package var holdsSeveralArticles: Bool { false }

    /// Writes the one article in `articles` as a page, or as a body fragment.
    package func write(_ articles: [Article], options: WriterOptions) throws(FormatError) -> WriteResult {
        guard articles.count == 1 else {
            throw FormatError(
                id: "html.count", message: "an HTML page holds one article, not \(articles.count)",
                hint: "write one page per article (--out-dir), or convert to json")
        }
        let article = articles[0]
        var page = HTMLPage(article: article)
        if options.htmlFragment {
            return WriteResult(bytes: Array(page.fragment().utf8), diagnostics: page.diagnostics)
        }
        var published: DateTimeValue?
        var modified: DateTimeValue?
        if let date = article.published {
            published = try WriterDates.checked(date, field: "published", format: "HTML", article: article)
        }
        if let date = article.modified {
            modified = try WriterDates.checked(date, field: "modified", format: "HTML", article: article)
        }
        let text = page.document(published: published, modified: modified)
        return WriteResult(bytes: Array(text.utf8), diagnostics: page.diagnostics)
    }
}

// MARK: - HTMLPage

/// One article as a page: the markup, and the warnings for what it could not hold.
struct HTMLPage {
    /// The format name in messages.
    static let format = "an HTML page"
    /// The `generator` a page copydesk wrote declares, which the reader looks for.
    static let generator = "copydesk"
    /// The class of the element holding the body (the story, as the reader takes it).
    static let bodyClass = "article-body"

    let article: Article
    private(set) var diagnostics: [Diagnostic] = []
    /// Characters of the metadata that HTML cannot hold, replaced by U+FFFD.
    private var replaced = 0

    init(article: Article) {
        self.article = article
    }

    // MARK: Fragment

    /// The body alone, as a CMS takes it: the markup `body()` writes inside the page.
    mutating func fragment() -> String {
        let lines = body()
        diagnostics.append(
            Diagnostic(
                id: "conversion.fragment", severity: .note,
                message: "an HTML fragment holds the body alone: the headline, bylines, dates and other metadata "
                    + "are left out (without --html-fragment the page holds them)"))
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// The body through the shared renderer, with copydesk's `data-*` vocabulary, headings from
    /// `h2` (the headline is the page's `h1`) and URLs written as valid URIs.
    private mutating func body() -> [String] {
        var renderer = BodyHTML(
            options: BodyHTML.Options(
                format: Self.format, vocabulary: .data, minimumHeadingLevel: 2, encodesURLs: true, nestsLinks: false))
        let lines = renderer.render(article)
        diagnostics += renderer.diagnostics
        return lines
    }

    // MARK: Page

    /// The whole page.
    mutating func document(published: DateTimeValue?, modified: DateTimeValue?) -> String {
        let bodyLines = body()
        let dates = [
            PageDate(field: "published", label: "Published", date: article.published, value: published),
            PageDate(field: "modified", label: "Updated", date: article.modified, value: modified),
        ].filter { $0.date != nil }
        let canonical = canonicalURL()
        let images = imageURLs(base: canonical)
        var lines = ["<!DOCTYPE html>", "<html lang=\"\(escape(language()))\">", "<head>"]
        lines += head(dates: dates, canonical: canonical, images: images)
        lines += ["</head>", "<body>", "<main>", "<article>"]
        lines += header(dates: dates)
        lines.append("<div class=\"\(Self.bodyClass)\">")
        lines += bodyLines
        lines.append("</div>")
        lines += footer()
        lines += ["</article>", "</main>", "</body>", "</html>"]
        reportDropped()
        if replaced > 0 {
            diagnostics.append(
                Diagnostic(
                    id: "conversion.replaced", severity: .warning,
                    message: "\(replaced) character(s) of the metadata that HTML cannot hold (control characters, "
                        + "noncharacters) were replaced by U+FFFD on the page (the JSON-LD keeps them, escaped)"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A date as the page prints it, with its machine-readable value when it has one.
    struct PageDate {
        var field: String
        var label: String
        var date: ArticleDate?
        var value: DateTimeValue?
    }

    // MARK: Head

    private mutating func head(dates: [PageDate], canonical: String?, images: [String]) -> [String] {
        var lines = [
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(escape(title()))</title>",
            "<meta name=\"generator\" content=\"\(Self.generator)\">",
        ]
        let headline = article.headline.flatMap(Self.nonBlank)
        let description = article.subheadline.flatMap(Self.nonBlank)
        let authors = article.bylines.compactMap { Self.nonBlank($0.name) }
        if let description { lines.append(meta(name: "description", description)) }
        for author in authors { lines.append(meta(name: "author", author)) }
        if let canonical { lines.append("<link rel=\"canonical\" href=\"\(escape(canonical))\">") }
        lines.append(meta(property: "og:type", "article"))
        if let headline { lines.append(meta(property: "og:title", headline)) }
        if let description { lines.append(meta(property: "og:description", description)) }
        if let canonical { lines.append(meta(property: "og:url", canonical)) }
        if let publisher = article.source?.publisher.flatMap(Self.nonBlank) {
            lines.append(meta(property: "og:site_name", publisher))
        }
        if let image = images.first { lines.append(meta(property: "og:image", image)) }
        for date in dates {
            guard let value = date.value else { continue }
            lines.append(meta(property: "article:\(date.field)_time", value.iso8601))
        }
        for author in authors { lines.append(meta(property: "article:author", author)) }
        if let section = article.section.flatMap(Self.nonBlank) {
            lines.append(meta(property: "article:section", section))
        }
        for keyword in article.keywords.compactMap(Self.nonBlank) {
            lines.append(meta(property: "article:tag", keyword))
        }
        lines += [
            "<script type=\"application/ld+json\">", jsonLD(dates: dates, canonical: canonical, images: images),
            "</script>",
        ]
        lines += ["<style>", Self.styleSheet, "</style>"]
        return lines
    }

    /// The title: the headline, or a placeholder a page needs (its `<title>` cannot be empty).
    private mutating func title() -> String {
        if let headline = article.headline.flatMap(Self.nonBlank) { return headline }
        diagnostics.append(
            Diagnostic(
                id: "conversion.changed", severity: .note,
                message: "the article has no headline; the page's title (which HTML requires) is «Untitled article»"))
        return "Untitled article"
    }

    /// The `lang` of the page: the article's language when it reads as a BCP 47 tag (`en_GB` is
    /// written `en-GB`), else `und` (undetermined), with a warning for a language it cannot hold.
    private mutating func language() -> String {
        guard let language = article.language else { return "und" }
        let tag = language.trimmingWhitespace().replacing("_", with: "-")
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        let primary = parts.first ?? ""
        let wellFormed =
            (2...3).contains(primary.count) && primary.allSatisfy { $0.isASCII && $0.isLetter }
            && parts.dropFirst().allSatisfy { part in
                (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            }
        guard wellFormed else {
            diagnostics.append(
                .dropped(
                    "the language \(language.messageQuoted) in its lang attribute, which needs a BCP 47 tag (the "
                        + "page says und, undetermined; the JSON-LD keeps the language)", format: Self.format))
            return "und"
        }
        return tag
    }

    /// The source URL as a canonical link and `og:url` need it: absolute http(s), as a URI.
    private mutating func canonicalURL() -> String? {
        guard let url = article.source?.url else { return nil }
        let trimmed = url.trimmingWhitespace()
        if ["http", "https"].contains(URLSafety.scheme(of: trimmed) ?? ""), URLSafety.isSafe(trimmed),
            let encoded = Self.absolute(URLSafety.percentEncoded(trimmed))
        {
            return encoded
        }
        diagnostics.append(
            .dropped(
                "the source URL \(url.messageQuoted) (a canonical link, og:url and the JSON-LD url need an absolute "
                    + "http or https URL)", format: Self.format))
        return nil
    }

    /// The absolute http(s) URLs of the body's images (a relative one resolved against the
    /// canonical URL), for JSON-LD `image` and `og:image`.
    private func imageURLs(base: String?) -> [String] {
        var urls: [String] = []
        for block in article.body {
            guard case .image(let image) = block else { continue }
            let source = image.src.trimmingWhitespace()
            guard URLSafety.isSafe(source, schemes: ["http", "https"]) else { continue }
            let encoded = URLSafety.percentEncoded(source)
            let resolved: String?
            if URLSafety.scheme(of: encoded) != nil {
                resolved = Self.absolute(encoded)
            } else if let base, let url = URL(string: encoded, relativeTo: URL(string: base)) {
                resolved = Self.absolute(url.absoluteString)
            } else {
                resolved = nil
            }
            if let resolved, !urls.contains(resolved) { urls.append(resolved) }
        }
        return urls
    }

    /// The URL when it is an absolute http(s) URI with a host.
    private static func absolute(_ url: String) -> String? {
        guard URLSafety.isAbsoluteURI(url), let parsed = URL(string: url),
            ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host?.isEmpty == false
        else { return nil }
        return url
    }

    // MARK: JSON-LD

    /// schema.org `NewsArticle` as JSON-LD, escaped for a `<script>` element: `<`, `>` and `&` as
    /// `\u003c`, `\u003e` and `\u0026` (so no `</script>` or `<!--` can close or confuse it), and
    /// every character HTML forbids as an escape.
    private func jsonLD(dates: [PageDate], canonical: String?, images: [String]) -> String {
        var object: [String: JSONValue] = [
            "@context": .string("https://schema.org"), "@type": .string("NewsArticle"),
        ]
        if let headline = article.headline { object["headline"] = .string(headline) }
        if let subheadline = article.subheadline { object["description"] = .string(subheadline) }
        if !article.bylines.isEmpty { object["author"] = .array(article.bylines.map(Self.author)) }
        for date in dates {
            guard let value = date.value else { continue }
            object[date.field == "published" ? "datePublished" : "dateModified"] = .string(value.iso8601)
        }
        if let language = article.language { object["inLanguage"] = .string(language) }
        if let section = article.section { object["articleSection"] = .string(section) }
        if !article.keywords.isEmpty { object["keywords"] = .array(article.keywords.map { .string($0) }) }
        if let dateline = article.dateline { object["dateline"] = .string(dateline.raw) }
        if let source = article.source {
            if let publisher = source.publisher {
                object["publisher"] = .object(["@type": .string("Organization"), "name": .string(publisher)])
            }
            if let id = source.id { object["identifier"] = .string(id) }
            if let credit = source.credit { object["creditText"] = .string(credit) }
        }
        if let canonical {
            object["url"] = .string(canonical)
            object["mainEntityOfPage"] = .string(canonical)
        }
        if !images.isEmpty { object["image"] = .array(images.map { .string($0) }) }
        if case .string(let notice)? = article.extensions["copyright"] { object["copyrightNotice"] = .string(notice) }
        let json = String(decoding: JSONText.serialize(.object(object), pretty: true), as: UTF8.self)
        return Self.scriptSafe(json)
    }

    /// A byline as a schema.org `Person`, with its role as `jobTitle` and its affiliation as an
    /// `Organization`, or an `Organization` (which has neither: an agency's role and affiliation are
    /// in the printed byline alone).
    private static func author(_ byline: Byline) -> JSONValue {
        guard byline.kind == .person else {
            return .object(["@type": .string("Organization"), "name": .string(byline.name)])
        }
        var object: [String: JSONValue] = ["@type": .string("Person"), "name": .string(byline.name)]
        if let role = byline.role { object["jobTitle"] = .string(role) }
        if let affiliation = byline.affiliation {
            object["affiliation"] = .object(["@type": .string("Organization"), "name": .string(affiliation)])
        }
        return .object(object)
    }

    /// JSON text that a `<script>` element holds as it is: the characters that could end or
    /// confuse the element, and those HTML forbids in a document, written as `\u` escapes (they
    /// stand only inside strings, where JSON reads the escapes back as the same characters).
    static func scriptSafe(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        func escape(_ value: UInt32) {
            out += "\\u" + String(repeating: "0", count: 4 - String(value, radix: 16).count) + String(value, radix: 16)
        }
        for scalar in json.unicodeScalars {
            let value = scalar.value
            switch scalar {
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                escape(value)
            default:
                if XMLText.isAllowed(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if value > 0xFFFF {
                    let offset = value - 0x10000
                    escape(0xD800 + (offset >> 10))
                    escape(0xDC00 + (offset & 0x3FF))
                } else {
                    escape(value)
                }
            }
        }
        return out
    }

    // MARK: Header and footer

    /// The section as a kicker, the headline, standfirst, highlights, bylines, dates and dateline.
    private mutating func header(dates: [PageDate]) -> [String] {
        var lines = ["<header>"]
        if let section = article.section.flatMap(Self.nonBlank) {
            lines.append("<p class=\"kicker\">\(escape(section))</p>")
        }
        if let headline = article.headline.flatMap(Self.nonBlank) { lines.append("<h1>\(escape(headline))</h1>") }
        if let subheadline = article.subheadline.flatMap(Self.nonBlank) {
            lines.append("<p class=\"standfirst\">\(escape(subheadline))</p>")
        }
        let highlights = article.highlights.compactMap(Self.nonBlank)
        if !highlights.isEmpty {
            lines.append("<ul class=\"highlights\">")
            for highlight in highlights { lines.append("<li>\(escape(highlight))</li>") }
            lines.append("</ul>")
        }
        if let byline = bylineLine() { lines.append(byline) }
        if !dates.isEmpty {
            let printed = dates.map { date in date.label + " " + self.time(date) }
            lines.append("<p class=\"dates\">" + printed.joined(separator: " · ") + "</p>")
        }
        if let dateline = article.dateline {
            let attributes = [("data-place", dateline.place), ("data-date", dateline.date)].compactMap { pair in
                pair.1.map { " \(pair.0)=\"\(escape($0))\"" }
            }
            lines.append("<p class=\"dateline\"\(attributes.joined())>\(escape(dateline.raw))</p>")
        }
        lines.append("</header>")
        return lines.count == 2 ? [] : lines
    }

    /// `By <a rel="author">Name</a>, Role, Affiliation and …`: each author links to its own place in
    /// the byline (HTML allows `rel` only on a link), and is a schema.org author in the JSON-LD.
    private mutating func bylineLine() -> String? {
        let bylines = article.bylines.filter { Self.nonBlank($0.name) != nil }
        guard !bylines.isEmpty else { return nil }
        let detailed = bylines.contains { $0.role != nil || $0.affiliation != nil }
        var parts: [String] = []
        for (number, byline) in bylines.enumerated() {
            let id = "author-\(number + 1)"
            var part =
                "<span class=\"author\"><a rel=\"author\" href=\"#\(id)\" id=\"\(id)\">\(escape(byline.name))</a>"
            if let role = byline.role.flatMap(Self.nonBlank) { part += ", <span class=\"role\">\(escape(role))</span>" }
            if let affiliation = byline.affiliation.flatMap(Self.nonBlank) {
                part += ", <span class=\"affiliation\">\(escape(affiliation))</span>"
            }
            parts.append(part + "</span>")
        }
        let joined: String
        if detailed || parts.count < 2 {
            joined = parts.joined(separator: "; ")
        } else {
            joined = parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
        }
        return "<p class=\"byline\">By " + joined + "</p>"
    }

    /// A date in `<time datetime>` when HTML can say it, else as printed in a `<span>`.
    private mutating func time(_ date: PageDate) -> String {
        guard let printed = date.date else { return "" }
        let text = Self.nonBlank(printed.text) ?? date.value?.iso8601 ?? ""
        if let value = date.value, let machine = Self.htmlDateTime(value) {
            return "<time class=\"\(date.field)\" datetime=\"\(machine)\">\(escape(text))</time>"
        }
        if date.value == nil {
            diagnostics.append(
                Diagnostic(
                    id: "conversion.changed", severity: .note,
                    message: "the \(date.field) date \(printed.text.messageQuoted) is not one copydesk can read: the "
                        + "page prints it as it is, without <time datetime>, JSON-LD or article:\(date.field)_time",
                    location: printed.location))
        }
        return "<span class=\"\(date.field)\">\(escape(text))</span>"
    }

    /// The value as HTML's `datetime` grammar writes it: a year, a month, a date, a local or a
    /// global date and time (seconds' fraction cut to the three digits HTML allows); `nil` for
    /// what it cannot say (hour 24, a leap second).
    static func htmlDateTime(_ value: DateTimeValue) -> String? {
        guard value.year >= 1 else { return nil }
        if value.month == nil || value.day == nil || value.hour == nil {
            if let month = value.month, !(1...12).contains(month) { return nil }
            return value.iso8601
        }
        let fine =
            (0...23).contains(value.hour ?? 0) && (0...59).contains(value.minute ?? 0)
            && (0...59).contains(value.second ?? 0) && (value.fraction ?? "").allSatisfy(\.isASCII)
            && (value.fraction ?? "").allSatisfy(\.isNumber)
            && value.utcOffsetMinutes.map { abs($0) < 24 * 60 } ?? true
        guard fine else { return nil }
        var cut = value
        if let fraction = value.fraction, fraction.count > 3 { cut.fraction = String(fraction.prefix(3)) }
        return cut.iso8601
    }

    /// The copyright notice and the credit line, when the article has them.
    private mutating func footer() -> [String] {
        var lines: [String] = []
        if case .string(let notice)? = article.extensions["copyright"], let text = Self.nonBlank(notice) {
            lines.append("<p class=\"copyright\"><small>\(escape(text))</small></p>")
        }
        if let credit = article.source?.credit.flatMap(Self.nonBlank) {
            lines.append("<p class=\"credit\">\(escape(credit))</p>")
        }
        return lines.isEmpty ? [] : ["<footer>"] + lines + ["</footer>"]
    }

    /// Extensions other than the copyright notice have no place on the page.
    private mutating func reportDropped() {
        var rest = article.extensions
        if case .string? = rest["copyright"] { rest["copyright"] = nil }
        guard !rest.isEmpty else { return }
        let names = rest.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        diagnostics.append(
            .dropped("the extension(s) \(names.map(\.messageQuoted).joined(separator: ", "))", format: Self.format))
    }

    // MARK: Helpers

    private mutating func meta(name: String, _ content: String) -> String {
        "<meta name=\"\(name)\" content=\"\(escape(content))\">"
    }

    private mutating func meta(property: String, _ content: String) -> String {
        "<meta property=\"\(property)\" content=\"\(escape(content))\">"
    }

    /// Text escaped for element content or a double-quoted attribute, characters HTML forbids replaced.
    private mutating func escape(_ text: String) -> String {
        XMLText.escape(text, attribute: true, replaced: &replaced)
    }

    /// The text with its white space folded, or `nil` when nothing is left.
    static func nonBlank(_ text: String) -> String? {
        let folded = text.foldingWhitespace()
        return folded.isEmpty ? nil : folded
    }

    /// Readable typography on any screen, from the page itself (no font or sheet is loaded).
    static let styleSheet = """
        body { margin: 0; color: #1a1a1a; background: #fff; font: 1.125rem/1.6 Georgia, "Times New Roman", serif; }
        main { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        h1 { font-size: 2.2rem; line-height: 1.2; margin: 0.25rem 0 0.75rem; }
        h2, h3, h4, h5, h6 { line-height: 1.3; margin: 2rem 0 0.5rem; }
        .kicker, .byline, .dates, .dateline, figcaption, footer { font-family: system-ui, sans-serif; font-size: 0.9rem; color: #555; }
        .kicker { text-transform: uppercase; letter-spacing: 0.05em; margin: 0; }
        .standfirst { font-size: 1.3rem; line-height: 1.45; color: #333; }
        .highlights { padding-left: 1.25rem; }
        .dateline { font-weight: bold; }
        figure { margin: 1.5rem 0; }
        img { max-width: 100%; height: auto; }
        .credit { color: #666; }
        blockquote { margin: 1.5rem 0; padding-left: 1rem; border-left: 3px solid #ccc; }
        .pullquote blockquote { border: 0; padding: 0; font-size: 1.4rem; font-style: italic; }
        pre { overflow-x: auto; padding: 0.75rem; background: #f4f4f4; font-size: 0.9rem; line-height: 1.4; }
        table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
        caption { text-align: left; font-weight: bold; padding: 0.4rem 0; }
        th, td { border: 1px solid #ddd; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
        """
}
