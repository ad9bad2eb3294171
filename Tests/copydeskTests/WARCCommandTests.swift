// copydesk — command-line tests
// `copydesk convert crawl.warc.gz`: web archives made by scripts/make-warc.py (and by warcio when
// it is installed) from the project's own sample pages, converted as a user would.

import ArticleTestSupport
import Foundation
import Testing

@Suite("copydesk convert of web archives")
struct WARCCommandTests {
    static let root = TestPaths.packageRoot
    static let pages = ["Samples/ferry-fares-webpage.html", "Samples/library-reopens.html"].map {
        root.appendingPathComponent($0).path
    }

    /// A folder holding `name`, written by scripts/make-warc.py from the sample pages with `options`.
    func archive(_ name: String, _ options: [String] = []) throws -> URL {
        let folder = try CommandRunner.temporaryTree([:])
        let script = Self.root.appendingPathComponent("scripts/make-warc.py").path
        let made = try CommandRunner.shell(
            (["python3", script, name] + Self.pages + options).map { "'\($0)'" }.joined(separator: " "), in: folder)
        try #require(made.status == 0, "make-warc.py failed: \(made.stderr)")
        return folder
    }

    func lines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test("A .warc.gz to NDJSON: one line per page in archive order, the skips summed up; the same with --jobs 1 and 3")
    func toNDJSON() throws {
        let folder = try archive("crawl.warc.gz", ["--extras"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try CommandRunner.run(["convert", "crawl.warc.gz", "--to", "ndjson", "--jobs", "1"], in: folder)
        let three = try CommandRunner.run(["convert", "crawl.warc.gz", "--to", "ndjson", "--jobs", "3"], in: folder)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == three.stdout)
        let articles = lines(one.stdout)
        // Two pages, and the resource record holding the first page again.
        #expect(articles.count == 3)
        let urls = articles.compactMap { ($0["source"] as? [String: Any])?["url"] as? String }
        #expect(
            urls == [
                "https://news.example.org/000000/ferry-fares-webpage.html",
                "https://news.example.org/000001/library-reopens.html", "https://news.example.org/resource.html",
            ])
        #expect(one.stderr.contains("crawl.warc.gz: 11 record(s): 3 article(s); skipped"))
        for reason in ["1 not HTML", "1 revisit", "1 status not 200", "1 truncated", "2 request"] {
            #expect(one.stderr.contains(reason), "\(reason) missing from \(one.stderr)")
        }
    }

    @Test("Uncompressed, per-record gzip, whole-file gzip and WARC 1.0 give the same headlines")
    func compressions() throws {
        var headlines: [[String]] = []
        for (name, options) in [
            ("a.warc", [String]()), ("b.warc.gz", []), ("c.warc.gz", ["--gzip", "whole"]),
            ("d.warc", ["--warc-version", "1.0"]),
        ] {
            let folder = try archive(name, options)
            defer { try? FileManager.default.removeItem(at: folder) }
            let result = try CommandRunner.run(["convert", name, "--to", "ndjson"], in: folder)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            headlines.append(lines(result.stdout).compactMap { $0["headline"] as? String })
        }
        #expect(headlines[0].count == 2)
        #expect(headlines.allSatisfy { $0 == headlines[0] })
    }

