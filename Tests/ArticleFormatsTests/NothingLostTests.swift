// copydesk — ArticleFormats tests
// Nothing a reader is given is lost: every word of the input is somewhere in the article
// (headline, byline as printed, dates as printed, body, or extensions for dropped boilerplate).

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

/// Words (letters and digits) with their counts.
private func words(_ text: String) -> [String: Int] {
    var counts: [String: Int] = [:]
    for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
        counts[String(word), default: 0] += 1
    }
    return counts
}

/// Every string in a JSON value.
private func strings(_ value: Any) -> [String] {
    switch value {
    case let text as String: return [text]
    case let array as [Any]: return array.flatMap(strings)
    case let object as [String: Any]: return object.values.flatMap(strings)
    default: return []
    }
}

/// The input's words that the article does not hold (marker words such as "By" and "Published"
/// are allowed to go: they become structure).
private func missingWords(input: String, format: String) throws -> [String] {
    let pipeline = Pipeline()
    let read = try pipeline.read(ReaderInput(string: input, file: "in"), format: FormatRegistry.format(named: format)!)
    let json = try pipeline.write(read.articles, format: FormatRegistry.format(named: "json")!).bytes
    let object = try JSONSerialization.jsonObject(with: Data(json))
    let have = words(strings(object).joined(separator: " "))
    let markers: Set<String> = ["by", "written", "published", "posted", "on", "updated", "date", "caption", "photo"]
    // List numbers become list structure, an image name glued to text is split from it, and soft
    // hyphens and zero-width characters are removed on purpose.
    let unmarked = input.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.replacing(/^\s*\d{1,3}[.)]\s/, with: "")
            .replacing(/(?i)\.(jpe?g|png|gif|webp)(?=\p{L})/) { match in String(match.output.0) + " " }
            .filter { $0 != "\u{00AD}" && $0 != "\u{200B}" }
    }.joined(separator: "\n")
    var missing: [String] = []
    for (word, count) in words(unmarked) where (have[word] ?? 0) < count && !markers.contains(word) {
        missing.append(word)
    }
    return missing.sorted()
}

private let fixtureTexts =
    TestPaths.files(
        in: TestPaths.packageRoot.appendingPathComponent("Tests/ArticleFormatsTests/Fixtures/readers"),
        extensions: ["txt"])
    + TestPaths.files(in: TestPaths.packageRoot.appendingPathComponent("Samples"), extensions: ["txt"])

private let quotesCorpus = TestPaths.shared?.appendingPathComponent("corpus/quotes/dev.jsonl")

@Suite("Nothing lost")
struct NothingLostTests {
    @Test("Every word of each fixture and sample is kept", arguments: fixtureTexts)
    func fixtures(_ url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let missing = try missingWords(input: text, format: "text")
        #expect(missing.isEmpty, "lost: \(missing)")
    }

    @Test(
        "200 real articles as plain text: read, kept whole, and round-tripped through JSON",
        .enabled(if: quotesCorpus != nil, Comment(rawValue: TestPaths.sharedMissing)))
    func corpus() throws {
        let lines = try String(contentsOf: quotesCorpus!, encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 100)
        let text = FormatRegistry.format(named: "text")!
        let json = FormatRegistry.format(named: "json")!
        for line in lines {
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let body = try #require(row["text"] as? String)
            let id = row["id"] as? String ?? "?"
            let missing = try missingWords(input: body, format: "text")
            #expect(missing.isEmpty, "\(id) lost \(missing.prefix(10))")
            let pipeline = Pipeline()
            let article = try #require(
                try pipeline.read(ReaderInput(string: body, file: id), format: text).articles.first)
            #expect(!article.body.isEmpty, "\(id) has no body")
            let bytes = try pipeline.write([article], format: json).bytes
            let back = try pipeline.read(ReaderInput(bytes: bytes), format: json).articles
            #expect(back == [article], "\(id) changes through canonical JSON")
        }
    }
}
