// copydesk — ArticleFormats / feeds
// What RSS, Atom and JSON Feed writers share: the feed's title, link and id, each article as an
// item (id, link, dates, authors, summary, the body as HTML), and what a feed cannot hold.

import ArticleModel

// MARK: - Carried fields

/// The parts of the model every feed writer carries; each adds what its format has room for.
enum FeedCarriedFields {
    static let common: Set<ArticleField> = [
        .headline, .subheadline, .highlights, .bylines, .published, .modified, .keywords, .source, .body, .images,
        .quotes, .speakers, .listLabels,
    ]
}

// MARK: - FeedHead

/// What a feed says of itself.
struct FeedHead {
    /// `--feed-title`, else the first article's publisher, else "copydesk feed".
    var title: String
    /// `--feed-link`, else the site (scheme and host) of the first article with a web address.
    var link: String?
    /// `--feed-id`, when given.
    var id: String?
    /// The language every article has, when they share one.
    var language: String?

    /// The category scheme (Atom) and domain (RSS) copydesk marks the section with.
    static let sectionScheme = "https://copydesk.dev/ns/section"

    init(articles: [Article], options: WriterOptions) {
        let given = { (text: String?) in
            text.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0.trimmingWhitespace() }
        }
        title =
            given(options.feedTitle)
            ?? articles.lazy.compactMap { given($0.source?.publisher)?.foldingWhitespace() }.first ?? "copydesk feed"
        link = given(options.feedLink) ?? articles.lazy.compactMap { Self.site(of: $0.source?.url) }.first
        id = given(options.feedID)
        let languages = Set(articles.map(\.language))
        language = languages.count == 1 ? languages.first ?? nil : nil
    }

    /// `https://example.org/` for `https://example.org/news/story.html`, or `nil` for what is no web address.
    static func site(of url: String?) -> String? {
        guard let url, FeedWriting.isWebAddress(url) else { return nil }
        let afterScheme = url.firstTextRange(of: "://").map { url[$0.upperBound...] } ?? ""
        let host = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !host.isEmpty else { return nil }
        return url[..<afterScheme.startIndex] + host + "/"
    }
}

// MARK: - FeedSummary

/// An item's summary: the highlights (one as text, several as a list), else the subheadline.
enum FeedSummary {
    case text(String)
    case list([String])

    /// The summary as HTML, every text escaped.
    var html: String {
        switch self {
        case .text(let text): return XMLText.escaped(text)
        case .list(let items): return "<ul>" + items.map { "<li>" + XMLText.escaped($0) + "</li>" }.joined() + "</ul>"
        }
    }

    /// The summary as plain text, a line a highlight.
    var plainText: String {
        switch self {
        case .text(let text): return text
        case .list(let items): return items.joined(separator: "\n")
        }
    }
}

// MARK: - FeedEntry

/// One article as a feed item.
struct FeedEntry {
    var title: String?
    /// The article's web address (`source.url`), when it is one.
    var link: String?
    /// `source.id`, else `urn:copydesk:article:` and a hash of the content.
    var id: String
    var published: DateTimeValue?
    var modified: DateTimeValue?
    var authors: [String]
    var summary: FeedSummary?
    /// The body as HTML (`BodyHTML`, with copydesk's `data-*` quote markup), empty without a body.
    var html: String
    var section: String?
    var keywords: [String]
    var language: String?
    /// A text `copyright` extension, for the formats that hold rights (`dc:rights`, Atom `rights`).
    var copyright: String?
    /// The first picture with a web address, for the formats' enclosure or image fields.
    var image: Image?
}

// MARK: - FeedWriting

/// Maps articles to feed items for one format, collecting what the format cannot hold.
struct FeedWriting {
    /// The format's name in messages (`RSS 2.0`).
    let format: String
    /// Whether the format marks a category as the section (RSS, Atom).
    let holdsSection: Bool
    /// Whether the format holds an item's rights statement (RSS, Atom).
    let holdsRights: Bool
    /// Whether the format's item ids must be absolute IRIs (Atom).
    let idsAreIRIs: Bool
    private(set) var diagnostics: [Diagnostic] = []
    /// The file of the article being mapped, for messages.
    private var file: String?

    init(format: String, holdsSection: Bool, holdsRights: Bool = true, idsAreIRIs: Bool = false) {
        self.holdsRights = holdsRights
        self.format = format
        self.holdsSection = holdsSection
        self.idsAreIRIs = idsAreIRIs
    }

    /// Whether a URL is an absolute http(s) address.
    static func isWebAddress(_ url: String) -> Bool {
        let scheme = URLSafety.scheme(of: url)
        return (scheme == "http" || scheme == "https") && URLSafety.isSafe(url, schemes: ["http", "https"])
    }

    /// The feed's head and an item per article, every article's dates checked first (an impossible
    /// one is an error that names it, and nothing is written).
    mutating func entries(
        for articles: [Article], options: WriterOptions
    ) throws(FormatError) -> (head: FeedHead, entries: [FeedEntry]) {
        for article in articles { try WriterDates.check(article, format: format) }
        let head = FeedHead(articles: articles, options: options)
        var entries: [FeedEntry] = []
        for (index, article) in articles.enumerated() {
            entries.append(entry(for: article, number: index + 1, head: head))
        }
        return (head, entries)
    }

