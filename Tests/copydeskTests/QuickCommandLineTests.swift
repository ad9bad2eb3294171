// copydesk — tests of the command-line front end
// The quick reading of common `convert` lines against swift-argument-parser's reading.

import ArgumentParser
import ArticleTestSupport
import Testing

@testable import copydesk

/// Serialized: swift-argument-parser's parse is not meant to run on several threads at once.
@Suite(.serialized)
struct QuickCommandLineTests {
    /// Lines of the shapes the quick reader takes.
    static let taken: [[String]] = [
        ["convert", "story.txt"],
        ["convert", "story.txt", "--to", "markdown", "-o", "story.md"],
        ["convert", "-", "--from", "text", "--compact"],
        ["convert", "--to=json", "story.txt", "--output=out.json"],
        [
            "convert", "a.txt", "b.txt", "--to", "json,newsml", "--out-dir", "out", "-j", "2", "-q", "--report",
            "r.json",
        ],
        ["convert", "story.txt", "--to", "newsml", "-o", "story.xml", "--validate", "--force", "--verbose"],
        ["convert", "x.html", "--to", "html", "--html-fragment", "--incremental", "--out-dir", "o", "--jobs=3", "-v"],
        ["convert", "crawl.warc.gz", "--to", "ndjson", "--quiet", "--from=warc"],
    ]

    /// Lines it leaves to the full parser: other commands, help, errors, and options it does not read.
    static let left: [[String]] = [
        [], ["convert"], ["convert", "--help"], ["convert", "-h"], ["--version"], ["validate", "a.txt"],
        ["help", "convert"], ["convert", "a.txt", "--to", "json", "--to", "yaml"], ["convert", "a.txt", "--", "-b"],
        ["convert", "a.txt", "--to"], ["convert", "a.txt", "-o", "-"], ["convert", "a.txt", "--ninjs-version", "2"],
        ["convert", "a.txt", "-j", "x"], ["convert", "a.txt", "-j", "0"], ["convert", "", "--to", "json"],
        ["convert", "a.txt", "--force"], ["convert", "a.txt", "-qv"], ["convert", "a.txt", "--compact=true"],
        ["convert", "a.txt", "--to="], ["convert", "a.txt", "-oout.md"], ["convert", "a.txt", "-q", "--quiet"],
        ["convert", "a.txt", "--max-input-size", "1M"],
        ["convert", "a.txt", "--to", "json", "-o", "a.json", "--out-dir", "o"],
    ]

    @Test(arguments: taken)
    func readsTheLineAsTheParserDoes(line: [String]) throws {
        let quick = try #require(QuickCommandLine.convert(line))
        let parsed = try #require(try Copydesk.parseAsRoot(line) as? Convert)
        #expect(quick == parsed.request)
        #expect(quick != ConvertRequest() || line.count == 2)
    }

    @Test(arguments: left)
    func leavesTheLineToTheParser(line: [String]) {
        #expect(QuickCommandLine.convert(line) == nil)
    }

    /// Random lines over spellings of the options, values, inputs and mistakes: whenever the quick
    /// reader takes a line, the parser takes it too and reads the same request.
    @Test func readsRandomLinesAsTheParserDoes() throws {
        var generator = SeededGenerator(seed: 19)
        let vocabulary = [
            "story.txt", "a.md", "-", "--to", "json", "markdown,json", "--to=yaml", "-o", "out.json", "--output",
            "--output=o.md", "--from", "text", "--from=html", "--out-dir", "out", "--out-dir=o2", "-j", "2", "--jobs",
            "0", "--jobs=4", "--report", "r.json", "--compact", "-q", "--quiet", "-v", "--verbose", "--validate",
            "--force", "--incremental", "--html-fragment", "--", "-x", "--ninjs-version", "3", "", "=", "--to=",
            "-oout.json", "--help", "ndjson", "--to=ndjson",
        ]
        var taken = 0
        for _ in 0..<600 {
            var line = ["convert"]
            for _ in 0..<Int.random(in: 0...7, using: &generator) {
                line.append(vocabulary.randomElement(using: &generator)!)
            }
            guard let quick = QuickCommandLine.convert(line) else { continue }
            taken += 1
            // A line the quick reader takes and the parser refuses fails the test here.
            let parsed = try Copydesk.parseAsRoot(line)
            #expect((parsed as? Convert)?.request == quick, "\(line)")
        }
        #expect(taken > 60)
    }
}
