// copydesk — ArticleFormats tests
// The ninjs writer: the mapping, HTML escaping, dates, goldens, determinism, and validity against
// the official IPTC schemas (scripts/check-ninjs.py, when ../shared and python's jsonschema are here).

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

// MARK: - Helpers

/// Writes one article as ninjs of the major version.
private func ninjs(_ article: Article, version: NINJSVersion = .v3, compact: Bool = false) throws -> WriteResult {
    try NINJSArticleWriter().write([article], options: WriterOptions(compact: compact, ninjsVersion: version))
}

/// The written ninjs as a JSON object.
private func object(_ result: WriteResult) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(result.bytes)) as? [String: Any])
}

/// The HTML of the first body.
private func bodyHTML(_ document: [String: Any]) -> String? {
    ((document["bodies"] as? [[String: Any]])?.first?["value"]) as? String
}

/// The messages of the `conversion.dropped` warnings.
private func dropped(_ result: WriteResult) -> [String] {
    result.diagnostics.filter { $0.id == "conversion.dropped" && $0.severity == .warning }.map(\.message)
}

private let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/ArticleFormatsTests/Fixtures")
private let kitchenSink = fixtures.appendingPathComponent("readers/kitchen-sink.json")

/// The kitchen-sink fixture read through the pipeline, with a checkout-independent file name.
private func kitchenSinkArticle() throws -> Article {
    let read = try Pipeline().read(
        ReaderInput(bytes: [UInt8](try Data(contentsOf: kitchenSink)), file: "readers/kitchen-sink.json"),
        format: FormatRegistry.format(named: "json")!)
    return try #require(read.articles.first)
}

private func date(_ text: String) -> ArticleDate { ArticleDate(parsing: text) }

// MARK: - Mapping

@Suite("ninjs writer")
struct NINJSWriterTests {
    @Test("Headline and subheadline become headlines; 2.2 spells the same properties in lowercase")
    func headlines() throws {
        let article = Article(
            headline: "Barrier approved", subheadline: "4,000 homes protected",
            published: date("2025-03-12T09:30:00Z"),
            body: [.paragraph(Paragraph(text: "Text."))])
        let v3 = try object(try ninjs(article))
        let headlines = try #require(v3["headlines"] as? [[String: String]])
        #expect(
            headlines == [
                ["role": "main", "value": "Barrier approved"], ["role": "sub", "value": "4,000 homes protected"],
            ])
        #expect(v3["type"] as? String == "text")
        #expect(v3["versionCreated"] as? String == "2025-03-12T09:30:00Z")
        #expect((v3["bodies"] as? [[String: String]])?.first?["contentType"] == "text/html")
        #expect((v3["standard"] as? [String: String])?["version"] == "3.1")

