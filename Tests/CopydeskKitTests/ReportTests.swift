// copydesk — CopydeskKit tests
// Every report format from one fixed set of findings, against golden files; SARIF against its schema.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

/// Runs python3 with jsonschema (see `CommandRunner.python`); `nil` when there is none.
func runPython(_ arguments: [String]) throws -> (status: Int32, output: String)? {
    guard let python = CommandRunner.python else { return nil }
    let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    let result = try CommandRunner.shell(
        "'\(python.path)' " + quoted.joined(separator: " ") + " 2>&1", in: TestPaths.packageRoot)
    return (result.status, result.stdout)
}

@Suite("Validation reports")
struct ReportTests {
    static let goldens = TestPaths.packageRoot.appendingPathComponent("Tests/CopydeskKitTests/Fixtures/reports")

    /// One fixed run: four files (one unreadable, one clean), findings with every awkward character.
    static let report: ValidationReport = {
        func at(_ file: String, _ line: Int, _ column: Int) -> ArticleModel.SourceLocation {
            ArticleModel.SourceLocation(file: file, line: line, column: column)
        }
        let findings = [
            Diagnostic(
                id: "headline.missing", severity: .error, message: "headline is missing: give the article a headline",
                file: "Samples/story one.txt"),
            Diagnostic(
                id: "quote.unattributed", severity: .warning,
                message: "quotation “<b>Fish & \"chips\"</b>, it's 100%” has no speaker: say who said it",
                location: at("Samples/story one.txt", 7, 14)),
            Diagnostic(
                id: "date.mention-after-published", severity: .note,
                message: "the text mentions '20 March' (2025-03-20), after the publication date: check the date",
                location: at("/srv/news/content/ferry.yaml", 12, 3)),
            Diagnostic(
                id: "byline.malformed", severity: .warning,
                message: "byline 'Ada, Quill: 50%' has a doubled separator:\nremove one\r",
                location: at("/srv/news/content/ferry.yaml", 3, 9)),
            Diagnostic(
                id: "yaml.syntax", severity: .error, message: "YAML syntax error: did not find expected key",
                location: at("wire/b,c.yaml", 4, 1)),
        ]
        return ValidationReport(
            files: ["Samples/story one.txt", "/srv/news/content/ferry.yaml", "content/clean.md", "wire/b,c.yaml"],
            findings: findings, toolVersion: "0.1.0", root: "/srv/news", unreadable: ["wire/b,c.yaml"])
    }()

    static let cases: [(String, String, Bool)] = [
        ("text", "report.txt", false), ("text", "report.color.txt", true), ("json", "report.json", false),
        ("sarif", "report.sarif", false), ("junit", "report.junit.xml", false), ("github", "report.github.txt", false),
        ("checkstyle", "report.checkstyle.xml", false),
    ]

    @Test("Each format renders the fixed findings as its golden file", arguments: cases)
    func golden(_ format: String, _ golden: String, _ color: Bool) throws {
        let output = try #require(ReportRegistry.format(named: format)).render(
            Self.report, options: ReportOptions(color: color))
        let problem = Golden.check(Array(output.utf8), against: Self.goldens.appendingPathComponent(golden))
        #expect(problem == nil, "\(problem ?? "")")
    }

    @Test("Every format has a golden, and the table has each name once")
    func table() {
        #expect(Set(Self.cases.map(\.0)) == Set(ReportRegistry.names))
        #expect(Set(ReportRegistry.names).count == ReportRegistry.names.count)
    }

    @Test("Text: sorted by file, line and column; whole-file findings first; paths relative to the root")
    func textOrder() {
        let lines = TextReport().render(Self.report, options: ReportOptions()).split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("content/ferry.yaml:3:9: warning: byline") == true)
        let whole = lines.firstIndex { $0.hasPrefix("Samples/story one.txt: error: headline is missing") }
        let placed = lines.firstIndex { $0.hasPrefix("Samples/story one.txt:7:14: warning:") }
        #expect(whole != nil && placed != nil && whole! < placed!)
        #expect(lines.last == "wire/b,c.yaml:4:1: error: YAML syntax error: did not find expected key [yaml.syntax]")
    }

    @Test("GitHub annotations escape % CR LF in messages, and : , in properties")
    func githubEscaping() {
        let output = GitHubReport().render(Self.report, options: ReportOptions())
        #expect(
            output.contains(
                "::warning file=content/ferry.yaml,line=3,col=9,title=copydesk byline.malformed::"
                    + "byline 'Ada, Quill: 50%25' has a doubled separator:%0Aremove one%0D\n"))
        #expect(output.contains("::error file=wire/b%2Cc.yaml,line=4,col=1,title=copydesk yaml.syntax::"))
        #expect(output.contains("::notice file=content/ferry.yaml,line=12,col=3,"))
        #expect(output.split(separator: "\n").count == Self.report.findings.count)
    }

    /// Each format rendered into a temporary folder: format name → path.
    func rendered(in folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for format in ReportRegistry.formats {
            let path = folder.appendingPathComponent("report.\(format.name)").path
            try Data(format.render(Self.report, options: ReportOptions()).utf8).write(to: URL(fileURLWithPath: path))
            files[format.name] = path
        }
        return files
    }

    @Test("SARIF and JSON parse as JSON, with one result per finding")
    func parses() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try rendered(in: folder)
        let sarif = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: files["sarif"]!)))
        let run = try #require(((sarif as? [String: Any])?["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == Self.report.findings.count)
        #expect(results.compactMap { $0["ruleId"] as? String }.contains("headline.missing"))
        _ = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: files["json"]!)))
    }

    @Test(
        "The JUnit and Checkstyle reports are well-formed XML (python's parser)",
        .enabled(if: CommandRunner.python != nil, "needs python3 (with jsonschema, as make test installs)"))
    func xml() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try rendered(in: folder)
        let script = "import sys, xml.etree.ElementTree as E\nfor p in sys.argv[1:]: E.parse(p)\nprint('ok')"
        let parsed = try #require(try runPython(["-c", script, files["junit"]!, files["checkstyle"]!]))
        #expect(parsed.status == 0, "\(parsed.output)")
    }

    static let schemaFile = TestPaths.shared?.appendingPathComponent("standards/sarif/sarif-schema-2.1.0.json")

    @Test(
        "SARIF is valid against the SARIF 2.1.0 schema in ../shared",
        .enabled(if: schemaFile != nil, Comment(rawValue: TestPaths.sharedMissing)),
        .enabled(if: CommandRunner.python != nil, "needs python3 with jsonschema (make test installs it)"))
    func sarifSchema() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try rendered(in: folder)
        let script = TestPaths.packageRoot.appendingPathComponent("scripts/check-sarif.py").path
        let checked = try #require(try runPython([script, Self.schemaFile!.path, files["sarif"]!]))
        #expect(checked.status == 0, "\(checked.output)")
        #expect(checked.output.hasSuffix(": ok\n"))
    }
}
