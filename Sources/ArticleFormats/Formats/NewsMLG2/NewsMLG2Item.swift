// copydesk — ArticleFormats / NewsML-G2 reader
// One news item's metadata into the article: headlines by rank and role, dates by precedence,
// people, credit, and the wire metadata the typed fields do not hold.

import ArticleModel

// MARK: - NewsMLG2Item

/// Reads one `newsItem` (or a content fragment) into an article, collecting notes; `refusal`
/// says why when there is no article.
struct NewsMLG2Item {
    let file: String?
    var diagnostics: [Diagnostic] = []
    var article = Article()
    /// Why the item gave no article, when it gave none.
    var refusal: FormatError?

    init(file: String?) {
        self.file = file
    }

    func location(_ element: XMLElement) -> SourceLocation {
        SourceLocation(file: file, line: element.line, column: 1)
    }

    mutating func note(_ id: String, _ message: String, at element: XMLElement, severity: Diagnostic.Severity = .note) {
        diagnostics.append(Diagnostic(id: id, severity: severity, message: message, location: location(element)))
    }

    /// What a NewsML-G2 item other than a news item holds, for messages.
    static func whatItHolds(_ name: String) -> String {
        switch name {
        case "packageItem": return "a package refers to other items and holds no text of its own"
        case "conceptItem", "conceptSet": return "a concept item describes a concept (a person, an event, a term)"
        case "knowledgeItem": return "a knowledge item carries a set of concepts or a scheme"
        case "planningItem": return "a planning item announces coverage still to come"
        case "catalogItem": return "a catalog item lists schemes"
        case "groupSet": return "a group set is a fragment of a package"
        default: return "it is not a news item"
        }
    }

    // MARK: Item

    /// The article of a news item, or `nil` (with `refusal`) when it holds no text and no media.
    mutating func article(from item: XMLElement) -> Article? {
        article.language = item.attribute("lang", namespace: XMLElement.xmlNamespace)
        var source = ArticleSource()
        source.id = item.attribute("guid").flatMap(nonEmpty)
        if let version = item.attribute("version").flatMap(nonEmpty), version != "1" {
            article.extensions[ExtensionKey.version] = .string(version)
        }
        article.source = source
        if let rights = item.first("rightsInfo") { rightsInfo(rights) }
        let itemMeta = item.first("itemMeta")
        if let itemMeta { self.itemMeta(itemMeta) }
        if let contentMeta = item.first("contentMeta") { self.contentMeta(contentMeta) }
        chooseDates()
        let itemClass = itemMeta?.first("itemClass")?.attribute("qcode") ?? ""
        let isMedia = ["picture", "graphic", "video", "audio"].contains { itemClass.hasSuffix(":" + $0) }
        var body = NewsMLG2Body(file: file, known: known)
        if let contentSet = item.first("contentSet") {
            body.read(contentSet, isMedia: isMedia, caption: caption ?? article.headline)
        }
        merge(body)
        if article.source == ArticleSource() { article.source = nil }
        if article.body.isEmpty {
            let guid = item.attribute("guid").map { " \($0)" } ?? ""
            let kind = itemClass.isEmpty ? "" : " (\(itemClass))"
            let why =
                item.first("contentSet") == nil
                ? "the news item\(guid)\(kind) has no content (no <contentSet>)"
                : body.unreadable.isEmpty
                    ? "the news item\(guid)\(kind) has no text in its content"
                        + (status.map { " (its status is \($0))" } ?? "")
                    : "the news item\(guid)\(kind) carries \(body.unreadable.joined(separator: ", ")), which "
                        + "copydesk does not read as article text"
            guard article.headline != nil else {
                refusal = FormatError(
                    id: "newsml.no-text", message: why + ", and no headline", location: location(item),
                    file: file ?? "<stdin>",
                    hint: "copydesk reads text bodies (XHTML or NITF in inlineXML, text or HTML in inlineData) and "
                        + "picture, graphic and video items")
                return nil
            }
            note("newsml.no-text", why + ": the article is its headline alone", at: item, severity: .warning)
        }
        return article
    }

    /// The article of a bare `contentSet`, `inlineXML` or `inlineData`.
    mutating func fragment(_ root: XMLElement) -> Article? {
        var body = NewsMLG2Body(file: file, known: [])
        if root.name == "contentSet" {
            body.read(root, isMedia: false, caption: nil)
        } else {
            let wrapper = XMLElement(
                name: "contentSet", namespace: root.namespace, attributes: [:], children: [.element(root)],
                line: root.line)
            body.read(wrapper, isMedia: false, caption: nil)
        }
        merge(body)
        guard !article.body.isEmpty else {
            refusal = FormatError(
                id: "newsml.no-text", message: "the <\(root.name)> holds no text copydesk reads",
                location: location(root), file: file ?? "<stdin>")
            return nil
        }
        return article
    }

