// copydesk — ArticleFormats tests
// The HTML reader on the error classes of issue #17: the rules that decide what is the story.
// Every page here is written for the test; none is copied from a real site.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

@testable import ArticleFormats

private func read(_ html: String, file: String? = "page.html") throws -> ReadResult {
    try HTMLReader().read(ReaderInput(bytes: Array(html.utf8), file: file), options: .default)
}

private func article(_ html: String) throws -> Article {
    try #require(try read(html).articles.first)
}

private func page(head: String = "", body: String) -> String {
    "<!DOCTYPE html><html><head>\(head)</head><body>\(body)</body></html>"
}

/// Two paragraphs of invented story text, long enough to be chosen.
private let story = """
    <p>The harbour's forty lamps were replaced with LED fittings this week, the first change to the quay's \
    lighting since the war, and the council says the new lamps will save a third of the power bill.</p>
    <p>Engineers worked through two nights to fit them, closing the quay to cars between ten and six, and \
    the last of the old sodium lamps went to the town museum on Friday.</p>
    """

private func texts(_ article: Article) -> [String] {
    article.body.map { block in
        if case .list(let list) = block { return list.items.map(\.content.plainText).joined(separator: "\n") }
        return block.plainText
    }
}

@Suite("HTML reader: what is the story")
struct HTMLExtractionTests {
    @Test("A block of several embeds with a short label is furniture (the embed test's second branch)")
    func severalEmbeds() throws {
        let embeds =
            "<div class=\"clips\">Watch the two clips from the quay below<video src=\"a.mp4\"></video>"
            + "<video src=\"b.mp4\"></video></div>"
        let result = try article(page(body: "<div class=\"article-body\">\(story)\(embeds)</div>"))
        let body = texts(result).joined(separator: "\n")
        #expect(body.contains("forty lamps"))
        #expect(!body.contains("Watch the two clips"), "a block of two embeds and a label is not story text")
    }

    @Test("One embed with a long paragraph beside it stays")
    func oneEmbedWithText() throws {
        let text = String(repeating: "The film shows the night shift fitting the lamps along the quay. ", count: 3)
        let embeds = "<div class=\"clip\">\(text)<video src=\"a.mp4\"></video></div>"
        let result = try article(page(body: "<div class=\"article-body\">\(story)\(embeds)</div>"))
        #expect(texts(result).joined(separator: "\n").contains("night shift fitting"))
    }
}