    /// Reports the characters the written feed's XML could not hold.
    mutating func reportReplaced(_ count: Int) {
        if count > 0 { diagnostics.append(.replaced(count, format: format)) }
    }

    mutating func drop(_ what: String, at location: SourceLocation? = nil) {
        var diagnostic = Diagnostic.dropped(what, format: format, location: location)
        diagnostic.file = diagnostic.file ?? location?.file ?? file
        diagnostics.append(diagnostic)
    }

    mutating func note(
        _ id: String, _ message: String, severity: Diagnostic.Severity = .note, at location: SourceLocation? = nil
    ) {
        diagnostics.append(
            Diagnostic(id: id, severity: severity, message: message, location: location, file: location?.file ?? file))
    }

    /// The article as an item; `number` counts the articles from 1 for messages.
    mutating func entry(for article: Article, number: Int, head: FeedHead) -> FeedEntry {
        let blank = { (text: String?) in text?.trimmingWhitespace().isEmpty ?? true }
        let which = "article \(number)"
        file = article.source?.file
        var entry = FeedEntry(
            title: blank(article.headline) ? nil : article.headline, id: "", authors: [], html: "", keywords: [])
        // Link and id.
        if let url = article.source?.url, !blank(url) {
            if Self.isWebAddress(url) {
                entry.link = URLSafety.percentEncoded(url.trimmingWhitespace())
            } else {
                drop("\(which)'s URL \(url.messageQuoted) (an item's link is an http or https address)")
            }
        }
        let derived = FNV1a64.articleURN(article)
        if let id = article.source?.id?.trimmingWhitespace(), !id.isEmpty {
            if idsAreIRIs, !URLSafety.isAbsoluteURI(id) {
                drop("\(which)'s identifier \(id.messageQuoted) (an id is an absolute IRI; the item's is \(derived))")
                entry.id = derived
            } else {
                entry.id = id
            }
        } else {
            entry.id = derived
        }
        // Dates.
        entry.published = instant(article.published, field: "published", which: which)
        entry.modified = instant(article.modified, field: "modified", which: which)
        // People.
        for byline in article.bylines {
            let name = byline.name.foldingWhitespace().trimmingWhitespace()
            guard !name.isEmpty else {
                drop("a byline of \(which) with no name", at: byline.location)
                continue
            }
            if !entry.authors.contains(name) { entry.authors.append(name) }
            let details = [byline.role, byline.affiliation].compactMap { $0 }.filter { !blank($0) }
            if !details.isEmpty {
                drop(
                    "the role and affiliation \(details.joined(separator: ", ").messageQuoted) of \(name.messageQuoted) "
                        + "(an author is a name)", at: byline.location)
            }
            if let raw = byline.raw, !blank(raw), raw.foldingWhitespace().trimmingWhitespace() != name {
                drop("the byline as printed \(raw.messageQuoted) (its name is kept)", at: byline.location)
            }
        }
        // Summary.
        let highlights = article.highlights.filter { !blank($0) }
        if highlights.count > 1 {
            entry.summary = .list(highlights)
        } else if let highlight = highlights.first {
            entry.summary = .text(highlight)
        }
        if let subheadline = article.subheadline, !blank(subheadline) {
            if entry.summary == nil {
                entry.summary = .text(subheadline)
                note(
                    "conversion.changed",
                    "\(which)'s subheadline is written as the item's summary, which copydesk reads as a highlight")
            } else {
                drop(
                    "\(which)'s subheadline \(subheadline.messageQuoted) (an item has one summary, which holds its "
                        + "highlights)")
            }
        }
        // Body.
        var renderer = BodyHTML(options: BodyHTML.Options(format: format, vocabulary: .data))
        entry.html = renderer.render(article).joined(separator: "\n")
        diagnostics += renderer.diagnostics
        entry.image =
            article.body.lazy.compactMap { block -> Image? in
                guard case .image(let image) = block, Self.isWebAddress(image.src) else { return nil }
                return image
            }.first
        // Topics and language.
        if let section = article.section, !blank(section) {
            if holdsSection {
                entry.section = section.foldingWhitespace().trimmingWhitespace()
            } else {
                drop("\(which)'s section \(section.messageQuoted) (its tags are keywords)")
            }
        }
        for keyword in article.keywords {
            let keyword = keyword.foldingWhitespace().trimmingWhitespace()
            if !keyword.isEmpty, !entry.keywords.contains(keyword) { entry.keywords.append(keyword) }
        }
        entry.language = article.language
        // What a feed has no room for.
        if let publisher = article.source?.publisher, !blank(publisher),
            publisher.foldingWhitespace().trimmingWhitespace() != head.title
        {
            drop(
                "\(which)'s publisher \(publisher.messageQuoted) (the feed's title, \(head.title.messageQuoted), "
                    + "names the publisher of every item)")
        }
        if let credit = article.source?.credit, !blank(credit) {
            drop("\(which)'s credit line \(credit.messageQuoted)")
        }
        if let dateline = article.dateline {
            drop("\(which)'s dateline \(dateline.raw.messageQuoted)")
        }
        var extensions = article.extensions
        if holdsRights, case .string(let copyright)? = extensions[ExtensionKey.copyright], !blank(copyright) {
            entry.copyright = copyright
            extensions[ExtensionKey.copyright] = nil
        }
        if !extensions.isEmpty {
            drop("\(which)'s extensions (\(extensions.keys.sorted().joined(separator: ", ")))")
        }
        return entry
    }

