// copydesk — ArticleFormats tests
// The HTML reader: each metadata source, each boilerplate pattern, the body's structure, bad input.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

@testable import ArticleFormats

private func provenance(_ article: Article, _ field: String) -> String? {
    guard case .object(let map)? = article.extensions["provenance"], case .string(let source)? = map[field] else {
        return nil
    }
    return source
}

// MARK: - Metadata

@Suite("HTML reader: metadata sources")
struct HTMLMetadataTests {
    @Test("JSON-LD NewsArticle: headline, authors, dates, section, keywords, language, publisher")
    func jsonLD() throws {
        let ld = """
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Lamps replaced","datePublished":"2025-03-01T09:00:00+01:00","dateModified":"2025-03-02",
            "author":[{"@type":"Person","name":"Ada Quill"},{"@type":"Organization","name":"Courier Desk"}],
            "articleSection":"Local","keywords":["lamps","harbour"],"inLanguage":"en-GB",
            "publisher":{"@type":"Organization","name":"The Courier"}}</script>
            """
        let result = try htmlArticle(htmlPage(head: ld, body: htmlStory))
        #expect(result.headline == "Lamps replaced")
        #expect(result.bylines.map(\.name) == ["Ada Quill", "Courier Desk"])
        #expect(result.bylines.map(\.kind) == [.person, .organization])
        #expect(result.published?.value?.iso8601 == "2025-03-01T09:00:00+01:00")
        #expect(result.modified?.value?.iso8601 == "2025-03-02")
        #expect(result.section == "Local")
        #expect(result.keywords == ["lamps", "harbour"])
        #expect(result.language == "en-GB")
        #expect(result.source?.publisher == "The Courier")
        #expect(provenance(result, "published") == "json-ld")
        #expect(provenance(result, "bylines") == "json-ld")
    }

    @Test("JSON-LD inside @graph, author as a plain string, ReportageNewsArticle and type arrays")
    func jsonLDGraph() throws {
        let ld = """
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":["ReportageNewsArticle","Article"],"headline":"From the graph","author":"Tomas Reyes",
            "datePublished":"2025-01-05"}]}</script>
            """
        let result = try htmlArticle(htmlPage(head: ld, body: htmlStory))
        #expect(result.headline == "From the graph")
        #expect(result.bylines.map(\.name) == ["Tomas Reyes"])
        #expect(result.published?.value?.iso8601 == "2025-01-05")
    }

    @Test(
        "Broken JSON-LD is recovered, never fatal",
        arguments: [
            // trailing comma, comment, extra closing brace
            #"/* cms */ {"@type":"NewsArticle","headline":"Recovered","datePublished":"2025-02-03",}}"#,
            // a raw newline and tab inside a string
            "{\"@type\":\"NewsArticle\",\"headline\":\"Recov\nered\",\"datePublished\":\"2025-02-03\"}",
            // an HTML comment wrapper and a missing closing brace
            #"<!-- {"@type":"NewsArticle","headline":"Recovered","datePublished":"2025-02-03" -->"#,
            // an unescaped quotation mark inside a value, one key per line
            "{\n\"@type\": \"NewsArticle\",\n\"description\": \"the \"best\" lamps\",\n"
                + "\"headline\": \"Recovered\",\n\"datePublished\": \"2025-02-03\"\n}",
        ])
    func brokenJSONLD(_ script: String) throws {
        let head = "<script type=\"application/ld+json\">\(script)</script>"
        let result = try htmlArticle(htmlPage(head: head, body: htmlStory))
        #expect(result.headline?.foldingWhitespace() == "Recov ered" || result.headline == "Recovered")
        #expect(result.published?.value?.iso8601 == "2025-02-03")
    }

    @Test("JSON-LD that cannot be read at all leaves the page readable")
    func hopelessJSONLD() throws {
        let result = try htmlArticle(
            htmlPage(head: "<script type=\"application/ld+json\">{{{ nope</script>", body: htmlStory))
        #expect(result.body.count == 2)
    }

    @Test("OpenGraph and article:* meta, with the site name")
    func openGraph() throws {
        let head = """
            <meta property="og:title" content="Lamps replaced | The Courier">
            <meta property="og:site_name" content="The Courier">
            <meta property="og:url" content="https://courier.example/lamps">
            <meta property="og:description" content="Forty lamps, one week.">
            <meta property="article:published_time" content="2025-03-01T08:00:00Z">
            <meta property="article:modified_time" content="2025-03-01T10:00:00Z">
            <meta property="article:section" content="Local">
            <meta property="article:tag" content="lamps"><meta property="article:tag" content="quay">
            """
        let result = try htmlArticle(htmlPage(head: head, body: htmlStory))
        #expect(result.headline == "Lamps replaced")
        #expect(result.subheadline == "Forty lamps, one week.")
        #expect(result.published?.value?.iso8601 == "2025-03-01T08:00:00Z")
        #expect(result.modified?.value?.iso8601 == "2025-03-01T10:00:00Z")
        #expect(result.section == "Local")
        #expect(result.keywords == ["lamps", "quay"])
        #expect(result.source?.publisher == "The Courier")
        #expect(result.source?.url == "https://courier.example/lamps")
        #expect(provenance(result, "published") == "meta:article:published_time")
    }

