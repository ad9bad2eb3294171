// copydesk — command-line tests
// The bad-input battery (issue #9): hostile, broken and huge inputs, and outputs that cannot be
// written. Each case checks the exit code, the message (naming the file), that nothing was written
// on failure, and that the run finished in bounded time. Inputs are generated at test time.

import ArticleTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One run of `copydesk convert INPUT -o OUT/out.EXT` in a fresh folder.
private struct Run {
    let folder: URL
    let input: URL
    let output: URL
    let result: CommandResult
    let seconds: Double

    /// The files in the output folder (a failed run must leave none, not even a temporary one).
    var outputs: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? []
    }

    var written: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }
}

private func convert(
    _ bytes: [UInt8], name: String, to format: String = "json", extra: [String] = []
) throws -> Run {
    let folder = try CommandRunner.temporaryFolder()
    let input = folder.appendingPathComponent(name)
    try Data(bytes).write(to: input)
    let outFolder = folder.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: outFolder, withIntermediateDirectories: true)
    let ext = format == "markdown" ? "md" : format == "newsml" ? "xml" : format
    let output = outFolder.appendingPathComponent("out.\(ext)")
    let start = Date()
    let result = try CommandRunner.run(
        ["convert", input.path, "--to", format, "-o", output.path] + extra, in: folder)
    return Run(
        folder: folder, input: input, output: output, result: result, seconds: Date().timeIntervalSince(start))
}

private func convert(_ text: String, name: String, to format: String = "json", extra: [String] = []) throws -> Run {
    try convert(Array(text.utf8), name: name, to: format, extra: extra)
}

/// A refused input: exit 2, the file named in the message, the message, nothing written.
private func expectRefused(
    _ run: Run, _ fragments: String..., seconds limit: Double = 30, sourceLocation: SourceLocation = #_sourceLocation
) {
    defer { try? FileManager.default.removeItem(at: run.folder) }
    #expect(run.result.status == 2, "exit code; stderr: \(run.result.stderr)", sourceLocation: sourceLocation)
    #expect(
        run.result.stderr.contains(run.input.lastPathComponent + ":") || run.result.stderr.contains(run.input.path),
        "the message names the file: \(run.result.stderr)", sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(
            run.result.stderr.contains(fragment), "'\(fragment)' in: \(run.result.stderr)",
            sourceLocation: sourceLocation)
    }
    #expect(run.result.stdout.isEmpty, sourceLocation: sourceLocation)
    #expect(run.outputs.isEmpty, "nothing written: \(run.outputs)", sourceLocation: sourceLocation)
    #expect(run.seconds < limit, "took \(run.seconds) s", sourceLocation: sourceLocation)
}

/// An accepted input: exit 0 and the output written whole.
private func expectConverted(
    _ run: Run, seconds limit: Double = 30, sourceLocation: SourceLocation = #_sourceLocation
) -> String {
    #expect(run.result.status == 0, "exit code; stderr: \(run.result.stderr)", sourceLocation: sourceLocation)
    #expect(run.outputs == [run.output.lastPathComponent], "\(run.outputs)", sourceLocation: sourceLocation)
    #expect(run.seconds < limit, "took \(run.seconds) s", sourceLocation: sourceLocation)
    return run.written
}

private let paragraph =
    "The harbour council said on Monday that the new ferry would run from the island to the mainland every "
    + "morning from June, and that fares would stay the same for residents. "

@Suite("Bad-input battery", .serialized)
struct BadInputTests {
    // MARK: Empty, binary and badly encoded

    @Test("An empty file is refused")
    func empty() throws {
        expectRefused(try convert("", name: "empty.txt"), "input is empty")
    }

    @Test("A whitespace-only file is refused")
    func whitespaceOnly() throws {
        expectRefused(try convert(" \n\t\n   \r\n", name: "blank.txt"), "input is empty")
    }

