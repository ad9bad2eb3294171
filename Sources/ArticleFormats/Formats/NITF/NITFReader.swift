// copydesk — ArticleFormats / NITF reader
// An NITF 3.x document into the canonical article: head and docdata, body.head, body.content, body.end.

import ArticleModel

// MARK: - NITFReader

/// Reads NITF 3.x (no namespace, as 3.0–3.4 write it, or NITF 3.5's namespace) through libxml2, in
/// the encoding the XML declaration names: the head's metadata (`docdata`, `pubdata`, `tobject`,
/// `meta`), the body's head (headlines, bylines, distributor, dateline, abstract) and its content.
/// Metadata no field holds goes into `extensions` (shared keys where one fits, else under `nitf`);
/// what is neither read nor kept is listed in notes (`nitf.unread`), and structure the model cannot
/// hold (tables, definition lists, footnotes, non-image media) is read as paragraphs with a note
/// (`nitf.structure`). docs/NITF.md has the mapping.
///
/// It also reads an NITF document that another one embeds (a NewsML-G2 `inlineXML`): `reads(_:)`
/// takes a `<nitf>` element, and `article(from:file:)` reads whatever it holds.
package struct NITFReader: ArticleReader, EmbeddedXMLReader {
    package init() {}

    package func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let root = try XMLTree.parse(input, options: options)
        guard reads(root) else {
            let namespace = root.namespace.map { " in \($0)" } ?? ""
            throw FormatError(
                id: "nitf.root", message: "the root element is <\(root.name)>\(namespace), not NITF's <nitf>",
                location: SourceLocation(file: input.file, line: root.line, column: 1), file: input.file ?? "<stdin>",
                hint: "copydesk reads NITF documents whose root is <nitf>, in no namespace or in "
                    + NITFFormat.namespace)
        }
        let (article, diagnostics) = article(from: root, file: input.file)
        return ReadResult(articles: [article], diagnostics: diagnostics)
    }

    func reads(_ element: XMLElement) -> Bool {
        element.name == "nitf" && NITFFormat.isNITF(namespace: element.namespace)
    }

    func article(from element: XMLElement, file: String?) -> (article: Article, diagnostics: [Diagnostic]) {
        var mapper = NITFMapper(file: file)
        mapper.read(element)
        return (mapper.article, mapper.diagnostics)
    }
}

// MARK: - NITFMapper

/// One reading: the article as it is filled in, and what is gathered until the end.
struct NITFMapper {
    let file: String?
    var article = Article()
    var diagnostics: [Diagnostic] = []

    /// `head/title`, the headline when no `hl1` gives one.
    var title: String?
    /// Headlines the `headline` field does not hold (`ExtensionKey.headlines`).
    var headlines: [JSONValue] = []
    var issued: ArticleDate?
    var publication: ArticleDate?
    var storyDate: ArticleDate?
    var revised: ArticleDate?
    var dates: [String: JSONValue] = [:]
    var subjects: [JSONValue] = []
    var genres: [String] = []
    /// Metadata for `extensions["nitf"]`.
    var nitf: [String: JSONValue] = [:]
    /// Elements not read, by name: how many, and the first one's line.
    var unread: [(name: String, count: Int, line: Int)] = []
    /// Blocks of `body.head` (its notes), which come before the content.
    var headBlocks: [Block] = []
    /// A `<p class="list-label">` waiting to see whether a list follows it.
    var pendingLabel: XMLElement?
    /// Who the document names that is not a byline (`ExtensionKey.contributors`).
    var contributors: [JSONValue] = []
    /// `quote-source` attributes of other producers' `<q>`, which are not read.
    var quoteSources = 0
    /// The `holder` of `doc.copyright`: the credit when nothing else names one.
    var copyrightHolder: String?

    init(file: String?) {
        self.file = file
    }

    func location(_ element: XMLElement) -> SourceLocation {
        SourceLocation(file: file, line: element.line, column: 1)
    }

    /// Whether an element is NITF's (not one of another namespace, which NITF 3.6 allows in places).
    func isNITF(_ element: XMLElement) -> Bool {
        NITFFormat.isNITF(namespace: element.namespace)
    }

    /// Notes an element that is not read.
    mutating func skip(_ element: XMLElement) {
        let name =
            element.namespace.flatMap { isNITF(element) ? nil : "\(element.name) (namespace \($0))" }
            ?? element.name
        if let index = unread.firstIndex(where: { $0.name == name }) {
            unread[index].count += 1
        } else {
            unread.append((name, 1, element.line))
        }
    }

