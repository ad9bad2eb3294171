// copydesk — HTML reader
// The chosen part of a page as canonical blocks: paragraphs, headings, lists, quotes, figures, tables.

import ArticleModel

// MARK: - HTMLBlockBuilder

/// Turns HTML elements into blocks and inlines, skipping what the extractor removed.
///
/// Besides ordinary markup it reads the vocabulary copydesk's own HTML bodies carry
/// (`BodyHTML.Vocabulary.data`, written by the HTML page, ninjs and feed writers): a `<q>`'s
/// printed marks and quote id, a `<blockquote>`'s quote id and its `<figure>`'s
/// `<figcaption><cite>` attribution, a pull quote in `<aside class="pullquote">`, a list's label in
/// the `<p class="list-label">` before it and its speaker. `anchoredQuotes(in:…)` lists the quotes
/// those anchors describe. Pages without that markup are read as before.
struct HTMLBlockBuilder {
    let document: HTMLDocument
    let isRemoved: (Int) -> Bool
    let file: String?
    /// The lowest heading level a body heading gets: 2 in a page (its `h1` is the headline), 1 in a
    /// body fragment, whose headline is elsewhere.
    var minimumHeadingLevel = 2
    private(set) var blocks: [Block] = []
    /// Inline content waiting to become a paragraph (text directly inside a `div`, split by `<br><br>`).
    private var pending: [Inline] = []
    private var pendingLine = 0
    /// A `<p class="list-label">` waiting to see whether a list follows it.
    private var pendingLabel: (text: String, index: Int)?
    /// The element of the last image block, for a caption written after it (`attachesCaption`).
    private var lastImage: (node: Int, block: Int)?
    /// The attribute names of copydesk's quote markup.
    static let vocabulary = BodyHTML.Vocabulary.data

    init(document: HTMLDocument, file: String?, isRemoved: @escaping (Int) -> Bool) {
        self.document = document
        self.file = file
        self.isRemoved = isRemoved
    }

    static let creditNames = NameWords(["credit", "copyright", "photographer", "byline"])
    /// Class words of a caption written outside a `<figure>` (`<p class="imageCaption">`).
    static let captionNames = NameWords(["caption"])

