// copydesk — ArticleFormats / ninjs reader
// One ninjs news item onto the canonical article: text, people, dates, subjects and wire metadata.

import ArticleModel

// MARK: - NINJSItemMapper

/// Maps one news item. Every property it reads is marked used; the others are kept in
/// `extensions["ninjs"]`. A property of the wrong type is left out with a warning at its position.
struct NINJSItemMapper {
    let item: NINJSNode
    let json: NINJSPositions
    /// The reader's options (limits apply to an embedded NITF body too).
    let options: ReaderOptions
    var diagnostics: [Diagnostic] = []
    var article = Article()
    /// Keys of the item read so far, as written.
    var used: Set<String> = []
    /// Properties of the item kept as they are because nothing holds them: `extensions["ninjs"]`.
    var kept: [String: JSONValue] = [:]

    init(item: NINJSNode, json: NINJSPositions, options: ReaderOptions = .default) {
        self.item = item
        self.json = json
        self.options = options
    }

    /// The article, or `ninjs.empty` when the item has neither a headline nor a body.
    mutating func read() throws(FormatError) -> Article {
        article.source = ArticleSource(format: "ninjs", file: json.file)
        mapIdentity()
        mapHeadlines()
        mapDates()
        mapBylines()
        mapDescriptions()
        mapSubjects()
        mapWireMetadata()
        mapBody()
        mapAssociations()
        keepTheRest()
        guard article.headline != nil || !article.body.isEmpty else {
            throw FormatError(
                id: "ninjs.empty",
                message: "the ninjs item\(item.path.isEmpty ? "" : " at '\(item.path)'") has no headline and no body",
                location: json.location(item.path), file: json.file ?? "<stdin>",
                hint: "a ninjs item gives its text in headlines and bodies (ninjs 2 and 3) or headline and "
                    + "body_html/body_text (ninjs 1); check that the file is the item, not an index of items")
        }
        return article
    }

    // MARK: Reading values

    /// The value of the first of `names` present (case aside), marked read.
    mutating func take(_ names: String...) -> (key: String, value: JSONValue, path: String)? {
        take(names, in: item)
    }

    mutating func take(_ names: [String], in node: NINJSNode) -> (key: String, value: JSONValue, path: String)? {
        guard let (key, value) = node.value(names) else { return nil }
        if node.path == item.path { used.insert(key) }
        return (key, value, node.path(key))
    }

    /// A string property; a number is read as its digits (`"version": 2`); anything else is left
    /// out with a warning. Empty strings count as absent.
    mutating func string(_ names: String..., in node: NINJSNode? = nil) -> (text: String, path: String)? {
        guard let (key, value, path) = take(names, in: node ?? item) else { return nil }
        switch value {
        case .string(let text):
            return text.trimmingWhitespace().isEmpty ? nil : (text, path)
        case .number(let number):
            return (JSONValue.text(ofNumber: number), path)
        case .null:
            return nil
        default:
            wrongType(key, value, path: path, expected: "a string")
            return nil
        }
    }

    /// The objects of an array property (`headlines`), or of an object of named objects (ninjs 1's
    /// `associations` and `renditions`, whose names become `name`). Other values are left out
    /// with a warning; `null` elements are skipped.
    mutating func objects(_ names: String..., in node: NINJSNode? = nil) -> [NINJSNode] {
        guard let (key, value, path) = take(names, in: node ?? item) else { return [] }
        switch value {
        case .array(let elements):
            var out: [NINJSNode] = []
            for (index, element) in elements.enumerated() {
                switch element {
                case .object(let fields): out.append(NINJSNode(fields: fields, path: path + "[\(index)]"))
                case .null: continue
                default: wrongType("\(key)[\(index)]", element, path: path + "[\(index)]", expected: "an object")
                }
            }
            return out
        case .object(let named):
            var out: [NINJSNode] = []
            for name in named.keys.sorted() {
                switch named[name]! {
                case .object(var fields):
                    if fields["name"] == nil { fields["name"] = .string(name) }
                    out.append(NINJSNode(fields: fields, path: JSONParser.path(path, name)))
                case .null: continue
                default:
                    wrongType("\(key).\(name)", named[name]!, path: JSONParser.path(path, name), expected: "an object")
                }
            }
            return out
        case .null:
            return []
        default:
            wrongType(key, value, path: path, expected: "an array of objects")
            return []
        }
    }