    @Test(
        "Author and date meta names",
        arguments: [
            ("author", "date"), ("byl", "pubdate"), ("dc.creator", "dc.date"), ("parsely-author", "parsely-pub-date"),
            ("sailthru.author", "sailthru.date"),
        ])
    func metaNames(_ names: (String, String)) throws {
        let head = """
            <meta name="\(names.0)" content="Ada Quill"><meta name="\(names.1)" content="2025-04-07">
            """
        let result = try htmlArticle(htmlPage(head: head, body: htmlStory))
        #expect(result.bylines.map(\.name) == ["Ada Quill"])
        #expect(result.published?.value?.iso8601 == "2025-04-07")
        #expect(provenance(result, "bylines") == "meta:\(names.0)")
        // `byl` holds the byline as printed; the other names hold the name alone.
        #expect(result.bylines.first?.origin == (names.0 == "byl" ? .printed : .field))
    }

    @Test("Microdata: itemprop headline, author name and datePublished")
    func microdata() throws {
        let body = """
            <div itemscope itemtype="https://schema.org/NewsArticle">
            <h1 itemprop="headline">Microdata headline</h1>
            <span itemprop="author" itemscope><span itemprop="name">Lena Marsh</span></span>
            <time itemprop="datePublished" datetime="2025-05-06T07:00:00Z">6 May</time>
            \(htmlStory)</div>
            """
        let result = try htmlArticle(htmlPage(body: body))
        #expect(result.headline == "Microdata headline")
        #expect(result.bylines.map(\.name) == ["Lena Marsh"])
        #expect(result.published?.value?.iso8601 == "2025-05-06T07:00:00Z")
        #expect(provenance(result, "published") == "microdata")
    }

    @Test("<time datetime>, rel=author inside a byline element, <title> without the site, <html lang>")
    func markup() throws {
        let html = """
            <html lang="pt-BR"><head><title>Lamps replaced - Kenby Weekly</title>
            <meta property="og:site_name" content="Kenby Weekly"></head><body>
            <div class="byline">By <a rel="author" href="/jo">Jo Finch</a>, Transport Reporter</div>
            <time datetime="2025-05-14T06:00:00Z">14 May 2025</time>\(htmlStory)</body></html>
            """
        let result = try htmlArticle(html)
        #expect(result.headline == "Lamps replaced")
        #expect(result.bylines.first?.raw == "By Jo Finch, Transport Reporter")
        #expect(result.published?.value?.iso8601 == "2025-05-14T06:00:00Z")
        #expect(result.language == "pt-BR")
        #expect(provenance(result, "published") == "time")
        #expect(!htmlTexts(result).contains("14 May 2025"))
    }

    @Test("A byline found only by its class")
    func bylineClass() throws {
        let result = try htmlArticle(htmlPage(body: "<p class=\"article-author\">By Priya Shah</p>\(htmlStory)"))
        #expect(result.bylines.first?.raw == "By Priya Shah")
        #expect(provenance(result, "bylines") == "class:byline")
    }

    @Test(
        "Byline elements lose the dates printed in them, and bylines are not taken from comment forms",
        arguments: [
            ("<div class=\"byline\">By Carrie Arnold<span>November 15, 2019</span></div>", "By Carrie Arnold"),
            (
                "<div class=\"byline\">Tom Davies Associated Press Published 11:34 PM EST Nov 19, 2019</div>",
                "Tom Davies Associated Press"
            ),
            ("<p class=\"author\">by Jeff Foust <time datetime=\"2019-11-18\">Monday</time></p>", "by Jeff Foust"),
            (
                "<form class=\"comment-form\"><label class=\"author\">Name (required)</label></form>"
                    + "<p class=\"byline\">By Priya Shah</p>", "By Priya Shah"
            ),
        ])
    func bylineCleanup(_ example: (String, String)) throws {
        let result = try htmlArticle(htmlPage(body: example.0 + htmlStory))
        #expect(result.bylines.first?.raw == example.1)
    }

    @Test("The standfirst is metadata, and the headline is not body")
    func standfirst() throws {
        let body = "<article><h1>Lamps replaced</h1><p class=\"dek\">Forty lamps in one week.</p>\(htmlStory)</article>"
        let result = try htmlArticle(htmlPage(body: body))
        #expect(result.headline == "Lamps replaced")
        #expect(result.subheadline == "Forty lamps in one week.")
        #expect(htmlTexts(result).count == 2)
        #expect(!htmlTexts(result).contains { $0.contains("Forty lamps in one week") || $0 == "Lamps replaced" })
    }

    @Test("Title site names are stripped before or after the separator")
    func titleStripping() {
        #expect(HTMLMetadata.strippingSiteName("Lamps replaced | Courier", site: "Courier") == "Lamps replaced")
        #expect(HTMLMetadata.strippingSiteName("Courier - Lamps replaced", site: "Courier") == "Lamps replaced")
        #expect(HTMLMetadata.strippingSiteName("Lamps replaced :: Courier", site: nil) == "Lamps replaced")
        #expect(HTMLMetadata.strippingSiteName("A - B", site: nil) == "A - B")
    }

