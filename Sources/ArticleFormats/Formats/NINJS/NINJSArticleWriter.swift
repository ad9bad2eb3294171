// copydesk — ArticleFormats / ninjs writer
// IPTC ninjs 3.1 (the default) and 2.2: the canonical article mapped onto ninjs properties.

import ArticleModel

// MARK: - NINJSArticleWriter

/// Writes one article as IPTC ninjs 3.1, or 2.2 with `WriterOptions.ninjsVersion` 2.
///
/// The output is valid against the official schema of the version: every date is an RFC 3339
/// date-time with an offset (a date without a time or a zone is left out with a warning rather
/// than given an invented time), the body is escaped HTML, and whatever ninjs has no property for
/// comes back as a `conversion.dropped` warning. The same article always gives the same bytes and
/// the same `uri`. Keys are sorted; the output ends with a newline.
package struct NINJSArticleWriter: ArticleWriter {
    /// Creates the writer.
    package init() {}

    /// ninjs holds one news object per document.
    package var holdsSeveralArticles: Bool { false }

    /// Writes the one article in `articles` as ninjs of `options.ninjsVersion` (3 or 2).
    package func write(_ articles: [Article], options: WriterOptions) throws(FormatError) -> WriteResult {
        let version = options.ninjsVersion
        guard articles.count == 1 else {
            throw FormatError(
                id: "ninjs.count", message: "ninjs holds one article per document, not \(articles.count)",
                hint: "write one file per article, or convert to json")
        }
        try WriterDates.check(articles[0], format: "ninjs")
        var mapping = NINJSMapping(version: version)
        let document = mapping.document(for: articles[0])
        var bytes = JSONText.serialize(document, pretty: !options.compact)
        bytes.append(UInt8(ascii: "\n"))
        return WriteResult(bytes: bytes, diagnostics: mapping.diagnostics)
    }
}

// MARK: - NINJSMapping

/// The mapping of one article onto a ninjs object, and the warnings for what it could not hold.
struct NINJSMapping {
    let version: NINJSVersion
    private(set) var diagnostics: [Diagnostic] = []

    init(version: NINJSVersion) {
        self.version = version
    }

    /// The ninjs object for the article.
    mutating func document(for article: Article) -> JSONValue {
        var root: [String: JSONValue] = [
            "uri": .string(FNV1a64.articleURN(article)),
            "type": .string("text"),
            // The uri is derived from the content, so each uri names exactly one version.
            "version": .string("1"),
            "standard": .object([
                "name": .string("ninjs"), "version": .string(version.number), "schema": .string(version.schemaURI),
            ]),
        ]
        mapDates(article, into: &root)
        if let language = article.language { root["language"] = .string(language) }
        mapHeadlines(article, into: &root)
        if !article.highlights.isEmpty {
            root["descriptions"] = .array(article.highlights.map { object(["role": "highlight", "value": $0]) })
        }
        mapBody(article, into: &root)
        mapBylines(article.bylines, into: &root)
        mapDateline(article.dateline, into: &root)
        mapSubjects(article, into: &root)
        mapSource(article.source, into: &root)
        mapExtensions(article.extensions, into: &root)
        return .object(root)
    }

    // MARK: Dates

    /// `firstCreated` from `published`; `versionCreated` from `modified`, or from `published` when
    /// the article was never modified (its one version is then the first).
    private mutating func mapDates(_ article: Article, into root: inout [String: JSONValue]) {
        let published = dateTime(article.published, what: "published")
        if let published { root[version.key("firstCreated")] = .string(published) }
        if article.modified != nil {
            if let modified = dateTime(article.modified, what: "modified") {
                root[version.key("versionCreated")] = .string(modified)
            }
        } else if let published {
            root[version.key("versionCreated")] = .string(published)
        }
    }

    private mutating func dateTime(_ date: ArticleDate?, what: String) -> String? {
        guard let date else { return nil }
        guard let value = date.value else {
            drop(
                "the \(what) date \(date.text.messageQuoted), which copydesk could not read as a date (ninjs needs an "
                    + "RFC 3339 date-time)", at: date.location)
            return nil
        }
        switch NINJSDates.rfc3339(value) {
        case .success(let text):
            return text
        case .failure(let problem):
            drop("the \(what) date \(value.iso8601) (\(problem.reason))", at: date.location)
            return nil
        }
    }

    // MARK: Text

    /// The headline (role `main`) and subheadline (role `sub`) as `headlines`.
    private func mapHeadlines(_ article: Article, into root: inout [String: JSONValue]) {
        var headlines: [JSONValue] = []
        if let headline = article.headline { headlines.append(object(["role": "main", "value": headline])) }
        if let subheadline = article.subheadline { headlines.append(object(["role": "sub", "value": subheadline])) }
        if !headlines.isEmpty { root["headlines"] = .array(headlines) }
    }

    /// The body as one `bodies` entry of HTML (`BodyHTML`, with quote ids, speakers, cues and how
    /// speakers were found as `data-*` attributes of the quotations); images also as `associations`.
    private mutating func mapBody(_ article: Article, into root: inout [String: JSONValue]) {
        var html = BodyHTML(
            options: BodyHTML.Options(
                format: version.formatName, vocabulary: .data, linkSchemes: NINJSLinks.linkSchemes,
                imageSchemes: NINJSLinks.imageSchemes))
        let rendered = html.render(article).joined(separator: "\n")
        diagnostics += html.diagnostics
        if !article.body.isEmpty {
            root["bodies"] = .array([
                object(["role": "main", "contentType": "text/html", "value": rendered])
            ])
        }
        var associations: [JSONValue] = []
        for block in article.body {
            guard case .image(let image) = block else { continue }
            associations.append(association(for: image, number: associations.count + 1))
        }
        if !associations.isEmpty { root["associations"] = .array(associations) }
    }

