// copydesk — command-line tests
// Feeds at the command line: a feed to NDJSON and back to Atom, a folder gathered into one feed
// with --feed-title, --feed-link and --feed-id, and what is refused.

import ArticleTestSupport
import Foundation
import Testing

@Suite("copydesk convert with feeds")
struct FeedCommandTests {
    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
        <description>News</description>
        <item><title>Pier reopens</title><link>https://gazette.example/pier</link><guid>pier-1</guid>
          <description>&lt;p&gt;The pier reopened on Tuesday.&lt;/p&gt;</description>
          <pubDate>Tue, 10 Jun 2025 09:30:00 +0100</pubDate></item>
        <item><description> </description></item>
        <item><title>Ferry fares frozen</title><guid>ferry-2</guid><description>Fares stay the same.</description></item>
        </channel></rss>
        """

    @Test("A feed to NDJSON (an article per item, the empty one warned) and back to Atom: the same articles")
    func feedToNDJSONAndBack() throws {
        let root = try CommandRunner.temporaryTree(["news.rss": Self.rss])
        defer { try? FileManager.default.removeItem(at: root) }
        let lines = try CommandRunner.run(["convert", "news.rss", "--to", "ndjson"], in: root)
        #expect(lines.status == 0)
        #expect(lines.stdout.split(separator: "\n").count == 2)
        #expect(lines.stderr.contains("news.rss:7:1: warning: item 2 has neither a title nor any text; it was skipped"))
        let atom = try CommandRunner.run(
            ["convert", "-", "--from", "ndjson", "--to", "atom", "--feed-id", "tag:gazette.example,2025:feed"],
            stdin: lines.stdout, in: root)
        #expect(atom.status == 0, "\(atom.stderr)")
        #expect(atom.stdout.contains("<id>tag:gazette.example,2025:feed</id>"))
        #expect(atom.stdout.contains(#"<title type="text">Harbour Gazette</title>"#))
        #expect(atom.stdout.contains("<id>pier-1</id>") == false, "pier-1 is no IRI: the entry gets copydesk's id")
        let back = try CommandRunner.run(["convert", "-", "--to", "ndjson"], stdin: atom.stdout, in: root)
        #expect(back.status == 0)
        #expect(back.stdout.contains(#""headline":"Pier reopens""#))
        #expect(back.stdout.contains(#""published":"2025-06-10T09:30:00+01:00""#))
        #expect(back.stdout.split(separator: "\n").count == 2)
    }

    @Test("A folder --to rss is one feed of every article, in input order, on stdout or --output")
    func folderToOneFeed() throws {
        let root = try CommandRunner.temporaryTree([
            "in/a.txt": CommandRunner.harbourStory,
            "in/b/c.txt": "Second Story\n\nBy Jane Roe\n\nThe ferry runs again.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let feed = try CommandRunner.run(
            ["convert", "in", "--to", "rss", "--feed-title", "Night desk", "--feed-link", "https://n.example/"],
            in: root)
        #expect(feed.status == 0, "\(feed.stderr)")
        #expect(feed.stdout.components(separatedBy: "<item>").count == 3)
        #expect(feed.stdout.contains("<title>Night desk</title>"))
        #expect(feed.stdout.contains("<link>https://n.example/</link>"))
        #expect(feed.stdout.range(of: "<title>Second Story</title>") != nil)
        #expect(feed.stderr.contains("converted 2 of 2 file(s)"))
        let written = try CommandRunner.run(
            ["convert", "in", "--to", "jsonfeed", "-o", "feed.json", "--quiet"], in: root)
        #expect(written.status == 0, "\(written.stderr)")
        let back = try CommandRunner.run(["convert", "feed.json", "--to", "ndjson"], in: root)
        #expect(back.stdout.split(separator: "\n").count == 2)
        // With --out-dir a feed is written per article instead.
        let perFile = try CommandRunner.run(["convert", "in", "--to", "atom", "--out-dir", "out", "--quiet"], in: root)
        #expect(perFile.status == 0)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/b/c.atom").path))
        // A feed gathers every article: it cannot share the output with another format.
        let mixed = try CommandRunner.run(["convert", "in", "--to", "rss,json"], in: root)
        #expect(mixed.status == 64)
        #expect(mixed.stderr.contains("--to rss gathers every article into one output"))
    }

    @Test("A feed that cannot be written is an error naming the date; --help lists the feed options")
    func refusals() throws {
        let root = try CommandRunner.temporaryTree([
            "bad.json": #"{"modelVersion": "2.2", "headline": "A", "published": "2023-02-29T10:00:00Z", "body": []}"#
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let bad = try CommandRunner.run(["convert", "bad.json", "--to", "atom"], in: root)
        #expect(bad.status == 2)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("2023-02-29"))
        let help = try CommandRunner.run(["convert", "--help"])
        for option in ["--feed-title", "--feed-link", "--feed-id"] { #expect(help.stdout.contains(option)) }
        let formats = try CommandRunner.run(["formats"])
        for name in ["rss ", "atom ", "jsonfeed "] {
            let line = formats.stdout.split(separator: "\n").first { $0.hasPrefix(name) }
            #expect(line?.contains("read, write") == true, "\(name)")
        }
    }
}
