// copydesk — HTML reader
// Headline, bylines, dates, language, section, keywords and source from the sources a page offers.

import ArticleModel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - HTMLMetadata

/// Gathers metadata from JSON-LD, meta tags, microdata and markup, best source first, and
/// records where each field came from in `extensions.provenance`.
struct HTMLMetadata {
    let document: HTMLDocument
    let file: String?
    private var provenance: [String: JSONValue] = [:]
    /// `name`/`property`/`itemprop` of each `<meta>`, lowercased, with its contents in order.
    private var meta: [String: [(value: String, line: Int)]] = [:]
    /// JSON-LD objects whose type is an article type.
    private var ldArticles: [[String: JSONValue]] = []
    /// Every JSON-LD object (for publisher or author lookups by `@id`).
    private var ldObjects: [[String: JSONValue]] = []
    private var ldLine = 0
    private var ldScriptLine = 0

    static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "socialmediaposting", "liveblogposting",
        "techarticle", "scholarlyarticle", "report", "webpage",
    ]

    init(document: HTMLDocument, file: String?) {
        self.document = document
        self.file = file
        collectMeta()
        collectJSONLD()
    }

    // MARK: Collection

    private mutating func collectMeta() {
        for index in document.elements(named: ["meta"]) {
            let node = document.nodes[index]
            guard let content = node.attribute("content")?.foldingWhitespace().trimmingWhitespace(),
                !content.isEmpty
            else { continue }
            for key in ["name", "property", "itemprop", "http-equiv"] {
                if let name = node.attribute(key)?.lowercased().trimmingWhitespace(), !name.isEmpty {
                    meta[name, default: []].append((content, node.line))
                }
            }
        }
    }

    private mutating func collectJSONLD() {
        for index in document.elements(named: ["script"]) {
            let node = document.nodes[index]
            guard let type = node.attribute("type")?.lowercased(), type.containsText("ld+json") else { continue }
            if ldScriptLine == 0 { ldScriptLine = node.line }
            for value in LenientJSON.values(in: document.text(of: index)) {
                flatten(value, line: node.line)
            }
        }
        // No article type: a page type or other creative work that carries a headline or date.
        if ldArticles.isEmpty {
            ldArticles = ldObjects.filter { object in
                (object["datePublished"] != nil || object["headline"] != nil)
                    && !Self.types(of: object).contains { Self.entityTypes.contains($0) }
            }
            if !ldArticles.isEmpty, ldLine == 0 { ldLine = ldScriptLine }
        }
    }

    /// Types that describe things around an article, never the article.
    static let entityTypes: Set<String> = [
        "organization", "newsmediaorganization", "person", "imageobject", "videoobject", "breadcrumblist", "listitem",
        "website", "searchaction", "rating", "place", "postaladdress", "offer", "event",
    ]

    private mutating func flatten(_ value: JSONValue, line: Int) {
        switch value {
        case .array(let items):
            for item in items { flatten(item, line: line) }
        case .object(let object):
            ldObjects.append(object)
            if Self.types(of: object).contains(where: { Self.articleTypes.contains($0) && $0 != "webpage" }) {
                ldArticles.append(object)
                if ldLine == 0 { ldLine = line }
            }
            if case .array(let graph)? = object["@graph"] {
                for item in graph { flatten(item, line: line) }
            }
            // Some pages nest the article in `mainEntity` of a WebPage.
            if let main = object["mainEntity"] { flatten(main, line: line) }
        default:
            break
        }
    }

    private static func types(of object: [String: JSONValue]) -> [String] {
        switch object["@type"] {
        case .string(let type)?: return [type.lowercased()]
        case .array(let types)?: return types.compactMap { if case .string(let t) = $0 { t.lowercased() } else { nil } }
        default: return []
        }
    }

    // MARK: Lookups

    private func metaValue(_ names: [String]) -> (value: String, name: String, line: Int)? {
        for name in names {
            if let first = meta[name]?.first { return (first.value, name, first.line) }
        }
        return nil
    }

    private func ldString(_ key: String) -> String? {
        for object in ldArticles {
            if let text = Self.string(object[key]) { return text }
        }
        return nil
    }

    /// A JSON-LD value as text: a string, the first of an array, or an object's `name`/`@value`.
    private static func string(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?:
            let folded = HTMLEntities.decode(text).foldingWhitespace().trimmingWhitespace()
            return folded.isEmpty ? nil : folded
        case .array(let items)?:
            for item in items { if let text = string(item) { return text } }
            return nil
        case .object(let object)?:
            return string(object["name"]) ?? string(object["@value"]) ?? string(object["url"])
        case .number(let number)?:
            return number == number.rounded() ? String(Int(number)) : String(number)
        default:
            return nil
        }
    }

    private func location(_ line: Int) -> SourceLocation? {
        line > 0 ? SourceLocation(file: file, line: line, column: 1) : nil
    }

    private mutating func record(_ field: String, _ source: String) {
        provenance[field] = .string(source)
    }

    // MARK: Article

    mutating func article() -> Article {
        var article = Article()
        article.headline = headline()
        article.subheadline = standfirst()
        article.bylines = bylines()
        article.published = date(
            ld: "datePublished",
            meta: [
                "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
                "publish-date", "publishdate", "dc.date.issued", "dc.date", "dcterms.created", "parsely-pub-date",
                "sailthru.date", "cxenseparse:recs:publishtime", "article.published", "og:published_time",
            ], field: "published", timeClass: ["publish", "date", "time"])
        article.modified = date(
            ld: "dateModified",
            meta: ["article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified"],
            field: "modified", timeClass: ["update", "modif"])
        article.language = language()
        article.section = section()
        article.keywords = keywords()
        article.source = source()
        if !provenance.isEmpty { article.extensions["provenance"] = .object(provenance) }
        return article
    }

    private mutating func headline() -> String? {
        if let text = ldString("headline") ?? ldString("name") {
            record("headline", "json-ld")
            return text
        }
        if let found = metaValue(["og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title"]) {
            record("headline", "meta:\(found.name)")
            return Self.strippingSiteName(found.value, site: siteName())
        }
        if let index = document.elements(itemprop: "headline").first(where: { document.nodes[$0].name != "meta" }) {
            let text = document.text(of: index).foldingWhitespace().trimmingWhitespace()
            if !text.isEmpty {
                record("headline", "microdata")
                return text
            }
        }
        if let index = document.elements(named: ["h1"]).first {
            let text = document.text(of: index).foldingWhitespace().trimmingWhitespace()
            if !text.isEmpty {
                record("headline", "h1")
                return text
            }
        }
        if let index = document.first("title") {
            let text = document.text(of: index).foldingWhitespace().trimmingWhitespace()
            if !text.isEmpty {
                record("headline", "title")
                return Self.strippingSiteName(text, site: siteName())
            }
        }
        return nil
    }

    private func siteName() -> String? {
        metaValue(["og:site_name", "application-name", "publisher"])?.value
            ?? ldPublisherName()
    }

    private func ldPublisherName() -> String? {
        for object in ldArticles {
            if let name = Self.string(object["publisher"]) { return name }
        }
        return nil
    }

    /// `Story title | Site` → `Story title`: drops a trailing or leading part naming the site.
    static func strippingSiteName(_ title: String, site: String?) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
            let parts = title.pieces(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            if let site {
                let siteKey = site.lowercased()
                let kept = parts.filter { $0.lowercased().trimmingWhitespace() != siteKey.trimmingWhitespace() }
                if kept.count < parts.count { return kept.joined(separator: separator).trimmingWhitespace() }
            }
            // Without a known site name: drop a short last part (`… | The Paper`).
            if let last = parts.last, last.count <= HTMLHeuristics.siteNameMaximum,
                parts.dropLast().joined().count >= last.count * 2
            {
                return parts.dropLast().joined(separator: separator).trimmingWhitespace()
            }
        }
        return title
    }

    private mutating func standfirst() -> String? {
        if let text = ldString("description") {
            record("subheadline", "json-ld")
            return text
        }
        if let found = metaValue(["og:description", "description", "twitter:description", "dc.description"]) {
            record("subheadline", "meta:\(found.name)")
            return found.value
        }
        if let index = standfirstElements().first {
            record("subheadline", "class:standfirst")
            return document.text(of: index).foldingWhitespace().trimmingWhitespace()
        }
        return nil
    }

    static let standfirstNames = NameWords([
        "standfirst", "dek", "deck", "subheadline", "sub-headline", "subtitle", "strapline",
    ])

    /// Elements whose class names them the standfirst (they are metadata, not body). A name that
    /// comes back down the page (one `dek` per slide of a listicle, per item of a list) marks a part
    /// of the story, not the page's standfirst.
    func standfirstElements() -> [Int] {
        let found = document.elements(named: ["p", "div", "h2", "span"]).filter { index in
            let node = document.nodes[index]
            return !node.names.isEmpty && NameMatch.first(of: Self.standfirstNames, in: node.names) != nil
                && !document.text(of: index).trimmingWhitespace().isEmpty
        }
        var counts: [[UInt8]: Int] = [:]
        for index in found { counts[document.nodes[index].names, default: 0] += 1 }
        return found.filter { counts[document.nodes[$0].names] == 1 }
    }

    // MARK: Bylines

    private mutating func bylines() -> [Byline] {
        for object in ldArticles {
            let names = Self.authors(object["author"] ?? object["creator"])
            if !names.isEmpty {
                record("bylines", "json-ld")
                return names.map {
                    Byline(
                        name: $0.name, kind: $0.kind, role: $0.role, affiliation: $0.affiliation, raw: $0.name,
                        location: location(ldLine))
                }
            }
        }
        // The first of these that holds a name (article:author is often a profile URL, twitter:creator a handle).
        for name in [
            "author", "article:author", "og:article:author", "byl", "dc.creator", "parsely-author", "sailthru.author",
            "dcterms.creator", "twitter:creator",
        ] {
            guard let values = meta[name] else { continue }
            var seen = Set<String>()
            let names = values.filter { Self.isName($0.value) && seen.insert($0.value).inserted }
            guard let first = names.first else { continue }
            record("bylines", "meta:\(name)")
            // article:author may be repeated, one per author. `byl` holds the byline as the page
            // prints it (`By Jane Doe and John Roe`): a printed credit, not a name field.
            let origin: Byline.Origin = name == "byl" ? .printed : .field
            return names.map { Byline(name: $0.value, raw: $0.value, origin: origin, location: location(first.line)) }
        }
        // Microdata: itemprop=author (its itemprop=name when it has one).
        for index in document.elements(itemprop: "author") {
            let node = document.nodes[index]
            if node.name == "meta" { continue }
            let nameNode = document.elements(in: index).first {
                document.nodes[$0].attribute("itemprop")?.lowercased() == "name"
            }
            let text =
                (nameNode.map { document.nodes[$0].attribute("content") ?? document.text(of: $0) }
                ?? document.text(of: index)).foldingWhitespace().trimmingWhitespace()
            if Self.plausibleByline(text) {
                record("bylines", "microdata")
                return [Byline(name: text, raw: text, origin: .printed, location: location(node.line))]
            }
        }
        for index in document.elements(named: ["a", "link"])
        where document.nodes[index].attribute("rel")?.lowercased().split(separator: " ").contains("author") == true {
            let text = document.text(of: index).foldingWhitespace().trimmingWhitespace()
            if Self.plausibleByline(text) {
                // The byline element around the link prints the role too (`By Jo Finch, Transport Reporter`).
                var ancestor = document.nodes[index].parent
                for _ in 0..<2 where ancestor >= 0 {
                    if NameMatch.first(of: Self.bylineNames, in: document.nodes[ancestor].names) != nil {
                        let printed = bylineText(ancestor)
                        if Self.plausibleByline(printed) {
                            record("bylines", "rel=author")
                            return [
                                Byline(
                                    name: printed, raw: printed, origin: .printed,
                                    location: location(document.nodes[ancestor].line))
                            ]
                        }
                    }
                    ancestor = document.nodes[ancestor].parent
                }
                record("bylines", "rel=author")
                return [Byline(name: text, raw: text, origin: .printed, location: location(document.nodes[index].line))]
            }
        }
        for index in document.nodes.indices where !document.nodes[index].names.isEmpty {
            let names = document.nodes[index].names
            guard NameMatch.first(of: Self.bylineNames, in: names) != nil,
                NameMatch.first(of: Self.notBylineNames, in: names) == nil, !isInFurniture(index)
            else { continue }
            let text = bylineText(index)
            if Self.plausibleByline(text) {
                record("bylines", "class:byline")
                return [Byline(name: text, raw: text, origin: .printed, location: location(document.nodes[index].line))]
            }
        }
        return []
    }

    static let bylineNames = NameWords(["byline", "author", "contributor"])
    static let dateNames = NameWords(["date", "time", "published", "updated", "posted"])
    static let furnitureNames = NameWords(["comment", "respond", "reply", "footer", "related", "sidebar"])

    /// A byline element's text: its parts spaced apart (`By Carrie Arnold` `November 15`), without
    /// the `<time>` or date elements inside it, and cut before `Published …`/`Updated …`.
    func bylineText(_ index: Int) -> String {
        var parts: [String] = []
        var stack = [index]
        while let current = stack.popLast() {
            let node = document.nodes[current]
            if node.kind == .text {
                parts.append(node.text)
                continue
            }
            if current != index, node.name == "time" || NameMatch.first(of: Self.dateNames, in: node.names) != nil {
                continue
            }
            if node.name == "br" { parts.append(" ") }
            stack.append(contentsOf: node.children.reversed())
            parts.append(" ")
        }
        var text = parts.joined().foldingWhitespace().trimmingWhitespace()
        for marker in [" Published", " Updated", " Posted on", " Last updated", " published", " updated", " | ", " — "]
        {
            if let range = text.firstTextRange(of: marker), range.lowerBound > text.startIndex {
                text = String(text[..<range.lowerBound]).trimmingWhitespace()
            }
        }
        // A date printed after the name (`By Carrie Arnold November 15, 2019`).
        var words = text.split(separator: " ")
        for count in stride(from: min(6, words.count - 2), through: 2, by: -1) where count > 0 {
            let tail = words.suffix(count).joined(separator: " ")
            if tail.contains(where: \.isNumber), DateParser.parse(tail) != nil {
                words.removeLast(count)
                break
            }
        }
        text = words.joined(separator: " ")
        while let last = text.last, "—–-|,·:".contains(last) || last == " " { text.removeLast() }
        return text
    }

    /// Whether an element sits in a form or a comment, footer, related or sidebar block.
    func isInFurniture(_ index: Int) -> Bool {
        var current = index
        while current >= 0 {
            let node = document.nodes[current]
            if node.name == "form" || node.name == "footer" { return true }
            // Page-wide classes (`body.one-sidebar`) say nothing about the element.
            if ["body", "html", "main", "article"].contains(node.name) { return false }
            if NameMatch.first(of: Self.furnitureNames, in: node.names) != nil { return true }
            current = node.parent
        }
        return false
    }
    static let notBylineNames = NameWords(["bio", "avatar", "image"])

    /// A meta author value that names someone: not a URL, a handle or an address.
    static func isName(_ value: String) -> Bool {
        let lower = value.lowercased()
        return !lower.hasPrefix("http") && !lower.hasPrefix("www.") && !value.hasPrefix("@")
            && value.contains(where: \.isLetter)
    }

    static func plausibleByline(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return !text.isEmpty && words.count <= HTMLHeuristics.bylineMaximumWords
            && text.count <= HTMLHeuristics.bylineMaximumLength
            && text.contains(where: \.isLetter)
    }

    /// An author JSON-LD names: a person or an organisation, with a Person's `jobTitle` as its role
    /// and its `affiliation` (an Organization's name, or text).
    struct Author {
        var name: String
        var kind: Byline.Kind
        var role: String?
        var affiliation: String?
    }

    /// Authors from JSON-LD: a string, a Person or Organization, or an array of them.
    static func authors(_ value: JSONValue?) -> [Author] {
        switch value {
        case .string(let text)?:
            let name = HTMLEntities.decode(text).foldingWhitespace().trimmingWhitespace()
            return name.isEmpty || name.lowercased().hasPrefix("http") ? [] : [Author(name: name, kind: .person)]
        case .array(let items)?:
            var out: [Author] = []
            for item in items { out += authors(item) }
            return out
        case .object(let object)?:
            guard let name = string(object["name"]), !name.lowercased().hasPrefix("http") else { return [] }
            let isOrganization = types(of: object).contains {
                $0.contains("organization") || $0 == "newsmediaorganization"
            }
            return [
                Author(
                    name: name, kind: isOrganization ? .organization : .person,
                    role: isOrganization ? nil : string(object["jobTitle"]),
                    affiliation: isOrganization ? nil : string(object["affiliation"]))
            ]
        default:
            return []
        }
    }

    // MARK: Dates

    private mutating func date(
        ld key: String, meta names: [String], field: String, timeClass: [String]
    )
        -> ArticleDate?
    {
        if let text = ldString(key) {
            record(field, "json-ld")
            return ArticleDate(parsing: text, location: location(ldLine))
        }
        if let found = metaValue(names) {
            record(field, "meta:\(found.name)")
            return ArticleDate(parsing: found.value, location: location(found.line))
        }
        let itemprop = key.lowercased()
        for index in document.elements(itemprop: itemprop) {
            let node = document.nodes[index]
            let text = node.attribute("datetime") ?? node.attribute("content") ?? document.text(of: index)
            let folded = text.foldingWhitespace().trimmingWhitespace()
            if !folded.isEmpty {
                record(field, "microdata")
                return ArticleDate(parsing: folded, location: location(node.line))
            }
        }
        guard field == "published" else { return nil }
        for index in document.elements(named: ["time"]) {
            let node = document.nodes[index]
            if let value = node.attribute("datetime")?.trimmingWhitespace(), !value.isEmpty,
                DateParser.parse(value) != nil
            {
                record(field, "time")
                return ArticleDate(parsing: value, location: location(node.line))
            }
        }
        return nil
    }

    // MARK: Other fields

    private mutating func language() -> String? {
        // `und` is BCP 47's "undetermined": no language.
        if let root = document.nodes.first, let lang = root.attribute("lang") ?? root.attribute("xml:lang"),
            !lang.trimmingWhitespace().isEmpty, lang.trimmingWhitespace().lowercased() != "und"
        {
            record("language", "html-lang")
            return lang.trimmingWhitespace()
        }
        if let text = ldString("inLanguage") {
            record("language", "json-ld")
            return text
        }
        if let found = metaValue(["og:locale", "content-language", "dc.language", "language"]) {
            record("language", "meta:\(found.name)")
            return found.value.replacing("_", with: "-")
        }
        return nil
    }

    private mutating func section() -> String? {
        if let text = ldString("articleSection") {
            record("section", "json-ld")
            return text
        }
        if let found = metaValue(["article:section", "parsely-section", "section", "category"]) {
            record("section", "meta:\(found.name)")
            return found.value
        }
        return nil
    }

    private mutating func keywords() -> [String] {
        for object in ldArticles {
            let values: [String]
            switch object["keywords"] {
            case .string(let text)?: values = text.split(separator: ",").map { String($0).trimmingWhitespace() }
            case .array(let items)?: values = items.compactMap { Self.string($0) }
            default: values = []
            }
            let kept = values.filter { !$0.isEmpty }
            if !kept.isEmpty {
                record("keywords", "json-ld")
                return kept
            }
        }
        if let tags = meta["article:tag"], !tags.isEmpty {
            record("keywords", "meta:article:tag")
            return tags.map(\.value)
        }
        if let found = metaValue(["news_keywords", "keywords", "parsely-tags", "sailthru.tags"]) {
            record("keywords", "meta:\(found.name)")
            return found.value.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        return []
    }

    private mutating func source() -> ArticleSource? {
        var source = ArticleSource()
        if let publisher = ldPublisherName() {
            source.publisher = publisher
            record("publisher", "json-ld")
        } else if let found = metaValue(["og:site_name", "application-name"]) {
            source.publisher = found.value
            record("publisher", "meta:\(found.name)")
        }
        if let canonical = document.elements(named: ["link"]).first(where: {
            document.nodes[$0].attribute("rel")?.lowercased() == "canonical"
        }), let href = document.nodes[canonical].attribute("href")?.trimmingWhitespace(), !href.isEmpty {
            source.url = href
            record("url", "link-canonical")
        } else if let found = metaValue(["og:url"]) {
            source.url = found.value
            record("url", "meta:og:url")
        } else if let url = ldString("url") {
            source.url = url
            record("url", "json-ld")
        }
        if let image = leadImage() { provenance["leadImage"] = .string(image) }
        return source
    }

    private func leadImage() -> String? {
        for object in ldArticles {
            if let image = Self.string(object["image"]) { return image }
        }
        return metaValue(["og:image", "twitter:image", "og:image:url"])?.value
    }
}

// MARK: - HTMLEntities

/// The few HTML entities JSON-LD authors leave in their strings.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "#39": "'", "rsquo": "’",
        "lsquo": "‘", "rdquo": "”", "ldquo": "“", "mdash": "—", "ndash": "–", "hellip": "…",
    ]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semicolon])
                if let value = named[name] {
                    out += value
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
                if name.hasPrefix("#"), let scalar = numericEntity(name.dropFirst()) {
                    out.unicodeScalars.append(scalar)
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }

    private static func numericEntity(_ digits: Substring) -> Unicode.Scalar? {
        let value: UInt32?
        if digits.first == "x" || digits.first == "X" {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits)
        }
        return value.flatMap(Unicode.Scalar.init)
    }
}
