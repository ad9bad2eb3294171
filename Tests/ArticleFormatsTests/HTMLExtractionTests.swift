// copydesk — ArticleFormats tests
// The HTML reader on the error classes of issue #17: the rules that decide what is the story.
// Every page here is written for the test; none is copied from a real site.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

@testable import ArticleFormats

@Suite("HTML reader: what is the story")
struct HTMLExtractionTests {
    @Test("A block of several embeds with a short label is furniture (the embed test's second branch)")
    func severalEmbeds() throws {
        let embeds =
            "<div class=\"clips\">Watch the two clips from the quay below<video src=\"a.mp4\"></video>"
            + "<video src=\"b.mp4\"></video></div>"
        let body = try storyText(after: embeds)
        #expect(body.contains("forty lamps"))
        #expect(!body.contains("Watch the two clips"), "a block of two embeds and a label is not story text")
    }

    @Test("A section of the story's class that repeats its text is a copy, not a continuation")
    func repeatedStory() throws {
        let section = "<div class=\"story-text\">\(htmlStory)</div>"
        let result = try htmlArticle(
            htmlPage(
                body: "<article>\(section)</article><div class=\"ad\">Advertisement</div><article>\(section)</article>")
        )
        #expect(htmlTexts(result).count == 2, "the story once: \(htmlTexts(result))")
    }

    @Test("A sibling holding the same story again (another class, the page's second copy) is left out")
    func repeatedSibling() throws {
        let story = "\(htmlStory)<p>The council will report on the savings next spring, its lighting officer said.</p>"
        let page = htmlPage(
            body: "<div><div class=\"story copy-a\">\(story)</div><div class=\"story copy-b\">\(story)</div></div>")
        let texts = htmlTexts(try htmlArticle(page))
        #expect(texts.count == 3, "the story once: \(texts)")
        // Two different sections of one story both stay.
        let second =
            "<p>The museum will show the old sodium lamps from May, beside the quay's first gas lamp.</p>"
            + "<p>Its curator said the town had kept every lamp the harbour ever used, and would go on doing so.</p>"
        let split = htmlPage(
            body: "<div><div class=\"story part-a\">\(story)</div><div class=\"story part-b\">\(second)</div></div>")
        #expect(htmlTexts(try htmlArticle(split)).count == 5)
    }

    @Test("A standfirst class repeated down the page (one dek per slide) is story, not metadata")
    func repeatedDeks() throws {
        let slides = (1...4).map { number in
            "<div class=\"slide\"><h2>Lamp \(number)</h2><div class=\"slide-dek\"><p>Lamp \(number) was fitted on the "
                + "north quay by the night shift, and it is the brightest of the forty now on the harbour.</p></div></div>"
        }.joined()
        let result = try htmlArticle(htmlPage(body: "<div class=\"listicle-body\">\(slides)</div>"))
        #expect(htmlTexts(result).filter { $0.contains("was fitted on the north quay") }.count == 4)
        let single = try htmlArticle(
            htmlPage(
                body:
                    "<p class=\"standfirst\">The harbour is brighter.</p><div class=\"article-body\">\(htmlStory)</div>"
            )
        )
        #expect(single.subheadline == "The harbour is brighter.")
        #expect(!htmlTexts(single).contains("The harbour is brighter."))
    }

    @Test("A short story followed by a long comment thread: the comments do not win the page")
    func shortStoryLongComments() throws {
        let short =
            "<div class=\"post-body\"><p>The night ferry runs again from Monday, the harbour office said.</p>"
            + "<p>Tickets are on sale at the quay.</p></div>"
        let comments = (1...12).map { number in
            "<div class=\"comment-body\"><p>Comment \(number): I took that ferry for years, and I missed it badly, "
                + "so this is good news for all of us who work late in the town, thank you for the story.</p></div>"
        }.joined()
        let result = try htmlArticle(
            htmlPage(body: "<div class=\"post\">\(short)</div><div id=\"comments\">\(comments)</div>"))
        let body = htmlTexts(result).joined(separator: "\n")
        #expect(body.contains("The night ferry runs again"))
        #expect(!body.contains("I took that ferry"), "comments leaked: \(body)")
    }

