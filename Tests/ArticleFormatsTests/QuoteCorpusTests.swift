// copydesk — ArticleFormats tests
// The quote analyser end to end through the plain-text reader: the seed article's expected quotes,
// and quote detection on the shared corpus as a regression floor. Both skip without ../shared.
// (They live here, not in ArticleAnalysisTests, because they need the reader and the test support.)

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

private let seedFolder = TestPaths.shared?.appendingPathComponent("corpus/text")
private let quoteCorpus = TestPaths.shared?.appendingPathComponent("corpus/quotes/dev.jsonl")

/// Reads plain text through the whole read-and-analyse pipeline.
private func analyse(_ text: String, file: String? = nil) throws -> Article? {
    let read = try Pipeline().read(
        ReaderInput(bytes: Array(text.utf8), file: file), format: FormatRegistry.format(named: "text")!)
    return read.articles.first
}

@Suite("Quotes in the seed article", .enabled(if: seedFolder != nil, Comment(rawValue: TestPaths.sharedMissing)))
struct SeedQuoteTests {
    struct Expectations: Decodable {
        struct QuoteExpectation: Decodable {
            enum CodingKeys: String, CodingKey {
                case text
                case speakerAny = "speaker_any"
            }
            var text: String
            var speakerAny: [String]
        }
        var quotes: [QuoteExpectation]
    }

    @Test("Every expected quote is found, in order, with a fitting speaker")
    func seedQuotes() throws {
        let folder = try #require(seedFolder)
        for input in TestPaths.files(in: folder, extensions: ["txt"]) {
            let expectedURL = input.deletingPathExtension().appendingPathExtension("expected.json")
            let expected = try JSONDecoder().decode(Expectations.self, from: Data(contentsOf: expectedURL))
            let text = String(decoding: try Data(contentsOf: input), as: UTF8.self)
            let article = try #require(try analyse(text, file: input.path))
            let found = article.quotes
            #expect(found.count == expected.quotes.count, "\(found.map(\.text))")
            for (quote, want) in zip(found, expected.quotes) {
                #expect(quote.text.foldingWhitespace() == want.text.foldingWhitespace())
                let speaker = [quote.speaker?.name, quote.speaker?.mention].compactMap { $0 }
                    .joined(separator: " ").lowercased()
                #expect(
                    want.speakerAny.contains { speaker.contains($0.lowercased()) },
                    "«\(want.text.prefix(40))» attributed to «\(speaker)», want one of \(want.speakerAny)")
            }
        }
    }
}

@Suite("Quote corpus score", .enabled(if: quoteCorpus != nil, Comment(rawValue: TestPaths.sharedMissing)))
struct QuoteCorpusTests {
    /// Regression floor: this matcher measured quote F1 0.932 (the scorer: P 0.95 R 0.91 F1 0.93)
    /// when the analyser was written.
    static let floor = 0.92

    /// Lowercased words, punctuation dropped, apostrophes unified (as the scorer tokenises).
    static func words(_ text: String) -> [String] {
        text.lowercased().replacingOccurrences(of: "’", with: "'")
            .split { !($0.isLetter || $0.isNumber || $0 == "'") }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            .filter { !$0.isEmpty }
    }

    /// Whether two quotes match: shared words (as a multiset) cover half the longer one.
    static func matches(_ left: [String], _ right: [String]) -> Bool {
        var counts: [String: Int] = [:]
        for word in left { counts[word, default: 0] += 1 }
        var shared = 0
        for word in right where counts[word, default: 0] > 0 {
            counts[word]! -= 1
            shared += 1
        }
        return Double(shared) >= 0.5 * Double(max(left.count, right.count)) && shared > 0
    }

    @Test("Quote F1 on the dev corpus stays at or above the floor")
    func score() throws {
        let url = try #require(quoteCorpus)
        let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n")
        var (gold, predicted, matched) = (0, 0, 0)
        for line in lines {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = try #require(object["text"] as? String)
            let goldQuotes = (object["quotes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
                .map(Self.words)
            let found = (try analyse(text))?.quotes.map { Self.words($0.text) } ?? []
            gold += goldQuotes.count
            predicted += found.count
            var taken = Set<Int>()
            for quote in found {
                if let index = goldQuotes.indices.first(where: {
                    !taken.contains($0) && Self.matches(goldQuotes[$0], quote)
                }) {
                    taken.insert(index)
                    matched += 1
                }
            }
        }
        let precision = Double(matched) / Double(max(predicted, 1))
        let recall = Double(matched) / Double(max(gold, 1))
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        print("quote corpus: gold \(gold) predicted \(predicted) matched \(matched) F1 \(f1)")
        #expect(f1 >= Self.floor, "quote F1 \(f1) fell below \(Self.floor)")
    }
}
