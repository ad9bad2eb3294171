// copydesk — ArticleFormats tests
// NewsML-G2 as agencies send it: messages, ranked headlines, dates by precedence, people, bodies
// in every form, media items, and the files that hold no article.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

private let newsml = FormatRegistry.format(named: "newsml")!
private let g2 = "http://iptc.org/std/nar/2006-10-01/"

/// A news item with this content metadata and content set.
private func item(
    _ contentMeta: String, content: String = "", itemMeta: String = "", guid: String = "urn:test:1",
    itemClass: String = "ninat:text"
) -> String {
    """
    <newsItem xmlns="\(g2)" guid="\(guid)" version="2" standard="NewsML-G2" standardversion="2.35" xml:lang="en">
      <itemMeta><itemClass qcode="\(itemClass)"/><provider literal="Example Wire"/>\(itemMeta)</itemMeta>
      <contentMeta>\(contentMeta)</contentMeta>
      \(content.isEmpty ? "" : "<contentSet>\(content)</contentSet>")
    </newsItem>
    """
}

private func xhtml(_ body: String) -> String {
    #"<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>"#
        + body + "</body></html></inlineXML>"
}

/// Read by the reader alone.
private func read(_ text: String, file: String = "item.xml") throws(FormatError) -> ReadResult {
    try newsml.reader!.read(ReaderInput(string: text, file: file), options: .default)
}

/// Read and analysed, as `copydesk convert` does.
private func convert(_ text: String) throws -> [Article] {
    try Pipeline().read(ReaderInput(string: text, file: "item.xml"), format: newsml).articles
}

private func refusal(_ text: String) -> FormatError? {
    do throws(FormatError) {
        _ = try read(text)
        return nil
    } catch {
        return error
    }
}