    @Test("Canonical URL and lead image")
    func canonicalAndImage() throws {
        let head = """
            <link rel="canonical" href="https://courier.example/a"><meta property="og:image" content="https://img.example/a.jpg">
            """
        let result = try htmlArticle(htmlPage(head: head, body: htmlStory))
        #expect(result.source?.url == "https://courier.example/a")
        #expect(provenance(result, "leadImage") == "https://img.example/a.jpg")
        #expect(provenance(result, "url") == "link-canonical")
    }
}

// MARK: - Boilerplate

@Suite("HTML reader: boilerplate left out")
struct HTMLBoilerplateTests {
    /// The story in an article container beside one piece of furniture; the furniture text must not
    /// reach the body, and the story must.
    private func check(_ furniture: String, leaves text: String) throws {
        for placement in ["before", "inside", "after"] {
            let container =
                placement == "inside"
                ? "<div class=\"article-body\">\(htmlStory)\(furniture)</div>"
                : placement == "before"
                    ? "\(furniture)<div class=\"article-body\">\(htmlStory)</div>"
                    : "<div class=\"article-body\">\(htmlStory)</div>\(furniture)"
            let result = try htmlArticle(htmlPage(body: "<div class=\"page\">\(container)</div>"))
            let texts = htmlTexts(result).joined(separator: "\n")
            #expect(!texts.contains(text), "\(placement): '\(text)' leaked into the body")
            #expect(texts.contains("forty lamps were replaced"), "\(placement): the story was lost")
        }
    }

    @Test("Navigation") func nav() throws {
        try check(
            "<nav><ul><li><a href=\"/a\">News</a></li><li><a href=\"/b\">Sport</a></li></ul></nav>", leaves: "Sport")
    }
    @Test("Comments") func comments() throws {
        try check(
            "<div id=\"comments\"><p>Great piece, thanks for writing it all up in such detail.</p></div>",
            leaves: "Great piece")
    }
    @Test("Share bars") func share() throws {
        try check(
            "<div class=\"share-tools\"><a href=\"/fb\">Facebook</a> <a href=\"/tw\">Twitter</a></div>",
            leaves: "Facebook")
    }
    @Test("Related stories") func related() throws {
        try check(
            "<section class=\"related-articles\"><h2>More like this</h2><ul><li><a href=\"/x\">Bridge plan shelved again after "
                + "years of talks</a></li></ul></section>", leaves: "Bridge plan")
    }
    @Test("Ads") func ads() throws {
        try check(
            "<div class=\"ad-container\" id=\"div-gpt-ad-2\"><span>Advertisement</span></div>", leaves: "Advertisement")
    }
    @Test("Promos") func promo() throws {
        try check(
            "<div class=\"promo-box\"><p>Get 50% off your first month of the print edition today only.</p></div>",
            leaves: "50% off")
    }
    @Test("Newsletter sign-up") func newsletter() throws {
        try check(
            "<div class=\"newsletter\"><p>Sign up for our morning briefing and never miss a story.</p></div>",
            leaves: "morning briefing")
    }
    @Test("Paywall notices") func paywall() throws {
        try check(
            "<div class=\"paywall-message\"><p>Subscribe now to keep reading this and every other story.</p></div>",
            leaves: "keep reading")
    }
    @Test("Cookie banners") func cookies() throws {
        try check(
            "<div class=\"cookie-notice\"><p>We use cookies to improve your experience on our website today.</p></div>",
            leaves: "We use cookies")
    }
    @Test("Hidden elements") func hidden() throws {
        try check(
            "<div style=\"display:none\"><p>Invisible tracking copy that no reader ever sees on the page.</p></div>",
            leaves: "Invisible tracking")
        try check(
            "<div hidden><p>Hidden copy that no reader ever sees on the page at all, anywhere.</p></div>",
            leaves: "Hidden copy")
    }
    @Test("Scripts, styles and forms") func scripts() throws {
        try check("<script>var lamps = 'never in the body';</script><style>p{}</style>", leaves: "never in the body")
        try check("<form><label>Search the site for more stories</label><input></form>", leaves: "Search the site")
    }
    @Test("Footers and asides") func footers() throws {
        try check(
            "<footer><p>Copyright 2025 The Courier, 4 Quay Street, Wrenmouth. All rights reserved.</p></footer>",
            leaves: "All rights reserved")
        try check(
            "<aside><p>Most read this week: the night buses are back and the ferry fares rise.</p></aside>",
            leaves: "Most read")
    }
    @Test("Furniture lines inside the story") func lines() throws {
        for line in [
            "<p>Advertisement</p>", "<p>Image copyright Getty Images</p>",
            "<p><a href=\"/x\">Night buses return</a></p>",
            "<p>The quay at dawn, before the lamps were changed (Image: GETTY)</p>",
            "<p>[button link=\"https://x.example/review\" type=\"big\"] Send us your review</p>",
            "<p>Leggi anche: il porto di notte</p>", "<p>Published 14 May 2025</p>",
        ] {
            let result = try htmlArticle(htmlPage(body: "<div class=\"article-body\">\(htmlStory)\(line)</div>"))
            #expect(result.body.count == 2, "\(line) should be left out")
        }
        // A bare address the story cites stays.
        let cited = try htmlArticle(
            htmlPage(
                body:
                    "<div class=\"article-body\">\(htmlStory)<p><a href=\"https://x.example\">https://x.example</a></p></div>"
            ))
        #expect(cited.body.count == 3)
    }

