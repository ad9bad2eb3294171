// copydesk — ArticleFormats / Markdown reader
// Hugo's, Jekyll's and Zola's front-matter conventions, applied before the CMS key mapping.

import ArticleModel

// MARK: - SiteFrontMatter

/// What static-site generators mean by their front-matter keys, where it differs from the plain
/// CMS mapping of `YAMLArticleMapper` (docs/MARKDOWN.md, "Front matter as sites write it"):
///
/// - the publication date is `date`, else `publishDate` (Hugo), else another publication-date
///   key; when several are given, or `expiryDate`, every one is kept in `extensions.dates` by its
///   own name, and the date chosen says which it was (`publishedFrom`);
/// - Jekyll's `published: false` is no date but a post kept off the site, and so is Hugo's
///   `draft: true`: both are kept in `extensions`, with a note;
/// - the subheadline is the first of `subtitle`, `deck`, `dek`, `standfirst`, `description`,
///   `summary`, `excerpt`, `abstract` (a deck is written as one; Hugo's `description` and
///   Jekyll's `description` are the page's one-sentence description); a `summary` or `excerpt`
///   beside it (the teaser Hugo and Jekyll show in lists) is a highlight, unless it repeats it;
/// - `slug` is the story's short name (`extensions.slugline`);
/// - Zola's `path` is the page's URL when no `url` or `permalink` is given, and its `taxonomies`
///   (`tags`, `categories`, `authors`) and Hugo's `params` or Zola's `extra` author and
///   description keys are read as if they stood at the top;
/// - without a date, the date a Jekyll post's file name starts with (`2018-02-19-title.md`, or
///   the folder of a page bundle's `index.md`; after a prefix too) is the publication date (`publishedFrom:
///   filename`), else a `/YYYY/MM/DD/` in its URL (`url`).
struct SiteFrontMatter {
    let file: String?
    /// Keys read, for the mapping.
    private(set) var pairs: [(key: YAMLNode, value: YAMLNode)] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Every date key, by its own name, when there is more than one or one the model has no field for.
    private var dates: [(name: String, value: String)] = []
    private var chosenDate: String?
    private var highlights: [String] = []
    private var slug: String?
    private var flags: [(name: String, value: JSONValue)] = []
    /// Known keys whose values the mapping could not read, kept as they are.
    private var misshapen: [(name: String, value: YAMLNode)] = []

    /// Publication-date keys, the generators' preferred first.
    static let publishedKeys = [
        "date", "publishdate", "pubdate", "published", "publish_date", "published_at", "datepublished",
        "date_published",
    ]
    /// Dates the model has no field for, kept in `extensions.dates`.
    static let otherDateKeys = ["expirydate", "expiry_date", "expires", "unpublishdate"]
    /// Subheadline keys, in order of precedence.
    static let subheadlineKeys = [
        "subtitle", "deck", "dek", "standfirst", "description", "summary", "excerpt", "abstract",
    ]
    /// Keys lifted out of Hugo's `params`, Zola's `extra` and `taxonomies` tables when absent at the top.
    static let liftedKeys: Set<String> = [
        "author", "authors", "byline", "subtitle", "description", "summary", "tags", "categories", "keywords",
    ]