@Suite("NewsML-G2 reader on agency files")
struct NewsMLG2ReaderTests {
    @Test("A newsMessage reads as the stream of its news items, in order; other items are skipped with a note")
    func message() throws {
        let text = """
            <newsMessage xmlns="\(g2)"><header><sent>2025-03-04T09:00:00Z</sent></header><itemSet>
            \(item("<headline>First</headline>", content: xhtml("<p>One.</p>"), guid: "urn:a"))
            <packageItem guid="urn:p"><itemMeta><itemClass qcode="ninat:composite"/></itemMeta></packageItem>
            \(item("<headline>Second</headline>", content: xhtml("<p>Two.</p>"), guid: "urn:b"))
            </itemSet></newsMessage>
            """
        let result = try read(text)
        #expect(result.articles.map(\.headline) == ["First", "Second"])
        #expect(result.articles.map { $0.source?.id } == ["urn:a", "urn:b"])
        let skipped = result.diagnostics.filter { $0.id == "newsml.skipped" }
        #expect(skipped.count == 1)
        #expect(skipped.first?.message.contains("packageItem") == true)
        let packageLine = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
            $0.contains("<packageItem")
        }
        #expect(skipped.first?.location?.line == packageLine.map { $0 + 1 })
    }

    @Test("Items that hold no article are refused alone, each with what it is; NewsML 1 is named")
    func refusals() {
        let package = #"<packageItem xmlns="\#(g2)" guid="p"><itemMeta/></packageItem>"#
        #expect(refusal(package)?.id == "newsml.not-an-article")
        #expect(refusal(package)?.message.contains("package") == true)
        let concept = #"<conceptItem xmlns="\#(g2)" guid="c"/>"#
        #expect(refusal(concept)?.message.contains("concept") == true)
        let old = "<NewsML><NewsItem/></NewsML>"
        #expect(refusal(old)?.id == "newsml.no-text")
        #expect(refusal(old)?.message.contains("NewsML 1.x") == true)
        let onlyPackages = "<newsMessage xmlns=\"\(g2)\"><itemSet>\(package)</itemSet></newsMessage>"
        #expect(refusal(onlyPackages)?.id == "newsml.not-an-article")
        // An item with neither text nor a headline has no article to give.
        #expect(refusal(item("", content: xhtml("<p></p>")))?.id == "newsml.no-text")
    }

    @Test("NewsML 1.x reads by its news lines and content items, with a note naming it")
    func newsML1() throws {
        let text = """
            <NewsML><NewsItem>
              <Identification><NewsIdentifier><ProviderId>example.test</ProviderId>
                <PublicIdentifier>urn:newsml:example.test:20240710:1:1</PublicIdentifier></NewsIdentifier></Identification>
              <NewsManagement><FirstCreated>20240710T125902Z</FirstCreated></NewsManagement>
              <NewsComponent>
                <NewsLines><HeadLine>Harbour reopens</HeadLine><ByLine>By Jane Roe</ByLine>
                  <DateLine>Portsmouth, 10 July 2024 (EXW)</DateLine><CreditLine>EXW</CreditLine></NewsLines>
                <DescriptiveMetadata><Language FormalName="en"/></DescriptiveMetadata>
                <NewsComponent><ContentItem><MediaType FormalName="Text"/>
                  <DataContent><p>The harbour reopened.</p><p>Ferries sail again.</p></DataContent>
                </ContentItem></NewsComponent>
              </NewsComponent>
            </NewsItem></NewsML>
            """
        let result = try read(text)
        let article = try #require(result.articles.first)
        #expect(article.headline == "Harbour reopens")
        #expect(article.published?.value?.iso8601 == "2024-07-10T12:59:02Z")
        #expect(article.source?.id == "urn:newsml:example.test:20240710:1:1")
        #expect(article.source?.credit == "EXW")
        #expect(article.language == "en")
        #expect(article.body.map(\.plainText) == ["The harbour reopened.", "Ferries sail again."])
        #expect(result.diagnostics.contains { $0.id == "newsml.version" && $0.message.contains("NewsML 1.x") })
    }

    @Test("A headline-only item reads with a warning that says why there is no body")
    func headlineOnly() throws {
        let text = item(
            "<headline>Scores</headline>",
            content: #"<inlineXML contenttype="application/sportsml+xml"><sports-content/></inlineXML>"#)
        let result = try read(text)
        #expect(result.articles.first?.headline == "Scores")
        #expect(result.articles.first?.body.isEmpty == true)
        let warning = result.diagnostics.first { $0.id == "newsml.no-text" }
        #expect(warning?.severity == .warning)
        #expect(warning?.message.contains("sportsml") == true)
    }

    @Test("The main headline is the lowest rank in the item's language; a kicker and other languages are kept")
    func headlines() throws {
        let text = item(
            """
            <headline rank="3">Weather</headline>
            <headline xml:lang="fr">La tempête ferme le port</headline>
            <headline rank="1">Storm shuts the harbour</headline>
            <headline role="hld:subHeadline">Ferries stay in port</headline>
            """, content: xhtml("<p>Text.</p>"))
        let article = try #require(try read(text).articles.first)
        #expect(article.headline == "Storm shuts the harbour")
        #expect(article.subheadline == "Ferries stay in port")
        guard case .array(let others)? = article.extensions["headlines"] else {
            Issue.record("the other headlines are not kept")
            return
        }
        #expect(others.count == 2)
    }

    @Test("Dates: contentCreated, then firstCreated, then versionCreated, each with its provenance")
    func dates() throws {
        let versionOnly = try #require(
            try read(
                item(
                    "<headline>H</headline>", content: xhtml("<p>T.</p>"),
                    itemMeta: "<versionCreated>2025-03-04T09:10:00Z</versionCreated>")
            ).articles.first)
        #expect(versionOnly.published?.value?.iso8601 == "2025-03-04T09:10:00Z")
        #expect(versionOnly.published?.provenance == "versionCreated")
        #expect(versionOnly.modified == nil)
        let full = try #require(
            try read(
                item(
                    "<contentCreated>2025-03-04T08:00:00Z</contentCreated><headline>H</headline>",
                    content: xhtml("<p>T.</p>"),
                    itemMeta:
                        "<versionCreated>2025-03-04T10:00:00Z</versionCreated><firstCreated>2025-03-04T08:30:00Z</firstCreated><embargoed>2025-03-05T00:00:00Z</embargoed>"
                )
            ).articles.first)
        #expect(full.published?.provenance == "contentCreated")
        #expect(full.modified?.value?.iso8601 == "2025-03-04T10:00:00Z")
        #expect(full.modified?.provenance == "versionCreated")
        guard case .object(let dates)? = full.extensions["dates"] else {
            Issue.record("the embargo is lost")
            return
        }
        #expect(dates["embargoed"] == .string("2025-03-05T00:00:00Z"))
    }

    @Test("A by line is the byline; a login in creator is kept as metadata, not a byline")
    func people() throws {
        let printed = try #require(
            try convert(
                item(
                    """
                    <creator><name>muster.erika</name></creator>
                    <headline>H</headline><by>Von Erika Muster und Max Beispiel, bsp</by><creditline>bsp</creditline>
                    """, content: xhtml("<p>Text.</p>"))
            ).first)
        #expect(printed.bylines.map(\.name) == ["Erika Muster", "Max Beispiel"])
        #expect(printed.bylines.map(\.affiliation) == ["bsp", "bsp"])
        #expect(printed.source?.credit == "bsp")
        guard case .array(let contributors)? = printed.extensions["contributors"] else {
            Issue.record("the login is lost")
            return
        }
        #expect(contributors.count == 1)
        let loginOnly = try #require(
            try read(item("<creator><name>kosel</name></creator><headline>H</headline>", content: xhtml("<p>T.</p>")))
                .articles.first)
        #expect(loginOnly.bylines.isEmpty)
        let person = try #require(
            try read(
                item(
                    #"<creator type="cpnat:person"><name>Joan Pryce</name></creator><headline>H</headline>"#,
                    content: xhtml("<p>T.</p>"))
            ).articles.first)
        #expect(person.bylines.map(\.name) == ["Joan Pryce"])
    }

    @Test("An XHTML body: loose text kept, the page header's metadata not repeated, a table as a table")
    func xhtmlBody() throws {
        let text = item(
            "<headline>Storm</headline><by>By Jane Roe</by>",
            content: xhtml(
                """
                <header><h1>Storm</h1><p class="byline">By Jane Roe</p><h2>Ferries stay in port</h2></header>
                <section><p>First
                    line.\u{A0}</p>Loose text after it.
                <table><tr><th>Route</th><th>Status</th></tr><tr><td>North</td><td>closed</td></tr></table></section>
                """))
        let result = try read(text)
        let article = try #require(result.articles.first)
        #expect(
            article.body.map(\.plainText) == [
                "Ferries stay in port", "First line.", "Loose text after it.", "Route | Status\nNorth | closed",
            ])
        guard case .table(let table)? = article.body.last else {
            Issue.record("the table is not a table")
            return
        }
        #expect(table.rows.map(\.isHeader) == [true, false])
    }

    @Test("inlineData: plain wire text in paragraphs at its indents; HTML labelled as text read as HTML")
    func inlineData() throws {
        let plain = item(
            "<headline>H</headline>",
            content: """
                <inlineData contenttype="text/plain">ROME, Oct 11 - The first paragraph
                runs over two lines.
                   The second paragraph.</inlineData>
                """)
        let article = try #require(try read(plain).articles.first)
        #expect(
            article.body.map(\.plainText) == [
                "ROME, Oct 11 - The first paragraph runs over two lines.", "The second paragraph.",
            ])
        let html = item(
            "<headline>H</headline>",
            content:
                #"<inlineData contenttype="text/plain"><![CDATA[<p>One <b>bold</b> word.</p><p>Two.</p>]]></inlineData>"#
        )
        let fromHTML = try #require(try read(html).articles.first)
        #expect(fromHTML.body.map(\.plainText) == ["One bold word.", "Two."])
    }

    @Test("Of several text alternatives the richest is the body; the other is noted and kept")
    func alternatives() throws {
        let text = item(
            "<headline>H</headline>",
            content: #"<inlineData contenttype="text/plain">Short.</inlineData>"#
                + xhtml("<p>The longer text of the story.</p><p>With a second paragraph.</p>"))
        let result = try read(text)
        #expect(result.articles.first?.body.count == 2)
        #expect(result.diagnostics.contains { $0.id == "newsml.alternative" })
        #expect(result.articles.first?.extensions["alternatives"] != nil)
    }

    @Test("A picture item is an article with its image and caption; remote renditions are listed, never fetched")
    func picture() throws {
        let text = item(
            #"<headline>Harbour</headline><description role="drol:caption">Waves break over the wall.</description>"#,
            content: """
                <remoteContent contenttype="image/jpeg" href="https://example.org/thumb.jpg" width="150" height="100"/>
                <remoteContent contenttype="image/jpeg" href="https://example.org/large.jpg" width="1500" height="1000"/>
                """, itemClass: "ninat:picture")
        let article = try #require(try read(text).articles.first)
        guard case .image(let image)? = article.body.first else {
            Issue.record("no image: \(article.body)")
            return
        }
        #expect(image.src == "https://example.org/large.jpg")
        #expect(image.caption == "Waves break over the wall.")
        guard case .array(let listed)? = article.extensions["alternatives"] else {
            Issue.record("the other rendition is lost")
            return
        }
        #expect(listed.count == 1)
    }

    @Test("The XML declaration's encoding is honoured (ISO-8859-1)")
    func latin1() throws {
        let text =
            #"<?xml version="1.0" encoding="ISO-8859-1"?>"#
            + item("<headline>Caf\u{E9}</headline>", content: xhtml("<p>Caf\u{E9}</p>"))
        // Each character as its one Latin-1 byte (é = 0xE9), which is not valid UTF-8.
        let latin1 = text.unicodeScalars.map { UInt8($0.value) }
        #expect(String(validating: latin1, as: UTF8.self) == nil)
        let article = try #require(
            try newsml.reader!.read(ReaderInput(bytes: latin1, file: "latin1.xml"), options: .default).articles.first)
        #expect(article.headline == "Café")
        #expect(article.body.first?.plainText == "Café")
    }

    @Test(
        "Every file of ../shared's NewsML-G2 collection reads or is refused with a reason; no item with text reads empty",
        .enabled(if: TestPaths.shared != nil, Comment(rawValue: TestPaths.sharedMissing)))
    func corpus() throws {
        let folder = try #require(TestPaths.shared).appendingPathComponent("corpus/thirdparty/newsml")
        let files = TestPaths.files(in: folder, extensions: ["xml"])
        #expect(files.count >= 20)
        var read = 0
        for url in files {
            let bytes = [UInt8](try Data(contentsOf: url))
            do throws(FormatError) {
                let result = try newsml.reader!.read(ReaderInput(bytes: bytes, file: url.path), options: .default)
                read += 1
                for article in result.articles {
                    #expect(
                        article.headline != nil || !article.body.isEmpty, "\(url.lastPathComponent): an empty article")
                }
            } catch {
                #expect(
                    ["newsml.not-an-article", "newsml.no-text", "newsml.version", "newsml.root"].contains(error.id),
                    "\(url.lastPathComponent): \(error)")
                #expect(error.location != nil, "\(url.lastPathComponent): no position")
            }
        }
        #expect(read * 2 >= files.count, "fewer than half the files read")
    }

    @Test(
        "What the NewsML-G2 and NITF writers make of every article of ../shared's wire collections is schema-valid",
        .enabled(if: TestPaths.shared != nil, Comment(rawValue: TestPaths.sharedMissing)))
    func corpusWritesValid() throws {
        let shared = try #require(TestPaths.shared)
        let schemas: [(format: String, xsd: String)] = [
            ("newsml", "standards/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd"),
            ("nitf", "standards/nitf/nitf-3-6.xsd"),
        ]
        var articles: [(String, Article)] = []
        for collection in ["newsml", "nitf", "ninjs"] {
            let folder = shared.appendingPathComponent("corpus/thirdparty/\(collection)")
            for url in TestPaths.files(in: folder, extensions: ["xml", "json"]) {
                let bytes = [UInt8](try Data(contentsOf: url))
                guard let detected = try? FormatRegistry.detect(path: url.path, bytes: bytes),
                    let read = try? Pipeline().read(ReaderInput(bytes: bytes, file: url.path), format: detected.format)
                else { continue }
                articles += read.articles.map { (url.lastPathComponent, $0) }
            }
        }
        #expect(articles.count >= 40)
        for (format, xsd) in schemas {
            let validator = try XMLSchemaValidator(schemaPath: shared.appendingPathComponent(xsd).path)
            let writer = try #require(FormatRegistry.format(named: format)?.writer)
            for (name, article) in articles {
                let output = try writer.write([article], options: .default)
                let findings = try validator.validate(output.bytes, file: name)
                #expect(findings.isEmpty, "\(format) of \(name): \(findings.map(\.description))")
            }
        }
    }
}