    /// Takes the body, and what an embedded document (NITF) says that the metadata did not.
    private mutating func merge(_ body: NewsMLG2Body) {
        article.body = body.blocks
        article.quotes = body.quotes
        diagnostics += body.diagnostics
        if !body.alternatives.isEmpty {
            article.extensions[ExtensionKey.alternatives] = .array(body.alternatives)
        }
        guard let inner = body.embedded else { return }
        if article.headline == nil { article.headline = inner.headline }
        if article.subheadline == nil { article.subheadline = inner.subheadline }
        if article.bylines.isEmpty { article.bylines = inner.bylines }
        if article.dateline == nil { article.dateline = inner.dateline }
        if article.highlights.isEmpty { article.highlights = inner.highlights }
        if article.published == nil { article.published = inner.published }
        if article.language == nil { article.language = inner.language }
        if article.keywords.isEmpty { article.keywords = inner.keywords }
        for (key, value) in inner.extensions where article.extensions[key] == nil {
            article.extensions[key] = value
        }
    }

    // MARK: rightsInfo, itemMeta

    private mutating func rightsInfo(_ rights: XMLElement) {
        let notice = rights.first("copyrightNotice").map { $0.text.layoutFolded }.flatMap(nonEmpty)
        let holder = rights.first("copyrightHolder").flatMap(name(of:))
        if let copyright = notice ?? holder.map({ "© " + $0 }) {
            article.extensions[ExtensionKey.copyright] = .string(copyright)
        }
        if let terms = rights.first("usageTerms").map({ $0.text.layoutFolded }).flatMap(nonEmpty) {
            article.extensions[ExtensionKey.usageTerms] = .string(terms)
        }
    }

    /// Dates the item gives, by their NewsML-G2 names, in document order.
    private var dates: [(name: String, element: XMLElement)] = []
    /// The item's publication status, without its scheme (`usable`, `canceled`).
    private var status: String?

    private mutating func itemMeta(_ meta: XMLElement) {
        var notes: [String] = []
        for element in meta.elements() {
            switch element.name {
            case "provider":
                if let provider = name(of: element), provider != "copydesk" { article.source?.publisher = provider }
            case "versionCreated", "firstCreated", "embargoed":
                dates.append((element.name, element))
            case "pubStatus":
                status = element.attribute("qcode").map(withoutScheme)
                if let status, status != "usable" {
                    article.extensions[ExtensionKey.status] = .string(status)
                    note(
                        "newsml.status", "the item's publication status is \(status)", at: element,
                        severity: status == "canceled" || status == "withheld" ? .warning : .note)
                }
            case "edNote":
                if let text = nonEmpty(element.text.layoutFolded) { notes.append(text) }
            case "link":
                let relation = element.attribute("rel") ?? ""
                if article.source?.url == nil, relation.isEmpty || relation.hasSuffix("seeAlso"),
                    let href = element.attribute("href"), href.hasPrefix("http")
                {
                    article.source?.url = href
                }
            default: break
            }
        }
        if !notes.isEmpty { article.extensions[ExtensionKey.editorialNote] = .string(notes.joined(separator: "\n")) }
    }

    // MARK: contentMeta

    /// A `description` with a caption role: a picture's caption.
    private var caption: String?
    /// The metadata's texts (headlines, `by` lines, descriptions), whitespace folded.
    private var known: Set<String> = []

