// copydesk — ArticleFormats / plain-text reader
// The reader's decisions, top to bottom: trailer, header, body, dateline.

import ArticleModel

// MARK: - Builder

struct PlainTextArticleBuilder {
    let lines: [TextLine]
    let file: String?
    private(set) var diagnostics: [Diagnostic] = []
    private var article = Article()
    private var droppedLines: [String] = []
    private var counters: [String: JSONValue] = [:]
    /// All text, lowercased, as UTF-8: to tell a pull quote that repeats body text (made when
    /// the first candidate pull quote needs it).
    private var foldedText: [UInt8]?

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

    private var firstDroppedLocation: SourceLocation?

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

    // MARK: Trailer

    private static let listHeaders = [
        "related", "read more", "also read", "you may also like", "you might also like", "more from", "more stories",
        "most read", "most popular", "trending", "recommended", "share this", "follow us",
    ]

    /// Drops trailing boilerplate and returns the end of the article's lines.
    private mutating func trimTrailer() -> Int {
        var end = lines.count
        var dropped: [TextLine] = []
        while true {
            while end > 0, lines[end - 1].isBlank { end -= 1 }
            guard end > 0 else { break }
            let line = lines[end - 1]
            if let boilerplate = LineClassifier.boilerplate(line.text) {
                keep(boilerplate, line.text)
                dropped.append(line)
                end -= 1
                continue
            }
            // A "Related stories" (or share) header followed only by short lines: a widget list.
            let window = max(0, end - 25)
            var header: Int?
            for index in stride(from: end - 1, through: window, by: -1) {
                let lower = lines[index].text.lowercased()
                if Self.listHeaders.contains(where: { lower.hasPrefix($0) }), lower.count <= 60 {
                    header = index
                    break
                }
            }
            if let header, lines[(header + 1)..<end].allSatisfy({ $0.text.count <= 150 }) {
                for line in lines[header..<end].reversed() where !line.isBlank { dropped.append(line) }
                end = header
                continue
            }
            break
        }
        droppedLines = dropped.reversed().map(\.text)
        firstDroppedLocation = dropped.last?.location(file: file)
        return end
    }

    /// Drops site navigation above the article (`Home | News | Sport`, `Skip to content`, `Menu`)
    /// and returns the first line of the article.
    private mutating func trimLeader(end: Int) -> Int {
        var start = 0
        var dropped: [String] = []
        while start < end {
            let line = lines[start]
            if line.isBlank {
                start += 1
                continue
            }
            guard LineClassifier.isNavigation(line.text) else { break }
            if dropped.isEmpty { firstDroppedLocation = line.location(file: file) }
            dropped.append(line.text)
            start += 1
        }
        droppedLines = dropped + droppedLines
        return start
    }

    private mutating func keep(_ boilerplate: LineClassifier.Boilerplate, _ text: String) {
        switch boilerplate {
        case .counter(let name, let value):
            counters[name] = .number(Double(value))
        case .copyright(let line):
            article.extensions["copyright"] = .string(line)
        case .credits(let line):
            article.extensions["credits"] = .string(line)
        case .keywords(let words):
            article.keywords = words + article.keywords
        case .section(let name):
            if article.section == nil, !name.isEmpty { article.section = name }
        case .other:
            break
        }
    }

    // MARK: Header

    /// Byline and date lines: the meta that a chunk may consist of.
    private enum Meta {
        case byline(String, TextLine)
        case date(LineClassifier.DateLine)
    }

