// copydesk — ArticleFormats tests
// Feeds out: RSS 2.0, Atom 1.0 and JSON Feed 1.1 written from articles (the feed's own metadata,
// each item's parts, dates, what a feed cannot hold), read back by copydesk's readers to the same
// articles, checked by feedparser when it is installed, and the real feeds of ../shared read.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

@testable import ArticleFormats

#if canImport(FoundationXML)
    import FoundationXML
#endif

// MARK: - Helpers

private let feedFormats = ["rss", "atom", "jsonfeed"]

private func format(_ name: String) -> FormatDescriptor { FormatRegistry.format(named: name)! }

/// Writes articles as a feed.
private func writeFeed(
    _ articles: [Article], as name: String, options: WriterOptions = .default
) throws -> WriteResult {
    try #require(format(name).writer).write(articles, options: options)
}

/// Writes articles as a feed and reads it back with the format's reader alone.
private func roundTrip(_ articles: [Article], as name: String) throws -> (back: [Article], written: WriteResult) {
    let written = try writeFeed(articles, as: name)
    let read = try #require(format(name).reader).read(
        ReaderInput(bytes: written.bytes, file: "feed"), options: .default)
    return (read.articles, written)
}

private func string(_ result: WriteResult) -> String { String(decoding: result.bytes, as: UTF8.self) }

/// Text with its white space folded, as a feed's reader reads a title or a name; in an XML feed,
/// what XML cannot hold replaced (JSON holds every character).
private func folded(_ text: String?, xml: Bool = true) -> String? {
    guard let text else { return nil }
    let words = (xml ? xmlSafe(text) : text).unicodeScalars.split { $0.properties.isWhitespace }
        .map { String(String.UnicodeScalarView($0)) }
    return words.isEmpty ? nil : words.joined(separator: " ")
}

/// Whether a body gives a feed's reader something to read: words, or a picture.
private func readable(_ blocks: [Block]) -> Bool {
    blocks.contains { block in
        if case .image = block { return true }
        return !xmlSafe(block.plainText).unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }
}

/// A date as the feed writers write it: an instant with an offset (midnight UTC for a date alone,
/// UTC for a time without a zone), whole seconds in RFC 822; `nil` for what they leave out.
private func written(_ date: ArticleDate?, wholeSeconds: Bool) -> String? {
    guard let value = date?.value, (1...9999).contains(value.year) else { return nil }
    var instant = value
    if value.precision != .instant {
        instant = DateTimeValue(
            year: value.year, month: value.month ?? 1, day: value.day ?? 1, hour: 0, minute: 0, second: 0,
            utcOffsetMinutes: 0)
    } else if value.utcOffsetMinutes == nil {
        instant.utcOffsetMinutes = 0
    }
    if wholeSeconds { instant.fraction = nil }
    return instant.iso8601
}

/// What a feed item carries of an article, as copydesk's feed readers give it back.
private struct FeedView: Equatable, CustomStringConvertible {
    var headline: String?
    var summary: String?
    var authors: [String]
    var published: String?
    var modified: String?
    var section: String?
    var keywords: [String]
    var language: String?
    var url: String?
    var body: [String]

    /// What the article should read back as.
    init(expected article: Article, format name: String) {
        let xml = name != "jsonfeed"
        let fold = { (text: String?) in folded(text, xml: xml) }
        headline = fold(article.headline)
        let highlights = article.highlights.compactMap(fold)
        summary = highlights.isEmpty ? fold(article.subheadline) : highlights.joined(separator: " ")
        var names: [String] = []
        for byline in article.bylines {
            if let name = fold(byline.name), !names.contains(name) { names.append(name) }
        }
        authors = names
        // RSS's pubDate has whole seconds; its modification date (atom:updated) is RFC 3339.
        let published = written(article.published, wholeSeconds: name == "rss")
        let modified = written(article.modified, wholeSeconds: false)
        self.published = published ?? modified
        self.modified = published != nil && modified != published ? modified : nil
        section = name == "jsonfeed" ? nil : fold(article.section)
        var keywords: [String] = []
        for keyword in article.keywords {
            if let keyword = fold(keyword), !keywords.contains(keyword) { keywords.append(keyword) }
        }
        self.keywords = keywords
        language = article.language
        url = article.source?.url.flatMap { FeedWriting.isWebAddress($0) ? URLSafety.percentEncoded($0) : nil }
        body = htmlCarried(article.body)
    }

