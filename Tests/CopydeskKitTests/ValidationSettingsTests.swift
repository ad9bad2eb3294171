// copydesk — CopydeskKit tests
// Profiles, .copydesk.yml, suppression comments and exact positions.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

@Suite("Profiles and project files")
struct ValidationSettingsTests {
    let profiles = TestPaths.packageRoot.appendingPathComponent("Schemas/profiles")

    /// A temporary folder with files (relative path → text).
    func folder(_ files: [String: String]) throws -> URL {
        try CommandRunner.temporaryTree(files)
    }

    @Test("The built-in profiles (default generated from the rules) are the files in Schemas/profiles, byte for byte")
    func embedded() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: profiles.path).filter { $0.hasSuffix(".yml") }
        #expect(Set(names.map { String($0.dropLast(4)) }) == Set(BuiltinProfiles.all.map(\.name)))
        for (name, text) in BuiltinProfiles.all {
            let file = profiles.appendingPathComponent("\(name).yml")
            if let difference = Golden.check(Array(text.utf8), against: file) {
                Issue.record(Comment(rawValue: difference))
            }
        }
    }

    @Test("default.yml names every rule at its default level with its default settings")
    func defaultProfile() throws {
        let root = try folder(["a.txt": "x"])
        defer { try? FileManager.default.removeItem(at: root) }
        var resolver = ConfigurationResolver(profile: profiles.appendingPathComponent("default.yml").path, now: nil)
        let configuration = try resolver.configuration(forInput: root.appendingPathComponent("a.txt").path)
        for rule in RuleRegistry.rules {
            #expect(configuration.levels[rule.id] == rule.defaultLevel, "\(rule.id)")
            for setting in rule.settings {
                #expect(configuration.settings[rule.id]?[setting.name] == setting.defaultValue, "\(rule.id)")
            }
        }
        #expect(configuration.levels.count == RuleRegistry.rules.count)
    }

    @Test("strict raises warnings; newsml-syndication requires a creator, a zoned date and a language")
    func builtins() throws {
        let root = try folder(["a.txt": "x"])
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("a.txt").path
        var strict = ConfigurationResolver(profile: "strict", now: nil)
        let levels = try strict.configuration(forInput: input).levels
        #expect(levels["quote.unattributed"] == .error)
        #expect(levels["byline.organization"] == .warning)
        #expect(levels["headline.missing"] == .error, "inherited from default")
        #expect(try strict.configuration(forInput: input).settings["headline.too-long"]?["max-length"] == .int(90))
        var syndication = ConfigurationResolver(profile: "newsml-syndication", now: nil)
        let required = try syndication.configuration(forInput: input).levels
        for id in ["byline.missing", "date.no-timezone", "date.no-time", "language.missing", "headline.missing"] {
            #expect(required[id] == .error, "\(id)")
        }
    }

    @Test(".copydesk.yml is found walking up from the input; it picks a profile and overrides rules")
    func projectFile() throws {
        let root = try folder([
            ".copydesk.yml":
                "profile: strict\nrules:\n  byline.missing: off\n  headline.too-long:\n    max-length: 40\n",
            "desk/2025/story.txt": "x",
            "other/.copydesk.yml": "rules:\n  quote.unattributed: error\n",
            "other/story.txt": "x",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        var resolver = ConfigurationResolver(profile: nil, now: nil)
        let deep = try resolver.configuration(forInput: root.appendingPathComponent("desk/2025/story.txt").path)
        #expect(deep.levels["byline.missing"] == .off)
        #expect(deep.levels["quote.unpalanced"] == nil)
        #expect(deep.levels["quote.unbalanced"] == .error, "from strict")
        #expect(deep.settings["headline.too-long"]?["max-length"] == .int(40))
        let other = try resolver.configuration(forInput: root.appendingPathComponent("other/story.txt").path)
        #expect(other.levels["quote.unattributed"] == .error)
        #expect(other.levels["quote.unbalanced"] == .warning, "the nearest file wins; it has no profile: default")
        var chosen = ConfigurationResolver(profile: "default", now: nil)
        let overridden = try chosen.configuration(forInput: root.appendingPathComponent("desk/2025/story.txt").path)
        #expect(overridden.levels["quote.unbalanced"] == .warning, "--profile replaces the project's profile")
        #expect(overridden.levels["byline.missing"] == .off, "the project's rules still apply")
    }

    @Test(
        "A bad profile is an error at its file:line:col",
        arguments: [
            ("rules:\n  headline.mising: off\n", ":2:3: error: unknown rule 'headline.mising'", "headline.missing"),
            ("rules:\n  headline.missing: loud\n", ":2:21: error: unknown level 'loud'", "off, note, warning, error"),
            ("rules:\n  headline.too-long:\n    width: 3\n", ":3:5: error: rule headline.too-long has no setting", ""),
            ("rules:\n  headline.too-long:\n    max-length: many\n", ":3:17: error: setting", "a whole number"),
            ("profile: loose\n", ":1:10: error: no profile 'loose'", "strict"),
            ("rules: [a, b]\n", ":1:8: error: 'rules' is a mapping", ""),
            ("colour: red\n", ":1:1: error: unknown key 'colour'", ""),
            ("rules:\n  a: [\n", ": error: YAML syntax error", ""),
        ])
    func badProfile(_ text: String, _ message: String, _ more: String) throws {
        let root = try folder([".copydesk.yml": text, "a.txt": "x"])
        defer { try? FileManager.default.removeItem(at: root) }
        var resolver = ConfigurationResolver(profile: nil, now: nil)
        do {
            _ = try resolver.configuration(forInput: root.appendingPathComponent("a.txt").path)
            Issue.record("no error for \(text)")
        } catch {
            let printed = error.description
            #expect(error.exitCode == 2)
            let prefix = root.appendingPathComponent(".copydesk.yml").path
            if message.hasPrefix(": error: YAML") {
                #expect(printed.hasPrefix(prefix + ":") && printed.contains(message.dropFirst(2)), "\(printed)")
            } else {
                #expect(printed.hasPrefix(prefix + message), "\(printed)")
            }
            #expect(more.isEmpty || printed.contains(more), "\(printed)")
        }
    }

    @Test("--profile naming nothing is an error that lists the built-in profiles")
    func missingProfile() throws {
        var resolver = ConfigurationResolver(profile: "no-such-profile.yml", now: nil)
        #expect(throws: CopydeskError.self) { try resolver.configuration(forInput: "-") }
    }
}

@Suite("Suppression comments and exact positions")
struct SuppressionTests {
    @Test("disable-file, disable-next-line and disable-line, with and without rule ids")
    func scanning() {
        let text = """
            <!-- copydesk-disable-file byline.missing, date.future -->
            <!-- copydesk-disable-next-line quote.unattributed -->
            “A quote.”
            Text <!-- copydesk-disable-line -->
            # copydesk-disabled-thing is not a directive
            """
        let suppressions = Suppressions(scanning: text)
        #expect(suppressions.file == ["byline.missing", "date.future"])
        #expect(suppressions.lines == [3: ["quote.unattributed"], 4: ["*"]])
        let at = { (id: String, line: Int?) in
            Diagnostic(
                id: id, severity: .warning, message: "m",
                location: line.map { SourceLocation(file: "a.md", line: $0, column: 1) }, file: "a.md")
        }
        #expect(suppressions.suppresses(at("byline.missing", nil)))
        #expect(suppressions.suppresses(at("quote.unattributed", 3)))
        #expect(!suppressions.suppresses(at("quote.unattributed", 4 - 2)))
        #expect(suppressions.suppresses(at("headline.all-caps", 4)))
        #expect(!suppressions.suppresses(at("headline.all-caps", 5)))
    }

    @Test("In Markdown and YAML the comments silence findings; in plain text they are only text")
    func endToEnd() throws {
        let markdown = """
            ---
            title: Harbour gates close
            date: 2025-03-03
            # copydesk-disable-file byline.missing
            ---

            The gates closed on Tuesday. There was little ceremony.
            <!-- copydesk-disable-next-line quote.unattributed -->
            “The gates will stay shut until the spring tide has passed.” Fishermen were not surprised.

            Then the crowd went home. “We will open the gates again when the tide has turned.” The lights went out.
            """
        let bytes = Array(markdown.utf8)
        let format = FormatRegistry.format(named: "markdown")!
        let read = try Pipeline().read(ReaderInput(bytes: bytes, file: "a.md"), format: format)
        let found = ArticleChecker().findings(
            for: read, bytes: bytes, file: "a.md", format: format, options: .default,
            configuration: ValidationConfiguration())
        #expect(found.map(\.id) == ["quote.unattributed"], "\(found.map(\.description))")
        #expect(found.first?.location?.line == 11)
        #expect(!read.articles[0].body.map(\.plainText).joined().contains("copydesk-disable"))

        let text = Array("Gates close\n\ncopydesk-disable-file byline.missing\n\nThe gates closed.\n".utf8)
        let textFormat = FormatRegistry.format(named: "text")!
        let plain = try Pipeline().read(ReaderInput(bytes: text, file: "a.txt"), format: textFormat)
        let plainFindings = ArticleChecker().findings(
            for: plain, bytes: text, file: "a.txt", format: textFormat, options: .default,
            configuration: ValidationConfiguration())
        #expect(plainFindings.contains { $0.id == "byline.missing" })
    }

    @Test("An excerpt is found across wrapped lines; one that is not found keeps the block's position")
    func positions() {
        let positions = SourcePositions(text: "Headline\n\nThe gates closed. “We waited\n   a long time,” she said.\n")
        var finding = Diagnostic(
            id: "quote.x", severity: .warning, message: "m", location: SourceLocation(file: "a", line: 3, column: 1))
        finding.excerpt = "We waited a long time"
        #expect(positions.refine(finding).location == SourceLocation(file: "a", line: 3, column: 20))
        finding.excerpt = "words that are not there"
        #expect(positions.refine(finding).location == SourceLocation(file: "a", line: 3, column: 1))
        let far = SourcePositions(text: "Start\n" + String(repeating: "filler\n", count: 300) + "We waited\n")
        var distant = Diagnostic(
            id: "quote.x", severity: .warning, message: "m", location: SourceLocation(file: "a", line: 1, column: 1))
        distant.excerpt = "We waited"
        #expect(far.refine(distant).location?.line == 1, "text far past the block is another block's")
        var headline = Diagnostic(id: "headline.x", severity: .warning, message: "m", file: "a")
        headline.excerpt = "Headline"
        #expect(positions.refine(headline).location == SourceLocation(file: "a", line: 1, column: 1))
    }
}
