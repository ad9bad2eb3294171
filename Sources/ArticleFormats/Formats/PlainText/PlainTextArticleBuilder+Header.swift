// copydesk — ArticleFormats / plain-text reader
// The header: title, deck, byline and date lines, highlights.

import ArticleModel

// MARK: - Header

extension PlainTextArticleBuilder {
    // MARK: Byline and date lines

    /// Byline and date lines: the meta that a chunk may consist of.
    private enum Meta {
        case byline(String, TextLine)
        case date(LineClassifier.DateLine)
    }

    /// The meta on a line, which may hold several parts (`By Jane Doe | Nov 7, 2017`).
    private func meta(_ line: TextLine) -> [Meta]? {
        // A byline or date line is short; a long line is text, and splitting it would cost time.
        guard line.text.utf8.count <= PlainTextThresholds.maxBylineLineBytes else { return nil }
        let separators: [String] = [" | ", " • ", " · ", " — ", " – "]
        var parts = [line.text]
        for separator in separators where line.text.containsText(separator) {
            parts = parts.flatMap { $0.pieces(separatedBy: separator) }
        }
        var found: [Meta] = []
        for (index, part) in parts.enumerated() {
            let text = part.trimmingWhitespace()
            if let name = LineClassifier.bylineName(text) {
                found.append(.byline(name, line))
            } else if let date = LineClassifier.dateLine(text) {
                found.append(.date(date))
            } else if index > 0, case .byline(let name, let line) = found.last, LineClassifier.looksLikeNames(text),
                text.count <= PlainTextThresholds.maxAffiliationLength
            {
                // `By Jane Doe | Reuters`: the byline analyser reads what follows the bar as an affiliation.
                found[found.count - 1] = .byline(name + " | " + text, line)
            } else if index > 0, found.contains(where: { if case .byline = $0 { true } else { false } }),
                (!text.contains(" ") && Lexicon.isContactWord(text))
                    || LineClassifier.namesBeforeContact(text) != nil
            {
                // `By Jane Roe | jane@example.com`, `By Staff | Coastline News, desk@example.com`:
                // contact details on the byline line belong to the byline, where the validator
                // reports them (byline.malformed).
                if let index = found.lastIndex(where: { if case .byline = $0 { true } else { false } }),
                    case .byline(let name, let line) = found[index]
                {
                    found[index] = .byline(name + " | " + text, line)
                }
            } else {
                return nil
            }
        }
        return found.isEmpty ? nil : found
    }

    /// Where `text` starts within a line, in Unicode scalars.
    static func location(of text: String, in line: TextLine, file: String?) -> SourceLocation {
        var location = line.location(file: file)
        if let range = line.text.firstTextRange(of: text) {
            location.column += line.text.unicodeScalars.distance(
                from: line.text.unicodeScalars.startIndex, to: range.lowerBound)
        }
        return location
    }

    private mutating func apply(_ metas: [Meta], raw line: TextLine) {
        for meta in metas {
            switch meta {
            case .byline(let name, let line):
                article.bylines.append(
                    Byline(name: name, raw: line.text, origin: .printed, location: line.location(file: file)))
            case .date(.published(var date)):
                date.location = Self.location(of: date.text, in: line, file: file)
                if article.published == nil { article.published = date }
            case .date(.modified(var date)):
                date.location = Self.location(of: date.text, in: line, file: file)
                if article.modified == nil { article.modified = date }
            }
        }
    }

    // MARK: Reading the header

    /// Reads title, deck, bylines, dates and highlights; returns the chunks of the body.
    mutating func readHeader(_ chunks: [[TextLine]]) -> [[TextLine]] {
        var chunks = chunks
        var index = 0
        var sawHighlights = false
        while index < chunks.count {
            var chunk = chunks[index]
            // Byline and date lines at the top of a chunk (a whole chunk of them, or lines above a title).
            let metaCount = peelMeta(chunk[...])
            if metaCount == chunk.count {
                index += 1
                continue
            }
            if metaCount > 0 {
                chunk.removeFirst(metaCount)
                chunks[index] = chunk
            }
            // The title (and deck), before anything but meta; byline and date lines may follow it in
            // its chunk, and the story itself may start right after them.
            if article.headline == nil, !sawHighlights, index + 1 < chunks.count || chunk.count > 1,
                let taken = readTitle(
                    chunk, next: index + 1 < chunks.count ? chunks[index + 1] : nil,
                    isFirstChunk: index == 0 && metaCount == 0)
            {
                if taken.leftover.isEmpty {
                    index += taken.chunks
                } else {
                    chunks[index] = taken.leftover
                }
                continue
            }
            // Summary bullets above the body.
            if !sawHighlights, let items = Self.bulletItems(chunk) {
                article.highlights = items.map(\.text)
                sawHighlights = true
                index += 1
                continue
            }
            break
        }
        return Array(chunks[index...])
    }

