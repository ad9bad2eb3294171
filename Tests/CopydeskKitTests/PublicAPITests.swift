// copydesk — CopydeskKit tests
// The library's public surface is small and documented.

import ArticleTestSupport
import Foundation
import Testing

@Suite("Public API")
struct PublicAPITests {
    /// The library targets; the executables and the test support have no public API.
    static let libraries = ["ArticleModel", "ArticleFormats", "ArticleAnalysis", "ArticleValidation", "CopydeskKit"]

    /// Every `public` declaration of the library targets: (file:line, the line).
    static func publicDeclarations() throws -> [(place: String, line: String, documented: Bool)] {
        var found: [(String, String, Bool)] = []
        for library in libraries {
            let root = TestPaths.packageRoot.appendingPathComponent("Sources/\(library)")
            for file in TestPaths.sourceFiles(under: library) {
                let lines = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                for (index, line) in lines.enumerated() {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    let declaration = code.drop { $0 != "p" }
                    guard declaration.hasPrefix("public "), !code.hasPrefix("//"), !code.contains("public import")
                    else { continue }
                    var above = index - 1
                    while above >= 0, lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("@") { above -= 1 }
                    let documented = above >= 0 && lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("///")
                    found.append(("\(library)/\(file):\(index + 1)", code, documented))
                }
            }
        }
        return found
    }

    @Test("Every public declaration of the library has a doc comment")
    func documented() throws {
        let declarations = try Self.publicDeclarations()
        #expect(declarations.count > 100, "the scan finds the public API")
        let missing = declarations.filter { !$0.documented }.map { "\($0.place): \($0.line)" }
        #expect(missing.isEmpty, Comment(rawValue: missing.joined(separator: "\n")))
    }

    @Test("Plumbing stays out of the public API")
    func noPlumbing() throws {
        let declarations = try Self.publicDeclarations().map(\.line)
        for plumbing in [
            "struct Files", "enum SHA256", "InterruptionWatch", "BatchManifest", "struct BatchConverter",
            "Rule: Rule", "extension String", "extension Substring", "struct HTMLReader", "NewsMLG2Writer",
            "struct QuoteAnalyzer", "struct ArticleChecker", "enum FormatChoice", "ContentSample",
        ] {
            #expect(!declarations.contains { $0.contains(plumbing) }, "\(plumbing) is public")
        }
    }
}