    init(file: String?, pairs original: [(key: YAMLNode, value: YAMLNode)]) {
        self.file = file
        var pairs = original
        func has(_ name: String) -> Bool { pairs.contains { $0.key.scalar?.lowercased() == name } }

        // Tables whose entries stand for top-level keys.
        for table in ["taxonomies", "params", "extra"] {
            guard let index = pairs.firstIndex(where: { $0.key.scalar?.lowercased() == table }),
                let entries = pairs[index].value.pairs
            else { continue }
            var kept: [(key: YAMLNode, value: YAMLNode)] = []
            for entry in entries {
                let name = entry.key.scalar?.lowercased() ?? ""
                if Self.liftedKeys.contains(name) || (table == "taxonomies" && !has(name)), !has(name) {
                    pairs.append(entry)
                } else {
                    kept.append(entry)
                }
            }
            if kept.isEmpty {
                pairs.remove(at: index)
            } else {
                pairs[index].value.kind = .mapping(kept)
            }
        }

        // A date given as a mapping (`date: {created: …, updated: …}`, as Material for MkDocs writes it).
        if let index = pairs.firstIndex(where: { $0.key.scalar?.lowercased() == "date" }),
            let entries = pairs[index].value.pairs
        {
            let key = pairs[index].key
            pairs.remove(at: index)
            for (entry, value) in entries {
                switch entry.scalar?.lowercased() {
                case "created", "published", "date":
                    if !has("date") { pairs.append((key, value)) }
                case "updated", "modified", "lastmod":
                    if !has("lastmod") { pairs.append((entry.renamed("lastmod"), value)) }
                default: break
                }
            }
        }

        // A known key holding what its field cannot take is kept in extensions, with a warning,
        // rather than refusing the post.
        pairs.removeAll { pair in
            guard let name = pair.key.scalar, let expected = Self.misshapen(name.lowercased(), pair.value) else {
                return false
            }
            misshapen.append((name, pair.value))
            diagnostics.append(
                Diagnostic(
                    id: "markdown.front-matter-shape", severity: .warning,
                    message: "'\(name)' should be \(expected), not \(pair.value.kindDescription); kept in extensions",
                    location: pair.value.location(file: file)))
            return true
        }

        // Jekyll's `published: true|false` is whether the post is on the site, not a date.
        if let index = pairs.firstIndex(where: { $0.key.scalar?.lowercased() == "published" }),
            let flag = Self.boolean(pairs[index].value)
        {
            let (key, _) = pairs.remove(at: index)
            flags.append((key.scalar ?? "published", .bool(flag)))
            if !flag { note("the front matter says published: false; Jekyll leaves the post off the site", key) }
        }
        if let draft = pairs.first(where: { $0.key.scalar?.lowercased() == "draft" }),
            Self.boolean(draft.value) == true
        {
            note(
                "the front matter marks the post a draft (draft: true); the generator leaves it off the site", draft.key
            )
        }

        // The publication date, and the others kept by name.
        let dateKeys = pairs.filter {
            let name = $0.key.scalar?.lowercased() ?? ""
            return Self.publishedKeys.contains(name) || Self.otherDateKeys.contains(name)
        }
        let published = Self.publishedKeys.lazy.compactMap { wanted in
            dateKeys.first { $0.key.scalar?.lowercased() == wanted && !$0.value.isNull && $0.value.scalar != nil }
        }.first
        if dateKeys.count > 1 || dateKeys.contains(where: { Self.otherDateKeys.contains($0.key.scalar!.lowercased()) })
        {
            let modified = pairs.first { $0.key.scalar?.lowercased() == "lastmod" }
            for (key, value) in dateKeys + (modified.map { [$0] } ?? []) {
                if let text = value.scalar, !value.isNull { dates.append((key.scalar!, text)) }
            }
            chosenDate = dateKeys.count > 1 ? published?.key.scalar : nil
            pairs.removeAll { pair in
                dateKeys.contains { Self.same($0, pair) } && !(published.map { Self.same($0, pair) } ?? false)
            }
        }

        // The subheadline, and teasers beside it as highlights.
        let decks = pairs.filter {
            Self.subheadlineKeys.contains($0.key.scalar?.lowercased() ?? "") && $0.value.scalar != nil
                && !$0.value.isNull
        }
        if let chosen = Self.subheadlineKeys.lazy.compactMap({ wanted in
            decks.first { $0.key.scalar?.lowercased() == wanted }
        }).first {
            var seen: Set<String> = [Self.comparable(chosen.value.scalar!)]
            let others = Self.subheadlineKeys.flatMap { wanted in decks.filter { $0.key.scalar?.lowercased() == wanted }
            }
            for deck in others where !Self.same(deck, chosen) {
                let text = deck.value.scalar!.trimmingWhitespace()
                if !text.isEmpty, seen.insert(Self.comparable(text)).inserted { highlights.append(text) }
            }
            pairs.removeAll { pair in
                decks.contains { Self.same($0, pair) } && !Self.same(pair, chosen)
            }
            // The mapper takes the first subheadline key it meets: this one is the only one left.
        }

        // The slug, and Zola's path as the URL.
        if let index = pairs.firstIndex(where: { $0.key.scalar?.lowercased() == "slug" }),
            let text = pairs[index].value.scalar, !pairs[index].value.isNull
        {
            slug = text
            pairs.remove(at: index)
        }
        if !has("url"), !has("permalink"), let index = pairs.firstIndex(where: { $0.key.scalar == "path" }),
            pairs[index].value.scalar != nil
        {
            pairs[index].key.kind = .scalar("url", plain: true)
        }
        self.pairs = pairs
    }

