// copydesk — ArticleModel tests
// Equality ignores positions; walk and rewrite helpers visit what they say.

import ArticleModel
import Testing

@Suite("Article model")
struct ArticleModelTests {
    @Test("Blocks that differ only in source location are equal")
    func equalityIgnoresLocations() {
        let here = Block.paragraph(Paragraph(text: "Same words.", location: SourceLocation(file: "a.txt", line: 3)))
        let there = Block.paragraph(Paragraph(text: "Same words.", location: SourceLocation(file: "b.txt", line: 90)))
        #expect(here == there)
        #expect(here.location?.line == 3)
        #expect(here != Block.paragraph(Paragraph(text: "Other words.")))
        var quote = Quote(id: "q1", text: "x", location: SourceLocation(line: 1))
        let moved = Quote(id: "q1", text: "x", location: SourceLocation(line: 2))
        #expect(quote == moved)
        quote.kind = .pull
        #expect(quote != moved)
    }

    @Test("Plain text of inlines keeps quotation marks and line breaks")
    func plainText() {
        let content: [Inline] = [
            .text("He said "), .quotation(Quotation(open: "“", close: "”", content: [.emphasis([.text("no")])])),
            .lineBreak, .link(url: "https://example.org", content: [.strong([.text("more")])]),
        ]
        #expect(content.plainText == "He said “no”\nmore")
        #expect(!content.isPlain)
        #expect([Inline.text("plain")].isPlain)
    }

    @Test("forEachInline visits containers before their children")
    func walkOrder() {
        let article = Article(body: [
            .paragraph(Paragraph([.emphasis([.text("a"), .strong([.text("b")])])])),
            .list(ListBlock(items: [ListItem(text: "c")])),
            .rule(HorizontalRule()),
        ])
        var seen: [String] = []
        article.forEachInline { index, inline in
            switch inline {
            case .text(let text): seen.append("\(index):\(text)")
            case .emphasis: seen.append("\(index):em")
            case .strong: seen.append("\(index):strong")
            default: break
            }
        }
        #expect(seen == ["0:em", "0:a", "0:strong", "0:b", "1:c"])
        #expect(article.query { _, block in block.kind == .rule ? block.kind : nil } == [.rule])
    }

    @Test("rewriteBlocks deletes and splits; rewriteInlines works bottom-up")
    func rewriting() {
        var article = Article(body: [
            .paragraph(Paragraph(text: "keep")), .rule(HorizontalRule()),
            .paragraph(Paragraph([.emphasis([.text("shout")])])),
        ])
        article.rewriteBlocks { block in
            if block.kind == .rule { return [] }
            if block.plainText == "keep" { return [block, block] }
            return [block]
        }
        #expect(article.body.map(\.plainText) == ["keep", "keep", "shout"])
        article.rewriteInlines { inline in
            if case .text(let text) = inline { return [.text(text.uppercased())] }
            if case .emphasis(let content) = inline { return content }  // unwrap emphasis
            return [inline]
        }
        #expect(article.body[2] == .paragraph(Paragraph([.text("SHOUT")])))
    }

    @Test("Rewrites keep quote anchors and date mentions valid: moved blocks keep their quotes, deleted ones lose them")
    func rewritingKeepsAnchors() {
        var article = Article(body: [
            .paragraph(Paragraph(text: "intro")),
            .paragraph(
                Paragraph([.quotation(Quotation(content: [.text("first")], quoteID: "q1")), .text(" she said")])),
            .pullQuote(PullQuote([.text("second")], quoteID: "q2")),
        ])
        article.quotes = [
            Quote(id: "q1", text: "first"), Quote(id: "q2", text: "second", kind: .pull),
            Quote(id: "q3", text: "not placed yet"),
        ]
        article.dateMentions = [
            DateMention(text: "June 1", value: DateTimeValue(year: 2024, month: 6, day: 1), blockIndex: 2)
        ]
        article.rewriteBlocks { block in block.plainText == "intro" ? [] : [block] }
        #expect(article.quoteAnchors["q1"] == [QuoteAnchor(blockIndex: 0)])
        #expect(article.quoteAnchors["q2"] == [QuoteAnchor(blockIndex: 1)])
        #expect(article.dateMentions[0].blockIndex == 1, "the mention moved with its block")
        article.rewriteBlocks { block in block.kind == .pullQuote ? [] : [block] }
        #expect(article.quotes.map(\.id) == ["q1", "q3"], "q2 lost its block; q3 was never placed and stays")
        #expect(article.dateMentions[0].blockIndex == nil)
        article.rewriteInlines { inline in
            if case .quotation(let quotation) = inline { return quotation.content }
            return [inline]
        }
        #expect(article.quotes.map(\.id) == ["q3"])
        #expect(article.unanchoredQuotes.map(\.id) == ["q3"])
    }

