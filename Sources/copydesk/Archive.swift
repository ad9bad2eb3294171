// copydesk — command-line front end
// `copydesk convert crawl.warc.gz`: web archives read a record at a time (ArchiveConverter).

import ArgumentParser
import CopydeskKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension ConvertRequest {
    /// Archives in (every input a WARC file, or standard input holding one): the articles to a
    /// stream, to files in --out-dir, or gathered into one document; `false` when the command asks
    /// for something else (a folder, an input that is not an archive, --validate, --incremental,
    /// --report: those go through the batch, which reads each archive whole).
    func runArchive(options: ReaderOptions) throws -> Bool {
        guard !runRules, !incremental, report == nil, !inputs.contains(where: Files.isFolder) else { return false }
        var archives: [(path: String, format: FormatDescriptor, head: [UInt8])] = []
        for input in inputs {
            // Standard input is not peeked at unless --from names an archive (its bytes would be gone).
            if input == "-", inputOptions.from.flatMap(FormatRegistry.format(named:))?.capabilities.isArchive != true {
                return false
            }
            let head = input == "-" ? [] : ArchiveConverter.head(of: input, count: 4096)
            guard let format = ArchiveConverter.archiveFormat(named: inputOptions.from, path: input, head: head) else {
                return false
            }
            archives.append((input, format, head))
        }
        var names = targetNames
        if names.isEmpty { names = [try FormatChoice.output(named: nil, path: output).name] }
        var formats: [FormatDescriptor] = []
        for name in names { formats.append(try FormatChoice.output(named: name, path: nil)) }
        let stream = formats.first { $0.capabilities.isLineStream }
        let others = formats.filter { !$0.capabilities.isLineStream }
        var gather: FormatDescriptor?
        if outDir == nil, !others.isEmpty {
            guard others.count == 1, stream == nil else {
                throw CopydeskError.usage(
                    "an archive holds many articles: write them to one --to format, or add --out-dir OUT for files")
            }
            gather = others[0]
        }
        if let output { try Files.refuseOverwriting(inputs: inputs, with: output) }
        if let outDir { try Files.makeFolder(outDir) }
        let converter = ArchiveConverter(
            stream: stream, fileTargets: outDir == nil ? [] : others, outputFolder: outDir, gather: gather,
            readerOptions: options, writerOptions: writerOptions,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let streamOutput = stream == nil ? nil : try AtomicOutputStream(path: output ?? "-")
        let flag = CancellationFlag()
        let watch = InterruptionWatch(flag: flag)
        var gathered: [Article] = []
        var failed = false
        for archive in archives where !flag.isCancelled {
            let summary = try converter.run(
                path: archive.path, format: archive.format, head: archive.head, output: streamOutput,
                cancellation: flag, verbose: verbose
            ) { printError($0) }
            gathered += summary.gathered
            let name = archive.path == "-" ? "<stdin>" : archive.path
            let rate = summary.seconds > 0 ? Double(summary.tally.articles) / summary.seconds : 0
            if summary.tally.articles == 0, !summary.cancelled {
                printError("\(name): error: no article in the archive (\(summary.tally.summary))")
                failed = true
            } else if !quiet {
                printError(
                    "\(name): \(summary.tally.summary) in \(Self.seconds(summary.seconds)) "
                        + "(\(rate.fixed(1)) articles/s)")
            }
            if summary.tally.failed > 0 { failed = true }
            if let signal = summary.interruptedBy {
                watch.stop()
                streamOutput?.discard()
                printError(
                    "interrupted by \(InterruptionWatch.name(signal)) in \(name) after \(summary.tally.articles) "
                        + "article(s); every file written is complete"
                        + (output.map { "; \($0) was not written (no partial file)" } ?? ""))
                throw ExitCode(128 + signal)
            }
        }
        watch.stop()
        try streamOutput?.commit()
        if let gather, !gathered.isEmpty {
            try writeGathered(gathered, as: gather, options: writerOptions, to: output, verbose: verbose)
        }
        if failed { throw ExitCode(2) }
        return true
    }
}