    /// What the mapping cannot say: dates by name and which was chosen, highlights, the slug,
    /// flags, and a date from the file's name or URL when the front matter gives none.
    mutating func complete(_ article: inout Article) {
        if !dates.isEmpty {
            var object: [String: JSONValue] = [:]
            for (name, value) in dates { object[name] = .string(value) }
            article.extensions[ExtensionKey.dates] = .object(object)
        }
        if let chosenDate { article.published?.provenance = chosenDate }
        for text in highlights where !article.highlights.contains(text) { article.highlights.append(text) }
        if let slug { article.extensions[ExtensionKey.slugline] = .string(slug) }
        for (name, value) in flags { article.extensions[name] = value }
        let mapper = YAMLArticleMapper(file: file, sourceLines: [])
        for (name, value) in misshapen { article.extensions[name] = mapper.coreValue(value) }
        // `2013-7-13 20:46:25`: Jekyll and Hexo read a date without its zeros.
        for keyPath in [\Article.published, \Article.modified] {
            if let date = article[keyPath: keyPath], date.value == nil, let padded = Self.padded(date.text) {
                article[keyPath: keyPath]?.value = DateParser.parse(padded)
            }
        }
        if article.published == nil {
            if let (text, value) = Self.filenameDate(file) {
                article.published = ArticleDate(text: text, value: value, provenance: "filename")
                diagnostics.append(
                    Diagnostic(
                        id: "markdown.date-from-filename", severity: .note,
                        message: "the front matter gives no date; the file name's \(text) is the publication date",
                        file: file))
            } else if let url = article.source?.url, let (text, value) = Self.urlDate(url) {
                article.published = ArticleDate(text: text, value: value, provenance: "url")
                diagnostics.append(
                    Diagnostic(
                        id: "markdown.date-from-url", severity: .note,
                        message: "the front matter gives no date; the URL's \(text) is the publication date",
                        file: file))
            }
        }
    }

    // MARK: Helpers

    /// What a known key's value should be, when it is not (`nil` when it is fine).
    static func misshapen(_ key: String, _ node: YAMLNode) -> String? {
        if node.isNull { return nil }
        let scalarKeys: Set<String> = [
            "title", "subtitle", "deck", "dek", "standfirst", "description", "summary", "excerpt", "abstract",
            "category", "section", "lang", "language", "locale", "url", "permalink", "canonical", "canonical_url",
            "link", "publisher", "site", "lastmod", "modified", "updated", "updated_at", "modified_at",
            "datemodified", "date_modified", "lastmodified",
        ]
        if scalarKeys.contains(key) || publishedKeys.contains(key) {
            return node.scalar == nil ? "text" : nil
        }
        if ["tags", "keywords", "topics", "categories"].contains(key) {
            let fine = node.scalar != nil || node.items?.allSatisfy { $0.scalar != nil } == true
            return fine ? nil : "a list of text"
        }
        if ["author", "authors", "byline", "bylines", "contributors"].contains(key) {
            func named(_ item: YAMLNode) -> Bool {
                item.scalar != nil
                    || item.pairs?.contains {
                        ["name", "display_name"].contains($0.key.scalar?.lowercased() ?? "") && $0.value.scalar != nil
                    } == true
            }
            let fine = named(node) || node.items?.allSatisfy(named) == true
            return fine ? nil : "a name, a list of names or mappings with a name"
        }
        return nil
    }

