// copydesk — ArticleFormats tests
// The canonical JSON reader and writer: round trips through the real formats, and errors.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

@Suite("Canonical JSON reader and writer")
struct JSONReaderTests {
    let json = FormatRegistry.format(named: "json")!

    @Test("Writing then reading gives the same article", arguments: 0..<100)
    func roundTrip(seed: Int) throws {
        var random = RandomArticles(seed: UInt64(seed) &+ 10_000)
        let article = random.article()
        for compact in [false, true] {
            let bytes = try json.writer!.write([article], options: WriterOptions(compact: compact)).bytes
            let back = try json.reader!.read(ReaderInput(bytes: bytes), options: .default)
            #expect(back.articles == [article], "seed \(seed)")
            #expect(back.diagnostics.isEmpty)
        }
    }

    @Test("Several articles are written as an array and read back")
    func arrays() throws {
        var random = RandomArticles(seed: 7)
        let articles = [random.article(), random.article()]
        let bytes = try json.writer!.write(articles, options: .default).bytes
        #expect(bytes.first == UInt8(ascii: "["))
        #expect(try json.reader!.read(ReaderInput(bytes: bytes), options: .default).articles == articles)
    }

    @Test("Unknown top-level keys are kept in extensions with a note")
    func unknownKeys() throws {
        let input = ReaderInput(string: #"{"headline": "H", "cmsId": 42}"#, file: "a.json")
        let result = try json.reader!.read(input, options: .default)
        #expect(result.articles.first?.extensions["cmsId"] == .number(42))
        #expect(result.diagnostics.map(\.id) == ["json.unknown-key"])
    }

    @Test("An object with neither headline nor body and mostly foreign keys is refused, not read empty")
    func metadataFileRefused() throws {
        // The shape of an extractor's metadata file: one key of the model (language) among its own.
        let metadata = #"{"title": "T", "url": "https://example.com/a", "authors": ["A"], "language": "en"}"#
        do {
            _ = try json.reader!.read(ReaderInput(string: metadata, file: "meta.json"), options: .default)
            Issue.record("expected an error")
        } catch {
            #expect(error.id == "json.not-an-article")
            #expect(error.message.contains("authors, title, url"))
            #expect(error.file == "meta.json")
        }
        // The same keys beside a headline, or a body, are an article with extensions.
        for extra in [#""headline": "H""#, #""body": [{"type": "paragraph", "text": "x"}]"#] {
            let input = ReaderInput(string: #"{"title": "T", "url": "u", "language": "en", \#(extra)}"#)
            let result = try json.reader!.read(input, options: .default)
            #expect(result.articles.first?.extensions["title"] == .string("T"))
        }
        // An article of the model's own keys with no headline or body yet is read as it is.
        let draft = try json.reader!.read(ReaderInput(string: #"{"language": "en", "cmsId": 7}"#), options: .default)
        #expect(draft.articles.first?.language == "en")
    }

    @Test("Syntax errors say line and column")
    func syntaxError() {
        do {
            _ = try json.reader!.read(
                ReaderInput(string: "{\n  \"headline\": \"H\",\n  oops\n}", file: "bad.json"),
                options: .default)
            Issue.record("expected an error")
        } catch {
            #expect(error.id == "json.syntax")
            #expect(error.file == "bad.json")
            #expect(error.location?.line == 3)
        }
    }

    @Test("Shape errors name the path of the bad value")
    func shapeError() {
        do {
            _ = try json.reader!.read(
                ReaderInput(string: #"{"body": [{"type": "poem", "text": "x"}]}"#, file: "a.json"),
                options: .default)
            Issue.record("expected an error")
        } catch {
            #expect(error.id == "json.shape")
            #expect(error.message.contains("body[0].type"))
        }
    }
}

@Suite("Strict JSON parsing with positions")
struct JSONParserTests {
    let json = FormatRegistry.format(named: "json")!

    func failure(_ text: String) -> FormatError? {
        do {
            _ = try json.reader!.read(ReaderInput(string: text, file: "t.json"), options: .default)
            Issue.record("expected an error for \(text)")
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "Malformed JSON is refused at its position",
        arguments: [
            (#"{"text":"a",}"#, "trailing comma", 1, 13),
            ("{\"a\":1,\n \"a\":2}", "duplicate key 'a' (first at line 1, column 2)", 2, 2),
            (#"{"a": 0777}"#, "cannot start with 0", 1, 7),
            ("{\"a\": \"x\ny\"}", "control character", 1, 9),
            (#"{"a": 'x'}"#, "double quotes", 1, 7),
            (#"{"a": 1} {"#, "after the JSON value", 1, 10),
            (#"{"a": "\ud800"}"#, "surrogate", 1, 14),
            ("// c\n{}", "comments", 1, 1),
        ])
    func malformed(_ text: String, _ message: String, _ line: Int, _ column: Int) throws {
        let error = try #require(failure(text))
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location == SourceLocation(file: "t.json", line: line, column: column))
    }

    @Test("Wrong types and unknown kinds point at the value and list what is allowed")
    func shapes() throws {
        let types = try #require(failure("{\n  \"highlights\": {}\n}"))
        #expect(types.message == "highlights: expected a list")
        #expect(types.location == SourceLocation(file: "t.json", line: 2, column: 17))
        let kind = try #require(failure(#"{"bylines": [{"name": "a", "kind": "robot"}]}"#))
        #expect(kind.message == "bylines[0].kind: 'robot' is not one of: person, organization")
        let item = try #require(failure(#"[{"headline": "a"}, 3]"#))
        #expect(item.message == "[1] is not an article object")
        #expect(item.location?.column == 21)
        #expect(failure("[]")?.id == "input.empty")
    }

    @Test("Nesting is bounded without a crash")
    func deepNesting() throws {
        let error = try #require(failure(String(repeating: "[", count: 100_000)))
        #expect(error.message.contains("deeper than the limit of 512 levels"))
    }

    @Test("Blocks take their positions from the JSON file; an extension is never overwritten")
    func positions() throws {
        let text = """
            {
              "headline": "x",
              "body": [
                {"type": "paragraph", "text": "a"},
                {"type": "list", "items": [{"text": "b"}]}
              ],
              "extensions": {"note": "keep me"},
              "note": "top"
            }
            """
        let result = try json.reader!.read(ReaderInput(string: text, file: "t.json"), options: .default)
        let article = try #require(result.articles.first)
        #expect(article.body[0].location == SourceLocation(file: "t.json", line: 4, column: 5))
        guard case .list(let list) = article.body[1] else { Issue.record("expected a list"); return }
        #expect(list.items[0].location == SourceLocation(file: "t.json", line: 5, column: 32))
        #expect(article.extensions["note"] == .string("keep me"))
        #expect(article.extensions["note (top level)"] == .string("top"))
        #expect(result.diagnostics.first?.location?.line == 8)
    }
}

@Suite("Canonical JSON writer")
struct JSONWriterTests {
    @Test("The writer's JSON is what Foundation's JSONEncoder makes of the model", arguments: 0..<60)
    func sameAsFoundation(seed: Int) throws {
        var random = RandomArticles(seed: UInt64(seed) &+ 90_000)
        let article = random.article()
        let ours = try FormatRegistry.format(named: "json")!.writer!.write([article], options: .default).bytes
        let foundation = try JSONEncoder().encode(article)
        let left = try JSONSerialization.jsonObject(with: Data(ours)) as? NSDictionary
        let right = try JSONSerialization.jsonObject(with: foundation) as? NSDictionary
        #expect(left != nil && left == right, "seed \(seed)")
    }
}
