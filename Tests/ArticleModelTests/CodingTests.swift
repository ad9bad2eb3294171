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

    @Test("A different major model version is refused")
    func versionCheck() {
        let json = Data(#"{"modelVersion": "2.0", "headline": "x"}"#.utf8)
        #expect(throws: IncompatibleModelVersion.self) { try JSONDecoder().decode(Article.self, from: json) }
        let minor = Data(#"{"modelVersion": "1.7", "headline": "x"}"#.utf8)
        #expect((try? JSONDecoder().decode(Article.self, from: minor))?.headline == "x")
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