    /// What an article read from a feed holds.
    init(read article: Article) {
        headline = folded(article.headline, xml: false)
        let highlights = article.highlights.compactMap { folded($0, xml: false) }
        summary = highlights.isEmpty ? nil : highlights.joined(separator: " ")
        authors = article.bylines.map(\.name)
        published = article.published?.value?.iso8601
        modified = article.modified?.value?.iso8601
        section = article.section
        keywords = article.keywords
        language = article.language
        url = article.source?.url
        body = htmlCarried(article.body)
    }

    var description: String {
        "headline \(headline ?? "-") | summary \(summary ?? "-") | authors \(authors) | \(published ?? "-") "
            + "\(modified ?? "-") | section \(section ?? "-") | keywords \(keywords) | \(language ?? "-") | "
            + "\(url ?? "-") | body \(body)"
    }
}

private let article = Article(
    headline: "Pier reopens", highlights: ["Repairs took three months"],
    bylines: [Byline(name: "Jane Roe")], published: ArticleDate(parsing: "2025-06-12T09:30:00+01:00"),
    language: "en", section: "Local", keywords: ["pier", "harbour"],
    source: ArticleSource(publisher: "Harbour Gazette", url: "https://gazette.example/pier", id: "pier-1"),
    body: [.paragraph(Paragraph(text: "The pier reopened on Tuesday."))])

// MARK: - Writers

@Suite("Feed writers")
struct FeedWriterTests {
    @Test("RSS 2.0: the channel from the articles, an item each with guid, RFC 822 pubDate, creators and body")
    func rss() throws {
        var second = article
        second.headline = "Ferry fares frozen"
        second.source = ArticleSource(publisher: "Harbour Gazette", id: nil)
        second.published = ArticleDate(parsing: "2025-06-10T16:05:09Z")
        second.modified = ArticleDate(parsing: "2025-06-11T08:00:00Z")
        second.section = nil
        let result = try writeFeed([article, second], as: "rss")
        let text = string(result)
        #expect(text.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        #expect(text.contains("<title>Harbour Gazette</title>"))
        #expect(text.contains("<link>https://gazette.example/</link>"))
        #expect(text.contains("<language>en</language>"))
        #expect(text.contains("<pubDate>Thu, 12 Jun 2025 09:30:00 +0100</pubDate>"))
        #expect(text.contains("<pubDate>Tue, 10 Jun 2025 16:05:09 +0000</pubDate>"))
        #expect(text.contains("<atom:updated>2025-06-11T08:00:00Z</atom:updated>"))
        #expect(text.contains("<lastBuildDate>Thu, 12 Jun 2025 09:30:00 +0100</lastBuildDate>"))
        #expect(text.contains(#"<guid isPermaLink="false">pier-1</guid>"#))
        #expect(text.contains(#"<guid isPermaLink="false">urn:copydesk:article:"#))
        #expect(text.contains("<dc:creator>Jane Roe</dc:creator>"))
        #expect(text.contains(#"<category domain="https://copydesk.dev/ns/section">Local</category>"#))
        #expect(text.contains("<category>pier</category>"))
        #expect(text.contains("<description>Repairs took three months</description>"))
        #expect(text.contains("<content:encoded>&lt;p&gt;The pier reopened on Tuesday.&lt;/p&gt;</content:encoded>"))
        #expect(result.diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(result.diagnostics)")
        // The same articles give the same bytes.
        #expect(try writeFeed([article, second], as: "rss").bytes == result.bytes)
    }

