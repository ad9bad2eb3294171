// copydesk — ArticleFormats tests
// The canonical JSON reader and writer: round trips through the real formats, and errors.

import ArticleTestSupport
import CopydeskKit
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