    // MARK: Reading

    /// Reads a `<nitf>` element, or (for what another document embeds) a `body` or `body.content`.
    mutating func read(_ root: XMLElement) {
        article.source = ArticleSource(format: "nitf", file: file)
        article.language = Self.nonEmpty(root.attribute("baselang")) ?? root.language
        // `head`, `body` and the body's parts are blocks of their own (`block(_:)`), so whatever the
        // element holds, in whatever order, is read.
        if root.name == "nitf" {
            blocks(in: root)
        } else {
            block(root)
        }
        flushLabel()
        finish()
    }

    /// Settles what was gathered: the headline, the dates, the extensions and the notes.
    mutating func finish() {
        if article.headline == nil, let title {
            article.headline = title
        } else if let title, title != article.headline {
            headlines.insert(.object(["text": .string(title), "role": .string("title")]), at: 0)
        }
        article.published = issued ?? publication ?? storyDate
        // Without a distributor, the owner of the rights is the credit; without either, the
        // holder of the copyright (an agency that owns the item stands behind it).
        if article.source?.credit == nil, let owner = nitf["rights"]?.nitfObject?["owner"]?.stringValue {
            article.source?.credit = owner
        }
        if article.source?.credit == nil, let copyrightHolder {
            article.source?.credit = copyrightHolder
        }
        if let revised, revised != article.published { article.modified = revised }
        article.body = headBlocks + article.body
        if !headlines.isEmpty { article.extensions[ExtensionKey.headlines] = .array(headlines) }
        if !dates.isEmpty { article.extensions[ExtensionKey.dates] = .object(dates) }
        if !subjects.isEmpty { article.extensions[ExtensionKey.subjects] = .array(subjects) }
        if !contributors.isEmpty { article.extensions[ExtensionKey.contributors] = .array(contributors) }
        if !genres.isEmpty { article.extensions[ExtensionKey.genre] = .array(genres.map(JSONValue.string)) }
        if !nitf.isEmpty { article.extensions[NITFFormat.extensionKey] = .object(nitf) }
        for element in unread {
            let times = element.count > 1 ? " (\(element.count) times)" : ""
            diagnostics.append(
                Diagnostic(
                    id: "nitf.unread", severity: .note,
                    message: "left out <\(element.name)>\(times): copydesk does not read this NITF element",
                    location: SourceLocation(file: file, line: element.line, column: 1)))
        }
        if quoteSources > 0 {
            diagnostics.append(
                Diagnostic(
                    id: "nitf.unread", severity: .note,
                    message:
                        "left out \(quoteSources) quote-source attribute(s) of <q>: quotations and their speakers "
                        + "are found in the text by copydesk's analyser", file: file))
        }
    }

    // MARK: head

    mutating func head(_ head: XMLElement) {
        for element in head.elements() {
            guard isNITF(element) else {
                skip(element)
                continue
            }
            switch element.name {
            case "title":
                if let text = Self.nonEmpty(Self.folded(element.text)), title == nil { title = text }
            case "meta":
                guard let name = element.attribute("name") ?? element.attribute("http-equiv") else {
                    skip(element)
                    continue
                }
                let content = element.attribute("content") ?? ""
                var meta = nitf["meta"]?.nitfObject ?? [:]
                switch meta[name] {
                case nil: meta[name] = .string(content)
                case .array(let values)?: meta[name] = .array(values + [.string(content)])
                case let value?: meta[name] = .array([value, .string(content)])
                }
                nitf["meta"] = .object(meta)
            case "tobject": tobject(element)
            case "docdata": docdata(element)
            case "pubdata": pubdata(element)
            case "revision-history": revision(element)
            default: skip(element)
            }
        }
    }

    /// `revision-history`: the last one's date is the modification date.
    mutating func revision(_ element: XMLElement) {
        if let norm = Self.nonEmpty(element.attribute("norm")) {
            revised = NITFDate.articleDate(norm, location: location(element), provenance: "revision-history")
            dates["revision-history"] = .string(revised?.text ?? norm)
        }
        append("revision-history", attributes(of: element))
    }

