// copydesk — command-line front end
// `copydesk convert`: one article file (or stdin) to another format.

import ArgumentParser
import CopydeskKit

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert an article to another format.",
        discussion: """
            Reads FILE (or standard input for '-'), analyses it, and writes it in the --to format \
            to standard output or to --output. The output file is written to a temporary file and \
            renamed, so a failure never leaves a partial file; the input is never modified.

            Standard input is read as canonical JSON when it starts with '{' or '[', otherwise as \
            plain text; --from overrides that.

            An input that holds several articles (a YAML stream, a JSON array) is written as one \
            JSON array or YAML stream, or with --out-dir as one file per article: NAME-1.EXT, \
            NAME-2.EXT, … (NAME.EXT when there is one).

            EXAMPLES
              copydesk convert story.txt
              copydesk convert story.txt --to json -o out/story.json
              curl -s https://example.org/story.txt | copydesk convert - --from text
              copydesk convert story.txt --input-encoding windows-1252
              copydesk convert posts.yaml --to json --out-dir out/
              copydesk convert story.txt --to newsml -o story.xml --validate

            With --validate the rules run before writing, as 'copydesk validate' would run them; \
            findings go to standard error, and an article with an error is not written (exit 1) \
            unless --force is given.
            """
    )

    @Argument(help: "The article to read, or '-' for standard input.")
    var input: String

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .long, help: "The output format (default: from --output's extension, else json).")
    var to: String?

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Write one file per article into this folder (it must exist).")
    var outDir: String?

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

    func validate() throws {
        if input.isEmpty { throw ValidationError("the input path is empty; name a file, or '-' for standard input") }
        if output != nil, outDir != nil { throw ValidationError("give either --output or --out-dir, not both") }
        if force, !runRules { throw ValidationError("--force goes with --validate") }
        if ninjsVersion != 2, ninjsVersion != 3 { throw ValidationError("--ninjs-version is 3 (3.1) or 2 (2.2)") }
        if MarkdownFlavor(rawValue: markdownFlavor.lowercased()) == nil {
            throw ValidationError(
                "unknown Markdown flavor '\(markdownFlavor)'; use one of: "
                    + MarkdownFlavor.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    func run() throws {
        let readerOptions = try inputOptions.readerOptions()
        try exitingOnError("convert") {
            let target = try FormatChoice.output(named: to, path: output)
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