    /// Elements that start a block of their own. Every other element — the inline ones, and any
    /// element HTML does not define (`<x-highlight>`, `<location>`, a CMS's own tags) — is read as
    /// inline when it holds no block, so it never splits the paragraph around it.
    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol", "p",
        "plaintext", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp",
    ]

    static func isInline(_ name: String) -> Bool { !blockTags.contains(name) }

    private func location(_ index: Int) -> SourceLocation? {
        let line = document.nodes[index].line
        return line > 0 ? SourceLocation(file: file, line: line, column: 1) : nil
    }

    // MARK: Blocks

    mutating func add(_ index: Int) {
        if isRemoved(index) { return }
        let node = document.nodes[index]
        if node.kind == .text {
            appendPending(.text(node.text), line: node.line)
            return
        }
        if node.name != "img", attachesCaption(index) { return }
        if Self.isInline(node.name), !containsBlock(index) {
            if node.name == "img" {
                flush()
                image(index, caption: nil)
                return
            }
            if node.name == "br" {
                // Two breaks in a row end a paragraph in pages that write `text<br><br>text`.
                if case .lineBreak = pending.last(where: { !Self.isBlank($0) }) {
                    while let last = pending.last, Self.isBlank(last) || last == .lineBreak { pending.removeLast() }
                    flush()
                } else {
                    appendPending(.lineBreak, line: node.line)
                }
                return
            }
            appendPending(contentsOf: inlines(index), line: node.line)
            return
        }
        flush()
        if node.name != "ul", node.name != "ol" { flushLabel() }
        switch node.name {
        case "p" where Self.hasClass(node, "list-label"):
            let text = Self.trimmed(inlines(index)).plainText
            if !text.isEmpty { pendingLabel = (text, index) }
        case "p":
            paragraph(index)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let content = Self.trimmed(inlines(index))
            guard !content.isEmpty else { return }
            let level = max(minimumHeadingLevel, Int(String(node.name.dropFirst())) ?? 2)
            blocks.append(.heading(Heading(level: level, content, location: location(index))))
        case "ul", "ol":
            list(index)
        case "blockquote":
            blockquote(index)
        case "aside" where Self.hasClass(node, "pullquote"):
            pullQuote(index)
        case "figure":
            figure(index)
        case "table":
            table(index)
        case "pre":
            code(index)
        case "hr":
            blocks.append(.rule(HorizontalRule(location: location(index))))
        case "figcaption", "caption":
            return
        default:
            for child in node.children { add(child) }
            flush()
        }
    }

    /// Ends the pending paragraph and a list label no list followed: call it when every node was added.
    mutating func finish() {
        flush()
        flushLabel()
    }

    /// A list label that no list follows is a paragraph.
    private mutating func flushLabel() {
        guard let label = pendingLabel else { return }
        pendingLabel = nil
        blocks.append(.paragraph(Paragraph(text: label.text, location: location(label.index))))
    }

    /// The words of an element's `class`.
    static func classes(_ node: HTMLNode) -> [Substring] {
        (node.attribute("class") ?? "").split { $0 == " " || $0 == "\t" || $0 == "\n" }
    }

    /// Whether an element's `class` has the word (split only when the text holds it: asked of
    /// every `<p>`).
    static func hasClass(_ node: HTMLNode, _ word: String) -> Bool {
        guard let value = node.attribute("class"), value.containsText(word) else { return false }
        return classes(node).contains { $0 == word }
    }

    /// Ends the pending paragraph.
    mutating func flush() {
        let content = Self.trimmed(pending)
        pending = []
        guard !content.isEmpty else { return }
        blocks.append(
            .paragraph(
                Paragraph(
                    content,
                    location: pendingLine > 0 ? SourceLocation(file: file, line: pendingLine, column: 1) : nil)))
    }

    private mutating func appendPending(_ inline: Inline, line: Int) {
        if pendingLabel != nil, !Self.isBlank(inline) { flushLabel() }
        if pending.allSatisfy(Self.isBlank) { pendingLine = line }
        pending.append(inline)
    }

    private mutating func appendPending(contentsOf inlines: [Inline], line: Int) {
        if pendingLabel != nil, !inlines.allSatisfy(Self.isBlank) { flushLabel() }
        if pending.allSatisfy(Self.isBlank) { pendingLine = line }
        pending += inlines
    }

    private func containsBlock(_ index: Int) -> Bool {
        var stack = document.nodes[index].children
        while let current = stack.popLast() {
            let node = document.nodes[current]
            guard node.kind == .element, !isRemoved(current) else { continue }
            if !Self.isInline(node.name) { return true }
            stack.append(contentsOf: node.children)
        }
        return false
    }

    private mutating func paragraph(_ index: Int) {
        // An image with a line of text in one paragraph is a figure: the text is its caption. An
        // image in a `<figure>` of its own has its caption there (`<p><figure><img></figure>
        // Calling all fans…</p>`): the paragraph's text is text.
        let images = document.elements(in: index).filter { document.nodes[$0].name == "img" && !isRemoved($0) }
        if images.count == 1, !document.hasAncestor(images[0], named: "figure", below: index) {
            let caption = document.text(of: index).foldingWhitespace().trimmingWhitespace()
            if caption.count < HTMLHeuristics.paragraphCaptionMaximum,
                !caption.contains(". ") || caption.count < HTMLHeuristics.paragraphCaptionSentenceMaximum
            {
                image(images[0], caption: caption.isEmpty ? nil : caption)
                return
            }
        }
        if containsBlock(index) {
            for child in document.nodes[index].children { add(child) }
            flush()
            return
        }
        // `<br><br>` inside a paragraph splits it too.
        var parts: [[Inline]] = [[]]
        for inline in inlines(index) {
            if inline == .lineBreak, let last = parts[parts.count - 1].last(where: { !Self.isBlank($0) }),
                last == .lineBreak
            {
                parts[parts.count - 1] = Array(
                    parts[parts.count - 1].dropLast(while: { $0 == .lineBreak || Self.isBlank($0) }))
                parts.append([])
            } else {
                parts[parts.count - 1].append(inline)
            }
        }
        for part in parts {
            let content = Self.trimmed(part)
            if !content.isEmpty { blocks.append(.paragraph(Paragraph(content, location: location(index)))) }
        }
    }

    private mutating func list(_ index: Int) {
        var items: [ListItem] = []
        var stack = Array(document.nodes[index].children.reversed())
        while let current = stack.popLast() {
            guard !isRemoved(current) else { continue }
            let node = document.nodes[current]
            guard node.kind == .element else { continue }
            if node.name == "li" {
                // Nested lists become items of their own after their parent item.
                let nested = node.children.filter { ["ul", "ol"].contains(document.nodes[$0].name) }
                let content = Self.trimmed(inlines(current, skipping: Set(nested), blocksAsBreaks: true))
                if !content.isEmpty { items.append(ListItem(content, location: location(current))) }
                for child in nested.reversed() {
                    stack.append(contentsOf: document.nodes[child].children.reversed())
                }
            } else {
                stack.append(contentsOf: node.children.reversed())
            }
        }
        let label = pendingLabel?.text
        pendingLabel = nil
        guard !items.isEmpty else {
            if let label { blocks.append(.paragraph(Paragraph(text: label, location: location(index)))) }
            return
        }
        let node = document.nodes[index]
        let speaker = node.attribute(Self.vocabulary.speaker).map {
            Speaker(
                name: $0, mention: node.attribute(Self.vocabulary.mention), role: node.attribute(Self.vocabulary.role))
        }
        blocks.append(
            .list(
                ListBlock(
                    ordered: node.name == "ol", items: items, label: label, speaker: speaker,
                    location: location(index))))
    }

    /// `<aside class="pullquote">`: copydesk's pull quote, a `<blockquote>` (in a `<figure>` when it
    /// has an attribution). Anything else in the aside is read as usual.
    private mutating func pullQuote(_ index: Int) {
        for child in document.nodes[index].children where !isRemoved(child) {
            let node = document.nodes[child]
            if node.kind == .element, node.name == "blockquote" {
                blockquote(child, isPull: true)
            } else if node.kind == .element, node.name == "figure",
                let quote = node.children.first(where: { document.nodes[$0].name == "blockquote" && !isRemoved($0) })
            {
                blockquote(quote, attribution: citation(child), isPull: true)
            } else {
                add(child)
            }
        }
        flush()
    }

    /// The attribution a `<figure>` around a quote cites in its `<figcaption>` (its `<cite>`, else its text).
    private func citation(_ figure: Int) -> String? {
        guard
            let caption = document.nodes[figure].children.first(where: {
                document.nodes[$0].name == "figcaption" && !isRemoved($0)
            })
        else { return nil }
        let cite = document.elements(in: caption).first { document.nodes[$0].name == "cite" }
        let text = Self.strippingDash(document.text(of: cite ?? caption).foldingWhitespace().trimmingWhitespace())
        return text.isEmpty ? nil : text
    }

    private mutating func blockquote(_ index: Int, attribution given: String? = nil, isPull: Bool = false) {
        // Attribution: <cite> or <footer> inside, or a last line starting with a dash.
        var attribution = given
        var skip = Set<Int>()
        var stack = document.nodes[index].children
        while let current = stack.popLast() {
            let node = document.nodes[current]
            guard node.kind == .element else { continue }
            if node.name == "footer" || node.name == "cite" {
                let text = document.text(of: current).foldingWhitespace().trimmingWhitespace()
                let name = Self.strippingDash(text)
                if !name.isEmpty, name.count < HTMLHeuristics.attributionMaximum {
                    attribution = name
                    skip.insert(current)
                }
                continue
            }
            stack.append(contentsOf: node.children)
        }
        var content = Self.trimmed(inlines(index, skipping: skip, blocksAsBreaks: true))
        if attribution == nil, let (text, name) = Self.trailingDashAttribution(content.plainText) {
            attribution = name
            content = [.text(text)]
        }
        guard !content.isEmpty else { return }
        let quoteID = document.nodes[index].attribute(Self.vocabulary.quote).flatMap { $0.isEmpty ? nil : $0 }
        blocks.append(
            isPull
                ? .pullQuote(PullQuote(content, attribution: attribution, quoteID: quoteID, location: location(index)))
                : .blockquote(
                    Blockquote(content, attribution: attribution, quoteID: quoteID, location: location(index))))
    }

    private mutating func figure(_ index: Int) {
        var caption: String?
        var credit: String?
        var images: [Int] = []
        var others: [Int] = []
        for child in document.nodes[index].children where !isRemoved(child) {
            let node = document.nodes[child]
            if node.kind == .element, node.name == "figcaption" {
                // A credit often sits in its own element inside the caption.
                var creditNodes = Set<Int>()
                for inner in document.elements(in: child)
                where NameMatch.first(of: Self.creditNames, in: document.nodes[inner].names) != nil
                    || document.nodes[inner].name == "small"
                {
                    let value = document.text(of: inner).foldingWhitespace().trimmingWhitespace()
                    if !value.isEmpty {
                        credit = value
                        creditNodes.insert(inner)
                    }
                }
                let text = Self.trimmed(inlines(child, skipping: creditNodes)).plainText
                if !text.isEmpty { caption = text }
            } else if node.kind == .element {
                let found = document.elements(in: child, including: true).filter { document.nodes[$0].name == "img" }
                if found.isEmpty { others.append(child) } else { images += found }
            }
        }
        if let first = images.first {
            image(first, caption: caption, credit: credit)
        }
        // A quote in a figure: the caption cites who said it.
        let quotes = others.filter { document.nodes[$0].name == "blockquote" }
        if images.isEmpty, quotes.count == 1, others.count == 1 {
            blockquote(quotes[0], attribution: citation(index))
            return
        }
        for other in others where images.isEmpty { add(other) }
        flush()
    }

    /// A caption without the screen-reader label it opens with (`Lexicon.captionLabels`, often
    /// glued to it: `Media captionThe harbour at dawn`): the label's words, then anything but a
    /// lowercase letter (`Media captions explained` keeps its words).
    static func withoutCaptionLabel(_ caption: String) -> String {
        let lower = String(caption.prefix(16)).fastLowercased()
        guard let label = Lexicon.captionLabels.first(where: { lower.hasPrefix($0) }) else { return caption }
        let rest = caption.dropFirst(label.count)
        if let next = rest.first, next.isLowercase { return caption }
        return String(rest).trimmingWhitespace()
    }

    /// An element named as a caption (`<p class="imageCaption">`) or a credit (`<span
    /// class="credit">`) after an image that has none, in the same container (within three levels
    /// of the image), is that image's caption or credit rather than a paragraph. Only short lines
    /// may stand between them (an overlay's `+12`, which the boilerplate lines drop later).
    private mutating func attachesCaption(_ index: Int) -> Bool {
        guard let (imageNode, position) = lastImage, case .image(var last) = blocks[position] else { return false }
        let names = document.nodes[index].names
        let isCaption = last.caption == nil && NameMatch.first(of: Self.captionNames, in: names) != nil
        let isCredit = !isCaption && last.credit == nil && NameMatch.first(of: Self.creditNames, in: names) != nil
        guard isCaption || isCredit, pending.allSatisfy(Self.isBlank),
            blocks[(position + 1)...].allSatisfy({
                if case .paragraph(let paragraph) = $0 {
                    return paragraph.content.plainText.count <= HTMLHeuristics.galleryCounterMaximum
                }
                return false
            })
        else { return false }
        // The image's parent, grandparent or great-grandparent holds the caption too.
        var container = document.nodes[imageNode].parent
        var level = 1
        while level < 3, container >= 0, !document.isInside(index, container) {
            container = document.nodes[container].parent
            level += 1
        }
        guard document.isInside(index, container) else { return false }
        let printed = Self.trimmed(inlines(index)).plainText
        let text = isCaption ? Self.withoutCaptionLabel(printed) : printed
        guard !text.isEmpty, text.count < HTMLHeuristics.paragraphCaptionMaximum else { return false }
        if isCaption { last.caption = text } else { last.credit = text }
        blocks[position] = .image(last)
        return true
    }

    private mutating func image(_ index: Int, caption: String?, credit: String? = nil) {
        let node = document.nodes[index]
        // A lazy-loading page keeps the picture in `data-src` (or `data-original`, `data-lazy-src`)
        // and a placeholder (`preloader.gif`, a blank pixel) in `src` until it scrolls into view.
        let source =
            [
                node.attribute("data-src"), node.attribute("data-original"), node.attribute("data-lazy-src"),
                node.attribute("src"),
            ]
            .compactMap { $0?.trimmingWhitespace() }.first { !$0.isEmpty && !$0.hasPrefix("data:") }
        guard let source, !Self.isPlaceholder(source) else { return }
        let alt = node.attribute("alt")?.foldingWhitespace().trimmingWhitespace()
        let caption = caption.map(Self.withoutCaptionLabel)
        // The same picture again right after itself (a page's enlarged copy, a lazy-loading
        // fallback, another size) is one image: the first keeps its place and gains what the
        // copy prints with it.
        if let (_, position) = lastImage, position == blocks.count - 1, pending.allSatisfy(Self.isBlank),
            case .image(var first) = blocks[position], Self.isSamePicture(first.src, source)
        {
            if first.alt == nil, alt?.isEmpty == false { first.alt = alt }
            if first.caption == nil, caption?.isEmpty == false { first.caption = caption }
            if first.credit == nil { first.credit = credit }
            blocks[position] = .image(first)
            lastImage = (index, position)
            return
        }
        lastImage = (index, blocks.count)
        blocks.append(
            .image(
                Image(
                    src: source, alt: alt?.isEmpty == false ? alt : nil,
                    caption: caption?.isEmpty == false ? caption : nil, credit: credit, location: location(index))))
    }

    /// A layout or loading image, no picture of the story: a spacer, a blank or transparent pixel,
    /// a loading spinner or a placeholder, by the words of its file name (`spacer.gif`,
    /// `1x1.trans.gif`, `spinning-progress.gif`, `dotclear.gif`).
    static func isPlaceholder(_ source: String) -> Bool {
        let words = Set(
            pictureFile(source).name.lowercased().split(whereSeparator: { "-_. %".contains($0) }).map(String.init))
        if !words.isDisjoint(with: placeholderWords) { return true }
        return words.contains("spinning") && words.contains("progress")
    }

    private static let placeholderWords: Set<String> = [
        "spacer", "spaceball", "dotclear", "blank", "transparent", "1x1", "spinner", "preloader",
        "preloaderbig", "placeholder",
    ]

    /// An image source without its scheme, cut into its folder and its file name, and whether a
    /// query follows (`https://cdn.x/a/pier.jpg?w=2` → `//cdn.x/a`, `pier.jpg`, true).
    private static func pictureFile(
        _ source: String
    ) -> (address: Substring, folder: Substring, name: Substring, query: Bool) {
        var address = source[...]
        if let colon = source.firstIndex(of: ":"), source[colon...].hasPrefix("://") {
            address = source[source.index(after: colon)...]
        }
        let path = address.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? address
        guard let slash = path.lastIndex(of: "/") else { return (address, "", path, path.count < address.count) }
        return (address, path[..<slash], path[path.index(after: slash)...], path.count < address.count)
    }

    /// Whether two image sources are one picture: the same URL (whatever its scheme), or files
    /// in the same folder whose names differ only in a trailing size (`…-s800-c85.jpg` and
    /// `…-s1200.jpg`, `photo-750x450.jpg` and `photo.jpg`); `…_2447.jpg` and `…_2448.jpg` are two.
    static func isSamePicture(_ first: String, _ second: String) -> Bool {
        let (one, two) = (pictureFile(first), pictureFile(second))
        if one.address == two.address { return true }
        guard !one.query, !two.query, !one.folder.isEmpty, one.folder == two.folder else { return false }
        let stems = [one.name, two.name].map(sizeless)
        return !stems[0].isEmpty && stems[0] == stems[1]
    }

    /// A file name's words without its extension and the size words at its end (`s800`, `c85`,
    /// `750x450`, `w1200`, `medium`).
    private static func sizeless(_ name: Substring) -> [Substring] {
        let stem = name.lastIndex(of: ".").map { name[..<$0] } ?? name
        var words = stem.split(whereSeparator: { $0 == "-" || $0 == "_" })
        while let last = words.last, words.count > 1, isSizeWord(last) { words.removeLast() }
        return words
    }

    private static func isSizeWord(_ word: Substring) -> Bool {
        let lower = word.lowercased()
        if ["small", "medium", "large", "thumb", "thumbnail", "full", "original", "orig"].contains(lower) {
            return true
        }
        if let first = lower.first, "swhcq".contains(first), lower.count > 1, lower.dropFirst().allSatisfy(\.isNumber) {
            return true
        }
        let sides = lower.split(separator: "x", omittingEmptySubsequences: false)
        return sides.count == 2 && sides.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    private mutating func table(_ index: Int) {
        // A layout table (paragraphs or lists in its cells) is read as ordinary content.
        if document.elements(in: index).contains(where: {
            ["p", "div", "ul", "ol", "table", "blockquote", "h2", "h3"].contains(document.nodes[$0].name)
        }) {
            for child in document.nodes[index].children { add(child) }
            flush()
            return
        }
        // A data table: its rows (wherever they sit: straight inside, in `thead`, `tbody`,
        // `tfoot`), each cell's inline content (its own blocks, `<h4>` or `<dl>`, spaced apart, not
        // glued), a row in `thead` or of `th` cells only as a header row, and the caption.
        var rows: [TableRow] = []
        for row in document.elements(in: index) where document.nodes[row].name == "tr" && !isRemoved(row) {
            let cells = document.nodes[row].children.filter {
                ["td", "th"].contains(document.nodes[$0].name) && !isRemoved($0)
            }
            guard !cells.isEmpty else { continue }
            let parent = document.nodes[row].parent
            let isHeader =
                (parent >= 0 && document.nodes[parent].name == "thead")
                || cells.allSatisfy { document.nodes[$0].name == "th" }
            rows.append(TableRow(cells: cells.map { TableCell(Self.trimmed(inlines($0))) }, isHeader: isHeader))
        }
        // A table with no text in any cell (a spacer, a grid of images) holds nothing to read.
        guard rows.contains(where: { $0.cells.contains { !$0.content.isEmpty } }) else { return }
        let caption = document.nodes[index].children.first {
            document.nodes[$0].name == "caption" && !isRemoved($0)
        }
        .map { Self.trimmed(inlines($0)).plainText }
        blocks.append(
            .table(Table(rows: rows, caption: caption?.isEmpty == false ? caption : nil, location: location(index))))
    }

    /// `<pre>`: preformatted text kept character for character (a line feed right after `<pre>`
    /// is not part of it, as in HTML), its language from a `language-…` class of the `<code>`
    /// inside or of the `<pre>` itself.
    private mutating func code(_ index: Int) {
        var text = document.text(of: index)
        if let first = document.nodes[index].children.first, document.nodes[first].kind == .text,
            document.nodes[first].text.hasPrefix("\n")
        {
            text.removeFirst()
        }
        guard !text.trimmingWhitespace().isEmpty else { return }
        let code = document.nodes[index].children.first {
            document.nodes[$0].kind == .element && document.nodes[$0].name == "code"
        }
        let classes = [code, index].compactMap { $0 }.flatMap { Self.classes(document.nodes[$0]) }
        let language = classes.first { $0.hasPrefix("language-") && $0.count > 9 }
        blocks.append(
            .code(CodeBlock(text: text, language: language.map { String($0.dropFirst(9)) }, location: location(index))))
    }

    // MARK: Inlines

    /// The inline content of an element.
    func inlines(_ index: Int, skipping skip: Set<Int> = [], blocksAsBreaks: Bool = false) -> [Inline] {
        var out: [Inline] = []
        for child in document.nodes[index].children where !isRemoved(child) && !skip.contains(child) {
            let node = document.nodes[child]
            if node.kind == .text {
                out.append(.text(node.text))
                continue
            }
            let inner = inlines(child, skipping: skip, blocksAsBreaks: blocksAsBreaks)
            switch node.name {
            case "em", "i", "cite", "dfn":
                if !inner.isEmpty { out.append(.emphasis(inner)) }
            case "strong", "b":
                if !inner.isEmpty { out.append(.strong(inner)) }
            case "a":
                let href = node.attribute("href")?.trimmingWhitespace() ?? ""
                let lower = href.lowercased()
                if href.isEmpty || href.hasPrefix("#") || lower.hasPrefix("javascript:") || lower.hasPrefix("data:")
                    || lower.hasPrefix("vbscript:")
                {
                    out += inner
                } else if !inner.isEmpty {
                    out.append(.link(url: href, content: inner))
                }
            case "br":
                out.append(.lineBreak)
            case "q":
                // copydesk's markup keeps the printed marks and the quote's id in attributes.
                let vocabulary = Self.vocabulary
                out.append(
                    .quotation(
                        Quotation(
                            open: node.attribute(vocabulary.open) ?? "“",
                            close: node.attribute(vocabulary.close) ?? "”",
                            content: inner, quoteID: node.attribute(vocabulary.quote).flatMap { $0.isEmpty ? nil : $0 })
                    )
                )
            case "img", "figcaption":
                continue
            default:
                if blocksAsBreaks, !Self.isInline(node.name) {
                    if !out.isEmpty { out.append(.lineBreak) }
                    out += inner
                    out.append(.lineBreak)
                } else if !Self.isInline(node.name) {
                    out.append(.text(" "))
                    out += inner
                    out.append(.text(" "))
                } else {
                    out += inner
                }
            }
        }
        return out
    }

    // MARK: Whitespace

    static func isBlank(_ inline: Inline) -> Bool {
        if case .text(let text) = inline { return text.allSatisfy(\.isWhitespace) }
        return false
    }

    /// Folds whitespace runs to one space, trims the ends, merges adjacent text and drops stray breaks.
    static func trimmed(_ inlines: [Inline]) -> [Inline] {
        var folded = fold(inlines, afterSpace: true).inlines
        // Trim breaks and spaces at both ends.
        while let first = folded.first, first == .lineBreak || isBlank(first) { folded.removeFirst() }
        while let last = folded.last, last == .lineBreak || isBlank(last) { folded.removeLast() }
        if case .text(let text)? = folded.first {
            folded[0] = .text(String(text.drop(while: { $0 == " " })))
        }
        if case .text(let text)? = folded.last {
            folded[folded.count - 1] = .text(String(Substring(text).dropLast(while: { $0 == " " })))
        }
        return folded.filter { inline in
            if case .text(let text) = inline { return !text.isEmpty }
            return true
        }
    }

    /// Folds whitespace in document order; `afterSpace` says whether the text before ended in a space.
    private static func fold(_ inlines: [Inline], afterSpace: Bool) -> (inlines: [Inline], afterSpace: Bool) {
        var out: [Inline] = []
        var space = afterSpace
        func appendText(_ text: String) {
            if case .text(let previous)? = out.last {
                out[out.count - 1] = .text(previous + text)
            } else {
                out.append(.text(text))
            }
        }
        for inline in inlines {
            switch inline {
            case .text(let text):
                let folded = foldWhitespace(text, afterSpace: &space)
                if !folded.isEmpty { appendText(folded) }
            case .lineBreak:
                if case .text(let previous)? = out.last, previous.hasSuffix(" ") {
                    out[out.count - 1] = .text(String(previous.dropLast()))
                }
                out.append(.lineBreak)
                space = true
            case .emphasis(let content):
                let inner = fold(content, afterSpace: space)
                space = inner.afterSpace
                if !inner.inlines.isEmpty { out.append(.emphasis(inner.inlines)) }
            case .strong(let content):
                let inner = fold(content, afterSpace: space)
                space = inner.afterSpace
                if !inner.inlines.isEmpty { out.append(.strong(inner.inlines)) }
            case .link(let url, let content):
                let inner = fold(content, afterSpace: space)
                space = inner.afterSpace
                if !inner.inlines.isEmpty { out.append(.link(url: url, content: inner.inlines)) }
            case .quotation(var quotation):
                let inner = fold(quotation.content, afterSpace: space)
                space = inner.afterSpace
                quotation.content = inner.inlines
                out.append(.quotation(quotation))
            }
        }
        return (out, space)
    }

    /// HTML whitespace folding on UTF-8: runs of ASCII whitespace and no-break spaces become one
    /// space (none after a space already written).
    static func foldWhitespace(_ text: String, afterSpace space: inout Bool) -> String {
        if let unchanged = alreadyFolded(text, afterSpace: space) {
            space = unchanged
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingC2 = false
        for byte in text.utf8 {
            if pendingC2 {
                pendingC2 = false
                if byte == 0xA0 {
                    if !space { bytes.append(0x20) }
                    space = true
                    continue
                }
                bytes.append(0xC2)
                bytes.append(byte)
                space = false
                continue
            }
            switch byte {
            case 0x20, 0x0A, 0x09, 0x0D, 0x0C:
                if !space { bytes.append(0x20) }
                space = true
            case 0xC2:
                pendingC2 = true
            default:
                bytes.append(byte)
                space = false
            }
        }
        if pendingC2 { bytes.append(0xC2) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// When folding would not change the text (single spaces only, none after a space, no other
    /// white space): whether it ends with a space; else `nil`. Most text nodes are like that.
    private static func alreadyFolded(_ text: String, afterSpace: Bool) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            var space = afterSpace
            var previous: UInt8 = 0
            for byte in bytes {
                switch byte {
                case 0x20:
                    if space { return nil }
                    space = true
                case 0x0A, 0x09, 0x0D, 0x0C:
                    return nil
                case 0xA0 where previous == 0xC2:
                    return nil
                default:
                    space = false
                }
                previous = byte
            }
            return space
        }
    }

    // MARK: Attribution helpers

    static func strippingDash(_ text: String) -> String {
        var result = Substring(text)
        while let first = result.first, "—–-―~ ".contains(first) { result = result.dropFirst() }
        return String(result).trimmingWhitespace()
    }

    /// `“…” — Name` at the end of a blockquote: the text and the name.
    static func trailingDashAttribution(_ text: String) -> (String, String)? {
        let lines = text.split(separator: "\n").map { String($0).trimmingWhitespace() }
        guard lines.count >= 2, let last = lines.last, let first = last.first, "—–―".contains(first) else {
            return nil
        }
        let name = strippingDash(last)
        guard !name.isEmpty, name.count < HTMLHeuristics.dashAttributionMaximum else { return nil }
        return (lines.dropLast().joined(separator: "\n"), name)
    }
}

extension HTMLDocument {
    /// Element descendants of a node in document order (the node itself with `including`).
    func elements(in index: Int, including: Bool = false) -> [Int] {
        var out: [Int] = []
        var stack = including ? [index] : Array(nodes[index].children.reversed())
        while let current = stack.popLast() {
            guard nodes[current].kind == .element else { continue }
            out.append(current)
            stack.append(contentsOf: nodes[current].children.reversed())
        }
        return out
    }

}

extension Array {
    fileprivate func dropLast(while predicate: (Element) -> Bool) -> ArraySlice<Element> {
        var end = endIndex
        while end > startIndex, predicate(self[end - 1]) { end -= 1 }
        return self[startIndex..<end]
    }
}

extension Substring {
    fileprivate func dropLast(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
