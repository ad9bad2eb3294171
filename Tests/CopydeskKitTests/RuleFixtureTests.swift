// copydesk — CopydeskKit tests
// Every rule against fixtures in several formats, with the expected positions marked inline (‸).

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

/// Reads a fixture, takes out its `‸` markers (each marks where a finding must point), and runs
/// the whole read → analyse → validate path on what is left, every rule on, the clock fixed.
struct RuleFixture {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/CopydeskKitTests/Fixtures/rules")
    static let marker: Unicode.Scalar = "‸"
    /// Every rule on (rules off by default at their severity), and a fixed clock.
    static let configuration = ValidationConfiguration(
        levels: Dictionary(
            uniqueKeysWithValues: RuleRegistry.rules.map { ($0.id, RuleLevel($0.defaultSeverity)) }),
        now: DateParser.parse("2025-06-12T09:00:00Z"))

    var name: String
    var marks: [ArticleModel.SourceLocation] = []
    var bytes: [UInt8] = []

    init(_ name: String) throws {
        self.name = name
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        var clean = String.UnicodeScalarView()
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == Self.marker {
                marks.append(ArticleModel.SourceLocation(file: name, line: line, column: column))
                continue
            }
            clean.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        bytes = Array(String(clean).utf8)
    }

    /// The findings for the fixture.
    func findings(configuration: ValidationConfiguration = Self.configuration) throws -> [Diagnostic] {
        let (format, read) = try Pipeline().read(ReaderInput(bytes: bytes, file: name), from: nil)
        return ArticleChecker().findings(
            for: read, bytes: bytes, file: name, format: format, options: .default, configuration: configuration)
    }
}

@Suite("Rules on fixtures")
struct RuleFixtureTests {
    /// Fixture → the rule it triggers. The markers say where; no marker means a whole-file finding.
    static let cases: [(String, String)] = [
        ("headline.missing.yaml", "headline.missing"),
        ("headline.too-long.md", "headline.too-long"),
        ("headline.all-caps.yaml", "headline.all-caps"),
        ("headline.all-caps.xml", "headline.all-caps"),
        ("byline.missing.txt", "byline.missing"),
        ("byline.malformed.txt", "byline.malformed"),
        ("byline.malformed-email.yaml", "byline.malformed"),
        ("byline.kind.txt", "byline.kind"),
        ("byline.organization.txt", "byline.organization"),
        ("date.published-missing.txt", "date.published-missing"),
        ("date.unparseable.txt", "date.unparseable"),
        ("date.invalid.yaml", "date.invalid"),
        ("date.future.txt", "date.future"),
        ("date.modified-before-published.yaml", "date.modified-before-published"),
        ("date.no-timezone.json", "date.no-timezone"),
        ("date.no-time.txt", "date.no-time"),
        ("date.dateline-mismatch.txt", "date.dateline-mismatch"),
        ("date.mention-after-published.txt", "date.mention-after-published"),
        ("quote.unattributed.txt", "quote.unattributed"),
        ("quote.unattributed.xml", "quote.unattributed"),
        // The HTML fixture has a second unattributed quote under a copydesk-disable-next-line comment.
        ("quote.unattributed.html", "quote.unattributed"),
        ("quote.unbalanced.txt", "quote.unbalanced"),
        ("quote.pronoun-speaker.txt", "quote.pronoun-speaker"),
        ("quote.pull-unmatched.yaml", "quote.pull-unmatched"),
        ("body.empty.yaml", "body.empty"),
        ("body.duplicate-paragraph.txt", "body.duplicate-paragraph"),
        ("body.boilerplate.md", "body.boilerplate"),
        ("language.missing.txt", "language.missing"),
    ]

    @Test("Each rule reports its fixture at the marked line and column", arguments: cases)
    func triggers(_ name: String, _ rule: String) throws {
        let fixture = try RuleFixture(name)
        let found = try fixture.findings().filter { $0.id == rule }
        if fixture.marks.isEmpty {
            #expect(found.count == 1, "\(name): \(found.map(\.description))")
            #expect(found.first?.location == nil, "a whole-file finding has no line")
        } else {
            #expect(found.map(\.location) == fixture.marks, "\(name): \(found.map(\.description))")
        }
        #expect(found.allSatisfy { $0.file == name })
        #expect(found.allSatisfy { $0.message.contains(":") }, "the message says what to do after a colon")
    }

    @Test("Every registered rule has a triggering fixture")
    func everyRuleCovered() {
        let covered = Set(Self.cases.map(\.1))
        #expect(covered == Set(RuleRegistry.rules.map(\.id)))
    }

    @Test("Clean articles trigger nothing (this plain text has no language tag and no time)")
    func clean() throws {
        #expect(try RuleFixture("clean.txt").findings().map(\.id) == ["language.missing", "date.no-time"])
        #expect(try RuleFixture("clean.md").findings().map(\.description) == [])
    }

    @Test("A trigger fixture triggers only what it is about, among the rules on by default")
    func focused() throws {
        var defaults = RuleFixture.configuration
        defaults.levels = [:]
        for (name, rule) in Self.cases {
            let ids = Set(try RuleFixture(name).findings(configuration: defaults).map(\.id))
            #expect(ids.isSubset(of: [rule]), "\(name) also triggers \(ids.subtracting([rule]).sorted())")
        }
    }
}
