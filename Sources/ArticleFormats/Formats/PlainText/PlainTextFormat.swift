// copydesk — ArticleFormats / plain text
// Plain text: what it can do. It has no sniffer: it is what an input is when nothing else fits.

import ArticleModel

extension FormatDescriptor {
    /// Plain text as scraped from web pages or typed.
    static let text = FormatDescriptor(
        name: "text", title: "plain text", summary: "plain text, as scraped from web pages or typed",
        extensions: ["txt", "text"], mediaType: "text/plain; charset=utf-8",
        capabilities: FormatCapabilities(articles: .one), reader: PlainTextReader())
}
