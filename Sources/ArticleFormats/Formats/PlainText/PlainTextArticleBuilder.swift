// copydesk — ArticleFormats / plain-text reader
// The builder: its state, the order of its decisions (trailer, header, body, dateline) and chunking.

import ArticleModel

// MARK: - Builder

struct PlainTextArticleBuilder {
    let lines: [TextLine]
    let file: String?
    private(set) var diagnostics: [Diagnostic] = []
    var article = Article()
    var droppedLines: [String] = []
    var counters: [String: JSONValue] = [:]
    /// All text, lowercased, as UTF-8: to tell a pull quote that repeats body text (made when
    /// the first candidate pull quote needs it).
    var foldedText: [UInt8]?
    var firstDroppedLocation: SourceLocation?
    /// A standalone short line that may be a heading or a speaker label, decided by what follows.
    var pendingLabel: TextLine?
    /// The text of the last paragraph added, for telling a pull quote from a quotation running on.
    var lastParagraphText = ""
    /// Bytes left for searching the text for a pull quote's repeat (see `isPullQuote`).
    var repeatSearchBytesLeft = PlainTextThresholds.repeatSearchBudget

    init(lines: [TextLine], file: String?) {
        self.lines = lines
        self.file = file
    }

    mutating func build() -> Article {
        article.source = ArticleSource(format: "text", file: file)
        let end = trimTrailer()
        let start = trimLeader(end: end)
        let chunks = Self.chunks(lines[start..<end])
        readBody(readHeader(chunks)[...])
        extractDateline()
        if !counters.isEmpty { article.extensions["counters"] = .object(counters) }
        if !droppedLines.isEmpty {
            article.extensions["boilerplate"] = .array(droppedLines.map { .string($0) })
            diagnostics.append(
                Diagnostic(
                    id: "text.boilerplate-dropped", severity: .note,
                    message: "dropped \(droppedLines.count) line(s) of web boilerplate; kept in extensions.boilerplate",
                    location: firstDroppedLocation, file: file))
        }
        return article
    }

    // MARK: Chunks

    /// Groups of consecutive non-blank lines.
    static func chunks(_ lines: ArraySlice<TextLine>) -> [[TextLine]] {
        var chunks: [[TextLine]] = []
        var current: [TextLine] = []
        for line in lines {
            if line.isBlank {
                if !current.isEmpty { chunks.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }
}