    @Test("The notes say what was taken and what was left out, with lines")
    func notes() throws {
        let result = try readHTML(
            htmlPage(body: "<nav><a href=\"/\">Home</a></nav><div class=\"article-body\">\(htmlStory)</div>"))
        #expect(result.diagnostics.contains { $0.id == "html.content" && $0.message.contains("article-body") })
        #expect(result.diagnostics.contains { $0.id == "html.boilerplate" && $0.message.contains("<nav>") })
        #expect(result.diagnostics.allSatisfy { $0.severity <= .note })
    }
}

// MARK: - Structure

@Suite("HTML reader: body structure")
struct HTMLStructureTests {
    @Test("Paragraphs, headings, lists, links with their URLs, emphasis")
    func structure() throws {
        let body = """
            <article>\(htmlStory)<h3>The cost</h3><ul><li>Lamps: <b>40</b></li><li>Cost: 18,000 pounds</li></ul>
            <p>See <a href="https://council.example/lamps">the council's notice</a> for <em>details</em>.</p></article>
            """
        let result = try htmlArticle(htmlPage(body: body))
        guard case .heading(let heading) = result.body[2] else {
            Issue.record("expected a heading, got \(result.body[2].kind)")
            return
        }
        #expect(heading.level == 3)
        guard case .list(let list) = result.body[3] else {
            Issue.record("expected a list")
            return
        }
        #expect(list.items.map(\.content.plainText) == ["Lamps: 40", "Cost: 18,000 pounds"])
        guard case .paragraph(let paragraph) = result.body[4] else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(
            paragraph.content.contains(
                .link(url: "https://council.example/lamps", content: [.text("the council's notice")])))
        #expect(paragraph.content.contains(.emphasis([.text("details")])))
    }

    @Test("Blockquote attribution from <footer>, <cite> and a trailing dash")
    func blockquotes() throws {
        for (quote, name) in [
            ("<blockquote><p>Light is the first thing.</p><footer>— Tomas Reyes</footer></blockquote>", "Tomas Reyes"),
            ("<blockquote><p>Light is the first thing.</p><cite>Tomas Reyes</cite></blockquote>", "Tomas Reyes"),
            ("<blockquote>Light is the first thing.<br>— Tomas Reyes</blockquote>", "Tomas Reyes"),
        ] {
            let result = try htmlArticle(htmlPage(body: "<article>\(htmlStory)\(quote)</article>"))
            guard case .blockquote(let block)? = result.body.last else {
                Issue.record("no blockquote for \(quote)")
                continue
            }
            #expect(block.attribution == name)
            #expect(block.content.plainText == "Light is the first thing.")
        }
    }

    @Test("<q> is a quotation; figures keep caption and credit apart; a table is a table of rows")
    func inlineQuotesFiguresTables() throws {
        let body = """
            <article>\(htmlStory)<p>She called it <q>a fine night's work</q>.</p>
            <figure><img src="/lamp.jpg" alt="A lamp"><figcaption>The new lamps. <span class="credit">Photo: Lena Marsh</span></figcaption></figure>
            <table><tr><th>Lamp</th><th>Watts</th></tr><tr><td>Old</td><td>250</td></tr></table></article>
            """
        let result = try htmlArticle(htmlPage(body: body))
        guard case .paragraph(let paragraph) = result.body[2] else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(paragraph.content.contains { if case .quotation = $0 { true } else { false } })
        guard case .image(let image) = result.body[3] else {
            Issue.record("expected an image")
            return
        }
        #expect(image.src == "/lamp.jpg")
        #expect(image.caption == "The new lamps.")
        #expect(image.credit == "Photo: Lena Marsh")
        guard case .table(let table) = result.body[4] else {
            Issue.record("expected a table: \(result.body)")
            return
        }
        #expect(table.rows.map(\.isHeader) == [true, false])
        #expect(htmlTexts(result).last == "Lamp | Watts\nOld | 250")
    }

    @Test("A paragraph's line beside a lone image is its caption, unless the image has a <figure> of its own")
    func paragraphCaptions() throws {
        let body = """
            <article>\(htmlStory)<p><img src="/quay.jpg" alt="">The quay at dawn.</p>
            <p><figure class="picture"><img src="/pier.jpg" alt=""></figure>
            Calling all walkers: we have shown you the <a href="/a">plans</a> and the <a href="/b">costs</a>.</p></article>
            """
        let result = try htmlArticle(htmlPage(body: body))
        let images = result.body.compactMap { block -> Image? in
            if case .image(let image) = block { image } else { nil }
        }
        #expect(images.map(\.src) == ["/quay.jpg", "/pier.jpg"])
        #expect(images.map(\.caption) == ["The quay at dawn.", nil])
        #expect(htmlTexts(result).last == "Calling all walkers: we have shown you the plans and the costs.")
    }

