// copydesk — ArticleFormats / Markdown writer
// Markdown (CommonMark) with YAML, TOML or JSON front matter, in copydesk's, Hugo's or Jekyll's keys.

import ArticleModel

// MARK: - MarkdownArticleWriter

/// Writes one article as CommonMark with front matter: YAML between `---` lines (the default),
/// TOML between `+++` lines or a JSON object (`WriterOptions.frontMatter`).
///
/// YAML front matter is emitted by libyaml, TOML by `TOMLWriter`, JSON by the canonical JSON
/// writer, so any text round-trips. Its keys depend on
/// `WriterOptions.markdownFlavor`: `plain` keeps everything the model holds (the Markdown reader
/// reads it back), `hugo` and `jekyll` write those generators' keys and report what they leave
/// out. The body is CommonMark whose text reads back unchanged (see `MarkdownBodyWriter`); raw
/// HTML never passes through, and links to schemes other than http, https and mailto are dropped
/// with a warning.
package struct MarkdownArticleWriter: ArticleWriter {
    /// Creates the writer.
    package init() {}

    /// A Markdown file holds one article.
    package var holdsSeveralArticles: Bool { false }

    static let keyOrder = [
        "layout", "title", "subtitle", "description", "excerpt", "author", "authors", "date", "date_text", "lastmod",
        "lastmod_text", "dateline", "language", "section", "tags", "categories", "highlights", "source", "draft",
        "list_speakers", "quotes", "extensions", "list", "label", "name", "kind", "role", "affiliation", "mention",
        "raw",
        "origin",
        "place",
        "publisher", "url", "format", "file", "id", "text", "speaker", "cue", "attribution",
    ]

    /// Writes the one article in `articles`.
    package func write(_ articles: [Article], options: WriterOptions) throws(FormatError) -> WriteResult {
        guard articles.count == 1 else {
            throw FormatError(
                id: "markdown.count", message: "a Markdown file holds one article, not \(articles.count)",
                hint: "write one file per article (--out-dir), or convert to json or yaml")
        }
        let article = articles[0]
        var body = MarkdownBodyWriter()
        let bodyText = body.write(article.body)
        var frontMatter = FrontMatter(
            article: article, speakers: body.frontMatterSpeakers, hasUnlabelledSpeakers: body.hasUnlabelledSpeakers)
        let fields = try frontMatter.fields(flavor: options.markdownFlavor)

        var text: String
        var diagnostics = body.diagnostics + frontMatter.diagnostics
        switch options.frontMatter {
        case .yaml:
            text = "---\n---\n"
            if !fields.isEmpty {
                let yaml = String(
                    decoding: try YAMLEmitter(keyOrder: Self.keyOrder).emit(documents: [.object(fields)]), as: UTF8.self
                )
                text = (yaml.hasPrefix("---\n") ? yaml : "---\n" + yaml.drop { $0 != "\n" }.dropFirst()) + "---\n"
            }
        case .toml:
            var writer = TOMLWriter(keyOrder: Self.keyOrder)
            text = "+++\n" + writer.document(fields) + "+++\n"
            diagnostics += writer.diagnostics
        case .json:
            text = Self.json(fields) + "\n"
        }
        if options.frontMatter != .yaml, options.markdownFlavor == .jekyll {
            diagnostics.append(
                Diagnostic(
                    id: "conversion.changed", severity: .warning,
                    message:
                        "Jekyll reads YAML front matter only: this \(options.frontMatter.rawValue.uppercased()) front matter is for Hugo or copydesk",
                    location: nil))
        }
        if !bodyText.isEmpty { text += "\n" + bodyText + "\n" }
        return WriteResult(bytes: Array(text.utf8), diagnostics: diagnostics)
    }
}

extension MarkdownArticleWriter {
    /// JSON front matter: a pretty object, its keys in the writer's order (then sorted), so the
    /// generator and a reader meet the title first and the keys as YAML and TOML give them.
    static func json(_ fields: [String: JSONValue]) -> String {
        guard !fields.isEmpty else { return "{}" }
        let entries = fields.keys(orderedBy: keyOrder).map { key in
            let value = String(decoding: JSONText.serialize(fields[key]!, pretty: true), as: UTF8.self)
            return "  " + JSONText.quoted(key) + ": " + value.replacing("\n", with: "\n  ")
        }
        return "{\n" + entries.joined(separator: ",\n") + "\n}"
    }
}

// MARK: - FrontMatter

/// The front-matter mapping of one article in one flavor, and what the flavor could not hold.
struct FrontMatter {
    let article: Article
    let speakers: [(list: Int, speaker: Speaker?, label: String?)]
    let hasUnlabelledSpeakers: Bool
    private(set) var diagnostics: [Diagnostic] = []

    init(
        article: Article, speakers: [(list: Int, speaker: Speaker?, label: String?)], hasUnlabelledSpeakers: Bool
    ) {
        self.article = article
        self.speakers = speakers
        self.hasUnlabelledSpeakers = hasUnlabelledSpeakers
    }

