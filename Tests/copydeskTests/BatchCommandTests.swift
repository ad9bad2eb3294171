// copydesk — command-line tests
// `copydesk convert` in batch, run as a user would: folders, several formats, exit codes,
// reports, NDJSON streams, and an interrupted batch that leaves no partial file.

import ArticleTestSupport
import Foundation
import Testing

@Suite("copydesk convert in batch")
struct BatchCommandTests {
    static let story = CommandRunner.harbourStory

    func tree(_ files: [String: String]) throws -> URL {
        try CommandRunner.temporaryTree(files)
    }

    /// Relative paths of every file under `folder`, hidden ones included, sorted.
    func listing(_ folder: URL) -> [String] {
        var names: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                names.append(name)
            }
        }
        return names.sorted()
    }

    @Test("A folder to three formats: the tree is mirrored, a summary is printed, no progress bar when piped")
    func folderToFormats() throws {
        let root = try tree(["in/a.txt": Self.story, "in/sub/b.txt": Self.story, "in/notes.docx": "x"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(
            ["convert", "in", "--to", "json,newsml,markdown", "--out-dir", "out"], in: root)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(
            listing(root.appendingPathComponent("out")) == [
                "a.json", "a.md", "a.xml", "sub/b.json", "sub/b.md", "sub/b.xml",
            ])
        #expect(result.stderr.hasPrefix("converted 2 of 2 file(s) (2 article(s)"))
        #expect(result.stderr.contains("articles/s; 0 failed, 0 skipped"))
        #expect(!result.stderr.contains("\r"))
        // The same bytes as converting one file on its own.
        let single = try CommandRunner.run(["convert", "in/sub/b.txt", "--to", "newsml"], in: root)
        #expect(try String(contentsOf: root.appendingPathComponent("out/sub/b.xml"), encoding: .utf8) == single.stdout)
        let quiet = try CommandRunner.run(["convert", "in", "--to", "json", "--out-dir", "out", "--quiet"], in: root)
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
    }

    @Test("One bad file: its error is printed, the rest are converted, exit 2, and the report says which")
    func badFile() throws {
        let root = try tree(["in/a.txt": Self.story, "in/b.json": "{\"headline\": 3}", "in/c.txt": Self.story])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(
            ["convert", "in", "--to", "json", "--out-dir", "out", "--jobs", "2", "--report", "report.json"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("in/b.json:1:14: error: headline: expected text"))
        #expect(result.stderr.contains("converted 2 of 3 file(s)"))
        #expect(listing(root.appendingPathComponent("out")) == ["a.json", "c.json"])
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("report.json")))
                as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.map { $0["input"] as? String } == ["in/a.txt", "in/b.json", "in/c.txt"])
        #expect(files.map { $0["status"] as? String } == ["converted", "failed", "converted"])
    }

    @Test("Usage errors: formats without --out-dir, --output with file formats, --incremental with a stream")
    func usage() throws {
        let root = try tree(["a.txt": Self.story, "b.txt": Self.story])
        defer { try? FileManager.default.removeItem(at: root) }
        let noFolder = try CommandRunner.run(["convert", "a.txt", "b.txt", "--to", "json"], in: root)
        #expect(noFolder.status == 64)
        #expect(noFolder.stderr.contains("add --out-dir OUT"))
        let output = try CommandRunner.run(["convert", "a.txt", "b.txt", "--out-dir", "o", "-o", "x.json"], in: root)
        #expect(output.status == 64)
        let incremental = try CommandRunner.run(
            ["convert", "a.txt", "b.txt", "--to", "ndjson", "--incremental"], in: root)
        #expect(incremental.status == 64)
        let missing = try CommandRunner.run(["convert", "a.txt", "gone", "--out-dir", "o"], in: root)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("gone: error: no such file or folder"))
    }

    @Test("--to ndjson: one line per article in input order on stdout, whatever --jobs; read back as a stream")
    func ndjson() throws {
        var files: [String: String] = [:]
        for index in 0..<12 {
            files["in/s\(index).txt"] = Self.story.replacingOccurrences(of: "Harbour", with: "H\(index)")
        }
        let root = try tree(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let one = try CommandRunner.run(["convert", "in", "--to", "ndjson", "--jobs", "1", "--quiet"], in: root)
        let four = try CommandRunner.run(["convert", "in", "--to", "ndjson", "--jobs", "4", "--quiet"], in: root)
        #expect(one.status == 0)
        #expect(one.stdout == four.stdout)
        let lines = one.stdout.split(separator: "\n")
        #expect(lines.count == 12)
        #expect(lines[0].contains("\"headline\":\"H0 wall to be raised\""))
        #expect(lines[2].contains("\"headline\":\"H10 wall to be raised\""))
        // Streamed back in: the same lines (analysis is idempotent), errors at their line.
        let again = try CommandRunner.run(["convert", "-", "--from", "ndjson", "--to", "ndjson"], stdin: one.stdout)
        #expect(again.status == 0)
        #expect(again.stdout.split(separator: "\n").count == 12)
        let bad = try CommandRunner.run(
            ["convert", "-", "--from", "ndjson", "--to", "ndjson"], stdin: one.stdout + "{\"headline\": [1]}\n")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("<stdin>:13:14: error: headline: expected text"))
        #expect(bad.stdout.split(separator: "\n").count == 12)
    }

    @Test("A stream to -o /dev/null (a batch, a line stream) writes to the device and never replaces it")
    func streamToDevice() throws {
        let root = try tree(["in/a.txt": Self.story, "in/b.txt": Self.story, "one.ndjson": "{\"headline\": \"One\"}\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        for arguments in [
            ["convert", "in", "--to", "ndjson", "-o", "/dev/null", "--quiet"],
            ["convert", "one.ndjson", "--to", "ndjson", "-o", "/dev/null"],
        ] {
            let result = try CommandRunner.run(arguments, in: root)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
            #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial, "\(arguments)")
        }
    }

    @Test("convert --validate in a batch: an input with errors is reported and not written, the others are")
    func validateInBatch() throws {
        let root = try tree(["in/good.txt": Self.story, "in/bad.txt": "\n\nJust one line with no headline.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(
            ["convert", "in", "--to", "json", "--out-dir", "out", "--validate"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("in/bad.txt: error: headline is missing"))
        #expect(result.stderr.contains("in/bad.txt: error: not written:"))
        #expect(result.stderr.contains("1 refused (validation errors)"))
        let written = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("out").path)
        #expect(written == ["good.json"])
        let forced = try CommandRunner.run(
            ["convert", "in", "--to", "json", "--out-dir", "forced", "--validate", "--force"], in: root)
        #expect(forced.status == 0)
        #expect(forced.stderr.contains("written despite"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("forced").path).sorted()
                == ["bad.json", "good.json"])
    }

    @Test("--out-dir equal to the input folder never overwrites an input")
    func outDirIsInputFolder() throws {
        let root = try tree(["in/a.json": "{\"headline\": \"A\"}\n", "in/b.txt": Self.story])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["convert", "in", "--to", "json", "--out-dir", "in"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("never overwrites its input"))
        #expect(
            try String(contentsOf: root.appendingPathComponent("in/a.json"), encoding: .utf8)
                == "{\"headline\": \"A\"}\n")
        #expect(listing(root.appendingPathComponent("in")) == ["a.json", "b.json", "b.txt"])
    }

    @Test("--incremental: a second run skips everything, and says so")
    func incremental() throws {
        let root = try tree(["in/a.txt": Self.story, "in/b.txt": Self.story])
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments = ["convert", "in", "--to", "json,markdown", "--out-dir", "out", "--incremental"]
        let first = try CommandRunner.run(arguments, in: root)
        #expect(first.status == 0)
        #expect(first.stderr.contains("converted 2 of 2 file(s)"))
        let second = try CommandRunner.run(arguments, in: root)
        #expect(second.stderr.contains("converted 0 of 2 file(s)"))
        #expect(second.stderr.contains("2 skipped"))
        #expect(listing(root.appendingPathComponent("out")).contains(".copydesk-manifest.json"))
        let other = try CommandRunner.run(arguments + ["--compact"], in: root)
        #expect(other.stderr.contains("converted 2 of 2 file(s)"))
    }

    @Test(
        "A progress bar is drawn on a terminal (done/total, rate, ETA), and not when CI is set",
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
            "needs script(1) from util-linux to give copydesk a terminal"))
    func progressOnTerminal() throws {
        var files: [String: String] = [:]
        for index in 0..<30 { files["in/s\(index).txt"] = Self.story }
        let root = try tree(files)
        defer { try? FileManager.default.removeItem(at: root) }
        /// What the terminal showed, standard error included.
        func onTerminal(ci: Bool) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            let command = [CommandRunner.executable.path, "convert", "in", "--to", "json", "--out-dir", "out"]
            process.arguments = ["-qec", command.joined(separator: " "), "/dev/null"]
            process.currentDirectoryURL = root
            var environment = ProcessInfo.processInfo.environment
            environment["CI"] = ci ? "1" : nil
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return String(decoding: data, as: UTF8.self)
        }
        let drawn = try onTerminal(ci: false)
        #expect(drawn.contains("\r[========================] 30/30 100% "))
        #expect(drawn.contains(" files/s ETA 0:00"))
        #expect(drawn.contains("converted 30 of 30 file(s)"))
        let quiet = try onTerminal(ci: true)
        #expect(!quiet.contains("\r["))
        #expect(quiet.contains("converted 30 of 30 file(s)"))
    }

    @Test("SIGINT stops a batch between files: no partial or temporary file, a message, exit 130")
    func interrupted() throws {
        var files: [String: String] = [:]
        for index in 0..<3000 { files["in/\(index / 100)/s\(index).txt"] = Self.story }
        let root = try tree(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = [
            "convert", "in", "--to", "json,newsml,markdown", "--out-dir", "out", "--jobs", "2", "--report", "r.json",
        ]
        process.currentDirectoryURL = root
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until the batch has started writing, then interrupt it.
        var waited = 0
        while process.isRunning, listing(out).count < 30, waited < 6000 {
            usleep(5000)
            waited += 1
        }
        #expect(process.isRunning, "the batch finished before it could be interrupted")
        kill(process.processIdentifier, SIGINT)
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(message.contains("interrupted by SIGINT: "))
        #expect(message.contains("not started; every output written is complete (no partial file)"))
        let written = listing(out)
        #expect(written.allSatisfy { !$0.split(separator: "/").last!.hasPrefix(".") }, "a temporary file was left")
        #expect(written.count < 9000)
        // Every input's outputs are all there or all absent, and each is whole.
        let stems = Dictionary(grouping: written) { String($0.split(separator: ".").first!) }
        #expect(stems.values.allSatisfy { $0.count == 3 })
        for name in written where name.hasSuffix(".json") {
            let data = try Data(contentsOf: out.appendingPathComponent(name))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(name) is not whole")
        }
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("r.json")))
                as? [String: Any])
        #expect(report["interrupted"] as? String == "SIGINT")
        let totals = try #require(report["totals"] as? [String: Any])
        #expect(totals["converted"] as? Int == stems.count)
        #expect((totals["notStarted"] as? Int ?? 0) > 0)
        // Inputs are untouched.
        #expect(try String(contentsOf: root.appendingPathComponent("in/0/s0.txt"), encoding: .utf8) == Self.story)
    }
}