    private mutating func contentMeta(_ meta: XMLElement) {
        var headlines: [Headline] = []
        var printedBylines: [XMLElement] = []
        var creators: [XMLElement] = []
        var subjects: [JSONValue] = []
        var genres: [JSONValue] = []
        var other: [String: [JSONValue]] = [:]
        for element in meta.elements() where ["headline", "by", "description"].contains(element.name) {
            known.insert(element.text.foldingWhitespace())
        }
        for element in meta.elements() {
            switch element.name {
            case "contentCreated", "contentModified":
                dates.append((element.name, element))
            case "urgency":
                if let urgency = Int(element.text.trimmingWhitespace()) {
                    article.extensions[ExtensionKey.urgency] = .number(Double(urgency))
                }
            case "located":
                if let place = name(of: element) {
                    article.dateline = article.dateline ?? Dateline(raw: "")
                    if article.dateline?.place == nil { article.dateline?.place = place }
                }
            case "creator", "contributor":
                creators.append(element)
            case "infoSource":
                if article.source?.credit == nil, (element.attribute("role") ?? "").lowercased().contains("orig"),
                    let source = name(of: element)
                {
                    article.source?.credit = source
                }
            case "language":
                if let tag = element.attribute("tag").flatMap(nonEmpty) { article.language = tag }
            case "keyword":
                if let keyword = nonEmpty(element.text.layoutFolded) { article.keywords.append(keyword) }
            case "subject":
                if let subject = concept(element) { subjects.append(subject) }
            case "genre":
                if let genre = name(of: element) ?? element.attribute("qcode") { genres.append(.string(genre)) }
            case "slugline":
                if let slug = nonEmpty(element.text.layoutFolded) {
                    article.extensions[ExtensionKey.slugline] = .string(slug)
                }
            case "headline":
                if let text = nonEmpty(element.text.layoutFolded) {
                    headlines.append(
                        Headline(
                            text: text, role: element.attribute("role"),
                            rank: element.attribute("rank").flatMap { Int($0) },
                            language: element.attribute("lang", namespace: XMLElement.xmlNamespace)))
                }
            case "dateline":
                if let raw = nonEmpty(element.text.layoutFolded) {
                    var dateline = article.dateline ?? Dateline(raw: raw)
                    dateline.raw = raw
                    dateline.location = location(element)
                    article.dateline = dateline
                }
            case "by":
                if nonEmpty(element.text.layoutFolded) != nil { printedBylines.append(element) }
            case "creditline":
                if let credit = nonEmpty(element.text.layoutFolded) { article.source?.credit = credit }
            case "description":
                guard let text = nonEmpty(element.text.layoutFolded) else { continue }
                let role = (element.attribute("role") ?? "").lowercased()
                if role.contains("caption") {
                    caption = caption ?? text
                    other["descriptions", default: []].append(.object(["role": .string(role), "text": .string(text)]))
                } else if role.isEmpty || role.hasSuffix(":summary") || role.hasSuffix(":teaser")
                    || role.hasSuffix(":abstract")
                {
                    article.highlights.append(text)
                } else {
                    other["descriptions", default: []].append(.object(["role": .string(role), "text": .string(text)]))
                }
            default: break
            }
        }
        // Agency copy is credited to its provider when it prints no credit line and its dateline
        // names no agency (the dateline's, as printed, is taken by the dateline analyser).
        if article.source?.credit == nil, article.dateline?.raw.contains("(") != true,
            let provider = article.source?.publisher
        {
            article.source?.credit = provider
        }
        chooseHeadlines(headlines)
        bylines(printed: printedBylines, creators: creators)
        // A subject with a name and no code is a section as copydesk writes one; coded subjects
        // are the agency's classification, kept in `extensions.subjects`.
        if let section = subjects.first(where: { $0.name != nil && $0.code == nil })?.name { article.section = section }
        if !subjects.isEmpty { article.extensions[ExtensionKey.subjects] = .array(subjects) }
        if !genres.isEmpty { article.extensions[ExtensionKey.genre] = .array(genres) }
        for (key, values) in other { article.extensions[key] = .array(values) }
        if article.dateline?.raw.isEmpty == true, let place = article.dateline?.place { article.dateline?.raw = place }
    }

    /// A subject or other concept as `{code, name}`, or `nil` when it has neither.
    private func concept(_ element: XMLElement) -> JSONValue? {
        var object: [String: JSONValue] = [:]
        if let code = element.attribute("qcode").flatMap(nonEmpty) ?? element.attribute("uri").flatMap(nonEmpty) {
            object["code"] = .string(code)
        }
        if let name = name(of: element) { object["name"] = .string(name) }
        if let type = element.attribute("type").flatMap(nonEmpty) { object["type"] = .string(type) }
        return object["code"] == nil && object["name"] == nil ? nil : .object(object)
    }

    // MARK: Headlines

    struct Headline {
        var text: String
        var role: String?
        var rank: Int?
        var language: String?
    }

