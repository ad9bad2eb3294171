// copydesk — ArticleFormats tests
// NITF: the reader on project-written files and (when ../shared is there) real ones, the writer
// against IPTC's NITF 3.6 schema, and round trips.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

@testable import ArticleFormats

private let nitf = FormatRegistry.format(named: "nitf")!
private let schemaPath = TestPaths.shared?.appendingPathComponent("standards/nitf/nitf-3-6.xsd").path
private let corpus = TestPaths.shared?.appendingPathComponent("corpus/thirdparty/nitf")
private let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/ArticleFormatsTests/Fixtures/readers")
private let kitchenSink = fixtures.appendingPathComponent("kitchen-sink.json")

/// Reads a file with the format its content and extension say, through the pipeline.
private func read(_ url: URL) throws -> [Article] {
    let bytes = [UInt8](try Data(contentsOf: url))
    let detected = try #require(try FormatRegistry.detect(path: url.path, bytes: bytes))
    return try Pipeline().read(ReaderInput(bytes: bytes, file: url.lastPathComponent), format: detected.format)
        .articles
}

/// NITF text read by the NITF reader alone (no analysis).
private func readNITF(_ text: String, file: String? = "story.nitf") throws(FormatError) -> ReadResult {
    try nitf.reader!.read(ReaderInput(string: text, file: file), options: .default)
}

private func write(_ article: Article) throws(FormatError) -> WriteResult {
    try nitf.writer!.write([article], options: .default)
}

