// copydesk — CopydeskKit tests
// Choosing formats from names, extensions and the bytes of standard input.

import CopydeskKit
import Foundation
import Testing

@Suite("Format choice")
struct FormatChoiceTests {
    @Test("Input: --from wins, then what the content declares, then the extension (any case), then a look at stdin")
    func input() throws {
        func name(_ from: String?, _ path: String, _ text: String = "x") throws -> String {
            try FormatChoice.input(named: from, path: path, bytes: Array(text.utf8)).format.name
        }
        #expect(try name("TEXT", "a.json", "{}") == "text")
        #expect(try name(nil, "dir.v2/Story.TXT") == "text")
        #expect(try name(nil, "a.json", "{}") == "json")
        #expect(try name(nil, "-", "  \n[{}]") == "json", "JSON on standard input is read as JSON")
        #expect(try name(nil, "-", "  \n[{\"headline\": \"H\", \"body\": []}]") == "json")
        #expect(try name(nil, "-", "By Jane") == "text")
    }

    @Test("Unknown names and extensions are usage errors that list the known formats")
    func unknown() {
        for (name, path) in [("docx", "a.txt"), (nil, "a.docx"), (nil, "README")] as [(String?, String)] {
            do {
                _ = try FormatChoice.input(named: name, path: path, bytes: Array("plain words".utf8))
                Issue.record("expected a usage error for \(name ?? path)")
            } catch {
                #expect(error.exitCode == 64)
                #expect(error.description.contains("json") && error.description.contains("text"))
            }
        }
    }

    @Test("Output: --to wins, then -o's extension, else JSON; a read-only format cannot be written")
    func output() throws {
        #expect(try FormatChoice.output(named: nil, path: nil).name == "json")
        #expect(try FormatChoice.output(named: nil, path: "out/a.json").name == "json")
        #expect(try FormatChoice.output(named: nil, path: "out/a.unknown").name == "json")
        #expect(try FormatChoice.output(named: nil, path: "out/a.YML").name == "yaml")
        do {
            _ = try FormatChoice.output(named: nil, path: "out/a.txt")
            Issue.record("a .txt output names a format copydesk cannot write")
        } catch {
            #expect(error.exitCode == 64)
            #expect(error.description.contains("which copydesk cannot write"))
        }
        do {
            _ = try FormatChoice.output(named: "text", path: nil)
            Issue.record("text has no writer")
        } catch {
            #expect(error.description.contains("copydesk cannot write text"))
        }
    }

    @Test("isSameFile sees through ./ and .. and symbolic links")
    func sameFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copydesk-same-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.json")
        try Data("{}".utf8).write(to: file)
        let link = folder.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        #expect(Files.isSameFile(file.path, folder.path + "/./sub/../a.json"))
        #expect(Files.isSameFile(link.path, file.path))
        #expect(!Files.isSameFile(file.path, folder.appendingPathComponent("b.json").path))
    }
}