    /// `tobject`: the genre (`tobject.property`) and the IPTC subject codes (`tobject.subject`).
    mutating func tobject(_ element: XMLElement) {
        if let type = Self.nonEmpty(element.attribute("tobject.type")) { nitf["tobject.type"] = .string(type) }
        for child in element.elements() {
            switch child.name {
            case "tobject.property":
                if let type = Self.nonEmpty(child.attribute("tobject.property.type")), !genres.contains(type) {
                    genres.append(type)
                }
            case "tobject.subject":
                let name = ["detail", "matter", "type"].lazy
                    .compactMap { Self.nonEmpty(child.attribute("tobject.subject.\($0)")) }.first
                subject(
                    code: child.attribute("tobject.subject.refnum"), name: name,
                    scheme: child.attribute("tobject.subject.ipr"))
            default: skip(child)
            }
        }
    }

    mutating func subject(code: String?, name: String?, scheme: String?) {
        var object: [String: JSONValue] = [:]
        if let code = Self.nonEmpty(code) { object["code"] = .string(code) }
        if let name = Self.nonEmpty(name) { object["name"] = .string(name) }
        if let scheme = Self.nonEmpty(scheme) { object["scheme"] = .string(scheme) }
        guard object["code"] != nil || object["name"] != nil, !subjects.contains(.object(object)) else { return }
        subjects.append(.object(object))
    }

    // MARK: docdata

    mutating func docdata(_ docdata: XMLElement) {
        if let status = Self.nonEmpty(docdata.attribute("management-status")), status.lowercased() != "usable" {
            article.extensions[ExtensionKey.status] = .string(status)
        }
        for element in docdata.elements() {
            guard isNITF(element) else {
                skip(element)
                continue
            }
            switch element.name {
            case "doc-id":
                if let id = Self.nonEmpty(element.attribute("id-string")), article.source?.id == nil {
                    article.source?.id = id
                }
                set("doc-id", attributes(of: element, except: ["id-string"]))
            case "urgency":
                if let text = element.attribute("ed-urg"), let value = Int(text.trimmingWhitespace()) {
                    article.extensions[ExtensionKey.urgency] = .number(Double(value))
                }
            case "date.issue", "date.release", "date.expire":
                guard let norm = Self.nonEmpty(element.attribute("norm")) else { continue }
                let date = NITFDate.articleDate(norm, location: location(element), provenance: element.name)
                dates[element.name] = .string(date.text)
                if element.name == "date.issue", issued == nil { issued = date }
            case "ed-msg":
                if let info = Self.nonEmpty(element.attribute("info")) {
                    article.extensions[ExtensionKey.editorialNote] = .string(info)
                }
                set("ed-msg", attributes(of: element, except: ["info"]))
            case "du-key":
                if let key = Self.nonEmpty(element.attribute("key")) {
                    article.extensions[ExtensionKey.slugline] = .string(key)
                }
                set("du-key", attributes(of: element, except: ["key"]))
            case "doc.copyright":
                let year = Self.nonEmpty(element.attribute("year"))
                if let holder = Self.nonEmpty(element.attribute("holder")) {
                    copyrightHolder = holder
                    let notice = year.map { "© \($0) \(holder)" } ?? holder
                    article.extensions[ExtensionKey.copyright] = .string(notice)
                } else {
                    set("doc.copyright", attributes(of: element))
                }
            case "doc.rights":
                let terms = [element.attribute("type"), element.attribute("limitations")].compactMap(Self.nonEmpty)
                if !terms.isEmpty {
                    article.extensions[ExtensionKey.usageTerms] = .string(terms.joined(separator: " "))
                }
                set("doc.rights", attributes(of: element, except: ["type", "limitations"]))
            case "key-list": keywords(element)
            case "identified-content":
                for child in element.elements() { identified(child) }
            case "fixture":
                subject(code: element.attribute("fix-id"), name: nil, scheme: "fixture")
            case "doc-scope":
                if let scope = Self.nonEmpty(element.attribute("scope")) { append("doc-scope", .string(scope)) }
            case "series": set("series", attributes(of: element))
            case "evloc": append("evloc", attributes(of: element))
            case "correction": set("correction", attributes(of: element))
            case "del-list":
                for source in element.elements("from-src") { append("del-list", attributes(of: source)) }
            // Not where NITF puts them, but found in producers' files.
            case "pubdata": pubdata(element)
            case "revision-history": revision(element)
            default: skip(element)
            }
        }
    }