    @Test(
        "A picture outside <figure> keeps the caption and credit named after it, its share box and class words aside"
    )
    func captionsOutsideFigures() throws {
        // The picture's own class names it shareable, and its group holds a link-copy box: the
        // picture stays, its `+12` counter goes, and the named caption and credit are the image's.
        let body = """
            <article>\(htmlStory)<div class="img-group"><div class="img-wrap"><img class="img-share" src="/quay.jpg" alt="">\
            <span>+12</span></div><div class="copy-link"><input value="https://example.com/quay"></div>\
            <p class="imageCaption">The quay at dawn</p><span class="credit">Lena Marsh</span></div>
            <p>The second paragraph of the story says the lamps stay on until midnight every night.</p>
            <p class="caption">A caption with no picture before it stays a paragraph.</p>
            <a class="share"><img src="/share-icon.png" alt="Share"></a></article>
            """
        let result = try htmlArticle(htmlPage(body: body))
        let images = result.body.compactMap { block -> Image? in
            if case .image(let image) = block { image } else { nil }
        }
        #expect(images.map(\.src) == ["/quay.jpg"])
        #expect(images.first?.caption == "The quay at dawn")
        #expect(images.first?.credit == "Lena Marsh")
        let paragraphs = result.body.compactMap { block -> String? in
            if case .paragraph(let paragraph) = block { paragraph.content.plainText } else { nil }
        }
        #expect(paragraphs.count == 4, "no +12, caption or credit paragraph: \(paragraphs)")
        #expect(paragraphs.last == "A caption with no picture before it stays a paragraph.")
    }

