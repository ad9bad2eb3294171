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
    /// Regression floors, a little under what this matcher measures (quote F1 0.933, attribution
    /// accuracy 0.873, end-to-end F1 0.815 with the speaker rules of `eval_quotes.py
    /// --strict-pronouns`; the scorer: F1 0.93, 0.87, 0.82), and never under the goals of #6
    /// (quote F1 0.92, attribution accuracy 0.87, end-to-end F1 0.80).
    static let floor = 0.92
    static let attributionFloor = 0.87
    static let endToEndFloor = 0.805

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

    /// Titles and function words the scorer ignores when comparing speakers.
    static let ignored: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "sen", "senator", "rep", "gov", "governor", "president",
        "vice", "gen", "general", "judge", "justice", "mayor", "secretary", "minister", "jr", "sr", "the", "a",
        "an", "of", "for", "and", "or", "in", "on", "at", "to", "with", "from", "by", "as", "s", "former", "then",
        "now", "current", "who", "which", "that", "this", "these", "those", "said", "says", "according",
    ]
    static let pronouns: Set<String> = [
        "he", "she", "they", "i", "we", "it", "him", "her", "them", "his", "their", "its", "you", "me", "us",
        "who", "one",
    ]

    /// A speaker's words, possessive `'s` dropped.
    static func speakerWords(_ text: String) -> [String] {
        words(text).map { $0.hasSuffix("'s") ? String($0.dropLast(2)) : $0 }
    }

    /// Whether a predicted speaker fits a gold one: a shared word other than titles and function
    /// words, or one word sequence inside the other.
    static func speakerMatches(_ predicted: String, _ gold: String) -> Bool {
        let (left, right) = (speakerWords(predicted), speakerWords(gold))
        guard !left.isEmpty, !right.isEmpty else { return false }
        if !Set(left).subtracting(ignored).isDisjoint(with: Set(right).subtracting(ignored)) { return true }
        func contains(_ outer: [String], _ inner: [String]) -> Bool {
            inner.count <= outer.count
                && (0...(outer.count - inner.count)).contains { Array(outer[$0..<($0 + inner.count)]) == inner }
        }
        return contains(left, right) || contains(right, left)
    }

    /// The scorer's `--strict-pronouns` verdict for one matched quote.
    static func speakerCorrect(_ predicted: String?, gold: [String: Any]) -> Bool {
        guard let predicted, !predicted.trimmingWhitespace().isEmpty else { return false }
        let resolved = gold["speaker_resolved"] as? String
        if let resolved, !resolved.isEmpty, speakerWords(predicted).allSatisfy({ pronouns.contains($0) }) {
            return false
        }
        let candidates =
            [gold["speaker"] as? String, resolved].compactMap { $0 } + (gold["speaker_aliases"] as? [String] ?? [])
        return candidates.contains { !$0.isEmpty && speakerMatches(predicted, $0) }
    }

    @Test("Quote F1, attribution accuracy and end-to-end F1 on the dev corpus stay at or above their floors")
    func score() throws {
        let url = try #require(quoteCorpus)
        let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n")
        var (gold, predicted, matched, attributed, attributedRight) = (0, 0, 0, 0, 0)
        for line in lines {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = try #require(object["text"] as? String)
            let goldQuotes = object["quotes"] as? [[String: Any]] ?? []
            let goldWords = goldQuotes.map { Self.words($0["text"] as? String ?? "") }
            let found = (try analyse(text))?.quotes ?? []
            gold += goldQuotes.count
            predicted += found.count
            var taken = Set<Int>()
            for quote in found {
                let quoteWords = Self.words(quote.text)
                if let index = goldWords.indices.first(where: {
                    !taken.contains($0) && Self.matches(goldWords[$0], quoteWords)
                }) {
                    taken.insert(index)
                    matched += 1
                    if let speaker = goldQuotes[index]["speaker"] as? String, !speaker.isEmpty {
                        attributed += 1
                        if Self.speakerCorrect(quote.speaker?.name, gold: goldQuotes[index]) { attributedRight += 1 }
                    }
                }
            }
        }
        func f1(_ hits: Int) -> Double {
            let precision = Double(hits) / Double(max(predicted, 1))
            let recall = Double(hits) / Double(max(gold, 1))
            return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }
        let quoteF1 = f1(matched)
        let accuracy = Double(attributedRight) / Double(max(attributed, 1))
        let endToEnd = f1(attributedRight)
        print(
            "quote corpus: gold \(gold) predicted \(predicted) matched \(matched) F1 \(quoteF1) "
                + "attribution \(attributedRight)/\(attributed) = \(accuracy) end-to-end F1 \(endToEnd)")
        #expect(quoteF1 >= Self.floor, "quote F1 \(quoteF1) fell below \(Self.floor)")
        #expect(
            accuracy >= Self.attributionFloor, "attribution accuracy \(accuracy) fell below \(Self.attributionFloor)")
        #expect(endToEnd >= Self.endToEndFloor, "end-to-end F1 \(endToEnd) fell below \(Self.endToEndFloor)")
    }
}
