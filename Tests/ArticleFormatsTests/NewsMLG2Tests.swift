// copydesk — ArticleFormats tests
// NewsML-G2: valid against IPTC's schema for any article, read back with quotes and speakers.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

private let newsml = FormatRegistry.format(named: "newsml")!
private let schemaPath = TestPaths.shared?.appendingPathComponent(
    "standards/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd"
).path
private let kitchenSink = TestPaths.packageRoot.appendingPathComponent(
    "Tests/ArticleFormatsTests/Fixtures/readers/kitchen-sink.json")

private func read(_ url: URL) throws -> [Article] {
    try Pipeline().read(
        ReaderInput(bytes: [UInt8](try Data(contentsOf: url)), file: url.lastPathComponent),
        format: FormatRegistry.format(forPath: url.path)!
    ).articles
}

private func write(_ article: Article) throws -> WriteResult {
    try newsml.writer!.write([article], options: .default)
}

/// Metadata as NewsML-G2 holds it: tabs and line breaks become spaces.
private func g2(_ text: String) -> String {
    String(xmlSafe(text).map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
}

@Suite("NewsML-G2 writer and reader")
struct NewsMLG2Tests {
    @Test("The kitchen-sink article matches its golden")
    func golden() throws {
        let output = try write(try #require(try read(kitchenSink).first)).bytes
        let golden = TestPaths.packageRoot.appendingPathComponent(
            "Tests/ArticleFormatsTests/Fixtures/writers/kitchen-sink.newsml.xml")
        if let difference = Golden.check(output, against: golden) { Issue.record(Comment(rawValue: difference)) }
    }

    @Test(
        "Samples, fixtures, the seed and random articles validate against the NewsML-G2 2.35 schema",
        .enabled(if: schemaPath != nil, Comment(rawValue: TestPaths.sharedMissing)))
    func schemaValid() throws {
        let validator = try XMLSchemaValidator(schemaPath: schemaPath!)
        var articles: [(String, Article)] = []
        let samples = TestPaths.files(
            in: TestPaths.packageRoot.appendingPathComponent("Samples"), extensions: ["txt", "yaml", "json"])
        for url in samples + [kitchenSink] {
            for (index, article) in try read(url).enumerated() {
                articles.append(("\(url.lastPathComponent)#\(index)", article))
            }
        }
        let seeds = TestPaths.files(in: TestPaths.shared!.appendingPathComponent("corpus/text"), extensions: ["txt"])
        for url in seeds { articles.append((url.lastPathComponent, try #require(try read(url).first))) }
        var random = RandomArticles(seed: 4242)
        for index in 0..<60 { articles.append(("random \(index)", random.article())) }
        #expect(articles.count > 70)
        for (name, article) in articles {
            let findings = try validator.validate(try write(article).bytes, file: name)
            #expect(findings.isEmpty, "\(name): \(findings.map(\.description))")
        }
    }

    @Test(
        "The schema check reports what is wrong, with the line",
        .enabled(if: schemaPath != nil, Comment(rawValue: TestPaths.sharedMissing)))
    func schemaFindings() throws {
        let validator = try XMLSchemaValidator(schemaPath: try #require(schemaPath))
        var text = String(
            decoding: try write(Article(headline: "H", published: ArticleDate(parsing: "2025-01-02"))).bytes,
            as: UTF8.self)
        text = text.replacingOccurrences(of: "<itemClass qcode=\"ninat:text\"/>", with: "")
        let findings = try validator.validate(Array(text.utf8), file: "bad.xml")
        #expect(findings.count == 1)
        #expect(
            findings.first?.message.contains("Expected is ( {http://iptc.org/std/nar/2006-10-01/}itemClass )") == true)
        #expect(findings.first?.location?.line == 6)
    }

    @Test("json → newsml → json keeps the article's text, structure, quotes and speakers", arguments: 0..<80)
    func roundTrip(seed: Int) throws {
        var random = RandomArticles(seed: UInt64(seed) &+ 70_000)
        let article = random.article()
        let written = try write(article)
        // An item with neither a headline nor any text is refused: there is no article to give back.
        let isEmpty =
            (article.headline ?? "").trimmingWhitespace().isEmpty
            && article.body.allSatisfy { $0.plainText.trimmingWhitespace().isEmpty && $0.kind != .image }
        if isEmpty {
            #expect(throws: FormatError.self) {
                try newsml.reader!.read(ReaderInput(bytes: written.bytes), options: .default)
            }
            return
        }
        let back = try #require(
            try newsml.reader!.read(ReaderInput(bytes: written.bytes), options: .default).articles.first)
        // XML layout is not text: a line break with the spaces around it reads as one space, and a
        // text's edges are trimmed; a block with no text but white space is not read back.
        func layout(_ text: String) -> String {
            // XML reads a CR LF or a lone CR as a line feed.
            text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                .replacingOccurrences(of: #"[ \t]*\n[ \t\n]*"#, with: " ", options: .regularExpression)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let text = { (value: String) in layout(xmlSafe(value)) }
        #expect(back.headline == article.headline.map(text).flatMap { $0.isEmpty ? nil : $0 })
        #expect(back.subheadline == article.subheadline.map(text).flatMap { $0.isEmpty ? nil : $0 })
        #expect(back.highlights == article.highlights.map(text).filter { !$0.isEmpty })
        #expect(back.keywords == article.keywords.map { layout(g2($0)) }.filter { !$0.isEmpty })
        // A byline with no name is left out (with a warning).
        let named = article.bylines.filter { !$0.name.trimmingWhitespace().isEmpty }
        #expect(back.bylines.map(\.name) == named.map { layout(g2($0.name)) })
        #expect(back.bylines.map(\.kind) == named.map(\.kind))
        // A date copydesk could not read is not written; a modification date alone stays one.
        #expect(back.published?.value == article.published?.value)
        // An empty caption is no caption; a block of white space is no block.
        let held = article.body.compactMap { block -> Block? in
            if case .image(var image) = block {
                if image.caption == "" { image.caption = nil }
                return .image(image)
            }
            guard block.kind == .paragraph || block.kind == .heading else { return block }
            return layout(xmlSafe(block.plainText)).isEmpty ? nil : block
        }
        #expect(back.body.map(\.kind) == held.map(\.kind), "seed \(seed)")
        // Each paragraph's and item's edges are trimmed of any white space (no-break spaces too).
        #expect(
            back.body.map { $0.plainText.foldingWhitespace() }
                == held.map { xmlSafe($0.plainText).foldingWhitespace() },
            "seed \(seed)")
        // Every quote is carried with its speaker by its anchor, or reported as dropped.
        let anchored = Set(article.quoteAnchors.keys)
        let dropped = written.diagnostics.filter { $0.id == "conversion.dropped" && $0.message.contains("the quote") }
        for quote in article.quotes where anchored.contains(quote.id) {
            let carried = back.quotes.first { $0.id == quote.id }
            #expect(carried != nil, "seed \(seed): \(quote.id)")
            #expect(carried?.speaker?.name == quote.speaker.map { xmlSafe($0.name) }, "seed \(seed)")
            #expect(carried?.cue == quote.cue.map(xmlSafe), "seed \(seed)")
        }
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
        let written = try write(article)
        let back = try #require(
            try newsml.reader!.read(ReaderInput(bytes: written.bytes), options: .default).articles.first)
        #expect(back.quotes.map(\.cue) == ["said"])
        #expect(back.quotes.map(\.attribution) == [.inherited])
    }

    @Test("Markup in text is escaped, forbidden characters replaced, unsafe links dropped with a warning")
    func escaping() throws {
        let text = try expectMarkupEscaped { article in try write(article) }
        #expect(!text.contains("<![CDATA["))
    }

    @Test("The same article always gets the same GUID; any idref written resolves")
    func guidAndReferences() throws {
        let article = try #require(try read(kitchenSink).first)
        #expect(try write(article).bytes == (try write(article)).bytes)
        let text = String(decoding: try write(article).bytes, as: UTF8.self)
        let references = text.components(separatedBy: "href=\"#").dropFirst().map { $0.prefix { $0 != "\"" } }
        for reference in references { #expect(text.contains("id=\"\(reference)\""), "unresolved #\(reference)") }
        let idrefs = text.components(separatedBy: "idrefs=\"").dropFirst().flatMap {
            $0.prefix { $0 != "\"" }.split(separator: " ")
        }
        for id in idrefs { #expect(text.contains("id=\"\(id)\""), "unresolved idref \(id)") }
    }

    @Test("External entities are never loaded; entity bombs are refused")
    func hostileXML() throws {
        try expectHostileXMLHarmless(
            root: "newsItem",
            document: { headline in
                "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g\" standard=\"NewsML-G2\" "
                    + "standardversion=\"2.35\"><itemMeta/><contentMeta><headline>\(headline)</headline></contentMeta>"
                    + "</newsItem>"
            },
            read: { try newsml.reader!.read(ReaderInput(string: $0), options: .default).articles })
    }

    @Test("Files that are not NewsML-G2 items are refused with their position")
    func errors() {
        #expect(throws: FormatError.self) {
            try newsml.reader!.read(ReaderInput(string: "<rss/>", file: "a.xml"), options: .default)
        }
        do {
            _ = try newsml.reader!.read(ReaderInput(string: "<newsItem>\n<oops>", file: "a.xml"), options: .default)
            Issue.record("expected an error")
        } catch {
            #expect(error.id == "xml.syntax")
            #expect(error.location?.line == 2)
        }
    }
}
