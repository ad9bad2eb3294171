// copydesk — ArticleFormats / plain-text reader
// The body: segments, paragraphs, headings, lists, images and captions.

import ArticleModel

// MARK: - Body

extension PlainTextArticleBuilder {
    // MARK: Segments

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
            } else if !items.isEmpty, line.indent >= PlainTextThresholds.minContinuationIndent,
                line.indent > items.last!.line.indent - PlainTextThresholds.continuationIndentSlack
            {
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
    static func bulletItems(_ chunk: [TextLine]) -> [(text: String, line: TextLine)]? {
        let segments = segments(chunk)
        guard segments.count == 1, case .bullets(let items, _) = segments[0] else { return nil }
        return items
    }

    // MARK: Blocks

    mutating func readBody(_ chunks: ArraySlice<[TextLine]>) {
        let chunks = Array(chunks)
        for (chunkIndex, chunk) in chunks.enumerated() {
            let segments = Self.segments(chunk)
            let isLastChunk = chunkIndex == chunks.count - 1
            for (segmentIndex, segment) in segments.enumerated() {
                let standalone = segments.count == 1
                let isLast = isLastChunk && segmentIndex == segments.count - 1
                switch segment {
                case .bullets(let items, let ordered):
                    // `- Jane Doe.` alone under a quotation is its attribution, not a list.
                    if standalone, items.count == 1, !ordered, pendingLabel == nil,
                        let attribution = Self.dashAttribution("- " + items[0].text),
                        setAttributionOfLastQuote(attribution)
                    {
                        continue
                    }
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

    // MARK: Images and captions

    private static let creditLabels = ["photo credit:", "photo:", "photograph:", "credit:", "image:", "picture:"]

    /// The body index of the last image, for a caption or credit line that follows it.
    private var lastImageIndex: Int? {
        article.body.lastIndex { $0.kind == .image }
    }

    /// `Photo: Jane Doe/Agency`, `Credit: …` or `Caption: …`.
    private func isCaption(_ line: TextLine) -> Bool {
        let lower = line.text.fastLowercased()
        return lower.hasPrefix("caption:") || Self.creditLabels.contains { lower.hasPrefix($0) }
    }

    /// Fills the image's credit or caption from a caption line in the same chunk (or the next).
    private mutating func applyCaption(_ line: TextLine, toImageAt index: Int) {
        guard case .image(var image) = article.body[index] else { return }
        let lower = line.text.fastLowercased()
        if lower.hasPrefix("caption:") {
            image.caption = String(line.text.dropFirst("caption:".count)).trimmingWhitespace()
        } else if let label = Self.creditLabels.first(where: { lower.hasPrefix($0) }) {
            image.credit = String(line.text.dropFirst(label.count)).trimmingWhitespace()
        }
        article.body[index] = .image(image)
    }

    // MARK: Paragraphs and headings

    /// Ad markers left in scraped text, lowercase; a longer paragraph is not lowercased to be compared.
    private static let advertisementLines: Set<String> = ["advertisement", "story continues below advertisement"]
    private static let longestAdvertisementLine = advertisementLines.map(\.utf8.count).max() ?? 0

    /// Joins wrapped lines into paragraphs, and decides whether a lone line is a heading or pull quote.
    private mutating func addParagraphs(_ run: [TextLine], standalone: Bool, isLast: Bool) {
        guard !run.isEmpty else { return }
        for paragraph in Self.paragraphs(run) {
            let text = paragraph.text
            if text.utf8.count <= Self.longestAdvertisementLine,
                Self.advertisementLines.contains(text.fastLowercased())
            {
                droppedLines.append(text)
                continue
            }
            if standalone, let quote = fullQuotation(text), isPullQuote(quote.content, sentence: quote.sentence) {
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
        if maxWidth > PlainTextThresholds.maxWrappedLineLength || run.allSatisfy({ endsSentence($0.text) }) {
            return run.map { ($0.text, $0) }
        }
        var paragraphs: [(text: String, line: TextLine)] = []
        var current: [TextLine] = []
        for line in run {
            current.append(line)
            if endsSentence(line.text), line.text.count * 100 < maxWidth * PlainTextThresholds.wrapRatioPercent {
                paragraphs.append((current.map(\.text).joined(separator: " "), current[0]))
                current = []
            }
        }
        if !current.isEmpty { paragraphs.append((current.map(\.text).joined(separator: " "), current[0])) }
        return paragraphs
    }

    /// A short line that reads as a heading: capitalised, few words, no sentence punctuation at the end.
    func isHeadingLike(_ text: String) -> Bool {
        guard text.count <= PlainTextThresholds.maxHeadingLength, let first = text.first,
            first.isUppercase || first.isNumber,
            let last = text.last, !Marks.nonHeadingEnd.contains(last), !"”’\"'),".contains(last)
        else { return false }
        let words = Words.split(text)
        guard (1...PlainTextThresholds.maxHeadingWords).contains(words.count) else { return false }
        return LineClassifier.bullet(text) == nil && LineClassifier.boilerplate(text) == nil
    }
}