    /// A string field of a nested object (`role`, `value`), without marking anything.
    mutating func field(_ node: NINJSNode, _ names: String...) -> String? {
        guard let (key, value) = node.value(names) else { return nil }
        switch value {
        case .string(let text): return text
        case .number(let number): return JSONValue.text(ofNumber: number)
        case .null: return nil
        default:
            wrongType(key, value, path: node.path(key), expected: "a string")
            return nil
        }
    }

    /// Reports a value of the wrong type: a property of the item is kept in `extensions["ninjs"]`
    /// as it is, a value inside one is left out.
    mutating func wrongType(_ key: String, _ value: JSONValue, path: String, expected: String) {
        let isProperty = item.fields[key] != nil && path == item.path(key)
        if isProperty { kept[key] = value }
        diagnostics.append(
            Diagnostic(
                id: "ninjs.type", severity: .warning,
                message: "'\(path)' is \(value.kindDescription), not \(expected) as ninjs has it; "
                    + (isProperty ? "it is kept as it is in extensions.ninjs" : "it was left out"),
                location: json.location(path), file: json.file))
    }

    mutating func note(_ id: String, _ message: String, at path: String?, severity: Diagnostic.Severity = .note) {
        diagnostics.append(
            Diagnostic(
                id: id, severity: severity, message: message, location: path.flatMap { json.location($0) },
                file: json.file))
    }

    func location(_ path: String) -> SourceLocation? { json.location(path) }

    // MARK: Identity and source

    /// `uri` (or Superdesk's `guid`) → `source.id`; `infoSources` publisher → `source.publisher`;
    /// `altIds` url → `source.url`; Superdesk's `source` (the credit, `AAP`) → `source.credit`.
    private mutating func mapIdentity() {
        if let uri = string("uri") ?? string("guid") { article.source?.id = uri.text }
        var sources: [(role: String?, name: String?, node: NINJSNode)] = []
        for source in objects("infoSources", "infoSource") {
            sources.append(
                (field(source, "role", "rel")?.lowercased(), field(source, "name") ?? field(source, "literal"), source))
        }
        // The publisher, else the one source whose role is not given.
        let publisher =
            sources.firstIndex { $0.role == "publisher" && $0.name != nil }
            ?? sources.firstIndex { $0.role == nil && $0.name != nil }
        for (index, source) in sources.enumerated() {
            if index == publisher {
                article.source?.publisher = source.name
            } else {
                keep("infoSources", .object(source.node.fields))
            }
        }
        if let (_, value, path) = take("altIds") {
            switch value {
            case .array:
                for id in objects("altIds") {
                    if field(id, "role")?.lowercased() == "url", let url = field(id, "value") {
                        article.source?.url = url
                    } else {
                        keep("altIds", .object(id.fields))
                    }
                }
            case .object(let named):
                // ninjs 1: an object of the provider's own names.
                for (name, id) in named.sorted(by: { $0.key < $1.key }) {
                    if name.lowercased() == "url", case .string(let url) = id {
                        article.source?.url = url
                    } else {
                        keepNamed("altIds", name, id)
                    }
                }
            default:
                wrongType("altIds", value, path: path, expected: "an array of objects")
            }
        }
        if let credit = string("source") { article.source?.credit = credit.text }
    }

    // MARK: Headlines

    /// `headlines` (role `main` or none → headline; `sub`, `subheadline`, `deck` → subheadline; others
    /// → `extensions.headlines`), ninjs 1's `headline` and `headline_*`; `title` when no headline.
    private mutating func mapHeadlines() {
        var others: [JSONValue] = []
        if let headline = string("headline") { article.headline = headline.text }
        for headline in objects("headlines") {
            guard let text = field(headline, "value"), !text.trimmingWhitespace().isEmpty else { continue }
            let role = field(headline, "role")?.lowercased()
            if role == nil || role == "main", article.headline == nil {
                article.headline = text
            } else if ["sub", "subheadline", "subtitle", "deck"].contains(role ?? ""), article.subheadline == nil {
                article.subheadline = text
            } else {
                others.append(Self.object(["text": text, "role": role, "language": field(headline, "lang")]))
            }
        }
        for key in item.fields.keys.sorted() where key.lowercased().hasPrefix("headline_") {
            guard let text = string(key) else { continue }
            others.append(Self.object(["text": text.text, "role": String(key.dropFirst("headline_".count))]))
        }
        // A headline of another role stands in when no main one is given.
        if article.headline == nil, let first = others.first, case .object(let fields) = first,
            case .string(let text)? = fields["text"]
        {
            article.headline = text
            others.removeFirst()
        }
        if !others.isEmpty { article.extensions[ExtensionKey.headlines] = .array(others) }
        if let title = string("title") {
            if article.headline == nil {
                article.headline = title.text
                note(
                    "ninjs.title", "the item has no headline; its title (metadata, not a headline) is read as one",
                    at: title.path)
            } else if title.text != article.headline {
                keep("title", .string(title.text))
            }
        }
    }

