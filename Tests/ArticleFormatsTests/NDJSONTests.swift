// copydesk — ArticleFormats tests
// NDJSON: one compact canonical-JSON article per line, errors at the line in the stream.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

private let ndjson = FormatRegistry.format(named: "ndjson")!
private let json = FormatRegistry.format(named: "json")!

@Suite("NDJSON")
struct NDJSONTests {
    func failure(_ text: String, file: String? = "s.ndjson") -> FormatError? {
        do {
            _ = try ndjson.reader!.read(ReaderInput(string: text, file: file), options: .default)
            Issue.record("expected an error for \(text)")
            return nil
        } catch {
            return error
        }
    }

    @Test("The registry knows ndjson by name and by .ndjson and .jsonl")
    func registry() {
        #expect(FormatRegistry.format(forPath: "a/b.ndjson")?.name == "ndjson")
        #expect(FormatRegistry.format(forPath: "b.JSONL")?.name == "ndjson")
        #expect(ndjson.reader != nil && ndjson.writer != nil)
    }

    @Test("Each article is one line, the same bytes as --to json --compact")
    func oneLinePerArticle() throws {
        var random = RandomArticles(seed: 8)
        let articles = (0..<5).map { _ in random.article() }
        let written = try ndjson.writer!.write(articles, options: .default).bytes
        let lines = written.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        #expect(lines.count == 6)
        #expect(lines.last?.isEmpty == true)
        for (index, article) in articles.enumerated() {
            var compact = try json.writer!.write([article], options: WriterOptions(compact: true)).bytes
            compact.removeLast()
            #expect(Array(lines[index]) == compact)
        }
    }

    @Test("Writing then reading gives the same articles (generated articles with awkward text)")
    func roundTrip() throws {
        var random = RandomArticles(seed: 88)
        let articles = (0..<20).map { _ in random.article() }
        let written = try ndjson.writer!.write(articles, options: .default).bytes
        let read = try ndjson.reader!.read(ReaderInput(bytes: written, file: "r.ndjson"), options: .default)
        #expect(read.articles == articles)
    }

    @Test("Blank lines and CRLF ends are accepted; positions name the line in the stream")
    func blankLinesAndPositions() throws {
        let text =
            "\n{\"headline\": \"one\", \"bylines\": [{\"name\": \"A\", \"kind\": \"person\"}]}\r\n  \n"
            + "{\"headline\": \"two\", \"bylines\": [{\"name\": \"B\", \"kind\": \"person\"}]}\n"
        let read = try ndjson.reader!.read(ReaderInput(string: text, file: "s.ndjson"), options: .default)
        #expect(read.articles.map(\.headline) == ["one", "two"])
        #expect(read.articles.map { $0.bylines.first?.location?.line } == [2, 4])
    }

    @Test("A bad record is reported at its line and column")
    func errorsAtTheLine() throws {
        let syntax = try #require(failure("{\"headline\": \"a\"}\n{\"headline\": \"b\"}\n{\"headline\": \"c\",}\n"))
        #expect(syntax.location == SourceLocation(file: "s.ndjson", line: 3, column: 18))
        let shape = try #require(failure("{\"headline\": \"a\"}\n\n{\"headline\": 3}\n"))
        #expect(shape.message == "headline: expected text")
        #expect(shape.location?.line == 3)
        let invalid = Array("{\"headline\": \"a\"}\n{\"headline\": \"".utf8) + [0xFF] + Array("\"}".utf8)
        do {
            _ = try ndjson.reader!.read(ReaderInput(bytes: invalid, file: "s.ndjson"), options: .default)
            Issue.record("expected an encoding error")
        } catch {
            #expect(error.location?.line == 2)
        }
    }

    @Test("A line holding an array, or a stream with no article, is refused")
    func shapes() throws {
        let array = try #require(failure("{\"headline\": \"a\"}\n[{\"headline\": \"b\"}]\n"))
        #expect(array.message.contains("array"))
        #expect(array.location?.line == 2)
        #expect(failure("\n \n")?.id == "input.empty")
    }
}
