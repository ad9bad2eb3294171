// copydesk — ArticleFormats tests
// YAML: canonical and CMS shapes, streams, typing by field, errors with positions, limits, round trips.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

@testable import ArticleFormats

private let yaml = FormatRegistry.format(named: "yaml")!
private let json = FormatRegistry.format(named: "json")!

private func readYAML(_ text: String, file: String = "a.yaml") throws -> ReadResult {
    try Pipeline().read(ReaderInput(string: text, file: file), format: yaml)
}

/// The error a YAML input raises, or a recorded issue.
private func yamlError(_ text: String, limits: ReaderLimits = .default) -> FormatError? {
    do {
        _ = try YAMLArticleReader().read(
            ReaderInput(string: text, file: "bad.yaml"), options: ReaderOptions(limits: limits))
        Issue.record("expected an error")
        return nil
    } catch {
        return error
    }
}

@Suite("YAML reader and writer")
struct YAMLTests {
    @Test("The emitter's byte test for double quotes finds what the scalar rule finds")
    func doubleQuoteBytes() {
        func byScalars(_ text: String) -> Bool {
            text.unicodeScalars.contains { scalar in
                (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
                    || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{FEFF}"
            }
        }
        var texts = ["", "plain", "line\nfeed\ttab", "carriage\rreturn", "caf\u{E9} \u{A0}\u{BF}", "“quoted” — dash"]
        for value in [0x00, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0x2027, 0x2028, 0x2029, 0x202A, 0xFEFE, 0xFEFF, 0xFFFD]
        {
            texts.append("a\(Unicode.Scalar(value)!)b")
        }
        for text in texts {
            #expect(YAMLEmitter.needsEscapes(text) == byScalars(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test("CMS front-matter keys map onto the model")
    func cmsShape() throws {
        let result = try readYAML(
            """
            title: Pier reopens
            summary: After two years of repairs
            authors: [Jane Doe, Metro Desk]
            pubDate: 2025-06-12T14:05:00+01:00
            updated: 12 June 2025 16:00 BST
            categories: [Local, Coast]
            tags: piers, repairs
            lang: en
            permalink: https://example.org/pier
            body: |
              The pier *reopened* on **Saturday**.

              - new decking
              - new lights
            """)
        let article = try #require(result.articles.first)
        #expect(article.headline == "Pier reopens")
        #expect(article.subheadline == "After two years of repairs")
        #expect(article.bylines.map(\.name) == ["Jane Doe", "Metro Desk"])
        #expect(article.bylines.map(\.kind) == [.person, .organization])
        #expect(article.published?.value?.iso8601 == "2025-06-12T14:05:00+01:00")
        #expect(article.modified?.value?.iso8601 == "2025-06-12T16:00:00+01:00")
        #expect(article.section == "Local")
        #expect(article.keywords == ["Local", "Coast", "piers", "repairs"])
        #expect(article.language == "en")
        #expect(article.source?.url == "https://example.org/pier")
        #expect(article.body.count == 2)
        #expect(
            article.body[0]
                == .paragraph(
                    Paragraph([
                        .text("The pier "), .emphasis([.text("reopened")]), .text(" on "), .strong([.text("Saturday")]),
                        .text("."),
                    ])))
        #expect(article.body[0].location == SourceLocation(file: "a.yaml", line: 11, column: 3))
        #expect(article.body[1].location?.line == 13)
        #expect(article.body[1].plainText == "new decking\nnew lights")
    }

    @Test("Scalars are typed by what the field needs, not by YAML 1.1 guessing")
    func typing() throws {
        let article = try #require(
            try readYAML(
                "headline: no\nsubheadline: 0777\nsection: null\nkeywords: [yes, 1.0]\npublished: 2025-06-12T14:05:00+01:00\n"
            )
            .articles.first)
        #expect(article.headline == "no")
        #expect(article.subheadline == "0777")
        #expect(article.section == nil)
        #expect(article.keywords == ["yes", "1.0"])
        #expect(article.published?.text == "2025-06-12T14:05:00+01:00")
        #expect(article.published?.value?.utcOffsetMinutes == 60)
        #expect(article.published?.value?.hour == 14)
    }

    @Test("An unparseable date is kept as text for the validator")
    func unparseableDate() throws {
        let article = try #require(try readYAML("title: x\ndate: the week after next\n").articles.first)
        #expect(article.published == ArticleDate(text: "the week after next", value: nil))
    }

    @Test("Unknown keys are kept in extensions, typed by YAML 1.2's core schema, with a note")
    func unknownKeys() throws {
        let result = try readYAML("title: x\ndraft: false\nweight: 20\ncode: 0777\nnothing: ~\nlayout: post\n")
        let article = try #require(result.articles.first)
        #expect(article.extensions["draft"] == .bool(false))
        #expect(article.extensions["weight"] == .number(20))
        #expect(article.extensions["code"] == .string("0777"))
        #expect(article.extensions["nothing"] == .null)
        #expect(article.extensions["layout"] == .string("post"))
        #expect(result.diagnostics.filter { $0.id == "yaml.unknown-key" }.count == 5)
        #expect(result.diagnostics.first?.location == SourceLocation(file: "a.yaml", line: 2, column: 1))
    }

    @Test("A stream holds several articles; a top-level list does too")
    func streams() throws {
        let stream = try readYAML("---\ntitle: One\n---\ntitle: Two\n---\n")
        #expect(stream.articles.map(\.headline) == ["One", "Two"])
        let list = try readYAML("- title: One\n- title: Two\n")
        #expect(list.articles.map(\.headline) == ["One", "Two"])
    }

    @Test("A YAML article and its JSON twin read to the same article")
    func jsonTwin() throws {
        let fixture = TestPaths.packageRoot.appendingPathComponent(
            "Tests/ArticleFormatsTests/Fixtures/readers/kitchen-sink.json")
        let fromJSON = try Pipeline().read(ReaderInput(bytes: [UInt8](try Data(contentsOf: fixture))), format: json)
        let yamlBytes = try yaml.writer!.write(fromJSON.articles, options: .default).bytes
        let fromYAML = try yaml.reader!.read(ReaderInput(bytes: yamlBytes), options: .default)
        #expect(fromYAML.articles == fromJSON.articles)
    }

    @Test("json → yaml → json gives the same article, for random articles with awkward text", arguments: 0..<150)
    func roundTrip(seed: Int) throws {
        var random = RandomArticles(seed: UInt64(seed) &+ 50_000)
        let articles = [random.article(), random.article()]
        let bytes = try yaml.writer!.write(articles, options: .default).bytes
        let back = try yaml.reader!.read(ReaderInput(bytes: bytes), options: .default)
        #expect(back.articles == articles, "seed \(seed):\n\(String(decoding: bytes, as: UTF8.self))")
    }

    @Test("Strings other YAML tools would misread are quoted")
    func quoting() throws {
        let article = Article(
            headline: "no", subheadline: "0777", keywords: ["null", "2025-01-01", "- dash", "# hash", "a: b"])
        let text = String(decoding: try yaml.writer!.write([article], options: .default).bytes, as: UTF8.self)
        #expect(text.contains("headline: 'no'"))
        #expect(text.contains("subheadline: '0777'"))
        #expect(text.contains("- 'null'"))
        #expect(text.contains("- '2025-01-01'"))
        #expect(try yaml.reader!.read(ReaderInput(string: text), options: .default).articles == [article])
    }

    // MARK: Errors

    @Test("Syntax errors name the line and column")
    func syntaxError() throws {
        let error = try #require(yamlError("title: x\nbody: [unclosed\nauthor: y\n"))
        #expect(error.id == "yaml.syntax")
        #expect(error.location?.file == "bad.yaml")
        #expect(error.location?.line == 3)
        #expect(error.message.hasPrefix("YAML syntax error:"))
        #expect(error.hint != nil)
    }

    @Test("A wrong type names the field and points at its value")
    func wrongType() throws {
        let error = try #require(yamlError("headline: x\nhighlights:\n  first: a\n"))
        #expect(error.id == "yaml.type")
        #expect(error.message.contains("highlights"))
        #expect(error.message.contains("a list"))
        #expect(error.location == SourceLocation(file: "bad.yaml", line: 3, column: 3))
        let tags = try #require(yamlError("title: x\ntags:\n  a: b\n"))
        #expect(tags.message == "'tags' should be a list of text, not a mapping")
        #expect(tags.location?.line == 3)
    }

    @Test("A root that is not an article is refused")
    func badRoot() throws {
        let scalar = try #require(yamlError("just some words\n"))
        #expect(scalar.id == "yaml.root")
        #expect(scalar.location?.line == 1)
        let list = try #require(yamlError("- title: ok\n- 42\n"))
        #expect(list.message.hasPrefix("item 2 of the list is text"))
        #expect(list.location?.line == 2)
        #expect(yamlError("# only a comment\n")?.id == "input.empty")
    }

    @Test("Duplicate keys are errors at the second key, naming the first")
    func duplicateKeys() throws {
        let error = try #require(yamlError("title: a\nauthor: b\ntitle: c\n"))
        #expect(error.id == "yaml.duplicate-key")
        #expect(error.location == SourceLocation(file: "bad.yaml", line: 3, column: 1))
        #expect(error.message.contains("first at line 1"))
        let nested = try #require(yamlError("body:\n- type: paragraph\n  text: a\n  text: b\n"))
        #expect(nested.id == "yaml.duplicate-key")
        #expect(nested.location?.line == 4)
    }

    @Test("Text that is not UTF-8 is an error with its position")
    func notUTF8() throws {
        let bytes = Array("title: caf".utf8) + [0xE9] + Array("\n".utf8)
        do {
            _ = try yaml.reader!.read(ReaderInput(bytes: bytes, file: "bad.yaml"), options: .default)
            Issue.record("expected an error")
        } catch {
            #expect(error.id == "input.encoding")
            #expect(error.location == SourceLocation(file: "bad.yaml", line: 1, column: 11))
        }
    }

    // MARK: Limits

    @Test("A billion-laughs alias bomb is refused")
    func aliasBomb() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        text += "title: boom\n"
        let error = try #require(yamlError(text))
        #expect(error.id == "input.limit")
        #expect(error.message.contains("aliases"))
        #expect(error.location?.line != nil)
    }

