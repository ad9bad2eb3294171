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
        #expect(article.quotes[0] == Quote(text: "We will rebuild", kind: .pull, blockIndex: 1))
        #expect(article.quotes[0].location?.line == 3)
        #expect(article.quotes[1].speaker == Speaker(name: "Ana Ruiz", mention: "Ana Ruiz, mayor", role: "mayor"))
        #expect(article.quotes[1].attribution == .explicit)
        #expect(article.quotes[1].kind == .block)
        _ = SetApartQuoteCollector().analyze(&article)
        #expect(article.quotes.count == 2, "running again adds nothing")
    }
}
