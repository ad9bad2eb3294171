// copydesk — ArticleFormats / HTML
// The HTML format: what it can do and how its content is recognised.

import ArticleModel

extension FormatDescriptor {
    /// HTML pages and CMS exports read (the story is found among the page furniture); a standalone
    /// article page written, or its body alone with `--html-fragment`.
    static let html = FormatDescriptor(
        name: "html", title: "HTML",
        summary: "HTML: web pages and CMS exports read (the story found among the furniture); article pages written",
        extensions: ["html", "htm", "xhtml"], mediaType: "text/html; charset=utf-8",
        capabilities: FormatCapabilities(
            holdsComments: true, articles: .one,
            carries: ArticleField.everything.subtracting([.dateMentions, .extensions])),
        sniffer: HTMLFormat.sniff, reader: HTMLReader(), writer: HTMLPageWriter())
}

/// Recognising HTML.
enum HTMLFormat {
    /// Elements that open an HTML fragment (a page without `<html>`, as CMS exports give).
    static let fragmentStarts = [
        "p", "div", "article", "section", "main", "header", "h1", "h2", "h3", "table", "ul", "span", "a", "img",
        "figure", "blockquote", "body", "head", "meta", "title", "link", "script", "style",
    ]

    /// Certain for a document that declares `<!DOCTYPE html>` or whose root element is `<html>`;
    /// likely for markup that starts with an HTML element. Other XML (a feed, a news item) is not HTML.
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        guard let root = sample.markup else { return nil }
        if root.doctype == "html" { return SniffMatch(.certain, "it declares <!DOCTYPE html>") }
        let name = root.name.lowercased()
        if name == "html" { return SniffMatch(.certain, "its root element is <html>") }
        guard root.namespace == nil || root.namespace == "http://www.w3.org/1999/xhtml", !root.hasXMLDeclaration,
            fragmentStarts.contains(name)
        else { return nil }
        return SniffMatch(.likely, "it starts with an HTML element, <\(name)>")
    }
}
