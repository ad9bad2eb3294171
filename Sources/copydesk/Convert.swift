// copydesk — command-line front end
// `copydesk convert`: one article file (or stdin) to another format, or many in one batch.

import ArgumentParser
import CopydeskKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert articles to other formats: one file, or folders of them in one batch.",
        discussion: """
            Reads FILE (or standard input for '-'), analyses it, and writes it in the --to format \
            to standard output or to --output. The output file is written to a temporary file and \
            renamed, so a failure never leaves a partial file; the input is never modified.

            The input's format is --from when given; otherwise its content says (an XML root \
            element, <!DOCTYPE html>, a JSON model version, ninjs properties, an <rss> or Atom <feed> \
            root...), then its extension. When the content contradicts the extension it wins, with a \
            note (-v); a format copydesk recognises but cannot read is an error, never a misreading. \
            Standard input that reveals nothing is read as plain text.

            An input that holds several articles (a YAML stream, a JSON array, a feed's items) is \
            written as one JSON array, YAML stream or feed, or with --out-dir as one file per \
            article: NAME-1.EXT, NAME-2.EXT, ... (NAME.EXT when there is one).

            FEEDS: --to rss, atom or jsonfeed writes one feed of every article: of one input, or of \
            a folder or several files in input order (to standard output or --output; with --out-dir, \
            a feed per article instead). --feed-title, --feed-link and --feed-id name the feed.

            BATCH: --out-dir, several inputs, a folder (walked recursively for the extensions of \
            the formats copydesk knows), several --to formats (json,newsml,markdown), --jobs, \
            --incremental or --report make a batch. Outputs go into --out-dir (created if needed), \
            mirroring the input tree; --to ndjson sends every article, one line each in input \
            order, to standard output or --output. A bad file is reported and the others continue. \
            SIGINT or SIGTERM stops the batch between files: outputs are whole or absent. A progress \
            bar is drawn on a terminal (not when CI is set or stderr is redirected); a summary \
            follows unless --quiet.

            --incremental skips inputs whose outputs are up to date: same content (SHA-256), same \
            copydesk build and options, outputs present; the record is OUT/.copydesk-manifest.json.

            A line stream (NDJSON) converted to a line stream is streamed one line at a time, in \
            any length.

            With --validate the rules run on each input before its outputs are written, as \
            'copydesk validate' would run them; findings go to standard error, and an input with \
            an error is not written (exit 1) unless --force is given.

            EXIT CODES
              0    every file converted (or skipped as up to date)
              1    --validate refused an input with errors (nothing of it was written)
              2    an input could not be read or an output written (in a batch: at least one file failed)
              64   usage error
              130  a batch interrupted by SIGINT (143: SIGTERM)

            EXAMPLES
              copydesk convert story.txt
              copydesk convert story.txt --to json -o out/story.json
              curl -s https://example.org/story.html | copydesk convert - --to markdown
              copydesk convert story.txt --input-encoding windows-1252
              copydesk convert posts.yaml --to json --out-dir out/
              copydesk convert story.txt --to markdown --markdown-flavor hugo --front-matter toml
              copydesk convert story.txt --to newsml -o story.xml --validate
              copydesk convert story.txt --to html -o story.html
              copydesk convert story.txt --to html --html-fragment > body.html
              copydesk convert archive/ --to json,newsml,markdown --out-dir out/ --report report.json
              copydesk convert archive/ --to json --out-dir out/ --incremental --jobs 4
              copydesk convert archive/ --to ndjson > archive.ndjson
              copydesk convert news.rss --to ndjson > items.ndjson
              copydesk convert articles/ --to atom --feed-title "Harbour News" -o feed.atom
              copydesk convert - --from ndjson --to ndjson < in.ndjson > out.ndjson
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

    @Option(name: .long, help: "Write one file per article into this folder (created if needed).")
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
    var ninjsVersion: NINJSVersion = .v3

    @Option(name: .long, help: "Front-matter keys for --to markdown.")
    var markdownFlavor: MarkdownFlavor = .plain

    @Option(
        name: .long,
        help: "Front-matter syntax for --to markdown: yaml (---), toml (+++, Hugo) or json (Hugo).")
    var frontMatter: FrontMatterSyntax = .yaml

    @Flag(
        name: .long,
        help: "With --to html, write the body alone as a CMS body fragment instead of a whole page.")
    var htmlFragment = false

    @OptionGroup(title: "Feeds (--to rss, atom, jsonfeed)") var feedOptions: FeedOptions

    @Flag(name: .shortAndLong, help: "Print reader notes (such as dropped boilerplate) to standard error.")
    var verbose = false

    @Flag(
        name: .customLong("validate"),
        help: "Run the validation rules (profile from .copydesk.yml); refuse to write an input with errors.")
    var runRules = false

    @Flag(name: .long, help: "With --validate, write even when there are errors.")
    var force = false

    /// The command line as plain values: what the command does is `ConvertRequest`'s.
    var request: ConvertRequest {
        ConvertRequest(
            inputs: inputs, inputOptions: inputOptions.settings, to: to, output: output, outDir: outDir, jobs: jobs,
            quiet: quiet, report: report, incremental: incremental, include: include, exclude: exclude,
            compact: compact, ninjsVersion: ninjsVersion, markdownFlavor: markdownFlavor, frontMatter: frontMatter,
            htmlFragment: htmlFragment, feedOptions: feedOptions.settings, verbose: verbose, runRules: runRules,
            force: force)
    }

    func validate() throws { try request.validate() }

    func run() throws { try request.run() }
}

/// What `copydesk convert` is asked to do, as plain values with the options' defaults: built by
/// the argument parser (`Convert.request`) or, for the common command lines, read directly
/// (`QuickCommandLine`).
struct ConvertRequest: Equatable {
    var inputs: [String] = []
    var inputOptions = InputSettings()
    var to: String? = nil
    var output: String? = nil
    var outDir: String? = nil
    var jobs: Int? = nil
    var quiet = false
    var report: String? = nil
    var incremental = false
    var include: [String] = []
    var exclude: [String] = []
    var compact = false
    var ninjsVersion: NINJSVersion = .v3
    var markdownFlavor: MarkdownFlavor = .plain
    var frontMatter: FrontMatterSyntax = .yaml
    var htmlFragment = false
    var feedOptions = FeedSettings()
    var verbose = false
    var runRules = false
    var force = false
}

extension ConvertRequest {
    /// The writer settings the options ask for.
    var writerOptions: WriterOptions {
        WriterOptions(
            compact: compact, ninjsVersion: ninjsVersion, markdownFlavor: markdownFlavor, frontMatter: frontMatter,
            htmlFragment: htmlFragment, feedTitle: feedOptions.feedTitle, feedLink: feedOptions.feedLink,
            feedID: feedOptions.feedID)
    }

    /// The --to names, in order, without repeats.
    var targetNames: [String] {
        var names: [String] = []
        for name in (to ?? "").split(separator: ",").map({ String($0).trimmingWhitespace().lowercased() })
        where !name.isEmpty && !names.contains(name) {
            names.append(name)
        }
        return names
    }

    /// Whether the command line asks for a batch (files into a folder, or many inputs) rather
    /// than one input to standard output or one file.
    var isBatch: Bool {
        inputs.count > 1 || inputs.contains { Files.isFolder($0) } || outDir != nil || jobs != nil
            || targetNames.count > 1 || incremental || report != nil || !include.isEmpty || !exclude.isEmpty
    }

    func validate() throws {
        _ = try inputOptions.limits()
        if inputs.isEmpty { throw ValidationError("name an article, a folder, or '-' for standard input") }
        if inputs.contains("") {
            throw ValidationError("the input path is empty; name a file, or '-' for standard input")
        }
        if let to, to.split(separator: ",").isEmpty { throw ValidationError("--to names no format") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs is at least 1") }
        if output != nil, outDir != nil,
            !targetNames.contains(where: { name in
                FormatRegistry.format(named: name)?.capabilities.isLineStream == true
            })
        {
            throw ValidationError("give either --output or --out-dir, not both")
        }
        if force, !runRules { throw ValidationError("--force goes with --validate") }
    }

    func run() throws {
        let readerOptions = try inputOptions.readerOptions()
        if try exitingOnError("convert", { try runArchive(options: readerOptions) }) { return }
        if try exitingOnError("convert", { try runStream(options: readerOptions) }) { return }
        if isBatch {
            try runBatch(options: readerOptions)
            return
        }
        let input = inputs[0]
        try exitingOnError("convert") {
            let target = try FormatChoice.output(named: targetNames.first, path: output)
            if let output { try Files.refuseOverwriting(inputs: [input], with: output) }
            let bytes = try Files.read(input, maxBytes: readerOptions.limits.maxInputBytes)
            let pipeline = Pipeline()
            let (source, read) = try pipeline.read(
                ReaderInput(bytes: bytes, file: input == "-" ? nil : input), from: inputOptions.from,
                options: readerOptions)
            if let gate = gate(options: readerOptions) {
                let verdict = try gate.judge(input, bytes, source, read)
                for line in verdict.findings { printError(line) }
                if let refusal = verdict.refusal {
                    printError(refusal)
                    throw ExitCode(1)
                }
            }
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

    /// The rules every input passes before it is written (`--validate`), or `nil`.
    func gate(options: ReaderOptions) -> BatchConverter.ValidationGate? {
        guard runRules else { return nil }
        let now = DateTimeValue.utc(secondsSince1970: Int(Date().timeIntervalSince1970))
        return BatchConverter.ValidationGate(force: force, profile: nil) {
            input, bytes, format, read throws(CopydeskError) in
            // The profile comes from the .copydesk.yml nearest each input, as for `copydesk validate`.
            var resolver = ConfigurationResolver(profile: nil, now: now)
            let configuration = try resolver.configuration(forInput: input)
            return ArticleChecker().findings(
                for: ReadResult(articles: read.articles), bytes: bytes, file: input == "-" ? "<stdin>" : input,
                format: format, options: options, configuration: configuration)
        }
    }
}

extension NINJSVersion: ExpressibleByArgument {
    public init?(argument: String) {
        guard let major = Int(argument) else { return nil }
        self.init(rawValue: major)
    }

    public var defaultValueDescription: String { String(rawValue) }

    public static var allValueStrings: [String] { allCases.map { String($0.rawValue) } }
}

extension InputEncoding: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}

extension MarkdownFlavor: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}

extension FrontMatterSyntax: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
