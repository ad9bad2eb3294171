// copydesk — command-line front end
// `copydesk convert` in batch: the options, the progress bar and the summary around BatchConverter.

import ArgumentParser
import CopydeskKit
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#endif

extension ConvertRequest {
    /// A line stream in and a line stream out (NDJSON to NDJSON), one record at a time; `false`
    /// when the command asks for something else.
    func runStream(options: ReaderOptions) throws -> Bool {
        guard inputs.count == 1, outDir == nil, !incremental, report == nil, include.isEmpty, exclude.isEmpty,
            !runRules, targetNames.count <= 1
        else { return false }
        let input = inputs[0]
        guard !Files.isFolder(input) else { return false }
        let target = try FormatChoice.output(named: targetNames.first, path: output)
        // The source is named, or implied by the file's extension: a stream is not sniffed, since
        // reading ahead would hold it.
        let named = inputOptions.from.flatMap(FormatRegistry.format(named:))
        let implied = input == "-" ? nil : FormatRegistry.format(forPath: input)
        guard let source = named ?? implied,
            let converter = LineStreamConverter(
                from: source, to: target, readerOptions: options, writerOptions: writerOptions,
                jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        else { return false }
        if let output { try Files.refuseOverwriting(inputs: [input], with: output) }
        let stream = try AtomicOutputStream(path: output ?? "-")
        let flag = CancellationFlag()
        let watch = InterruptionWatch(flag: flag)
        let summary = try converter.run(path: input, output: stream, cancellation: flag) { printError($0) }
        watch.stop()
        let rate = summary.seconds > 0 ? Double(summary.articles) / summary.seconds : 0
        if let signal = summary.interruptedBy {
            stream.discard()
            printError(
                "interrupted by \(InterruptionWatch.name(signal)) after \(summary.articles) article(s)"
                    + (output.map { "; \($0) was not written (no partial file)" } ?? "; the lines written are whole"))
            throw ExitCode(128 + signal)
        }
        try stream.commit()
        if !quiet {
            printError(
                "converted \(summary.articles) article(s)" + (summary.failed > 0 ? ", \(summary.failed) failed" : "")
                    + " in \(Self.seconds(summary.seconds)) (\(rate.fixed(1)) articles/s)")
        }
        if summary.failed > 0 { throw ExitCode(2) }
        return true
    }

    /// Many inputs: see `BatchConverter`.
    func runBatch(options: ReaderOptions) throws {
        let plan = try exitingOnError("convert") { try prepareBatch(options: options) }
        let (settings, jobList, converter, stream) = (plan.settings, plan.jobs, plan.converter, plan.stream)
        let manifest = incremental ? BatchManifest.load(from: outDir ?? ".") : nil
        let environment = ProcessInfo.processInfo.environment
        let display = ProgressDisplay(enabled: !quiet && isatty(2) == 1 && environment["CI"] == nil)
        let flag = CancellationFlag()
        let watch = InterruptionWatch(flag: flag)
        let summary = converter.run(
            jobList, manifest: manifest, cancellation: flag, progress: display.enabled ? display.update : nil,
            stream: stream,
            report: { result in
                if !result.findings.isEmpty {
                    display.clear()
                    for finding in result.findings { printError(finding) }
                }
                if result.status == .failed || result.status == .refused, let error = result.error {
                    display.clear()
                    printError(error)
                }
                if verbose {
                    display.clear()
                    for warning in result.warnings { printError(warning) }
                    for path in result.outputs where result.status == .converted { printError("wrote \(path)") }
                }
            })
        watch.stop()
        display.clear()
        try finish(summary, settings: settings, jobs: jobList, manifest: manifest, stream: stream)
    }

    /// The batch the command line asks for, before anything is converted.
    private func prepareBatch(options: ReaderOptions) throws(CopydeskError) -> BatchPlan {
        var names = targetNames
        if names.isEmpty { names = [try FormatChoice.output(named: nil, path: output).name] }
        var formats: [FormatDescriptor] = []
        for name in names { formats.append(try FormatChoice.output(named: name, path: nil)) }
        let streamFormat = formats.first { $0.capabilities.isLineStream }
        // Without --out-dir, a feed gathers every input's articles into one document.
        let gatherFormat = outDir == nil ? formats.first { $0.capabilities.gathersArticles } : nil
        if let gatherFormat, formats.count > 1 {
            throw CopydeskError.usage(
                "--to \(gatherFormat.name) gathers every article into one output: give it alone, or add --out-dir OUT "
                    + "for a file per input")
        }
        let fileFormats = formats.filter { !$0.capabilities.isLineStream && gatherFormat == nil }
        if !fileFormats.isEmpty, outDir == nil, let folder = inputs.first(where: Files.isFolder) {
            // As for one file: the path names a folder, and this says how to convert what it holds.
            throw CopydeskError.io(
                path: folder, message: "is a directory, not an article file",
                hint: "to convert every article in it, add --out-dir OUT (or --to ndjson for one stream)")
        }
        if !fileFormats.isEmpty, outDir == nil {
            throw CopydeskError.usage(
                "a batch writes one file per input into a folder: add --out-dir OUT (or --to ndjson for one stream)")
        }
        if output != nil, streamFormat == nil, gatherFormat == nil {
            throw CopydeskError.usage(
                "in a batch, --output names the --to ndjson stream or feed; the other formats go to --out-dir")
        }
        if incremental, outDir == nil || streamFormat != nil {
            throw CopydeskError.usage(
                "--incremental needs --out-dir and no --to ndjson (a stream has to hold every article)")
        }
        if let outDir { try Files.makeFolder(outDir) }
        var discovered = try InputDiscovery.inputs(in: inputs, include: include, exclude: exclude)
        if let outDir { discovered = BatchConverter.leavingOut(outputFolder: outDir, from: discovered) }
        if let output { try Files.refuseOverwriting(inputs: discovered.map(\.path), with: output) }
        let settings = BatchConverter.Settings(
            targets: fileFormats, outputFolder: outDir, stream: streamFormat, gather: gatherFormat,
            from: inputOptions.from,
            readerOptions: options, writerOptions: writerOptions,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, incremental: incremental,
            gate: gate(options: options), build: build)
        let converter = BatchConverter(settings: settings)
        let stream = streamFormat == nil ? nil : try AtomicOutputStream(path: output ?? "-")
        return BatchPlan(settings: settings, jobs: converter.plan(discovered), converter: converter, stream: stream)
    }

    /// The stream, the manifest, the report, the summary and the exit code.
    private func finish(
        _ summary: BatchConverter.Summary, settings: BatchConverter.Settings, jobs: [BatchConverter.Job],
        manifest: BatchManifest?, stream: AtomicOutputStream?
    ) throws {
        var failures: [CopydeskError] = []
        if summary.cancelled || summary.count(.failed) > 0 && stream != nil && summary.count(.converted) == 0 {
            stream?.discard()
        } else {
            do { try stream?.commit() } catch { failures.append(error) }
        }
        if var manifest, let outDir {
            manifest.update(with: summary.results, jobs: jobs, fingerprint: settings.fingerprint, folder: outDir)
            do { try manifest.save(to: outDir) } catch { failures.append(error) }
        }
        if let report {
            let json = BatchReport(summary: summary, tool: "copydesk \(Copydesk.version)", settings: settings).json()
            do { try Files.writeAtomically(json, to: report) } catch { failures.append(error) }
        }
        if let gather = settings.gather, !summary.cancelled, summary.count(.converted) > 0 {
            // The feed of every article converted, in input order.
            do {
                try writeGathered(
                    summary.gathered, as: gather, options: settings.writerOptions, to: output, verbose: verbose)
            } catch {
                failures.append(error)
            }
        }
        for failure in failures { printError(failure.description) }
        let converted = summary.count(.converted)
        let failed = summary.count(.failed)
        let refused = summary.count(.refused)
        let skipped = summary.count(.skipped)
        if let signal = summary.interruptedBy {
            let notStarted = summary.count(.notStarted)
            printError(
                "interrupted by \(InterruptionWatch.name(signal)): \(converted) of \(summary.results.count) file(s) "
                    + "converted, \(failed) failed, \(skipped) skipped, \(notStarted) not started; every output "
                    + "written is complete (no partial file)"
                    + (stream != nil && output != nil ? "; the stream \(output!) was not written" : "")
                    + (report != nil ? "; the report lists each file" : ""))
            throw ExitCode(128 + signal)
        }
        if !quiet {
            printError(
                "converted \(converted) of \(summary.results.count) file(s) (\(summary.articles) article(s), "
                    + "\(Self.megabytes(summary.bytesRead))) in \(Self.seconds(summary.seconds)), "
                    + summary.articlesPerSecond.fixed(1) + " articles/s; "
                    + "\(failed) failed, " + (refused > 0 ? "\(refused) refused (validation errors), " : "")
                    + "\(skipped) skipped (up to date)")
        }
        if failed > 0 || !failures.isEmpty { throw ExitCode(2) }
        if refused > 0 { throw ExitCode(1) }
    }

    /// This build of copydesk: its version and the executable's size and time. With the options
    /// (`BatchConverter.Settings.fingerprint`) it decides whether an incremental run redoes a file.
    private var build: String {
        var build = "unknown"
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            build = "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        return "copydesk \(Copydesk.version) build \(build)"
    }

    static func seconds(_ value: Double) -> String { value.fixed(2) + " s" }

    static func megabytes(_ bytes: Int) -> String { (Double(bytes) / 1_000_000).fixed(1) + " MB" }
}

/// A prepared batch: settings, jobs, the converter and the stream's output.
struct BatchPlan {
    var settings: BatchConverter.Settings
    var jobs: [BatchConverter.Job]
    var converter: BatchConverter
    var stream: AtomicOutputStream?
}

// MARK: - ProgressDisplay

/// A one-line progress bar on standard error, redrawn with `\r` at most ten times a second:
/// done/total, percentage, rate and time left.
final class ProgressDisplay: Sendable {
    let enabled: Bool
    private let state = Mutex<(lastDraw: Double, drawn: Bool)>((-1, false))