    @Test("Atom 1.0: id, updated, links, authors (the feed's for entries without one), categories, html content")
    func atom() throws {
        var anonymous = article
        anonymous.bylines = []
        anonymous.source?.id = "not an IRI"
        let result = try writeFeed([article, anonymous], as: "atom")
        let text = string(result)
        #expect(text.contains(#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">"#))
        #expect(text.contains(#"<title type="text">Harbour Gazette</title>"#))
        #expect(text.contains(#"<link rel="alternate" href="https://gazette.example/"/>"#))
        #expect(text.contains("<id>https://gazette.example/</id>"))
        #expect(text.contains("<updated>2025-06-12T09:30:00+01:00</updated>"))
        #expect(text.contains("<author>\n    <name>Harbour Gazette</name>\n  </author>"))
        #expect(text.contains("<published>2025-06-12T09:30:00+01:00</published>"))
        #expect(text.contains(#"<category term="Local" scheme="https://copydesk.dev/ns/section"/>"#))
        #expect(text.contains(#"<content type="html">&lt;p&gt;The pier reopened"#))
        #expect(text.contains(#"<summary type="text">Repairs took three months</summary>"#))
        // An id that is no IRI is reported, and the entry gets copydesk's.
        #expect(text.contains("<id>urn:copydesk:article:"))
        #expect(result.diagnostics.contains { $0.id == "conversion.dropped" && $0.message.contains("not an IRI") })
        // A feed id that is no IRI is refused; one that is is the id.
        #expect(throws: FormatError.self) {
            try AtomWriter().write([article], options: WriterOptions(feedID: "my feed"))
        }
        let named = string(
            try writeFeed(
                [article], as: "atom",
                options: WriterOptions(feedTitle: "Night desk", feedLink: "https://n.example/", feedID: "urn:uuid:1")))
        #expect(named.contains("<id>urn:uuid:1</id>") && named.contains(#"<title type="text">Night desk</title>"#))
        #expect(named.contains(#"href="https://n.example/""#))
    }

    @Test("JSON Feed 1.1: version, feed metadata, items with ids, RFC 3339 dates, authors, tags, summary")
    func jsonFeed() throws {
        var other = article
        other.language = "cy"
        other.highlights = ["One", "Two"]
        let result = try writeFeed(
            [article, other], as: "jsonfeed", options: WriterOptions(feedID: "https://gazette.example/feed.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.bytes)) as? [String: Any])
        #expect(json["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(json["title"] as? String == "Harbour Gazette")
        #expect(json["home_page_url"] as? String == "https://gazette.example/")
        #expect(json["feed_url"] as? String == "https://gazette.example/feed.json")
        #expect(json["language"] == nil)
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["id"] as? String == "pier-1")
        #expect(items[0]["url"] as? String == "https://gazette.example/pier")
        #expect(items[0]["date_published"] as? String == "2025-06-12T09:30:00+01:00")
        #expect(items[0]["tags"] as? [String] == ["pier", "harbour"])
        #expect((items[0]["authors"] as? [[String: String]])?.first?["name"] == "Jane Roe")
        #expect(items[0]["content_html"] as? String == "<p>The pier reopened on Tuesday.</p>")
        #expect(items[0]["language"] as? String == "en")
        #expect(items[1]["summary"] as? String == "One\nTwo")
        // JSON Feed has no section.
        #expect(result.diagnostics.contains { $0.id == "conversion.dropped" && $0.message.contains("section") })
    }

    @Test("Feed titles: --feed-title, else the first publisher, else 'copydesk feed'; no link without one")
    func feedDefaults() throws {
        let plain = Article(headline: "A", body: [.paragraph(Paragraph(text: "Text."))])
        let rss = try writeFeed([plain], as: "rss")
        #expect(string(rss).contains("<title>copydesk feed</title>"))
        #expect(rss.diagnostics.contains { $0.id == "feed.link" && $0.message.contains("--feed-link") })
        #expect(string(try writeFeed([plain, article], as: "rss")).contains("<title>Harbour Gazette</title>"))
        let titled = try writeFeed([article], as: "rss", options: WriterOptions(feedTitle: "Night desk"))
        #expect(string(titled).contains("<title>Night desk</title>"))
        // The article's own publisher is not the feed's: reported.
        #expect(titled.diagnostics.contains { $0.id == "conversion.dropped" && $0.message.contains("publisher") })
    }

    @Test(
        "Dates: impossible ones are an error; a date alone is midnight UTC, a time without a zone UTC, unreadable left out"
    )
    func dates() throws {
        var impossible = article
        impossible.published = ArticleDate(parsing: "2023-02-29T10:00:00Z")
        for name in feedFormats {
            #expect(throws: FormatError.self, "\(name)") { try writeFeed([article, impossible], as: name) }
            let error = #expect(throws: FormatError.self, "\(name)") { try writeFeed([impossible], as: name) }
            #expect(error?.id == "output.date", "\(name)")
        }
        var loose = article
        loose.published = ArticleDate(parsing: "12 June 2025")
        loose.modified = ArticleDate(parsing: "2025-06-13 10:00")
        var unreadable = article
        unreadable.published = ArticleDate(parsing: "sometime in June")
        for name in feedFormats {
            let result = try writeFeed([loose, unreadable], as: name)
            let notes = result.diagnostics.filter { $0.id == "conversion.assumed" }
            #expect(notes.contains { $0.severity == .note && $0.message.contains("2025-06-12T00:00:00Z") }, "\(name)")
            #expect(
                notes.contains { $0.severity == .warning && $0.message.contains("2025-06-13T10:00:00Z") }, "\(name)")
            #expect(
                result.diagnostics.contains { $0.id == "conversion.dropped" && $0.message.contains("sometime") },
                "\(name)")
        }
        let rss = string(try writeFeed([loose], as: "rss"))
        #expect(rss.contains("<pubDate>Thu, 12 Jun 2025 00:00:00 +0000</pubDate>"))
        // Atom requires a date: the epoch stands for none, and reads back as none.
        var undated = article
        undated.published = nil
        let atom = try writeFeed([undated], as: "atom")
        #expect(string(atom).contains("<updated>1970-01-01T00:00:00Z</updated>"))
        #expect(atom.diagnostics.contains { $0.id == "conversion.assumed" && $0.severity == .warning })
        let back = try AtomReader().read(ReaderInput(bytes: atom.bytes), options: .default)
        #expect(back.articles[0].published == nil)
    }

    @Test("What a feed cannot hold is reported: dateline, byline details, credit, extensions, a second summary")
    func dropped() throws {
        var full = article
        full.dateline = Dateline(place: "PORT ELLIS", raw: "PORT ELLIS, June 12")
        full.bylines = [Byline(name: "Jane Roe", role: "Reporter", affiliation: "Gazette", raw: "By Jane Roe")]
        full.source?.credit = "CNA"
        full.subheadline = "After the storm"
        full.extensions = ["cms": .number(7)]
        for name in feedFormats {
            let messages = try writeFeed([full], as: name).diagnostics.filter { $0.id == "conversion.dropped" }
                .map(\.message)
            for what in ["dateline", "Reporter", "By Jane Roe", "CNA", "After the storm", "cms"] {
                #expect(messages.contains { $0.contains(what) }, "\(name) does not report \(what)")
            }
        }
    }

    @Test("A text copyright is RSS's dc:rights and Atom's rights, read back; JSON Feed reports it")
    func rights() throws {
        var owned = article
        owned.extensions = ["copyright": .string("© Harbour Gazette")]
        for name in ["rss", "atom"] {
            let (back, written) = try roundTrip([owned], as: name)
            #expect(back.first?.extensions["copyright"] == .string("© Harbour Gazette"), "\(name)")
            #expect(!written.diagnostics.contains { $0.message.contains("extensions") }, "\(name)")
        }
        let json = try writeFeed([owned], as: "jsonfeed")
        #expect(json.diagnostics.contains { $0.id == "conversion.dropped" && $0.message.contains("copyright") })
    }

    @Test("The pipeline writes a stream of articles as one feed")
    func oneFeed() throws {
        let pipeline = Pipeline()
        let stream = try pipeline.read(
            ReaderInput(
                bytes: [UInt8](
                    try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("Samples/morning-briefs.yaml"))),
                file: "morning-briefs.yaml"), format: format("yaml"))
        #expect(stream.articles.count == 3)
        for name in feedFormats {
            let written = try pipeline.write(stream.articles, format: format(name))
            let back = try pipeline.read(ReaderInput(bytes: written.bytes, file: "f"), from: nil)
            #expect(back.format.name == name)
            #expect(back.result.articles.map(\.headline) == stream.articles.map(\.headline), "\(name)")
        }
    }
}

