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

            EXAMPLES
              copydesk convert story.txt
              copydesk convert story.txt --to json -o out/story.json
              curl -s https://example.org/story.txt | copydesk convert - --from text
              copydesk convert story.txt --input-encoding windows-1252
            """
    )

    @Argument(help: "The article to read, or '-' for standard input.")
    var input: String

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .long, help: "The output format (default: from --output's extension, else json).")
    var to: String?

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Write JSON on one line.")
    var compact = false

    @Flag(name: .shortAndLong, help: "Print reader notes (such as dropped boilerplate) to standard error.")
    var verbose = false

    func run() throws {
        let readerOptions = try inputOptions.readerOptions()
        try exitingOnError {
            let target = try FormatChoice.output(named: to, path: output)
            if let output, output != "-", input != "-", Files.isSameFile(output, input) {
                throw CopydeskError.usage("the output \(output) is the input; copydesk never overwrites its input")
            }
            let bytes = try Files.read(input)
            let source = try FormatChoice.input(named: inputOptions.from, path: input, bytes: bytes)
            let pipeline = Pipeline()
            let file = input == "-" ? nil : input
            let read = try pipeline.read(ReaderInput(bytes: bytes, file: file), format: source, options: readerOptions)
            let written = try pipeline.write(read.articles, format: target, options: WriterOptions(compact: compact))
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
}