    /// Applies the byline and date lines at the start of `lines` and returns how many it used. A
    /// short line of names right after a byline (`Education Desk`, `Weather Correspondent`) belongs
    /// to it when a date or byline follows or the lines end.
    private mutating func peelMeta(_ lines: ArraySlice<TextLine>) -> Int {
        var count = 0
        var previousWasByline = false
        for (offset, line) in zip(lines.indices, lines) {
            if let found = meta(line) {
                apply(found, raw: line)
                previousWasByline = found.contains { if case .byline = $0 { return true } else { return false } }
                count += 1
                continue
            }
            let next = offset + 1 < lines.endIndex ? lines[offset + 1] : nil
            if previousWasByline, !article.bylines.isEmpty,
                Words.split(line.text).count <= PlainTextThresholds.maxDeskLineWords,
                LineClassifier.looksLikeNames(line.text), next == nil || meta(next!) != nil
            {
                let last = article.bylines.count - 1
                article.bylines[last].name += " | " + line.text
                article.bylines[last].raw = (article.bylines[last].raw ?? "") + "\n" + line.text
                previousWasByline = false
                count += 1
                continue
            }
            break
        }
        return count
    }

    // MARK: Title and deck

    /// Takes a title: `Title`, `Title\n=====`, `# Title`, optionally a deck, then byline and date
    /// lines. Returns how many chunks it used (a deck may stand in its own chunk) and the lines of
    /// its chunk left for the body.
    private mutating func readTitle(
        _ chunk: [TextLine], next: [TextLine]?, isFirstChunk: Bool
    )
        -> (chunks: Int, leftover: [TextLine])?
    {
        var title = chunk[0].text
        var rest = Array(chunk.dropFirst())
        var marked = false
        if let heading = LineClassifier.atxHeading(title) {
            title = heading.text
            marked = true
        } else if let underline = rest.first, LineClassifier.isRule(underline.text),
            underline.text.first == "=" || underline.text.first == "-"
        {
            rest.removeFirst()
            marked = true
        } else if !isHeadingLike(title) && !(isFirstChunk && Self.isPunctuatedTitle(title)) {
            return nil
        }
        // "Headline; " over a deck line, as newspaper databases export them.
        if title.hasSuffix(";") { title = String(title.dropLast()).trimmingWhitespace() }
        // A deck: a line after the title that is followed by byline or date lines, or ends the chunk.
        var deck: String?
        if let first = rest.first, meta(first) == nil, Self.bulletItems([first]) == nil,
            rest.count == 1 || meta(rest[1]) != nil
                || title.count < PlainTextThresholds.semicolonTitleLengthLimit && chunk[0].text.hasSuffix(";")
        {
            deck = first.text
            rest.removeFirst()
        }
        let metaCount = peelMeta(rest[...])
        let leftover = Array(rest.dropFirst(metaCount))
        // Text right under a line is a paragraph that starts with it, unless byline or date lines
        // (or Markdown-style heading marks) show the line was a title.
        if !leftover.isEmpty, metaCount == 0, !marked {
            return nil
        }
        article.headline = title
        if let deck {
            article.subheadline = deck
            return (1, leftover)
        }
        // A deck in its own chunk, between the title and the byline or date.
        if rest.isEmpty, let next, next.count == 1, meta(next[0]) == nil, Self.bulletItems(next) == nil,
            next[0].text.count <= PlainTextThresholds.maxDeckLength
        {
            let index = lines.firstIndex { $0.number == next[0].number }!
            let following = Self.chunks(lines[(index + 1)...]).first
            if let following, let firstMeta = meta(following[0]), !firstMeta.isEmpty {
                article.subheadline = next[0].text
                return (2, [])
            }
        }
        return (1, leftover)
    }

    /// The very first line of a file may be a title that ends with `.` or `;` (exports often add
    /// one): short, capitalised, one sentence.
    static func isPunctuatedTitle(_ text: String) -> Bool {
        // The end, looking through closing quotes and brackets: `(Again.)`, `‘Horrifying.’`.
        let end = text.reversed().drop { "’'”\")]".contains($0) }.first
        guard let first = text.first, first.isUppercase || first.isNumber || Marks.opening.contains(first),
            let end, end == "." || end == ";" || end == "…", text.count <= PlainTextThresholds.maxPunctuatedTitleLength
        else { return false }
        let words = Words.split(text)
        let range = PlainTextThresholds.minPunctuatedTitleWords...PlainTextThresholds.maxPunctuatedTitleWords
        return range.contains(words.count) && LineClassifier.bullet(text) == nil
    }
}