// MARK: - Round trips

@Suite("Feed round trips")
struct FeedRoundTripTests {
    @Test("Every sample written as RSS, Atom and JSON Feed reads back to the same article on what feeds carry")
    func samples() throws {
        let articles = try sampleArticles()
        #expect(articles.count >= 12)
        for name in feedFormats {
            let (back, _) = try roundTrip(articles.map(\.article), as: name)
            #expect(back.count == articles.count, "\(name)")
            for ((label, article), read) in zip(articles, back) {
                #expect(FeedView(read: read) == FeedView(expected: article, format: name), "\(label) as \(name)")
                // The body with its quote anchors and speakers (copydesk's data-* markup).
                let anchored = Set(article.quoteAnchors.keys)
                let quotes = article.quotes.filter { anchored.contains($0.id) }
                #expect(read.quotes.map(\.id) == quotes.map(\.id), "\(label) as \(name)")
                #expect(read.quotes.map(\.speaker) == quotes.map(\.speaker), "\(label) as \(name)")
                #expect(read.quotes.map(\.cue) == quotes.map(\.cue), "\(label) as \(name)")
                if let id = article.source?.id {
                    #expect(read.source?.id == id, "\(label) as \(name)")
                } else {
                    #expect(read.source?.id?.hasPrefix("urn:copydesk:article:") == true, "\(label) as \(name)")
                }
            }
        }
    }