/// A document in NITF's namespace with this body content (and an optional head).
private func document(head: String = "", bodyHead: String = "", content: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
    <head>\(head)</head>
    <body><body.head>\(bodyHead)</body.head><body.content>\(content)</body.content></body>
    </nitf>
    """
}

/// Text as NITF gives it back: characters XML forbids replaced, XML white space folded, trimmed.
private func folded(_ text: String) -> String {
    let words = xmlSafe(text).unicodeScalars.split { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    return words.map { String(String.UnicodeScalarView($0)) }.joined(separator: " ").trimmingWhitespace()
}

/// What NITF carries of an article: the printed form of bylines, where it was read from and the
/// extensions (which NITF carries only in part) left out.
private func carried(_ article: Article) -> Article {
    var copy = article
    copy.bylines = article.bylines.map { byline in
        var byline = byline
        byline.raw = nil
        byline.origin = .field
        return byline
    }
    copy.source?.format = nil
    copy.source?.file = nil
    copy.extensions = [:]
    copy.dateMentions = []
    return copy
}

/// An article with every part NITF carries.
private func fullArticle() -> Article {
    Article(
        headline: "Pier reopens after storm repairs", subheadline: "Repairs took three months",
        highlights: ["Open daily from 7am", "Fares unchanged"],
        bylines: [
            Byline(name: "Jane Roe", role: "Harbour Reporter", affiliation: "Gazette"),
            Byline(name: "Coastline News Agency", kind: .organization),
        ],
        dateline: Dateline(place: "PORT ELLIS", date: "June 12", raw: "PORT ELLIS, June 12 (CNA)"),
        published: ArticleDate(parsing: "2025-06-12T09:30:00+01:00"),
        modified: ArticleDate(parsing: "2025-06-13T10:00:00Z"), language: "en-GB", section: "Local",
        keywords: ["pier", "storm"],
        source: ArticleSource(
            publisher: "Harbour Gazette", url: "https://example.org/pier", credit: "CNA", id: "hg-pier-1"),
        body: [
            .paragraph(
                Paragraph([
                    .text("The pier, "), .emphasis([.text("closed since March")]), .text(", is "),
                    .strong([.text("open")]), .text(" again ("),
                    .link(url: "https://example.org/map", content: [.text("map")]), .text(")."),
                ])),
            .heading(Heading(level: 2, [.text("What changed")])),
            .paragraph(
                Paragraph([
                    .quotation(Quotation(content: [.text("We are open,")], quoteID: "q1")),
                    .text(" said Ana Ruiz."),
                ])),
            .paragraph(
                Paragraph([.quotation(Quotation(open: "\"", close: "", content: [.text("First part.")], quoteID: "q2"))]
                )),
            .paragraph(
                Paragraph([
                    .quotation(Quotation(open: "\"", close: "\"", content: [.text("Second part.")], quoteID: "q2")),
                    .text(" she added."),
                ])),
            .list(
                ListBlock(
                    ordered: true, items: [ListItem(text: "Survey the piles"), ListItem(text: "Paint the rails")],
                    label: "Ana Ruiz, mayor:", speaker: Speaker(name: "Ana Ruiz", role: "mayor"))),
            .blockquote(Blockquote([.text("Water does not wait.")], attribution: "Ana Ruiz, mayor", quoteID: "q3")),
            .pullQuote(PullQuote([.text("We are open")], quoteID: "q4")),
            .image(
                Image(
                    src: "https://example.org/pier.jpg", alt: "The pier at dawn", caption: "The new decking",
                    credit: "Harbour Council")),
            .rule(HorizontalRule()),
            .paragraph(Paragraph([.text("Line one"), .lineBreak, .text("line two")])),
        ],
        quotes: [
            Quote(
                id: "q1", text: "We are open,", speaker: Speaker(name: "Ana Ruiz"), cue: "said", attribution: .explicit),
            Quote(id: "q2", text: "First part. Second part."),
            Quote(
                id: "q3", text: "Water does not wait.",
                speaker: Speaker(name: "Ana Ruiz", mention: "Ana Ruiz, mayor", role: "mayor"), kind: .block,
                attribution: .explicit),
            Quote(
                id: "q4", text: "We are open", speaker: Speaker(name: "Ana Ruiz"), kind: .pull, attribution: .inherited),
        ])
}

@Suite("NITF reader and writer")
struct NITFTests {
    // MARK: Writer

    @Test("The kitchen-sink article matches its golden NITF")
    func golden() throws {
        let article = try #require(try read(kitchenSink).first)
        let golden = TestPaths.packageRoot.appendingPathComponent(
            "Tests/ArticleFormatsTests/Fixtures/writers/kitchen-sink.nitf.xml")
        if let difference = Golden.check(try write(article).bytes, against: golden) {
            Issue.record(Comment(rawValue: difference))
        }
    }

    @Test(
        "Samples, reader fixtures, the shared NITF files and random articles validate against the NITF 3.6 schema",
        .enabled(if: schemaPath != nil, Comment(rawValue: TestPaths.sharedMissing)))
    func schemaValid() throws {
        let validator = try XMLSchemaValidator(schemaPath: try #require(schemaPath))
        let readable = Set(FormatRegistry.formats.filter(\.isReadable).flatMap(\.extensions))
        let inputs =
            TestPaths.files(in: TestPaths.packageRoot.appendingPathComponent("Samples"), extensions: readable)
            + TestPaths.files(in: fixtures, extensions: readable).filter {
                !$0.lastPathComponent.hasSuffix(".article.json")
            } + TestPaths.files(in: try #require(corpus), extensions: ["xml"])
        var articles: [(String, Article)] = []
        for url in inputs {
            for (index, article) in try read(url).enumerated() {
                articles.append(("\(url.lastPathComponent)#\(index)", article))
            }
        }
        articles.append(("full", fullArticle()))
        var awkward = fullArticle()
        awkward.extensions = [
            "nitf": .object([
                "meta": .object(["bad name": .string("x"), "ok": .array([.string("a"), .number(1), .bool(true)])]),
                "series": .object(["series.part": .string("not a token!")]), "tobject.type": .string("News"),
                "du-key": .object(["version": .string("4 2")]),
                "pubdata": .array([.object(["type": .string("bogus"), "issn": .string("1")])]),
                "revision-history": .array([.object(["function": .string("bogus"), "norm": .string("x")])]),
                "doc.copyright": .object(["year": .string("two thousand")]),
            ]),
            "subjects": .array([
                .object(["code": .string("has space"), "name": .string("N")]), .object(["code": .string("medtop:1")]),
                .string("loose"),
            ]),
            "genre": .string("Feature"), "urgency": .number(2.5),
            "headlines": .array([.object(["text": .string("H"), "language": .string("en_GB")])]),
            "dates": .object(["date.release": .string("20250101"), "embargoed": .string("bad")]),
        ]
        articles.append(("awkward extensions", awkward))
        var random = RandomArticles(seed: 3636)
        for index in 0..<60 { articles.append(("random \(index)", random.article())) }
        #expect(articles.count > 90)
        for (name, article) in articles {
            let findings = try validator.validate(try write(article).bytes, file: name)
            #expect(findings.isEmpty, "\(name): \(findings.map(\.description))")
        }
    }

    @Test("article → NITF → article is the same article on everything NITF carries")
    func roundTrip() throws {
        let article = fullArticle()
        let written = try write(article)
        #expect(!written.diagnostics.contains { $0.id == "conversion.dropped" }, "\(written.diagnostics)")
        let back = try #require(
            try nitf.reader!.read(ReaderInput(bytes: written.bytes), options: .default).articles.first)
        #expect(carried(back) == carried(article))
        for (mine, theirs) in zip(back.body, article.body) where mine != theirs {
            Issue.record("\(mine)\n  differs from\n\(theirs)")
        }
        // The bylines are printed ones now; the NITF the reader got back is written again the same.
        #expect(back.bylines.allSatisfy { $0.origin == .printed })
        #expect(try write(back).bytes == written.bytes)
    }

    @Test("json → nitf → json keeps the text, structure, quotes and speakers of random articles", arguments: 0..<80)
    func randomRoundTrip(seed: Int) throws {
        var random = RandomArticles(seed: UInt64(seed) &+ 36_000)
        let article = random.article()
        let written = try write(article)
        let back = try #require(
            try nitf.reader!.read(ReaderInput(bytes: written.bytes), options: .default).articles.first)
        // Text is folded as XML white space is; values of attributes are kept as they were.
        let value = { (text: String) in xmlSafe(text).trimmingWhitespace() }
        #expect((back.headline ?? "") == folded(article.headline ?? ""), "seed \(seed)")
        #expect(back.highlights == article.highlights.map(folded).filter { !$0.isEmpty }, "seed \(seed)")
        #expect(back.keywords == article.keywords.map(value).filter { !$0.isEmpty }, "seed \(seed)")
        let named = article.bylines.filter { !$0.name.trimmingWhitespace().isEmpty }
        #expect(back.bylines.map(\.name) == named.map { folded($0.name) }, "seed \(seed)")
        #expect(back.bylines.map(\.kind) == named.map(\.kind), "seed \(seed)")
        #expect(back.published?.value == article.published?.value, "seed \(seed)")
        // Blocks with no text are left out; a list with no items is its label.
        let kept = article.body.filter { block in
            switch block {
            case .image, .rule: return true
            case .list(let list):
                return list.items.contains { !folded($0.content.plainText).isEmpty }
                    || !folded(list.label ?? "").isEmpty
            default: return !folded(block.plainText).isEmpty
            }
        }
        let texts = { (blocks: [Block]) in
            blocks.flatMap { block -> [String] in
                guard case .list(let list) = block else { return [folded(block.plainText)] }
                let items = list.items.map { folded($0.content.plainText) }.filter { !$0.isEmpty }
                return items.isEmpty ? [folded(list.label ?? "")] : [folded(list.label ?? "")] + items
            }
        }
        #expect(
            back.body.map(\.kind)
                == kept.map { block in
                    guard case .list(let list) = block else { return block.kind }
                    return list.items.contains { !folded($0.content.plainText).isEmpty } ? .list : .paragraph
                }, "seed \(seed)")
        #expect(texts(back.body) == texts(kept), "seed \(seed)")
        // Every quote its anchors carry comes back with its speaker; the others are reported.
        for quote in article.quotes {
            guard let anchor = article.quoteAnchors[quote.id]?.first else { continue }
            let block = article.body[anchor.blockIndex]
            var text = block.plainText
            if case .list(let list) = block, let item = anchor.itemIndex { text = list.items[item].content.plainText }
            // A quote whose first anchor stands in a block with no text goes with the block.
            guard !folded(text).isEmpty else { continue }
            let carried = back.quotes.first { $0.id == quote.id }
            #expect(carried?.speaker?.name == quote.speaker.map { xmlSafe($0.name) }, "seed \(seed)")
            #expect(carried?.cue == quote.cue.map(xmlSafe), "seed \(seed)")
        }
        let dropped = written.diagnostics.filter { $0.id == "conversion.dropped" && $0.message.contains("the quote") }
        #expect(dropped.count == article.unanchoredQuotes.count, "seed \(seed)")
    }

    @Test("A set-apart quote holding a quotation of its own id keeps its cue and how it was found")
    func setApartQuoteDetails() throws {
        var article = Article(
            headline: "H",
            body: [
                .pullQuote(
                    PullQuote([.quotation(Quotation(content: [.text("We will sail")], quoteID: "q1"))], quoteID: "q1"))
            ])
        article.quotes = [Quote(id: "q1", text: "We will sail", cue: "said", kind: .pull, attribution: .inherited)]
        let back = try #require(
            try nitf.reader!.read(ReaderInput(bytes: try write(article).bytes), options: .default).articles.first)
        #expect(back.quotes.map(\.cue) == ["said"])
        #expect(back.quotes.map(\.attribution) == [.inherited])
    }

    @Test("An impossible date is an error that names the file and the field, never a file")
    func impossibleDates() throws {
        var article = Article(headline: "H", body: [.paragraph(Paragraph(text: "Text."))])
        article.source = ArticleSource(file: "in/story.yaml")
        article.published = ArticleDate(parsing: "2023-02-29")
        #expect(article.published?.value != nil)
        do {
            _ = try write(article)
            Issue.record("expected an error")
        } catch {
            #expect(error.id == "output.date")
            #expect(error.file == "in/story.yaml")
            #expect(error.message.contains("published date") && error.message.contains("February 2023 has 28 days"))
        }
        article.published = ArticleDate(parsing: "2023-02-28")
        article.modified = ArticleDate(parsing: "2023-04-31T10:00:00Z")
        #expect(throws: FormatError.self) { try write(article) }
        article.modified = nil
        article.extensions = ["dates": .object(["date.expire": .string("2023-06-31")])]
        do {
            _ = try write(article)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("date.expire"))
        }
    }

    @Test("Markup in text is escaped, forbidden characters replaced, unsafe links dropped with a warning")
    func escaping() throws {
        try expectMarkupEscaped { article in try write(article) }
    }

    @Test("What NITF has no element for is noted or reported: pull quotes, strong, heading levels, extensions")
    func writerNotes() throws {
        var article = fullArticle()
        article.body.append(.heading(Heading(level: 3, [.text("Deeper")])))
        article.extensions = [
            "cms": .string("x"), "urgency": .number(2), "slugline": .string("Pier-Reopens"),
            "dates": .object(["embargoed": .string("2025-06-12T08:00:00Z"), "firstCreated": .string("2025-06-11")]),
        ]
        let written = try write(article)
        let text = String(decoding: written.bytes, as: UTF8.self)
        let notes = written.diagnostics.filter { $0.id == "conversion.changed" }.map(\.message)
        #expect(notes.contains { $0.contains("pull quote") })
        #expect(notes.contains { $0.contains("strong") })
        #expect(notes.contains { $0.contains("hl2") })
        let dropped = written.diagnostics.filter { $0.id == "conversion.dropped" }.map(\.message)
        #expect(dropped.contains { $0.contains("cms") })
        #expect(dropped.contains { $0.contains("firstCreated") })
        #expect(!dropped.contains { $0.contains("urgency") || $0.contains("slugline") || $0.contains("embargoed") })
        #expect(text.contains("<urgency ed-urg=\"2\"/>"))
        #expect(text.contains("<du-key key=\"Pier-Reopens\"/>"))
        #expect(text.contains("<date.release norm=\"20250612T080000Z\"/>"))
        #expect(text.contains("<bq class=\"pullquote\""))
    }

    // MARK: Reader

    @Test("NITF in no namespace and in NITF's namespace read alike; another root is refused")
    func namespaces() throws {
        let body =
            "<body><body.head><hedline><hl1>Title</hl1></hedline></body.head>"
            + "<body.content><p>Text.</p></body.content></body>"
        let plain = try readNITF("<nitf>\(body)</nitf>").articles[0]
        let spaced = try readNITF("<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\">\(body)</nitf>").articles[0]
        #expect(plain == spaced)
        #expect(plain.headline == "Title" && plain.body == [.paragraph(Paragraph(text: "Text."))])
        #expect(plain.source?.format == "nitf")
        do {
            _ = try readNITF("<nitf xmlns=\"urn:other\">\(body)</nitf>")
            Issue.record("expected an error")
        } catch {
            #expect(error.id == "nitf.root")
        }
    }

    @Test("An embedded <nitf> is found through the registry and read whatever it holds")
    func embedded() throws {
        let element = try XMLTree.parse(
            "<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\"><body><body.content><p>Only a body.</p>"
                + "</body.content></body></nitf>", file: "item.xml")
        let reader = try #require(FormatRegistry.embeddedReader(for: element))
        let (article, _) = reader.article(from: element, file: "item.xml")
        #expect(article.body == [.paragraph(Paragraph(text: "Only a body."))])
        #expect(article.headline == nil)
        let content = try XMLTree.parse("<body.content><p>x</p></body.content>", file: nil)
        #expect(FormatRegistry.embeddedReader(for: content) == nil)
        // Content straight under <nitf>, and loose text, are still read.
        let loose = try XMLTree.parse(
            "<nitf><body.content>Loose <em>text</em>.<p>Then a paragraph.</p></body.content></nitf>", file: nil)
        let read = try #require(FormatRegistry.embeddedReader(for: loose)).article(from: loose, file: nil).article
        #expect(read.body.map(\.plainText) == ["Loose text.", "Then a paragraph."])
    }

    @Test("The head: hl1 before title, dates from norms, docdata into shared extension keys")
    func head() throws {
        let text = document(
            head: """
                <title>Slug title</title><meta name="anpa-category" content="f"/>
                <docdata><doc-id id-string="X-1"/><urgency ed-urg="2"/><date.issue norm="20240102T030405Z"/>
                <date.expire norm="20240201"/><ed-msg info="Hold for release."/><du-key key="Slug"/>
                <doc.copyright year="2024" holder="Agency"/><key-list><keyword key="one"/><keyword key="two"/></key-list>
                </docdata><pubdata name="The Paper" date.publication="20240103"/>
                """,
            bodyHead: """
                <hedline><hl1>The headline</hl1><hl2>The headline</hl2></hedline>
                <hedline><hl1>Another headline</hl1></hedline>
                """, content: "<p>Body.</p>")
        let article = try readNITF(text).articles[0]
        #expect(article.headline == "The headline")
        #expect(article.subheadline == nil, "an hl2 repeating the headline is not a subheadline")
        #expect(
            article.published?.value
                == DateTimeValue(year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5, utcOffsetMinutes: 0))
        #expect(article.published?.text == "2024-01-02T03:04:05Z")
        #expect(article.published?.provenance == "date.issue")
        #expect(article.source?.id == "X-1" && article.source?.publisher == "The Paper")
        #expect(article.keywords == ["one", "two"])
        let extensions = article.extensions
        #expect(extensions["urgency"] == .number(2))
        #expect(extensions["slugline"] == .string("Slug"))
        #expect(extensions["editorialNote"] == .string("Hold for release."))
        #expect(extensions["copyright"] == .string("© 2024 Agency"))
        #expect(
            extensions["dates"]
                == .object([
                    "date.issue": .string("2024-01-02T03:04:05Z"), "date.expire": .string("2024-02-01"),
                    "date.publication": .string("2024-01-03"),
                ]))
        let headlines = extensions["headlines"]
        #expect(
            headlines
                == .array([
                    .object(["text": .string("Slug title"), "role": .string("title")]),
                    .object(["text": .string("The headline"), "role": .string("hl2")]),
                    .object(["text": .string("Another headline")]),
                ]))
        #expect(extensions["nitf"] == .object(["meta": .object(["anpa-category": .string("f")])]))
        // Without an hl1, the title is the headline; without docdata, pubdata dates it.
        let bare = try readNITF(
            document(
                head: "<title>Only a title</title><pubdata date.publication=\"20240103T1200+0100\"/>",
                content: "<p>B.</p>")
        ).articles[0]
        #expect(bare.headline == "Only a title")
        #expect(bare.published?.value?.iso8601 == "2024-01-03T12:00:00+01:00")
        #expect(bare.published?.provenance == "date.publication")
    }

    @Test("An hl2 that is the story's keyword is no subheadline; the rights owner is the credit without a distributor")
    func keywordAndCredit() throws {
        let text = document(
            head: "<docdata><key-list><keyword key=\"HARBOUR WORKS\"/></key-list></docdata>",
            bodyHead: """
                <hedline><hl1>Harbour works begin</hl1><hl2>Harbour Works</hl2></hedline>
                <rights><rights.owner>Coast Agency</rights.owner></rights>
                """, content: "<p>B.</p>")
        let article = try readNITF(text).articles[0]
        #expect(article.subheadline == nil)
        #expect(
            article.extensions["headlines"]
                == .array([.object(["text": .string("Harbour Works"), "role": .string("hl2")])]))
        #expect(article.source?.credit == "Coast Agency")
        #expect(article.extensions["nitf"] == .object(["rights": .object(["owner": .string("Coast Agency")])]))
    }

    @Test("Without a distributor or rights owner, the copyright holder is the credit, so byline.missing is quiet")
    func copyrightHolderCredit() throws {
        let head = "<docdata><doc.copyright year=\"2024\" holder=\"Coastline Press\"/></docdata>"
        let bare = try readNITF(document(head: head, content: "<p>The ferry resumed on Monday.</p>")).articles[0]
        #expect(bare.source?.credit == "Coastline Press")
        #expect(bare.extensions["copyright"] == .string("© 2024 Coastline Press"))
        #expect(!Validator().validate(bare, file: "story.nitf").contains { $0.id == "byline.missing" })
        let distributed = try readNITF(
            document(
                head: head,
                bodyHead: "<distributor>Harbour Wire</distributor>", content: "<p>The ferry resumed on Monday.</p>")
        ).articles[0]
        #expect(distributed.source?.credit == "Harbour Wire", "a distributor names the credit first")
        let uncredited = try readNITF(document(content: "<p>The ferry resumed on Monday.</p>")).articles[0]
        #expect(uncredited.source?.credit == nil)
        #expect(Validator().validate(uncredited, file: "story.nitf").contains { $0.id == "byline.missing" })
    }

    @Test("Bylines: person and byttl, printed text for the byline analyser, an organisation in byttl")
    func bylines() throws {
        let text = document(
            bodyHead: """
                <byline>By <person>Ada Lane</person>, <byttl>Science Editor, <org>The Paper</org></byttl></byline>
                <byline>By TOM REED<byttl>Staff Writer</byttl></byline>
                <byline><byttl>Sports Network</byttl></byline>
                <byline><byttl><org>Wire Service</org></byttl></byline>
                """, content: "<p>B.</p>")
        let bylines = try readNITF(text).articles[0].bylines
        #expect(bylines.count == 4)
        #expect(
            bylines[0].name == "Ada Lane" && bylines[0].role == "Science Editor"
                && bylines[0].affiliation == "The Paper")
        #expect(bylines[0].raw == "By Ada Lane, Science Editor, The Paper" && bylines[0].origin == .printed)
        #expect(bylines[1].name == "By TOM REED" && bylines[1].role == "Staff Writer")
        #expect(bylines[1].raw == "By TOM REED Staff Writer")
        #expect(bylines[2].name == "Sports Network")
        #expect(bylines[3].name == "Wire Service" && bylines[3].kind == .organization)
        // A person's name in parts, and the function it holds.
        let parts = document(
            bodyHead: "<byline>By <person><name.given>Ann</name.given><name.family>Bell</name.family>"
                + "<function>Editor</function></person></byline>", content: "<p>B.</p>")
        let structured = try readNITF(parts).articles[0].bylines
        #expect(structured.map(\.name) == ["Ann Bell"] && structured.first?.role == "Editor")
        #expect(structured.first?.raw == "By Ann Bell")
        // A sign-off of initials is no byline, but is kept.
        let signed = try readNITF(document(bodyHead: "<byline>gr/bp</byline>", content: "<p>B.</p>")).articles[0]
        #expect(signed.bylines.isEmpty)
        #expect(
            signed.extensions["contributors"]
                == .array([.object(["kind": .string("byline"), "name": .string("gr/bp")])]))
        // Through the pipeline, the byline analyser splits and cleans printed names.
        let split = document(bodyHead: "<byline>By Ann Bell and Carl Dunn</byline>", content: "<p>B.</p>")
        let article = try Pipeline().read(ReaderInput(string: split, file: "a.nitf"), format: nitf).articles[0]
        #expect(article.bylines.map(\.name) == ["Ann Bell", "Carl Dunn"])
        #expect(article.bylines.allSatisfy { $0.raw == "By Ann Bell and Carl Dunn" && $0.origin == .printed })
    }

    @Test("Character entities of the DTD a document names, which is never loaded, are their characters")
    func entities() throws {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE nitf SYSTEM "nitf-3-3.dtd">
            <nitf><body><body.head><hedline><hl1>Caf&eacute; opens &mdash; at last</hl1></hedline></body.head>
            <body.content><p>Open&nbsp;daily &amp; late.</p></body.content></body></nitf>
            """
        let article = try readNITF(text).articles[0]
        #expect(article.headline == "Café opens — at last")
        #expect(article.body.map(\.plainText) == ["Open\u{A0}daily & late."])
    }

    @Test("Datelines: location and story.date, or plain text split as wire style prints it")
    func datelines() throws {
        let marked = document(
            bodyHead:
                "<dateline><location>KESSFORD</location>, <story.date norm=\"20250102\">Jan. 2</story.date></dateline>",
            content: "<p>B.</p>")
        let article = try readNITF(marked).articles[0]
        #expect(article.dateline == Dateline(place: "KESSFORD", date: "Jan. 2", raw: "KESSFORD, Jan. 2"))
        #expect(article.published?.provenance == "story.date", "the dateline dates an article with no other date")
        let plain = try readNITF(document(bodyHead: "<dateline>SYDNEY March 22 AAP -</dateline>", content: "<p>B.</p>"))
        #expect(plain.articles[0].dateline == Dateline(place: "SYDNEY", date: "March 22", raw: "SYDNEY March 22 AAP"))
        let place = try readNITF(document(bodyHead: "<dateline>Oslo</dateline>", content: "<p>B.</p>"))
        #expect(place.articles[0].dateline == Dateline(place: "Oslo", raw: "Oslo"))
        // Parts of a place side by side are words apart.
        let parts = try readNITF(
            document(
                bodyHead: "<dateline><location><city>Bergen</city><country>Norway</country></location></dateline>",
                content: "<p>B.</p>"))
        #expect(parts.articles[0].dateline == Dateline(place: "Bergen Norway", raw: "Bergen Norway"))
        // A story.date holding only its norm is no printed dateline.
        let machine = try readNITF(
            document(
                bodyHead: "<dateline><story.date norm=\"20250102T1000Z\">20250102T1000Z</story.date></dateline>",
                content: "<p>B.</p>"))
        #expect(machine.articles[0].dateline == nil)
    }

    @Test("Body: inlines, headings, lists and labels, block quotes, media, pre; white space folded")
    func body() throws {
        let text = document(
            content: """
                <p>  Some <em>emphasis</em>,   a <a href="https://example.org">link</a>,
                   <person>a person</person> on <chron norm="20250101">New Year's Day</chron>.<br/>
                   Next line.&#160;</p>
                <p/>
                <hl2>A heading</hl2>
                <block><block><p>Nested.</p></block></block>
                <p class="list-label">The plan:</p>
                <ol><li>one</li><li><p>two</p></li></ol>
                <bq><block><p>Said once.</p><p>Said twice.</p></block><credit>A Speaker</credit></bq>
                <media media-type="image"><media-reference source="a.jpg" alternate-text="Alt"/>
                <media-caption>Caption.</media-caption><media-producer>Photographer</media-producer></media>
                <media media-type="image"><media-caption>No source.</media-caption></media>
                <pre>line 1
                  line 2</pre>
                <hr/>
                """)
        let read = try readNITF(text)
        let body = read.articles[0].body
        #expect(
            body[0]
                == .paragraph(
                    Paragraph([
                        .text("Some "), .emphasis([.text("emphasis")]), .text(", a "),
                        .link(url: "https://example.org", content: [.text("link")]),
                        .text(", a person on New Year's Day."), .lineBreak, .text("Next line.\u{A0}"),
                    ])))
        #expect(body[1] == .heading(Heading(level: 2, [.text("A heading")])))
        #expect(body[2] == .paragraph(Paragraph(text: "Nested.")))
        #expect(
            body[3]
                == .list(
                    ListBlock(ordered: true, items: [ListItem(text: "one"), ListItem(text: "two")], label: "The plan:"))
        )
        #expect(
            body[4]
                == .blockquote(
                    Blockquote([.text("Said once."), .lineBreak, .text("Said twice.")], attribution: "A Speaker")))
        #expect(body[5] == .image(Image(src: "a.jpg", alt: "Alt", caption: "Caption.", credit: "Photographer")))
        #expect(body[6] == .paragraph(Paragraph(text: "No source.")))
        #expect(body[7] == .code(CodeBlock(text: "line 1\n  line 2")))
        #expect(body[8].kind == .rule)
        #expect(body.count == 9)
        #expect(read.diagnostics.contains { $0.id == "nitf.structure" && $0.message.contains("no source") })
    }

    @Test("Tables are tables; definition lists, footnotes and other media are read as paragraphs, with a note each")
    func structure() throws {
        let text = document(
            content: """
                <table><tr><th>Team</th><th>Points</th></tr><tr><td>Reds</td><td>3</td></tr></table>
                <dl><dt>Term</dt><dd>Definition</dd></dl>
                <fn><body.content><p>A footnote.</p></body.content></fn>
                <media media-type="video"><media-reference source="v.mp4"/><media-caption>A video.</media-caption></media>
                """)
        let read = try readNITF(text)
        #expect(
            read.articles[0].body.map(\.plainText) == [
                "Team | Points\nReds | 3", "Term", "Definition", "A footnote.", "A video.",
            ])
        guard case .table(let table) = read.articles[0].body[0] else {
            Issue.record("the table is not a table")
            return
        }
        #expect(table.rows.map(\.isHeader) == [true, false])
        let notes = read.diagnostics.filter { $0.id == "nitf.structure" }
        #expect(notes.count == 3)
        #expect(notes.allSatisfy { $0.severity == .note && $0.location?.line != nil })
    }

    @Test("External entities are never loaded; entity bombs are refused")
    func hostileXML() throws {
        try expectHostileXMLHarmless(
            root: "nitf",
            document: {
                "<nitf><body><body.head><hedline><hl1>\($0)</hl1></hedline></body.head>"
                    + "<body.content><p>B.</p></body.content></body></nitf>"
            },
            read: { try readNITF($0).articles })
    }

    @Test("Elements not read, and other namespaces' elements, are named in notes; their text is kept")
    func unread() throws {
        let text = """
            <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" xmlns:x="urn:x">
            <head><iim ver="4"/><iim ver="5"/><x:custom>data</x:custom></head>
            <body><body.content><p>Kept <x:mark>marked</x:mark> text.</p></body.content></body>
            </nitf>
            """
        let read = try readNITF(text)
        #expect(read.articles[0].body.map(\.plainText) == ["Kept marked text."])
        let notes = read.diagnostics.filter { $0.id == "nitf.unread" }.map(\.message)
        #expect(notes.contains { $0.contains("<iim> (2 times)") })
        #expect(notes.contains { $0.contains("custom (namespace urn:x)") })
        #expect(notes.contains { $0.contains("mark (namespace urn:x)") })
    }

    @Test("<q> is a quotation with the marks printed around it, inside it, or its own")
    func quotations() throws {
        func first(_ paragraph: String) throws -> [Inline] {
            guard case .paragraph(let read)? = try readNITF(document(content: paragraph)).articles[0].body.first else {
                return []
            }
            return read.content
        }
        #expect(
            try first("<p>He said \"<q>we won</q>\" twice.</p>") == [
                .text("He said "), .quotation(Quotation(open: "\"", close: "\"", content: [.text("we won")])),
                .text(" twice."),
            ])
        #expect(
            try first("<p>\"<q>We won</q>,\" he said.</p>") == [
                .quotation(Quotation(open: "\"", close: "\"", content: [.text("We won,")])), .text(" he said."),
            ])
        #expect(
            try first("<p><q>«Nous avons gagné»</q>, dit-il.</p>") == [
                .quotation(Quotation(open: "«", close: "»", content: [.text("Nous avons gagné")])), .text(", dit-il."),
            ])
        #expect(
            try first("<p>She called it <q>a good day</q>.</p>") == [
                .text("She called it "), .quotation(Quotation(content: [.text("a good day")])), .text("."),
            ])
        // Other producers' quote-source is not read: the analyser finds speakers in the text.
        let sourced = try readNITF(document(content: "<p><q quote-source=\"Ann\">Yes</q>, Ann said.</p>"))
        #expect(sourced.articles[0].quotes.isEmpty)
        #expect(sourced.diagnostics.contains { $0.id == "nitf.unread" && $0.message.contains("quote-source") })
    }

    @Test("A file declared ISO-8859-1 reads as Latin-1, or as UTF-8 when its bytes are UTF-8")
    func encodings() throws {
        let head = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<nitf><body><body.content><p>"
        let tail = "</p></body.content></body></nitf>"
        let latin1 = Array(head.utf8) + [0x43, 0x61, 0x66, 0xE9, 0x20, 0xA3, 0x35] + Array(tail.utf8)
        let read = try nitf.reader!.read(ReaderInput(bytes: latin1, file: "l.nitf"), options: .default)
        #expect(read.articles[0].body.map(\.plainText) == ["Café £5"])
        let utf8 = Array((head + "Café £5" + tail).utf8)
        let mislabelled = try nitf.reader!.read(ReaderInput(bytes: utf8, file: "u.nitf"), options: .default)
        #expect(mislabelled.articles[0].body.map(\.plainText) == ["Café £5"])
    }

    // MARK: Real files

    @Test(
        "Every shared NITF file is detected without --from, read without error, with a headline and a body",
        .enabled(if: corpus != nil, Comment(rawValue: TestPaths.sharedMissing)))
    func corpusFiles() throws {
        let files = TestPaths.files(in: try #require(corpus), extensions: ["xml", "nitf"])
        #expect(!files.isEmpty, "no NITF files in ../shared/corpus/thirdparty/nitf")
        for url in files {
            let bytes = [UInt8](try Data(contentsOf: url))
            let detected = try FormatRegistry.detect(path: url.path, bytes: bytes)
            #expect(detected?.format.name == "nitf", "\(url.lastPathComponent)")
            let read = try Pipeline().read(ReaderInput(bytes: bytes, file: url.lastPathComponent), format: nitf)
            let article = try #require(read.articles.first)
            #expect(!(article.headline ?? "").isEmpty, "\(url.lastPathComponent): no headline")
            #expect(!article.body.isEmpty, "\(url.lastPathComponent): no body")
            #expect(
                article.body.allSatisfy { !$0.plainText.contains("\u{FFFD}") && !$0.plainText.contains("Ã") },
                "\(url.lastPathComponent): text decoded in the wrong encoding")
            #expect(article.published?.value != nil, "\(url.lastPathComponent): no date")
        }
    }
}