    /// `urn:copydesk:feed:` and a hash of the items' ids, for a feed given no id.
    static func derivedFeedID(_ entries: [FeedEntry]) -> String {
        var hash = FNV1a64()
        for entry in entries { hash.add(field: entry.id) }
        return "urn:copydesk:feed:" + hash.hex
    }

    // MARK: Dates

    /// A date as an instant with a UTC offset, as every feed's dates are: a date alone is midnight
    /// UTC and a time without a zone is UTC (each with a note); a date copydesk could not read, or
    /// one outside the years 1 to 9999, is left out with a warning. Impossible dates were refused
    /// before (`entries(for:options:)`).
    mutating func instant(_ date: ArticleDate?, field: String, which: String) -> DateTimeValue? {
        guard let date else { return nil }
        guard let value = date.value else {
            drop(
                "\(which)'s \(field) date \(date.text.messageQuoted), which copydesk could not read as a date",
                at: date.location)
            return nil
        }
        guard (1...9999).contains(value.year) else {
            drop("\(which)'s \(field) date \(value.iso8601) (a feed's years have four digits)", at: date.location)
            return nil
        }
        var instant = value
        if value.precision != .instant {
            instant = DateTimeValue(
                year: value.year, month: value.month ?? 1, day: value.day ?? 1, hour: 0, minute: 0, second: 0,
                utcOffsetMinutes: 0)
            note(
                "conversion.assumed",
                "\(format) dates have a time: \(which)'s \(field) date \(value.iso8601) is written as "
                    + instant.iso8601, at: date.location)
        } else if value.utcOffsetMinutes == nil {
            instant.utcOffsetMinutes = 0
            note(
                "conversion.assumed",
                "\(format) dates have a time zone: \(which)'s \(field) date \(value.iso8601) is written as UTC "
                    + "(\(instant.iso8601))", severity: .warning, at: date.location)
        }
        if instant.hour == 24 {
            // 24:00 is the next day's midnight, which RFC 3339 and RFC 822 write so.
            let days = DateTimeValue.daysFromCivil(instant.year, instant.month ?? 1, instant.day ?? 1) + 1
            let next = DateTimeValue.civil(fromDays: days)
            instant = DateTimeValue(
                year: next.year, month: next.month, day: next.day, hour: 0, minute: instant.minute,
                second: instant.second, fraction: instant.fraction, utcOffsetMinutes: instant.utcOffsetMinutes)
        }
        return instant
    }

    /// Seconds since 1970 of an instant with an offset, for ordering.
    static func seconds(_ value: DateTimeValue) -> Int {
        let days = DateTimeValue.daysFromCivil(value.year, value.month ?? 1, value.day ?? 1)
        return days * 86_400 + (value.hour ?? 0) * 3_600 + (value.minute ?? 0) * 60 + (value.second ?? 0)
            - (value.utcOffsetMinutes ?? 0) * 60
    }

    /// The latest of the dates.
    static func latest(_ values: [DateTimeValue?]) -> DateTimeValue? {
        values.compactMap { $0 }.max { seconds($0) < seconds($1) }
    }

    /// RFC 3339 (Atom, JSON Feed): the ISO 8601 form of an instant with its offset.
    static func rfc3339(_ value: DateTimeValue) -> String { value.iso8601 }

    /// RFC 822 as RSS writes it: `Tue, 10 Jun 2003 04:00:00 +0000` (seconds' fractions have no place).
    static func rfc822(_ value: DateTimeValue) -> String {
        let month = value.month ?? 1
        let day = value.day ?? 1
        let weekday = DateTimeValue.weekday(ofDays: DateTimeValue.daysFromCivil(value.year, month, day))
        let offset = value.utcOffsetMinutes ?? 0
        let sign = offset < 0 ? "-" : "+"
        return "\(weekdays[weekday]), \(two(day)) \(months[month - 1]) \(four(value.year)) "
            + "\(two(value.hour ?? 0)):\(two(value.minute ?? 0)):\(two(value.second ?? 0)) "
            + "\(sign)\(two(abs(offset) / 60))\(two(abs(offset) % 60))"
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
    private static func four(_ number: Int) -> String {
        String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
    }

    // MARK: Text

    /// Text for a field feeds read as HTML when it looks like it (an RSS title or description):
    /// escaped once more when it holds what a reader would take for markup, so it reads back as written.
    static func textForHTMLField(_ text: String) -> String {
        FeedArticles.looksLikeMarkup(text) ? XMLText.escaped(text) : text
    }
}
