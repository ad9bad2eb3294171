// copydesk — command-line tests
// One style for errors (`error: …`, indented lines after it, exit 64 for usage) and help that says each
// default once, for every subcommand.

import ArticleTestSupport
import Foundation
import Testing

@Suite("Help and error messages")
struct HelpAndErrorTests {
    /// Usage errors from the argument parser and from copydesk's own checks, in every subcommand.
    static let usageErrors: [[String]] = [
        ["frob"], ["--bogus"], ["validate"], ["validate", "a.txt", "--format", "html"],
        ["validate", "a.txt", "--max-depth", "0"], ["validate", "a.txt", "--unknown-option"], ["convert"],
        ["convert", "a.txt", "--jobs", "many"], ["convert", "a.txt", "--to", "rtf"],
        ["convert", "a.txt", "--input-encoding", "latin9"], ["rules", "--bogus"], ["rules", "no.such-rule"],
        ["formats", "extra"],
    ]

    @Test("Usage errors print 'error: …' in lower case, then indented lines, and exit 64", arguments: usageErrors)
    func usageError(_ arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let first = try #require(lines.first)
        #expect(first.hasPrefix("error: "), "\(arguments): \(result.stderr)")
        let message = first.dropFirst("error: ".count)
        let capitalised = message.first?.isUppercase == true && message.dropFirst().first?.isLowercase == true
        #expect(!capitalised, "messages start in lower case: \(first)")
        #expect(!result.stderr.contains("Error:"), "\(arguments): \(result.stderr)")
        for line in lines.dropFirst() {
            #expect(line.hasPrefix("  "), "\(arguments): unindented line after the error: \(line)")
            #expect(!line.hasPrefix("  Usage:") && !line.hasPrefix("  See "), "\(line)")
        }
    }

    @Test("A parser error keeps its usage line and names the subcommand's help")
    func parserErrorDetail() throws {
        let missing = try CommandRunner.run(["validate"])
        #expect(
            missing.stderr == """
                error: missing expected argument '<inputs> ...'
                  help: <inputs>  Article files, folders to search, or '-' for standard input.
                  usage: copydesk validate [<options>] <inputs> ...
                  see 'copydesk validate --help'

                """)
        let unknown = try CommandRunner.run(["frob"])
        #expect(unknown.stderr.hasPrefix("error: unexpected argument 'frob'\n  usage: copydesk <subcommand>\n"))
        #expect(unknown.stderr.hasSuffix("  see 'copydesk --help'\n"))
    }

    @Test("copydesk alone prints the help to standard error and exits 64; help, --version and completions exit 0")
    func helpAndVersion() throws {
        let bare = try CommandRunner.run([])
        #expect(bare.status == 64)
        #expect(bare.stdout.isEmpty)
        #expect(bare.stderr.hasPrefix("OVERVIEW: Convert news articles"))
        #expect(bare.stderr.contains("SUBCOMMANDS:"))
        for arguments in [["--help"], ["help"], ["help", "validate"], ["validate", "--help"], ["convert", "-h"]] {
            let help = try CommandRunner.run(arguments)
            #expect(help.status == 0, "\(arguments)")
            #expect(help.stdout.hasPrefix("OVERVIEW: "), "\(arguments)")
            #expect(help.stderr.isEmpty)
        }
        let version = try CommandRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("copydesk 0."))
        for (shell, start) in [("bash", "#!/bin/bash"), ("zsh", "#compdef copydesk"), ("fish", "function __copydesk_")]
        {
            let script = try CommandRunner.run(["--generate-completion-script", shell])
            #expect(script.status == 0, "\(shell): \(script.stderr)")
            #expect(script.stdout.hasPrefix(start), "\(shell)")
            #expect(script.stdout.contains("validate"), "\(shell)")
        }
    }

    @Test("No option's help states a default that the parser prints again")
    func defaultsOnce() throws {
        let dump = try CommandRunner.run(["--experimental-dump-help"])
        #expect(dump.status == 0)
        let root = try #require(
            (try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])?["command"]
                as? [String: Any])
        var checked = 0
        var commands = [root]
        while let command = commands.popLast() {
            commands += command["subcommands"] as? [[String: Any]] ?? []
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["defaultValue"] != nil {
                checked += 1
                let help = argument["abstract"] as? String ?? ""
                #expect(
                    !help.contains("default"),
                    "\(command["commandName"] ?? "") \(argument["valueName"] ?? ""): '\(help)' and the parser's default"
                )
            }
        }
        #expect(checked >= 4, "the options with defaults: --input-encoding, --format, --ninjs-version, …")
        for subcommand in ["convert", "validate", "rules", "formats"] {
            let help = try CommandRunner.run([subcommand, "--help"])
            let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(
                words.firstMatch(of: /\(default[^)]*\)\.? \(default/) == nil, "\(subcommand) --help repeats a default")
        }
        let validate = try CommandRunner.run(["validate", "--help"]).stdout
        let words = validate.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.components(separatedBy: "(default: text)").count == 2, "--format's default, once")
    }
}