    @Test("Binary data is refused as binary")
    func binary() throws {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[100] = 0
        expectRefused(try convert(bytes, name: "image.txt"), "binary data")
    }

    @Test("Invalid UTF-8 is refused with the byte and its offset")
    func invalidUTF8() throws {
        expectRefused(
            try convert(Array("Headline\n\nCaf".utf8) + [0xE9] + Array(" au lait.\n".utf8), name: "latin1.txt"),
            "not valid UTF-8: byte 0xE9 at offset 13", "--input-encoding windows-1252")
    }

    @Test("UTF-16 with a byte-order mark is read correctly")
    func utf16() throws {
        let text = "Ferry fares frozen\n\nBy Jane Doe\n\n\(paragraph)\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let run = try convert(bytes, name: "utf16.txt")
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let written = expectConverted(run)
        #expect(written.contains("\"headline\": \"Ferry fares frozen\""))
        #expect(written.contains("The harbour council said on Monday"))
    }

    @Test("NUL bytes in text are refused")
    func nulBytes() throws {
        expectRefused(try convert("Headline\n\nBody\u{0}text here.\n", name: "nul.txt"), "NUL byte at offset 14")
    }

    // MARK: Huge

    @Test("A 50 MB article is read in bounded time, its analysis capped with a note")
    func fiftyMegabytes() throws {
        var text = "Big ferry story\n\nBy Jane Smith\n\n"
        let unit = paragraph + "\"We will run it,\" said Jane Smith.\n\n"
        text.reserveCapacity(50_000_100)
        while text.utf8.count < 50_000_000 { text += unit }
        let run = try convert(text, name: "huge.txt", extra: ["--verbose"])
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let written = expectConverted(run, seconds: 300)
        #expect(written.contains("\"headline\": \"Big ferry story\""))
        #expect(run.result.stderr.contains("huge.txt:"))
        #expect(run.result.stderr.contains("--max-analysed-text"), "\(run.result.stderr.prefix(500))")
    }

    @Test("The same article over --max-input-size is refused before it is read")
    func overInputLimit() throws {
        let text = "Big ferry story\n\n" + String(repeating: paragraph + "\n\n", count: 20_000)
        expectRefused(
            try convert(text, name: "big.txt", extra: ["--max-input-size", "1M"]),
            "over the limit of 1048576 bytes (1 MiB)",
            "hint: raise the limit with --max-input-size", seconds: 10)
    }

    @Test("A 20 MB single line is read in bounded time")
    func twentyMegabyteLine() throws {
        let words = ["ferry", "harbour", "council", "island", "morning", "fares", "said", "the", "and"]
        var line = ""
        line.reserveCapacity(20_000_100)
        var index = 0
        while line.utf8.count < 20_000_000 {
            line += words[index % words.count] + " "
            index += 7
        }
        let run = try convert("One very long line\n\n" + line + "\n", name: "line.txt")
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let written = expectConverted(run, seconds: 200)
        #expect(written.contains("\"headline\": \"One very long line\""))
        #expect(written.utf8.count > 20_000_000, "the whole line is kept")
    }

    // MARK: Broken and hostile markup

