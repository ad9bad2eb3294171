// copydesk — ArticleAnalysis tests
// Dates mentioned in the text, with the year carried over from context.

import ArticleAnalysis
import ArticleModel
import Testing

private func mentions(_ paragraphs: [String], published: String? = nil) -> [String] {
    var article = Article(
        published: published.map { ArticleDate(parsing: $0) },
        body: paragraphs.map { .paragraph(Paragraph(text: $0)) })
    _ = DateMentionFinder().analyze(&article)
    return article.dateMentions.map { "\($0.text)=\($0.value.iso8601)" }
}

@Suite("Date mentions")
struct DateMentionFinderTests {
    @Test("Written and ISO dates, with and without a year")
    func forms() {
        #expect(
            mentions(["The visit ran from November 5 to November 7, 2017.", "On November 6, talks were held."])
                == ["November 5=2017-11-05", "November 7, 2017=2017-11-07", "November 6=2017-11-06"])
        #expect(
            mentions(["It opened on 6 November 2025 and closed 2025-12-01."]) == [
                "6 November 2025=2025-11-06", "2025-12-01=2025-12-01",
            ])
        #expect(mentions(["Nominations open on 15 September."], published: "2025-08-21") == ["15 September=2025-09-15"])
        #expect(mentions(["Sales fell in March 2024."]) == ["March 2024=2024-03"])
        #expect(mentions(["Work starts on the 3rd of May 2026."]).isEmpty == false)
    }

    @Test("Words that are month names are not dates without a day or year")
    func notDates() {
        #expect(mentions(["We may march on, said the mayor; June sang."], published: "2025-01-01").isEmpty)
        #expect(mentions(["On November 6 the talks began."]).isEmpty, "no year anywhere: left out")
    }

    @Test("A day between two months belongs to the first date only (fuzz crash: overlapping dates)")
    func dayBetweenMonths() {
        // Found by fuzz-html: "5" was taken by "Nov 5" and again by "5 Dec", and the range check
        // between the two overlapping dates trapped.
        #expect(
            mentions(["It happened Nov 5 Dec 2020 and more."]) == ["Dec 2020=2020-12"], "Nov 5 has no year before it")
        #expect(mentions(["Nov 5 Dec"], published: "2025-01-01") == ["Nov 5=2025-11-05"])
    }

    @Test("Analysis stops at the budget, with one note")
    func budget() {
        var article = Article(body: [
            .paragraph(Paragraph(text: "It opened on 6 November 2025.")),
            .paragraph(Paragraph(text: "It closed on 7 December 2025.")),
        ])
        let notes = DateMentionFinder().analyze(&article, budget: AnalysisBudget(maxCharacters: 35))
        #expect(article.dateMentions.map(\.text) == ["6 November 2025"])
        #expect(notes.map(\.id) == ["analysis.limit"])
        #expect(notes.first?.message.contains("--max-analysed-text") == true)
    }

    @Test("Relative mentions look back from the publication date (Wednesday 8 November 2017)")
    func relative() {
        let published = "2017-11-08T10:00:00Z"
        #expect(
            mentions(["Talks began on Tuesday and ended yesterday."], published: published)
                == ["Tuesday=2017-11-07", "yesterday=2017-11-07"])
        #expect(
            mentions(["The minister said Wednesday that today's vote stands."], published: published)
                == ["Wednesday=2017-11-08", "today=2017-11-08"])
        #expect(
            mentions(["It happened last Wednesday, and on Thursday."], published: published)
                == ["last Wednesday=2017-11-01", "Thursday=2017-11-02"])
        #expect(
            mentions(["Prices rose last month and last year."], published: published)
                == ["last month=2017-10", "last year=2016"])
        #expect(mentions(["They meet tomorrow and next Tuesday."], published: published).isEmpty)
        #expect(
            mentions(["On Tuesday, November 7, 2017 they met."], published: published)
                == ["November 7, 2017=2017-11-07"])
        #expect(mentions(["Talks began on Tuesday."]).isEmpty, "no publication date: nothing to count from")
    }

    @Test("Relative mentions across month and year ends")
    func relativeAcrossBoundaries() {
        #expect(
            mentions(["It snowed yesterday and last Sunday."], published: "2025-01-01")
                == ["yesterday=2024-12-31", "last Sunday=2024-12-29"])
        #expect(mentions(["The leap day was yesterday."], published: "2024-03-01") == ["yesterday=2024-02-29"])
    }

    @Test("Running the finder twice adds nothing")
    func idempotent() {
        var article = Article(body: [.paragraph(Paragraph(text: "On 6 November 2025 it opened."))])
        _ = DateMentionFinder().analyze(&article)
        let once = article
        _ = DateMentionFinder().analyze(&article)
        #expect(article == once)
        #expect(once.dateMentions.first?.blockIndex == 0)
    }
}
