// copydesk — command-line front end
// `copydesk validate`: check articles and report findings at file:line:col in the format CI wants.

import ArgumentParser
import CopydeskKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check articles: headline, bylines, dates, quotes, body.",
        discussion: """
            Reads each FILE, each article file in each FOLDER (recursively, by the extensions of the \
            readable formats; hidden files and folders skipped), or standard input for '-', runs the \
            rules over each article and reports every finding, as compilers do:
              FILE:LINE:COL: SEVERITY: MESSAGE [RULE-ID]
            A file that cannot be read is reported on standard error and the others are still checked.

            Which rules run at which severity comes from a profile: --profile (a file, or one of the \
            built-in default, strict, newsml-syndication), else 'profile:' in the nearest \
            .copydesk.yml found walking up from each input, else default; the .copydesk.yml's 'rules:' \
            then override single rules ('quote.unattributed: error', 'byline.missing: off'). \
            'copydesk rules' lists the rules; docs/RULES.md has the file format and inline suppression.

            EXIT CODES
              0   no error-severity findings (warnings allowed), or --exit-zero
              1   at least one error (after --strict), or more warnings than --max-warnings
              2   an input could not be read, or a profile or .copydesk.yml is invalid
              64  usage error

            With --schema newsml (or nitf), each FILE is instead checked against that standard's XML \
            Schema (files from any producer): the schema is --schema-path, else the format's variable \
            ($COPYDESK_NEWSML_XSD, $COPYDESK_NITF_XSD), else share/copydesk/FOLDER/ beside the installed \
            tool ('copydesk formats NAME' names the file and where to get it).

            EXAMPLES
              copydesk validate Samples/
              copydesk validate --format sarif --output copydesk.sarif content/
              copydesk validate --format junit -o report.xml --exclude 'drafts/*' content/
              copydesk validate --profile strict --now 2025-06-12T09:00:00Z story.txt
              copydesk validate --quiet story.txt && echo publishable
              copydesk validate --schema newsml --schema-path xsd/NewsML-G2_2.35-spec-All-Power.xsd out/*.xml
              copydesk validate --schema nitf --schema-path xsd/nitf-3-6.xsd out/*.nitf.xml
            """
    )

    @Argument(help: "Article files, folders to search, or '-' for standard input.")
    var inputs: [String]

    @OptionGroup var inputOptions: InputOptions

    @Option(
        name: .long,
        help: "The report format: \(ReportRegistry.names.joined(separator: ", ")).")
    var format: String = "text"

    @Option(name: [.short, .long], help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .long, help: "The profile: default, strict, newsml-syndication, or a profile file.")
    var profile: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: "Fail (exit 1) when there are more than N warnings.")
    var maxWarnings: Int?

    @Flag(name: .long, help: "Exit 0 even when there are errors (report without gating).")
    var exitZero = false

    @Option(name: .long, help: "The time to check dates against, in ISO 8601 with a zone (default: the clock).")
    var now: String?

    @Option(name: .long, help: "In folders, only files matching this glob (repeatable).")
    var include: [String] = []

    @Option(name: .long, help: "In folders, leave out files and folders matching this glob (repeatable).")
    var exclude: [String] = []

    @Flag(name: .shortAndLong, help: "Print only errors, and no summary.")
    var quiet = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Check files against a standard's schema instead of the rules: "
                + FormatRegistry.formats.filter { $0.schema != nil }.map(\.name).joined(separator: ", ") + "."))
    var schema: String?

    @Option(name: .long, help: "The schema file for --schema (an .xsd).")
    var schemaPath: String?

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name at least one article, folder, or '-' to check") }
        if inputs.contains("") { throw ValidationError("an input path is empty") }
        if let schema, FormatRegistry.format(named: schema)?.schema == nil {
            let known = FormatRegistry.formats.filter { $0.schema != nil }.map(\.name)
            throw ValidationError(
                "unknown schema '\(schema)'; copydesk checks the schema of: \(known.joined(separator: ", "))")
        }
        if schemaPath != nil, schema == nil { throw ValidationError("--schema-path goes with --schema FORMAT") }
        if ReportRegistry.format(named: format) == nil {
            throw ValidationError(
                "unknown report format '\(format)'; use one of: \(ReportRegistry.names.joined(separator: ", "))")
        }
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings is a number, 0 or more") }
        if let now, Self.clock(now) == nil {
            throw ValidationError(
                "--now '\(now)' is not a time with a zone; write it in ISO 8601, e.g. 2025-06-12T09:00:00Z")
        }
        if output == "" { throw ValidationError("the output path is empty") }
    }

    /// `--now` as a UTC instant: an ISO 8601 time with a zone.
    static func clock(_ text: String) -> DateTimeValue? {
        guard let value = DateParser.parse(text), value.precision == .instant, value.hasTimeZone,
            let span = value.utcSpan
        else { return nil }
        return DateTimeValue.utc(secondsSince1970: span.lowerBound)
    }

    func run() throws {
        if schema != nil {
            try runSchemaCheck()
            return
        }
        let clock = now.flatMap(Self.clock) ?? DateTimeValue.utc(secondsSince1970: Int(Date().timeIntervalSince1970))
        var session = ValidationSession(
            profile: profile, now: clock, from: inputOptions.from, readerOptions: try inputOptions.readerOptions(),
            include: include, exclude: exclude)
        var outcome = try exitingOnError("validate") {
            try session.run(inputs) { error in printError(error.description) }
        }
        for warning in outcome.warnings { printError(warning) }
        if strict { outcome = outcome.raisingWarnings() }

        var shown = outcome.findings
        if quiet { shown = shown.filter { $0.severity == .error } }
        let reportFormat = ReportRegistry.format(named: format)!
        let isText = reportFormat.name == "text"
        // The text report leaves unreadable inputs to standard error, where they were printed.
        if !isText { shown += outcome.unreadable }
        let report = ValidationReport(
            files: outcome.files, findings: shown, toolVersion: Copydesk.version,
            root: FileManager.default.currentDirectoryPath, unreadable: Set(outcome.unreadable.compactMap(\.file)))
        let color =
            isText && output == nil && isatty(STDOUT_FILENO) == 1
            && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let text = reportFormat.render(report, options: ReportOptions(color: color))
        try exitingOnError("validate") {
            if let output, output != "-" {
                try Files.writeAtomically(Array(text.utf8), to: output)
            } else {
                Files.writeStandardOutput(Array(text.utf8))
            }
        }

        let errors = outcome.count(.error)
        let warnings = outcome.count(.warning)
        let tooManyWarnings = maxWarnings.map { warnings > $0 } ?? false
        if !quiet {
            var summary = "checked \(outcome.files.count) file(s): \(errors) error(s), \(warnings) warning(s)"
            if !outcome.unreadable.isEmpty { summary += ", \(outcome.unreadable.count) unreadable" }
            if tooManyWarnings, let maxWarnings { summary += "; more warnings than --max-warnings \(maxWarnings)" }
            printError(summary)
        }
        if !outcome.unreadable.isEmpty { throw ExitCode(2) }
        if exitZero { return }
        if errors > 0 || tooManyWarnings { throw ExitCode(1) }
    }

    /// The format's schema file: the option, the environment, or beside the installed tool.
    private func locateSchema(_ info: XMLSchemaInfo) -> String? {
        if let schemaPath { return schemaPath }
        if let path = ProcessInfo.processInfo.environment[info.environmentVariable], !path.isEmpty { return path }
        let tool = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let beside = tool.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/copydesk/\(info.installFolder)/\(info.fileName)").path
        return FileManager.default.fileExists(atPath: beside) ? beside : nil
    }

    /// What to do when a format's schema is not found: which one, where its publisher has it, and
    /// where to put it.
    static func noSchemaMessage(_ format: FormatDescriptor, _ info: XMLSchemaInfo) -> String {
        let companions =
            info.companions.isEmpty ? "" : " and the " + info.companions.joined(separator: ", ") + " it imports"
        return """
            error: no \(info.name) schema found: --schema \(format.name) checks against \(info.title) XML Schema, \
            which copydesk does not ship
              hint: get \(info.fileName)\(companions) (keep them in one folder) from \(info.source)
              hint: then give --schema-path FOLDER/\(info.fileName), set \(info.environmentVariable) to it, or install \
            them with 'make install \(info.installVariable)=FOLDER' (share/copydesk/\(info.installFolder)/ beside the tool)
            """
    }

    /// `--schema FORMAT`: every file against the format's XML Schema.
    private func runSchemaCheck() throws {
        guard let format = schema.flatMap(FormatRegistry.format(named:)), let info = format.schema else {
            throw ExitCode(64)
        }
        guard let path = locateSchema(info) else {
            printError(Self.noSchemaMessage(format, info))
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
                let bytes = try Files.read(input, maxBytes: try inputOptions.limits().maxInputBytes)
                let findings = try validator.validate(bytes, file: input == "-" ? nil : input)
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
