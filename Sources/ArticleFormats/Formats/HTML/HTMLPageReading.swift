// copydesk — HTML reader
// A page copydesk's HTML writer wrote, read back exactly: its JSON-LD, its header and its body element.

import ArticleModel

// MARK: - copydesk's own pages

extension HTMLReader {
    /// The article of a page the HTML writer wrote, or `nil` for any other page.
    ///
    /// Such a page says so (`<meta name="generator" content="copydesk">`) and holds one schema.org
    /// `NewsArticle` in JSON-LD and the body in `<div class="article-body">`. Nothing in it is page
    /// furniture, so nothing is looked for or left out: the metadata comes from the JSON-LD as it
    /// is (no entity decoding or white-space folding, which other pages' JSON-LD needs), the dates'
    /// printed text from the header's `<time>`, the highlights and the dateline's place and date from
    /// the header, and the body element is read whole, with copydesk's quote markup. A page that
    /// lacks any of the three is read as any page is.
    static func copydeskPage(_ document: HTMLDocument, file: String?) -> Article? {
        let isOwn = document.elements(named: ["meta"]).contains { index in
            let node = document.nodes[index]
            return node.attribute("name")?.lowercased() == "generator"
                && node.attribute("content")?.trimmingWhitespace() == HTMLPage.generator
        }
        guard isOwn,
            let script = document.elements(named: ["script"]).first(where: {
                document.nodes[$0].attribute("type")?.lowercased() == "application/ld+json"
            })
        else { return nil }
        var parser = JSONParser(text: document.text(of: script), file: file)
        guard case .object(let data)? = try? parser.parse(), data["@type"] == .string("NewsArticle"),
            let body = document.elements(named: ["div"]).first(where: { index in
                HTMLBlockBuilder.hasClass(document.nodes[index], HTMLPage.bodyClass)
            })
        else { return nil }
        let line = document.nodes[script].line
        let here = line > 0 ? SourceLocation(file: file, line: line, column: 1) : nil
        let string = { (key: String) -> String? in
            if case .string(let text)? = data[key] { return text }
            return nil
        }
        /// The first header element of the class.
        let element = { (name: String) -> Int? in
            document.elements(named: ["p", "ul", "time", "span"]).first { index in
                HTMLBlockBuilder.hasClass(document.nodes[index], name)
                    && !document.isInside(index, body)
            }
        }

        var article = Article()
        article.headline = string("headline")
        article.subheadline = string("description")
        if let list = element("highlights") {
            article.highlights = document.elements(in: list).filter { document.nodes[$0].name == "li" }.map {
                document.text(of: $0).foldingWhitespace()
            }
        }
        if case .array(let authors)? = data["author"] {
            article.bylines = authors.compactMap { Self.byline($0, location: here) }
        }
        // An organisation's role and affiliation (schema.org has none) as the byline prints them.
        if let line = element("byline") {
            let printed = document.elements(in: line).filter {
                HTMLBlockBuilder.hasClass(document.nodes[$0], "author")
            }
            let part = { (author: Int, name: String) -> String? in
                document.elements(in: author).first { index in
                    HTMLBlockBuilder.hasClass(document.nodes[index], name)
                }
                .map { document.text(of: $0).foldingWhitespace() }
            }
            let named = article.bylines.indices.filter { !article.bylines[$0].name.foldingWhitespace().isEmpty }
            for (index, author) in zip(named, printed) where article.bylines[index].kind == .organization {
                article.bylines[index].role = part(author, "role")
                article.bylines[index].affiliation = part(author, "affiliation")
            }
        }
        article.published = date(printedIn: element("published"), value: string("datePublished"), document, here)
        article.modified = date(printedIn: element("modified"), value: string("dateModified"), document, here)
        article.language = string("inLanguage")
        article.section = string("articleSection")
        if case .array(let keywords)? = data["keywords"] {
            article.keywords = keywords.compactMap { if case .string(let text) = $0 { text } else { nil } }
        }
        if let raw = string("dateline") {
            let node = element("dateline").map { document.nodes[$0] }
            article.dateline = Dateline(
                place: node?.attribute("data-place"), date: node?.attribute("data-date"), raw: raw)
        }
        var source = ArticleSource(url: string("url"), format: "html", file: file, credit: string("creditText"))
        if case .object(let publisher)? = data["publisher"], case .string(let name)? = publisher["name"] {
            source.publisher = name
        }
        source.id = string("identifier")
        article.source = source
        if let notice = string("copyrightNotice") { article.extensions["copyright"] = .string(notice) }

        var builder = HTMLBlockBuilder(document: document, file: file) { _ in false }
        builder.add(body)
        builder.finish()
        article.body = builder.blocks
        // Only the body's quote markup: everything outside it, but the elements holding it, is skipped.
        article.quotes = HTMLBlockBuilder.anchoredQuotes(in: document, body: article.body, file: file) {
            !(document.isInside($0, body) || document.isInside(body, $0))
        }
        return article
    }

    /// A JSON-LD author: a `Person` or an `Organization` with its `jobTitle` and `affiliation`.
    private static func byline(_ value: JSONValue, location: SourceLocation?) -> Byline? {
        guard case .object(let author) = value, case .string(let name)? = author["name"] else { return nil }
        var byline = Byline(
            name: name, kind: author["@type"] == .string("Organization") ? .organization : .person, origin: .field,
            location: location)
        if case .string(let role)? = author["jobTitle"] { byline.role = role }
        switch author["affiliation"] {
        case .string(let affiliation)?: byline.affiliation = affiliation
        case .object(let organization)?:
            if case .string(let affiliation)? = organization["name"] { byline.affiliation = affiliation }
        default: break
        }
        return byline
    }

    /// A date as the header prints it, with the value the JSON-LD gives.
    private static func date(
        printedIn element: Int?, value: String?, _ document: HTMLDocument, _ location: SourceLocation?
    ) -> ArticleDate? {
        let printed = element.map { document.text(of: $0) }
        guard printed != nil || value != nil else { return nil }
        return ArticleDate(
            text: printed ?? value ?? "", value: value.flatMap { DateParser.parse($0) }, location: location)
    }
}