    // MARK: Dates

    /// The item's dates, by their ninjs 3 names. `published`: the first of `firstPublished`
    /// (Superdesk), `contentCreated`, `firstCreated`, `versionCreated`; `modified`: `versionCreated`
    /// when it is another date. All are kept in `extensions.dates`.
    static let dateProperties: [(names: [String], name: String)] = [
        (["firstPublished"], "firstPublished"), (["contentCreated"], "contentCreated"),
        (["firstCreated"], "firstCreated"), (["versionCreated"], "versionCreated"),
        (["embargoedUntil", "embargoed"], "embargoed"), (["expires"], "expires"),
    ]

    private mutating func mapDates() {
        var dates: [String: JSONValue] = [:]
        var found: [String: ArticleDate] = [:]
        for (names, name) in Self.dateProperties {
            guard let (key, value, path) = take(names, in: item) else { continue }
            guard case .string(let text) = value else {
                if value != .null { wrongType(key, value, path: path, expected: "a date-time string") }
                continue
            }
            guard !text.trimmingWhitespace().isEmpty else { continue }
            dates[name] = .string(text)
            found[name] = ArticleDate(parsing: text, location: location(path), provenance: name)
            if name == "embargoed" {
                note("ninjs.embargoed", "the item is embargoed until \(text.trimmingWhitespace())", at: path)
            }
        }
        if !dates.isEmpty { article.extensions[ExtensionKey.dates] = .object(dates) }
        let precedence = ["firstPublished", "contentCreated", "firstCreated", "versionCreated"]
        guard let publishedName = precedence.first(where: { found[$0] != nil }) else { return }
        article.published = found[publishedName]
        if publishedName != "versionCreated", let version = found["versionCreated"],
            version.text != article.published?.text, version.value == nil || version.value != article.published?.value
        {
            article.modified = version
        }
    }

    // MARK: People

    /// Relations that make a person or organisation a byline.
    static let authorRelations: Set<String> = ["author", "creator", "writer", "byline", "by"]

    /// `by` (ninjs 1: `byline`) is the byline as printed; people and organisations with `rel` (or
    /// Superdesk's `role`) author, creator or writer are bylines from data fields. When the printed
    /// line names every one of them, they are one credit, not two: copydesk's own `by` (`Name, Role,
    /// Affiliation; …`, one part per person) gives each its role and affiliation; another printed
    /// line stays as printed, for the byline analyser to split. The others stay as fields.
    private mutating func mapBylines() {
        var fields: [Byline] = []
        for (names, kind) in [
            (["people", "person"], Byline.Kind.person), (["organisations", "organisation"], .organization),
        ] {
            var others: [JSONValue] = []
            var key = names[0]
            if let found = item.value(names) { key = found.key }
            for entity in objects(names[0], names[1]) {
                let relation = (field(entity, "rel") ?? field(entity, "role"))?.lowercased() ?? ""
                if Self.authorRelations.contains(relation),
                    let name = field(entity, "name") ?? field(entity, "literal"),
                    !name.trimmingWhitespace().isEmpty
                {
                    fields.append(Byline(name: name, kind: kind, location: location(entity.path)))
                } else {
                    others.append(.object(entity.fields))
                }
            }
            if !others.isEmpty { kept[key] = .array(others) }
        }
        // Superdesk's `authors`: writers are bylines, editors and others contributors.
        var contributors: [JSONValue] = []
        for author in objects("authors") {
            guard let name = field(author, "name"), !name.trimmingWhitespace().isEmpty else { continue }
            let role = field(author, "role")
            if role == nil || Self.authorRelations.contains(role!.lowercased()) {
                fields.append(Byline(name: name, location: location(author.path)))
            } else {
                contributors.append(
                    Self.object(["name": name, "role": role, "id": field(author, "code") ?? field(author, "_id")]))
            }
        }
        if !contributors.isEmpty { article.extensions[ExtensionKey.contributors] = .array(contributors) }

        guard let printed = string("by", "byline") else {
            article.bylines = fields
            return
        }
        let here = location(printed.path)
        if let merged = Self.merged(printed.text, fields, location: here) {
            article.bylines = merged
            return
        }
        // A person the line names, in full or by every word of the name (`Aaron Staples` in
        // `Aaron J. Staples, Michigan State University`), is the line's.
        let words = Set(Self.nameWords(printed.text))
        let unnamed = fields.filter { !Set(Self.nameWords($0.name)).isSubset(of: words) }
        article.bylines =
            [Byline(name: printed.text, raw: printed.text, origin: .printed, location: here)] + unnamed
    }

