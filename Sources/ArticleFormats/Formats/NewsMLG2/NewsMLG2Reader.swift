// copydesk — ArticleFormats / NewsML-G2 reader
// A NewsML-G2 newsItem back into the canonical article, for round trips and other producers' files.

import ArticleModel

// MARK: - NewsMLG2Reader

/// Reads a NewsML-G2 `newsItem` through libxml2 (no network, no DTD loading, no entity
/// substitution): headlines, bylines (`creator` and `by`), dates, dateline, language, keywords,
/// highlights (summary descriptions) and an XHTML body in `inlineXML`, with the quotes and
/// speakers copydesk's writer marks up.
package struct NewsMLG2Reader: ArticleReader {
    package init() {}

    package func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let root = try XMLTree.parse(input, options: options)
        guard root.name == "newsItem", root.namespace == NewsMLG2.namespace else {
            throw FormatError(
                id: "newsml.root",
                message: "the root element is <\(root.name)>, not a NewsML-G2 <newsItem> in \(NewsMLG2.namespace)",
                location: SourceLocation(file: input.file, line: root.line, column: 1), file: input.file ?? "<stdin>",
                hint: "copydesk reads NewsML-G2 news items; a newsMessage must be split into its items first")
        }
        var reader = Mapper(file: input.file)
        let article = reader.article(from: root)
        return ReadResult(articles: [article], diagnostics: reader.diagnostics)
    }
}

// MARK: - Mapping

private struct Mapper {
    let file: String?
    var diagnostics: [Diagnostic] = []
    var article = Article()

    init(file: String?) {
        self.file = file
    }

    func location(_ element: XMLElement) -> SourceLocation {
        SourceLocation(file: file, line: element.line, column: 1)
    }

    mutating func article(from root: XMLElement) -> Article {
        article.language = root.attribute("lang", namespace: "http://www.w3.org/XML/1998/namespace")
        var versionCreated: XMLElement?
        var firstCreated: XMLElement?
        if let meta = root.first("itemMeta") {
            if let provider = meta.first("provider")?.attribute("literal"), provider != "copydesk" {
                article.source = ArticleSource(publisher: provider)
            }
            if let link = meta.first("link")?.attribute("href") {
                var source = article.source ?? ArticleSource()
                source.url = link
                article.source = source
            }
            versionCreated = meta.first("versionCreated")
            firstCreated = meta.first("firstCreated")
        }
        if let content = root.first("contentMeta") { contentMeta(content) }
        if article.published == nil, let first = firstCreated { article.published = date(first) }
        if article.modified == nil, let version = versionCreated, version.text != firstCreated?.text,
            version.text != "1970-01-01T00:00:00Z"
        {
            article.modified = date(version)
        }
        if let body = root.first("contentSet")?.elements("inlineXML")
            .compactMap({ $0.first("html")?.first("body") ?? $0.first("body") }).first
        {
            for element in body.elements() { block(element) }
            flushLabel()
        }
        return article
    }

    func date(_ element: XMLElement) -> ArticleDate {
        ArticleDate(parsing: element.text, location: location(element))
    }

