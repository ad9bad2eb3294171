// copydesk — ArticleFormats / plain-text reader
// Scraped or typed plain text into the canonical article.

import ArticleModel

// MARK: - PlainTextReader

/// Reads an article from plain text: pages scraped to text, wire copy, typed stories.
///
/// The reader recognises, from the top: a title (and deck), byline and date lines, summary
/// bullets (highlights); in the body: paragraphs (one per line in scraped text, or wrapped lines
/// joined), headings (short lines standing alone), lists (optionally under a speaker label),
/// pull quotes, `>` blockquotes, image file names (also when glued to a paragraph), rules and a
/// wire dateline; and it drops trailing web boilerplate (counters, comment forms, share and
/// related lists, copyright lines), keeping what it dropped in `extensions`.
/// `docs/PLAINTEXT.md` describes each rule.
package struct PlainTextReader: ArticleReader {
    package init() {}

    package func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let text = try TextDecoding.decode(input.bytes, options: options, file: input.file)
        let lines = TextLine.lines(of: text)
        guard lines.contains(where: { !$0.isBlank }) else {
            throw FormatError(
                id: "input.empty", message: "input is empty: there is no article to read",
                location: SourceLocation(file: input.file, line: 1, column: 1), file: input.file ?? "<stdin>",
                hint: "check the path, or that the scraper wrote the article's text")
        }
        var builder = PlainTextArticleBuilder(lines: lines, file: input.file)
        let article = builder.build()
        return ReadResult(articles: [article], diagnostics: builder.diagnostics)
    }
}
