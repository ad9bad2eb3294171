// copydesk — ArticleFormats tests
// The article that started copydesk, checked against what a correct reading finds
// (../shared/corpus/text/*.expected.json). Quotes' speakers and event dates belong to the
// quote and date analysers and are not checked here.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

private let seedFolder = TestPaths.shared?.appendingPathComponent("corpus/text")

/// Whitespace folded, for the expectations' "matched after whitespace folding".
private func fold(_ text: String) -> String { text.foldingWhitespace() }

@Suite("Seed article", .enabled(if: seedFolder != nil, Comment(rawValue: TestPaths.sharedMissing)))
struct SeedArticleTests {
    struct Expectations: Decodable {
        enum CodingKeys: String, CodingKey {
            case headline, published, bylines, highlights, headings, images, lists
            case speakerLabels = "speaker_labels", paragraphCount = "paragraph_count"
            case paragraphStarts = "paragraph_starts", pullQuotes = "pull_quotes", notInBody = "not_in_body"
            case eventDates = "event_dates"
        }
        struct ListExpectation: Decodable {
            enum CodingKeys: String, CodingKey {
                case items, first
                case attributedToAny = "attributed_to_any"
            }
            var items: Int
            var first: String
            var attributedToAny: [String]
        }
        struct BylineExpectation: Decodable {
            var name: String
            var kind: String
        }
        var headline: String?
        var published: String?
        var bylines: [BylineExpectation]
        var highlights: [String]
        var headings: [String]
        var speakerLabels: [String]
        var images: [String]
        var paragraphCount: Int
        var paragraphStarts: [String]
        var lists: [ListExpectation]
        var pullQuotes: [String]
        var notInBody: [String]
        var eventDates: [String]
    }

    static func cases() -> [URL] {
        guard let seedFolder else { return [] }
        return TestPaths.files(in: seedFolder, extensions: ["txt"])
    }

    @Test("The plain-text reader finds what the expected.json lists", arguments: cases())
    func matchesExpectations(_ input: URL) throws {
        let expectedURL = input.deletingPathExtension().appendingPathExtension("expected.json")
        let expected = try JSONDecoder().decode(Expectations.self, from: Data(contentsOf: expectedURL))
        let pipeline = Pipeline()
        let read = try pipeline.read(
            ReaderInput(bytes: [UInt8](try Data(contentsOf: input)), file: input.path),
            format: FormatRegistry.format(named: "text")!)
        let article = try #require(read.articles.first)

        #expect(article.headline == expected.headline)
        #expect(article.published?.value?.iso8601 == expected.published)
        #expect(article.bylines.map(\.name) == expected.bylines.map(\.name))
        #expect(article.bylines.map(\.kind.rawValue) == expected.bylines.map(\.kind))
        #expect(article.highlights.map(fold) == expected.highlights.map(fold))

        let headings = article.body.compactMap { block -> String? in
            if case .heading(let heading) = block { return fold(heading.content.plainText) }
            return nil
        }
        #expect(headings == expected.headings.map(fold))

        let lists = article.body.compactMap { block -> ListBlock? in
            if case .list(let list) = block { return list }
            return nil
        }
        #expect(lists.compactMap(\.speaker?.mention).map(fold) == expected.speakerLabels.map(fold))
        #expect(lists.count == expected.lists.count)
        for (list, want) in zip(lists, expected.lists) {
            #expect(list.items.count == want.items)
            let first = fold(list.items.first?.content.plainText ?? "")
            #expect(first.hasPrefix(fold(want.first)), "first item «\(first.prefix(60))»")
            let speaker = [list.speaker?.name, list.speaker?.mention].compactMap { $0 }.joined(separator: " ")
                .lowercased()
            #expect(want.attributedToAny.contains { speaker.contains($0.lowercased()) }, "list speaker \(speaker)")
        }

        let images = article.body.compactMap { block -> String? in
            if case .image(let image) = block { return image.src }
            return nil
        }
        #expect(images == expected.images)

        let paragraphs = article.body.filter { $0.kind == .paragraph }.map { fold($0.plainText) }
        #expect(paragraphs.count == expected.paragraphCount)
        for (paragraph, start) in zip(paragraphs, expected.paragraphStarts) {
            #expect(paragraph.hasPrefix(fold(start)), "paragraph starts «\(paragraph.prefix(60))»")
        }

        let pullQuotes = article.body.filter { $0.kind == .pullQuote }.map { fold($0.plainText) }
        #expect(pullQuotes.count == expected.pullQuotes.count)
        for want in expected.pullQuotes {
            #expect(pullQuotes.contains { $0.contains(fold(want)) }, "pull quote «\(want)»")
        }

        let bodyText = article.body.map(\.plainText).joined(separator: "\n")
        for junk in expected.notInBody {
            #expect(!bodyText.contains(junk), "«\(junk)» should not be in the body")
        }
        // The dates the text reports, normalised with the year carried over.
        #expect(Set(article.dateMentions.map(\.value.iso8601)) == Set(expected.eventDates))

        // What was dropped is kept, not lost.
        #expect(article.extensions["counters"] == .object(["reads": .number(606)]))

        // The expected.json's validation block: what must and must not be reported.
        let findings = pipeline.validate(article, file: input.path)
        let messages = findings.map(\.message)
        #expect(messages.contains { $0.hasPrefix("headline is missing") })
        #expect(messages.contains { $0.hasPrefix("publication date is missing") })
        #expect(!findings.contains { $0.id == "byline.missing" })
        #expect(!findings.contains { $0.id.hasPrefix("quote.") })
    }
}
