// copydesk — ArticleFormats / feeds
// What XML feeds share: the namespaces of their extension modules (Dublin Core, content, Media
// RSS), pictures and dates as those modules give them, and XHTML content written back as markup.

import ArticleModel

// MARK: - Namespaces

/// The namespaces of the modules RSS and Atom feeds use.
enum FeedNamespace {
    static let atom = "http://www.w3.org/2005/Atom"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let dublinCoreTerms = "http://purl.org/dc/terms/"
    static let xhtml = "http://www.w3.org/1999/xhtml"

    /// Media RSS, with and without the trailing slash feeds write it with.
    static func isMedia(_ namespace: String?) -> Bool {
        guard let namespace else { return false }
        return namespace.hasPrefix("http://search.yahoo.com/mrss")
    }
}

// MARK: - XMLElement helpers

extension XMLElement {
    /// The first child with this local name in this namespace.
    func first(_ name: String, namespace: String?) -> XMLElement? {
        elements(name).first { $0.namespace == namespace }
    }

    /// The first child with this local name that `predicate` accepts.
    func first(_ name: String, where predicate: (XMLElement) -> Bool) -> XMLElement? {
        elements(name).first(where: predicate)
    }

    /// The children with this local name in this namespace.
    func elements(_ name: String, namespace: String?) -> [XMLElement] {
        elements(name).filter { $0.namespace == namespace }
    }

    /// The text inside, white space folded and trimmed; `nil` when there is none.
    var trimmedText: String? {
        let text = text.foldingWhitespace().trimmingWhitespace()
        return text.isEmpty ? nil : text
    }

    /// Where the element starts in `file`.
    func location(in file: String?) -> SourceLocation? {
        line > 0 ? SourceLocation(file: file, line: line, column: 1) : nil
    }

    /// The element's children as markup (XHTML content carried inline, Atom's `type="xhtml"`):
    /// local names, attributes and escaped text, empty HTML elements closed in place.
    var innerMarkup: String {
        var out = ""
        var replaced = 0
        for child in children {
            switch child {
            case .text(let text): out += XMLText.escape(text, replaced: &replaced)
            case .element(let element): out += element.outerMarkup
            }
        }
        return out
    }

    /// The element itself as markup.
    var outerMarkup: String {
        var replaced = 0
        var attributes = ""
        for key in self.attributes.keys.sorted() where !key.hasPrefix("{") {
            attributes +=
                " \(key)=\"\(XMLText.escape(self.attributes[key] ?? "", attribute: true, replaced: &replaced))\""
        }
        if children.isEmpty, XMLElement.voidElements.contains(name.lowercased()) {
            return "<\(name)\(attributes)/>"
        }
        return "<\(name)\(attributes)>\(innerMarkup)</\(name)>"
    }

    /// HTML's elements without content.
    static let voidElements: Set<String> = ["br", "hr", "img", "wbr", "col", "source", "track", "area", "input"]
}

// MARK: - Modules

/// Reading the extension modules RSS and Atom items share.
enum FeedModules {
    /// `content:encoded` (RSS's full text), when it holds anything.
    static func encodedContent(of item: XMLElement, file: String?) -> FeedText? {
        guard let element = item.first("encoded", namespace: FeedNamespace.content) else { return nil }
        let text = FeedText(element.text, kind: .html, location: element.location(in: file))
        return text.isBlank ? nil : text
    }

    /// Dublin Core creators, each as given.
    static func creators(of item: XMLElement) -> [String] {
        item.elements("creator", namespace: FeedNamespace.dublinCore).compactMap(\.trimmedText)
    }

    /// A date of the item's: its text as given, parsed (RFC 822 or ISO 8601), with where it came from.
    static func date(_ element: XMLElement?, provenance: String, file: String?) -> ArticleDate? {
        guard let element, let text = element.trimmedText else { return nil }
        return ArticleDate(parsing: text, location: element.location(in: file), provenance: provenance)
    }

    /// Whether a category's `domain` (RSS) or `scheme` (Atom) says it is the section: `section`, alone
    /// or as the last part of a URL (`https://copydesk.dev/ns/section`, as copydesk writes it).
    static func namesSection(_ scheme: String?) -> Bool {
        guard let scheme = scheme?.lowercased(), !scheme.isEmpty else { return false }
        let last = scheme.split(separator: "/").last.map(String.init) ?? scheme
        return last == "section"
    }

    /// Whether a URL or a media type names a picture.
    static func isImage(type: String?, medium: String?, url: String) -> Bool {
        if let medium = medium?.lowercased(), !medium.isEmpty { return medium == "image" }
        if let type = type?.lowercased(), !type.isEmpty { return type.hasPrefix("image/") }
        let path = url.lowercased().split(separator: "?").first.map(String.init) ?? ""
        return [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"].contains { path.hasSuffix($0) }
    }

    /// Media RSS pictures (`media:content`, in a `media:group` too, with `media:description` or
    /// `media:title` as the caption and `media:credit`), then `media:thumbnail` when there is no
    /// other; media that are not pictures become alternatives.
    static func media(of item: XMLElement, into feedItem: inout FeedItem, file: String?) {
        var thumbnails: [Image] = []
        func caption(_ element: XMLElement, _ parent: XMLElement?) -> String? {
            for holder in [element, parent].compactMap({ $0 }) {
                for name in ["description", "title"] {
                    if let text = holder.elements(name).first(where: { FeedNamespace.isMedia($0.namespace) })?
                        .trimmedText
                    {
                        return FeedArticles.plainText(ofHTML: text)
                    }
                }
            }
            return nil
        }
        func credit(_ element: XMLElement, _ parent: XMLElement?) -> String? {
            [element, parent].compactMap { $0 }.lazy.compactMap {
                $0.elements("credit").first(where: { FeedNamespace.isMedia($0.namespace) })?.trimmedText
            }.first
        }
        func visit(_ element: XMLElement, parent: XMLElement?) {
            for child in element.elements() where FeedNamespace.isMedia(child.namespace) {
                switch child.name {
                case "group":
                    visit(child, parent: child)
                case "content":
                    guard let url = child.attribute("url"), !url.isEmpty else { continue }
                    if isImage(type: child.attribute("type"), medium: child.attribute("medium"), url: url) {
                        feedItem.addImage(
                            Image(
                                src: url, caption: caption(child, parent), credit: credit(child, parent),
                                location: child.location(in: file)))
                    } else {
                        feedItem.addAlternative(
                            type: child.attribute("type") ?? child.attribute("medium"), href: url,
                            text: caption(child, parent))
                    }
                case "thumbnail":
                    if let url = child.attribute("url"), !url.isEmpty {
                        thumbnails.append(
                            Image(src: url, caption: caption(child, parent), location: child.location(in: file)))
                    }
                default:
                    continue
                }
            }
        }
        visit(item, parent: nil)
        if feedItem.images.isEmpty, let thumbnail = thumbnails.first { feedItem.addImage(thumbnail) }
    }
}