    /// `key-list`: each `keyword`'s key, once.
    mutating func keywords(_ list: XMLElement) {
        for keyword in list.elements("keyword") {
            if let key = Self.nonEmpty(keyword.attribute("key")), !article.keywords.contains(key) {
                article.keywords.append(key)
            }
        }
    }

    /// `person`, `org`, `location`, `event`, `function`, `object.title`, `virtloc`, `classifier`:
    /// what the document is about, as subjects.
    mutating func identified(_ element: XMLElement) {
        let code = element.attribute("value") ?? element.attribute("location-code") ?? element.attribute("idsrc")
        let scheme =
            element.name == "classifier" ? element.attribute("type") ?? element.attribute("idsrc") : element.name
        subject(code: code, name: Self.folded(element.text), scheme: scheme)
    }

    mutating func pubdata(_ element: XMLElement) {
        if let norm = Self.nonEmpty(element.attribute("date.publication")) {
            let date = NITFDate.articleDate(norm, location: location(element), provenance: "date.publication")
            dates["date.publication"] = .string(date.text)
            if publication == nil { publication = date }
        }
        if let name = Self.nonEmpty(element.attribute("name")), article.source?.publisher == nil {
            article.source?.publisher = name
        }
        if let section = Self.nonEmpty(element.attribute("position.section")), article.section == nil {
            article.section = section
        }
        if let url = Self.nonEmpty(element.attribute("ex-ref")), article.source?.url == nil {
            article.source?.url = url
        }
        append(
            "pubdata",
            attributes(of: element, except: ["date.publication", "name", "position.section", "ex-ref"]))
    }

    // MARK: body

    mutating func body(_ body: XMLElement) {
        if article.language == nil { article.language = body.language }
        blocks(in: body)
        flushLabel()
    }

    mutating func bodyHead(_ head: XMLElement) {
        for element in head.elements() {
            guard isNITF(element) else {
                skip(element)
                continue
            }
            switch element.name {
            // `headline` is not NITF's, but some producers write it for `hedline`.
            case "hedline", "headline": hedline(element)
            case "note":
                let before = article.body
                article.body = []
                footnote(element)
                headBlocks += article.body
                article.body = before
            case "rights": rights(element)
            case "byline": byline(element)
            case "distributor":
                if let credit = Self.nonEmpty(Self.folded(element.text)), article.source?.credit == nil {
                    article.source?.credit = credit
                }
            case "dateline": dateline(element)
            case "abstract": abstract(element)
            case "series": set("series", attributes(of: element))
            default: skip(element)
            }
        }
    }

    /// `hl1` is the headline (the first; later ones go to the `headlines` extension), `hl2` the
    /// subheadline (unless it repeats the headline).
    mutating func hedline(_ hedline: XMLElement) {
        for element in hedline.elements() {
            let text = Self.folded(element.text).trimmingWhitespace()
            guard !text.isEmpty else { continue }
            var entry: [String: JSONValue] = ["text": .string(text)]
            if let language = element.language { entry["language"] = .string(language) }
            switch element.name {
            case "hl1":
                if article.headline == nil {
                    article.headline = text
                } else {
                    headlines.append(.object(entry))
                }
            case "hl2":
                // Some agencies put the story's keyword there (`HONDURAS GOVERNMENT`): no subheadline.
                let isKeyword = article.keywords.contains { $0.lowercased() == text.lowercased() }
                if article.subheadline == nil, text != article.headline, !isKeyword {
                    article.subheadline = text
                } else {
                    entry["role"] = .string("hl2")
                    headlines.append(.object(entry))
                }
            default: skip(element)
            }
        }
    }

    /// `rights` in the body's head: its parts' text by name (`owner`, `agent`, …).
    mutating func rights(_ element: XMLElement) {
        var object: [String: JSONValue] = [:]
        for part in element.elements() where part.name.hasPrefix("rights.") {
            let text = Self.folded(part.text)
            if !text.isEmpty { object[String(part.name.dropFirst("rights.".count))] = .string(text) }
        }
        let loose = Self.folded(
            element.children.map { child -> String in
                if case .text(let text) = child { return text }
                return " "
            }.joined())
        if !loose.isEmpty { object["text"] = .string(loose) }
        if !object.isEmpty { nitf["rights"] = .object(object) }
    }

