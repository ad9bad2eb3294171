// copydesk — ArticleFormats / NITF writer
// The article as an NITF 3.6 document, valid against IPTC's schema.

import ArticleModel

// MARK: - NITFWriter

/// Writes NITF 3.6 in its namespace, valid against IPTC's XML Schema: the head (`title`, `meta`,
/// `tobject`, `docdata`, `pubdata`, `revision-history`), the body's head (headlines, bylines with
/// `person` and `byttl`, distributor, dateline, abstract) and the content (`p`, `hl2`, `ul`/`ol`,
/// `bq` with `credit`, `media`, `hr`; `em`, `a`, `q`, `br`). Quotes are marked where they stand
/// (`q`, `bq`) with NITF's `quote-source` and copydesk's attributes (`cd:quote`, `cd:speaker`, …,
/// which NITF allows from another namespace), so copydesk reads them back. Dates are checked first:
/// an impossible one is an error, never a file that fails the schema. What NITF cannot hold is
/// reported (`conversion.dropped`); docs/NITF.md has the mapping.
package struct NITFWriter: ArticleWriter {
    package init() {}

    package var holdsSeveralArticles: Bool { false }

    package func write(_ articles: [Article], options: WriterOptions) throws(FormatError) -> WriteResult {
        var composer = NITFComposer(article: articles[0])
        try composer.compose()
        return WriteResult(bytes: Array(composer.xml.text.utf8), diagnostics: composer.diagnostics)
    }
}

// MARK: - NITFComposer

struct NITFComposer {
    static let format = "NITF"

    let article: Article
    var xml = XMLBuilder()
    var diagnostics: [Diagnostic] = []
    /// Extensions not written yet; what is left at the end is reported as dropped.
    var pending: [String: JSONValue]
    /// `extensions["nitf"]` not written yet.
    var nitf: [String: JSONValue]
    /// The article's quotes by id, and the ids whose first anchor was written.
    let quotes: [String: Quote]
    var placed: Set<String> = []
    var strongSpans = 0
    var changedHeadings = 0
    var pullQuotes = 0

    init(article: Article) {
        self.article = article
        pending = article.extensions
        nitf = article.extensions[NITFFormat.extensionKey]?.nitfObject ?? [:]
        pending[NITFFormat.extensionKey] = nil
        quotes = article.quotesByID
    }

    mutating func compose() throws(FormatError) {
        try checkDates()
        xml.start(
            "nitf",
            [
                ("xmlns", NITFFormat.namespace), ("xmlns:cd", NITFFormat.copydesk),
                ("version", "-//IPTC//DTD NITF 3.6//EN"), ("change.date", "September 11, 2009"),
                ("change.time", "12:26"), ("baselang", article.language),
            ])
        head()
        xml.start("body")
        bodyHead()
        xml.start("body.content")
        for block in article.body { write(block) }
        xml.close()
        xml.close()
        xml.close()
        report()
    }

    // MARK: Dates

    /// The dates NITF writes, checked (`WriterDates`): an impossible date (`2023-02-29`) stops the
    /// writing with an error naming the file and the field.
    mutating func checkDates() throws(FormatError) {
        try WriterDates.check(article, format: Self.format)
        for (name, value) in (pending[ExtensionKey.dates]?.nitfObject ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard Self.dateElements[name] != nil, let text = value.stringValue else { continue }
            _ = try WriterDates.checked(
                ArticleDate(parsing: text), field: "extensions.dates.\(name)", format: Self.format, article: article)
        }
    }

    /// The NITF element each date of `extensions.dates` is written in (NITF's own names, and
    /// NewsML-G2's embargo), by its name there.
    static let dateElements: [String: String] = [
        "date.release": "date.release", "embargoed": "date.release", "date.expire": "date.expire",
    ]

    /// A date's `norm`, or `nil` (reported) when it cannot be read. Its printed form, when it
    /// differs, has no place in NITF.
    mutating func norm(_ date: ArticleDate, field: String) -> String? {
        guard let value = date.value else {
            diagnostics.append(.dropped("the unreadable \(field) date \(date.text.messageQuoted)", format: Self.format))
            return nil
        }
        if date.text != value.iso8601 {
            diagnostics.append(
                .dropped(
                    "the printed form \(date.text.messageQuoted) of the \(field) date (its value is written)",
                    format: Self.format))
        }
        return NITFDate.norm(value)
    }

