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
        var quote = Quote(text: "x", location: SourceLocation(line: 1))
        let moved = Quote(text: "x", location: SourceLocation(line: 2))
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
            .rule(Rule()),
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
            .paragraph(Paragraph(text: "keep")), .rule(Rule()), .paragraph(Paragraph([.emphasis([.text("shout")])])),
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