    @Test("Random articles written as feeds read back on what feeds carry", arguments: 0..<60)
    func random(seed: Int) throws {
        var random = RandomArticles(seed: UInt64(seed) &+ 15_000)
        var articles = (0..<3).map { _ in random.article() }
        // Impossible dates are refused (tested above); these are all real.
        for index in articles.indices {
            for keyPath in [\Article.published, \Article.modified]
            where articles[index][keyPath: keyPath]?.value?.calendarProblem != nil {
                articles[index][keyPath: keyPath] = nil
            }
        }
        let name = feedFormats[seed % 3]
        let label = "seed \(seed), \(name)"
        let kept = articles.filter {
            folded($0.headline) != nil || readable($0.body) || $0.highlights.contains { folded($0) != nil }
                || folded($0.subheadline) != nil
        }
        guard !kept.isEmpty else {
            let written = try writeFeed(articles, as: name)
            #expect(throws: FormatError.self, "\(label)") {
                try format(name).reader!.read(ReaderInput(bytes: written.bytes), options: .default)
            }
            return
        }
        let (back, _) = try roundTrip(articles, as: name)
        #expect(back.count == kept.count, "\(label)")
        for (article, read) in zip(kept, back) where readable(article.body) {
            var expected = FeedView(expected: article, format: name)
            let got = FeedView(read: read)
            // A body-less item's summary reads as its text; that case is the reader's tests'.
            if expected.summary != nil, got.summary == nil { expected.summary = nil }
            #expect(got == expected, "\(label)")
            let anchored = Set(Article(body: read.body).quoteAnchors.keys)
            for quote in article.quotes where anchored.contains(quote.id) {
                let found = read.quotes.first { $0.id == quote.id }
                #expect(found?.speaker?.name == quote.speaker.map { xmlSafe($0.name) }, "\(label): \(quote.id)")
                #expect(found?.cue == quote.cue.map(xmlSafe), "\(label): \(quote.id)")
            }
        }
    }
}

// MARK: - feedparser

/// The python with feedparser: the project's .venv (make test installs it there), else python3.
private let feedparserPython: String? = {
    let venv = TestPaths.packageRoot.appendingPathComponent(".venv/bin/python3").path
    for python in [venv, "/usr/bin/python3"] where FileManager.default.isExecutableFile(atPath: python) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import feedparser"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { continue }
        process.waitUntilExit()
        if process.terminationStatus == 0 { return python }
    }
    return nil
}()

@Suite(
    "Feeds checked by feedparser",
    .enabled(
        if: feedparserPython != nil,
        "feedparser is not installed: make test installs it into .venv (python3 -m venv .venv && .venv/bin/pip install feedparser)"
    ))