    @Test("The story is looked for inside the page's <main>, however a box outside it scores")
    func insideMain() throws {
        let paragraph =
            "the lamps along the quay were replaced this week, the first change since the war, and the council, "
            + "which paid for them, says the power bill will fall by a third, the harbour master said."
        let pieces = (1...6).map { "<div><div><div><p>Part \($0): \(paragraph)</p></div></div></div>" }.joined()
        let modal =
            "<div class=\"z-body\">"
            + (1...3).map {
                "<p>Shop \($0): free delivery, easy returns, and prices, "
                    + "taxes, duties and fees, all shown before you pay, in your currency, wherever you are.</p>"
            }.joined()
            + "</div>"
        let result = try htmlArticle(htmlPage(body: "\(modal)<main><div><div><div>\(pieces)</div></div></div></main>"))
        let body = htmlTexts(result).joined(separator: "\n")
        #expect(body.contains("Part 1:") && body.contains("Part 6:"))
        #expect(!body.contains("free delivery"))
    }

    @Test("A page that is a data table of short cells (a team roster) is read as its rows")
    func dataTablePage() throws {
        let rows = (1...14).map {
            "<tr><td><img src=\"p\($0).jpg\"></td><td>\($0)</td><td>Player \($0)</td><td>R/R</td><td>6-\($0 % 6)</td><td>190 lbs</td><td>7/10/89</td></tr>"
        }
        .joined()
        let nav = "<div class=\"site-links\"><a href=\"/a\">Teams</a> <a href=\"/b\">Scores</a></div>"
        let result = try htmlArticle(
            htmlPage(
                body:
                    "<div class=\"app\">\(nav)<div class=\"roster\"><section><h2>Pitchers</h2>"
                    + "<table class=\"roster-table\">\(rows)</table></section><section><h2>Catchers</h2>"
                    + "<table class=\"roster-table\"><tr><td>31</td><td>Catcher A</td><td>R/R</td></tr>"
                    + "<tr><td>32</td><td>Catcher B</td><td>L/R</td></tr></table></section></div></div>"
            ))
        // Each table's rows, one a line (the picture cell is empty).
        let body = htmlTexts(result).flatMap { $0.split(separator: "\n").map(String.init) }
        #expect(body.contains("31 | Catcher A | R/R"), "a table of the same class continues the story")
        #expect(body.contains(" | 1 | Player 1 | R/R | 6-1 | 190 lbs | 7/10/89"))
        #expect(body.contains(" | 14 | Player 14 | R/R | 6-2 | 190 lbs | 7/10/89"))
        #expect(result.body.filter { $0.kind == .table }.count == 2)
        #expect(!body.joined().contains("Teams"), "the table is the story, not the page around it: \(body)")
    }

    @Test("A strong candidate inside the story is part of it, not a rival that lifts the story to the page")
    func nestedRival() throws {
        let paragraph =
            "The lamps along the quay were replaced this week, the first change since the war, and the council "
            + "says the power bill will fall by a third, which pays for them within ten years."
        let post =
            "<div><div><div><div class=\"post hentry\"><div>" + (1...6).map { "<p>\($0). \(paragraph)</p>" }.joined()
            + "</div></div></div></div></div>"
        let box =
            "<div class=\"box\">"
            + (1...12).map {
                "<p>Other story \($0): the night ferry, the market hall and the new bus timetable, in "
                    + "<a href=\"/s\($0)\">this week's</a> paper.</p>"
            }.joined() + "</div>"
        let result = try htmlArticle(
            htmlPage(
                body: "<section id=\"page\"><div id=\"content\">\(post)</div><div class=\"col\">\(box)</div></section>"
            ))
        let body = htmlTexts(result).joined(separator: "\n")
        #expect(body.contains("6. The lamps"))
        #expect(!body.contains("Other story"), "the box beside the story leaked in: \(body)")
    }

    @Test("Paragraphs whose class names a paywall, when they are the story, stay (no silent loss)")
    func paywallParagraphs() throws {
        let paragraphs = (1...8).map {
            "<p class=\"paywall\">\($0). The lamps along the quay were replaced this week, the first change since "
                + "the war, and the council says the bill will fall by a third.</p>"
        }.joined()
        let box = "<div class=\"paywall-offer\"><p>Subscribe for one pound a week to read every story.</p></div>"
        let result = try htmlArticle(htmlPage(body: "<div class=\"article-body\">\(paragraphs)\(box)</div>"))
        let body = htmlTexts(result)
        #expect(body.filter { $0.contains("The lamps along the quay") }.count == 8, "\(body)")
        #expect(!body.joined().contains("one pound a week"))
    }

