// copydesk — ArticleFormats / plain-text reader
// The dateline at the start of the first paragraph.

import ArticleModel

// MARK: - Dateline

extension PlainTextArticleBuilder {
    /// `TEHRAN, Nov 7 (Reuters) — …` or `ISLAMABAD: …` at the start of the first paragraph.
    mutating func extractDateline() {
        guard article.dateline == nil,
            let index = article.body.firstIndex(where: { $0.kind == .paragraph }),
            case .paragraph(var paragraph) = article.body[index],
            paragraph.content.count == 1, case .text(let text) = paragraph.content[0],
            let match = Dateline.parse(openingOf: text)
        else { return }
        article.dateline = match.dateline
        article.dateline?.location = paragraph.location
        paragraph.content = [.text(match.rest)]
        paragraph.location?.column += text.unicodeScalars.count - match.rest.unicodeScalars.count
        article.body[index] = .paragraph(paragraph)
    }
}