struct FeedparserTests {
    @Test("feedparser reads every feed copydesk writes without bozo: samples, and random articles")
    func clean() throws {
        var random = RandomArticles(seed: 4_040)
        var articles = try sampleArticles().map(\.article)
        for _ in 0..<30 {
            var article = random.article()
            if article.published?.value?.calendarProblem != nil { article.published = nil }
            if article.modified?.value?.calendarProblem != nil { article.modified = nil }
            articles.append(article)
        }
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        var counts: [String] = []
        for name in feedFormats {
            // The samples as one feed, then each random article alone.
            let groups = [Array(articles.prefix(articles.count - 30))] + articles.suffix(30).map { [$0] }
            for (index, group) in groups.enumerated() {
                let url = folder.appendingPathComponent("\(name)-\(index).\(format(name).outputExtension)")
                try Data(try writeFeed(group, as: name).bytes).write(to: url)
                files.append(url.path)
                counts.append(String(group.count))
            }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(feedparserPython))
        process.arguments =
            [TestPaths.packageRoot.appendingPathComponent("scripts/check-feeds.py").path] + files + [
                "--entries", counts.joined(separator: ","),
            ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(
            process.terminationStatus == 0,
            Comment(
                rawValue: text.split(separator: "\n").filter { $0.contains(";") }.prefix(10).joined(separator: "\n")))
        #expect(text.split(separator: "\n").count == files.count)
    }
}

// MARK: - Other producers' feeds

private let corpus = TestPaths.shared?.appendingPathComponent("corpus/thirdparty/feeds")

/// What a feed file holds, read apart from copydesk with Foundation's XML parser: its items (posts
/// only in a WordPress export) that have a title or text, and the first one's title.
private final class FeedOutline: NSObject, XMLParserDelegate {
    private(set) var items = 0
    private(set) var firstTitle: String?
    private var inItem = false
    private var element = ""
    private var title = ""
    private var text = ""
    private var postType: String?
    private var depth = 0

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        if local == "item" || local == "entry" {
            inItem = true
            depth = 0
            title = ""
            text = ""
            postType = nil
        }
        if inItem { depth += 1 }
        element = local
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { collect(string) }

    func parser(_ parser: XMLParser, foundCDATA data: Data) { collect(String(decoding: data, as: UTF8.self)) }

    private func collect(_ string: String) {
        guard inItem else { return }
        switch element {
        case "title" where depth == 2: title += string
        case "description", "encoded", "content", "summary": text += string
        case "post_type": postType = (postType ?? "") + string
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        if inItem { depth -= 1 }
        element = ""
        guard local == "item" || local == "entry", inItem else { return }
        inItem = false
        let blank = { (value: String) in value.allSatisfy(\.isWhitespace) }
        if postType.map({ $0.trimmingCharacters(in: .whitespaces) == "post" }) ?? true, !blank(title) || !blank(text) {
            items += 1
            if firstTitle == nil { firstTitle = title }
        }
    }
}

/// A title as text: tags out, the common character references decoded, white space folded.
private func titleText(_ title: String) -> String {
    var text = title.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
    for (reference, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
        text = text.replacingOccurrences(of: reference, with: character)
    }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

@Suite("Feed corpus", .enabled(if: corpus != nil, Comment(rawValue: TestPaths.sharedMissing)))
struct FeedCorpusTests {
    @Test(
        "Every feed of ../shared is detected (by content, on standard input too) and read: every item an article, the first titled as in the feed"
    )
    func corpusFeeds() throws {
        let files = TestPaths.files(in: try #require(corpus), extensions: ["xml", "rss", "atom", "json", "rdf"])
        #expect(files.count >= 7)
        for url in files {
            let name = url.lastPathComponent
            let bytes = [UInt8](try Data(contentsOf: url))
            let detected = try FormatRegistry.detect(path: url.path, bytes: bytes)
            #expect(
                ["rss", "atom", "jsonfeed"].contains(detected?.format.name),
                "\(name): \(detected?.format.name ?? "nothing")")
            #expect(
                try FormatRegistry.detect(path: nil, bytes: bytes)?.format.name == detected?.format.name,
                "\(name) on stdin")
            let read = try Pipeline().read(
                ReaderInput(bytes: bytes, file: name), format: try #require(detected?.format))
            let outline = FeedOutline()
            let parser = XMLParser(data: Data(bytes))
            parser.shouldProcessNamespaces = false
            parser.delegate = outline
            #expect(parser.parse(), "\(name) is not XML for Foundation")
            #expect(read.articles.count == outline.items, "\(name)")
            #expect(read.articles.first?.headline == outline.firstTitle.map(titleText), "\(name)")
            for (index, article) in read.articles.enumerated() {
                #expect(readable(article.body) || article.headline != nil, "\(name) #\(index + 1)")
                #expect(
                    article.source?.id != nil || article.source?.url != nil, "\(name) #\(index + 1) keeps an identifier"
                )
            }
        }
    }
}
