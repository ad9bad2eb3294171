// copydesk — ArticleFormats / NewsML-G2 reader
// A NewsML-G2 newsItem back into the canonical article, for round trips and other producers' files.

import ArticleModel

// MARK: - NewsMLG2Reader

/// Reads a NewsML-G2 `newsItem` through libxml2 (no network, no DTD loading, no entity
/// substitution): headlines, bylines (`creator` and `by`), dates, dateline, language, keywords,
/// highlights (summary descriptions) and an XHTML body in `inlineXML`, with the quotes and
/// speakers copydesk's writer marks up.
public struct NewsMLG2Reader: ArticleReader {
    public init() {}

    public func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let text = try TextDecoding.decode(input.bytes, options: options, file: input.file)
        let root = try XMLTree.parse(text, file: input.file, maxDepth: options.limits.maxDepth)
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
                article.bylines.append(Byline(name: printed, raw: printed))
            }
        }
    }

    // MARK: Body

    mutating func block(_ element: XMLElement) {
        let index = article.body.count
        let here = location(element)
        switch element.name {
        case "p":
            article.body.append(.paragraph(Paragraph(inlines(element, blockIndex: index), location: here)))
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = Int(element.name.dropFirst()) ?? 2
            article.body.append(.heading(Heading(level: level, inlines(element, blockIndex: index), location: here)))
        case "ul", "ol":
            var items: [ListItem] = []
            for item in element.elements("li") {
                items.append(ListItem(inlines(item, blockIndex: index), location: location(item)))
            }
            let speaker = element.attribute("speaker", namespace: NewsMLG2.copydesk).map {
                Speaker(
                    name: $0, mention: element.attribute("mention", namespace: NewsMLG2.copydesk),
                    role: element.attribute("role", namespace: NewsMLG2.copydesk))
            }
            article.body.append(
                .list(ListBlock(ordered: element.name == "ol", items: items, speaker: speaker, location: here)))
        case "blockquote":
            let paragraphs = element.elements("p")
            var content: [Inline] = []
            for (number, paragraph) in paragraphs.enumerated() {
                if number > 0 { content.append(.lineBreak) }
                content += inlines(paragraph, blockIndex: index)
            }
            if paragraphs.isEmpty { content = inlines(element, blockIndex: index) }
            let attribution = element.first("footer").map { $0.first("cite")?.text ?? $0.text }
            let isPull = (element.attribute("class") ?? "").split(separator: " ").contains("pullquote")
            article.body.append(
                isPull
                    ? .pullQuote(PullQuote(content, attribution: attribution, location: here))
                    : .blockquote(Blockquote(content, attribution: attribution, location: here)))
            if let quote = quote(
                from: element, text: content.plainText, kind: isPull ? .pull : .block, blockIndex: index)
            {
                article.quotes.append(quote)
            }
        case "figure":
            guard let image = element.first("img"), let src = image.attribute("src") else { return }
            let caption = element.first("figcaption")
            let credit = caption?.elements("span").first { $0.attribute("class") == "credit" }?.text
            let captionText = caption.map { figcaption in
                figcaption.children.compactMap { child -> String? in
                    switch child {
                    case .text(let text): return text
                    case .element(let inner): return inner.attribute("class") == "credit" ? nil : inner.text
                    }
                }.joined()
            }
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
            article.body.append(.rule(Rule(location: here)))
        case "div", "section", "article":
            for child in element.elements() { block(child) }
        default:
            let content = inlines(element, blockIndex: index)
            if !content.plainText.trimmingWhitespace().isEmpty {
                article.body.append(.paragraph(Paragraph(content, location: here)))
            }
        }
    }

    /// A quote carried in copydesk's attributes.
    func quote(from element: XMLElement, text: String, kind: Quote.Kind, blockIndex: Int) -> Quote? {
        let attribute = { (name: String) in element.attribute(name, namespace: NewsMLG2.copydesk) }
        guard attribute("speaker") != nil || attribute("quote") != nil || attribute("cue") != nil else { return nil }
        let speaker = attribute("speaker").map {
            Speaker(name: $0, mention: attribute("mention"), role: attribute("role"))
        }
        return Quote(
            text: text, speaker: speaker, cue: attribute("cue"), kind: kind,
            attribution: attribute("attribution").flatMap(Quote.Attribution.init(rawValue:)), blockIndex: blockIndex,
            location: location(element))
    }

    mutating func inlines(_ element: XMLElement, blockIndex: Int) -> [Inline] {
        var out: [Inline] = []
        for child in element.children {
            switch child {
            case .text(let text):
                out.append(.text(text))
            case .element(let inner):
                switch inner.name {
                case "em", "i": out.append(.emphasis(inlines(inner, blockIndex: blockIndex)))
                case "strong", "b": out.append(.strong(inlines(inner, blockIndex: blockIndex)))
                case "a":
                    let content = inlines(inner, blockIndex: blockIndex)
                    if let href = inner.attribute("href") {
                        out.append(.link(url: href, content: content))
                    } else {
                        out += content
                    }
                case "br": out.append(.lineBreak)
                case "q":
                    let content = inlines(inner, blockIndex: blockIndex)
                    if inner.attribute("quote", namespace: NewsMLG2.copydesk) == "true",
                        let quote = quote(from: inner, text: content.plainText, kind: .direct, blockIndex: blockIndex)
                    {
                        article.quotes.append(quote)
                    }
                    if let open = inner.attribute("open", namespace: NewsMLG2.copydesk) {
                        let close = inner.attribute("close", namespace: NewsMLG2.copydesk) ?? ""
                        out.append(.quotation(Quotation(open: open, close: close, content: content)))
                    } else if inner.attribute("quote", namespace: NewsMLG2.copydesk) == "true" {
                        out += content
                    } else {
                        out.append(.quotation(Quotation(content: content)))
                    }
                default:
                    out += inlines(inner, blockIndex: blockIndex)
                }
            }
        }
        return LightMarkdown.merged(out)
    }
}