    mutating func contentMeta(_ meta: XMLElement) {
        var printedBylines: [String] = []
        for element in meta.elements() {
            switch element.name {
            case "contentCreated": article.published = date(element)
            case "contentModified": article.modified = date(element)
            case "located":
                let place = element.first("name")?.text ?? element.attribute("literal")
                if let place {
                    var dateline = article.dateline ?? Dateline(raw: place)
                    dateline.place = place
                    article.dateline = dateline
                }
            case "creator", "contributor":
                let name = element.first("name")?.text ?? element.attribute("literal") ?? ""
                guard !name.isEmpty else { continue }
                let kind: Byline.Kind = (element.attribute("type") ?? "").contains("organ") ? .organization : .person
                article.bylines.append(Byline(name: name, kind: kind, location: location(element)))
            case "language":
                if let tag = element.attribute("tag") { article.language = tag }
            case "keyword": article.keywords.append(element.text)
            case "subject":
                if article.section == nil {
                    article.section = element.first("name")?.text ?? element.attribute("literal")
                }
            case "headline":
                if element.attribute("role") == nil || element.attribute("role") == "hdlr:main" {
                    article.headline = element.text
                } else if article.subheadline == nil {
                    article.subheadline = element.text
                }
            case "dateline":
                var dateline = article.dateline ?? Dateline(raw: element.text)
                dateline.raw = element.text
                article.dateline = dateline
            case "by": printedBylines.append(element.text)
            case "description":
                if element.attribute("role") == NewsMLG2.summaryRole || element.attribute("role") == nil {
                    article.highlights.append(element.text)
                }
            default: break
            }
        }
        // `by` is the byline as printed: `Name, Role | Affiliation`, one per creator in order.
        for (index, printed) in printedBylines.enumerated() {
            if index < article.bylines.count {
                var byline = article.bylines[index]
                var rest = printed
                if rest.hasPrefix(byline.name) { rest.removeFirst(byline.name.count) }
                if let bar = rest.range(of: " | ") {
                    byline.affiliation = String(rest[bar.upperBound...])
                    rest = String(rest[..<bar.lowerBound])
                }
                if rest.hasPrefix(", ") { byline.role = String(rest.dropFirst(2)) }
                article.bylines[index] = byline
            } else {
                article.bylines.append(Byline(name: printed, raw: printed, origin: .printed))
            }
        }
    }

    // MARK: Body

    /// A `<p class="list-label">` waiting to see whether a list follows it.
    var pendingLabel: (text: String, element: XMLElement)?

    mutating func flushLabel() {
        guard let label = pendingLabel else { return }
        pendingLabel = nil
        article.body.append(.paragraph(Paragraph(text: label.text, location: location(label.element))))
    }

    static func classes(_ element: XMLElement) -> [Substring] {
        (element.attribute("class") ?? "").split(separator: " ")
    }