    /// A byline: each `person` is a contributor (all sharing the `byttl`); without one, the printed
    /// text is, for the byline analyser to split (`By A and B`); with neither, the title or its
    /// organisation (`<byttl>Sports Network</byttl>`).
    mutating func byline(_ element: XMLElement) {
        /// The byline's text, each `person` by name and the `byttl` as `title` gives it.
        func text(title: (XMLElement) -> String) -> String {
            Self.folded(
                element.children.map { child -> String in
                    switch child {
                    case .text(let text): return text
                    case .element(let inner):
                        if inner.name == "person" { return Self.personName(inner).name }
                        return inner.name == "byttl" ? title(inner) : Self.spacedText(inner)
                    }
                }.joined())
        }
        // The title stands apart from the name (`By BERNARD CONDON<byttl>AP Business Writer</byttl>`).
        let raw = text { " " + Self.spacedText($0) + " " }
        guard !raw.isEmpty else { return }
        let title = element.first("byttl")
        let organisations = (title?.elements("org") ?? []).compactMap { Self.nonEmpty(Self.folded($0.text)) }
        var role = title.map { title in
            Self.trimmedPunctuation(
                Self.folded(
                    title.children.map { child -> String in
                        switch child {
                        case .text(let text): return text
                        case .element(let inner): return inner.name == "org" ? " " : Self.spacedText(inner)
                        }
                    }.joined()))
        }
        if role?.isEmpty == true { role = nil }
        let persons = element.elements("person").map(Self.personName).filter { !$0.name.isEmpty }
        let printed = Self.trimmedPunctuation(text { _ in " " })
        let here = location(element)
        let affiliation = organisations.first
        if !persons.isEmpty {
            for person in persons {
                article.bylines.append(
                    Byline(
                        name: person.name, role: role ?? person.function, affiliation: affiliation, raw: raw,
                        origin: .printed, location: here))
            }
        } else if !printed.isEmpty, !printed.contains(" "), !printed.contains(where: \.isUppercase) {
            // A sign-off of initials (`gr/bp`), not a name: kept as metadata.
            contributors.append(.object(["kind": .string("byline"), "name": .string(printed)]))
        } else if !printed.isEmpty {
            article.bylines.append(
                Byline(name: printed, role: role, affiliation: affiliation, raw: raw, origin: .printed, location: here))
        } else if let organisation = organisations.first {
            // The organisation credited, then the one it is part of.
            article.bylines.append(
                Byline(
                    name: organisation, kind: .organization, role: role, affiliation: organisations.dropFirst().first,
                    raw: raw, origin: .printed, location: here))
        } else if let role {
            article.bylines.append(Byline(name: role, raw: raw, origin: .printed, location: here))
        }
    }

    /// The text inside an element, with a space between elements that stand side by side with no
    /// text between them (`<city>Oslo</city><country>Norway</country>`).
    static func spacedText(_ element: XMLElement) -> String {
        var out = ""
        var afterElement = false
        for child in element.children {
            switch child {
            case .text(let text):
                out += text
                afterElement = false
            case .element(let inner):
                if afterElement { out += " " }
                out += spacedText(inner)
                afterElement = true
            }
        }
        return out
    }

    /// A `person`'s name (its parts, `name.given` and `name.family`, spaced), and the `function`
    /// it may hold.
    static func personName(_ person: XMLElement) -> (name: String, function: String?) {
        var function: String?
        let text = person.children.map { child -> String in
            switch child {
            case .text(let text): return text
            case .element(let inner):
                guard inner.name != "function" else {
                    function = nonEmpty(folded(inner.text))
                    return " "
                }
                return " " + inner.text + " "
            }
        }.joined()
        return (folded(text).trimmingWhitespace(), function)
    }

    /// The dateline: its `location` is the place, its `story.date` the date (and, with a `norm`,
    /// the publication date when the head gives none); a dateline of plain text is split as wire
    /// style prints it (`SYDNEY March 22 AAP -`).
    mutating func dateline(_ element: XMLElement) {
        var raw = Self.folded(Self.spacedText(element))
        while let last = raw.last, "—–-:".contains(last) { raw = String(raw.dropLast()).trimmingWhitespace() }
        guard !raw.isEmpty, article.dateline == nil else {
            if !raw.isEmpty { append("dateline", .string(raw)) }
            return
        }
        let place = element.first("location").flatMap { Self.nonEmpty(Self.folded(Self.spacedText($0))) }
        let dateElement = element.first("story.date")
        let date = dateElement.flatMap { Self.nonEmpty(Self.folded($0.text)) }
        if let norm = dateElement.flatMap({ Self.nonEmpty($0.attribute("norm")) }) {
            storyDate = NITFDate.articleDate(norm, location: location(element), provenance: "story.date")
            dates["story.date"] = .string(storyDate?.text ?? norm)
        }
        if place == nil, let dateElement, raw == Self.folded(dateElement.attribute("norm") ?? "") {
            // Only a machine date, no printed dateline.
            return
        }
        if place != nil || dateElement != nil {
            article.dateline = Dateline(place: place, date: date, raw: raw)
        } else {
            let split = Self.split(dateline: raw)
            article.dateline = Dateline(place: split.place, date: split.date, raw: raw)
        }
    }

