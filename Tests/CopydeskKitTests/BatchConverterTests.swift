// copydesk — CopydeskKit tests
// The batch engine: planning, parallel runs that give the same bytes, failures that do not stop
// the rest, inputs never overwritten, cancellation, the incremental manifest and the report.

import ArticleFormats
import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

@Suite("Batch converter")
struct BatchConverterTests {
    static let story = CommandRunner.harbourStory

    /// A temporary folder with `files` (relative path → content).
    func tree(_ files: [String: String]) throws -> URL {
        try CommandRunner.temporaryTree(files)
    }

    /// Every file under `folder` (relative path → bytes), hidden ones included.
    func contents(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[name] = FileManager.default.contents(atPath: path)
            }
        }
        return result
    }

    func format(_ name: String) -> FormatDescriptor { FormatRegistry.format(named: name)! }

    func articles(_ count: Int) -> [String: String] {
        var files: [String: String] = [:]
        for index in 0..<count {
            let folder = ["", "a/", "a/b/"][index % 3]
            files["\(folder)story-\(index).txt"] = Self.story.replacingOccurrences(of: "a metre", with: "\(index) cm")
        }
        return files
    }

    @Test("Outputs mirror the input tree; a file named directly lands at the top; several articles are numbered")
    func layout() throws {
        let root = try tree([
            "in/x.txt": Self.story, "in/deep/er/y.txt": Self.story, "single.txt": Self.story,
            "in/stream.yaml": "---\ntitle: One\nbody: First.\n---\ntitle: Two\nbody: Second.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out").path
        let inputs = try InputDiscovery.inputs(in: [root.appendingPathComponent("in").path, root.path + "/single.txt"])
        let converter = BatchConverter(
            settings: .init(targets: [format("json"), format("markdown")], outputFolder: out, jobs: 2))
        let summary = converter.run(converter.plan(inputs))
        #expect(summary.results.map(\.status) == Array(repeating: .converted, count: 4))
        #expect(summary.articles == 5)
        #expect(
            Set(try contents(of: URL(fileURLWithPath: out)).keys) == [
                "x.json", "x.md", "deep/er/y.json", "deep/er/y.md", "single.json", "single.md",
                "stream-1.json", "stream-2.json", "stream-1.md", "stream-2.md",
            ])
    }

    @Test("One job or four: the same output files, byte for byte, and the same results in the same order")
    func deterministic() throws {
        let root = try tree(articles(40).merging(["a/broken.json": "{\"headline\": 3}"]) { $1 })
        defer { try? FileManager.default.removeItem(at: root) }
        var runs: [([BatchConverter.FileResult], [String: Data], [UInt8])] = []
        for jobs in [1, 4] {
            let out = root.deletingLastPathComponent().appendingPathComponent("out-\(UUID())")
            defer { try? FileManager.default.removeItem(at: out) }
            let streamPath = out.path + ".ndjson"
            defer { try? FileManager.default.removeItem(atPath: streamPath) }
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let converter = BatchConverter(
                settings: .init(
                    targets: [format("json"), format("newsml")], outputFolder: out.path, stream: format("ndjson"),
                    jobs: jobs))
            let stream = try AtomicOutputStream(path: streamPath)
            let summary = converter.run(converter.plan(try InputDiscovery.inputs(in: [root.path])), stream: stream)
            try stream.commit()
            // Paths differ by output folder: compare them relative to it.
            let results = summary.results.map { result in
                var result = result
                result.outputs = result.outputs.map { $0.replacingOccurrences(of: out.path, with: "OUT") }
                return result
            }
            runs.append(
                (results, try contents(of: out), [UInt8](try Data(contentsOf: URL(fileURLWithPath: streamPath)))))
        }
        #expect(runs[0].0 == runs[1].0)
        #expect(runs[0].1 == runs[1].1)
        #expect(runs[0].1.count == 80)
        #expect(runs[0].2 == runs[1].2)
        #expect(runs[0].2.count { $0 == 0x0A } == 40)
    }

    @Test("HTML pages libxml2 reports errors in convert on two threads to the same bytes as on one")
    func parallelHTMLParses() throws {
        // Before 2.12, a libxml2 linked without the pthread functions keeps one error state for
        // every thread, and each page here makes it record errors (a stray end tag in a script,
        // unclosed elements, an unknown one): parallel parses then corrupt the heap.
        #expect(SystemLibraries.libxml2IsThreadSafe)
        var pages: [String: String] = [:]
        for index in 0..<24 {
            pages["in/p\(index).html"] = """
                <html><head><title>Page \(index)</title><script>if (a </b) { x(); }</script></head>
                <body><article><h1>Council vote \(index)</h1><x-note>Filed late</span>
                <p>The council voted \(index) to 3 on Tuesday to close the harbour road.<p>Work starts in May.
                <div><p>Residents were told by letter.</div></article></body></html>
                """
        }
        let root = try tree(pages)
        defer { try? FileManager.default.removeItem(at: root) }
        var outputs: [[String: Data]] = []
        for jobs in [1, 2] {
            let out = root.appendingPathComponent("out\(jobs)").path
            let converter = BatchConverter(settings: .init(targets: [format("json")], outputFolder: out, jobs: jobs))
            let inputs = try InputDiscovery.inputs(in: [root.appendingPathComponent("in").path])
            let summary = converter.run(converter.plan(inputs))
            #expect(summary.results.map(\.status) == Array(repeating: .converted, count: 24))
            outputs.append(try contents(of: URL(fileURLWithPath: out)))
        }
        #expect(outputs[0].count == 24)
        #expect(outputs[0] == outputs[1])
    }

    @Test("A bad file fails with its error and the others are converted")
    func failureContinues() throws {
        let root = try tree(["a.txt": Self.story, "b.json": "{\"headline\": 3}", "c.txt": Self.story])
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out").path
        let converter = BatchConverter(settings: .init(targets: [format("json")], outputFolder: out, jobs: 2))
        let summary = converter.run(converter.plan(try InputDiscovery.inputs(in: [root.path])))
        #expect(summary.results.map(\.status) == [.converted, .failed, .converted])
        #expect(summary.results[1].error?.contains("b.json:1:14: error: headline: expected text") == true)
        #expect(summary.results[1].outputs.isEmpty)
        #expect(FileManager.default.fileExists(atPath: out + "/c.json"))
        #expect(!FileManager.default.fileExists(atPath: out + "/b.json"))
    }

    @Test("Two inputs that would write the same output both fail, and nothing is written for them")
    func collisions() throws {
        let root = try tree(["a.txt": Self.story, "a.md": "# A\n\nText.\n", "b.txt": Self.story])
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out").path
        let converter = BatchConverter(settings: .init(targets: [format("json")], outputFolder: out))
        let jobs = converter.plan(try InputDiscovery.inputs(in: [root.path]))
        #expect(jobs.map { $0.conflict != nil } == [true, true, false])
        let summary = converter.run(jobs)
        #expect(summary.results.map(\.status) == [.failed, .failed, .converted])
        #expect(summary.results[0].error?.contains("would write the same output (\(out)/a.json)") == true)
        #expect(!FileManager.default.fileExists(atPath: out + "/a.json"))
    }

    @Test("An output folder that is the input folder never overwrites an input")
    func neverOverwritesInputs() throws {
        let root = try tree(["a.json": "{\"headline\": \"A\"}", "b.txt": Self.story])
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try Data(contentsOf: root.appendingPathComponent("a.json"))
        let converter = BatchConverter(settings: .init(targets: [format("json")], outputFolder: root.path))
        let summary = converter.run(converter.plan(try InputDiscovery.inputs(in: [root.path])))
        #expect(summary.results.map(\.status) == [.failed, .converted])
        #expect(summary.results[0].error?.contains("never overwrites its input") == true)
        #expect(try Data(contentsOf: root.appendingPathComponent("a.json")) == before)
        #expect(FileManager.default.fileExists(atPath: root.path + "/b.json"))
    }

    @Test("An output folder inside the input folder is not read as input; the input folder itself is")
    func outputFolderInsideInput() throws {
        let root = try tree(["a.txt": Self.story, "sub/b.txt": Self.story, "out/a.json": "{}", "out/x/c.txt": "x"])
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = try InputDiscovery.inputs(in: [root.path])
        #expect(inputs.count == 4)
        let inside = BatchConverter.leavingOut(outputFolder: root.path + "/out/", from: inputs)
        #expect(inside.map(\.relativePath) == ["a.txt", "sub/b.txt"])
        #expect(BatchConverter.leavingOut(outputFolder: root.path, from: inputs).count == 4)
        // Files named directly are kept wherever they are.
        let named = try InputDiscovery.inputs(in: [root.path + "/out/a.json"])
        #expect(BatchConverter.leavingOut(outputFolder: root.path + "/out", from: named).count == 1)
    }

    @Test("A cancelled batch starts no file and reports each one as not started")
    func cancelled() throws {
        let root = try tree(articles(6))
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out").path
        let flag = CancellationFlag()
        flag.cancel(signal: SIGINT)
        let converter = BatchConverter(settings: .init(targets: [format("json")], outputFolder: out, jobs: 3))
        let summary = converter.run(converter.plan(try InputDiscovery.inputs(in: [root.path])), cancellation: flag)
        #expect(summary.results.count == 6)
        #expect(summary.results.allSatisfy { $0.status == .notStarted })
        #expect(summary.interruptedBy == SIGINT)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("Incremental: unchanged inputs are skipped; changed, new or options-changed ones, or lost outputs, redone")
    func incremental() throws {
        let root = try tree(["in/a.txt": Self.story, "in/b.txt": Self.story])
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in").path
        let out = root.appendingPathComponent("out").path
        func run(_ build: String = "v1", compact: Bool = false) throws -> [BatchConverter.FileResult.Status] {
            let settings = BatchConverter.Settings(
                targets: [format("json")], outputFolder: out, writerOptions: WriterOptions(compact: compact),
                incremental: true, build: build)
            let fingerprint = settings.fingerprint
            let converter = BatchConverter(settings: settings)
            let jobs = converter.plan(try InputDiscovery.inputs(in: [input]))
            var manifest = BatchManifest.load(from: out)
            let summary = converter.run(jobs, manifest: manifest)
            manifest.update(with: summary.results, jobs: jobs, fingerprint: fingerprint, folder: out)
            try manifest.save(to: out)
            return summary.results.map(\.status)
        }
        #expect(try run() == [.converted, .converted])
        #expect(try run() == [.skipped, .skipped])
        // A new modification time with the same bytes changes nothing.
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: input + "/a.txt")
        #expect(try run() == [.skipped, .skipped])
        try Data((Self.story + "More.\n").utf8).write(to: URL(fileURLWithPath: input + "/a.txt"))
        #expect(try run() == [.converted, .skipped])
        try FileManager.default.removeItem(atPath: out + "/b.json")
        #expect(try run() == [.skipped, .converted])
        try Data(Self.story.utf8).write(to: URL(fileURLWithPath: input + "/c.txt"))
        #expect(try run() == [.skipped, .skipped, .converted])
        #expect(try run("v2") == [.converted, .converted, .converted])
        // Any option that shapes an output changes the fingerprint, without a list of options to keep.
        #expect(try run("v2", compact: true) == [.converted, .converted, .converted])
        #expect(try run("v2", compact: true) == [.skipped, .skipped, .skipped])
        let manifest = BatchManifest.load(from: out)
        #expect(manifest.entries.keys.sorted() == ["a.txt", "b.txt", "c.txt"])
        #expect(manifest.entries["a.txt"]?.outputs == ["a.json"])
        #expect(manifest.entries["a.txt"]?.sha256 == SHA256.hex(Array((Self.story + "More.\n").utf8)))
    }

    @Test("The report is versioned JSON with totals and one entry per file")
    func report() throws {
        let root = try tree(["a.txt": Self.story, "b.json": "[]"])
        defer { try? FileManager.default.removeItem(at: root) }
        let settings = BatchConverter.Settings(
            targets: [format("json")], outputFolder: root.appendingPathComponent("out").path)
        let converter = BatchConverter(settings: settings)
        let summary = converter.run(converter.plan(try InputDiscovery.inputs(in: [root.path])))
        let json = BatchReport(summary: summary, tool: "copydesk test", settings: settings).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        #expect(object["reportVersion"] as? Int == 1)
        #expect(object["formats"] as? [String] == ["json"])
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["files"] as? Int == 2)
        #expect(totals["converted"] as? Int == 1)
        #expect(totals["failed"] as? Int == 1)
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["status"] as? String } == ["converted", "failed"])
        #expect((files[1]["error"] as? String)?.contains("holds no article") == true)
    }

    @Test("SHA-256 matches the standard's test vectors")
    func sha256() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("A stream file appears whole on commit, and discard leaves no file")
    func atomicStream() throws {
        let root = try tree([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("s.ndjson").path
        let stream = try AtomicOutputStream(path: path)
        try stream.write(Array("one\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: path))
        try stream.write(Array("two\n".utf8))
        try stream.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\ntwo\n")
        let second = try AtomicOutputStream(path: path)
        try second.write(Array("three\n".utf8))
        second.discard()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\ntwo\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["s.ndjson"])
    }

    @Test("An NDJSON stream is converted record by record; a bad record is reported at its line")
    func ndjsonStream() throws {
        let root = try tree([
            "in.ndjson": "{\"headline\": \"A\"}\n\n{\"headline\": 3}\n{\"headline\": \"C\"}"
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let outPath = root.appendingPathComponent("out.ndjson").path
        let output = try AtomicOutputStream(path: outPath)
        var errors: [String] = []
        let ndjson = try #require(FormatRegistry.format(named: "ndjson"))
        let converter = try #require(LineStreamConverter(from: ndjson, to: ndjson, jobs: 2))
        #expect(LineStreamConverter(from: ndjson, to: format("json")) == nil, "JSON is not a line stream")
        let summary = try converter.run(path: root.path + "/in.ndjson", output: output) {
            errors.append($0)
        }
        try output.commit()
        #expect(summary.articles == 2)
        #expect(summary.failed == 1)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix(root.path + "/in.ndjson:3:14: error:") == true)
        let lines = try String(contentsOfFile: outPath, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("\"headline\":\"A\"") && lines[1].contains("\"headline\":\"C\""))
    }
}