    @Test("A lazy-loaded picture is its data-src, not the placeholder; the same picture right after it is one image")
    func lazyAndRepeatedPictures() throws {
        let body = """
            <article>\(htmlStory)<img class="lazy" src="/img/preloader.gif" data-src="/photos/quay.jpg" alt="The quay">
            <div class="wrap"><img src="//cdn.example.com/a/pier-7731-s800-c85.jpg" alt="">\
            <button>Enlarge this image</button></div>\
            <div class="enlarge"><img data-original="https://cdn.example.com/a/pier-7731-s1200.jpg" alt="">\
            <p class="caption">The pier at night.</p></div>
            <p>The second paragraph of the story says the lamps stay on until midnight every night.</p>
            <img src="/a/gull_2447.jpg" alt=""><img src="/a/gull_2448.jpg" alt=""></article>
            """
        let images = try htmlArticle(htmlPage(body: body)).body.compactMap { block -> Image? in
            if case .image(let image) = block { image } else { nil }
        }
        // Two photos numbered in sequence are two pictures.
        #expect(
            images.map(\.src) == [
                "/photos/quay.jpg", "//cdn.example.com/a/pier-7731-s800-c85.jpg", "/a/gull_2447.jpg",
                "/a/gull_2448.jpg",
            ])
        #expect(images.map(\.caption) == [nil, "The pier at night.", nil, nil])
        #expect(HTMLBlockBuilder.isSamePicture("https://x.org/p.jpg", "//x.org/p.jpg"))
        #expect(HTMLBlockBuilder.isSamePicture("/a/photo-750x450.jpg", "/a/photo.jpg"))
        #expect(!HTMLBlockBuilder.isSamePicture("/a/photo.jpg", "/b/photo.jpg"))
        #expect(!HTMLBlockBuilder.isSamePicture("/img.php?id=1", "/img.php?id=2"))
    }

    @Test("Spacers, blank pixels and loading spinners are no pictures of the story")
    func placeholderImages() throws {
        let body = """
            <article>\(htmlStory)<img src="/scale/spacer.gif" alt=""><img src="/lazy/1x1.trans.gif" alt="">
            <img src="/files/spinning-progress.gif" alt=""><img src="/photos/quay_2784638a_trans_Nv.jpg" alt="The quay">
            <img src="/photos/blanket-fort.jpg" alt=""></article>
            """
        let images = try htmlArticle(htmlPage(body: body)).body.compactMap { block -> Image? in
            if case .image(let image) = block { image } else { nil }
        }
        // A word of the file name decides, not a part of a word (`blanket`, `trans`).
        #expect(images.map(\.src) == ["/photos/quay_2784638a_trans_Nv.jpg", "/photos/blanket-fort.jpg"])
    }

    @Test("A caption loses the screen-reader label printed before it, glued or not")
    func captionLabels() throws {
        let body = """
            <article>\(htmlStory)<figure><img src="/quay.jpg" alt=""><figcaption><span class="off-screen">Image caption\
            </span> The quay at dawn</figcaption></figure>
            <figure><img src="/pier.jpg" alt=""><figcaption><span>Media caption</span>The pier at night</figcaption></figure>
            <figure><img src="/lamp.jpg" alt=""><figcaption>Media captions explained</figcaption></figure></article>
            """
        let captions = try htmlArticle(htmlPage(body: body)).body.compactMap { block -> String? in
            if case .image(let image) = block { image.caption } else { nil }
        }
        #expect(captions == ["The quay at dawn", "The pier at night", "Media captions explained"])
    }

    @Test("A column after the story with the story's class, left without prose once its link lists go, is not taken")
    func sidebarSharingTheStoryClass() throws {
        let body = """
            <div class="content" id="main">\(htmlStory)<p>The council says the lamps will stay on every night \
            until midnight, and that the cost of the power is covered by the harbour fees paid by visiting boats.</p></div>
            <div class="content" id="side"><h3>Stay in touch with the town</h3>
            <ul><li><a href="/a">Sign up for the weekly letter</a></li><li><a href="/b">Follow the council</a></li>
            <li><a href="/c">Read the archive</a></li></ul>
            <h3>What readers opened this week</h3>
            <ul><li><a href="/d">Ferry times change in spring</a></li><li><a href="/e">New bakery on the quay</a></li>
            <li><a href="/f">School roof repaired</a></li></ul></div>
            """
        let texts = htmlTexts(try htmlArticle(htmlPage(body: body)))
        #expect(texts.count == 3)
        #expect(texts.last?.hasPrefix("The council says") == true)
        #expect(!texts.contains { $0.contains("Stay in touch") || $0.contains("readers opened") })
    }

    @Test("Tables: thead, tbody and tfoot rows, th-only rows as headers, the caption, cells' inline markup")
    func tables() throws {
        let table = """
            <table><caption> Lamps  by quay </caption>
            <thead><tr><td>Lamp</td><td>Watts</td></tr></thead>
            <tbody><tr><td><strong>Quay</strong> north</td><td><a href="/w">40</a></td></tr>
            <tr><th>Pier</th><th>Total</th></tr><tr><td>Old</td></tr></tbody>
            <tfoot><tr><td>All</td><td>100</td></tr></tfoot></table>
            """
        let result = try htmlArticle(htmlPage(body: "<article>\(htmlStory)\(table)</article>"))
        guard case .table(let read)? = result.body.last else {
            Issue.record("expected a table: \(result.body)")
            return
        }
        #expect(read.caption == "Lamps by quay")
        #expect(read.rows.map(\.isHeader) == [true, false, true, false, false])
        #expect(read.rows.map(\.cells.count) == [2, 2, 2, 1, 2])
        #expect(read.rows[1].cells[0].content == [.strong([.text("Quay")]), .text(" north")])
        #expect(read.rows[1].cells[1].content == [.link(url: "/w", content: [.text("40")])])
    }

    @Test("A table without text in any cell holds nothing; a table of paragraphs is layout, read as content")
    func tablesWithoutData() throws {
        let empty = "<table><tr><td> </td><td><img src=\"a.jpg\"></td></tr></table>"
        let layout = "<table><tr><td><p>A paragraph of the story in a layout table.</p></td></tr></table>"
        let result = try htmlArticle(htmlPage(body: "<article>\(htmlStory)\(empty)\(layout)</article>"))
        #expect(result.body.map(\.kind) == [.paragraph, .paragraph, .paragraph])
    }

    @Test("<pre> is code, character for character, with the language of its <code>; <br> is a line feed")
    func preformatted() throws {
        let pre = """
            <pre>
              indented
            	tab &lt;b&gt;</pre><pre class="x"><code class="hl language-swift">let a = 1<br>let b = 2
            </code></pre><pre>   </pre>
            """
        let result = try htmlArticle(htmlPage(body: "<article>\(htmlStory)\(pre)</article>"))
        let codes = result.body.compactMap { block -> CodeBlock? in
            if case .code(let code) = block { return code }
            return nil
        }
        #expect(codes.map(\.text) == ["  indented\n\ttab <b>", "let a = 1\nlet b = 2\n"])
        #expect(codes.map(\.language) == [nil, "swift"])
        #expect(result.body.count == 4, "a <pre> of white space is no block")
    }

    @Test("Text written straight into a div, split by <br><br>, becomes paragraphs")
    func brParagraphs() throws {
        let body =
            "<div class=\"content\">First paragraph of the story, long enough to count as prose here.<br><br>"
            + "Second paragraph of the story, also long enough to be counted as prose.<br><br>Third.</div>"
        let result = try htmlArticle(htmlPage(body: body))
        #expect(htmlTexts(result).count == 3)
        #expect(htmlTexts(result).first == "First paragraph of the story, long enough to count as prose here.")
    }

    @Test("javascript: links lose their URL but keep their text; event handlers never reach the model")
    func unsafeLinks() throws {
        let body =
            "<article>\(htmlStory)<p onclick=\"x()\">Read <a href=\"javascript:alert(1)\">the letter</a>.</p></article>"
        let result = try htmlArticle(htmlPage(body: body))
        guard case .paragraph(let paragraph)? = result.body.last else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(paragraph.content == [.text("Read the letter.")])
    }

    @Test("Blocks carry the line they start on")
    func locations() throws {
        let html =
            "<html><body><article>\n<p>One line of story text that is long enough to be counted, really.</p>\n\n"
            + "<p>Another line of story text, also long enough to be counted as prose.</p></article></body></html>"
        let result = try htmlArticle(html)
        #expect(result.body.map { $0.location?.line } == [2, 4])
        #expect(result.body.first?.location?.file == "page.html")
    }

    @Test("A story split into sections by figures is read whole")
    func sections() throws {
        let section =
            "<div class=\"story-section\"><p>A paragraph of the story, long enough to be read as prose by any "
            + "measure, with commas, clauses and a full stop at the end, number %d.</p></div>"
        var body = ""
        for number in 1...3 {
            body +=
                "<div class=\"wrap\"><div class=\"inner\">" + section.replacingOccurrences(of: "%d", with: "\(number)")
                + "</div></div><figure><img src=\"/\(number).jpg\"></figure>"
        }
        let result = try htmlArticle(htmlPage(body: body))
        let texts = htmlTexts(result).filter { $0.contains("number") }
        #expect(texts.count == 3)
    }
}