    /// The words of a name, lowercased.
    static func nameWords(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// copydesk's `by`: one `Name, Role, Affiliation` part per byline, joined by `; `, each part
    /// starting with the name of one of the people and organisations, and naming all of them. Names
    /// and roles may hold `; ` themselves: a part ends at the `; ` before another one's name.
    static func merged(_ printed: String, _ fields: [Byline], location: SourceLocation?) -> [Byline]? {
        guard !fields.isEmpty else { return nil }
        var unused = fields
        var out: [Byline] = []
        var rest = Substring(printed)
        /// The unused byline whose name starts `text` as a whole part (followed by nothing, `; ` or `, `).
        func named(_ text: Substring) -> Int? {
            unused.indices.filter { index in
                let name = unused[index].name
                guard text.hasPrefix(name) else { return false }
                let after = text.dropFirst(name.count)
                return after.isEmpty || after.hasPrefix("; ") || after.hasPrefix(", ")
            }.max { unused[$0].name.count < unused[$1].name.count }
        }
        /// A part with no name: a byline whose name was blank (`, Role` or nothing).
        func isNameless(_ text: Substring) -> Bool {
            let trimmed = text.drop { $0 == " " }
            return trimmed.isEmpty || trimmed.hasPrefix(", ") || trimmed.hasPrefix("; ")
        }
        /// The details after a name: up to the `; ` that starts the next part, or the end.
        func details(_ text: Substring) -> (Substring, Substring) {
            var search = text.startIndex
            while let separator = text[search...].firstTextRange(of: "; ") {
                let next = text[separator.upperBound...]
                if named(next) != nil || isNameless(next) { return (text[..<separator.lowerBound], next) }
                search = separator.upperBound
            }
            return (text, text[text.endIndex...])
        }
        while !rest.isEmpty {
            guard let index = named(rest) else {
                guard isNameless(rest) else { return nil }
                rest = rest.drop { $0 == " " }
                if rest.hasPrefix("; ") { rest = rest.dropFirst(2) } else { rest = details(rest.dropFirst(2)).1 }
                continue
            }
            var byline = unused.remove(at: index)
            rest = rest.dropFirst(byline.name.count)
            if rest.hasPrefix(", ") {
                let (text, next) = details(rest.dropFirst(2))
                let parts = text.pieces(separatedBy: ", ")
                byline.role = parts.first
                if parts.count > 1 { byline.affiliation = parts.dropFirst().joined(separator: ", ") }
                rest = next
            } else if rest.hasPrefix("; ") {
                rest = rest.dropFirst(2)
            }
            byline.origin = .printed
            byline.location = location ?? byline.location
            out.append(byline)
        }
        return unused.isEmpty ? out : nil
    }

    // MARK: Descriptions

    /// Description roles read as the subheadline (the first one; later ones are highlights).
    static let subheadlineRoles: Set<String> = ["lead", "standfirst", "deck", "teaser", "intro", "sub", "subheadline"]
    /// Description roles that hold the story's text when the item has no body (NTB's `text`).
    static let textRoles: Set<String> = ["text", "body"]
    /// Description roles of a picture: its caption, alternative text and credit line.
    static let pictureRoles: Set<String> = ["caption", "alt", "creditline", "credit"]

    /// The descriptions not read elsewhere: the text ones, kept for the body when there is none.
    var textDescriptions: [(text: String, path: String)] = []
    /// A picture item's caption and alternative text.
    var pictureDescriptions: [String: String] = [:]

    /// `descriptions` (ninjs 2 and 3) and `description_text` / `description_html` (ninjs 1): by role,
    /// the subheadline (lead, standfirst, deck, teaser, intro), the body's text when there is no body
    /// (text, body), a picture's caption and alternative text (caption, alt), and highlights (summary,
    /// highlight, abstract, no role, any other).
    private mutating func mapDescriptions() {
        var descriptions: [(role: String?, text: String, path: String)] = []
        for description in objects("descriptions") {
            guard var text = field(description, "value"), !text.trimmingWhitespace().isEmpty else { continue }
            if let type = field(description, "contentType")?.lowercased(), type.contains("html") {
                text = plainText(ofHTML: text)
            }
            descriptions.append((field(description, "role")?.lowercased(), text, description.path))
        }
        // ninjs 1: description_text, else description_html or description_xhtml, as one description.
        if let text = string("description_text") {
            descriptions.append((nil, text.text, text.path))
            _ = take("description_html")
            _ = take("description_xhtml")
        } else if let html = string("description_html", "description_xhtml") {
            descriptions.append((nil, plainText(ofHTML: html.text), html.path))
        }
        // ninjs 1's other `description_ROLE` properties (`description_caption`).
        for key in item.fields.keys.sorted() where key.lowercased().hasPrefix("description_") && !used.contains(key) {
            guard let text = string(key) else { continue }
            descriptions.append((String(key.dropFirst("description_".count)).lowercased(), text.text, text.path))
        }
        for (role, text, path) in descriptions {
            let trimmed = text.trimmingWhitespace()
            guard !trimmed.isEmpty else { continue }
            let role = role ?? ""
            if Self.subheadlineRoles.contains(role), article.subheadline == nil {
                article.subheadline = trimmed
            } else if Self.textRoles.contains(role) {
                textDescriptions.append((text, path))
            } else if Self.pictureRoles.contains(role) {
                pictureDescriptions[role] = trimmed
            } else if role == "highlight" {
                // copydesk's own role: the highlight exactly as written.
                article.highlights.append(text)
            } else if !article.highlights.contains(trimmed) {
                article.highlights.append(trimmed)
            }
        }
    }

    /// The text of an HTML fragment, its blocks joined by blank lines.
    func plainText(ofHTML html: String) -> String {
        guard let reader = FormatRegistry.htmlFragmentReader else { return html }
        return reader.body(fromFragment: html, file: json.file).blocks.map(\.plainText).joined(separator: "\n\n")
    }

    // MARK: Subjects

    /// Subjects with `rel` section or keyword (as copydesk writes them) are the section and the
    /// keywords; all others go to `extensions.subjects` as `{code, name, scheme}`. Superdesk's
    /// `keywords` (strings) are keywords too.
    private mutating func mapSubjects() {
        var subjects: [JSONValue] = []
        for subject in objects("subjects", "subject") {
            let name = field(subject, "name")
            let relation = field(subject, "rel")?.lowercased()
            if relation == "section", let name, article.section == nil {
                article.section = name
            } else if relation == "keyword", let name {
                article.keywords.append(name)
            } else {
                let code = field(subject, "code") ?? field(subject, "literal") ?? field(subject, "uri")
                guard name != nil || code != nil else { continue }
                subjects.append(Self.object(["code": code, "name": name, "scheme": field(subject, "scheme")]))
            }
        }
        if !subjects.isEmpty { article.extensions[ExtensionKey.subjects] = .array(subjects) }
        if let (key, value, path) = take("keywords") {
            if case .array(let words) = value {
                for (index, word) in words.enumerated() {
                    if case .string(let text) = word, !text.trimmingWhitespace().isEmpty {
                        article.keywords.append(text)
                    } else if word != .null {
                        wrongType("\(key)[\(index)]", word, path: path + "[\(index)]", expected: "a string")
                    }
                }
            } else if case .string(let text) = value {
                article.keywords += text.split(separator: ",").map { String($0).trimmingWhitespace() }
                    .filter { !$0.isEmpty }
            } else if value != .null {
                wrongType(key, value, path: path, expected: "an array of strings")
            }
        }
    }

    // MARK: Wire metadata

    /// The properties the shared extension keys hold, the language and the dateline's place.
    private mutating func mapWireMetadata() {
        if let language = string("language") { article.language = language.text }
        if let located = string("located") {
            article.dateline = Dateline(place: located.text, raw: located.text)
        }
        if let notice = lines("copyrightNotice") { article.extensions[ExtensionKey.copyright] = .string(notice) }
        if let terms = lines("usageTerms") { article.extensions[ExtensionKey.usageTerms] = .string(terms) }
        if let slugline = string("slugline") { article.extensions[ExtensionKey.slugline] = .string(slugline.text) }
        if let note = string("edNote") { article.extensions[ExtensionKey.editorialNote] = .string(note.text) }
        if let version = string("version") { article.extensions[ExtensionKey.version] = .string(version.text) }
        if let status = string("pubStatus") { article.extensions[ExtensionKey.status] = .string(status.text) }
        if let (key, value, path) = take("urgency") {
            switch value {
            case .number(let number):
                article.extensions[ExtensionKey.urgency] = .number(number)
            case .string(let text) where Double(text.trimmingWhitespace()) != nil:
                article.extensions[ExtensionKey.urgency] = .number(Double(text.trimmingWhitespace())!)
            case .null:
                break
            default:
                wrongType(key, value, path: path, expected: "a number from 1 to 9")
            }
        }
        var genres: [JSONValue] = []
        for genre in objects("genres", "genre") {
            let uri = field(genre, "uri")
            let name =
                field(genre, "name") ?? field(genre, "literal") ?? field(genre, "code")
                ?? uri.map { String($0.split(separator: "/").last ?? Substring($0)) }
            if let name, !name.isEmpty { genres.append(.string(name)) }
        }
        if !genres.isEmpty { article.extensions[ExtensionKey.genre] = .array(genres) }
        // Bookkeeping of the format: which standard and schema the item follows.
        _ = take("standard")
        _ = take("$standard")
    }

    /// A string property, or an array of strings (as some agencies give usage terms) joined by spaces.
    private mutating func lines(_ name: String) -> String? {
        if case .array(let values)? = item.value([name])?.value, values.allSatisfy({ $0.stringValue != nil }) {
            _ = take(name)
            let text = values.compactMap(\.stringValue).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            return text.isEmpty ? nil : text.joined(separator: " ")
        }
        return string(name)?.text
    }

    // MARK: What nothing holds

    /// Keeps a property's value under its own name in `extensions["ninjs"]` (values of the same
    /// name gather in an array).
    mutating func keep(_ key: String, _ value: JSONValue) {
        switch kept[key] {
        case .array(let values)?: kept[key] = .array(values + [value])
        case nil: kept[key] = .array([value])
        case let existing?: kept[key] = .array([existing, value])
        }
    }

    /// Keeps a named value of an object property (ninjs 1's `altids`).
    mutating func keepNamed(_ key: String, _ name: String, _ value: JSONValue) {
        var fields: [String: JSONValue] = [:]
        if case .object(let existing)? = kept[key] { fields = existing }
        fields[name] = value
        kept[key] = .object(fields)
    }

    /// Every property not read: into `extensions["ninjs"]`, with a note naming them.
    private mutating func keepTheRest() {
        for key in item.fields.keys where !used.contains(key) {
            // The item's type is kept unless it is the usual `text`.
            if key == "type", item.fields[key] == .string("text") { continue }
            kept[key] = item.fields[key]
        }
        guard !kept.isEmpty else { return }
        article.extensions["ninjs"] = .object(kept)
        let names = kept.keys.sorted()
        note(
            "ninjs.kept",
            "kept in extensions.ninjs, which no field of the article holds: "
                + names.prefix(8).joined(separator: ", ") + (names.count > 8 ? ", …" : ""),
            at: item.path)
    }

    /// An object of the strings given (`nil` values left out).
    static func object(_ fields: KeyValuePairs<String, String?>) -> JSONValue {
        var out: [String: JSONValue] = [:]
        for (key, value) in fields {
            if let value { out[key] = .string(value) }
        }
        return .object(out)
    }
}
