// copydesk — ArticleModel tests
// The canonical JSON encoding: versioned, and decode(encode(a)) == a for any article.

import ArticleModel
import ArticleTestSupport
import Foundation
import Testing

@Suite("Canonical JSON coding")
struct CodingTests {
    @Test("decode(encode(a)) == a for random articles", arguments: 0..<200)
    func roundTrip(seed: Int) throws {
        var random = RandomArticles(seed: UInt64(seed))
        let article = random.article()
        let data = try JSONEncoder().encode(article)
        let decoded = try JSONDecoder().decode(Article.self, from: data)
        if decoded != article {
            let again = try JSONEncoder().encode(decoded)
            Issue.record(
                "seed \(seed): \(String(decoding: data, as: UTF8.self))\n--- decoded and encoded again:\n\(String(decoding: again, as: UTF8.self))"
            )
        }
        // Locations survive too, although equality ignores them.
        #expect(decoded.body.map(\.location) == article.body.map(\.location))
    }

    @Test("The contract's keys are present, with null for missing values")
    func contractKeys() throws {
        let data = try JSONEncoder().encode(Article(body: [.paragraph(Paragraph(text: "Hello."))]))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["headline", "bylines", "published", "highlights", "body", "quotes", "modelVersion"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["headline"] is NSNull)
        #expect(object["published"] is NSNull)
        #expect(object["modelVersion"] as? String == ArticleModelVersion.string)
        let body = try #require(object["body"] as? [[String: Any]])
        #expect(body[0]["type"] as? String == "paragraph")
        #expect(body[0]["text"] as? String == "Hello.")
        #expect(body[0]["content"] == nil, "plain content is written as text alone")
    }

    @Test("Dates: ISO value in published, printed form in publishedText")
    func dates() throws {
        let article = Article(published: ArticleDate(parsing: "Nov. 7, 2017"), modified: ArticleDate(parsing: "soon"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(article)) as? [String: Any])
        #expect(object["published"] as? String == "2017-11-07")
        #expect(object["publishedText"] as? String == "Nov. 7, 2017")
        #expect(object["modified"] is NSNull)
        #expect(object["modifiedText"] as? String == "soon")
    }

    @Test("Model versions 1.x and 2.x are read; any other major version is refused")
    func versionCheck() {
        for refused in ["3.0", "0.9", "x"] {
            let json = Data(#"{"modelVersion": "\#(refused)", "headline": "x"}"#.utf8)
            #expect(throws: IncompatibleModelVersion.self) { try JSONDecoder().decode(Article.self, from: json) }
        }
        for read in ["1.1", "1.7", "2.0", "2.2", "2.3", "2.9"] {
            let json = Data(#"{"modelVersion": "\#(read)", "headline": "x"}"#.utf8)
            #expect((try? JSONDecoder().decode(Article.self, from: json))?.headline == "x")
        }
        #expect(ArticleModelVersion.string == "2.3")
    }

    @Test("Model 1.x quotes are migrated: ids given, anchored by block index where the block shows them")
    func migrateVersion1Quotes() throws {
        let json = Data(
            #"""
            {"modelVersion": "1.1", "source": {"format": "text"},
             "bylines": [{"name": "Jane Roe", "kind": "person", "raw": "By Jane Roe"}],
             "body": [
               {"type": "paragraph", "text": "“Ready,” she said.",
                "content": [{"type": "quotation", "open": "“", "close": "”", "content": [{"type": "text", "text": "Ready,"}]},
                            {"type": "text", "text": " she said."}]},
               {"type": "paragraph", "text": "Plain “words here,” he said."},
               {"type": "pullQuote", "text": "Ready"}],
             "quotes": [
               {"text": "Ready,", "speaker": {"name": "Jane Roe"}, "kind": "direct", "blockIndex": 0},
               {"text": "words here,", "kind": "direct", "blockIndex": 1},
               {"text": "Ready", "kind": "pull", "blockIndex": 2}]}
            """#.utf8)
        let article = try JSONDecoder().decode(Article.self, from: json)
        #expect(article.quotes.map(\.id) == ["q1", "q2", "q3"])
        #expect(article.quoteAnchors["q1"] == [QuoteAnchor(blockIndex: 0)])
        #expect(article.quoteAnchors["q3"] == [QuoteAnchor(blockIndex: 2)])
        #expect(article.unanchoredQuotes.map(\.id) == ["q2"], "plain text: the quote analyser anchors it")
        #expect(article.bylines[0].origin == .printed, "1.x took bylines read from text as printed")
        let again = try JSONDecoder().decode(Article.self, from: JSONEncoder().encode(article))
        #expect(again == article)
    }

    @Test("Quote anchors, list labels and byline origins round-trip; origin is written only when printed")
    func anchorsRoundTrip() throws {
        var article = Article(
            bylines: [Byline(name: "Jane Roe", origin: .printed), Byline(name: "Desk", kind: .organization)],
            body: [
                .paragraph(Paragraph([.quotation(Quotation(content: [.text("Yes")], quoteID: "q1"))])),
                .list(ListBlock(items: [ListItem(text: "one")], label: "Jane Roe, mayor:")),
                .blockquote(Blockquote([.text("Set apart")], quoteID: "q2")),
            ])
        article.quotes = [Quote(id: "q1", text: "Yes"), Quote(id: "q2", text: "Set apart", kind: .block)]
        let data = try JSONEncoder().encode(article)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""quoteId":"q1""#) && text.contains(#""quoteId":"q2""#))
        #expect(text.contains(#""label":"Jane Roe, mayor:""#))
        #expect(text.components(separatedBy: #""origin""#).count == 2, "only the printed byline says its origin")
        #expect(try JSONDecoder().decode(Article.self, from: data) == article)
    }

    @Test("A published value that is not ISO 8601 is a decoding error, not a silent null")
    func badPublished() {
        let json = Data(#"{"published": "7 November 2017"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Article.self, from: json) }
    }

    @Test("Date mentions round-trip with their ISO value")
    func dateMentions() throws {
        var article = Article(body: [.paragraph(Paragraph(text: "On 6 November 2025."))])
        article.dateMentions = [
            DateMention(text: "6 November 2025", value: DateTimeValue(year: 2025, month: 11, day: 6), blockIndex: 0),
            DateMention(text: "March 2024", value: DateTimeValue(year: 2024, month: 3)),
        ]
        let data = try JSONEncoder().encode(article)
        #expect(try JSONDecoder().decode(Article.self, from: data) == article)
        #expect(String(decoding: data, as: UTF8.self).contains(#""date":"2025-11-06""#))
    }
}
