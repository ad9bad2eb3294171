// copydesk — CopydeskKit tests
// A whole validation run: unreadable inputs kept as findings, configuration errors thrown.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

@Suite("Validation session")
struct ValidationSessionTests {
    @Test("Unreadable inputs are reported and kept as error findings; the others are checked")
    func unreadable() throws {
        let root = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("Pier Reopens\n\nBy Jane Doe\nPublished: 2025-03-01\n\nThe pier reopened.\n".utf8).write(
            to: root.appendingPathComponent("good.txt"))
        try Data("headline: [unclosed\n".utf8).write(to: root.appendingPathComponent("bad.yaml"))
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        var session = ValidationSession(profile: nil, now: nil)
        var heard: [String] = []
        let paths = ["good.txt", "bad.yaml", "gone.txt", "empty", "good.txt"].map {
            root.appendingPathComponent($0).path
        }
        let outcome = try session.run(paths) { heard.append($0.description) }
        #expect(outcome.files.count == 3, "good.txt once, bad.yaml, gone.txt")
        #expect(outcome.findings.isEmpty)
        #expect(outcome.unreadable.map(\.id) == ["yaml.syntax", "io.unreadable"])
        #expect(outcome.unreadable.first?.location?.line == 2, "libyaml reports the unclosed list at the end")
        #expect(heard.count == 2)
        #expect(outcome.warnings.count == 1)
        #expect(outcome.warnings.first?.contains("no article files in this folder") == true)
    }

    @Test("--strict raises warnings; a bad project file and an unknown format are thrown")
    func strictAndErrors() throws {
        let root = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let story = root.appendingPathComponent("story.txt")
        try Data("Pier Reopens\n\nPublished: 2025-03-01\n\nThe pier reopened.\n".utf8).write(to: story)
        var session = ValidationSession(profile: nil, now: nil)
        let outcome = try session.run([story.path])
        #expect(outcome.count(.warning) == 1)
        #expect(outcome.raisingWarnings().count(.error) == 1)
        #expect(outcome.raisingWarnings().count(.warning) == 0)

        let notes = root.appendingPathComponent("notes.rtf")
        try Data("x".utf8).write(to: notes)
        #expect(throws: CopydeskError.self) { _ = try session.run([notes.path]) }

        try Data("rules:\n  byline.missing: sometimes\n".utf8).write(to: root.appendingPathComponent(".copydesk.yml"))
        var configured = ValidationSession(profile: nil, now: nil)
        do {
            _ = try configured.run([story.path])
            Issue.record("a bad .copydesk.yml must end the run")
        } catch {
            #expect(error.exitCode == 2)
            #expect(error.description.contains(".copydesk.yml:2:19: error: unknown level 'sometimes'"))
        }
    }
}
