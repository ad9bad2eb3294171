// copydesk — command tests
// `copydesk validate` as CI runs it: exit codes, report formats, folders, profiles; `rules`; `convert --validate`.

import ArticleTestSupport
import Foundation
import Testing

@Suite("validate, rules and convert --validate commands")
struct ValidateCommandTests {
    static let good = "Pier Reopens\n\nBy Jane Doe\nPublished: 2025-03-01\n\nThe pier reopened.\n"
    /// One warning (the quote has no speaker), no error.
    static let warning =
        "Pier Reopens\n\nBy Jane Doe\nPublished: 2025-03-01\n\nThe pier reopened. There was little fuss. "
        + "“The pier is open again for everyone this spring.” The band played on.\n"
    /// Two errors: no headline, no date.
    static let bad = "The pier reopened on Saturday, and the band played until dark.\n"

    /// A temporary folder with files (relative path → text).
    func folder(_ files: [String: String]) throws -> URL {
        try CommandRunner.temporaryTree(files)
    }

    @Test("Exit codes: 0 clean, 0 with warnings, 1 with errors, 2 unreadable, 64 usage")
    func exitCodes() throws {
        let root = try folder(["good.txt": Self.good, "warn.txt": Self.warning, "bad.txt": Self.bad])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CommandRunner.run(["validate", "good.txt"], in: root).status == 0)
        let warned = try CommandRunner.run(["validate", "warn.txt"], in: root)
        #expect(warned.status == 0)
        #expect(warned.stdout.hasPrefix("warn.txt:6:"), "\(warned.stdout)")
        #expect(warned.stdout.contains("warning: quotation “The pier is open again"))
        #expect(warned.stderr.contains("checked 1 file(s): 0 error(s), 1 warning(s)"))
        #expect(try CommandRunner.run(["validate", "bad.txt", "good.txt"], in: root).status == 1)
        let missing = try CommandRunner.run(["validate", "good.txt", "none.txt"], in: root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.txt: error: no such file"))
        for usage in [
            ["validate", "good.txt", "--format", "html"], ["validate", "good.txt", "--now", "tomorrow"],
            ["validate", "good.txt", "--max-warnings", "-1"], ["validate"], ["validate", "--from", "rtf", "good.txt"],
        ] {
            let result = try CommandRunner.run(usage, in: root)
            #expect(result.status == 64, "\(usage): \(result.stderr)")
        }
    }