    mutating func block(_ element: XMLElement) {
        let here = location(element)
        if element.name == "p", Self.classes(element).contains("list-label") {
            flushLabel()
            pendingLabel = (element.text, element)
            return
        }
        let label = ["ul", "ol"].contains(element.name) ? pendingLabel?.text : nil
        if label != nil { pendingLabel = nil } else { flushLabel() }
        switch element.name {
        case "p":
            article.body.append(.paragraph(Paragraph(inlines(element), location: here)))
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = Int(element.name.dropFirst()) ?? 2
            article.body.append(.heading(Heading(level: level, inlines(element), location: here)))
        case "ul", "ol":
            var items: [ListItem] = []
            for item in element.elements("li") {
                items.append(ListItem(inlines(item), location: location(item)))
            }
            let speaker = element.attribute("speaker", namespace: NewsMLG2.copydesk).map {
                Speaker(
                    name: $0, mention: element.attribute("mention", namespace: NewsMLG2.copydesk),
                    role: element.attribute("role", namespace: NewsMLG2.copydesk))
            }
            article.body.append(
                .list(
                    ListBlock(
                        ordered: element.name == "ol", items: items, label: label, speaker: speaker, location: here)))
        case "blockquote":
            // copydesk 0.1 wrote pull quotes as `<blockquote class="pullquote">` with a `<footer>`.
            setApart(
                element, attribution: element.first("footer").map { $0.first("cite")?.text ?? $0.text },
                isPull: Self.classes(element).contains("pullquote"), at: here)
        case "aside" where Self.classes(element).contains("pullquote"):
            if let figure = element.first("figure"), let quote = figure.first("blockquote") {
                setApart(quote, attribution: Self.citation(figure), isPull: true, at: here)
            } else if let quote = element.first("blockquote") {
                setApart(quote, attribution: nil, isPull: true, at: here)
            } else {
                for child in element.elements() { block(child) }
            }
        case "figure":
            if let quote = element.first("blockquote") {
                setApart(quote, attribution: Self.citation(element), isPull: false, at: here)
                return
            }
            guard let image = element.first("img"), let src = image.attribute("src") else { return }
            let caption = element.first("figcaption")
            let isCredit = { (inner: XMLElement) in
                ["span", "small"].contains(inner.name) && Self.classes(inner).contains("credit")
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
            article.body.append(
                .image(
                    Image(
                        src: src, alt: alt?.isEmpty == true ? nil : alt,
                        caption: captionText?.isEmpty == true ? nil : captionText, credit: credit, location: here)))
        case "img":
            if let src = element.attribute("src") {
                article.body.append(.image(Image(src: src, alt: element.attribute("alt"), location: here)))
            }
        case "hr":
            article.body.append(.rule(HorizontalRule(location: here)))
        case "div", "section", "article", "aside":
            for child in element.elements() { block(child) }
        default:
            let content = inlines(element)
            if !content.plainText.trimmingWhitespace().isEmpty {
                article.body.append(.paragraph(Paragraph(content, location: here)))
            }
        }
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
        article.body.append(
            isPull
                ? .pullQuote(PullQuote(content, attribution: attribution, quoteID: id, location: here))
                : .blockquote(Blockquote(content, attribution: attribution, quoteID: id, location: here)))
    }

    /// Lists the quote copydesk's attributes on an anchor describe, and returns its id when the
    /// anchor carries one (`cd:quote="q3"`). A continuation of a quotation already listed adds its
    /// words. Files of copydesk 0.1 (`cd:quote="true"`, or speaker attributes alone) give a quote
    /// with a new id and no anchor, which the analyser anchors where its words stand.
    mutating func quote(from element: XMLElement, text: String, kind: Quote.Kind) -> String? {
        let attribute = { (name: String) in element.attribute(name, namespace: NewsMLG2.copydesk) }
        let marker = attribute("quote")
        let anchor = marker.flatMap { $0 == "true" || $0.isEmpty ? nil : $0 }
        if let anchor, let index = article.quotes.firstIndex(where: { $0.id == anchor }) {
            // A quotation's later part, or a set-apart quote whose inner quotation was read first.
            article.quotes[index].text += " " + text.trimmingWhitespace()
            if article.quotes[index].speaker == nil, let name = attribute("speaker") {
                article.quotes[index].speaker = Speaker(
                    name: name, mention: attribute("mention"), role: attribute("role"))
                article.quotes[index].cue = attribute("cue")
                article.quotes[index].attribution = attribute("attribution").flatMap(Quote.Attribution.init(rawValue:))
            }
            return anchor
        }
        guard marker != nil || attribute("speaker") != nil || attribute("cue") != nil else { return nil }
        let speaker = attribute("speaker").map {
            Speaker(name: $0, mention: attribute("mention"), role: attribute("role"))
        }
        article.quotes.append(
            Quote(
                id: anchor ?? article.nextQuoteID(), text: text.trimmingWhitespace(), speaker: speaker,
                cue: attribute("cue"), kind: kind,
                attribution: attribute("attribution").flatMap(Quote.Attribution.init(rawValue:)),
                location: location(element)))
        return anchor
    }

    mutating func inlines(_ element: XMLElement) -> [Inline] {
        var out: [Inline] = []
        for child in element.children {
            switch child {
            case .text(let text):
                out.append(.text(text))
            case .element(let inner):
                switch inner.name {
                case "em", "i": out.append(.emphasis(inlines(inner)))
                case "strong", "b": out.append(.strong(inlines(inner)))
                case "a":
                    let content = inlines(inner)
                    if let href = inner.attribute("href") {
                        out.append(.link(url: href, content: content))
                    } else {
                        out += content
                    }
                case "br": out.append(.lineBreak)
                case "q":
                    let content = inlines(inner)
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
                    out += inlines(inner)
                }
            }
        }
        return LightMarkdown.merged(out)
    }
}