    /// The main headline: no role or a main role, in the item's language, lowest rank first
    /// (rank 1 before a kicker of rank 3; unranked after ranked), then document order. A role
    /// naming a subheadline gives the subheadline; every other headline is kept in `extensions`.
    private mutating func chooseHeadlines(_ headlines: [Headline]) {
        func roleIs(_ headline: Headline, _ words: [String]) -> Bool {
            let role = withoutScheme(headline.role ?? "").lowercased()
            return words.contains { role.contains($0) }
        }
        let language = article.language?.lowercased()
        let main = headlines.enumerated().filter { _, headline in
            headline.role == nil || roleIs(headline, ["main", "headline"]) && !roleIs(headline, ["sub"])
        }.min { lhs, rhs in
            let (left, right) = (lhs.element, rhs.element)
            let leftLanguage = left.language == nil || left.language?.lowercased() == language
            let rightLanguage = right.language == nil || right.language?.lowercased() == language
            if leftLanguage != rightLanguage { return leftLanguage }
            if (left.rank ?? Int.max) != (right.rank ?? Int.max) {
                return (left.rank ?? Int.max) < (right.rank ?? Int.max)
            }
            return lhs.offset < rhs.offset
        }
        if let main { article.headline = main.element.text }
        let sub = headlines.enumerated().first { $0.offset != main?.offset && roleIs($0.element, ["sub"]) }
        if let sub { article.subheadline = sub.element.text }
        let rest = headlines.enumerated().filter { $0.offset != main?.offset && $0.offset != sub?.offset }
        if !rest.isEmpty {
            article.extensions[ExtensionKey.headlines] = .array(
                rest.map { _, headline in
                    var object: [String: JSONValue] = ["text": .string(headline.text)]
                    if let role = headline.role { object["role"] = .string(role) }
                    if let rank = headline.rank { object["rank"] = .number(Double(rank)) }
                    if let language = headline.language { object["language"] = .string(language) }
                    return .object(object)
                })
        }
    }

    // MARK: People

    /// `by` lines are the bylines as printed. A creator or contributor is a byline only when it
    /// names a person or an organisation (a login such as `surname.firstname`, or a code alone, is
    /// not): without `by` lines those become the bylines; otherwise they are kept as metadata,
    /// except that copydesk's own files (one `by` per creator, starting with its name) give the
    /// creators back with the role and affiliation their `by` line prints.
    private mutating func bylines(printed: [XMLElement], creators: [XMLElement]) {
        var named: [Byline] = []
        var metadata: [JSONValue] = []
        for element in creators {
            let name = name(of: element)
            let type = (element.attribute("type") ?? "").lowercased()
            let role = element.attribute("role").map(withoutScheme)
            let isOrganisation = type.contains("organi") || type.contains("company")
            if let name, element.name == "creator" || role?.lowercased().contains("author") == true,
                type.contains("person") || isOrganisation || Self.looksLikeName(name)
            {
                named.append(
                    Byline(name: name, kind: isOrganisation ? .organization : .person, location: location(element)))
            } else {
                var object: [String: JSONValue] = ["kind": .string(element.name)]
                if let name { object["name"] = .string(name) }
                if let role { object["role"] = .string(role) }
                if let id = element.attribute("qcode") ?? element.attribute("uri") { object["id"] = .string(id) }
                metadata.append(.object(object))
            }
        }
        let lines = printed.map { $0.text.layoutFolded }
        let ownFormat =
            !lines.isEmpty && lines.count == named.count
            && zip(lines, named).allSatisfy { $0.foldingWhitespace().hasPrefix($1.name.foldingWhitespace()) }
        if ownFormat {
            for (index, line) in lines.enumerated() {
                var rest = String(line.foldingWhitespace().dropFirst(named[index].name.foldingWhitespace().count))
                if let bar = rest.firstTextRange(of: " | ") {
                    named[index].affiliation = String(rest[bar.upperBound...])
                    rest = String(rest[..<bar.lowerBound])
                }
                if rest.hasPrefix(", ") { named[index].role = String(rest.dropFirst(2)) }
            }
            article.bylines = named
        } else if !lines.isEmpty {
            article.bylines = zip(lines, printed).map { line, element in
                Byline(name: line, raw: line, origin: .printed, location: location(element))
            }
            metadata += named.map { byline in
                .object(["kind": .string("creator"), "name": .string(byline.name)])
            }
        } else {
            article.bylines = named
        }
        if !metadata.isEmpty { article.extensions[ExtensionKey.contributors] = .array(metadata) }
    }