    @Test("Nesting depth and input size are bounded")
    func otherLimits() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "\n"
        #expect(yamlError("title: x\nextra: " + deep)?.id == "input.limit")
        let small = ReaderLimits(maxInputBytes: 100)
        #expect(yamlError("title: " + String(repeating: "x", count: 200) + "\n", limits: small)?.id == "input.limit")
        // Aliases within the limits are fine, and expanded.
        let fine = try #require(try readYAML("t: &t Shared title\ntitle: *t\n").articles.first)
        #expect(fine.headline == "Shared title")
    }

    @Test("Every reader limit an option raises reaches the YAML parser, in YAML files and in front matter")
    func raisedLimits() throws {
        // Depth: 600 levels is past the default of 512, and fine with --max-depth 1000.
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let yamlText = "title: x\nextra: " + deep + "\n"
        let markdownText = "---\ntitle: x\nextra: " + deep + "\n---\n\nBody.\n"
        let raised = ReaderOptions(limits: ReaderLimits(maxDepth: 1_000))
        let markdown = MarkdownArticleReader()
        #expect(throws: FormatError.self) { try markdown.read(ReaderInput(string: markdownText), options: .default) }
        #expect(try markdown.read(ReaderInput(string: markdownText), options: raised).articles.count == 1)
        #expect(yamlError(yamlText)?.id == "input.limit")
        #expect(try YAMLArticleReader().read(ReaderInput(string: yamlText), options: raised).articles.count == 1)
        // Nodes: 10 aliases of 10 aliases of 10 scalars expand to more than 500 nodes.
        let expanding =
            "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: t\n"
        #expect(yamlError(expanding, limits: ReaderLimits(maxYAMLNodes: 500))?.id == "input.limit")
        #expect(
            try YAMLArticleReader().read(
                ReaderInput(string: expanding), options: ReaderOptions(limits: ReaderLimits(maxYAMLNodes: 5_000))
            ).articles.count == 1)
        // Nodes in front matter too.
        let expandingFront = "---\n" + expanding + "---\n\nBody.\n"
        #expect(throws: FormatError.self) {
            try markdown.read(
                ReaderInput(string: expandingFront), options: ReaderOptions(limits: ReaderLimits(maxYAMLNodes: 500)))
        }
        #expect(
            try markdown.read(
                ReaderInput(string: expandingFront), options: ReaderOptions(limits: ReaderLimits(maxYAMLNodes: 5_000))
            ).articles.count == 1)
        // Size: the parser's bound is the input-size option itself, below the default and above it.
        let sized = "title: x\nextra: \"" + String(repeating: "y", count: 2_000) + "\"\n"
        #expect(yamlError(sized, limits: ReaderLimits(maxInputBytes: 1_000))?.id == "input.limit")
        #expect(
            try YAMLArticleReader().read(
                ReaderInput(string: sized), options: ReaderOptions(limits: ReaderLimits(maxInputBytes: 256 << 20))
            ).articles.count == 1)
        let large = ReaderLimits(maxInputBytes: 256 << 20, maxDepth: 2_048, maxYAMLNodes: 5_000_000)
        #expect(YAMLLimits(large).maxBytes == 256 << 20 && YAMLLimits(large).maxDepth == 2_048)
        #expect(YAMLLimits(large).maxNodes == 5_000_000)
    }
}
