// copydesk — ArticleFormats / NewsML-G2 reader
// NewsML 1.x, the format NewsML-G2 replaced, still in agencies' archives: its news items read
// with the same body reading as a G2 item's content.

import ArticleModel

// MARK: - NewsML1

/// Reads the `NewsItem`s of a NewsML 1.x document (`<NewsML>`): identification and management
/// dates, the news lines (headline, subheadline, by line, dateline, credit, copyright, slug),
/// language and provider, and the text of its content items (`DataContent` holding NITF, XHTML
/// or text), media content items as images.
enum NewsML1 {
    static func read(_ root: XMLElement, file: String?) throws(FormatError) -> ReadResult {
        var articles: [Article] = []
        var diagnostics: [Diagnostic] = [
            Diagnostic(
                id: "newsml.version", severity: .note,
                message: "this is NewsML 1.x (root element <NewsML>), read by its news lines and content items",
                location: SourceLocation(file: file, line: root.line, column: 1))
        ]
        for element in root.elements("NewsItem") {
            var item = NewsMLG2Item(file: file)
            if let article = item.newsML1Article(from: element) {
                articles.append(article)
            }
            diagnostics += item.diagnostics
        }
        guard !articles.isEmpty else {
            throw FormatError(
                id: "newsml.no-text", message: "the NewsML 1.x document holds no news item with a headline or text",
                location: SourceLocation(file: file, line: root.line, column: 1), file: file ?? "<stdin>",
                hint: "a NewsML 1 item carries its text in NewsComponent/ContentItem/DataContent")
        }
        return ReadResult(articles: articles, diagnostics: diagnostics)
    }
}

extension NewsMLG2Item {
    /// The article of a NewsML 1.x `NewsItem`, or `nil` when it has neither headline nor text.
    mutating func newsML1Article(from item: XMLElement) -> Article? {
        let identifier = item.first("Identification")?.first("NewsIdentifier")
        var source = ArticleSource()
        source.id = identifier?.first("PublicIdentifier")?.text.layoutFolded
        if let provider = identifier?.first("ProviderId")?.text.layoutFolded, !provider.isEmpty {
            source.publisher = provider
        }
        let management = item.first("NewsManagement")
        if let first = management?.first("FirstCreated") {
            article.published = ArticleDate(parsing: first.text, location: location(first), provenance: "FirstCreated")
        }
        if let revision = management?.first("ThisRevisionCreated"),
            revision.text != management?.first("FirstCreated")?.text
        {
            article.modified = ArticleDate(
                parsing: revision.text, location: location(revision), provenance: "ThisRevisionCreated")
        }
        article.source = source
        var blocks: [Block] = []
        var quotes: [Quote] = []
        if let component = item.first("NewsComponent") {
            self.component(component, blocks: &blocks, quotes: &quotes)
        }
        article.body = blocks
        article.quotes = quotes
        if article.source == ArticleSource() { article.source = nil }
        guard article.headline != nil || !article.body.isEmpty else {
            refusal = FormatError(
                id: "newsml.no-text", message: "the NewsML 1.x news item has neither a headline nor text",
                location: location(item), file: file ?? "<stdin>")
            return nil
        }
        return article
    }

    /// A news component: its news lines and metadata (the outermost's win), then its content
    /// items and nested components in order.
    private mutating func component(_ component: XMLElement, blocks: inout [Block], quotes: inout [Quote]) {
        if let lines = component.first("NewsLines") {
            for line in lines.elements() {
                let text = line.text.layoutFolded
                guard !text.isEmpty else { continue }
                switch line.name {
                case "HeadLine": if article.headline == nil { article.headline = text }
                case "SubHeadLine": if article.subheadline == nil { article.subheadline = text }
                case "ByLine":
                    article.bylines.append(Byline(name: text, raw: text, origin: .printed, location: location(line)))
                case "DateLine": if article.dateline == nil { article.dateline = Dateline(raw: text) }
                case "CreditLine": if article.source?.credit == nil { article.source?.credit = text }
                case "CopyrightLine": article.extensions[ExtensionKey.copyright] = .string(text)
                case "SlugLine": article.extensions[ExtensionKey.slugline] = .string(text)
                case "KeywordLine": article.keywords.append(text)
                default: break
                }
            }
        }
        if article.language == nil,
            let language = component.first("DescriptiveMetadata")?.first("Language")?.attribute("FormalName")
        {
            article.language = language
        }
        if let party = component.first("AdministrativeMetadata")?.first("Provider")?.first("Party")?
            .attribute("FormalName"), !party.isEmpty
        {
            article.source?.publisher = party
        }
        for child in component.elements() {
            switch child.name {
            case "NewsComponent":
                self.component(child, blocks: &blocks, quotes: &quotes)
            case "ContentItem":
                contentItem(child, blocks: &blocks, quotes: &quotes)
            default:
                break
            }
        }
    }

    /// A content item: text in `DataContent` read as a G2 item's inline content is; a media item
    /// with an `Href` as an image.
    private mutating func contentItem(_ item: XMLElement, blocks: inout [Block], quotes: inout [Quote]) {
        let mediaType = item.first("MediaType")?.attribute("FormalName")?.lowercased() ?? "text"
        if mediaType == "photo" || mediaType == "graphic", let href = item.attribute("Href") {
            blocks.append(.image(Image(src: href, location: location(item))))
            return
        }
        guard let data = item.first("DataContent") else { return }
        let inline = XMLElement(
            name: "inlineXML", namespace: nil,
            attributes: ["contenttype": item.first("Format")?.attribute("FormalName") ?? ""],
            children: data.children, line: data.line)
        let contentSet = XMLElement(
            name: "contentSet", namespace: nil, attributes: [:], children: [.element(inline)], line: data.line)
        var body = NewsMLG2Body(file: file, known: article.headline.map { [$0.foldingWhitespace()] } ?? [])
        body.read(contentSet, isMedia: false, caption: nil)
        blocks += body.blocks
        quotes += body.quotes
        diagnostics += body.diagnostics
        if let inner = body.embedded {
            if article.headline == nil { article.headline = inner.headline }
            if article.bylines.isEmpty { article.bylines = inner.bylines }
        }
    }
}
