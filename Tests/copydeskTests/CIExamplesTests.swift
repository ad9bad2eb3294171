// copydesk — command tests
// The CI examples in docs/ci run as far as this machine allows: their copydesk commands, the
// Makefile include, and the pre-commit hook in a scratch git repository.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

@Suite("CI examples", .serialized)
struct CIExamplesTests {
    static let docs = TestPaths.packageRoot.appendingPathComponent("docs/ci")
    static let good = "Pier Reopens\n\nBy Jane Doe\nPublished: 2025-03-01\n\nThe pier reopened.\n"
    static let bad = "The pier reopened on Saturday, and the band played until dark.\n"

    func shell(_ command: String, in folder: URL, environment: [String: String] = [:]) throws -> CommandResult {
        try CommandRunner.shell(command, in: folder, environment: environment)
    }

    /// A scratch project: content/good.txt and content/desk/bad.txt.
    func project() throws -> URL {
        let root = try CommandRunner.temporaryFolder()
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("content/desk"), withIntermediateDirectories: true)
        try Data(Self.good.utf8).write(to: root.appendingPathComponent("content/good.txt"))
        try Data(Self.bad.utf8).write(to: root.appendingPathComponent("content/desk/bad.txt"))
        return root
    }

    /// Every scalar under `key` anywhere in the YAML document.
    func scalars(named key: String, in value: YAMLValue) -> [String] {
        switch value.kind {
        case .scalar: return []
        case .sequence(let items): return items.flatMap { scalars(named: key, in: $0) }
        case .mapping(let pairs):
            return pairs.flatMap { pair -> [String] in
                if pair.key.scalar == key {
                    if let text = pair.value.scalar { return [text] }
                    if case .sequence(let items) = pair.value.kind { return items.compactMap(\.scalar) }
                }
                return scalars(named: key, in: pair.value)
            }
        }
    }

    @Test("GitHub Actions: the workflow parses; its copydesk steps annotate, gate and write valid SARIF")
    func githubActions() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let bytes = try [UInt8](Data(contentsOf: Self.docs.appendingPathComponent("github-actions.yml")))
        let workflow = try #require(try YAMLValue.documents(bytes, file: "github-actions.yml").first)
        let commands = scalars(named: "run", in: workflow).filter { $0.hasPrefix("copydesk ") }
        #expect(commands.count == 2)
        let annotate = try shell(commands[0], in: root)
        #expect(annotate.status == 0, "--exit-zero: annotations never fail the step")
        #expect(annotate.stdout.contains("::error file=content/desk/bad.txt,title=copydesk headline.missing::"))
        let gate = try shell(commands[1], in: root)
        #expect(gate.status == 1, "the error fails the job")
        let sarif = root.appendingPathComponent("copydesk.sarif")
        let log = try JSONSerialization.jsonObject(with: Data(contentsOf: sarif)) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
        let upload = try #require(scalars(named: "uses", in: workflow).first { $0.contains("upload-sarif") })
        #expect(upload.hasPrefix("github/codeql-action/upload-sarif@"))
    }

    @Test(
        "GitHub Actions: the SARIF the workflow writes is valid against the schema in ../shared",
        .enabled(if: TestPaths.shared != nil, Comment(rawValue: TestPaths.sharedMissing)),
        .enabled(if: CommandRunner.python != nil, "needs python3 with jsonschema (make test installs it)"))
    func githubSARIFSchema() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let bytes = try [UInt8](Data(contentsOf: Self.docs.appendingPathComponent("github-actions.yml")))
        let workflow = try #require(try YAMLValue.documents(bytes, file: "github-actions.yml").first)
        let command = try #require(scalars(named: "run", in: workflow).first { $0.contains("--format sarif") })
        #expect(try shell(command, in: root).status == 1)
        let python = try #require(CommandRunner.python).path
        let script = TestPaths.packageRoot.appendingPathComponent("scripts/check-sarif.py").path
        let schema = try #require(TestPaths.shared).appendingPathComponent("standards/sarif/sarif-schema-2.1.0.json")
        let checked = try shell("'\(python)' '\(script)' '\(schema.path)' copydesk.sarif", in: root)
        #expect(checked.status == 0, "\(checked.stdout)")
    }

    @Test("GitLab CI: the job parses; its script writes a JUnit report with a testcase per file")
    func gitlab() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let bytes = try [UInt8](Data(contentsOf: Self.docs.appendingPathComponent("gitlab-ci.yml")))
        let job = try #require(try YAMLValue.documents(bytes, file: "gitlab-ci.yml").first)
        let commands = scalars(named: "script", in: job).filter { $0.hasPrefix("copydesk ") }
        #expect(commands.count == 1)
        let result = try shell(commands[0], in: root)
        #expect(result.status == 1)
        let junit = try String(contentsOf: root.appendingPathComponent("copydesk-junit.xml"), encoding: .utf8)
        #expect(junit.contains("<testcase classname=\"copydesk.validate\" name=\"content/good.txt\""))
        #expect(junit.contains("<failure type=\"headline.missing\""))
        #expect(scalars(named: "junit", in: job) == ["copydesk-junit.xml"])
    }

    @Test("The Makefile include: check-articles fails on errors; check-articles-report writes both reports")
    func makefile() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/make") else {
            print("make is not installed: skipping the Makefile example")
            return
        }
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let include = Self.docs.appendingPathComponent("copydesk.mk").path
        let check = try shell("make -s -f '\(include)' check-articles", in: root)
        #expect(check.status != 0)
        #expect(check.stdout.contains("content/desk/bad.txt: error: headline is missing"))
        let reports = try shell("make -s -f '\(include)' check-articles-report", in: root)
        #expect(reports.status != 0, "the SARIF run gates")
        for file in ["reports/copydesk-junit.xml", "reports/copydesk.sarif"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path), "\(file)")
        }
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/desk/bad.txt"))
        #expect(try shell("make -s -f '\(include)' check-articles", in: root).status == 0)
    }

    @Test("The pre-commit hook checks the staged version of staged articles, and only those")
    func preCommit() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else {
            print("git is not installed: skipping the pre-commit hook example")
            return
        }
        let root = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let git = "git -c user.name=Test -c user.email=test@example.org -c commit.gpgsign=false"
        #expect(try shell("git init -q . && mkdir -p content .git/hooks", in: root).status == 0)
        let hook = TestPaths.packageRoot.appendingPathComponent("scripts/pre-commit-hook.sh").path
        #expect(try shell("cp '\(hook)' .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit", in: root).status == 0)
        let environment = ["COPYDESK": CommandRunner.executable.path]

        try Data(Self.good.utf8).write(to: root.appendingPathComponent("content/good.txt"))
        try Data("{\"not\": \"an article\"}".utf8).write(to: root.appendingPathComponent("package.json"))
        let clean = try shell("\(git) add -A && \(git) commit -q -m good", in: root, environment: environment)
        #expect(clean.status == 0, "\(clean.stderr)")

        try Data(Self.bad.utf8).write(to: root.appendingPathComponent("content/bad story.txt"))
        let refused = try shell("\(git) add -A && \(git) commit -q -m bad", in: root, environment: environment)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("content/bad story.txt: error: headline is missing"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--no-verify"))

        // Fixed in the working tree but not staged: the staged version is still checked.
        try Data(Self.good.utf8).write(to: root.appendingPathComponent("content/bad story.txt"))
        #expect(try shell("\(git) commit -q -m bad", in: root, environment: environment).status != 0)
        let staged = try shell("\(git) add -A && \(git) commit -q -m fixed", in: root, environment: environment)
        #expect(staged.status == 0, "\(staged.stdout)\(staged.stderr)")

        // A project file in the repository applies to the staged files.
        try Data("rules:\n  headline.missing: off\n  date.published-missing: off\n".utf8).write(
            to: root.appendingPathComponent(".copydesk.yml"))
        try Data(Self.bad.utf8).write(to: root.appendingPathComponent("content/brief.txt"))
        let configured = try shell("\(git) add -A && \(git) commit -q -m brief", in: root, environment: environment)
        #expect(configured.status == 0, "\(configured.stdout)\(configured.stderr)")
    }
}
