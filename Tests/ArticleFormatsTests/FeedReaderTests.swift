// copydesk — ArticleFormats tests
// Feeds in: RSS 2.0 and 1.0, Atom, JSON Feed and WordPress exports read as a stream of articles,
// what each element becomes, bad items and empty feeds, and detection by content.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

// MARK: - Helpers

/// Reads a feed with its format's reader alone (no analysis).
private func readFeed(_ text: String, format name: String, file: String = "feed.xml") throws -> ReadResult {
    let format = try #require(FormatRegistry.format(named: name))
    return try #require(format.reader).read(ReaderInput(string: text, file: file), options: .default)
}

/// The error reading a feed throws, if any.
private func feedError(_ text: String, format name: String) -> FormatError? {
    do throws(FormatError) {
        _ = try FormatRegistry.format(named: name)!.reader!.read(
            ReaderInput(string: text, file: "f"), options: .default)
        return nil
    } catch {
        return error
    }
}

private func texts(_ article: Article) -> [String] { article.body.map(\.plainText) }

// MARK: - RSS

@Suite("Feed readers")
struct FeedReaderTests {
    static let rss2 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
          <channel>
            <title>Harbour Gazette</title>
            <link>https://gazette.example/</link>
            <description>News</description>
            <language>en-gb</language>
            <item>
              <title>Pier reopens</title>
              <link>https://gazette.example/pier</link>
              <description>The pier is open again.</description>
              <content:encoded><![CDATA[<p>The pier reopened on <b>Tuesday</b>.</p><p>“We are open,” said Ana Ruiz.</p>]]></content:encoded>
              <dc:creator>Jane Roe</dc:creator>
              <dc:creator>John Doe</dc:creator>
              <category>Piers</category>
              <category domain="https://gazette.example/section">Local</category>
              <guid isPermaLink="false">pier-1</guid>
              <pubDate>Tue, 10 Jun 25 09:30:00 +0100</pubDate>
              <enclosure url="https://gazette.example/pier.jpg" type="image/jpeg" length="1"/>
              <media:content url="https://gazette.example/pier.mp4" medium="video"/>
            </item>
            <item>
              <title>Tides</title>
              <description>&lt;p&gt;High water at &lt;em&gt;6am&lt;/em&gt;.&lt;/p&gt;</description>
              <author>desk@gazette.example (Harbour Desk)</author>
              <guid>https://gazette.example/tides</guid>
              <dc:date>2025-06-09T07:00:00Z</dc:date>
            </item>
          </channel>
        </rss>
        """

    @Test("RSS 2.0: content:encoded is the body, description a highlight, creators, categories, guid, pubDate")
    func rss2Items() throws {
        let read = try readFeed(Self.rss2, format: "rss")
        #expect(read.articles.count == 2)
        let pier = read.articles[0]
        #expect(pier.headline == "Pier reopens")
        #expect(texts(pier) == ["", "The pier reopened on Tuesday.", "“We are open,” said Ana Ruiz."])
        guard case .image(let image) = pier.body[0] else {
            Issue.record("the enclosure is not a picture first in the body")
            return
        }
        #expect(image.src == "https://gazette.example/pier.jpg")
        #expect(pier.highlights == ["The pier is open again."])
        #expect(pier.bylines.map(\.name) == ["Jane Roe", "John Doe"])
        #expect(pier.bylines.allSatisfy { $0.origin == .field })
        #expect(pier.keywords == ["Piers"])
        #expect(pier.section == "Local")
        #expect(pier.source?.id == "pier-1")
        #expect(pier.source?.url == "https://gazette.example/pier")
        #expect(pier.source?.publisher == "Harbour Gazette")
        #expect(pier.source?.format == "rss")
        #expect(pier.language == "en-gb")
        #expect(pier.published?.value?.iso8601 == "2025-06-10T09:30:00+01:00")
        #expect(pier.published?.text == "Tue, 10 Jun 25 09:30:00 +0100")
        #expect(pier.published?.provenance == "pubDate")
        // A video is no picture: it is kept beside the text.
        #expect(
            pier.extensions["alternatives"]
                == .array([.object(["href": .string("https://gazette.example/pier.mp4"), "type": .string("video")])]))

        let tides = read.articles[1]
        #expect(texts(tides) == ["High water at 6am."])
        #expect(tides.highlights.isEmpty)
        #expect(tides.bylines.map(\.name) == ["Harbour Desk"])
        #expect(tides.published?.value?.iso8601 == "2025-06-09T07:00:00Z")
        #expect(tides.published?.provenance == "dc:date")
        // A permalink guid is the link when there is none.
        #expect(tides.source?.url == "https://gazette.example/tides")
        // Blocks are placed in the feed: the description's line.
        #expect(tides.body[0].location?.line == 25)
    }

    @Test("RSS 1.0 (RDF): items beside the channel, rdf:about, Dublin Core")
    func rss1() throws {
        let text = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://news.example/">
                <title>Coast News</title><link>https://news.example/</link><description>d</description>
                <dc:language>fr</dc:language>
              </channel>
              <item rdf:about="https://news.example/a">
                <title>Premier article</title><link>https://news.example/a</link>
                <description>Le port rouvre.</description>
                <dc:creator>Marie Curie</dc:creator><dc:date>2025-06-01T10:00:00+02:00</dc:date>
                <dc:subject>port</dc:subject>
              </item>
              <item rdf:about="https://news.example/b"><title>Second</title><description>Texte.</description></item>
            </rdf:RDF>
            """
        let read = try readFeed(text, format: "rss")
        #expect(read.articles.map(\.headline) == ["Premier article", "Second"])
        #expect(read.articles[0].source?.id == "https://news.example/a")
        #expect(read.articles[0].bylines.map(\.name) == ["Marie Curie"])
        #expect(read.articles[0].published?.value?.iso8601 == "2025-06-01T10:00:00+02:00")
        #expect(read.articles[0].keywords == ["port"])
        #expect(read.articles[0].language == "fr")
        #expect(read.articles[0].source?.publisher == "Coast News")
    }

    @Test("RSS titles full of escaped HTML read as their text; an address alone names no author")
    func escapedTitles() throws {
        let text = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>Fish &amp;amp; chips &lt;b&gt;shop&lt;/b&gt; opens</title><description>Text.</description>
              <author>desk@example.org</author></item>
            <item><title>Secrets &amp; lies</title><description>Text.</description></item>
            </channel></rss>
            """
        let read = try readFeed(text, format: "rss")
        #expect(read.articles.map(\.headline) == ["Fish & chips shop opens", "Secrets & lies"])
        #expect(read.articles[0].bylines.isEmpty)
    }

    // MARK: Atom

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
          <title>Coastline</title>
          <link href="https://coast.example/"/>
          <id>tag:coast.example,2025:feed</id>
          <updated>2025-06-12T10:00:00Z</updated>
          <author><name>Coastline Desk</name></author>
          <entry>
            <title type="html">Sea wall &lt;em&gt;approved&lt;/em&gt;</title>
            <link rel="self" href="https://coast.example/api/1"/>
            <link rel="alternate" href="https://coast.example/sea-wall"/>
            <id>tag:coast.example,2025:1</id>
            <published>2025-06-12T08:30:00+01:00</published>
            <updated>2025-06-12T10:00:00Z</updated>
            <author><name>Ada Quill</name></author>
            <category term="coast" label="The coast"/>
            <category term="Planning" scheme="https://coast.example/ns/section"/>
            <summary>Work starts in autumn.</summary>
            <content type="html">&lt;p&gt;Approved on Wednesday.&lt;/p&gt;</content>
          </entry>
          <entry xml:lang="cy">
            <title type="text">A &lt;b&gt; is bold</title>
            <id>urn:uuid:1</id>
            <updated>2025-06-11T18:00:00+01:00</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First <b>part</b>.</p><ul><li>One</li></ul></div></content>
          </entry>
          <entry>
            <title>Only a summary</title>
            <id>urn:uuid:2</id>
            <updated>2025-06-10T00:00:00Z</updated>
            <summary type="text">The summary is the text.</summary>
            <content src="https://coast.example/full.html" type="text/html"/>
          </entry>
        </feed>
        """

    @Test("Atom: html, xhtml and text content, summaries, authors and the feed's as a credit, dates, categories")
    func atomEntries() throws {
        let read = try readFeed(Self.atom, format: "atom")
        #expect(read.articles.count == 3)
        let wall = read.articles[0]
        #expect(wall.headline == "Sea wall approved")
        #expect(wall.source?.url == "https://coast.example/sea-wall")
        #expect(wall.source?.id == "tag:coast.example,2025:1")
        #expect(wall.source?.publisher == "Coastline")
        #expect(wall.source?.credit == nil)
        #expect(texts(wall) == ["Approved on Wednesday."])
        #expect(wall.highlights == ["Work starts in autumn."])
        #expect(wall.bylines.map(\.name) == ["Ada Quill"])
        #expect(wall.published?.value?.iso8601 == "2025-06-12T08:30:00+01:00")
        #expect(wall.modified?.value?.iso8601 == "2025-06-12T10:00:00Z")
        #expect(wall.keywords == ["The coast"])
        #expect(wall.section == "Planning")
        #expect(wall.language == "en")

        let second = read.articles[1]
        // A text construct of type text keeps its characters.
        #expect(second.headline == "A <b> is bold")
        #expect(texts(second) == ["First part.", "One"])
        #expect(second.language == "cy")
        // Only updated: it dates the entry.
        #expect(second.published?.value?.iso8601 == "2025-06-11T18:00:00+01:00")
        #expect(second.published?.provenance == "updated")
        #expect(second.modified == nil)
        #expect(second.bylines.isEmpty)
        #expect(second.source?.credit == "Coastline Desk")

        let third = read.articles[2]
        #expect(texts(third) == ["The summary is the text."])
        #expect(third.highlights.isEmpty)
        #expect(read.diagnostics.contains { $0.id == "atom.content-src" && $0.message.contains("full.html") })
    }

    // MARK: JSON Feed

    @Test("JSON Feed 1.1 and 1.0: content, summary lines, authors, dates, tags, image, language; bad items warned")
    func jsonFeed() throws {
        let text = """
            {"version": "https://jsonfeed.org/version/1", "title": "Notes", "home_page_url": "https://notes.example/",
             "items": [
              {"id": 7, "title": "Barrier test", "content_html": "<p>Raised on <em>Thursday</em>.</p>",
               "summary": "River closed.\\nPaths open.", "author": {"name": "Jane Doe"},
               "date_published": "2025-06-12T07:45:00+01:00", "date_modified": "2025-06-12T09:00:00+01:00",
               "tags": ["river", "river", " "], "image": "https://notes.example/b.jpg", "url": "https://notes.example/b",
               "_extra": true},
              {"id": "m", "content_text": "Market moves.\\n\\nStalls at 9.", "authors": [{"name": "Tobias Grell"}],
               "language": "en", "title": ["not", "a", "string"]},
              12
             ]}
            """
        let read = try readFeed(text, format: "jsonfeed", file: "feed.json")
        #expect(read.articles.count == 2)
        let first = read.articles[0]
        #expect(first.source?.id == "7")
        #expect(first.headline == "Barrier test")
        #expect(texts(first) == ["", "Raised on Thursday."])
        #expect(first.highlights == ["River closed.", "Paths open."])
        #expect(first.bylines.map(\.name) == ["Jane Doe"])
        #expect(first.published?.value?.iso8601 == "2025-06-12T07:45:00+01:00")
        #expect(first.modified?.value?.iso8601 == "2025-06-12T09:00:00+01:00")
        #expect(first.keywords == ["river"])
        #expect(first.source?.url == "https://notes.example/b")
        #expect(first.source?.publisher == "Notes")
        #expect(first.extensions["jsonfeed"] == .object(["_extra": .bool(true)]))
        let second = read.articles[1]
        #expect(texts(second) == ["Market moves.", "Stalls at 9."])
        #expect(second.bylines.map(\.name) == ["Tobias Grell"])
        #expect(second.language == "en")
        #expect(second.headline == nil)
        let warnings = read.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.contains { $0.id == "jsonfeed.type" && $0.message.contains("title") })
        let skipped = try #require(warnings.first { $0.id == "jsonfeed.item" })
        #expect(skipped.message.contains("item 3"))
        #expect(skipped.location?.line == 10)
    }

    // MARK: WordPress

    @Test("WordPress exports: posts only, display names, status, categories and tags, shortcodes, paragraphs")
    func wordPress() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"
                 xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">
            <channel><title>Blog</title><link>https://blog.example</link>
            <wp:author><wp:author_login>jroe</wp:author_login><wp:author_display_name>Jane Roe</wp:author_display_name></wp:author>
            <item><title>Menu</title><wp:post_type>nav_menu_item</wp:post_type></item>
            <item>
              <title>Nets</title><dc:creator>jroe</dc:creator><guid isPermaLink="false">https://blog.example/?p=1</guid>
              <pubDate>Mon, 30 Nov -0001 00:00:00 +0000</pubDate>
              <content:encoded><![CDATA[[dropcap]F[/dropcap]irst line
            second line

            [caption id="a" width="300"]<img src="https://blog.example/n.jpg" alt="Nets"> Nets drying[/caption]
            <h2>Heading</h2>
            After the heading.
            [gallery ids="1,2"]]]></content:encoded>
              <excerpt:encoded><![CDATA[About nets.]]></excerpt:encoded>
              <wp:post_date>2025-06-20 09:00:00</wp:post_date><wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>
              <wp:status>draft</wp:status><wp:post_type>post</wp:post_type>
              <category domain="category" nicename="people"><![CDATA[People]]></category>
              <category domain="category" nicename="town"><![CDATA[Town]]></category>
              <category domain="post_tag" nicename="nets"><![CDATA[Nets &amp; ropes]]></category>
            </item>
            </channel></rss>
            """
        let read = try readFeed(text, format: "rss")
        #expect(read.articles.count == 1)
        let post = read.articles[0]
        #expect(post.headline == "Nets")
        #expect(post.bylines.map(\.name) == ["Jane Roe"])
        #expect(post.extensions["status"] == .string("draft"))
        #expect(post.section == "People")
        #expect(post.keywords == ["Town", "Nets & ropes"])
        #expect(post.highlights == ["About nets."])
        #expect(post.published?.value?.iso8601 == "2025-06-20T09:00:00")
        #expect(post.published?.provenance == "wp:post_date")
        #expect(post.body.map(\.kind) == [.paragraph, .image, .heading, .paragraph])
        #expect(post.body[0].plainText == "First line\nsecond line")
        if case .image(let image)? = post.body.dropFirst().first {
            #expect(image.src == "https://blog.example/n.jpg" && image.caption == "Nets drying")
        } else {
            Issue.record("the [caption] shortcode is not the post's second block, a picture")
        }
        #expect(post.body[3].plainText == "After the heading.\n[gallery ids=\"1,2\"]")
        // Each block stays on its line of the export.
        #expect(post.body.map { $0.location?.line } == [11, 14, 15, 16])
        #expect(read.diagnostics.contains { $0.id == "wxr.skipped" && $0.message.contains("1 nav_menu_item") })
        let shortcodes = try #require(read.diagnostics.first { $0.id == "wxr.shortcode" })
        #expect(shortcodes.message.contains("[dropcap]") && shortcodes.message.contains("[gallery]"))
        #expect(read.diagnostics.contains { $0.id == "wxr.status" })
        // No post at all is an error that says what the export holds.
        let pages = feedError(
            """
            <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>B</title>
            <item><title>About</title><wp:post_type>page</wp:post_type></item></channel></rss>
            """, format: "rss")
        #expect(pages?.id == "wxr.no-posts")
        #expect(pages?.message.contains("1 page") == true)
    }

    @Test("A feed that names its own namespace wp: is no WordPress export")
    func otherWPNamespace() throws {
        let read = try readFeed(
            """
            <rss version="2.0" xmlns:wp="http://www.example.com/wp-namespace"><channel><title>T</title>
            <item><title>A</title><description>Text [not a shortcode].</description><wp:token>1</wp:token></item>
            </channel></rss>
            """, format: "rss")
        #expect(texts(read.articles[0]) == ["Text [not a shortcode]."])
        #expect(read.diagnostics.contains { $0.id == "feed.unread" && $0.message.contains("token") })
    }

    // MARK: Bad items and empty feeds

    @Test("External entities are never loaded and entity bombs refused, in RSS and Atom alike")
    func hostileXML() throws {
        try expectHostileXMLHarmless(
            root: "rss",
            document: { "<rss version=\"2.0\"><channel><item><title>\($0)</title></item></channel></rss>" },
            read: { try readFeed($0, format: "rss").articles })
        try expectHostileXMLHarmless(
            root: "feed",
            document: { "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>\($0)</title></entry></feed>" },
            read: { try readFeed($0, format: "atom").articles })
    }

    @Test("An item with neither title nor text is skipped with its position; the others still convert")
    func emptyItem() throws {
        let read = try readFeed(
            """
            <rss version="2.0"><channel><title>T</title>
            <item><title>One</title><description>Text.</description></item>
            <item><description> </description><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>
            <item><title>Three</title></item>
            </channel></rss>
            """, format: "rss")
        #expect(read.articles.map(\.headline) == ["One", "Three"])
        let warning = try #require(read.diagnostics.first { $0.id == "feed.item-empty" })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("item 2"))
        #expect(warning.location?.line == 3)
    }

    @Test("A feed with no items, or none to read, is an error with a hint; never an empty article")
    func emptyFeeds() {
        let none = feedError(#"<rss version="2.0"><channel><title>T</title></channel></rss>"#, format: "rss")
        #expect(none?.id == "feed.empty")
        #expect(none?.hint?.isEmpty == false)
        let atom = feedError(#"<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>"#, format: "atom")
        #expect(atom?.id == "feed.empty")
        #expect(atom?.message.contains("entry") == true)
        let blank = feedError(
            #"<rss version="2.0"><channel><title>T</title><item><description/></item></channel></rss>"#, format: "rss")
        #expect(blank?.id == "feed.no-articles")
        #expect(
            feedError(#"{"version": "https://jsonfeed.org/version/1.1", "title": "T"}"#, format: "jsonfeed")?.id
                == "jsonfeed.shape")
        #expect(
            feedError(
                #"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": []}"#, format: "jsonfeed")?.id
                == "feed.empty")
        #expect(feedError("<rss><channel>", format: "rss")?.id == "xml.syntax")
        #expect(feedError(#"<feed xmlns="urn:other"/>"#, format: "atom")?.id == "atom.root")
    }

    @Test("Feeds are recognised by their content whatever the extension, on standard input too")
    func detection() throws {
        let json =
            #"{"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [{"id": "1", "content_text": "x"}]}"#
        let cases: [(text: String, paths: [String?], format: String)] = [
            (Self.rss2, ["news.rss", "news.xml", "feed", "news.txt", nil], "rss"),
            (Self.atom, ["news.atom", "news.xml", "news.rss", nil], "atom"),
            (json, ["feed.json", "items.json", nil], "jsonfeed"),
        ]
        for (text, paths, format) in cases {
            for path in paths {
                let detected = try FormatRegistry.detect(path: path, bytes: Array(text.utf8))
                #expect(detected?.format.name == format, "\(format) from \(path ?? "stdin")")
            }
        }
    }
}