    // MARK: head

    mutating func head() {
        xml.start("head")
        let headlines = pending[ExtensionKey.headlines]?.nitfArray ?? []
        let title = headlines.lazy.compactMap { $0.nitfObject }.first { $0["role"]?.stringValue == "title" }?["text"]?
            .stringValue
        if let title = title ?? article.headline { xml.element("title", text: title) }
        meta()
        tobject()
        docdata()
        pubdata()
        revisions()
        xml.close()
    }

    mutating func meta() {
        guard let meta = nitf.removeValue(forKey: "meta")?.nitfObject else { return }
        for (name, value) in meta.sorted(by: { $0.key < $1.key }) {
            let contents = value.nitfArray ?? [value]
            guard Self.isNameToken(name) else {
                diagnostics.append(
                    .dropped("the meta \(name.messageQuoted) (not an XML name token)", format: Self.format))
                continue
            }
            for content in contents {
                guard let text = Self.scalar(content) else { continue }
                xml.empty("meta", [("name", name), ("content", text)])
            }
        }
    }

    /// `tobject`: the genre and the subjects whose code NITF can hold (`tobject.subject.refnum`
    /// is a name token).
    mutating func tobject() {
        let type = nitf.removeValue(forKey: "tobject.type")?.stringValue
        let genres = Self.strings(pending[ExtensionKey.genre])
        let subjects = (pending[ExtensionKey.subjects]?.nitfArray ?? []).compactMap(\.nitfObject)
        let coded = subjects.filter { $0["code"]?.stringValue.map(Self.isNameToken) == true }
        guard type != nil || !genres.isEmpty || !coded.isEmpty else { return }
        pending[ExtensionKey.genre] = nil
        xml.start("tobject", [("tobject.type", type)])
        for genre in genres { xml.empty("tobject.property", [("tobject.property.type", genre)]) }
        for subject in coded {
            xml.empty(
                "tobject.subject",
                [
                    ("tobject.subject.ipr", subject["scheme"]?.stringValue),
                    ("tobject.subject.refnum", subject["code"]?.stringValue),
                    ("tobject.subject.type", subject["name"]?.stringValue),
                ])
        }
        xml.close()
    }

    mutating func docdata() {
        xml.start("docdata", [("management-status", pending.removeValue(forKey: ExtensionKey.status)?.stringValue)])
        let docID = attributes(nitf.removeValue(forKey: "doc-id"), ["regsrc"])
        if article.source?.id != nil || !docID.isEmpty {
            xml.empty("doc-id", docID + [("id-string", article.source?.id)])
        }
        if let urgency = pending[ExtensionKey.urgency]?.numberValue, urgency.rounded() == urgency, urgency >= 0 {
            pending[ExtensionKey.urgency] = nil
            xml.empty("urgency", [("ed-urg", String(Int(urgency)))])
        }
        if let published = article.published, let norm = norm(published, field: "publication") {
            xml.empty("date.issue", [("norm", norm)])
        }
        var dates = pending.removeValue(forKey: ExtensionKey.dates)?.nitfObject ?? [:]
        for name in ["date.issue", "date.publication", "story.date", "revision-history"] { dates[name] = nil }
        for element in ["date.release", "date.expire"] {
            guard let name = dates.keys.sorted().first(where: { Self.dateElements[$0] == element }) else { continue }
            let value = dates.removeValue(forKey: name)
            guard let text = value?.stringValue, let date = DateParser.parse(text) else {
                diagnostics.append(.dropped("the date \(name) (not a date)", format: Self.format))
                continue
            }
            xml.empty(element, [("norm", NITFDate.norm(date))])
        }
        if !dates.isEmpty {
            pending[ExtensionKey.dates] = .object(dates)
        }
        let message = attributes(nitf.removeValue(forKey: "ed-msg"), ["msg-type"])
        let note = pending.removeValue(forKey: ExtensionKey.editorialNote).flatMap(Self.scalar)
        if note != nil || !message.isEmpty { xml.empty("ed-msg", message + [("info", note)]) }
        let key = attributes(nitf.removeValue(forKey: "du-key"), ["generation", "part", "version"], tokens: true)
        let slug = pending.removeValue(forKey: ExtensionKey.slugline).flatMap(Self.scalar)
        if slug != nil || !key.isEmpty { xml.empty("du-key", key + [("key", slug)]) }
        copyright()
        let rights = attributes(
            nitf.removeValue(forKey: "doc.rights"),
            ["owner", "startdate", "enddate", "agent", "geography", "location-code", "code-source"])
        let terms = pending.removeValue(forKey: ExtensionKey.usageTerms).flatMap(Self.scalar)
        if terms != nil || !rights.isEmpty { xml.empty("doc.rights", rights + [("limitations", terms)]) }
        if !article.keywords.isEmpty {
            xml.start("key-list")
            for keyword in article.keywords { xml.empty("keyword", [("key", keyword)]) }
            xml.close()
        }
        identifiedContent()
        for scope in Self.strings(nitf.removeValue(forKey: "doc-scope")) { xml.empty("doc-scope", [("scope", scope)]) }
        if let series = nitf.removeValue(forKey: "series") {
            let pairs =
                attributes(series, ["series.name"])
                + attributes(series, ["series.part", "series.totalpart"], tokens: true)
            xml.empty("series", pairs)
        }
        for place in nitf.removeValue(forKey: "evloc")?.nitfArray ?? [] {
            xml.empty("evloc", attributes(place, ["iso-cc", "state-prov", "county-dist", "city"]))
        }
        if let correction = nitf.removeValue(forKey: "correction") {
            xml.empty("correction", attributes(correction, ["info", "id-string", "regsrc"]))
        }
        if let sources = nitf.removeValue(forKey: "del-list")?.nitfArray, !sources.isEmpty {
            xml.start("del-list")
            for source in sources { xml.empty("from-src", attributes(source, ["src-name", "level-number"])) }
            xml.close()
        }
        xml.close()
    }

