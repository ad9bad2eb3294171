// copydesk — command tests
// The samples `make demo` validates: README's table and the demo's announcement say what validate
// really finds in each.

import ArticleTestSupport
import Foundation
import Testing

@Suite("The samples make demo shows")
struct SamplesTests {
    /// What validate finds in the samples: file name → rule id → count, and file name → severities.
    static func findings() throws -> (rules: [String: [String: Int]], severities: [String: [String]]) {
        let result = try CommandRunner.run(["validate", "--format", "json", "Samples"], in: TestPaths.packageRoot)
        #expect(result.status == 1, "two samples are meant to fail: \(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        var rules: [String: [String: Int]] = [:]
        var severities: [String: [String]] = [:]
        for file in report["files"] as? [String] ?? [] { rules[URL(fileURLWithPath: file).lastPathComponent] = [:] }
        for diagnostic in report["diagnostics"] as? [[String: Any]] ?? [] {
            let file = URL(fileURLWithPath: diagnostic["file"] as? String ?? "").lastPathComponent
            rules[file, default: [:]][diagnostic["rule"] as? String ?? "", default: 0] += 1
            severities[file, default: []].append(diagnostic["severity"] as? String ?? "")
        }
        return (rules, severities)
    }

    /// README's table under "The samples": file name → rule id → count (`×N`, else 1).
    static func readmeTable() throws -> [String: [String: Int]] {
        let readme = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "### The samples\n").dropFirst().first)
        var table: [String: [String: Int]] = [:]
        for line in section.split(separator: "\n").prefix(while: { !$0.hasPrefix("#") }) where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let name = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            var rules: [String: Int] = [:]
            for match in cells[cells.count - 2].matches(of: /`([a-z]+\.[a-z-]+)`(?: ×(\d+))?/) {
                rules[String(match.1)] = match.2.flatMap { Int($0) } ?? 1
            }
            table[name] = rules
        }
        return table
    }

    @Test("README's table lists every sample with exactly the findings validate prints")
    func readmeMatches() throws {
        let found = try Self.findings().rules
        #expect(found.count >= 10)
        let table = try Self.readmeTable()
        #expect(table == found)
    }

    @Test("make demo's announcement names each failing sample and counts the errors and notes")
    func demoAnnouncement() throws {
        let severities = try Self.findings().severities
        let makefile = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Makefile"), encoding: .utf8)
        let demo = try #require(makefile.components(separatedBy: "\ndemo:").dropFirst().first)
            .components(separatedBy: "\n\n")[0]
        let number = [0: "no", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"]
        let failing = severities.filter { $0.value.contains("error") }.keys
        let errors = severities.values.map { $0.filter { $0 == "error" }.count }.reduce(0, +)
        let notes = severities.values.map { $0.filter { $0 == "note" }.count }.reduce(0, +)
        let noted = severities.filter { $0.value.contains("note") && !$0.value.contains("error") }.count
        #expect(severities.values.allSatisfy { !$0.contains("warning") }, "make demo announces no warning")
        #expect(
            demo.contains("\(number[errors] ?? "?") errors are there on purpose, and \(number[notes] ?? "?") notes"))
        for name in failing { #expect(demo.contains("  Samples/\(name)  "), "\(name) is not named in make demo") }
        if noted > 0 {
            #expect(demo.contains("  \(noted) more samples "))
        } else {
            #expect(!demo.contains("more samples"))
        }
    }
}
