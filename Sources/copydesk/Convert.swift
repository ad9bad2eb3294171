// copydesk — command-line front end
// `copydesk convert`: one article file (or stdin) to another format, or many in one batch.

import ArgumentParser
import CopydeskKit
import Foundation

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert articles to other formats: one file, or folders of them in one batch.",
        discussion: """
            Reads FILE (or standard input for '-'), analyses it, and writes it in the --to format \
            to standard output or to --output. The output file is written to a temporary file and \
            renamed, so a failure never leaves a partial file; the input is never modified.

            Standard input is read as canonical JSON when it starts with '{' or '[', otherwise as \
            plain text; --from overrides that.

            An input that holds several articles (a YAML stream, a JSON array) is written as one \
            JSON array or YAML stream, or with --out-dir as one file per article: NAME-1.EXT, \
            NAME-2.EXT, … (NAME.EXT when there is one).

            BATCH: several inputs, a folder (walked recursively for readable extensions), several \
            --to formats (json,newsml,markdown), --jobs, --incremental or --report make a batch. \
            Outputs go into --out-dir (created if needed), mirroring the input tree; --to ndjson \
            sends every article, one line each in input order, to standard output or --output. \
            A bad file is reported and the others continue. SIGINT or SIGTERM stops the batch \
            between files: outputs are whole or absent. A progress bar is drawn on a terminal \
            (not when CI is set or stderr is redirected); a summary follows unless --quiet.

            --incremental skips inputs whose outputs are up to date: same content (SHA-256), same \
            copydesk build and options, outputs present; the record is OUT/.copydesk-manifest.json.

            An NDJSON input converted to --to ndjson is streamed one line at a time, in any length.

            EXIT CODES
              0    every file converted (or skipped as up to date)
              2    an input could not be read or an output written (in a batch: at least one file failed)
              64   usage error
              130  a batch interrupted by SIGINT (143: SIGTERM)

            EXAMPLES
              copydesk convert story.txt
              copydesk convert story.txt --to json -o out/story.json
              curl -s https://example.org/story.txt | copydesk convert - --from text
              copydesk convert story.txt --input-encoding windows-1252
              copydesk convert posts.yaml --to json --out-dir out/
              copydesk convert story.txt --to newsml -o story.xml --validate
              copydesk convert archive/ --to json,newsml,markdown --out-dir out/ --report report.json
              copydesk convert archive/ --to json --out-dir out/ --incremental --jobs 4
              copydesk convert archive/ --to ndjson > archive.ndjson
              copydesk convert - --from ndjson --to ndjson < in.ndjson > out.ndjson

            With --validate the rules run before writing, as 'copydesk validate' would run them; \
            findings go to standard error, and an article with an error is not written (exit 1) \
            unless --force is given.
            """
    )

    @Argument(help: "Articles or folders to read, or '-' for standard input.")
    var inputs: [String] = []

    @OptionGroup var inputOptions: InputOptions

    @Option(
        name: .long,
        help:
            "The output format, or several separated by commas in a batch (default: from --output's extension, else json)."
    )
    var to: String?

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Write one file per article into this folder.")
    var outDir: String?

    @Option(name: [.short, .long], help: "Batch: how many files to convert at once (default: the number of cores).")
    var jobs: Int?

    @Flag(name: [.short, .long], help: "Batch: no progress bar and no summary (errors are still printed).")
    var quiet = false

    @Option(name: .long, help: "Batch: write a JSON report of every file's result to this file.")
    var report: String?

    @Flag(name: .long, help: "Batch: skip inputs whose outputs are up to date (see above).")
    var incremental = false

    @Option(name: .long, help: "Batch: only files in folders matching this glob (path in the folder, or name).")
    var include: [String] = []

    @Option(name: .long, help: "Batch: leave out files and folders matching this glob.")
    var exclude: [String] = []

    @Flag(name: .long, help: "Write JSON on one line.")
    var compact = false

    @Option(name: .long, help: "The ninjs version to write: 3 (3.1) or 2 (2.2).")
    var ninjsVersion: Int = 3

    @Option(name: .long, help: "Front-matter keys for --to markdown: plain, hugo or jekyll.")
    var markdownFlavor: String = "plain"

    /// The writer settings the options ask for.
    var writerOptions: WriterOptions {
        WriterOptions(
            compact: compact, ninjsVersion: ninjsVersion,
            markdownFlavor: MarkdownFlavor(rawValue: markdownFlavor.lowercased()) ?? .plain)
    }

    @Flag(name: .shortAndLong, help: "Print reader notes (such as dropped boilerplate) to standard error.")
    var verbose = false

    @Flag(
        name: .customLong("validate"),
        help: "Run the validation rules (profile from .copydesk.yml); refuse to write an article with errors.")
    var runRules = false

    @Flag(name: .long, help: "With --validate, write even when there are errors.")
    var force = false

    /// The --to names, in order, without repeats.
    var targetNames: [String] {
        var names: [String] = []
        for name in (to ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() })
        where !name.isEmpty && !names.contains(name) {
            names.append(name)
        }
        return names
    }

    /// Whether the command line asks for a batch rather than one file.
    var isBatch: Bool {
        inputs.count > 1 || inputs.contains { Files.isFolder($0) } || jobs != nil || targetNames.count > 1
            || incremental || report != nil || !include.isEmpty || !exclude.isEmpty
    }

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name an article, a folder, or '-' for standard input") }
        if inputs.contains("") {
            throw ValidationError("the input path is empty; name a file, or '-' for standard input")
        }
        if let to, to.split(separator: ",").isEmpty { throw ValidationError("--to names no format") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs is at least 1") }
        if ninjsVersion != 2, ninjsVersion != 3 { throw ValidationError("--ninjs-version is 3 (3.1) or 2 (2.2)") }
        if MarkdownFlavor(rawValue: markdownFlavor.lowercased()) == nil {
            throw ValidationError(
                "unknown Markdown flavor '\(markdownFlavor)'; use one of: "
                    + MarkdownFlavor.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if !isBatch {
            if output != nil, outDir != nil { throw ValidationError("give either --output or --out-dir, not both") }
        }
        if force, !runRules { throw ValidationError("--force goes with --validate") }
        if runRules, isBatch {
            throw ValidationError(
                "--validate checks one article file at a time; for folders run 'copydesk validate' before converting")
        }
    }

    func run() throws {
        let readerOptions = try inputOptions.readerOptions()
        if try exitingOnError("convert", { try runStream(options: readerOptions) }) { return }
        if isBatch {
            try runBatch(options: readerOptions)
            return
        }
        let input = inputs[0]
        try exitingOnError("convert") {
            let target = try FormatChoice.output(named: targetNames.first, path: output)
            if let outDir {
                try convertIntoFolder(outDir, target: target, options: readerOptions)
                return
            }
            if let output, output != "-", input != "-", Files.isSameFile(output, input) {
                throw CopydeskError.usage("the output \(output) is the input; copydesk never overwrites its input")
            }
            let bytes = try Files.read(input, maxBytes: readerOptions.limits.maxInputBytes)
            let source = try FormatChoice.input(named: inputOptions.from, path: input, bytes: bytes)
            let pipeline = Pipeline()
            let file = input == "-" ? nil : input
            let read = try pipeline.read(ReaderInput(bytes: bytes, file: file), format: source, options: readerOptions)
            if runRules { try checkBeforeWriting(read, bytes: bytes, format: source, options: readerOptions) }
            let written = try pipeline.write(read.articles, format: target, options: writerOptions)
            for diagnostic in read.diagnostics + written.diagnostics
            where verbose || diagnostic.severity >= .warning {
                printError(diagnostic.description)
            }
            if let output, output != "-" {
                try Files.writeAtomically(written.bytes, to: output)
            } else {
                Files.writeStandardOutput(written.bytes)
            }
        }
    }

    /// `--out-dir`: one output file per article, named after the input.
    private func convertIntoFolder(
        _ folder: String, target: FormatDescriptor, options: ReaderOptions
    )
        throws
    {
        let input = inputs[0]
        let bytes = try Files.read(input, maxBytes: options.limits.maxInputBytes)
        let source = try FormatChoice.input(named: inputOptions.from, path: input, bytes: bytes)
        let pipeline = Pipeline()
        let file = input == "-" ? nil : input
        let read = try pipeline.read(ReaderInput(bytes: bytes, file: file), format: source, options: options)
        if runRules { try checkBeforeWriting(read, bytes: bytes, format: source, options: options) }
        for diagnostic in read.diagnostics where verbose || diagnostic.severity >= .warning {
            printError(diagnostic.description)
        }
        let base = Files.baseName(input == "-" ? "stdin" : input)
        let ext = target.extensions.first ?? target.name
        // Everything is written to memory first, so a failure leaves no half-done folder.
        var outputs: [(path: String, bytes: [UInt8])] = []
        for (index, article) in read.articles.enumerated() {
            let name = read.articles.count == 1 ? "\(base).\(ext)" : "\(base)-\(index + 1).\(ext)"
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if input != "-", Files.isSameFile(path, input) {
                throw CopydeskError.usage("the output \(path) is the input; copydesk never overwrites its input")
            }
            let written = try pipeline.write([article], format: target, options: writerOptions)
            for diagnostic in written.diagnostics where verbose || diagnostic.severity >= .warning {
                printError(diagnostic.description)
            }
            outputs.append((path, written.bytes))
        }
        for output in outputs {
            try Files.writeAtomically(output.bytes, to: output.path)
            if verbose { printError("wrote \(output.path)") }
        }
    }
}