        let v2 = try object(try ninjs(article, version: .v2))
        #expect(v2["headlines"] as? [[String: String]] == headlines)
        #expect(v2["versioncreated"] as? String == "2025-03-12T09:30:00Z")
        #expect(v2["versionCreated"] == nil)
        #expect((v2["bodies"] as? [[String: String]])?.first?["contenttype"] == "text/html")
        #expect((v2["standard"] as? [String: String])?["version"] == "2.2")
    }

    @Test("Bylines: by in words, people and organisations with rel author; the printed form is reported")
    func bylines() throws {
        let article = Article(bylines: [
            Byline(name: "Jane Doe", role: "Environment Editor", affiliation: "Harbour Gazette", raw: "By Jane Doe"),
            Byline(name: "Reuters", kind: .organization),
        ])
        let result = try ninjs(article)
        let document = try object(result)
        #expect(document["by"] as? String == "Jane Doe, Environment Editor, Harbour Gazette; Reuters")
        #expect(document["people"] as? [[String: String]] == [["name": "Jane Doe", "rel": "author"]])
        #expect(document["organisations"] as? [[String: String]] == [["name": "Reuters", "rel": "author"]])
        #expect(dropped(result).contains { $0.contains("«By Jane Doe»") })
    }

    @Test(
        "Dates: instants with an offset are written; a date alone, a time without zone or unreadable text are left out with a warning; an impossible date is an error"
    )
    func dates() throws {
        let full = Article(published: date("2017-11-07T10:30:00+05:30"), modified: date("2017-11-08T08:00:00.25-04:00"))
        let document = try object(try ninjs(full))
        #expect(document["firstCreated"] as? String == "2017-11-07T10:30:00+05:30")
        #expect(document["versionCreated"] as? String == "2017-11-08T08:00:00.25-04:00")

        let dayOnly = try ninjs(Article(published: date("2017-11-07")))
        #expect(try object(dayOnly)["firstCreated"] == nil)
        #expect(try object(dayOnly)["versionCreated"] == nil)
        #expect(dropped(dayOnly).contains { $0.contains("published date 2017-11-07") && $0.contains("without a time") })

        let local = try ninjs(Article(published: date("2017-11-07T10:30:00"), modified: date("2017-11-08T10:30:00Z")))
        #expect(try object(local)["firstCreated"] == nil)
        #expect(try object(local)["versionCreated"] as? String == "2017-11-08T10:30:00Z")
        #expect(dropped(local).contains { $0.contains("without a time zone") })

        // A modified date that cannot be written must not be replaced by the published one.
        let badModified = try ninjs(Article(published: date("2017-11-07T10:30:00Z"), modified: date("last Tuesday")))
        #expect(try object(badModified)["versionCreated"] == nil)
        #expect(dropped(badModified).contains { $0.contains("«last Tuesday»") })

        // An impossible date is an error naming the field, never a file ninjs rejects.
        do {
            _ = try ninjs(Article(published: date("2023-02-29T10:00:00Z")))
            Issue.record("an impossible date was written")
        } catch let error as FormatError {
            #expect(error.id == "output.date")
            #expect(error.message.contains("published") && error.message.contains("February 2023 has 28 days"))
        }
    }

    @Test("Body HTML escapes all text; no markup from the article passes through")
    func escaping() throws {
        let article = Article(body: [
            .paragraph(Paragraph(text: "<script>alert(1)</script> a & b")),
            .heading(Heading(level: 3, [.text("Q&A")])),
            .blockquote(Blockquote([.text("\"Quoted\" <b>")], attribution: "O'Brien & Co")),
            .image(Image(src: "img/a.jpg?x=1&y=\"2\"", alt: "a \"b\"", caption: "<i>c</i>", credit: "d")),
            .list(ListBlock(ordered: false, items: [ListItem(text: "x<y")])),
            .rule(HorizontalRule()),
        ])
        let html = try #require(bodyHTML(try object(try ninjs(article))))
        #expect(html.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt; a &amp; b</p>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>") && !html.contains("<i>"))
        #expect(html.contains("<h3>Q&amp;A</h3>"))
        #expect(html.contains("<figcaption><cite>O'Brien &amp; Co</cite></figcaption>"))
        #expect(html.contains("<img src=\"img/a.jpg?x=1&amp;y=&quot;2&quot;\" alt=\"a &quot;b&quot;\"/>"))
        #expect(html.contains("<figcaption>&lt;i&gt;c&lt;/i&gt; <small class=\"credit\">d</small></figcaption>"))
        #expect(html.contains("<ul>\n  <li>x&lt;y</li>\n</ul>"))
        #expect(html.hasSuffix("<hr/>"))
    }

    @Test("javascript: and other unsafe URLs are dropped with a warning; the text stays")
    func unsafeLinks() throws {
        let article = Article(body: [
            .paragraph(
                Paragraph([
                    .link(url: "javascript:alert(1)", content: [.text("click")]),
                    .text(" "),
                    .link(url: " JavaScript:alert(2)", content: [.text("again")]),
                    .text(" "),
                    .link(url: "https://example.org/?a=1&b=2", content: [.text("safe")]),
                ])),
            .image(Image(src: "data:text/html,<script>", caption: "kept")),
        ])
        let result = try ninjs(article)
        let html = try #require(bodyHTML(try object(result)))
        #expect(!html.lowercased().contains("javascript"))
        #expect(!html.contains("data:"))
        #expect(html.contains("<p>click again <a href=\"https://example.org/?a=1&amp;b=2\">safe</a></p>"))
        #expect(html.contains("<figure><figcaption>kept</figcaption></figure>"))
        let warnings = dropped(result)
        #expect(warnings.filter { $0.contains("link URL") }.count == 2)
        #expect(warnings.contains { $0.contains("image source") })
    }

    @Test("Control characters are replaced in the HTML with a warning, kept (escaped) in JSON strings")
    func controlCharacters() throws {
        let article = Article(headline: "a\u{1}b", body: [.paragraph(Paragraph(text: "x\u{1}y\u{7F}z 🗞️"))])
        let result = try ninjs(article)
        let document = try object(result)
        #expect(bodyHTML(document) == "<p>x\u{FFFD}y\u{FFFD}z 🗞️</p>")
        #expect((document["headlines"] as? [[String: String]])?.first?["value"] == "a\u{1}b")
        #expect(result.diagnostics.contains { $0.id == "conversion.replaced" && $0.message.hasPrefix("2 character") })
    }

    @Test("Quotes are rendered from their anchors with every detail; a quote with no anchor is reported")
    func quoteSpeakers() throws {
        let article = Article(
            body: [
                .paragraph(
                    Paragraph([
                        .quotation(Quotation(content: [.text("We will build")], quoteID: "q1")), .text(" she said."),
                    ]))
            ],
            quotes: [
                Quote(
                    id: "q1", text: "We will build", speaker: Speaker(name: "Ana Ruiz", mention: "she"), cue: "said",
                    attribution: .pronoun),
                Quote(id: "q2", text: "Elsewhere", speaker: Speaker(name: "Bo Li")),
            ])
        let result = try ninjs(article)
        #expect(
            bodyHTML(try object(result))
                == "<p><q data-quote=\"q1\" data-speaker=\"Ana Ruiz\" data-speaker-mention=\"she\" data-cue=\"said\" "
                + "data-attribution=\"pronoun\" data-open=\"“\" data-close=\"”\">We will build</q> she said.</p>")
        #expect(dropped(result).contains { $0.contains("«Bo Li»") })
        #expect(!dropped(result).contains { $0.contains("«Ana Ruiz»") })
        #expect(!dropped(result).contains { $0.contains("cue") }, "nothing of the quote is lost")
    }

    @Test("A plain-text story to ninjs keeps every speaker in the body HTML")
    func plainTextSpeakers() throws {
        let text = """
            Harbour barrier closes

            By Jane Roe

            “We have waited a long time for tonight,” said Harriet Lowe, the harbour master.

            Dennis Carrow said the council had listened late. “It is a fine piece of engineering,” he said.
            """
        let read = try Pipeline().read(
            ReaderInput(string: text, file: "story.txt"), format: FormatRegistry.format(named: "text")!)
        let result = try ninjs(read.articles[0])
        let html = try #require(bodyHTML(try object(result)))
        #expect(html.contains("<q data-quote=\"q1\" data-speaker=\"Harriet Lowe\""))
        #expect(html.contains("<q data-quote=\"q2\" data-speaker=\"Dennis Carrow\""))
        #expect(!result.diagnostics.contains { $0.message.contains("speaker") })
    }

    @Test("Keywords, section, dateline, source, images and extensions")
    func metadata() throws {
        let article = Article(
            dateline: Dateline(place: "PORT ELLIS", date: "March 12", raw: "PORT ELLIS, March 12"),
            section: "Local", keywords: ["flooding"],
            source: ArticleSource(publisher: "Gazette", url: "https://example.org/a"),
            body: [.image(Image(src: "https://example.org/a.jpg", caption: "Cap", credit: "Photo: X"))],
            extensions: ["copyright": .string("© 2025 Gazette"), "cms": .object(["id": .number(1)])])
        let result = try ninjs(article)
        let document = try object(result)
        #expect(document["located"] as? String == "PORT ELLIS")
        #expect(
            document["subjects"] as? [[String: String]] == [
                ["name": "Local", "rel": "section"], ["name": "flooding", "rel": "keyword"],
            ])
        #expect(document["infoSources"] as? [[String: String]] == [["name": "Gazette", "role": "publisher"]])
        #expect(document["altIds"] as? [[String: String]] == [["role": "url", "value": "https://example.org/a"]])
        #expect(document["copyrightNotice"] as? String == "© 2025 Gazette")
        let image = try #require((document["associations"] as? [[String: Any]])?.first)
        #expect(image["type"] as? String == "picture")
        #expect(image["by"] as? String == "Photo: X")
        #expect(
            image["renditions"] as? [[String: String]] == [["name": "original", "href": "https://example.org/a.jpg"]])
        let warnings = dropped(result)
        #expect(warnings.contains { $0.contains("«PORT ELLIS, March 12»") })
        #expect(warnings.contains { $0.contains("«cms»") })
        #expect(!warnings.contains { $0.contains("copyright") })
    }

    @Test("The uri is stable, derived from the content, and changes with it")
    func uri() throws {
        let article = try kitchenSinkArticle()
        let first = try object(try ninjs(article))["uri"] as? String
        let second = try object(try ninjs(article, version: .v2))["uri"] as? String
        #expect(first == second)
        #expect(first == "urn:copydesk:article:9a22b368e3d04476")
        var changed = article
        changed.headline = (changed.headline ?? "") + "!"
        #expect(try object(try ninjs(changed))["uri"] as? String != first)
    }

    @Test("An empty article is still a valid ninjs object")
    func emptyArticle() throws {
        let document = try object(try ninjs(Article()))
        #expect(Set(document.keys) == ["uri", "type", "version", "standard"])
    }

    @Test("Compact output is one line; other versions and several articles are refused")
    func optionsAndErrors() throws {
        let compact = try ninjs(try kitchenSinkArticle(), compact: true).bytes
        #expect(compact.filter { $0 == UInt8(ascii: "\n") }.count == 1)
        #expect(compact.last == UInt8(ascii: "\n"))
        #expect(throws: FormatError.self) {
            try NINJSArticleWriter().write([Article(), Article()], options: .default)
        }
    }

    @Test("Writing the same article twice gives the same bytes")
    func deterministic() throws {
        var random = RandomArticles(seed: 5)
        for _ in 0..<50 {
            let article = random.article()
            for version in NINJSVersion.allCases {
                let once = try ninjs(article, version: version)
                let twice = try ninjs(article, version: version)
                #expect(once.bytes == twice.bytes)
                #expect(once.diagnostics == twice.diagnostics)
            }
        }
    }

    @Test("The kitchen-sink fixture writes its golden ninjs 3.1 and 2.2", arguments: [NINJSVersion.v3, .v2])
    func golden(version: NINJSVersion) throws {
        let bytes = try ninjs(try kitchenSinkArticle(), version: version).bytes
        let golden = fixtures.appendingPathComponent("writers/kitchen-sink.ninjs\(version.rawValue).json")
        if let difference = Golden.check(bytes, against: golden) { Issue.record(Comment(rawValue: difference)) }
    }
}

