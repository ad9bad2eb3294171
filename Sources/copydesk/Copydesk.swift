// copydesk — command-line front end
// The root command: subcommands, version, and how errors become exit codes.

import ArgumentParser
import CopydeskKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@main
struct Copydesk: ParsableCommand {
    static let version = CopydeskVersion.current

    static let configuration = CommandConfiguration(
        commandName: "copydesk",
        abstract: "Convert news articles between formats and check them before they are published.",
        discussion: """
            copydesk reads an article (plain text, HTML, canonical JSON, NDJSON, YAML, Markdown, \
            NewsML-G2) into one canonical model and writes it out again (canonical JSON, NDJSON, YAML, \
            Markdown, NewsML-G2, ninjs), one file or whole folders at once; 'copydesk validate' checks \
            headline, bylines, dates, quotes and body, and reports for CI ('copydesk rules' lists the rules).

            EXAMPLES
              copydesk convert story.txt                      # canonical JSON on stdout
              copydesk convert story.txt --to json -o story.json
              cat story.txt | copydesk convert - --from text --compact
              copydesk convert post.yaml --to yaml
              copydesk convert archive/ --to json,newsml --out-dir out/   # a whole folder
              copydesk validate Samples/
              copydesk validate --format sarif -o copydesk.sarif content/
              copydesk rules
              copydesk formats

            EXIT CODES
              0   success
              1   validation found errors (or too many warnings)
              2   an input could not be read, an output not written, or a profile is invalid
              64  usage error (unknown format, bad option)
              130 a batch stopped by Ctrl-C (143: SIGTERM); outputs written are whole
            """,
        version:
            "copydesk \(version) (libxml2 \(SystemLibraries.libxml2Version), libyaml \(SystemLibraries.libyamlVersion), "
            + "zlib \(SystemLibraries.zlibVersion))"
            + (SystemLibraries.libxml2IsThreadSafe
                ? "" : "; libxml2 is not thread-safe here: --jobs runs one input at a time"),
        subcommands: [Convert.self, Validate.self, Rules.self, Formats.self, Debug.self]
    )

    /// `copydesk` alone is a usage error: it prints the help to standard error and exits 64.
    func run() throws {
        printError(Self.helpMessage())
        throw ExitCode(64)
    }

    /// Parses the command line and runs the command, as ArgumentParser's own `main` does, but prints
    /// the parser's errors in copydesk's style (`error: …` with indented lines after it) like every
    /// other message; help, `--version` and completion scripts go to standard output with exit 0.
    static func main() {
        HeapPolicy.apply()
        do {
            // The common `convert` lines skip the parser's start-up cost (QuickCommandLine).
            if let request = QuickCommandLine.convert(Array(CommandLine.arguments.dropFirst())) {
                try request.run()
                return
            }
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if code == .success {
                if !text.isEmpty { print(text) }
            } else if !text.isEmpty {
                printError(styled(text))
            }
            Files.endProcess(code.rawValue)
        }
    }

    /// The argument parser's error text in copydesk's style: `Error: Missing …` becomes
    /// `error: missing …`, and the `Help:`, `Usage:` and `See '…' for more information.` lines that
    /// follow become indented `help:`, `usage:` and `see '…'` lines. Other text is left as it is.
    static func styled(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("Error: ") { return "error: " + lowercasingFirstWord(line.dropFirst(7)) }
            if line.hasPrefix("Help:  ") { return "  help: " + line.dropFirst(7) }
            if line.hasPrefix("Usage: ") { return "  usage: " + line.dropFirst(7) }
            let seeMore = " for more information."
            if line.hasPrefix("  See '"), line.hasSuffix(seeMore) {
                return "  see " + line.dropFirst(6).dropLast(seeMore.count)
            }
            return String(line)
        }.joined(separator: "\n")
    }

    /// `Missing expected argument` → `missing expected argument`; `NDJSON …` stays as it is.
    private static func lowercasingFirstWord(_ text: Substring) -> String {
        let characters = Array(text.prefix(2))
        guard characters.count == 2, characters[0].isUppercase, characters[1].isLowercase else { return String(text) }
        return characters[0].lowercased() + text.dropFirst()
    }
}

// MARK: - Shared options and helpers

/// Options every reading command takes.
struct InputOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The input format (default: from the content, then the file extension; see 'copydesk formats').")
    var from: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How to decode the input: utf8 (invalid bytes are an error; an HTML page is decoded as it declares, "
                + "or, declaring nothing and not being UTF-8, as Windows-1252, with a note shown by -v) or "
                + "windows-1252."))
    var inputEncoding: InputEncoding = .utf8

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Refuse an input larger than this: bytes, or with K, M or G (default: 64M).", valueName: "size"))
    var maxInputSize: String?

    @Option(
        name: .long,
        help: "Refuse JSON, YAML, XML or Markdown nested deeper than this many levels (default: 512).")
    var maxDepth: Int?

    @Option(
        name: .long,
        help: "Refuse a YAML document that expands to more nodes than this, aliases included (default: 1000000).")
    var maxYamlNodes: Int?

    @Option(
        name: .customLong("max-analysed-text"),
        help: "Look for quotations and dates in at most this many characters of an article (default: 1000000).")
    var maxAnalysedCharacters: Int?

    /// The options as plain values.
    var settings: InputSettings {
        InputSettings(
            from: from, inputEncoding: inputEncoding, maxInputSize: maxInputSize, maxDepth: maxDepth,
            maxYamlNodes: maxYamlNodes, maxAnalysedCharacters: maxAnalysedCharacters)
    }

    func validate() throws { _ = try settings.limits() }

    func limits() throws -> ReaderLimits { try settings.limits() }

    func readerOptions() throws -> ReaderOptions { try settings.readerOptions() }
}

/// The input options' values.
struct InputSettings: Equatable {
    var from: String? = nil
    var inputEncoding: InputEncoding = .utf8
    var maxInputSize: String? = nil
    var maxDepth: Int? = nil
    var maxYamlNodes: Int? = nil
    var maxAnalysedCharacters: Int? = nil

    /// The limits the options ask for, on top of the defaults.
    func limits() throws -> ReaderLimits {
        var limits = ReaderLimits.default
        if let maxInputSize {
            guard let bytes = Limits.parseSize(maxInputSize) else {
                throw ValidationError(
                    "--max-input-size takes a size such as 64M, 512K or 1000000, not '\(maxInputSize)'")
            }
            limits.maxInputBytes = bytes
        }
        let counts: [(String, Int?, WritableKeyPath<ReaderLimits, Int>)] = [
            ("--max-depth", maxDepth, \.maxDepth), ("--max-yaml-nodes", maxYamlNodes, \.maxYAMLNodes),
            ("--max-analysed-text", maxAnalysedCharacters, \.maxAnalysedCharacters),
        ]
        for (option, value, path) in counts {
            guard let value else { continue }
            guard value > 0 else { throw ValidationError("\(option) must be a positive number, not \(value)") }
            limits[keyPath: path] = value
        }
        return limits
    }

    func readerOptions() throws -> ReaderOptions {
        ReaderOptions(encoding: inputEncoding, limits: try limits())
    }
}

/// Runs a command body, printing copydesk errors and exiting with their documented codes.
func exitingOnError<T>(_ command: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as CopydeskError {
        printError(error.description)
        if case .usage = error { printError("  see 'copydesk \(command) --help'") }
        throw ExitCode(error.exitCode)
    }
}
