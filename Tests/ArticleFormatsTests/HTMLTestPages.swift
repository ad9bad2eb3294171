// copydesk — ArticleFormats tests
// What the HTML reader tests share: reading a page with the reader alone, wrapping a body in a page,
// and two paragraphs of invented story text. Nothing here is copied from a real site.

import CopydeskKit
import Foundation
import Testing

@testable import ArticleFormats

/// Reads HTML with the reader alone (no analysers).
func readHTML(_ html: String, file: String? = "page.html") throws -> ReadResult {
    try HTMLReader().read(ReaderInput(bytes: Array(html.utf8), file: file), options: .default)
}

/// The first article read from `html`.
func htmlArticle(_ html: String) throws -> Article {
    try #require(try readHTML(html).articles.first)
}

/// A page with `head` metadata and `body`.
func htmlPage(head: String = "", body: String) -> String {
    "<!DOCTYPE html><html><head>\(head)</head><body>\(body)</body></html>"
}

/// Two paragraphs of invented story text, long enough to be chosen as the story.
let htmlStory = """
    <p>The harbour's forty lamps were replaced with LED fittings this week, the first change to the quay's \
    lighting since the war, and the council says the new lamps will save a third of the power bill.</p>
    <p>Engineers worked through two nights to fit them, closing the quay to cars between ten and six, and \
    the last of the old sodium lamps went to the town museum on Friday.</p>
    """

/// The plain text of each body block; a list's items one per line.
func htmlTexts(_ article: Article) -> [String] {
    article.body.map { block in
        if case .list(let list) = block { return list.items.map(\.content.plainText).joined(separator: "\n") }
        return block.plainText
    }
}

/// The body text (blocks one a line) of a page whose article body is the story followed by `markup`.
func storyText(after markup: String) throws -> String {
    htmlTexts(try htmlArticle(htmlPage(body: "<div class=\"article-body\">\(htmlStory)\(markup)</div>")))
        .joined(separator: "\n")
}