// MARK: - Schema validation

/// Whether python3 can run scripts/check-ninjs.py (jsonschema, referencing, rfc3339-validator).
private let pythonCanValidate: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import jsonschema, referencing, rfc3339_validator"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

/// Every article the schema test writes: samples, the kitchen-sink fixture, the seed, random ones.
private func articlesToValidate() throws -> [(name: String, article: Article)] {
    let pipeline = Pipeline()
    var inputs = TestPaths.files(
        in: TestPaths.packageRoot.appendingPathComponent("Samples"), extensions: ["txt", "yaml", "yml", "json"])
    inputs.append(kitchenSink)
    if let shared = TestPaths.shared {
        inputs.append(shared.appendingPathComponent("corpus/text/000_078e1fbef932c24f.txt"))
    }
    var out: [(name: String, article: Article)] = []
    for input in inputs {
        let format = try #require(FormatRegistry.format(forPath: input.path), "no reader for \(input.path)")
        let read = try pipeline.read(
            ReaderInput(bytes: [UInt8](try Data(contentsOf: input)), file: input.path), format: format)
        for (index, article) in read.articles.enumerated() {
            out.append((input.deletingPathExtension().lastPathComponent + "-\(index + 1)", article))
        }
    }
    var random = RandomArticles(seed: 2025)
    for index in 1...50 { out.append(("random-\(index)", random.article())) }
    return out
}