    @Test("A tweet in a wrapper named for social media is an embedded post, not a share bar")
    func socialPostWrapper() throws {
        let tweet =
            "<div class=\"social-embed\"><blockquote class=\"twitter-tweet\"><p>The new lamps on the quay are "
            + "brilliant, I could read my paper at midnight on the harbour wall last night.</p>&mdash; Ann Lee "
            + "(@annlee)</blockquote></div>"
        let share = "<div class=\"social-share\"><a href=\"/fb\">Facebook</a> <a href=\"/tw\">Twitter</a></div>"
        let body = try storyText(after: tweet + share)
        #expect(body.contains("I could read my paper at midnight"))
        #expect(!body.contains("Facebook"))
    }

    @Test("One embed with a long paragraph beside it stays")
    func oneEmbedWithText() throws {
        let text = String(repeating: "The film shows the night shift fitting the lamps along the quay. ", count: 3)
        let embeds = "<div class=\"clip\">\(text)<video src=\"a.mp4\"></video></div>"
        let body = try storyText(after: embeds)
        #expect(body.contains("night shift fitting"))
    }
}

// MARK: - Encodings

@Suite("HTML reader: encodings are detected and said")
struct HTMLEncodingDetectionTests {
    private func decode(_ bytes: [UInt8]) throws -> (text: String, notes: [String]) {
        let result = try HTMLReader().read(ReaderInput(bytes: bytes, file: "p.html"), options: .default)
        let text = try #require(result.articles.first).body.map(\.plainText).joined(separator: "\n")
        return (text, result.diagnostics.filter { $0.id == "html.encoding" }.map(\.message))
    }

    private func bytes(_ parts: Any...) -> [UInt8] {
        parts.flatMap { part -> [UInt8] in
            if let text = part as? String { return Array(text.utf8) }
            if let values = part as? [Int] { return values.map { UInt8($0) } }
            return part as? [UInt8] ?? []
        }
    }

    @Test("No declaration and Latin-1 bytes: read as Windows-1252, with a note")
    func latin1WithoutDeclaration() throws {
        let page = bytes("<html><body><p>It will cost ", [0xA3], "66 at the caf", [0xE9, 0x2E], "</p></body></html>")
        let (text, notes) = try decode(page)
        #expect(text == "It will cost £66 at the café.")
        #expect(notes.count == 1)
        #expect(notes.first?.contains("declares no encoding") == true)
    }

    @Test("A UTF-8 page with a stray Latin-1 byte keeps its UTF-8 and reads the byte as Windows-1252")
    func mixedBytes() throws {
        let page = bytes("<meta charset=\"utf-8\"><p>“Quoted” at 15", [0xB0], "C</p>")
        let (text, notes) = try decode(page)
        #expect(text == "“Quoted” at 15°C")
        #expect(notes.first?.contains("not valid UTF-8") == true)
    }

    @Test("A page declaring Windows-1252 whose bytes are UTF-8 is read as UTF-8, with a note")
    func declaredLatinButUTF8() throws {
        let (text, notes) = try decode(bytes("<meta charset=\"windows-1252\"><p>Café “ok”</p>"))
        #expect(text == "Café “ok”")
        #expect(notes.first?.contains("read as UTF-8") == true)
    }

    @Test("A byte Windows-1252 leaves undefined (0x9D) is left out, not refused")
    func undefinedByte() throws {
        let page = bytes("<meta charset=\"windows-1252\"><p>Caf", [0xE9, 0x9D], " open</p>")
        let (text, notes) = try decode(page)
        #expect(text == "Café open")
        #expect(notes.first?.contains("undefined") == true)
    }

    @Test("A NUL byte in a page is left out with a note; a file of NULs is still binary")
    func nulBytes() throws {
        let (text, notes) = try decode(bytes("<p>One stray", [0], " byte in a page.</p>"))
        #expect(text == "One stray byte in a page.")
        #expect(notes.first?.contains("NUL") == true)
        #expect(throws: FormatError.self) {
            try HTMLReader().read(
                ReaderInput(bytes: Array(repeating: 0, count: 64) + Array("<p>x</p>".utf8)), options: .default)
        }
    }

    @Test("An encoding libxml2 knows is decoded by it: Windows-1251, from an XML prolog too")
    func otherEncodings() throws {
        let cyrillic: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]  // "Привет" in Windows-1251
        let (text, _) = try decode(bytes("<meta charset=\"windows-1251\"><p>", cyrillic, "</p>"))
        #expect(text == "Привет")
        let (prolog, _) = try decode(
            bytes("<?xml version=\"1.0\" encoding=\"windows-1251\"?><html><p>", cyrillic, "</p>"))
        #expect(prolog == "Привет")
    }

    @Test("--input-encoding windows-1252 forces Windows-1252")
    func forced() throws {
        let result = try HTMLReader().read(
            ReaderInput(bytes: bytes("<p>Caf", [0xC3, 0xA9], "</p>")), options: ReaderOptions(encoding: .windows1252))
        #expect(result.articles.first?.body.first?.plainText == "CafÃ©")
    }
}