    /// `doc.copyright`: `© 2024 Holder` (or `Copyright 2024 Holder`) as its year and holder.
    mutating func copyright() {
        let copyright = nitf.removeValue(forKey: "doc.copyright")
        let stored = attributes(copyright, ["year"], tokens: true) + attributes(copyright, ["holder"])
        guard let notice = pending.removeValue(forKey: ExtensionKey.copyright).flatMap(Self.scalar) else {
            if !stored.isEmpty { xml.empty("doc.copyright", stored) }
            return
        }
        var rest = Substring(notice.trimmingWhitespace())
        for prefix in ["©", "(c)", "(C)", "Copyright", "copyright"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count).drop { $0 == " " }
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if digits.count == 4, rest.dropFirst(4).first == " " {
            let holder = rest.dropFirst(5).trimmingPrefix(" ")
            xml.empty("doc.copyright", [("year", String(digits)), ("holder", String(holder))])
        } else {
            xml.empty("doc.copyright", [("holder", notice)])
        }
    }

    /// Subjects whose code is not a name token (or that have none), as `classifier`s.
    mutating func identifiedContent() {
        let subjects = (pending.removeValue(forKey: ExtensionKey.subjects)?.nitfArray ?? []).compactMap(\.nitfObject)
        let named = subjects.filter { $0["code"]?.stringValue.map(Self.isNameToken) != true }
        guard !named.isEmpty else { return }
        xml.start("identified-content")
        for subject in named {
            xml.element(
                "classifier", [("type", subject["scheme"]?.stringValue), ("value", subject["code"]?.stringValue)],
                text: subject["name"]?.stringValue ?? "")
        }
        xml.close()
    }

    mutating func pubdata() {
        var entries = (nitf.removeValue(forKey: "pubdata")?.nitfArray ?? []).compactMap(\.nitfObject)
        let source = article.source
        let typed: [(String, String?)] = [
            ("name", source?.publisher), ("ex-ref", source?.url), ("position.section", article.section),
        ]
        guard typed.contains(where: { $0.1 != nil }) || !entries.isEmpty else { return }
        if entries.isEmpty { entries = [[:]] }
        for (index, entry) in entries.enumerated() {
            var pairs = attributes(
                .object(entry),
                [
                    "item-length", "unit-of-measure", "issn", "volume", "number", "issue", "edition.name",
                    "edition.area", "position.sequence",
                ])
            let kinds = ["print", "audio", "video", "web", "appliance", "other"]
            if let type = entry["type"]?.stringValue, kinds.contains(type) { pairs.insert(("type", type), at: 0) }
            xml.empty("pubdata", (index == 0 ? typed : []) + pairs)
        }
    }

