// copydesk — ArticleValidation tests
// Dates that are not dates, and dates that do not exist.

import ArticleModel
import ArticleValidation
import Testing

@Suite("Date rules")
struct DateRulesTests {
    func findings(_ published: ArticleDate?, _ modified: ArticleDate? = nil) -> [Diagnostic] {
        let article = Article(
            headline: "H", bylines: [Byline(name: "Jane Doe")], published: published, modified: modified,
            body: [.paragraph(Paragraph(text: "Text."))])
        return Validator().validate(article, file: "a.txt")
    }

    @Test("An unreadable date is reported where it is printed, with what to write instead")
    func unparseable() throws {
        let place = SourceLocation(file: "a.txt", line: 4, column: 12)
        let found = findings(ArticleDate(parsing: "sometime last week", location: place))
        #expect(found.map(\.id) == ["date.unparseable"])
        #expect(found.first?.location == place)
        #expect(found.first?.message.contains("ISO 8601") == true)
        let ambiguous = findings(nil, ArticleDate(parsing: "07/11/2017"))
        #expect(ambiguous.map(\.id) == ["date.published-missing", "date.unparseable"].sorted())
        #expect(ambiguous.contains { $0.message.contains("either way round") })
    }

    @Test(
        "Dates that do not exist are reported",
        arguments: [
            ("2023-02-29", "February 2023 has 28 days"), ("30 February 2024", "February 2024 has 29 days"),
            ("2025-04-31", "April 2025 has 30 days"), ("1900-02-29", "February 1900 has 28 days"),
        ])
    func invalid(_ text: String, _ problem: String) {
        let found = findings(ArticleDate(parsing: text))
        #expect(found.map(\.id) == ["date.invalid"])
        #expect(found.first?.message.contains(problem) == true)
    }

    @Test("Real dates pass", arguments: ["2024-02-29", "2000-02-29", "31 December 2025", "2025-06-12T24:00:00Z"])
    func valid(_ text: String) {
        #expect(findings(ArticleDate(parsing: text)).isEmpty)
    }
}

@Suite("Dates the body mentions")
struct DateMentionTests {
    @Test("A date the sentence announces is not reported as after publication; a date it reports is")
    func announced() throws {
        let sentences = [
            "The vote will be held on June 23.", "The council voted on June 23.",
            "The bridge is scheduled to reopen on June 23.", "Work stopped on June 23, the contractor said.",
            "Tickets are on sale until June 23.",
        ]
        var article = Article(
            headline: "H", bylines: [Byline(name: "Jane Doe")], published: ArticleDate(parsing: "2025-06-01"),
            body: sentences.map { .paragraph(Paragraph(text: $0)) })
        let value = try #require(DateParser.parse("2025-06-23"))
        article.dateMentions = sentences.indices.map {
            DateMention(
                text: "June 23", value: value, blockIndex: $0,
                location: SourceLocation(file: "a.txt", line: $0 + 1, column: 1))
        }
        let found = Validator().validate(article, file: "a.txt").filter { $0.id == "date.mention-after-published" }
        #expect(found.compactMap(\.location?.line) == [2, 4])
    }
}