// MARK: - Metadata

@Suite("HTML reader: metadata of issue #17")
struct HTMLMetadataFixesTests {
    @Test("JSON-LD in a CDATA section keeps its \\u escapes decoded")
    func cdataEscapes() throws {
        let head =
            "<script type=\"application/ld+json\">\n<![CDATA[\n{\"@type\":\"NewsArticle\",\"headline\":"
            + "\"Caf\\u00e9 hroz\\u00ed \\ud83d\\ude00\"}\n]]>\n</script>"
        #expect(try htmlArticle(htmlPage(head: head, body: htmlStory)).headline == "Café hrozí 😀")
    }

    @Test("Salvaged JSON-LD decodes its escapes: \\u, \\n, quotes")
    func salvagedEscapes() throws {
        let value = try #require(LenientJSON.salvage(#"{"headline": "Caf\u00e9\n  \"open\"", "broken": [}"#))
        guard case .object(let object) = value else {
            Issue.record("expected an object, got \(value)")
            return
        }
        #expect(object["headline"] == .string("Café\n  \"open\""))
    }

    @Test("Newlines and indentation inside a headline fold to single spaces, from every source")
    func headlineWhitespace() throws {
        let ld =
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Lamps\\n    go\\tout\"}</script>"
        #expect(try htmlArticle(htmlPage(head: ld, body: htmlStory)).headline == "Lamps go out")
        let salvaged =
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Lamps\\n  go out\", [}</script>"
        #expect(try htmlArticle(htmlPage(head: salvaged, body: htmlStory)).headline == "Lamps go out")
        let markup = "<h1>\n      Lamps\n      go out\n    </h1>"
        #expect(try htmlArticle(htmlPage(body: markup + htmlStory)).headline == "Lamps go out")
        let title = "<title>\n  The harbour lamps\n  go out for good | The Courier\n</title>"
        #expect(try htmlArticle(htmlPage(head: title, body: htmlStory)).headline == "The harbour lamps go out for good")
    }

    @Test("Meta article:author that is a URL is passed over for the next source; og:article:author is read")
    func metaAuthors() throws {
        let url = try htmlArticle(
            htmlPage(
                head: "<meta property=\"article:author\" content=\"https://www.facebook.com/someone\">"
                    + "<meta name=\"dc.creator\" content=\"Jo Finch\">", body: htmlStory))
        #expect(url.bylines.map(\.name) == ["Jo Finch"])
        let og = try htmlArticle(
            htmlPage(
                head: "<meta property=\"og:article:author\" content=\"Ana Ruiz\">"
                    + "<meta property=\"og:article:author\" content=\"Tom Lee\">", body: htmlStory))
        #expect(og.bylines.map(\.name) == ["Ana Ruiz", "Tom Lee"])
    }
}

// MARK: - Structure

@Suite("HTML reader: structure of issue #17")
struct HTMLStructureFixesTests {
    @Test("An element HTML does not define is inline: it does not split its paragraph")
    func customInlineElement() throws {
        let result = try htmlArticle(
            htmlPage(
                body: "<article>\(htmlStory)<p>The bill falls by <x-highlight>a third</x-highlight>, said "
                    + "<place>Wrenmouth</place> council.</p></article>"))
        #expect(htmlTexts(result).last == "The bill falls by a third, said Wrenmouth council.")
    }

    @Test("A custom element holding paragraphs is still a container")
    func customBlockContainer() throws {
        let result = try htmlArticle(htmlPage(body: "<article><story-body>\(htmlStory)</story-body></article>"))
        #expect(htmlTexts(result).count == 2)
    }

    @Test("Table cells are separated, and a cell's own blocks are spaced apart")
    func tableCells() throws {
        let table =
            "<table><tr><th>Lamp</th><th>Watts</th></tr><tr><td><strong>Quay</strong><br>north</td><td>40</td></tr>"
            + "<tr><td><h4>Pier</h4>south end</td><td>60</td></tr></table>"
        let result = try htmlArticle(htmlPage(body: "<article>\(htmlStory)\(table)</article>"))
        #expect(htmlTexts(result).last == "Lamp | Watts\nQuay\nnorth | 40\nPier south end | 60")
        guard case .table(let table)? = result.body.last else {
            Issue.record("expected a table: \(result.body)")
            return
        }
        #expect(table.rows[1].cells[0].content == [.strong([.text("Quay")]), .lineBreak, .text("north")])
    }
}