    @Test("Quote ids: the next free one, and quotes sorted by where their anchors stand")
    func quoteIDs() {
        var article = Article(body: [
            .paragraph(Paragraph([.quotation(Quotation(content: [.text("a")], quoteID: "q7"))])),
            .list(ListBlock(items: [ListItem([.quotation(Quotation(content: [.text("b")], quoteID: "q2"))])])),
        ])
        article.quotes = [Quote(id: "q9", text: "unplaced"), Quote(id: "q2", text: "b"), Quote(id: "q7", text: "a")]
        #expect(article.nextQuoteID() == "q10")
        article.sortQuotesByPosition()
        #expect(article.quotes.map(\.id) == ["q7", "q2", "q9"])
        #expect(article.quoteAnchors["q2"] == [QuoteAnchor(blockIndex: 1, itemIndex: 0)])
        #expect(Article().nextQuoteID() == "q1")
    }

    @Test("Marking a quotation keeps the text and moves the marks into the span")
    func markingPlainText() throws {
        let run: [Inline] = [.text("“We are ready,” she said.")]
        let marked = try #require(run.markingQuotation(0..<15, openLength: 1, closeLength: 1, quoteID: "q1"))
        #expect(marked.plainText == run.plainText)
        #expect(
            marked == [
                .quotation(Quotation(open: "“", close: "”", content: [.text("We are ready,")], quoteID: "q1")),
                .text(" she said."),
            ])
    }

    @Test("Marking splits formatting that the quotation only partly covers, and descends into formatting that holds it")
    func markingAcrossFormatting() throws {
        // `*He said "yes* and no"`: the emphasis is split around the opening.
        let run: [Inline] = [.emphasis([.text("He said \"yes")]), .text(" and no\"")]
        let marked = try #require(run.markingQuotation(8..<20, openLength: 1, closeLength: 1, quoteID: "q1"))
        #expect(marked.plainText == run.plainText)
        #expect(
            marked == [
                .emphasis([.text("He said ")]),
                .quotation(
                    Quotation(
                        open: "\"", close: "\"", content: [.emphasis([.text("yes")]), .text(" and no")], quoteID: "q1")),
            ])
        // A quotation inside a link is marked inside it.
        let linked: [Inline] = [.text("See "), .link(url: "https://example.org", content: [.text("“the plan”")])]
        let inside = try #require(linked.markingQuotation(4..<14, openLength: 1, closeLength: 1, quoteID: "q2"))
        #expect(
            inside == [
                .text("See "),
                .link(
                    url: "https://example.org",
                    content: [.quotation(Quotation(open: "“", close: "”", content: [.text("the plan")], quoteID: "q2"))]
                ),
            ])
    }

    @Test("Marking gives an existing quotation at the same place the id, and refuses to cut one")
    func markingExistingQuotation() throws {
        let run: [Inline] = [.text("He said "), .quotation(Quotation(content: [.text("no")])), .text(".")]
        let marked = try #require(run.markingQuotation(8..<12, openLength: 1, closeLength: 1, quoteID: "q4"))
        #expect(marked[1] == .quotation(Quotation(content: [.text("no")], quoteID: "q4")))
        #expect(run.markingQuotation(5..<10, openLength: 1, closeLength: 1, quoteID: "q4") == nil)
        #expect(run.markingQuotation(0..<40, openLength: 1, closeLength: 1, quoteID: "q4") == nil, "past the end")
        // Scalars, not characters: an emoji with a modifier is two scalars.
        let emoji: [Inline] = [.text("👍🏽 “ok”")]
        let afterEmoji = try #require(emoji.markingQuotation(3..<7, openLength: 1, closeLength: 1, quoteID: "q1"))
        #expect(afterEmoji.plainText == emoji.plainText)
        #expect(
            afterEmoji == [
                .text("👍🏽 "), .quotation(Quotation(open: "“", close: "”", content: [.text("ok")], quoteID: "q1")),
            ])
    }

    @Test("Diagnostics print as file:line:col: severity: message [id]")
    func diagnosticDescription() {
        let located = Diagnostic(
            id: "quote.unattributed", severity: .warning, message: "quote has no speaker",
            location: SourceLocation(file: "a.txt", line: 12, column: 5))
        #expect(located.description == "a.txt:12:5: warning: quote has no speaker [quote.unattributed]")
        let whole = Diagnostic(id: "headline.missing", severity: .error, message: "headline is missing", file: "a.txt")
        #expect(whole.description == "a.txt: error: headline is missing [headline.missing]")
    }
}