    @Test("--strict makes warnings errors; --max-warnings N fails above N; --exit-zero never gates on findings")
    func gating() throws {
        let root = try folder(["warn.txt": Self.warning, "bad.txt": Self.bad])
        defer { try? FileManager.default.removeItem(at: root) }
        let strict = try CommandRunner.run(["validate", "--strict", "warn.txt"], in: root)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains(": error: quotation"))
        #expect(try CommandRunner.run(["validate", "--max-warnings", "0", "warn.txt"], in: root).status == 1)
        #expect(try CommandRunner.run(["validate", "--max-warnings", "1", "warn.txt"], in: root).status == 0)
        let zero = try CommandRunner.run(["validate", "--exit-zero", "bad.txt"], in: root)
        #expect(zero.status == 0)
        #expect(zero.stdout.contains("[headline.missing]"))
        let unreadable = try CommandRunner.run(["validate", "--exit-zero", "bad.txt", "gone.txt"], in: root)
        #expect(unreadable.status == 2, "an unreadable input is not a finding: --exit-zero keeps exit 2")
    }

    @Test("JUnit: errors fail a file's test case; warnings go to system-out without failing; --strict fails them")
    func junitSeverities() throws {
        let root = try folder(["warn.txt": Self.warning, "bad.txt": Self.bad])
        defer { try? FileManager.default.removeItem(at: root) }
        let lenient = try CommandRunner.run(["validate", "--format", "junit", "warn.txt", "bad.txt"], in: root)
        #expect(lenient.status == 1)
        let cases = lenient.stdout.components(separatedBy: "<testcase ").dropFirst()
        let warned = try #require(cases.first { $0.contains("name=\"warn.txt\"") })
        #expect(!warned.contains("<failure"), "a warning does not fail its test case: \(warned)")
        #expect(warned.contains("<system-out>warn.txt:6:"), "\(warned)")
        #expect(warned.contains(": warning: quotation “The pier is open again"))
        let failed = try #require(cases.first { $0.contains("name=\"bad.txt\"") })
        #expect(failed.contains("<failure type=\"headline.missing\""))
        #expect(failed.contains("<system-out>bad.txt: warning: byline is missing"), "\(failed)")
        let suite = "<testsuites name=\"copydesk validate\" tests=\"2\" failures=\"1\" errors=\"0\""
        #expect(lenient.stdout.contains(suite), "\(lenient.stdout)")

        let strict = try CommandRunner.run(["validate", "--format", "junit", "--strict", "warn.txt"], in: root)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("<failure type=\"quote.unattributed\""), "\(strict.stdout)")
        #expect(!strict.stdout.contains("<system-out>"))
        #expect(strict.stdout.contains("tests=\"1\" failures=\"1\" errors=\"0\""))
    }

    @Test("Folders: recursive, by extension, hidden folders skipped, --include and --exclude globs")
    func folders() throws {
        let root = try folder([
            "content/a.txt": Self.good,
            "content/2025/b.md": "---\ntitle: B\nauthor: Jane Doe\ndate: 2025-03-01\n---\n\nText.\n",
            "content/drafts/c.txt": Self.bad, "content/.git/d.txt": Self.bad, "content/notes.rtf": "x",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let all = try CommandRunner.run(["validate", "content"], in: root)
        #expect(all.status == 1)
        #expect(all.stderr.contains("checked 3 file(s)"), "\(all.stderr)")
        #expect(all.stdout.contains("content/drafts/c.txt: error: headline is missing"))
        #expect(!all.stdout.contains(".git"))
        let excluded = try CommandRunner.run(["validate", "content", "--exclude", "drafts"], in: root)
        #expect(excluded.status == 0, "\(excluded.stdout)")
        #expect(excluded.stderr.contains("checked 2 file(s)"))
        let included = try CommandRunner.run(["validate", "content", "--include", "*.md"], in: root)
        #expect(included.stderr.contains("checked 1 file(s)"), "\(included.stderr)")
    }

    @Test("Standard input is <stdin> in findings; --output writes the report and nothing to stdout")
    func stdinAndOutput() throws {
        let root = try folder([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let piped = try CommandRunner.run(["validate", "-"], stdin: Self.bad, in: root)
        #expect(piped.status == 1)
        #expect(piped.stdout.contains("<stdin>: error: headline is missing"))
        let written = try CommandRunner.run(
            ["validate", "-", "--format", "json", "--output", "report.json"], stdin: Self.bad, in: root)
        #expect(written.status == 1)
        #expect(written.stdout.isEmpty)
        let report = try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.appendingPathComponent("report.json")))
        let diagnostics = (report as? [String: Any])?["diagnostics"] as? [[String: Any]]
        #expect(
            diagnostics?.compactMap { $0["rule"] as? String } == [
                "headline.missing", "byline.missing", "date.published-missing",
            ])
        #expect((report as? [String: Any])?["version"] as? Int == 1)
    }

    @Test("Reports on the samples: SARIF with relative paths, JUnit with a testcase per file, no colour in a pipe")
    func samples() throws {
        let root = TestPaths.packageRoot
        let text = try CommandRunner.run(["validate", "Samples"], in: root)
        #expect(text.status == 1)
        #expect(!text.stdout.contains("\u{1B}["), "no colour when standard output is not a terminal")
        #expect(text.stdout.contains("Samples/scraped-page.txt: error: publication date is missing"))
        let sarif = try CommandRunner.run(["validate", "Samples", "--format", "sarif"], in: root)
        #expect(sarif.status == 1)
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        let results = ((log?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(!results.isEmpty)
        for result in results {
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let artifact = location?["artifactLocation"] as? [String: Any]
            #expect((artifact?["uri"] as? String)?.hasPrefix("Samples/") == true)
            #expect(artifact?["uriBaseId"] as? String == "%SRCROOT%")
        }
        let junit = try CommandRunner.run(["validate", "Samples", "--format", "junit"], in: root)
        let samples = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Samples").path)
        #expect(junit.stdout.components(separatedBy: "<testcase ").count - 1 == samples.count)
        let github = try CommandRunner.run(["validate", "Samples", "--format", "github"], in: root)
        #expect(github.stdout.contains("::error file=Samples/scraped-page.txt,title=copydesk date.published-missing::"))
    }

    @Test("--now makes the future-date check reproducible")
    func clock() throws {
        let root = try folder(["a.txt": Self.good.replacingOccurrences(of: "2025-03-01", with: "2025-06-20")])
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try CommandRunner.run(["validate", "a.txt", "--now", "2025-06-01T00:00:00Z"], in: root)
        #expect(before.stdout.contains("a.txt:4:12: warning: publication date '2025-06-20' is in the future"))
        let after = try CommandRunner.run(["validate", "a.txt", "--now", "2025-07-01T00:00:00+02:00"], in: root)
        #expect(!after.stdout.contains("date.future"))
    }

    @Test(".copydesk.yml and --profile choose the rules; a bad one exits 2 at file:line:col")
    func configuration() throws {
        let root = try folder([
            ".copydesk.yml": "rules:\n  quote.unattributed: error\n", "warn.txt": Self.warning,
            "sub/.copydesk.yml": "rules:\n  quote.unattributed: off\n", "sub/warn.txt": Self.warning,
            "broken/.copydesk.yml": "rules:\n  quote.unatributed: error\n", "broken/good.txt": Self.good,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let raised = try CommandRunner.run(["validate", "warn.txt"], in: root)
        #expect(raised.status == 1)
        #expect(raised.stdout.contains(": error: quotation"))
        let silenced = try CommandRunner.run(["validate", "sub/warn.txt"], in: root)
        #expect(silenced.status == 0)
        #expect(silenced.stdout.isEmpty)
        let broken = try CommandRunner.run(["validate", "broken/good.txt"], in: root)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken/.copydesk.yml:2:3: error: unknown rule 'quote.unatributed'"))
        #expect(broken.stderr.contains("did you mean 'quote.unattributed'?"))
        let strict = try CommandRunner.run(["validate", "sub/warn.txt", "--profile", "strict"], in: root)
        #expect(strict.status == 0, "the project file's override still applies: \(strict.stdout)")
        let profileFile = try CommandRunner.run(["validate", "sub/warn.txt", "--profile", "nothing.yml"], in: root)
        #expect(profileFile.status == 2)
        #expect(profileFile.stderr.contains("no profile 'nothing.yml'"))
    }

    @Test("rules lists every rule, explains one, and refuses an unknown id (64)")
    func rules() throws {
        let list = try CommandRunner.run(["rules"])
        #expect(list.status == 0)
        for id in ["headline.missing", "quote.unattributed", "body.boilerplate", "date.future", "byline.organization"] {
            #expect(list.stdout.contains(id))
        }
        let one = try CommandRunner.run(["rules", "date.future"])
        #expect(one.status == 0)
        #expect(one.stdout.contains("tolerance-minutes (default 5)"))
        #expect(one.stdout.contains("Fix:"))
        #expect(try CommandRunner.run(["rules", "date.tomorrow"]).status == 64)
        let strict = try CommandRunner.run(["rules", "--profile", "strict"])
        let level = { (id: String) in
            strict.stdout.split(separator: "\n").first { $0.hasPrefix(id + " ") }?.split(separator: " ").dropFirst()
                .first
        }
        #expect(level("quote.unattributed") == "error")
        #expect(level("byline.organization") == "warning", "off by default, on in strict")
    }

    @Test("docs/RULES.md is what 'copydesk rules --markdown' prints; the README names every rule")
    func rulesDocument() throws {
        let generated = try CommandRunner.run(["rules", "--markdown"])
        let committed = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("docs/RULES.md"), encoding: .utf8)
        #expect(generated.stdout == committed, "regenerate: copydesk rules --markdown > docs/RULES.md")
        let readme = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let list = try CommandRunner.run(["rules"]).stdout.split(separator: "\n").dropFirst()
        for id in list.compactMap({ $0.split(separator: " ").first }) {
            #expect(readme.contains("`\(id)`"), "the README's rule table lacks \(id)")
        }
        #expect(list.count >= 24)
    }

    @Test("convert --validate refuses an article with errors unless --force; a clean one is written")
    func convertValidate() throws {
        let root = try folder(["bad.txt": Self.bad, "good.txt": Self.good])
        defer { try? FileManager.default.removeItem(at: root) }
        let refused = try CommandRunner.run(["convert", "bad.txt", "--validate", "-o", "bad.json"], in: root)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.txt: error: headline is missing"))
        #expect(refused.stderr.contains("not written"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("bad.json").path))
        let forced = try CommandRunner.run(["convert", "bad.txt", "--validate", "--force", "-o", "bad.json"], in: root)
        #expect(forced.status == 0)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("bad.json").path))
        let clean = try CommandRunner.run(["convert", "good.txt", "--validate"], in: root)
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("\"headline\" : \"Pier Reopens\"") || clean.stdout.contains("Pier Reopens"))
        #expect(try CommandRunner.run(["convert", "good.txt", "--force"], in: root).status == 64)
    }
}