    /// `revision-history`: the ones read from NITF, and the modification date (unless one of them is it).
    mutating func revisions() {
        var modified = article.modified.flatMap { norm($0, field: "modification") }
        for entry in nitf.removeValue(forKey: "revision-history")?.nitfArray ?? [] {
            var pairs = attributes(entry, ["name", "norm", "comment"])
            let functions = [
                "writer-author", "editor", "producer", "archivist", "videographer", "graphic-artist", "photographer",
                "statistician", "other",
            ]
            if let function = entry.nitfObject?["function"]?.stringValue, functions.contains(function) {
                pairs.append(("function", function))
            }
            if let norm = entry.nitfObject?["norm"]?.stringValue, let value = DateParser.parse(norm),
                let wanted = article.modified?.value, value == wanted
            {
                modified = nil
            }
            xml.empty("revision-history", pairs)
        }
        if let modified { xml.empty("revision-history", [("norm", modified)]) }
    }

    // MARK: body.head

    mutating func bodyHead() {
        xml.start("body.head")
        let headlines = (pending.removeValue(forKey: ExtensionKey.headlines)?.nitfArray ?? []).compactMap(\.nitfObject)
        let seconds = headlines.filter { $0["role"]?.stringValue == "hl2" }.compactMap { $0["text"]?.stringValue }
        let others = headlines.filter { !["title", "hl2"].contains($0["role"]?.stringValue ?? "") }
        if article.headline != nil || article.subheadline != nil || !seconds.isEmpty {
            xml.start("hedline")
            xml.element("hl1", text: article.headline ?? "")
            if let subheadline = article.subheadline { xml.element("hl2", text: subheadline) }
            for text in seconds { xml.element("hl2", text: text) }
            xml.close()
        }
        for headline in others {
            guard let text = headline["text"]?.stringValue else { continue }
            xml.start("hedline")
            let language = headline["language"]?.stringValue.flatMap { Self.isLanguageTag($0) ? $0 : nil }
            xml.element("hl1", [("xml:lang", language)], text: text)
            xml.close()
        }
        if let rights = nitf.removeValue(forKey: "rights")?.nitfObject {
            xml.start("rights")
            if let text = rights["text"]?.stringValue { xml.raw(xml.escaped(text)) }
            for part in ["owner", "startdate", "enddate", "agent", "geography", "type", "limitations"] {
                if let text = rights[part]?.stringValue { xml.element("rights.\(part)", text: text) }
            }
            xml.close()
        }
        bylines()
        if let credit = article.source?.credit { xml.element("distributor", text: credit) }
        if let dateline = article.dateline, !dateline.raw.trimmingWhitespace().isEmpty { self.dateline(dateline) }
        for raw in Self.strings(nitf.removeValue(forKey: "dateline")) { xml.element("dateline", text: raw) }
        if !article.highlights.isEmpty {
            xml.start("abstract")
            for highlight in article.highlights { xml.element("p", text: highlight) }
            xml.close()
        }
        xml.close()
    }

    /// One `byline` a contributor: `<person>` and a `<byttl>` with the role and the affiliation in
    /// an `<org>`; an organisation is the `<org>` of a `<byttl>`.
    mutating func bylines() {
        let bylines = article.bylines.filter { !$0.name.trimmingWhitespace().isEmpty }
        if bylines.count < article.bylines.count {
            diagnostics.append(
                .dropped("\(article.bylines.count - bylines.count) byline(s) with no name", format: Self.format))
        }
        for byline in bylines {
            var title: [String] = []
            if let role = byline.role { title.append(xml.escaped(role)) }
            if byline.kind == .organization { title.append("<org>" + xml.escaped(byline.name) + "</org>") }
            if let affiliation = byline.affiliation { title.append("<org>" + xml.escaped(affiliation) + "</org>") }
            let byttl = title.isEmpty ? "" : "<byttl>" + title.joined(separator: ", ") + "</byttl>"
            if byline.kind == .organization {
                xml.raw("<byline>" + byttl + "</byline>")
            } else {
                let person = "<person>" + xml.escaped(byline.name) + "</person>"
                xml.raw("<byline>" + person + (byttl.isEmpty ? "" : ", " + byttl) + "</byline>")
            }
        }
    }