    /// `PLACE[,] [Month Day | Day Month] …`: the words before a comma, a month or a number are the place.
    static func split(dateline raw: String) -> (place: String?, date: String?) {
        let words = raw.split(separator: " ").map(String.init)
        var place: [String] = []
        var index = 0
        func isMonth(_ word: String) -> Bool {
            Lexicon.monthNumbers[String(word.lowercased().filter { $0 != "." && $0 != "," })] != nil
        }
        func isNumber(_ word: String) -> Bool { word.first?.isNumber ?? false }
        while index < words.count {
            let word = words[index]
            if isMonth(word) || isNumber(word) || word.hasPrefix("(") { break }
            if word.hasSuffix(",") {
                place.append(String(word.dropLast()))
                index += 1
                break
            }
            place.append(word)
            index += 1
        }
        var date: [String] = []
        if index < words.count, isMonth(words[index]) || isNumber(words[index]) {
            date.append(words[index])
            if index + 1 < words.count, isMonth(words[index + 1]) || isNumber(words[index + 1]) {
                date.append(words[index + 1])
            }
        }
        let found = String(date.joined(separator: " ").reversed().drop { $0 == "," }.reversed())
        return (place.isEmpty ? nil : place.joined(separator: " "), found.isEmpty || date.count < 2 ? nil : found)
    }

    /// `abstract`: each paragraph a highlight.
    mutating func abstract(_ element: XMLElement) {
        for paragraph in paragraphs(in: element) {
            let text = paragraph.plainText.trimmingWhitespace()
            if !text.isEmpty, !article.highlights.contains(text) { article.highlights.append(text) }
        }
    }

    /// `body.end`: the tagline and the bibliography are printed text, read as the last paragraphs.
    mutating func bodyEnd(_ end: XMLElement) {
        flushLabel()
        for element in end.elements() {
            guard isNITF(element), element.name == "tagline" || element.name == "bibliography" else {
                skip(element)
                continue
            }
            paragraph(element)
        }
    }

    // MARK: Extensions

    /// An element's attributes (not namespaced ones, nor empty ones), as an object.
    func attributes(of element: XMLElement, except: Set<String> = []) -> JSONValue? {
        var object: [String: JSONValue] = [:]
        for (name, value) in element.attributes where !name.hasPrefix("{") && name != "id" && !except.contains(name) {
            if let value = Self.nonEmpty(value) { object[name] = .string(value) }
        }
        return object.isEmpty ? nil : .object(object)
    }

    /// `extensions["nitf"][key]` = the value (the first one wins).
    mutating func set(_ key: String, _ value: JSONValue?) {
        guard let value, nitf[key] == nil else { return }
        nitf[key] = value
    }

    /// Appends to the array `extensions["nitf"][key]`.
    mutating func append(_ key: String, _ value: JSONValue?) {
        guard let value else { return }
        nitf[key] = .array((nitf[key]?.nitfArray ?? []) + [value])
    }

    // MARK: Text

    static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }

    /// XML white space (space, tab, line feed, carriage return) folded to single spaces and
    /// trimmed; other spaces (no-break) are text.
    static func folded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pending = false
        for scalar in text.unicodeScalars {
            if isXMLSpace(scalar) {
                pending = !out.isEmpty
            } else {
                if pending { out.append(" ") }
                pending = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func isXMLSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    /// Text without the separators a byline leaves around its parts (`By Jane Doe,` → `By Jane Doe`).
    static func trimmedPunctuation(_ text: String) -> String {
        var out = Substring(text)
        while let last = out.last, ",;:|/–—-".contains(last) || last == " " { out = out.dropLast() }
        while let first = out.first, ",;:|/–—-".contains(first) || first == " " { out = out.dropFirst() }
        return String(out)
    }
}
