// copydesk — ArticleFormats / NewsML-G2 reader
// An XHTML body in inlineXML into blocks, with the quotes copydesk's `cd:` attributes describe.

import ArticleModel

// MARK: - XHTMLBody

/// Maps an XHTML body: paragraphs, headings, lists (with copydesk's list labels), block and pull
/// quotes, figures, rules, preformatted text, tables, and
/// text that stands outside any paragraph. Whitespace that pretty-printing put inside a
/// paragraph is folded; a page header (`<header>` with the headline and a time) is metadata, not
/// body.
struct XHTMLBody {
    let file: String?
    /// The item's metadata texts (headlines, `by` lines, descriptions), whitespace folded: a page
    /// header that repeats them is not body.
    let known: Set<String>
    var content = Article()
    var diagnostics: [Diagnostic] = []

    init(file: String?, known: Set<String>) {
        self.file = file
        self.known = known
    }

    func location(_ element: XMLElement) -> SourceLocation {
        SourceLocation(file: file, line: element.line, column: 1)
    }

    /// Elements that stand as blocks; anything else inside a container is part of a run of text.
    static let blockNames: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "figure", "img", "hr", "div",
        "section", "article", "aside", "header", "footer", "table", "pre", "address", "main", "nav", "hgroup",
    ]

    /// The blocks of a container: its block elements, and runs of loose text between them.
    mutating func blocks(in container: XMLElement) {
        var run: [XMLElement.Child] = []
        func flushRun(_ body: inout XHTMLBody) {
            defer { run = [] }
            guard
                run.contains(where: { child in
                    if case .text(let text) = child { return !text.trimmingWhitespace().isEmpty }
                    return true
                })
            else { return }
            let holder = XMLElement(
                name: "p", namespace: container.namespace, attributes: [:], children: run, line: container.line)
            let content = body.inlines(holder)
            if !content.plainText.trimmingWhitespace().isEmpty {
                body.flushLabel()
                body.content.body.append(.paragraph(Paragraph(content, location: body.location(container))))
            }
        }
        for child in container.children {
            if case .element(let element) = child, Self.blockNames.contains(element.name) {
                flushRun(&self)
                block(element)
            } else if case .element(let element) = child, element.name == "head" || element.name == "title" {
                continue
            } else {
                run.append(child)
            }
        }
        flushRun(&self)
    }

    // MARK: Blocks

    /// A `<p class="list-label">` waiting to see whether a list follows it.
    var pendingLabel: (text: String, element: XMLElement)?

    mutating func flushLabel() {
        guard let label = pendingLabel else { return }
        pendingLabel = nil
        content.body.append(.paragraph(Paragraph(text: label.text, location: location(label.element))))
    }

    mutating func block(_ element: XMLElement) {
        let here = location(element)
        if element.name == "p", element.hasClass("list-label") {
            flushLabel()
            pendingLabel = (element.text, element)
            return
        }
        let label = ["ul", "ol"].contains(element.name) ? pendingLabel?.text : nil
        if label != nil { pendingLabel = nil } else { flushLabel() }
        switch element.name {
        case "pre":
            let text = element.text
            if !text.trimmingWhitespace().isEmpty {
                let language = (element.first("code") ?? element).classes.first { $0.hasPrefix("language-") }
                content.body.append(
                    .code(CodeBlock(text: text, language: language.map { String($0.dropFirst(9)) }, location: here)))
            }
        case "p", "address":
            let content = inlines(element)
            if !content.plainText.trimmingWhitespace().isEmpty {
                self.content.body.append(.paragraph(Paragraph(content, location: here)))
            }
        case "h1" where known.contains(element.text.foldingWhitespace()):
            break
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = Int(element.name.dropFirst()) ?? 2
            let content = inlines(element)
            if !content.plainText.trimmingWhitespace().isEmpty {
                self.content.body.append(.heading(Heading(level: level, content, location: here)))
            }
        case "header":
            // The page's header repeats the item's metadata (headline, kicker, byline, time,
            // slugline); a heading or paragraph in it that says something else is kept.
            for child in element.elements()
            where ["h1", "h2", "h3", "h4", "h5", "h6", "p"].contains(child.name)
                && !known.contains(child.text.foldingWhitespace())
            {
                block(child)
            }
        case "ul", "ol":
            var items: [ListItem] = []
            for item in element.elements("li") {
                items.append(ListItem(inlines(item), location: location(item)))
            }
            let speaker = QuoteAnchorAttributes(element, namespace: NewsMLG2.copydesk).speaker
            if !items.isEmpty {
                content.body.append(
                    .list(
                        ListBlock(
                            ordered: element.name == "ol", items: items, label: label, speaker: speaker,
                            location: here)))
            }
        case "dl":
            for item in element.elements() where item.name == "dt" || item.name == "dd" {
                let content = inlines(item)
                if !content.plainText.trimmingWhitespace().isEmpty {
                    self.content.body.append(.paragraph(Paragraph(content, location: location(item))))
                }
            }
        case "blockquote":
            // copydesk 0.1 wrote pull quotes as `<blockquote class="pullquote">` with a `<footer>`.
            setApart(
                element, attribution: element.first("footer").map { $0.first("cite")?.text ?? $0.text },
                isPull: element.hasClass("pullquote"), at: here)
        case "aside" where element.hasClass("pullquote"):
            if let figure = element.first("figure"), let quote = figure.first("blockquote") {
                setApart(quote, attribution: Self.citation(figure), isPull: true, at: here)
            } else if let quote = element.first("blockquote") {
                setApart(quote, attribution: nil, isPull: true, at: here)
            } else {
                blocks(in: element)
            }
        case "figure":
            figure(element, at: here)
        case "img":
            if let src = element.attribute("src") {
                content.body.append(.image(Image(src: src, alt: element.attribute("alt"), location: here)))
            }
        case "hr":
            content.body.append(.rule(HorizontalRule(location: here)))
        case "table":
            table(element, at: here)
        default:
            blocks(in: element)
        }
    }

    private mutating func figure(_ element: XMLElement, at here: SourceLocation) {
        if let quote = element.first("blockquote") {
            setApart(quote, attribution: Self.citation(element), isPull: false, at: here)
            return
        }
        guard let image = element.first("img"), let src = image.attribute("src") else {
            blocks(in: element)
            return
        }
        let caption = element.first("figcaption")
        let isCredit = { (inner: XMLElement) in
            ["span", "small"].contains(inner.name) && inner.hasClass("credit")
        }
        let credit = caption?.elements().first(where: isCredit)?.text
        var captionText = caption.map { figcaption in
            figcaption.children.compactMap { child -> String? in
                switch child {
                case .text(let text): return text
                case .element(let inner): return isCredit(inner) ? nil : inner.text
                }
            }.joined()
        }
        // The writer puts one space between the caption and the credit.
        if credit != nil, let text = captionText, text.hasSuffix(" ") { captionText = String(text.dropLast()) }
        let alt = image.attribute("alt")
        content.body.append(
            .image(
                Image(
                    src: src, alt: alt?.isEmpty == true ? nil : alt,
                    caption: captionText?.isEmpty == true ? nil : captionText, credit: credit, location: here)))
    }

    /// A table, with its caption and header rows.
    private mutating func table(_ element: XMLElement, at here: SourceLocation) {
        var body = self
        let table = XMLTable.table(element, location: here) { body.inlines($0) }
        self = body
        if let table { content.body.append(.table(table)) }
    }

    /// The attribution a `<figure>` cites in its `<figcaption>`.
    static func citation(_ figure: XMLElement) -> String? {
        figure.first("figcaption").map { $0.first("cite")?.text ?? $0.text }
    }

    /// A blockquote or pull quote, and the quote its copydesk attributes list.
    mutating func setApart(_ element: XMLElement, attribution: String?, isPull: Bool, at here: SourceLocation) {
        let paragraphs = element.elements("p")
        var content: [Inline] = []
        for (number, paragraph) in paragraphs.enumerated() {
            if number > 0 { content.append(.lineBreak) }
            content += inlines(paragraph)
        }
        if paragraphs.isEmpty { content = inlines(element) }
        let id = quote(from: element, text: content.plainText, kind: isPull ? .pull : .block)
        self.content.body.append(
            isPull
                ? .pullQuote(PullQuote(content, attribution: attribution, quoteID: id, location: here))
                : .blockquote(Blockquote(content, attribution: attribution, quoteID: id, location: here)))
    }

    /// Lists the quote copydesk's attributes on an anchor describe, and returns its id when the
    /// anchor carries one (`cd:quote="q3"`). A continuation of a quotation already listed adds its
    /// words. Files of copydesk 0.1 (`cd:quote="true"`, or speaker attributes alone) give a quote
    /// with a new id and no anchor, which the analyser anchors where its words stand.
    mutating func quote(from element: XMLElement, text: String, kind: Quote.Kind) -> String? {
        let attributes = QuoteAnchorAttributes(element, namespace: NewsMLG2.copydesk)
        let marker = attributes.value("quote")
        let anchor = marker.flatMap { $0 == "true" || $0.isEmpty ? nil : $0 }
        if let anchor, let index = content.quotes.firstIndex(where: { $0.id == anchor }) {
            // A quotation's later part, or a set-apart quote whose inner quotation was read first.
            attributes.extend(&content.quotes[index], text: text)
            return anchor
        }
        guard marker != nil || attributes.speaker != nil || attributes.cue != nil else { return nil }
        content.quotes.append(
            attributes.quote(id: anchor ?? content.nextQuoteID(), text: text, kind: kind, location: location(element)))
        return anchor
    }

    // MARK: Inlines

    /// An element's inline content, with the line breaks and indentation that pretty-printing put
    /// inside it folded to single spaces and trimmed at its edges.
    mutating func inlines(_ element: XMLElement) -> [Inline] {
        var out = LightMarkdown.merged(rawInlines(element))
        if case .text(let text)? = out.first {
            out[0] = .text(String(text.drop { $0.isWhitespace }))
        }
        if case .text(let text)? = out.last {
            out[out.count - 1] = .text(String(text.reversed().drop { $0.isWhitespace }.reversed()))
        }
        return out.filter { inline in
            if case .text(let text) = inline { return !text.isEmpty }
            return true
        }
    }

    private mutating func rawInlines(_ element: XMLElement) -> [Inline] {
        var out: [Inline] = []
        for child in element.children {
            switch child {
            case .text(let text):
                out.append(.text(Self.foldingLayout(text)))
            case .element(let inner):
                switch inner.name {
                case "em", "i": out.append(.emphasis(LightMarkdown.merged(rawInlines(inner))))
                case "strong", "b": out.append(.strong(LightMarkdown.merged(rawInlines(inner))))
                case "a":
                    let content = LightMarkdown.merged(rawInlines(inner))
                    if let href = inner.attribute("href") {
                        out.append(.link(url: href, content: content))
                    } else {
                        out += content
                    }
                case "br": out.append(.lineBreak)
                case "q":
                    let content = LightMarkdown.merged(rawInlines(inner))
                    let id = quote(from: inner, text: content.plainText, kind: .direct)
                    let open = inner.attribute("open", namespace: NewsMLG2.copydesk)
                    let close = inner.attribute("close", namespace: NewsMLG2.copydesk)
                    if open == nil, inner.attribute("quote", namespace: NewsMLG2.copydesk) == "true" {
                        // copydesk 0.1 left the printed marks outside the element.
                        out += content
                    } else if let open {
                        out.append(.quotation(Quotation(open: open, close: close ?? "", content: content, quoteID: id)))
                    } else {
                        out.append(.quotation(Quotation(content: content, quoteID: id)))
                    }
                default:
                    out += rawInlines(inner)
                }
            }
        }
        return out
    }

    /// Text with each line break, and the spaces and tabs around it, made one space: the layout of
    /// pretty-printed XML, not the text's. Text without a line break is kept as it is.
    static func foldingLayout(_ text: String) -> String {
        // XML's line ends only (LF, CR, CR LF), not Unicode's line and paragraph separators.
        let isLineEnd = { (character: Character) in character == "\n" || character == "\r" || character == "\r\n" }
        guard text.contains(where: isLineEnd) else { return text }
        var out = ""
        var pendingBreak = false
        var spaces = ""
        for character in text {
            if isLineEnd(character) {
                pendingBreak = true
                spaces = ""
            } else if character == " " || character == "\t" {
                spaces.append(character)
            } else {
                if pendingBreak {
                    out.append(" ")
                } else {
                    out += spaces
                }
                pendingBreak = false
                spaces = ""
                out.append(character)
            }
        }
        if pendingBreak { out.append(" ") } else { out += spaces }
        return out
    }
}