// MARK: - Encodings and bad input

@Suite("HTML reader: encodings and bad input")
struct HTMLBadInputTests {
    @Test("A page declaring Latin-1 is read as Windows-1252")
    func latin1() throws {
        let bytes: [UInt8] =
            Array("<meta charset=\"iso-8859-1\"><p>Caf".utf8) + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94]
            + Array("</p>".utf8)
        let result = try HTMLReader().read(ReaderInput(bytes: bytes, file: "a.html"), options: .default)
        let text = try #require(result.articles.first?.body.first?.plainText)
        #expect(text == "Café “quoted”")
    }

    @Test("A UTF-8 BOM and UTF-16 pages are decoded")
    func boms() throws {
        let html = "<p>Café ok</p>"
        let bom = try HTMLReader().read(ReaderInput(bytes: [0xEF, 0xBB, 0xBF] + Array(html.utf8)), options: .default)
        #expect(bom.articles.first?.body.first?.plainText == "Café ok")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in html.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let wide = try HTMLReader().read(ReaderInput(bytes: utf16), options: .default)
        #expect(wide.articles.first?.body.first?.plainText == "Café ok")
    }

    @Test("Empty and whitespace-only pages are a clear error naming the file")
    func empty() {
        for input in ["", "  \n\t "] {
            #expect {
                try HTMLReader().read(ReaderInput(string: input, file: "empty.html"), options: .default)
            } throws: { error in
                guard let error = error as? FormatError else { return false }
                return error.id == "html.empty" && error.file == "empty.html"
            }
        }
    }

    @Test("Binary data is refused")
    func binary() {
        #expect(throws: FormatError.self) {
            try HTMLReader().read(
                ReaderInput(bytes: [0x89, 0x50, 0x4E, 0x47, 0, 0, 1, 2], file: "x.html"), options: .default)
        }
    }

    @Test("Text that is not HTML still reads as a one-paragraph article")
    func notHTML() throws {
        let result = try readHTML("Just a line of plain text, typed into a file with an .html name by mistake.")
        #expect(result.articles.first?.body.count == 1)
    }

    @Test("A truncated page keeps what it has")
    func truncated() throws {
        let html = htmlPage(body: "<article>\(htmlStory)")
        let cut = String(html.prefix(html.count - 40))
        let result = try readHTML(cut)
        #expect(result.articles.first?.body.first?.plainText.contains("forty lamps") == true)
    }

    @Test("100,000 nested elements neither crash nor recurse")
    func deepNesting() throws {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth)
        let result = try readHTML(html)
        #expect(result.articles.count == 1)
    }

    @Test("A page with no story gives an empty body and a warning, not an error")
    func noStory() throws {
        let result = try readHTML(htmlPage(body: "<nav><a href=\"/\">Home</a></nav>"))
        #expect(result.articles.first?.body.isEmpty == true)
        #expect(result.diagnostics.contains { $0.id == "html.no-content" && $0.severity == .warning })
    }
}

// MARK: - Lenient JSON

@Suite("HTML reader: lenient JSON-LD")
struct LenientJSONTests {
    @Test("Several values one after the other are all read")
    func several() {
        #expect(LenientJSON.values(in: #"{"a":1} {"b":2}"#).count == 2)
    }

    @Test("A stray closing bracket is dropped and a missing one added")
    func brackets() {
        #expect(LenientJSON.values(in: #"{"a":[1,2]]}"#) == [.object(["a": .array([.number(1), .number(2)])])])
        #expect(LenientJSON.values(in: #"{"a":"b""#) == [.object(["a": .string("b")])])
    }

    @Test("Comments outside strings go, slashes inside strings stay")
    func comments() {
        #expect(
            LenientJSON.values(in: "// head\n{\"url\":\"https://x.example/a\" /* c */}")
                == [.object(["url": .string("https://x.example/a")])])
    }
}

