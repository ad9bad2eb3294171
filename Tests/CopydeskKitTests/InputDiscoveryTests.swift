// copydesk — CopydeskKit tests
// Finding the files to work on: named files, folders walked recursively, globs, order.

import CopydeskKit
import Foundation
import Testing

@Suite("Input discovery")
struct InputDiscoveryTests {
    /// A temporary folder holding `files` (relative paths), each with a line of text.
    func tree(_ files: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-discovery-\(UUID())")
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("Headline\n".utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    @Test("A folder is walked recursively for readable extensions, hidden entries skipped, sorted")
    func walk() throws {
        let root = try tree([
            "b.txt", "a.TXT", "sub/z.md", "sub/deeper/y.yaml", "notes.docx", "README", ".hidden.txt",
            ".git/config.txt", "sub/.cache/x.json", "a-b.json",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = try InputDiscovery.inputs(in: [root.path])
        #expect(inputs.map(\.relativePath) == ["a-b.json", "a.TXT", "b.txt", "sub/deeper/y.yaml", "sub/z.md"])
        #expect(inputs.allSatisfy { $0.foundInFolder })
        #expect(inputs.first?.path == root.path + "/a-b.json")
        // A trailing slash on the folder gives the same paths.
        #expect(try InputDiscovery.files(in: [root.path + "//"]) == inputs.map(\.path))
    }

    @Test("The default extensions are those of every format copydesk reads or recognises, and only those")
    func defaultExtensions() {
        #expect(
            InputDiscovery.readableExtensions == [
                "html", "htm", "xhtml", "json", "md", "markdown", "ndjson", "jsonl", "xml", "txt", "text", "yaml",
                "yml", "nitf", "rss", "atom", "warc", "warc.gz",
            ])
    }

    @Test("Given extensions narrow the walk, with or without a dot, in any case")
    func extensions() throws {
        let root = try tree(["a.txt", "b.json", "c/d.TXT"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(
            try InputDiscovery.inputs(in: [root.path], extensions: [".TXT"]).map(\.relativePath) == [
                "a.txt", "c/d.TXT",
            ])
        #expect(try InputDiscovery.inputs(in: [root.path], extensions: ["json"]).map(\.relativePath) == ["b.json"])
    }

    @Test("Files named directly are taken as given, whatever their extension, in the order given")
    func namedFiles() throws {
        let root = try tree(["notes.docx", "z.txt", "a.txt"])
        defer { try? FileManager.default.removeItem(at: root) }
        let docx = root.appendingPathComponent("notes.docx").path
        let z = root.appendingPathComponent("z.txt").path
        let inputs = try InputDiscovery.inputs(in: [docx, z, "-"], exclude: ["*.docx"])
        #expect(inputs.map(\.path) == [docx, z, "-"])
        #expect(inputs.map(\.relativePath) == ["notes.docx", "z.txt", "-"])
        #expect(inputs.allSatisfy { !$0.foundInFolder })
    }

    @Test("A file found twice (named and inside a folder given) is listed once")
    func duplicates() throws {
        let root = try tree(["a.txt", "b.txt"])
        defer { try? FileManager.default.removeItem(at: root) }
        let a = root.appendingPathComponent("a.txt").path
        #expect(
            try InputDiscovery.files(in: [root.path, a, root.path]) == [a, root.appendingPathComponent("b.txt").path])
    }

    @Test("Include and exclude globs match the relative path or the base name; excluded folders are not walked")
    func globs() throws {
        let root = try tree(["2024/01/a.txt", "2024/02/b.txt", "2025/c.txt", "drafts/d.txt", "e.md"])
        defer { try? FileManager.default.removeItem(at: root) }
        func relative(include: [String] = [], exclude: [String] = []) throws -> [String] {
            try InputDiscovery.inputs(in: [root.path], include: include, exclude: exclude).map(\.relativePath)
        }
        #expect(try relative(include: ["2024/*"]) == ["2024/01/a.txt", "2024/02/b.txt"])
        #expect(try relative(include: ["*.md"]) == ["e.md"])
        #expect(try relative(include: ["b.txt", "c.*"]) == ["2024/02/b.txt", "2025/c.txt"])
        #expect(try relative(exclude: ["drafts"]) == ["2024/01/a.txt", "2024/02/b.txt", "2025/c.txt", "e.md"])
        #expect(try relative(include: ["*.txt"], exclude: ["2024/0[12]"]) == ["2025/c.txt", "drafts/d.txt"])
        #expect(try relative(include: ["nothing*"]).isEmpty)
    }

    @Test("A link to a file is followed; a link to a folder is not walked")
    func links() throws {
        let root = try tree(["real/a.txt"])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("link.txt").path, withDestinationPath: "real/a.txt")
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("loop").path, withDestinationPath: ".")
        #expect(try InputDiscovery.inputs(in: [root.path]).map(\.relativePath) == ["link.txt", "real/a.txt"])
    }

    @Test("A missing path is an io error (exit 2) with a hint; an empty one is a usage error")
    func missing() throws {
        let root = try tree(["a.txt"])
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = root.appendingPathComponent("gone").path
        do {
            _ = try InputDiscovery.files(in: [root.path, missing])
            Issue.record("expected an error for \(missing)")
        } catch {
            #expect(error.exitCode == 2)
            #expect(error.description.hasPrefix(missing + ": error: no such file or folder"))
            #expect(error.description.contains("hint:"))
        }
        #expect(throws: CopydeskError.self) { try InputDiscovery.files(in: [""]) }
    }

    @Test("An empty folder gives no files, not an error")
    func emptyFolder() throws {
        let root = try tree([])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try InputDiscovery.files(in: [root.path]).isEmpty)
    }
}