// MARK: - Furniture lines

@Suite("HTML reader: furniture lines of issue #17")
struct HTMLFurnitureLinesTests {
    @Test(
        "Credits, contact, newsletter, slideshow and 'Updated at' lines are left out",
        arguments: [
            "<p>(Reporting by Ann Lee; Editing by Tom Hart)</p>",
            "<p>Jo Finch contributed to this report.</p>",
            "<p>jo.finch@courier.example</p>",
            "<p>twitter.com/jofinch</p>",
            "<p>Follow her on Twitter and Instagram.</p>",
            "<p>Sign up: the morning briefing, in your inbox at seven.</p>",
            "<p>Write to Jo Finch at jo.finch@courier.example</p>",
            "<p>Image 1 of 9</p>",
            "<p>Updated at 14 May 2025</p>",
            "<p>Posted in Harbour, Lamps | No Comments »</p>",
            "<p>Posted on 14 May 2025 at 6:41 AM • 7 Comments</p>",
            "<p>You can follow any responses to this entry through the feed. You can leave a response.</p>",
            "<p>You may use these HTML tags and attributes: &lt;a&gt; &lt;b&gt; &lt;em&gt;</p>",
            "<p>segunda-feira, 22 de janeiro de 2018 às 0:13</p>",
            "<p>Publicado em 5 de maio de 2024, 14h30</p>",
            "<p>Mis à jour le 3 mars 2025 à 18:05</p>",
            "<p>Donnerstag, 14. März 2024, 09:30 Uhr</p>",
        ])
    func lines(_ line: String) throws {
        let result = try htmlArticle(htmlPage(body: "<div class=\"article-body\">\(htmlStory)\(line)</div>"))
        #expect(result.body.count == 2, "\(line) should be left out: \(htmlTexts(result))")
    }

    @Test("A date line in another language: names, numbers and date words only, a day and a year")
    func otherLanguageDateLines() {
        #expect(BoilerplateLines.isOtherLanguageDateLine("sexta-feira, 22 de outubro de 2010 às 20:13"))
        #expect(BoilerplateLines.isOtherLanguageDateLine("lunes 3 de marzo de 2025"))
        #expect(!BoilerplateLines.isOtherLanguageDateLine("Mars 2020"), "a name and one number: a heading")
        #expect(!BoilerplateLines.isOtherLanguageDateLine("La sonda llegó a Marte el 18 de febrero de 2021"))
        #expect(!BoilerplateLines.isOtherLanguageDateLine("14 May 2025"), "English dates are DateParser's")
    }

    @Test("A sentence of the story that ends in a count of comments or replies stays")
    func commentCountSentence() throws {
        let sentence =
            "<p>The council's page on the lamps drew 40 comments.</p><p>The harbour office had 12 replies</p>"
        let texts = htmlTexts(
            try htmlArticle(htmlPage(body: "<div class=\"article-body\">\(htmlStory)\(sentence)</div>")))
        #expect(texts.contains("The council's page on the lamps drew 40 comments."))
        #expect(!texts.contains("The harbour office had 12 replies"), "a line ending in a count is a meta line")
        #expect(!BoilerplateLines.isCommentCountLine("40 lamps and comments"))
        #expect(BoilerplateLines.isCommentCountLine("Filed under News (3 comments)"))
    }

    @Test("A 'By …' line at the top of the story is a byline; a sentence starting with 'By' stays")
    func bylineLine() throws {
        let top = try htmlArticle(
            htmlPage(body: "<div class=\"article-body\"><p>By Jo Finch and Ann Lee</p>\(htmlStory)</div>"))
        #expect(htmlTexts(top).count == 2)
        #expect(top.bylines.map(\.raw) == ["By Jo Finch and Ann Lee"])
        #expect(top.bylines.first?.origin == .printed)
        // The page's own byline data wins; the printed line still leaves the body.
        let meta = try htmlArticle(
            htmlPage(
                head: "<meta name=\"author\" content=\"Jo Finch\">",
                body: "<div class=\"article-body\"><p>By Jo Finch and Ann Lee</p>\(htmlStory)</div>"))
        #expect(meta.bylines.map(\.name) == ["Jo Finch"])
        #expect(htmlTexts(meta).count == 2)
        let sentence = try htmlArticle(
            htmlPage(body: "<div class=\"article-body\"><p>By Friday the quay was lit.</p>\(htmlStory)</div>"))
        #expect(htmlTexts(sentence).first == "By Friday the quay was lit.")
    }