    @Test("100,000 nested HTML elements are read without recursion, with a warning where reading stopped")
    func deepHTML() throws {
        let html =
            "<html><head><title>Deep page</title></head><body><h1>Deep page</h1>"
            + String(repeating: "<div>", count: 100_000) + "<p>\(paragraph)</p>"
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        let run = try convert(html, name: "deep.html")
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let written = expectConverted(run, seconds: 30)
        #expect(written.contains("\"headline\": \"Deep page\""))
        // libxml2 stops reading at 256 levels; copydesk says so instead of losing the rest silently.
        #expect(
            run.result.stderr.contains("deep.html:1:1: warning: elements nest more than 256 deep here"),
            "\(run.result.stderr)")
    }

    @Test("A truncated HTML page gives the article up to where it stops")
    func truncatedHTML() throws {
        let html =
            "<html><head><title>Truncated page</title></head><body><article><h1>Truncated page</h1><p>"
            + paragraph + "</p><p>" + paragraph + "And then the page stops in the midd"
        let run = try convert(html, name: "cut.html")
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let written = expectConverted(run)
        #expect(written.contains("\"headline\": \"Truncated page\""))
        #expect(written.contains("stops in the midd"))
    }

    @Test("An unterminated quotation keeps every paragraph; validate warns about it")
    func unterminatedQuotation() throws {
        let text =
            "Ferry to run\n\nBy Jane Doe\n\nThe mayor said: \"We will run the ferry every morning, "
            + "and this quotation never ends.\n\nAnother paragraph follows here.\n"
        let run = try convert(text, name: "open-quote.txt")
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let written = expectConverted(run)
        #expect(written.contains("this quotation never ends"))
        #expect(written.contains("Another paragraph follows here."))
        let check = try CommandRunner.run(["validate", run.input.path])
        #expect(check.stdout.contains("quote.unbalanced"), "\(check.stdout)")
    }

    @Test("A YAML alias bomb is refused before it costs memory")
    func yamlAliasBomb() throws {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            yaml +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        yaml += "title: boom\n"
        expectRefused(
            try convert(yaml, name: "bomb.yaml"), "expands to more than the limit of 1000000 nodes",
            "--max-yaml-nodes", seconds: 10)
    }

    @Test("XXE: an external entity naming a local file never brings its content in")
    func externalEntity() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appendingPathComponent("secret.txt")
        try "TOP-SECRET-4242\n".write(to: secret, atomically: true, encoding: .utf8)
        let xml = newsML(
            doctype: "<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM \"file://\(secret.path)\">]>",
            headline: "Leak &xxe; here", body: "<p>Body &xxe; text.</p>")
        for format in ["json", "markdown", "newsml", "yaml"] {
            let run = try convert(xml, name: "xxe.xml", to: format)
            defer { try? FileManager.default.removeItem(at: run.folder) }
            #expect(!run.written.contains("TOP-SECRET"), "\(format): \(run.written)")
            #expect(!run.result.stderr.contains("TOP-SECRET"))
            #expect(run.result.status == 0 || run.result.status == 2)
        }
        let check = try CommandRunner.run(["validate", "--format", "json", folder.path])
        #expect(!check.stdout.contains("TOP-SECRET"))
    }

    @Test("An XML entity-expansion bomb is refused in bounded time")
    func entityBomb() throws {
        var entities = "<!ENTITY lol \"lol\">"
        for level in 1...9 {
            let previous = level == 1 ? "&lol;" : "&lol\(level - 1);"
            entities += "<!ENTITY lol\(level) \"\(String(repeating: previous, count: 10))\">"
        }
        let xml = newsML(doctype: "<!DOCTYPE newsItem [\(entities)]>", headline: "&lol9;", body: "<p>&lol9;</p>")
        let run = try convert(xml, name: "lol.xml")
        if run.result.status == 0 {
            defer { try? FileManager.default.removeItem(at: run.folder) }
            #expect(!run.written.contains(String(repeating: "lol", count: 100)), "the entities were not expanded")
        } else {
            expectRefused(run, "not well-formed XML", seconds: 10)
        }
    }

    @Test("A DOCTYPE pointing at the network makes no request")
    func networkDoctype() throws {
        let listener = try Listener()
        defer { listener.close() }
        let xml = newsML(
            doctype: "<!DOCTYPE newsItem SYSTEM \"http://127.0.0.1:\(listener.port)/evil.dtd\">", headline: "Net",
            body: "<p>\(paragraph)</p>")
        let run = try convert(xml, name: "net.xml")
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let written = expectConverted(run)
        #expect(written.contains("\"headline\": \"Net\""))
        let check = try CommandRunner.run(["validate", run.input.path])
        #expect(check.status != 2)
        #expect(!listener.wasContacted, "copydesk connected to the DTD's host")
    }

    @Test("<script>, event handlers and javascript: links never reach Markdown")
    func scriptsNeverReachMarkdown() throws {
        let html = """
            <html><head><title>Scripted</title><script>alert("head")</script></head><body><article>
            <h1 onclick="alert('h1')">Scripted story</h1>
            <p onmouseover="alert('p')">\(paragraph)The <a href="javascript:alert('a')">ferry</a> runs daily.</p>
            <script>document.write("<b>evil</b>")</script><noscript><img src="x" onerror="alert('img')"></noscript>
            <p>Second paragraph with <a href=" JaVaScRiPt:alert('b')">another link</a>, \
            <a href="data:text/html,<script>alert('c')</script>">data</a> and <a href="https://example.org/">a good one</a>.</p>
            <iframe src="javascript:alert('frame')"></iframe><svg onload="alert('svg')"></svg>
            </article></body></html>
            """
        let run = try convert(html, name: "scripted.html", to: "markdown")
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let markdown = expectConverted(run)
        for forbidden in [
            "alert", "<script", "javascript:", "JaVaScRiPt", "onclick", "onerror", "onmouseover", "data:text",
        ] {
            #expect(!markdown.contains(forbidden), "'\(forbidden)' in:\n\(markdown)")
        }
        #expect(markdown.contains("[a good one](https://example.org/)"))
        #expect(markdown.contains("The harbour council said"))
    }

    // MARK: Paths

    @Test("A directory as the input is refused")
    func directoryInput() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inner = folder.appendingPathComponent("stories.txt")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        let result = try CommandRunner.run(["convert", inner.path, "-o", folder.appendingPathComponent("o.json").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(inner.path): error: is a directory"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["stories.txt"])
    }

    @Test("A file that cannot be read is refused with the system's reason")
    func unreadable() throws {
        // Root reads any file whatever its mode; /proc/self/mem is a file whose read fails for anyone.
        let result = try CommandRunner.run(["convert", "/proc/self/mem", "--from", "text"])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("/proc/self/mem: error: could not be read: Input/output error"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("A file without read permission is refused", .enabled(if: getuid() != 0, "root reads any file"))
    func noPermission() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("locked.txt")
        try "Headline\n\nBody.\n".write(to: input, atomically: true, encoding: .utf8)
        chmod(input.path, 0)
        let result = try CommandRunner.run(["convert", input.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("locked.txt: error: cannot be opened for reading: Permission denied"))
    }

    @Test("An output in a missing folder is refused and nothing is created")
    func missingOutputFolder() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("story.txt")
        try "Headline\n\n\(paragraph)\n".write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("missing/sub/story.json")
        let result = try CommandRunner.run(["convert", input.path, "-o", output.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing/sub/story.json: error: the folder"), "\(result.stderr)")
        #expect(result.stderr.contains("does not exist"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["story.txt"])
    }

    @Test("A full device (/dev/full) is a clear write error")
    func deviceFull() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("story.txt")
        try "Headline\n\n\(paragraph)\n".write(to: input, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["convert", input.path, "-o", "/dev/full"])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("/dev/full: error: could not be written: No space left on device"),
            "\(result.stderr)")
    }

    @Test(
        "A full disk leaves no partial or temporary file, and an existing output untouched",
        .enabled(if: getuid() == 0, "mounting a small tmpfs needs root"))
    func diskFull() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mount = folder.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        let mounted = try CommandRunner.shell("mount -t tmpfs -o size=64k tmpfs small", in: folder)
        guard mounted.status == 0 else {
            Issue.record("could not mount a tmpfs: \(mounted.stderr)")
            return
        }
        defer { _ = try? CommandRunner.shell("umount small", in: folder) }
        let output = mount.appendingPathComponent("story.json")
        try "previous content\n".write(to: output, atomically: false, encoding: .utf8)
        let input = folder.appendingPathComponent("story.txt")
        try ("Headline\n\n" + String(repeating: paragraph + "\n\n", count: 2_000)).write(
            to: input, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["convert", input.path, "-o", output.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("story.json: error: could not be written: No space left on device"))
        #expect(result.stderr.contains("nothing was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount.path) == ["story.json"])
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous content\n")
    }

    // MARK: Limits

    @Test("Nesting past --max-depth is refused in JSON, YAML and XML, with the option in the hint")
    func nestingLimits() throws {
        let deepJSON = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        expectRefused(
            try convert(deepJSON, name: "deep.json"), "JSON nesting is deeper than the limit of 512 levels",
            "--max-depth", seconds: 10)
        let deepYAML =
            "title: x\nextra: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        expectRefused(
            try convert(deepYAML, name: "deep.yaml"), "YAML nesting is deeper than the limit of 512 levels",
            "--max-depth", seconds: 10)
        let deepXML = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        expectRefused(try convert(deepXML, name: "deep.xml"), "XML nesting is deeper", seconds: 10)
        let json =
            "{\"headline\": \"x\", \"extensions\": {\"a\": " + String(repeating: "[", count: 20)
            + String(repeating: "]", count: 20) + "}}"
        expectRefused(
            try convert(json, name: "twenty.json", extra: ["--max-depth", "10"]),
            "JSON nesting is deeper than the limit of 10 levels")
        let fine = try convert(json, name: "twenty.json")
        defer { try? FileManager.default.removeItem(at: fine.folder) }
        _ = expectConverted(fine)
    }

    @Test("Pathological Markdown (100,000 nested quotes, list markers, stars and brackets) is read in bounded time")
    func pathologicalMarkdown() throws {
        let lines = [
            String(repeating: "> ", count: 100_000) + "text", String(repeating: "- ", count: 50_000) + "item",
            String(repeating: "*", count: 100_000) + "x" + String(repeating: "*", count: 100_000),
            String(repeating: "[", count: 100_000) + "a" + String(repeating: "]", count: 100_000),
            String(repeating: "[a](", count: 50_000), String(repeating: "`a ", count: 50_000),
        ]
        for (index, line) in lines.enumerated() {
            let run = try convert("# Deep\n\n" + line + "\n", name: "deep-\(index).md")
            defer { try? FileManager.default.removeItem(at: run.folder) }
            _ = expectConverted(run, seconds: 30)
        }
    }

    @Test("Limit options reject nonsense values as usage errors")
    func limitOptionValues() throws {
        for arguments in [["--max-input-size", "lots"], ["--max-depth", "0"], ["--max-yaml-nodes", "-5"]] {
            let result = try CommandRunner.run(["convert", "-"] + arguments, stdin: "x")
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(arguments[0]))
        }
    }
}

// MARK: - Helpers

/// A NewsML-G2 item with a DOCTYPE line, a headline and an XHTML body.
private func newsML(doctype: String, headline: String, body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    \(doctype)
    <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:1" version="1" standard="NewsML-G2" \
    standardversion="2.35">
    <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:example"/>\
    <versionCreated>2025-06-12T09:00:00Z</versionCreated></itemMeta>
    <contentMeta><headline>\(headline)</headline></contentMeta>
    <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head>\
    <title>t</title></head><body>\(body)</body></html></inlineXML></contentSet>
    </newsItem>

    """
}

/// A TCP socket listening on a free local port, to see whether anything connects.
private final class Listener {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, 4) == 0 else { throw CocoaError(.fileWriteUnknown) }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.port = UInt16(bigEndian: address.sin_port)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    /// Whether a connection is waiting (the listener never answers it).
    var wasContacted: Bool {
        let connection = accept(descriptor, nil, nil)
        if connection >= 0 { Glibc.close(connection) }
        return connection >= 0
    }

    func close() { Glibc.close(descriptor) }
}