@Suite(
    "ninjs schema validity",
    .enabled(if: TestPaths.shared != nil, Comment(rawValue: TestPaths.sharedMissing)),
    .enabled(
        if: pythonCanValidate,
        "python3 with jsonschema and rfc3339-validator is needed: python3 -m pip install jsonschema rfc3339-validator"))
struct NINJSSchemaTests {
    @Test(
        "Samples, the kitchen sink, the seed and 50 random articles are valid ninjs", arguments: [NINJSVersion.v3, .v2])
    func valid(version: NINJSVersion) throws {
        let shared = try #require(TestPaths.shared)
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for (name, article) in try articlesToValidate() {
            let url = folder.appendingPathComponent("\(name).ninjs\(version.rawValue).json")
            try Data(try ninjs(article, version: version).bytes).write(to: url)
            files.append(url.path)
        }
        #expect(files.count >= 60)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "python3", TestPaths.packageRoot.appendingPathComponent("scripts/check-ninjs.py").path,
                "--version", String(version.rawValue), "--standards", shared.appendingPathComponent("standards").path,
            ] + files
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let problems = text.split(separator: "\n").filter { !$0.hasSuffix(": ok") }
        #expect(process.terminationStatus == 0, Comment(rawValue: problems.prefix(40).joined(separator: "\n")))
        #expect(text.split(separator: "\n").filter { $0.hasSuffix(": ok") }.count == files.count)
    }
}
