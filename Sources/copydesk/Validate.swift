// copydesk — command-line front end
// `copydesk validate`: check articles and report findings at file:line:col.

import ArgumentParser
import CopydeskKit
import Foundation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check articles: headline, bylines, dates, body.",
        discussion: """
            Reads each FILE and prints one line per finding, as compilers do:
              FILE:LINE:COL: SEVERITY: MESSAGE [RULE-ID]
            A file that cannot be read is reported on standard error and the others are still checked.

            EXIT CODES
              0   no error-severity findings (warnings allowed)
              1   at least one error-severity finding
              2   an input could not be read

            With --schema newsml, each FILE is instead checked against the NewsML-G2 2.35 XML \
            Schema (files from any producer): the schema is --schema-path, else $COPYDESK_NEWSML_XSD, \
            else share/copydesk/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd beside the installed tool.

            EXAMPLES
              copydesk validate Samples/*.txt
              copydesk validate --quiet story.txt && echo publishable
              copydesk validate --schema newsml --schema-path xsd/NewsML-G2_2.35-spec-All-Power.xsd out/*.xml
            """
    )

    @Argument(help: "The articles to check ('-' for standard input).")
    var inputs: [String]

    @OptionGroup var inputOptions: InputOptions

    @Flag(name: .shortAndLong, help: "Print only errors, and no summary.")
    var quiet = false

    @Option(name: .long, help: "Check files against a standard's schema instead of the rules: newsml.")
    var schema: String?

    @Option(name: .long, help: "The schema file for --schema (an .xsd).")
    var schemaPath: String?

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name at least one article to check") }
        if inputs.contains("") { throw ValidationError("an input path is empty") }
        if let schema, schema.lowercased() != "newsml" {
            throw ValidationError("unknown schema '\(schema)'; the one copydesk checks is: newsml")
        }
        if schemaPath != nil, schema == nil { throw ValidationError("--schema-path goes with --schema newsml") }
    }

    func run() throws {
        if schema != nil {
            try runSchemaCheck()
            return
        }
        let readerOptions = try inputOptions.readerOptions()
        let pipeline = Pipeline()
        var errors = 0
        var warnings = 0
        var unreadable = 0
        for input in inputs {
            let findings: [Diagnostic]
            do {
                findings = try check(input, pipeline: pipeline, options: readerOptions)
            } catch {
                printError(error.description)
                if case .usage = error {
                    printError("  see 'copydesk validate --help'")
                    throw ExitCode(64)
                }
                unreadable += 1
                continue
            }
            for finding in findings where !quiet || finding.severity == .error {
                Files.writeStandardOutput(Array((finding.description + "\n").utf8))
                if finding.severity == .error { errors += 1 } else if finding.severity == .warning { warnings += 1 }
            }
        }
        if !quiet {
            printError(
                "checked \(inputs.count) file(s): \(errors) error(s), \(warnings) warning(s)"
                    + (unreadable > 0 ? ", \(unreadable) unreadable" : ""))
        }
        if unreadable > 0 { throw ExitCode(2) }
        if errors > 0 { throw ExitCode(1) }
    }

    /// The reader's warnings and the validator's findings for one input, sorted by position.
    private func check(
        _ input: String, pipeline: Pipeline, options: ReaderOptions
    ) throws(CopydeskError)
        -> [Diagnostic]
    {
        let file = input == "-" ? nil : input
        let bytes = try Files.read(input)
        let format = try FormatChoice.input(named: inputOptions.from, path: input, bytes: bytes)
        let read = try pipeline.read(ReaderInput(bytes: bytes, file: file), format: format, options: options)
        var findings = read.diagnostics.filter { $0.severity >= .warning }
        for (index, article) in read.articles.enumerated() {
            var found = pipeline.validate(article, file: file ?? "<stdin>")
            if read.articles.count > 1 {
                // Several articles in one file: say which one each finding is about.
                for item in found.indices { found[item].message = "article \(index + 1): " + found[item].message }
            }
            findings += found
        }
        return Validator.sorted(findings)
    }

    /// The NewsML-G2 schema: the option, the environment, or beside the installed tool.
    private func locateSchema() -> String? {
        if let schemaPath { return schemaPath }
        if let path = ProcessInfo.processInfo.environment["COPYDESK_NEWSML_XSD"], !path.isEmpty { return path }
        let tool = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let beside = tool.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/copydesk/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd").path
        return FileManager.default.fileExists(atPath: beside) ? beside : nil
    }

    /// `--schema newsml`: every file against the XML Schema.
    private func runSchemaCheck() throws {
        guard let path = locateSchema() else {
            printError(
                "error: no NewsML-G2 schema found; give --schema-path, set COPYDESK_NEWSML_XSD, or install it as "
                    + "share/copydesk/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd beside the tool")
            throw ExitCode(64)
        }
        let validator: XMLSchemaValidator
        do {
            validator = try XMLSchemaValidator(schemaPath: path)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        var invalid = 0
        var unreadable = 0
        for input in inputs {
            do {
                let findings = try validator.validate(try Files.read(input), file: input == "-" ? nil : input)
                for finding in findings {
                    Files.writeStandardOutput(Array((finding.description + "\n").utf8))
                }
                if !findings.isEmpty { invalid += 1 }
            } catch {
                printError(String(describing: error))
                unreadable += 1
            }
        }
        if !quiet {
            printError(
                "checked \(inputs.count) file(s) against \(path): \(inputs.count - invalid - unreadable) valid, "
                    + "\(invalid) invalid" + (unreadable > 0 ? ", \(unreadable) unreadable" : ""))
        }
        if unreadable > 0 { throw ExitCode(2) }
        if invalid > 0 { throw ExitCode(1) }
    }
}