    /// An image as an associated `picture`: caption and alternative text as descriptions, the credit
    /// as `by`, and the source as the `original` rendition when it is an absolute http(s) URL.
    private func association(for image: Image, number: Int) -> JSONValue {
        var fields: [String: JSONValue] = [
            "name": .string("image-\(number)"),
            "uri": .string(NINJSIdentity.imageURI(source: image.src)),
            "type": .string("picture"),
        ]
        if version == .v3 { fields["rel"] = .string("image") }
        var descriptions: [JSONValue] = []
        if let caption = image.caption { descriptions.append(object(["role": "caption", "value": caption])) }
        if let alt = image.alt { descriptions.append(object(["role": "alt", "value": alt])) }
        if !descriptions.isEmpty { fields["descriptions"] = .array(descriptions) }
        if let credit = image.credit { fields["by"] = .string(credit) }
        if URLSafety.isSafe(image.src, schemes: NINJSLinks.imageSchemes), URLSafety.isAbsoluteURI(image.src) {
            fields["renditions"] = .array([object(["name": "original", "href": image.src])])
        }
        return .object(fields)
    }

    // MARK: People

    /// `by` in words (`Jane Doe, Environment Editor, Harbour Gazette; John Roe`), and each byline as
    /// a person or an organisation with `rel` `author`.
    private mutating func mapBylines(_ bylines: [Byline], into root: inout [String: JSONValue]) {
        guard !bylines.isEmpty else { return }
        root["by"] = .string(
            bylines.map { byline in
                ([byline.name] + [byline.role, byline.affiliation].compactMap { $0 }).joined(separator: ", ")
            }.joined(separator: "; "))
        let people = bylines.filter { $0.kind == .person }.map { object(["name": $0.name, "rel": "author"]) }
        let organisations = bylines.filter { $0.kind == .organization }.map {
            object(["name": $0.name, "rel": "author"])
        }
        if !people.isEmpty { root["people"] = .array(people) }
        if !organisations.isEmpty { root["organisations"] = .array(organisations) }
        for byline in bylines {
            if let raw = byline.raw, raw != byline.name {
                drop(
                    "the byline as printed \(raw.messageQuoted) (its name, role and affiliation are kept)",
                    at: byline.location)
            }
        }
    }

    // MARK: Places and subjects

    /// The dateline's place as `located`; the dateline as printed has no property.
    private mutating func mapDateline(_ dateline: Dateline?, into root: inout [String: JSONValue]) {
        guard let dateline else { return }
        if let place = dateline.place {
            root["located"] = .string(place)
            if dateline.raw != place {
                drop("the dateline as printed \(dateline.raw.messageQuoted) (its place is kept as located)", at: nil)
            }
        } else {
            drop("the dateline \(dateline.raw.messageQuoted), which names no place for located", at: nil)
        }
    }

    /// The section and the keywords as `subjects`, told apart by `rel`.
    private func mapSubjects(_ article: Article, into root: inout [String: JSONValue]) {
        var subjects: [JSONValue] = []
        if let section = article.section { subjects.append(object(["name": section, "rel": "section"])) }
        subjects += article.keywords.map { object(["name": $0, "rel": "keyword"]) }
        if !subjects.isEmpty { root["subjects"] = .array(subjects) }
    }

    // MARK: Provenance

    /// The publisher as an `infoSources` entry, the article's URL as an `altIds` entry.
    private mutating func mapSource(_ source: ArticleSource?, into root: inout [String: JSONValue]) {
        guard let source else { return }
        if let publisher = source.publisher {
            root[version.key("infoSources")] = .array([object(["name": publisher, "role": "publisher"])])
        }
        if let url = source.url {
            root[version.key("altIds")] = .array([object(["role": "url", "value": url])])
        }
        // `source.file` and `source.format` say where copydesk read the article from: bookkeeping of
        // the conversion, not part of the news item, so leaving them out is not reported.
    }

    /// A string `copyright` extension as the copyright notice; every other extension is reported.
    private mutating func mapExtensions(_ extensions: [String: JSONValue], into root: inout [String: JSONValue]) {
        var rest = extensions
        if case .string(let notice)? = extensions["copyright"] {
            root[version.key("copyrightNotice")] = .string(notice)
            rest["copyright"] = nil
        }
        guard !rest.isEmpty else { return }
        let names = rest.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        drop("the extension(s) \(names.map(\.messageQuoted).joined(separator: ", "))", at: nil)
    }

    // MARK: Helpers

    /// An object of string values, with keys as this version spells them.
    private func object(_ fields: KeyValuePairs<String, String>) -> JSONValue {
        var out: [String: JSONValue] = [:]
        for (key, value) in fields { out[version.key(key)] = .string(value) }
        return .object(out)
    }

    private mutating func drop(_ what: String, at location: SourceLocation?) {
        diagnostics.append(.dropped(what, format: version.formatName, location: location))
    }
}
