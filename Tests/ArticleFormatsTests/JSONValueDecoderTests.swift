// copydesk — ArticleFormats tests
// The JSON reader decodes parsed values directly; it must read exactly what Foundation's
// JSONDecoder reads, and fail where it fails, at the same path.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

@Suite("JSON reader decodes as JSONDecoder does")
struct JSONValueDecoderTests {
    let json = FormatRegistry.format(named: "json")!

    /// Foundation's reading of the same text: the reference.
    func reference(_ text: String) throws -> [Article] {
        let data = Data(text.utf8)
        if text.first == "[" { return try JSONDecoder().decode([Article].self, from: data) }
        return [try JSONDecoder().decode(Article.self, from: data)]
    }

    @Test("Goldens, samples and generated articles read to the same articles")
    func sameArticles() throws {
        let folders = ["Tests/ArticleFormatsTests/Fixtures/readers", "Tests/ArticleFormatsTests/Fixtures/samples"]
        var texts: [String] = []
        for folder in folders {
            for url in TestPaths.files(in: TestPaths.packageRoot.appendingPathComponent(folder), extensions: ["json"])
            where url.lastPathComponent.hasSuffix(".article.json") {
                texts.append(try String(contentsOf: url, encoding: .utf8))
            }
        }
        var random = RandomArticles(seed: 2024)
        for _ in 0..<40 {
            let bytes = try json.writer!.write([random.article()], options: .default).bytes
            texts.append(String(decoding: bytes, as: UTF8.self))
        }
        #expect(texts.count > 40)
        for text in texts {
            let read = try json.reader!.read(ReaderInput(string: text, file: "t.json"), options: .default)
            #expect(read.articles == (try reference(text)))
        }
    }

    @Test(
        "Wrong shapes fail at the path JSONDecoder names",
        arguments: [
            #"{"headline": 3}"#, #"{"headline": ["a"]}"#, #"{"highlights": "a"}"#, #"{"highlights": [1]}"#,
            #"{"bylines": [{"kind": "person"}]}"#, #"{"bylines": [{"name": null}]}"#,
            #"{"bylines": [{"name": "A", "kind": "robot"}]}"#,
            #"{"body": [{"type": "heading", "text": "A", "level": "2"}]}"#,
            #"{"body": [{"text": "A"}]}"#, #"{"body": {}}"#, #"{"body": [3]}"#, #"{"quotes": [{"text": 1}]}"#,
            #"{"extensions": []}"#, #"{"dateline": 1}"#,
            #"{"body": [{"type": "list", "items": [{"content": 1}]}]}"#,
        ])
    func samePaths(_ text: String) throws {
        var expected: String?
        do {
            _ = try reference(text)
        } catch let error as DecodingError {
            expected = Self.path(error)
        }
        let reference = try #require(expected, "JSONDecoder accepted \(text)")
        do {
            _ = try json.reader!.read(ReaderInput(string: text, file: "t.json"), options: .default)
            Issue.record("the reader accepted \(text)")
        } catch {
            #expect(error.message.hasPrefix(reference + ": "), "\(error.message) (JSONDecoder: \(reference))")
        }
    }

    @Test("A number that is not a whole number where one is needed is reported at its field")
    func integers() throws {
        // JSONDecoder reports these at the top level ("The given data was not valid JSON"); the
        // reader names the field.
        for (text, message) in [
            (
                #"{"body": [{"type": "heading", "text": "A", "level": 2.5}]}"#,
                "body[0].level: Parsed JSON number <2.5> does not fit in Int."
            ),
            (
                #"{"quotes": [{"text": "a", "blockIndex": 1e300}]}"#,
                "quotes[0].blockIndex: Parsed JSON number <1e+300> does not fit in Int."
            ),
        ] {
            do {
                _ = try json.reader!.read(ReaderInput(string: text, file: "t.json"), options: .default)
                Issue.record("the reader accepted \(text)")
            } catch {
                #expect(error.message == message)
                #expect(error.location?.line == 1 && (error.location?.column ?? 0) > 1)
            }
        }
    }

    /// The coding path of a decoding error as copydesk prints it (`body[0].type`).
    static func path(_ error: DecodingError) -> String {
        var keys: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            keys = context.codingPath
        case .keyNotFound(let key, let context):
            keys = context.codingPath + [key]
        @unknown default:
            keys = []
        }
        var out = ""
        for key in keys {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out
    }
}
