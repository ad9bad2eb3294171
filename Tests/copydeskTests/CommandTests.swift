// copydesk — command-line tests
// The executable as a user meets it: output, stderr, exit codes, and files written whole or not at all.

import ArticleTestSupport
import Foundation
import Testing

private let sample = TestPaths.packageRoot.appendingPathComponent(
    "Tests/ArticleFormatsTests/Fixtures/readers/title-deck-byline.txt")

@Suite("copydesk command line", .serialized)
struct CommandTests {
    @Test("convert writes canonical JSON to stdout and exits 0")
    func convertToStdout() throws {
        let result = try CommandRunner.run(["convert", sample.path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["headline"] as? String == "Lighthouse Keepers Return to Gull Point")
        #expect(result.stdout.hasSuffix("}\n"))
        #expect(result.stdout.contains("\n  \"body\": ["), "pretty by default")
    }

    @Test("--compact writes one line")
    func compact() throws {
        let result = try CommandRunner.run(["convert", sample.path, "--to", "json", "--compact"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 1)
    }

    @Test("stdin with '-': JSON or text is recognised, and --from names it")
    func standardInput() throws {
        let text = try CommandRunner.run(
            ["convert", "-"], stdin: "Pier Reopens\n\nBy Jane Doe\n\nThe pier reopened.\n")
        #expect(text.status == 0)
        #expect(text.stdout.contains("\"headline\": \"Pier Reopens\""))
        let json = try CommandRunner.run(["convert", "-", "--compact"], stdin: #"{"headline": "From JSON"}"#)
        #expect(json.status == 0)
        #expect(json.stdout.contains(#""headline":"From JSON""#))
        let named = try CommandRunner.run(["convert", "-", "--from", "text"], stdin: #"{"headline": "x"}"#)
        #expect(named.status == 0)
        #expect(named.stdout.contains(#""text": "{\"headline\": \"x\"}""#))
    }

    @Test("Formats are recognised by content: HTML on stdin, ninjs in a .json file, an Atom feed in a .xml file")
    func recognisedByContent() throws {
        let page = """
            <!DOCTYPE html>
            <html lang="en"><head><title>Pier reopens | Gazette</title></head>
            <body><article><h1>Pier reopens after storm repairs</h1>
            <p>The pier reopened on Tuesday after three months of repairs to its storm-damaged deck and rails.</p>
            <p>Crowds walked its length in the afternoon sun while anglers returned to the far end.</p>
            </article></body></html>
            """
        let html = try CommandRunner.run(["convert", "-", "--compact"], stdin: page)
        #expect(html.status == 0)
        #expect(html.stdout.contains(#""headline":"Pier reopens after storm repairs""#))
        #expect(!html.stdout.contains("<p>"), "tags are markup, not text")

        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ninjs = folder.appendingPathComponent("item.json")
        try Data(#"{"uri": "urn:a", "type": "text", "versionCreated": "2024-01-01T00:00:00Z", "headlines": []}"#.utf8)
            .write(to: ninjs)
        // An item with nothing to read is an error, never an empty article with exit 0.
        let refused = try CommandRunner.run(["convert", ninjs.path])
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty, "no empty article, no exit 0")
        #expect(refused.stderr.contains("\(ninjs.path):1:1: error: the ninjs item has no headline and no body"))
        #expect(refused.stderr.contains("hint: a ninjs item gives its text in headlines and bodies"))
        try Data(
            #"{"uri": "urn:a", "type": "text", "headlines": [{"value": "Pier reopens"}], "bodies": [{"value": "<p>Crowds.</p>"}]}"#
                .utf8
        ).write(to: ninjs)
        let read = try CommandRunner.run(["convert", ninjs.path, "--compact"])
        #expect(read.status == 0)
        #expect(read.stdout.contains(#""headline":"Pier reopens""#))
        #expect(read.stdout.contains(#""text":"Crowds.""#))

        let atom = folder.appendingPathComponent("feed.xml")
        try Data(#"<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title></feed>"#.utf8).write(to: atom)
        // A feed without entries holds no article: an error with a hint, never an empty article.
        let feed = try CommandRunner.run(["convert", atom.path])
        #expect(feed.status == 2)
        #expect(feed.stdout.isEmpty)
        #expect(feed.stderr.contains("error: the Atom feed holds no entry"))
        #expect(feed.stderr.contains("hint: "))
        try Data(
            #"<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><entry><title>Pier reopens</title><id>urn:a</id><updated>2024-01-01T00:00:00Z</updated><content>Crowds.</content></entry></feed>"#
                .utf8
        ).write(to: atom)
        let entry = try CommandRunner.run(["convert", atom.path, "--compact"])
        #expect(entry.status == 0)
        #expect(entry.stdout.contains(#""headline":"Pier reopens""#))
        #expect(entry.stdout.contains(#""format":"atom""#))

        // A .txt file that holds a whole HTML page is read as HTML, with a note under -v.
        let saved = folder.appendingPathComponent("saved.txt")
        try Data(page.utf8).write(to: saved)
        let noted = try CommandRunner.run(["convert", saved.path, "--compact", "-v"])
        #expect(noted.status == 0)
        #expect(noted.stdout.contains(#""headline":"Pier reopens after storm repairs""#))
        #expect(noted.stderr.contains("note: the content is HTML, not plain text as the extension .txt says"))
    }

    @Test("A plain-text story to ninjs keeps every speaker in the body, and says nothing was dropped about them")
    func ninjsSpeakers() throws {
        let story = TestPaths.packageRoot.appendingPathComponent("Samples/harbour-barrier.txt")
        let result = try CommandRunner.run(["convert", story.path, "--to", "ninjs"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let body = try #require((object["bodies"] as? [[String: String]])?.first?["value"])
        #expect(body.components(separatedBy: "data-speaker=\"").count - 1 == 4, "four quotations, four speakers")
        #expect(body.contains("data-speaker=\"Harriet Lowe\"") && body.contains("data-speaker=\"Dennis Carrow\""))
        #expect(!result.stderr.contains("speaker"))
    }

    @Test("-o writes the file and nothing to stdout; no temporary file is left")
    func outputFile() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("story.json")
        let result = try CommandRunner.run(["convert", sample.path, "-o", target.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.contains("Gull Point"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["story.json"])
    }

    @Test("An unreadable input exits 2 with file:line:col and leaves an existing output untouched")
    func badInputKeepsOutput() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("latin1.txt")
        try Data([0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: input)
        let target = folder.appendingPathComponent("out.json")
        try Data("previous\n".utf8).write(to: target)
        let result = try CommandRunner.run(["convert", input.path, "-o", target.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(input.path):1:4: error: input is not valid UTF-8: byte 0xE9 at offset 3"))
        #expect(result.stderr.contains("hint:"))
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOf: target, encoding: .utf8) == "previous\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["latin1.txt", "out.json"])
        // The documented fallback reads it.
        let fallback = try CommandRunner.run(["convert", input.path, "--input-encoding", "windows-1252", "--compact"])
        #expect(fallback.status == 0)
        #expect(fallback.stdout.contains("Café"))
    }

    @Test("A missing file and a directory are runtime errors (exit 2)")
    func missingInputs() throws {
        let missing = try CommandRunner.run(["convert", "/nonexistent/story.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("/nonexistent/story.txt: error: no such file"))
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directoryPath = folder.appendingPathComponent("story.txt")
        try FileManager.default.createDirectory(at: directoryPath, withIntermediateDirectories: true)
        let directory = try CommandRunner.run(["convert", directoryPath.path])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("is a directory"))
    }

    @Test("An output folder that does not exist is an error and nothing is written")
    func missingOutputFolder() throws {
        let result = try CommandRunner.run(["convert", sample.path, "-o", "/nonexistent-folder/out.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("does not exist"))
    }

    @Test("Unknown formats are usage errors (exit 64) that list the known ones")
    func unknownFormats() throws {
        let to = try CommandRunner.run(["convert", sample.path, "--to", "docx"])
        #expect(to.status == 64)
        #expect(to.stderr.contains("unknown output format 'docx'"))
        #expect(to.stderr.contains("json"))
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let odd = folder.appendingPathComponent("story.odt")
        try Data("x".utf8).write(to: odd)
        let from = try CommandRunner.run(["convert", odd.path])
        #expect(from.status == 64)
        #expect(from.stderr.contains("cannot tell the format"))
        #expect(from.stderr.contains("text"))
    }

    @Test("The output may not be the input")
    func outputIsInput() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("a.json")
        try Data(#"{"headline": "x"}"#.utf8).write(to: input)
        let result = try CommandRunner.run(["convert", input.path, "-o", input.path])
        #expect(result.status == 64)
        #expect(try String(contentsOf: input, encoding: .utf8) == #"{"headline": "x"}"#)
    }

    @Test("formats lists the registry; --help has examples; --version names the libraries")
    func information() throws {
        let bare = try CommandRunner.run([])
        #expect(bare.status == 64)
        #expect(bare.stderr.contains("SUBCOMMANDS"))
        let formats = try CommandRunner.run(["formats"])
        #expect(formats.status == 0)
        #expect(formats.stdout.contains("json"))
        #expect(formats.stdout.contains(".txt"))
        let help = try CommandRunner.run(["convert", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("EXAMPLES"))
        let version = try CommandRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.contains("libxml2 2."))
        #expect(version.stdout.contains("libyaml 0."))
    }

    @Test("validate: findings at file:line:col, exit 1 on errors, 2 when a file cannot be read")
    func validate() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.txt")
        try Data("Pier Reopens\n\nBy Jane Doe\nPublished: 2025-03-01\n\nThe pier reopened.\n".utf8).write(to: good)
        let bad = folder.appendingPathComponent("bad.txt")
        try Data("The pier reopened on Saturday.\n".utf8).write(to: bad)

        let clean = try CommandRunner.run(["validate", good.path])
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)
        #expect(clean.stderr.contains("0 error(s)"))

        let failing = try CommandRunner.run(["validate", good.path, bad.path])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("\(bad.path): error: headline is missing"))
        #expect(failing.stdout.contains("[date.published-missing]"))
        #expect(failing.stdout.contains("warning: byline is missing"))

        let dated = folder.appendingPathComponent("dated.txt")
        try Data("Pier Reopens\n\nBy Jane Doe\nPublished: 30 February 2023\n\nThe pier reopened.\n".utf8).write(
            to: dated)
        let impossible = try CommandRunner.run(["validate", dated.path])
        #expect(impossible.status == 1)
        #expect(
            impossible.stdout.hasPrefix("\(dated.path):4:12: error: publication date '30 February 2023' does not exist")
        )

        let two = folder.appendingPathComponent("two.json")
        try Data(#"[{"headline": "a"}, {"headline": "b"}]"#.utf8).write(to: two)
        let several = try CommandRunner.run(["validate", two.path])
        #expect(several.stdout.contains("error: article 2: publication date is missing"))

        let unreadable = try CommandRunner.run(["validate", bad.path, folder.appendingPathComponent("none.txt").path])
        #expect(unreadable.status == 2)
        #expect(unreadable.stdout.contains("headline is missing"), "the readable file is still checked")
    }

    @Test("A YAML stream converts to a JSON array, or to one file per article with --out-dir")
    func yamlStream() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stream = folder.appendingPathComponent("briefs.yaml")
        try Data("---\ntitle: One\n---\ntitle: Two\n".utf8).write(to: stream)
        let array = try CommandRunner.run(["convert", stream.path, "--compact"])
        #expect(array.status == 0)
        #expect(array.stdout.hasPrefix("[{"))
        // The folder is created, as a batch creates its output folder.
        let out = folder.appendingPathComponent("out/briefs")
        let split = try CommandRunner.run(["convert", stream.path, "--out-dir", out.path, "--to", "yaml", "--quiet"])
        #expect(split.status == 0)
        #expect(split.stdout.isEmpty)
        #expect(split.stderr.isEmpty)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [
                "briefs-1.yaml", "briefs-2.yaml",
            ])
        let second = try String(contentsOf: out.appendingPathComponent("briefs-2.yaml"), encoding: .utf8)
        #expect(second.contains("headline: Two"))
        let both = try CommandRunner.run(["convert", stream.path, "--out-dir", out.path, "-o", "x.json"])
        #expect(both.status == 64)
    }

    @Test("A YAML file that cannot be read: exit 2, file:line:col, nothing on stdout")
    func yamlErrors() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let duplicate = folder.appendingPathComponent("dup.yml")
        try Data("title: a\ntitle: b\n".utf8).write(to: duplicate)
        let result = try CommandRunner.run(["convert", duplicate.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("\(duplicate.path):2:1: error: duplicate key 'title'"))
        let toYAML = try CommandRunner.run(["convert", sample.path, "--to", "yaml"])
        #expect(toYAML.status == 0)
        #expect(
            toYAML.stdout.hasPrefix("---\nmodelVersion: '2.3'\nheadline: Lighthouse Keepers Return to Gull Point\n"))
    }

    @Test("formats lists nitf as read and write; 'formats nitf' names its output extension and schema")
    func nitfFormat() throws {
        let table = try CommandRunner.run(["formats"])
        let line = table.stdout.split(separator: "\n").first { $0.hasPrefix("nitf ") }
        #expect(line?.contains("read, write") == true, "\(table.stdout)")
        let one = try CommandRunner.run(["formats", "nitf"])
        #expect(one.status == 0)
        #expect(one.stdout.contains("writes:             .nitf.xml files"))
        #expect(one.stdout.contains("IPTC's NITF 3.6 (validate --schema nitf)"))
        #expect(one.stdout.contains("cannot carry:       extensions (reported when an article has them)"))
    }

    @Test("validate --schema nitf: 64 without a schema, saying where to get it; 0 valid and 1 invalid with IPTC's")
    func nitfSchema() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let story = folder.appendingPathComponent("story.nitf.xml")
        #expect(try CommandRunner.run(["convert", sample.path, "--to", "nitf", "-o", story.path]).status == 0)
        let noSchema = try CommandRunner.run(["validate", "--schema", "nitf", story.path])
        #expect(noSchema.status == 64)
        for needed in ["nitf-3-6.xsd", "nitf-3-6-ruby-include.xsd", "xml.xsd", "COPYDESK_NITF_XSD", "NITF_XSD_DIR"] {
            #expect(noSchema.stderr.contains(needed), "\(needed) missing from: \(noSchema.stderr)")
        }
        guard let shared = TestPaths.shared else { return }
        let xsd = shared.appendingPathComponent("standards/nitf/nitf-3-6.xsd").path
        let valid = try CommandRunner.run(["validate", "--schema", "nitf", "--schema-path", xsd, story.path])
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        #expect(valid.stderr.contains("1 valid, 0 invalid"))
        let broken = folder.appendingPathComponent("broken.nitf.xml")
        let text = try String(contentsOf: story, encoding: .utf8).replacingOccurrences(
            of: "<body>", with: "<body><oops/>")
        try Data(text.utf8).write(to: broken)
        let invalid = try CommandRunner.run(["validate", "--schema", "nitf", "--schema-path", xsd, broken.path])
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("[schema.invalid]"))
    }

    @Test("validate --schema newsml without a schema is a usage error (64) that says which schema and where to get it")
    func newsmlSchema() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let item = folder.appendingPathComponent("item.xml")
        let converted = try CommandRunner.run(["convert", sample.path, "--to", "newsml", "-o", item.path])
        #expect(converted.status == 0)
        let noSchema = try CommandRunner.run(["validate", "--schema", "newsml", item.path])
        #expect(noSchema.status == 64)
        let lines = noSchema.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(noSchema.stderr)")
        #expect(lines.first?.hasPrefix("error: no NewsML-G2 schema found: ") == true)
        #expect(lines.first?.contains("NewsML-G2 2.35") == true)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  hint: ") })
        for needed in [
            "NewsML-G2_2.35-spec-All-Power.xsd", "xml.xsd", "https://iptc.org/standards/newsml-g2/",
            "https://github.com/iptc/newsml-g2", "--schema-path", "COPYDESK_NEWSML_XSD", "NEWSML_XSD_DIR",
        ] {
            #expect(noSchema.stderr.contains(needed), "\(needed) missing from: \(noSchema.stderr)")
        }
    }

    @Test(
        "validate --schema newsml with IPTC's schema: 0 valid, 1 invalid",
        .enabled(if: TestPaths.shared != nil, Comment(rawValue: TestPaths.sharedMissing)))
    func newsmlSchemaValidation() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let item = folder.appendingPathComponent("item.xml")
        #expect(try CommandRunner.run(["convert", sample.path, "--to", "newsml", "-o", item.path]).status == 0)
        let shared = try #require(TestPaths.shared)
        let xsd = shared.appendingPathComponent("standards/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd").path
        let valid = try CommandRunner.run(["validate", "--schema", "newsml", "--schema-path", xsd, item.path])
        #expect(valid.status == 0)
        #expect(valid.stderr.contains("1 valid, 0 invalid"))
        let broken = folder.appendingPathComponent("broken.xml")
        let text = try String(contentsOf: item, encoding: .utf8).replacingOccurrences(
            of: "<pubStatus qcode=\"stat:usable\"/>\n", with: ""
        )
        .replacingOccurrences(of: "<itemClass qcode=\"ninat:text\"/>", with: "")
        try Data(text.utf8).write(to: broken)
        let invalid = try CommandRunner.run(["validate", "--schema", "newsml", "--schema-path", xsd, broken.path])
        #expect(invalid.status == 1)
        #expect(invalid.stdout.hasPrefix("\(broken.path):"))
        #expect(invalid.stdout.contains("[schema.invalid]"))
    }
}