    @Test("A press release's 'About …' section at the end is left out; the story keeps its own 'About' words")
    func aboutSection() throws {
        let release =
            "<h2>The quay</h2>\(htmlStory)<p>About 40 staff kept the quay open through both nights of the work.</p>"
            + "<p>The council will report on the savings next spring.</p>"
            + "<h2>About Wrenmouth Lighting</h2><p>Wrenmouth Lighting makes lamps for harbours and has 40 staff.</p>"
            + "<p>Media contact: press office.</p>"
        let result = try htmlArticle(htmlPage(body: "<div class=\"article-body\">\(release)</div>"))
        let body = htmlTexts(result).joined(separator: "\n")
        #expect(body.contains("report on the savings"))
        #expect(body.contains("About 40 staff kept the quay open"), "a sentence starting with 'About' is story")
        #expect(!body.contains("makes lamps for harbours"))
        #expect(!body.contains("About Wrenmouth Lighting"))
    }

    @Test("An 'About the author' box at the end of a post is left out; an 'About' heading of the story stays")
    func aboutTheAuthor() throws {
        let post =
            "\(htmlStory)<p>The council will report on the savings next spring.</p>"
            + "<p>The museum will show the old lamps from May.</p>"
            + "<h3>About the author…</h3><p>Jo Finch has written 812 posts on this blog about the harbour.</p>"
        let result = try htmlArticle(htmlPage(body: "<div class=\"article-body\">\(post)</div>"))
        let body = htmlTexts(result).joined(separator: "\n")
        #expect(body.contains("old lamps from May"))
        #expect(!body.contains("812 posts"), "the author's box stayed: \(body)")
        let story =
            "\(htmlStory)<p>The council will report on the savings next spring.</p>"
            + "<p>The museum will show the old lamps from May.</p>"
            + "<h3>About the lamps</h3><p>Each of the new lamps uses a third of the power of the old ones.</p>"
        let kept = htmlTexts(try htmlArticle(htmlPage(body: "<div class=\"article-body\">\(story)</div>")))
        #expect(kept.contains("Each of the new lamps uses a third of the power of the old ones."))
    }

    @Test("The loosest reading, which cleans nothing else, still leaves out a menu (a list that is all links)")
    func loosestReadingDropsMenus() throws {
        let menu = (1...12).map { "<li><a href=\"/s\($0)\">Section \($0)</a></li>" }.joined()
        let list = "<ul><li>Lamps fitted on the north quay this week</li><li>Lamps fitted on the south quay</li></ul>"
        let page = htmlPage(
            body:
                "<div id=\"wrapper\"><ul>\(menu)</ul><p>The harbour's forty lamps were replaced this week, the council "
                + "said, and the quay was closed to cars for two nights while the work went on.</p>\(list)</div>")
        let document = try HTMLDocument.parse(Array(page.utf8), file: nil)
        let loosest = try #require(ContentExtractor.Options.attempts.last)
        #expect(!loosest.cleanConditionally)
        var extractor = ContentExtractor(document: document, options: loosest)
        let chosen = extractor.extract()
        #expect(!chosen.isEmpty)
        let lists = document.nodes.indices.filter { document.nodes[$0].name == "ul" }
        #expect(lists.count == 2)
        #expect(extractor.isRemoved(lists[0]), "the menu stayed")
        #expect(!extractor.isRemoved(lists[1]), "a list of the story's own items is not a menu")
        #expect(extractor.dropped.contains { $0.node == lists[0] && $0.reason == "list of links" })
    }

    @Test("A hover card's text is not glued into the name it explains")
    func hoverCard() throws {
        let paragraph =
            "<p>The mayor, <a href=\"/p/ann\">Ann Lee<span class=\"hovercard\">Mayor since 2019. Party: Harbour "
            + "First. Born in Wrenmouth.</span></a>, said the lamps were worth every penny of the bill.</p>"
        let result = try htmlArticle(htmlPage(body: "<div class=\"article-body\">\(htmlStory)\(paragraph)</div>"))
        #expect(htmlTexts(result).last == "The mayor, Ann Lee, said the lamps were worth every penny of the bill.")
    }
}
