// copydesk — HTML reader
// Web pages and CMS exports: metadata from JSON-LD and meta tags, the body without the page around it.

import ArticleModel

// MARK: - HTMLReader

/// Reads one article from an HTML page.
///
/// The page is parsed by libxml2 (recover mode, no network). Metadata comes from the best
/// source that has it (JSON-LD, then OpenGraph and other meta tags, then the markup), and the
/// source of each field is recorded in `extensions.provenance`. The body is found by
/// `ContentExtractor` and built by `HTMLBlockBuilder`. See docs/HTML.md.
package struct HTMLReader: ArticleReader {
    package init() {}

    package func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let decoded = try HTMLEncoding.decode(
            input.bytes, options: options, file: input.file, knows: HTMLDocument.knowsEncoding)
        if decoded.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw FormatError(
                id: "html.empty", message: "the HTML page is empty", file: input.file ?? "<stdin>",
                hint: "check that the file was downloaded completely")
        }
        let document = try HTMLDocument.parse(decoded.bytes, encoding: decoded.encoding, file: input.file)
        if let article = Self.copydeskPage(document, file: input.file) {
            var diagnostics = [
                Diagnostic(
                    id: "html.content", severity: .note,
                    message: "a page copydesk wrote (<meta name=\"generator\" content=\"copydesk\">): read whole from "
                        + "its JSON-LD, header and <div class=\"\(HTMLPage.bodyClass)\">, nothing left out",
                    location: nil, file: input.file)
            ]
            if let note = decoded.note {
                diagnostics.insert(
                    Diagnostic(id: "html.encoding", severity: .note, message: note, location: nil, file: input.file),
                    at: 0)
            }
            return ReadResult(articles: [article], diagnostics: diagnostics)
        }
        var metadata = HTMLMetadata(document: document, file: input.file)
        var article = metadata.article()

        // The strictest attempt that finds a story's worth of text; else the one that found the most.
        let standfirsts = Set(metadata.standfirstElements())
        var extractor = ContentExtractor(document: document, metadataNodes: standfirsts)
        var chosen = extractor.extract()
        if extractor.textLength < HTMLHeuristics.minimumStoryLength {
            for options in ContentExtractor.Options.attempts.dropFirst() {
                var attempt = ContentExtractor(document: document, options: options, metadataNodes: standfirsts)
                let found = attempt.extract()
                // A looser attempt wins only when it finds much more: a short story stays short
                // rather than gaining the furniture the strict attempt left out.
                if attempt.textLength > HTMLHeuristics.looserReadingFactor * extractor.textLength,
                    attempt.textLength > extractor.textLength + HTMLHeuristics.looserReadingMargin
                {
                    extractor = attempt
                    chosen = found
                }
                if extractor.textLength >= HTMLHeuristics.minimumStoryLength { break }
            }
        }
        var builder = HTMLBlockBuilder(document: document, file: input.file) { extractor.isRemoved($0) }
        for node in chosen { builder.add(node) }
        builder.finish()
        var furniture: [(Block, String)] = []
        let blocks = builder.blocks.filter { block in
            guard let reason = BoilerplateLines.reason(block) else { return true }
            furniture.append((block, reason))
            return false
        }
        var kept = blocks
        // A byline printed as a paragraph among the first blocks (`By Jo Finch`) is metadata: the
        // article's byline when the page's markup and data gave none.
        var index = 0
        while index < min(kept.count, HTMLHeuristics.bylineLineBlocks) {
            if BoilerplateLines.isBylineLine(kept[index]) {
                if article.bylines.isEmpty { article.bylines = [Self.byline(printedIn: kept[index])] }
                furniture.append((kept[index], "a byline line"))
                kept.remove(at: index)
            } else {
                index += 1
            }
        }
        if let about = BoilerplateLines.aboutSection(kept) {
            for block in kept[about] { furniture.append((block, "a press release's 'About …' section")) }
            kept.removeSubrange(about)
        }
        article.body = Self.withoutRepeatedMetadata(kept, article: article)
        // Quotes copydesk's own markup describes (`data-quote`), where their anchors were kept.
        article.quotes = HTMLBlockBuilder.anchoredQuotes(in: document, body: article.body, file: input.file) {
            extractor.isRemoved($0)
        }

        if article.source == nil { article.source = ArticleSource() }
        article.source?.format = "html"
        article.source?.file = input.file
        var diagnostics: [Diagnostic] = []
        if let note = decoded.note {
            diagnostics.append(
                Diagnostic(id: "html.encoding", severity: .note, message: note, location: nil, file: input.file))
        }
        if let line = document.stoppedByDepth {
            diagnostics.append(
                Diagnostic(
                    id: "html.too-deep", severity: .warning,
                    message:
                        "elements nest more than 256 deep here; libxml2 stopped reading the page, and the rest of "
                        + "it is left out", location: SourceLocation(file: input.file, line: max(line, 1), column: 1),
                    file: input.file))
        }
        if article.body.isEmpty {
            diagnostics.append(
                Diagnostic(
                    id: "html.no-content", severity: .warning,
                    message: "no article text was found in the page", location: nil, file: input.file))
        }
        for node in chosen {
            diagnostics.append(
                Diagnostic(
                    id: "html.content", severity: .note,
                    message: "article text taken from \(Self.describe(document, node))\(extractor.options.summary)",
                    location: document.nodes[node].line > 0
                        ? SourceLocation(file: input.file, line: document.nodes[node].line, column: 1) : nil,
                    file: input.file))
        }
        for (block, reason) in furniture {
            diagnostics.append(
                Diagnostic(
                    id: "html.boilerplate", severity: .note, message: "left out a line: \(reason)",
                    location: block.location, file: input.file))
        }
        for dropped in extractor.dropped {
            let node = document.nodes[dropped.node]
            let tag = Self.describe(document, dropped.node)
            diagnostics.append(
                Diagnostic(
                    id: "html.boilerplate", severity: .note, message: "left out \(tag): \(dropped.reason)",
                    location: node.line > 0 ? SourceLocation(file: input.file, line: node.line, column: 1) : nil,
                    file: input.file))
        }
        return ReadResult(articles: [article], diagnostics: diagnostics)
    }

    /// `<div class="…" id="…">`, shortened, for notes.
    static func describe(_ document: HTMLDocument, _ index: Int) -> String {
        let node = document.nodes[index]
        var tag = "<" + node.name
        if let value = node.attribute("class"), !value.isEmpty { tag += " class=\"\(value.prefix(40))\"" }
        if let value = node.attribute("id"), !value.isEmpty { tag += " id=\"\(value.prefix(40))\"" }
        return tag + ">"
    }

    /// The byline a `By …` paragraph prints: the names after `By`, split by the byline analyser.
    static func byline(printedIn block: Block) -> Byline {
        let raw = block.plainText.trimmingWhitespace()
        let name = String(raw.drop { $0 != " " }).trimmingWhitespace()
        return Byline(name: name, raw: raw, origin: .printed, location: block.location)
    }

    /// Leading blocks that repeat the headline are metadata, not body.
    static func withoutRepeatedMetadata(_ blocks: [Block], article: Article) -> [Block] {
        // The headline repeated at the top of the body is metadata. A standfirst taken from a
        // page's description is not dropped: sites often reuse the first paragraph as the
        // description, and that paragraph is still the story's first.
        let repeated = [article.headline].compactMap { $0 }
        guard !repeated.isEmpty else { return blocks }
        let keys = Set(repeated.map(key))
        // Only a block about as long as the headline or standfirst can repeat it.
        let longest = repeated.map(\.utf8.count).max() ?? 0
        var out = blocks
        while let first = out.first, first.kind == .paragraph || first.kind == .heading {
            let text = first.plainText
            guard text.utf8.count <= longest * 2 + HTMLHeuristics.repeatedHeadlineSlack, keys.contains(key(text)) else {
                break
            }
            out.removeFirst()
        }
        return out
    }

    private static func key(_ text: String) -> String {
        text.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
