// copydesk — ArticleAnalysis tests
// Pull quotes and blockquotes become quotes, with a speaker when the block names one.

import ArticleAnalysis
import ArticleModel
import Testing

@Suite("Set-apart quotes")
struct SetApartQuoteCollectorTests {
    @Test("Pull quotes and blockquotes are listed in order, attributed when printed")
    func collects() {
        var article = Article(body: [
            .paragraph(Paragraph(text: "Intro.")),
            .pullQuote(PullQuote([.text("We will rebuild")], location: SourceLocation(line: 3))),
            .blockquote(Blockquote([.text("Water does not wait.")], attribution: "Ana Ruiz, mayor")),
        ])
        _ = SetApartQuoteCollector().analyze(&article)
        #expect(article.quotes.count == 2)
        #expect(article.quotes[0] == Quote(id: "q1", text: "We will rebuild", kind: .pull))
        #expect(article.quoteAnchors["q1"] == [QuoteAnchor(blockIndex: 1)])
        #expect(article.quoteAnchors["q2"] == [QuoteAnchor(blockIndex: 2)])
        #expect(article.quotes[0].location?.line == 3)
        #expect(article.quotes[1].speaker == Speaker(name: "Ana Ruiz", mention: "Ana Ruiz, mayor", role: "mayor"))
        #expect(article.quotes[1].attribution == .explicit)
        #expect(article.quotes[1].kind == .block)
        _ = SetApartQuoteCollector().analyze(&article)
        #expect(article.quotes.count == 2, "running again adds nothing")
    }

    @Test("A label or attribution gives the same speaker whatever the format it came in")
    func labels() {
        let cases: [(String, Speaker)] = [
            ("Ana Ruiz, mayor", Speaker(name: "Ana Ruiz", mention: "Ana Ruiz, mayor", role: "mayor")),
            ("— Ana Ruiz, mayor", Speaker(name: "Ana Ruiz", mention: "— Ana Ruiz, mayor", role: "mayor")),
            (
                "Maj General Asif Ghafoor, DG ISPR:",
                Speaker(
                    name: "Asif Ghafoor", mention: "Maj General Asif Ghafoor, DG ISPR:", role: "Maj General, DG ISPR")
            ),
            (
                "The chair, Harriet Osei, said:",
                Speaker(name: "Harriet Osei", mention: "The chair, Harriet Osei, said:", role: "The chair")
            ),
            ("Tomas Berg:", Speaker(name: "Tomas Berg", mention: "Tomas Berg:")),
        ]
        for (label, speaker) in cases {
            #expect(SpeakerLabels.speaker(fromLabel: label) == speaker, "\(label)")
        }
        #expect(SpeakerLabels.speaker(fromLabel: "—:") == nil)
        var article = Article(body: [
            .list(ListBlock(items: [ListItem(text: "one")], label: "Ana Ruiz, mayor:")),
            .list(ListBlock(items: [ListItem(text: "two")], label: "x", speaker: Speaker(name: "Kept"))),
        ])
        _ = SpeakerLabelResolver().analyze(&article)
        guard case .list(let first) = article.body[0], case .list(let second) = article.body[1] else {
            Issue.record("the lists are still lists: \(article.body)")
            return
        }
        #expect(first.speaker?.name == "Ana Ruiz")
        #expect(second.speaker?.name == "Kept", "a speaker the input gives is kept")
    }
}
