// copydesk — CopydeskKit tests
// Outputs appear whole or not at all; inputs are read, never written.

import CopydeskKit
import Foundation
import Testing

@Suite("Files")
struct FilesTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("writeAtomically replaces the file whole and leaves no temporary file")
    func atomicWrite() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.json").path
        try Files.writeAtomically(Array("first\n".utf8), to: path)
        try Files.writeAtomically(Array("second\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o644)
    }

    @Test("Writing into a missing folder fails with a message and creates nothing")
    func missingFolder() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("no/such/out.json").path
        #expect(throws: CopydeskError.self) { try Files.writeAtomically([1, 2, 3], to: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("Reading a missing file or a folder is an io error with exit code 2")
    func readErrors() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for path in [dir.appendingPathComponent("none.txt").path, dir.path] {
            do {
                _ = try Files.read(path)
                Issue.record("expected an error for \(path)")
            } catch {
                #expect(error.exitCode == 2)
                #expect(error.description.hasPrefix(path + ": error: "))
            }
        }
    }

    @Test("The pipeline refuses to write several articles to a one-article format")
    func severalArticles() throws {
        let pipeline = Pipeline()
        let json = FormatRegistry.format(named: "json")!
        let written = try pipeline.write([Article(headline: "a"), Article(headline: "b")], format: json)
        #expect(written.bytes.first == UInt8(ascii: "["))
        let text = FormatRegistry.format(named: "text")!
        #expect(throws: CopydeskError.self) { try pipeline.write([Article()], format: text) }
    }

    @Test("An existing file keeps its permissions; a symbolic link stays a link to the new content")
    func permissionsAndLinks() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("private.json").path
        try Files.writeAtomically(Array("one\n".utf8), to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try Files.writeAtomically(Array("two\n".utf8), to: path)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        let link = dir.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        try Files.writeAtomically(Array("three\n".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "three\n")
    }

    @Test("A device is written to, never replaced")
    func devices() throws {
        try Files.writeAtomically(Array("discarded\n".utf8), to: "/dev/null")
        let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
        #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial)
    }

    @Test(
        "A path's folder and last part, as NSString's deletingLastPathComponent and lastPathComponent give them",
        arguments: [
            ("a/b/story.txt", "a/b", "story.txt"), ("/story.txt", "/", "story.txt"), ("story.txt", "", "story.txt"),
            ("a/b/", "a", "b"), ("/", "/", "/"), ("a//b", "a", "b"), ("./x.json", ".", "x.json"), ("-", "", "-"),
            ("/a/b//", "/a", "b"),
        ])
    func pathParts(path: String, folder: String, name: String) {
        #expect(Files.folder(of: path) == folder)
        #expect(Files.fileName(of: path) == name)
    }
}
