// copydesk — ArticleAnalysis tests
// Quotations in the headline and their speakers, by the headline's conventions (fictional text).

import ArticleModel
import Testing

@testable import ArticleAnalysis

/// Runs the set-apart collector and the quote analyser over a headline and paragraphs; returns the
/// headline quotes.
private func headlineQuotes(_ headline: String, _ paragraphs: String...) -> [Quote] {
    var article = Article(headline: headline, body: paragraphs.map { .paragraph(Paragraph(text: $0)) })
    _ = SetApartQuoteCollector().analyze(&article)
    _ = QuoteAnalyzer().analyze(&article)
    return article.quotes.filter { $0.kind == .headline }
}

@Suite("Quote analyser: quotations in the headline")
struct HeadlineQuoteTests {
    @Test("A lead before a colon speaks: Lead: ‘…’")
    func colonLead() throws {
        let found = headlineQuotes(
            "Harbour Master: ‘The Barrier Will Hold’", "The barrier was tested on Monday.")
        let quote = try #require(found.first)
        #expect(found.count == 1)
        #expect(quote.text == "The Barrier Will Hold")
        #expect(quote.speaker?.name == "Harbour Master")
        #expect(quote.attribution == .explicit)
        #expect(quote.location == nil)
    }

    @Test("A lead's capitalised words up to a preposition: Ruiz on the budget: “…”")
    func colonLeadBeforePreposition() throws {
        let quote = try #require(headlineQuotes("Ruiz on the budget: “We can pay for it”").first)
        #expect(quote.speaker?.name == "Ruiz")
    }

    @Test("A lead opening with a determiner: A lesson from Berg: ‘…’")
    func colonLeadAfterDeterminer() throws {
        let quote = try #require(headlineQuotes("A lesson from Tomas Berg: ‘Listen to the tide’").first)
        #expect(quote.speaker?.name == "Tomas Berg")
    }

    @Test("A topic before a colon is no speaker, and the quotation without one is dropped")
    func colonTopic() {
        #expect(headlineQuotes("Coastal flooding: ‘The water came in fast’").isEmpty)
    }

    @Test("A person the body quotes, named by surname first in the headline")
    func bodySpeakerBySurname() throws {
        let found = headlineQuotes(
            "Ruiz Calls Bridge Plan ‘A Disgrace’",
            "“The plan is a disgrace to this city,” Mayor Ana Ruiz said on Monday.")
        let quote = try #require(found.first)
        #expect(quote.speaker?.name == "Ana Ruiz")
        #expect(quote.speaker?.mention == "Ruiz")
    }

    @Test("The mention is the name as the headline prints it")
    func mentionAsPrinted() throws {
        let quote = try #require(
            headlineQuotes(
                "Exclusive: Ana Ruiz Says Bridge Is ‘Safe Again’",
                "“The bridge is safe,” Mayor Ana Ruiz said."
            ).first)
        #expect(quote.speaker?.name == "Ana Ruiz")
        #expect(quote.speaker?.mention == "Ana Ruiz")
    }

    @Test("A wire's running-story label, `The Latest:`, names no one; the subject after it does")
    func runningStoryLabel() throws {
        let quote = try #require(
            headlineQuotes(
                "The Latest: Ruiz declares ‘victory,’ ignores losses",
                "“We won the harbour,” Mayor Ana Ruiz said."
            ).first)
        #expect(quote.speaker?.name == "Ana Ruiz")
        // Nobody the body quotes after the label: no speaker, so no headline quotation.
        #expect(headlineQuotes("The Latest: Council declares ‘victory’", "The vote was close.").isEmpty)
    }

    @Test("A person named after the object is not the speaker")
    func objectIsNotSpeaker() {
        let found = headlineQuotes(
            "Council Members Rip Plan By Ruiz As ‘Reckless’",
            "“We will rebuild the bridge by spring,” Mayor Ana Ruiz said.")
        #expect(found.isEmpty)
    }

    @Test("A speaker after the quotation: ‘…,’ Name Says")
    func trailingSpeaker() throws {
        let quote = try #require(headlineQuotes("Tides Are ‘The Real Threat,’ Priya Nair Says").first)
        #expect(quote.speaker?.name == "Priya Nair")
        #expect(quote.text == "The Real Threat,")
    }

    @Test("A headline repeating a body quotation takes its speaker")
    func inheritsFromBody() throws {
        let quote = try #require(
            headlineQuotes(
                "Mayor says city will ‘rebuild the bridge by spring’",
                "“We will rebuild the bridge by spring,” Mayor Ana Ruiz said."
            ).first)
        #expect(quote.speaker?.name == "Ana Ruiz")
        #expect(quote.attribution == .inherited)
    }

    @Test("A title in a sentence-case headline is not a quotation")
    func titleInSentenceCase() {
        let found = headlineQuotes(
            "Berg: new video for ‘Tales From the Harbour’ divides opinion",
            "Tomas Berg released the video on Friday.")
        #expect(found.isEmpty)
    }

    @Test("Headline quotes are numbered after the body's, stay unanchored, and are not found twice")
    func numberingAndReanalysis() throws {
        var article = Article(
            headline: "Ruiz: ‘We Will Rebuild’",
            body: [.paragraph(Paragraph(text: "“We will rebuild the bridge by spring,” Mayor Ana Ruiz said."))])
        _ = QuoteAnalyzer().analyze(&article)
        #expect(article.quotes.map(\.id) == ["q1", "q2"])
        #expect(article.quotes.map(\.kind) == [.direct, .headline])
        #expect(article.unanchoredQuotes.isEmpty)
        let again = article
        _ = QuoteAnalyzer().analyze(&article)
        #expect(article.quotes == again.quotes)
    }

    @Test("A headline quote an input lists without a speaker stays listed")
    func listedHeadlineQuoteKept() {
        var article = Article(
            headline: "‘Harbour Lights’ returns for a second season",
            body: [.paragraph(Paragraph(text: "The show returns on Friday."))],
            quotes: [Quote(id: "q1", text: "Harbour Lights", kind: .headline)])
        _ = QuoteAnalyzer().analyze(&article)
        #expect(article.quotes.map(\.id) == ["q1"])
        #expect(article.quotes.first?.speaker == nil)
    }

    @Test("A pronoun opens no speaker's name")
    func pronounIsNoSpeaker() {
        #expect(headlineQuotes("She: ‘Never again’").isEmpty)
    }
}