    init(enabled: Bool) { self.enabled = enabled }

    @Sendable func update(_ progress: BatchConverter.Progress) {
        guard enabled else { return }
        state.withLock { state in
            guard progress.done == progress.total || progress.seconds - state.lastDraw >= 0.1 else { return }
            state.lastDraw = progress.seconds
            state.drawn = true
            let fraction = progress.total > 0 ? Double(progress.done) / Double(progress.total) : 1
            let width = 24
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
            let rate = progress.seconds > 0 ? Double(progress.done) / progress.seconds : 0
            let left = rate > 0 ? Double(progress.total - progress.done) / rate : 0
            var line = "\r[\(bar)] \(progress.done)/\(progress.total) \(Int(fraction * 100))% "
            line += rate.fixed(1) + " files/s ETA \(Int(left) / 60):" + (Int(left) % 60).zeroPadded(2)
            if progress.failed > 0 { line += " \(progress.failed) failed" }
            Self.write(line + "\u{1B}[K")
        }
    }

    /// Clears the bar so a message can be printed.
    func clear() {
        guard enabled else { return }
        state.withLock { state in
            if state.drawn { Self.write("\r\u{1B}[K") }
            state.drawn = false
        }
    }

    private static func write(_ text: String) {
        Files.writeStandardError(Array(text.utf8))
    }
}

/// One document of every article gathered (a feed, a JSON array), written atomically to `output`
/// or to standard output, with the writer's warnings (and notes with `verbose`) on standard error.
func writeGathered(
    _ articles: [Article], as format: FormatDescriptor, options: WriterOptions, to output: String?, verbose: Bool
) throws(CopydeskError) {
    let written = try Pipeline().write(articles, format: format, options: options)
    for diagnostic in written.diagnostics where verbose || diagnostic.severity >= .warning {
        printError(diagnostic.description)
    }
    if let output, output != "-" {
        try Files.writeAtomically(written.bytes, to: output)
    } else {
        Files.writeStandardOutput(written.bytes)
    }
}