    /// The dateline as printed, its place marked as `location` and its date as `story.date` where
    /// the printed line has them.
    mutating func dateline(_ dateline: Dateline) {
        let raw = dateline.raw
        var markup = ""
        var rest = Substring(raw)
        if let place = dateline.place, !place.isEmpty, let range = rest.firstTextRange(of: place) {
            markup += xml.escaped(String(rest[..<range.lowerBound]))
            markup += "<location>" + xml.escaped(place) + "</location>"
            rest = rest[range.upperBound...]
        }
        if let date = dateline.date, !date.isEmpty, let range = rest.firstTextRange(of: date) {
            markup += xml.escaped(String(rest[..<range.lowerBound]))
            markup += "<story.date>" + xml.escaped(date) + "</story.date>"
            rest = rest[range.upperBound...]
        }
        markup += xml.escaped(String(rest))
        xml.raw("<dateline>" + markup + "</dateline>")
    }

    // MARK: What was left out

    mutating func report() {
        if xml.replaced > 0 { diagnostics.append(.replaced(xml.replaced, format: Self.format)) }
        let changed = [
            (
                pullQuotes,
                "NITF has no pull quote: \(pullQuotes) pull quote(s) written as block quotes "
                    + "(<bq class=\"pullquote\">, which copydesk reads back as pull quotes)"
            ),
            (
                strongSpans,
                "NITF has only <em>: \(strongSpans) strong span(s) written as <em class=\"strong\"> "
                    + "(which copydesk reads back as strong)"
            ),
            (
                changedHeadings,
                "NITF has one level of body heading: \(changedHeadings) heading(s) of another level written as <hl2>"
            ),
        ]
        for (count, message) in changed where count > 0 {
            diagnostics.append(Diagnostic(id: "conversion.changed", severity: .note, message: message))
        }
        for quote in article.unanchoredQuotes {
            let speaker = quote.speaker.map { " and its speaker \($0.name.messageQuoted)" } ?? ""
            diagnostics.append(
                .dropped(
                    "the quote \(quote.text.messageQuoted)\(speaker) (the quote is not marked in the body, so no "
                        + "element can carry it)", format: Self.format, location: quote.location))
        }
        if let dates = pending.removeValue(forKey: ExtensionKey.dates)?.nitfObject, !dates.isEmpty {
            diagnostics.append(
                .dropped(
                    "the dates \(dates.keys.sorted().joined(separator: ", ")) (extensions.dates)", format: Self.format))
        }
        if !nitf.isEmpty {
            pending["\(NITFFormat.extensionKey) (\(nitf.keys.sorted().joined(separator: ", ")))"] = .null
        }
        if !pending.isEmpty {
            diagnostics.append(
                .dropped("the extensions (\(pending.keys.sorted().joined(separator: ", ")))", format: Self.format))
        }
    }

    // MARK: Values

    /// Attributes from an object's string values, for the allowed names (name tokens only, when
    /// the schema types them so).
    func attributes(_ value: JSONValue?, _ names: [String], tokens: Bool = false) -> [(String, String?)] {
        guard let object = value?.nitfObject else { return [] }
        return names.compactMap { name in
            guard let text = object[name].flatMap(Self.scalar), !text.isEmpty else { return nil }
            guard !tokens || Self.isNameToken(text) else { return nil }
            return (name, text)
        }
    }

    /// A string, number or true/false as text.
    static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let number):
            return number.rounded() == number && abs(number) < 9.0e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    /// The strings of a string or an array of strings.
    static func strings(_ value: JSONValue?) -> [String] {
        guard let value else { return [] }
        return (value.nitfArray ?? [value]).compactMap(\.stringValue).filter { !$0.isEmpty }
    }

    /// Whether the text is a language tag as `xml:lang` takes it (`en`, `en-GB`, `zh-Hant-TW`).
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.enumerated().allSatisfy { index, part in
            (1...8).contains(part.count)
                && part.allSatisfy { $0.isASCII && (index == 0 ? $0.isLetter : $0.isLetter || $0.isNumber) }
        }
    }

    /// Whether the text is an XML name token (NMTOKEN): name characters only.
    static func isNameToken(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || ".-_:·".unicodeScalars.contains(scalar)
                    || scalar.properties.generalCategory == .nonspacingMark
            }
    }
}