    @Test("--out-dir writes NAME-1.json, NAME-2.json… in archive order; one JSON array without it")
    func outDirAndGathered() throws {
        let folder = try archive("crawl.warc.gz")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(
            ["convert", "crawl.warc.gz", "--to", "json,markdown", "--out-dir", "out"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        #expect(written.sorted() == ["crawl-1.json", "crawl-1.md", "crawl-2.json", "crawl-2.md"])
        let array = try CommandRunner.run(["convert", "crawl.warc.gz", "--to", "json"], in: folder)
        let parsed = try JSONSerialization.jsonObject(with: Data(array.stdout.utf8)) as? [Any]
        #expect(parsed?.count == 2)
    }

    @Test("A damaged archive: the bad member reported with its byte offset, the rest converted, exit 2")
    func damaged() throws {
        let folder = try archive("crawl.warc.gz")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("crawl.warc.gz")
        var bytes = try [UInt8](Data(contentsOf: path))
        // The third member (the first response) is damaged in its middle.
        var starts: [Int] = []
        for index in 0..<(bytes.count - 2)
        where bytes[index] == 0x1F && bytes[index + 1] == 0x8B && bytes[index + 2] == 8 {
            starts.append(index)
        }
        try #require(starts.count >= 5)
        for offset in 20..<40 { bytes[starts[2] + offset] ^= 0xA5 }
        try Data(bytes).write(to: path)
        let result = try CommandRunner.run(["convert", "crawl.warc.gz", "--to", "ndjson"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("crawl.warc.gz: error: corrupt gzip member at byte \(starts[2])"))
        #expect(
            lines(result.stdout).compactMap { $0["headline"] as? String } == [
                "Wrenmouth library reopens after two-year restoration"
            ])
    }

    @Test("An archive with no page is an error (exit 2), never an empty success")
    func nothingRead() throws {
        let folder = try CommandRunner.temporaryTree([
            "empty.warc": "WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nx: y\r\n\r\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(["convert", "empty.warc", "--to", "ndjson"], in: folder)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.contains(
                "empty.warc: error: no article in the archive (1 record(s): 0 article(s); skipped 1 warcinfo)"))
    }

    /// The Python with warcio (the checkout's .venv, from `make test`), or `nil`.
    static var warcioPython: String? {
        let python = root.appendingPathComponent(".venv/bin/python3").path
        guard FileManager.default.isExecutableFile(atPath: python),
            let probe = try? CommandRunner.shell("'\(python)' -c 'import warcio'", in: root), probe.status == 0
        else { return nil }
        return python
    }

    @Test("warcio: copydesk reads what warcio writes, and warcio reads what make-warc.py writes")
    func warcio() throws {
        guard let python = Self.warcioPython else {
            print("note: warcio is not in .venv (make test installs it): the warcio cross-check is skipped")
            return
        }
        let folder = try archive("made.warc.gz", ["--extras"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let check = Self.root.appendingPathComponent("scripts/warcio-check.py").path
        let written = try CommandRunner.shell(
            "'\(python)' '\(check)' write byWarcio.warc.gz " + Self.pages.map { "'\($0)'" }.joined(separator: " "),
            in: folder)
        try #require(written.status == 0, "\(written.stderr)")
        let converted = try CommandRunner.run(["convert", "byWarcio.warc.gz", "--to", "ndjson"], in: folder)
        #expect(converted.status == 0, "\(converted.stderr)")
        let articles = lines(converted.stdout)
        #expect(
            articles.compactMap { $0["headline"] as? String } == [
                "Ferry fares to rise by a fifth from June", "Wrenmouth library reopens after two-year restoration",
            ])
        #expect(
            articles.compactMap { ($0["source"] as? [String: Any])?["url"] as? String } == [
                "https://warcio.example.org/0/ferry-fares-webpage.html",
                "https://warcio.example.org/1/library-reopens.html",
            ])
        // warcio's view of make-warc.py's archive: every record, in order, at the offsets copydesk gives.
        let read = try CommandRunner.shell("'\(python)' '\(check)' read made.warc.gz", in: folder)
        #expect(read.status == 0, "\(read.stderr)")
        let records = read.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(
            records.map { $0[0] } == [
                "warcinfo", "request", "response", "request", "response", "response", "response", "revisit", "metadata",
                "response", "resource",
            ])
        let ours = try CommandRunner.run(["convert", "made.warc.gz", "--to", "ndjson"], in: folder)
        let offsets = lines(ours.stdout).compactMap {
            (($0["extensions"] as? [String: Any])?["archiveRecord"] as? [String: Any])?["offset"] as? Int
        }
        let warcioOffsets = records.filter { $0[0] == "response" && $0[2] == "200" || $0[0] == "resource" }
            .compactMap { Int($0[3]) }
        // warcio lists the truncated response too; copydesk skips it.
        #expect(Set(offsets).isSubset(of: Set(warcioOffsets)))
        #expect(offsets.count == 3)
    }
}