    mutating func fields(flavor: MarkdownFlavor) throws(FormatError) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        fields["title"] = article.headline.map(JSONValue.string)
        switch flavor {
        case .plain:
            // The dateline, highlights, source and quotes as canonical JSON writes them. The body
            // follows the front matter as Markdown, so it is left out of this encoding.
            var head = article
            head.body = []
            let canonical = YAMLArticleWriter.tidy(try CanonicalJSON.value(of: [head]), inExtensions: false)
            let model: [String: JSONValue]
            if case .object(let object) = canonical { model = object } else { model = [:] }
            fields["subtitle"] = article.subheadline.map(JSONValue.string)
            if !article.bylines.isEmpty { fields["authors"] = .array(article.bylines.map(Self.author)) }
            date(article.published, key: "date", into: &fields, keepsText: true)
            date(article.modified, key: "lastmod", into: &fields, keepsText: true)
            fields["dateline"] = model["dateline"]
            fields["language"] = article.language.map(JSONValue.string)
            fields["section"] = article.section.map(JSONValue.string)
            fields["tags"] = tags()
            fields["highlights"] = model["highlights"]
            fields["source"] = model["source"]
            fields["quotes"] = model["quotes"]
            fields["extensions"] = article.extensions.isEmpty ? nil : .object(article.extensions)
            if !speakers.isEmpty {
                fields["list_speakers"] = .array(
                    speakers.map { list, speaker, label in
                        var entry: [String: JSONValue] = ["list": .number(Double(list))]
                        entry["label"] = label.map(JSONValue.string)
                        entry["name"] = speaker.map { .string($0.name) }
                        entry["mention"] = speaker?.mention.map(JSONValue.string)
                        entry["role"] = speaker?.role.map(JSONValue.string)
                        return .object(entry)
                    })
            }
        case .hugo, .jekyll:
            let hugo = flavor == .hugo
            if hugo {
                fields["description"] = article.subheadline.map(JSONValue.string)
                fields["authors"] = article.bylines.isEmpty ? nil : .array(article.bylines.map { .string($0.name) })
                date(article.modified, key: "lastmod", into: &fields, keepsText: false)
                fields["draft"] = .bool(false)
            } else {
                fields["layout"] = .string("post")
                fields["excerpt"] = article.subheadline.map(JSONValue.string)
                if article.bylines.count == 1 {
                    fields["author"] = .string(article.bylines[0].name)
                } else if !article.bylines.isEmpty {
                    fields["author"] = .array(article.bylines.map { .string($0.name) })
                }
                if article.modified != nil { drop("the modified date") }
            }
            date(article.published, key: "date", into: &fields, keepsText: false)
            fields["tags"] = tags()
            fields["categories"] = article.section.map { .array([.string($0)]) }
            if article.bylines.contains(where: { $0.role != nil || $0.affiliation != nil }) {
                drop("the bylines' roles and affiliations")
            }
            let lost: [(Bool, String)] = [
                (article.dateline != nil, "the dateline"), (!article.highlights.isEmpty, "the highlights"),
                (article.language != nil, "the language"), (article.source != nil, "the source"),
                (!article.quotes.isEmpty, "the quotes (the analyser finds them again)"),
                (!article.extensions.isEmpty, "the extensions"),
                (hasUnlabelledSpeakers, "the speakers of lists without a label line"),
            ]
            for (isLost, what) in lost where isLost { drop(what + " in \(flavor.rawValue) front matter") }
        }
        return fields
    }

    /// A name, or a mapping when there is more to say than the name.
    private static func author(_ byline: Byline) -> JSONValue {
        if byline.kind == .person, byline.role == nil, byline.affiliation == nil, byline.raw == byline.name,
            byline.origin == .field
        {
            return .string(byline.name)
        }
        var entry: [String: JSONValue] = ["name": .string(byline.name)]
        if byline.kind != .person { entry["kind"] = .string(byline.kind.rawValue) }
        entry["role"] = byline.role.map(JSONValue.string)
        entry["affiliation"] = byline.affiliation.map(JSONValue.string)
        entry["raw"] = byline.raw.map(JSONValue.string)
        if byline.origin != .field { entry["origin"] = .string(byline.origin.rawValue) }
        return .object(entry)
    }

    /// `date:` as ISO 8601; `date_text:` with the printed form when it differs (plain only).
    private mutating func date(
        _ date: ArticleDate?, key: String, into fields: inout [String: JSONValue], keepsText: Bool
    ) {
        guard let date else { return }
        if let value = date.value {
            fields[key] = .string(value.iso8601)
            if date.text != value.iso8601 {
                if keepsText {
                    fields[key + "_text"] = .string(date.text)
                } else {
                    drop("the printed date '\(date.text)'")
                }
            }
        } else if keepsText {
            fields[key + "_text"] = .string(date.text)
        } else {
            drop("the date '\(date.text)', which is not ISO 8601")
        }
    }

    private mutating func tags() -> JSONValue? {
        var seen: Set<String> = []
        let unique = article.keywords.filter { seen.insert($0).inserted }
        if unique.count < article.keywords.count { drop("repeated keywords") }
        return unique.isEmpty ? nil : .array(unique.map(JSONValue.string))
    }

    private mutating func drop(_ what: String) {
        diagnostics.append(.dropped(what, format: "Markdown", location: nil))
    }
}