@Suite("HTML reader: copydesk's body markup")
struct HTMLCopydeskMarkupTests {
    /// A story body as copydesk's writers render it (`BodyHTML`, `data-*` vocabulary).
    static let body = """
        <p>The pier reopened on Tuesday after three months of repairs to its storm-damaged deck and rails, \
        the council said. <q data-quote="q1" data-speaker="Ana Ruiz" data-speaker-mention="Mayor Ana Ruiz" \
        data-cue="said" data-attribution="explicit" data-open="‘" data-close="’">It is ours again,</q> said Mayor \
        Ana Ruiz.</p>
        <p class="list-label">Ana Ruiz, mayor:</p>
        <ul data-speaker="Ana Ruiz" data-speaker-role="mayor"><li>The deck is new.</li><li>The rails are steel.</li></ul>
        <figure><blockquote data-quote="q2" data-speaker="Ana Ruiz" data-attribution="explicit"><p>A town needs its \
        pier.</p></blockquote><figcaption><cite>Ana Ruiz</cite></figcaption></figure>
        <aside class="pullquote"><blockquote data-quote="q3"><p>It is ours again</p></blockquote></aside>
        """

    @Test("Quotes keep their ids, marks and speakers; labels, speakers and attributions come back")
    func markup() throws {
        // A page's asides are furniture: the pull quote goes, and its quote with it.
        let article = try htmlArticle(htmlPage(body: "<article><h1>Pier reopens</h1>\(Self.body)</article>"))
        #expect(article.body.map(\.kind) == [.paragraph, .list, .blockquote])
        guard case .paragraph(let paragraph) = article.body[0], case .list(let list) = article.body[1],
            case .blockquote(let quote) = article.body[2]
        else { return }
        #expect(
            paragraph.content.contains { inline in
                if case .quotation(let quotation) = inline {
                    return quotation.quoteID == "q1" && quotation.open == "‘" && quotation.close == "’"
                }
                return false
            })
        #expect(list.label == "Ana Ruiz, mayor:")
        #expect(list.speaker == Speaker(name: "Ana Ruiz", role: "mayor"))
        #expect(quote.attribution == "Ana Ruiz" && quote.quoteID == "q2")
        #expect(article.quotes.map(\.id) == ["q1", "q2"])
        #expect(article.quotes.first?.speaker == Speaker(name: "Ana Ruiz", mention: "Mayor Ana Ruiz"))
        #expect(article.quotes.first?.cue == "said")
        #expect(article.quotes.map(\.kind) == [.direct, .block])
    }

    @Test("A body fragment keeps every block, the pull quote too, and heading levels from 1")
    func fragment() throws {
        let reader = try #require(
            FormatRegistry.readableFormat(forMediaType: "text/html")?.reader as? any BodyFragmentReader)
        let fragment = reader.body(fromFragment: "<h1>Top</h1>" + Self.body, file: nil)
        #expect(fragment.blocks.map(\.kind) == [.heading, .paragraph, .list, .blockquote, .pullQuote])
        guard case .heading(let heading) = fragment.blocks[0] else { return }
        #expect(heading.level == 1)
        #expect(fragment.quotes.map(\.id) == ["q1", "q2", "q3"])
        #expect(fragment.quotes.map(\.kind) == [.direct, .block, .pull])
        #expect(reader.body(fromFragment: "  \n", file: nil).blocks.isEmpty)
    }

    @Test("Ordinary quote markup reads as before: <q> gets curly marks, a figure's quote its caption as attribution")
    func ordinaryMarkup() throws {
        let article = try htmlArticle(
            htmlPage(
                body: """
                    <article><h1>Pier reopens</h1><p>The pier reopened on Tuesday after three months of repairs to \
                    its storm-damaged deck and rails. <q>It is ours again</q>, the mayor said.</p>
                    <figure><blockquote><p>A town needs its pier.</p></blockquote><figcaption>— Ana Ruiz</figcaption></figure>
                    </article>
                    """))
        #expect(article.quotes.isEmpty)
        #expect(article.body.first?.plainText.contains("“It is ours again”") == true)
        guard case .blockquote(let quote)? = article.body.last else {
            Issue.record("the figure's quote is a blockquote")
            return
        }
        #expect(quote.attribution == "Ana Ruiz")
    }
}

@Suite("C name table")
struct CNameTableTests {
    @Test("a name in the table is found from its C string; other names, prefixes and longer names are not")
    func lookup() {
        let table = CNameTable(["p", "div", "data-src", "datetime", "h1"])
        func find(_ text: String) -> String? {
            text.withCString { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: text.utf8.count + 1) { table.name($0) }
            }
        }
        #expect(find("p") == "p")
        #expect(find("div") == "div")
        #expect(find("data-src") == "data-src")
        #expect(find("datetime") == "datetime")
        #expect(find("h1") == "h1")
        #expect(find("dix") == nil)
        #expect(find("data-srcset") == nil)
        #expect(find("data") == nil)
        #expect(find("h2") == nil)
        #expect(find("") == nil)
        #expect(find(String(repeating: "d", count: 100)) == nil)
    }
}

@Suite("C name table marks")
struct CNameTableMarkTests {
    @Test("marked names come back marked, others unmarked; a marked name needs no second listing")
    func marks() {
        let table = CNameTable(["p", "script"], marked: ["script", "style"])
        func entry(_ text: String) -> (name: String, marked: Bool)? {
            text.withCString { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: text.utf8.count + 1) { table.entry($0) }
            }
        }
        #expect(entry("script")?.marked == true)
        #expect(entry("style")?.name == "style")
        #expect(entry("style")?.marked == true)
        #expect(entry("p")?.marked == false)
        #expect(entry("div") == nil)
    }
}