    /// `2013-7-13 20:46:25` → `2013-07-13 20:46:25`; `nil` when nothing needs padding.
    static func padded(_ text: String) -> String? {
        let parts = text.split(separator: " ", maxSplits: 1)
        guard let day = parts.first else { return nil }
        let fields = day.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count == 4, fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
            fields[1].count <= 2, fields[2].count <= 2, fields[1].count == 1 || fields[2].count == 1
        else { return nil }
        let month = (fields[1].count == 1 ? "0" : "") + String(fields[1])
        let dayOfMonth = (fields[2].count == 1 ? "0" : "") + String(fields[2])
        let date = "\(fields[0])-\(month)-\(dayOfMonth)"
        return parts.count == 2 ? date + " " + String(parts[1]) : date
    }

    /// Whether two pairs are the same entry of the front matter (their keys stand at one place).
    private static func same(
        _ one: (key: YAMLNode, value: YAMLNode), _ other: (key: YAMLNode, value: YAMLNode)
    ) -> Bool {
        one.key.line == other.key.line && one.key.column == other.key.column
    }

    private mutating func note(_ message: String, _ key: YAMLNode) {
        diagnostics.append(
            Diagnostic(
                id: "markdown.unpublished", severity: .note, message: message, location: key.location(file: file)))
    }

    /// A plain `true` or `false` (YAML 1.2's core schema, as TOML and JSON write them).
    static func boolean(_ node: YAMLNode) -> Bool? {
        guard case .scalar(let text, true) = node.kind else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    private static func comparable(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `2018-02-19-title.markdown` (or `2018-02-19-title/index.md`, a page bundle) → 2018-02-19; the
    /// date may follow a prefix ending in `-`, `_` or `.`.
    static func filenameDate(_ path: String?) -> (String, DateTimeValue)? {
        guard let path else { return nil }
        var components = path.split(separator: "/")
        guard var name = components.popLast() else { return nil }
        let stem = name.prefix { $0 != "." }
        if stem == "index" || stem == "_index", let folder = components.popLast() { name = folder }
        // At the start, or after a prefix a collection gave the file (`news-2018-02-19-title.md`).
        for start in name.indices where start == name.startIndex || "-_.".contains(name[name.index(before: start)]) {
            if let found = leadingDate(name[start...], separator: "-") { return found }
        }
        return nil
    }

    /// `…/2026/03/26/title` or `2026/03/26/title` → 2026-03-26.
    static func urlDate(_ url: String) -> (String, DateTimeValue)? {
        let parts = url.split(separator: "/", omittingEmptySubsequences: false)
        for index in parts.indices where index + 2 < parts.count {
            let candidate = parts[index...(index + 2)].joined(separator: "-")
            if parts[index].count == 4, parts[index + 1].count == 2, parts[index + 2].count == 2,
                let found = leadingDate(Substring(candidate), separator: nil)
            {
                return found
            }
        }
        return nil
    }

    /// `YYYY-MM-DD` at the start of `text`, followed by `separator` (or the end when `nil`).
    private static func leadingDate(_ text: Substring, separator: Character?) -> (String, DateTimeValue)? {
        let characters = Array(text)
        guard characters.count >= 10, characters[4] == "-", characters[7] == "-",
            [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ characters[$0].isASCII && characters[$0].isNumber })
        else { return nil }
        if let separator {
            guard characters.count > 11, characters[10] == separator else { return nil }
        } else if characters.count != 10 {
            return nil
        }
        let text = String(characters[0..<10])
        guard let value = DateParser.parse(text), let month = value.month, (1...12).contains(month),
            let day = value.day, (1...31).contains(day), (1990...2200).contains(value.year)
        else { return nil }
        return (text, value)
    }
}