    /// Whether a creator's name reads as a person's or an organisation's name rather than a login
    /// or a code: letters, a space or a capital, no dots or underscores between lowercase words.
    static func looksLikeName(_ name: String) -> Bool {
        guard name.contains(where: \.isLetter), !name.contains("@"), !name.contains("_") else { return false }
        if !name.contains(" ") {
            // One word: a login (`kunigkeit.sebastian`, `vrg`, `kosel`) unless it is capitalised
            // and not all capitals (`Reuters`), which names an organisation.
            guard !name.contains("."), let first = name.first, first.isUppercase else { return false }
            return name.dropFirst().contains(where: \.isLowercase)
        }
        return name.contains(where: \.isUppercase)
    }

    // MARK: Dates

    /// `published` from `contentCreated`, else `firstCreated`, else `versionCreated`, else
    /// `embargoed`; `modified` from `contentModified`, else a `versionCreated` that differs from it
    /// (and is not copydesk's placeholder, the Unix epoch). Each carries the name it came from;
    /// every date is also kept in `extensions.dates`.
    private mutating func chooseDates() {
        func first(_ names: [String]) -> (name: String, element: XMLElement)? {
            for name in names {
                if let found = dates.first(where: { $0.name == name && !$0.element.text.trimmingWhitespace().isEmpty })
                {
                    return found
                }
            }
            return nil
        }
        // A versionCreated that repeats contentModified dates a modification, not the publication;
        // the Unix epoch is a placeholder (copydesk writes it for an undated article), not a date.
        /// Whether two dates can be the same moment: equal at the coarser one's precision.
        func agree(_ lhs: XMLElement?, _ rhs: XMLElement?) -> Bool {
            guard let left = lhs.flatMap({ DateParser.parse($0.text.trimmingWhitespace()) }),
                let right = rhs.flatMap({ DateParser.parse($0.text.trimmingWhitespace()) })
            else { return false }
            return left.year == right.year && (left.month == nil || right.month == nil || left.month == right.month)
                && (left.day == nil || right.day == nil || left.day == right.day)
        }
        let isPlaceholder = { (element: XMLElement) in
            element.text.trimmingWhitespace().hasPrefix("1970-01-01T00:00:00")
        }
        dates.removeAll { $0.name == "versionCreated" && isPlaceholder($0.element) }
        var candidates = ["contentCreated", "firstCreated"]
        let contentModified = first(["contentModified"])?.element
        if contentModified == nil || !agree(first(["versionCreated"])?.element, contentModified) {
            candidates.append("versionCreated")
        }
        if let (name, element) = first(candidates + ["embargoed"]) {
            article.published = ArticleDate(parsing: element.text, location: location(element), provenance: name)
        }
        if let (name, element) = first(["contentModified", "versionCreated"]), article.published?.provenance != name {
            let modified = ArticleDate(parsing: element.text, location: location(element), provenance: name)
            if article.published?.value == nil || modified.value != article.published?.value {
                article.modified = modified
            }
        }
        var all: [String: JSONValue] = [:]
        for (name, element) in dates where all[name] == nil {
            if let text = nonEmpty(element.text.trimmingWhitespace()) { all[name] = .string(text) }
        }
        // Kept when one says what `published` and `modified` do not (an embargo, an earlier creation).
        let held = [article.published?.value, article.modified?.value]
        let tellsMore = dates.contains { name, element in
            !held.contains(DateParser.parse(element.text.trimmingWhitespace()))
        }
        if tellsMore { article.extensions[ExtensionKey.dates] = .object(all) }
    }

    // MARK: Helpers

    /// The name a NewsML-G2 concept element gives: its `name` child, else its `literal`.
    func name(of element: XMLElement) -> String? {
        element.first("name").map { $0.text.layoutFolded }.flatMap(nonEmpty)
            ?? element.attribute("literal").map { $0.layoutFolded }.flatMap(nonEmpty)
    }
}

extension String {
    /// The text with the layout of pretty-printed XML folded (each line break, with the spaces
    /// and tabs around it, made one space) and trimmed; runs of spaces within a line are kept.
    var layoutFolded: String { XHTMLBody.foldingLayout(self).trimmingWhitespace() }
}

/// The string, or `nil` when it is empty.
private func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

/// A QCode without its scheme (`stat:usable` → `usable`).
private func withoutScheme(_ qcode: String) -> String {
    qcode.firstIndex(of: ":").map { String(qcode[qcode.index(after: $0)...]) } ?? qcode
}

extension JSONValue {
    /// An object's `name` string, when it has one.
    fileprivate var name: String? { member("name") }
    /// An object's `code` string, when it has one.
    fileprivate var code: String? { member("code") }

    private func member(_ key: String) -> String? {
        guard case .object(let object) = self, case .string(let value)? = object[key] else { return nil }
        return value
    }
}