    /// The meta on a line, which may hold several parts (`By Jane Doe | Nov 7, 2017`).
    private func meta(_ line: TextLine) -> [Meta]? {
        // A byline or date line is short; a long line is text, and splitting it would cost time.
        guard line.text.utf8.count <= 1_000 else { return nil }
        let separators: [String] = [" | ", " • ", " · ", " — ", " – "]
        var parts = [line.text]
        for separator in separators where line.text.contains(separator) {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        var found: [Meta] = []
        for (index, part) in parts.enumerated() {
            let text = part.trimmingWhitespace()
            if let name = LineClassifier.bylineName(text) {
                found.append(.byline(name, line))
            } else if let date = LineClassifier.dateLine(text) {
                found.append(.date(date))
            } else if index > 0, case .byline(let name, let line) = found.last, LineClassifier.looksLikeNames(text),
                text.count <= 60
            {
                // `By Jane Doe | Reuters`: the byline analyser reads what follows the bar as an affiliation.
                found[found.count - 1] = .byline(name + " | " + text, line)
            } else {
                return nil
            }
        }
        return found.isEmpty ? nil : found
    }

    /// Where `text` starts within a line, in Unicode scalars.
    static func location(of text: String, in line: TextLine, file: String?) -> SourceLocation {
        var location = line.location(file: file)
        if let range = line.text.range(of: text) {
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

    /// Reads title, deck, bylines, dates and highlights; returns the chunks of the body.
    private mutating func readHeader(_ chunks: [[TextLine]]) -> [[TextLine]] {
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
            if previousWasByline, !article.bylines.isEmpty, Words.split(line.text).count <= 5,
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
            rest.count == 1 || meta(rest[1]) != nil || title.count < 200 && chunk[0].text.hasSuffix(";")
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
            next[0].text.count <= 300
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

    // MARK: Body

    private enum Segment {
        case bullets([(text: String, line: TextLine)], ordered: Bool)
        case quoted([TextLine])
        case lines([TextLine])
    }

    /// Splits a chunk into bullet runs, `>` quote runs and text runs.
    private static func segments(_ chunk: [TextLine]) -> [Segment] {
        var segments: [Segment] = []
        var items: [(text: String, line: TextLine)] = []
        var ordered = false
        var quoted: [TextLine] = []
        var text: [TextLine] = []
        func flush(_ segments: inout [Segment]) {
            if !items.isEmpty { segments.append(.bullets(items, ordered: ordered)) }
            if !quoted.isEmpty { segments.append(.quoted(quoted)) }
            if !text.isEmpty { segments.append(.lines(text)) }
            items = []
            quoted = []
            text = []
        }
        for line in chunk {
            if let bullet = LineClassifier.bullet(line.text) {
                if items.isEmpty || ordered != bullet.ordered { flush(&segments) }
                ordered = bullet.ordered
                var item = line
                item.indent += bullet.markerWidth
                items.append((bullet.text, item))
            } else if !items.isEmpty, line.indent >= 2, line.indent > items.last!.line.indent - 2 {
                items[items.count - 1].text += " " + line.text
            } else if line.text.hasPrefix(">") {
                if quoted.isEmpty { flush(&segments) }
                quoted.append(line)
            } else {
                if text.isEmpty { flush(&segments) }
                text.append(line)
            }
        }
        flush(&segments)
        return segments
    }

    /// The items, when a chunk is one bullet list.
    private static func bulletItems(_ chunk: [TextLine]) -> [(text: String, line: TextLine)]? {
        let segments = segments(chunk)
        guard segments.count == 1, case .bullets(let items, _) = segments[0] else { return nil }
        return items
    }

    /// A standalone short line that may be a heading or a speaker label, decided by what follows.
    private var pendingLabel: TextLine?
    private var lastParagraphText = ""

    private mutating func readBody(_ chunks: ArraySlice<[TextLine]>) {
        let chunks = Array(chunks)
        for (chunkIndex, chunk) in chunks.enumerated() {
            let segments = Self.segments(chunk)
            let isLastChunk = chunkIndex == chunks.count - 1
            for (segmentIndex, segment) in segments.enumerated() {
                let standalone = segments.count == 1
                let isLast = isLastChunk && segmentIndex == segments.count - 1
                switch segment {
                case .bullets(let items, let ordered):
                    // The label as printed; the speaker-label analyser reads the speaker from it.
                    let label = pendingLabel?.text
                    pendingLabel = nil
                    let list = ListBlock(
                        ordered: ordered,
                        items: items.map { ListItem(text: $0.text, location: $0.line.location(file: file)) },
                        label: label, location: items[0].line.location(file: file))
                    article.body.append(.list(list))
                case .quoted(let quoted):
                    flushPendingLabel()
                    addBlockquote(quoted)
                case .lines(let run):
                    flushPendingLabel()
                    // A lone line that reads as a speaker label waits to see whether a list follows.
                    if run.count == 1, LineClassifier.looksLikeSpeakerLabel(run[0].text), !isLast,
                        nextIsBullets(chunks, chunkIndex, segmentIndex, segments)
                    {
                        pendingLabel = run[0]
                        continue
                    }
                    addLines(run, standalone: standalone, isLast: isLast)
                }
            }
        }
        flushPendingLabel()
    }

    private func nextIsBullets(
        _ chunks: [[TextLine]], _ chunkIndex: Int, _ segmentIndex: Int, _ segments: [Segment]
    )
        -> Bool
    {
        let next: Segment?
        if segmentIndex + 1 < segments.count {
            next = segments[segmentIndex + 1]
        } else if chunkIndex + 1 < chunks.count {
            next = Self.segments(chunks[chunkIndex + 1]).first
        } else {
            next = nil
        }
        if case .bullets = next { return true }
        return false
    }

    private mutating func flushPendingLabel() {
        guard let label = pendingLabel else { return }
        pendingLabel = nil
        addLines([label], standalone: true, isLast: false)
    }

    /// Adds the blocks for a run of text lines: rules, `#` headings, images and paragraphs.
    private mutating func addLines(_ run: [TextLine], standalone: Bool, isLast: Bool) {
        // Setext heading: a line underlined with === or ---.
        if run.count == 2, LineClassifier.isRule(run[1].text), run[1].text.first == "=" || run[1].text.first == "-" {
            appendHeading(level: run[1].text.first == "=" ? 2 : 3, text: run[0].text, line: run[0])
            return
        }
        var pending: [TextLine] = []
        var gluedParagraph = false
        let firstBlockOfRun = article.body.count
        for line in run {
            if LineClassifier.isRule(line.text) {
                addParagraphs(pending, standalone: false, isLast: false)
                pending = []
                article.body.append(.rule(HorizontalRule(location: line.location(file: file))))
            } else if let heading = LineClassifier.atxHeading(line.text) {
                addParagraphs(pending, standalone: false, isLast: false)
                pending = []
                appendHeading(level: max(2, heading.level), text: heading.text, line: line)
            } else if let image = LineClassifier.leadingImage(line.text) {
                addParagraphs(pending, standalone: false, isLast: false)
                pending = []
                article.body.append(.image(Image(src: image.src, location: line.location(file: file))))
                if !image.rest.isEmpty {
                    var rest = line
                    rest.indent += line.text.unicodeScalars.count - image.rest.unicodeScalars.count
                    rest.text = image.rest
                    pending.append(rest)
                    gluedParagraph = true
                }
            } else if isCaption(line), let image = lastImageIndex, image >= firstBlockOfRun - 1 {
                addParagraphs(pending, standalone: false, isLast: false)
                pending = []
                applyCaption(line, toImageAt: image)
            } else {
                // Text glued to an image name is a scraped paragraph of its own: a capitalised
                // line after it starts the next paragraph rather than continuing it.
                if gluedParagraph, pending.count == 1, line.text.first?.isUppercase == true {
                    addParagraphs(pending, standalone: false, isLast: false)
                    pending = []
                }
                gluedParagraph = false
                pending.append(line)
            }
        }
        addParagraphs(pending, standalone: standalone && run.count == 1, isLast: isLast)
    }

    private static let creditLabels = ["photo credit:", "photo:", "photograph:", "credit:", "image:", "picture:"]

    /// The body index of the last image, for a caption or credit line that follows it.
    private var lastImageIndex: Int? {
        article.body.lastIndex { $0.kind == .image }
    }

    /// `Photo: Jane Doe/Agency`, `Credit: …` or `Caption: …`.
    private func isCaption(_ line: TextLine) -> Bool {
        let lower = line.text.lowercased()
        return lower.hasPrefix("caption:") || Self.creditLabels.contains { lower.hasPrefix($0) }
    }

    /// Fills the image's credit or caption from a caption line in the same chunk (or the next).
    private mutating func applyCaption(_ line: TextLine, toImageAt index: Int) {
        guard case .image(var image) = article.body[index] else { return }
        let lower = line.text.lowercased()
        if lower.hasPrefix("caption:") {
            image.caption = String(line.text.dropFirst("caption:".count)).trimmingWhitespace()
        } else if let label = Self.creditLabels.first(where: { lower.hasPrefix($0) }) {
            image.credit = String(line.text.dropFirst(label.count)).trimmingWhitespace()
        }
        article.body[index] = .image(image)
    }

    /// Joins wrapped lines into paragraphs, and decides whether a lone line is a heading or pull quote.
    private mutating func addParagraphs(_ run: [TextLine], standalone: Bool, isLast: Bool) {
        guard !run.isEmpty else { return }
        for paragraph in Self.paragraphs(run) {
            let text = paragraph.text
            if text.lowercased() == "advertisement" || text.lowercased() == "story continues below advertisement" {
                droppedLines.append(text)
                continue
            }
            if standalone, let quote = fullQuotation(text), isPullQuote(quote.content) {
                article.body.append(
                    .pullQuote(
                        PullQuote(
                            [.text(quote.content)], attribution: quote.attribution,
                            location: paragraph.line.location(file: file))))
                continue
            }
            if standalone, !isLast, isHeadingLike(text) {
                let previousIsHeading: Bool
                if case .heading = article.body.last { previousIsHeading = true } else { previousIsHeading = false }
                appendHeading(level: previousIsHeading ? 3 : 2, text: text, line: paragraph.line)
                continue
            }
            // `— Name` under a pull quote or blockquote is its attribution.
            if let attribution = Self.dashAttribution(text), setAttributionOfLastQuote(attribution) {
                continue
            }
            article.body.append(.paragraph(Paragraph(text: text, location: paragraph.line.location(file: file))))
            lastParagraphText = text
        }
    }

    private mutating func appendHeading(level: Int, text: String, line: TextLine) {
        article.body.append(.heading(Heading(level: level, [.text(text)], location: line.location(file: file))))
    }

    /// Lines of a run grouped into paragraphs: in scraped text every line is a paragraph; in
    /// wrapped text lines join until one ends a sentence well short of the wrap width.
    static func paragraphs(_ run: [TextLine]) -> [(text: String, line: TextLine)] {
        guard run.count > 1 else { return run.map { ($0.text, $0) } }
        let widths = run.map(\.text.count)
        let maxWidth = widths.max() ?? 0
        func endsSentence(_ text: String) -> Bool {
            text.last.map { Marks.terminal.contains($0) || "”’\"'".contains($0) } ?? false
        }
        // Scraped text: long lines, or every line a whole sentence, are one paragraph each.
        if maxWidth > 100 || run.allSatisfy({ endsSentence($0.text) }) { return run.map { ($0.text, $0) } }
        var paragraphs: [(text: String, line: TextLine)] = []
        var current: [TextLine] = []
        for line in run {
            current.append(line)
            if endsSentence(line.text), line.text.count * 10 < maxWidth * 7 {
                paragraphs.append((current.map(\.text).joined(separator: " "), current[0]))
                current = []
            }
        }
        if !current.isEmpty { paragraphs.append((current.map(\.text).joined(separator: " "), current[0])) }
        return paragraphs
    }

    // MARK: Quotes set apart

    private mutating func addBlockquote(_ run: [TextLine]) {
        var texts: [String] = []
        for line in run {
            texts.append(String(line.text.drop { $0 == ">" || $0 == " " }))
        }
        var attribution: String?
        if let last = texts.last, let name = Self.dashAttribution(last) {
            attribution = name
            texts.removeLast()
        }
        let content = texts.filter { !$0.isEmpty }.joined(separator: " ")
        var location = run[0].location(file: file)
        location.column += 2
        article.body.append(.blockquote(Blockquote([.text(content)], attribution: attribution, location: location)))
    }

    /// `— Jane Doe, mayor` → `Jane Doe, mayor`.
    static func dashAttribution(_ text: String) -> String? {
        guard let first = text.first, first == "—" || first == "–" || text.hasPrefix("--") || text.hasPrefix("- ")
        else { return nil }
        let name = String(text.drop { $0 == "—" || $0 == "–" || $0 == "-" || $0 == " " })
        // A name, optionally with a lowercase role after a comma: "Ana Ruiz, harbourmaster".
        let namePart = String(name.prefix { $0 != "," })
        guard !name.isEmpty, name.count <= 100, Words.split(name).count <= 14,
            LineClassifier.looksLikeNames(namePart)
        else { return nil }
        return name
    }

    private mutating func setAttributionOfLastQuote(_ attribution: String) -> Bool {
        switch article.body.last {
        case .pullQuote(var quote) where quote.attribution == nil:
            quote.attribution = attribution
            article.body[article.body.count - 1] = .pullQuote(quote)
            return true
        case .blockquote(var quote) where quote.attribution == nil:
            quote.attribution = attribution
            article.body[article.body.count - 1] = .blockquote(quote)
            return true
        default:
            return false
        }
    }

    /// A paragraph that is one quotation from its first mark to its last, optionally followed by
    /// `— Name`: its words without the marks and the attribution.
    private func fullQuotation(_ text: String) -> (content: String, attribution: String?)? {
        guard let open = text.first, Marks.opening.contains(open) else { return nil }
        let afterOpen = text.dropFirst()
        if open == "'" || open == "‘", afterOpen.first?.isNumber == true { return nil }  // '90s
        let closers = Marks.closers(for: open)
        // The last closing mark, after which only punctuation and an attribution may follow.
        guard let close = afterOpen.lastIndex(where: { closers.contains($0) }) else { return nil }
        let inner = afterOpen[..<close]
        // One quotation only: no other quotation mark inside (apostrophes between letters are fine).
        if open == "‘" || open == "'" {
            let scalars = Array(inner)
            for (index, character) in scalars.enumerated() where closers.contains(character) || character == open {
                let before = index > 0 ? scalars[index - 1] : " "
                let after = index + 1 < scalars.count ? scalars[index + 1] : " "
                if !(before.isLetter && (after.isLetter || after == " " && before == "s")) { return nil }
            }
        } else if inner.contains(where: { $0 == open || closers.contains($0) }) {
            return nil
        }
        let content = String(inner).trimmingWhitespace()
        var tail = String(afterOpen[afterOpen.index(after: close)...]).trimmingWhitespace()
        while let first = tail.first, ".,!?".contains(first) { tail.removeFirst() }
        tail = tail.trimmingWhitespace()
        var attribution: String?
        if !tail.isEmpty {
            guard let name = Self.dashAttribution(tail) else { return nil }
            attribution = name
        }
        guard content.split(separator: " ").count >= 2 else { return nil }
        return (content.trimmingCharacters(inSet: ".,"), attribution)
    }

    /// A standalone quotation is a pull quote when it repeats words found elsewhere, or when it
    /// does not continue a paragraph that quoted someone (then it is a quote running on).
    private mutating func isPullQuote(_ content: String) -> Bool {
        // ASCII case folding is enough to match a quote's words at the start of a sentence.
        func fold(_ text: String) -> [UInt8] { text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 } }
        if foldedText == nil { foldedText = fold(lines.map(\.text).joined(separator: " ")) }
        let foldedText = foldedText!
        let needle = fold(content)
        // The search for a repeat is bounded in total, so a file of thousands of quoted paragraphs
        // stays linear; past the budget the other signals decide.
        if repeatSearchBudget > 0 {
            repeatSearchBudget -= foldedText.count
            if let first = Self.firstIndex(of: needle, in: foldedText, from: 0),
                Self.firstIndex(of: needle, in: foldedText, from: first + needle.count) != nil
            {
                return true
            }
        }
        guard case .paragraph = article.body.last else { return true }
        // A quotation introduced by the paragraph before ("… issued the following statement:"),
        // running on from it, or following a paragraph that quotes or names a speaker ("Petrov
        // said the workers…") belongs to the text.
        if lastParagraphText.hasSuffix(":") || Marks.openDoubleQuotes(in: lastParagraphText)
            || Marks.containsQuotation(lastParagraphText) || Self.hasReportingVerb(lastParagraphText)
        {
            return false
        }
        // Pull quotes are short; a long quoted paragraph is a statement quoted in full.
        return Words.split(content).count <= 40
    }

    private var repeatSearchBudget = 32 << 20

    private static let reportingVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "explained", "stated", "according",
        "insisted", "warned", "argued", "claimed", "noted", "wrote", "writes", "replied", "recalled", "admitted",
    ]

    /// Whether a paragraph reports speech ("…, Petrov said."), so a quotation after it continues it.
    static func hasReportingVerb(_ text: String) -> Bool {
        Words.split(text).contains { reportingVerbs.contains($0.lowercased()) }
    }

    /// The very first line of a file may be a title that ends with `.` or `;` (exports often add
    /// one): short, capitalised, one sentence.
    static func isPunctuatedTitle(_ text: String) -> Bool {
        // The end, looking through closing quotes and brackets: `(Again.)`, `‘Horrifying.’`.
        let end = text.reversed().drop { "’'”\")]".contains($0) }.first
        guard let first = text.first, first.isUppercase || first.isNumber || Marks.opening.contains(first),
            let end, end == "." || end == ";" || end == "…", text.count <= 180
        else { return false }
        let words = Words.split(text)
        return (2...22).contains(words.count) && LineClassifier.bullet(text) == nil
    }

    /// Where `needle` first occurs in `haystack` at or after `start` (byte comparison).
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let head = needle.first, needle.count <= haystack.count else { return needle.isEmpty ? start : nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == head, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// A short line that reads as a heading: capitalised, few words, no sentence punctuation at the end.
    private func isHeadingLike(_ text: String) -> Bool {
        guard text.count <= 150, let first = text.first, first.isUppercase || first.isNumber,
            let last = text.last, !Marks.nonHeadingEnd.contains(last), !"”’\"'),".contains(last)
        else { return false }
        let words = Words.split(text)
        guard (1...20).contains(words.count) else { return false }
        return LineClassifier.bullet(text) == nil && LineClassifier.boilerplate(text) == nil
    }

    // MARK: Dateline

    /// `TEHRAN, Nov 7 (Reuters) — …` or `ISLAMABAD: …` at the start of the first paragraph.
    private mutating func extractDateline() {
        guard article.dateline == nil,
            let index = article.body.firstIndex(where: { $0.kind == .paragraph }),
            case .paragraph(var paragraph) = article.body[index],
            paragraph.content.count == 1, case .text(let text) = paragraph.content[0],
            let match = Dateline.parse(openingOf: text)
        else { return }
        article.dateline = match.dateline
        paragraph.content = [.text(match.rest)]
        paragraph.location?.column += text.unicodeScalars.count - match.rest.unicodeScalars.count
        article.body[index] = .paragraph(paragraph)
    }
}

extension String {
    fileprivate func trimmingCharacters(inSet set: String) -> String {
        var text = Substring(self)
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
