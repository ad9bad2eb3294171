// copydesk — CopydeskKit
// Many inputs in one process: inputs → jobs → results, in parallel, in a deterministic order,
// stoppable between files, with progress and an incremental mode.

import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - BatchConverter

/// Converts many article files in one process.
///
/// - Every input is read once and written in each target format into `outputFolder`, mirroring the
///   input tree: `IN/a/b.txt` → `OUT/a/b.json`; a file named directly lands at `OUT/b.json`. An
///   input holding several articles gives `b-1.json`, `b-2.json`… (as `convert --out-dir` does).
/// - A stream format (NDJSON) gets every article of every input, one line each, in input order,
///   through the `stream` callback of `run`.
/// - A gathering format (a feed: `FormatCapabilities.gathersArticles`) gets every article of every
///   input, in input order, in `Summary.gathered`, for the caller to write as one document.
/// - `jobs` files are converted at once; results, messages and the stream come out in input order
///   whatever `jobs` is, and output files are the same bytes.
/// - Each article is read, converted, written and freed: memory depends on `jobs` and the largest
///   file, not on the number of files.
/// - One bad file is reported in its result and the others continue. Two inputs that would write
///   the same output both fail (nothing is overwritten), and an output is never written over an
///   input.
/// - `CancellationFlag` stops the batch between files: files being converted finish (each output
///   appears whole, through a temporary file and a rename), the others are reported as not started.
package struct BatchConverter: Sendable {
    /// What to produce and how.
    package struct Settings: Sendable {
        /// Formats written as one file per input (and article) into `outputFolder`.
        package var targets: [FormatDescriptor]
        /// Where the files go (required when `targets` is not empty).
        package var outputFolder: String?
        /// A format every article also goes to, in one stream (NDJSON), or `nil`.
        package var stream: FormatDescriptor?
        /// A format every article goes to in one document written after the batch (a feed), or
        /// `nil`: the articles are kept, in input order, in `Summary.gathered`.
        package var gather: FormatDescriptor?
        /// `--from`: the input format for every file, else each file's extension.
        package var from: String?
        package var readerOptions: ReaderOptions
        package var writerOptions: WriterOptions
        /// How many files are converted at once (at least 1).
        package var jobs: Int
        /// Skip inputs whose outputs are up to date (see `BatchManifest`).
        package var incremental: Bool
        /// Checks each input before its outputs are written (`convert --validate`), or `nil`.
        package var gate: ValidationGate?
        /// What built the outputs besides copydesk's options: the tool and its build. With the
        /// options it makes `fingerprint`.
        package var build: String

        package init(
            targets: [FormatDescriptor], outputFolder: String?, stream: FormatDescriptor? = nil,
            gather: FormatDescriptor? = nil, from: String? = nil, readerOptions: ReaderOptions = .default,
            writerOptions: WriterOptions = .default, jobs: Int = 1, incremental: Bool = false,
            gate: ValidationGate? = nil, build: String = ""
        ) {
            self.targets = targets
            self.outputFolder = outputFolder
            self.stream = stream
            self.gather = gather
            self.from = from
            self.readerOptions = readerOptions
            self.writerOptions = writerOptions
            self.jobs = max(1, jobs)
            self.incremental = incremental
            self.gate = gate
            self.build = build
        }

        /// What the outputs depend on besides the inputs' bytes: the build, the model version and
        /// every option that shapes an output, encoded from the option values themselves, so an
        /// option added to `ReaderOptions` or `WriterOptions` changes it without anyone listing
        /// it here. An incremental run redoes every file when it changes.
        package var fingerprint: String {
            struct Shaping: Encodable {
                var model: String
                var targets: [String]
                var stream: String?
                var gather: String?
                var from: String?
                var reader: ReaderOptions
                var writer: WriterOptions
                var gate: ValidationGate.Fingerprint?
            }
            let shaping = Shaping(
                model: ArticleModelVersion.string, targets: targets.map(\.name), stream: stream?.name,
                gather: gather?.name, from: from,
                reader: readerOptions, writer: writerOptions, gate: gate?.fingerprint)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let options = (try? encoder.encode(shaping)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return build + "; " + options
        }
    }

    /// A check every input passes before its outputs are written: findings, and whether errors
    /// stop the writing.
    package struct ValidationGate: Sendable {
        /// The findings for what was read from one input (`path`, its bytes and format).
        package var check:
            @Sendable (_ path: String, _ bytes: [UInt8], _ format: FormatDescriptor, _ read: ReadResult)
                throws(CopydeskError) -> [Diagnostic]
        /// Write even when there are errors (`--force`).
        package var force: Bool
        /// What the gate's findings depend on (the profile), for the incremental fingerprint.
        package var fingerprint: Fingerprint

        package struct Fingerprint: Sendable, Encodable {
            package var profile: String?
            package var force: Bool

            package init(profile: String?, force: Bool) {
                self.profile = profile
                self.force = force
            }
        }

        package init(
            force: Bool, profile: String?,
            check:
                @escaping @Sendable (String, [UInt8], FormatDescriptor, ReadResult) throws(CopydeskError) ->
                [Diagnostic]
        ) {
            self.check = check
            self.force = force
            self.fingerprint = Fingerprint(profile: profile, force: force)
        }

        /// Checks one input: its findings as printed lines, and the refusal when its errors stop
        /// the writing (with `force`, a warning line instead).
        package func judge(
            _ path: String, _ bytes: [UInt8], _ format: FormatDescriptor, _ read: ReadResult
        ) throws(CopydeskError) -> (findings: [String], refusal: String?) {
            let findings = try check(path, bytes, format, read)
            var lines = findings.map(\.description)
            let errors = findings.count { $0.severity == .error }
            guard errors > 0 else { return (lines, nil) }
            let name = path == "-" ? "<stdin>" : path
            guard force else {
                return (
                    lines,
                    "\(name): error: not written: \(errors) validation error(s); fix them, or write anyway with --force"
                )
            }
            lines.append("\(name): warning: written despite \(errors) validation error(s) (--force)")
            return (lines, nil)
        }
    }

    /// One input and the files it will write (for an input with one article).
    package struct Job: Sendable {
        package var input: InputDiscovery.Input
        /// `OUT/relative-path` without its extension; outputs add `.EXT` or `-N.EXT`.
        package var outputStem: String?
        /// Why the job cannot run (a collision), found while planning.
        package var conflict: String?
    }

    /// What happened to one input.
    package struct FileResult: Sendable, Codable, Equatable {
        package enum Status: String, Sendable, Codable {
            case converted, failed, skipped
            /// The validation gate found errors, so nothing was written (`convert --validate`).
            case refused
            /// The batch was interrupted before this file was started.
            case notStarted = "not-started"
        }

        package var input: String
        package var status: Status
        /// The error, as printed (`file:line:col: error: message`), for a failed file.
        package var error: String?
        /// The files written (or, for a skipped file, the ones already up to date).
        package var outputs: [String]
        package var articles: Int
        package var bytesRead: Int
        /// Reader and writer warnings, as printed.
        package var warnings: [String]
        /// The validation gate's findings, as printed (`convert --validate`).
        package var findings: [String] = []
        /// The input's SHA-256, when `--incremental` computed it.
        package var sha256: String?
    }

    /// Where the batch stands, for a progress display.
    package struct Progress: Sendable {
        package var done: Int
        package var total: Int
        package var failed: Int
        package var skipped: Int
        package var seconds: Double
    }

    /// Totals for the end of a batch.
    package struct Summary: Sendable {
        package var results: [FileResult]
        package var seconds: Double
        /// The signal that stopped the batch (`SIGINT` is 2), or `nil`.
        package var interruptedBy: Int32?
        package var cancelled: Bool
        /// Every article of the converted inputs, in input order, when the batch gathers them
        /// (`Settings.gather`); empty otherwise.
        package var gathered: [Article] = []

        package func count(_ status: FileResult.Status) -> Int { results.count { $0.status == status } }
        package var articles: Int { results.reduce(0) { $0 + $1.articles } }
        package var bytesRead: Int { results.reduce(0) { $0 + $1.bytesRead } }
        package var articlesPerSecond: Double { seconds > 0 ? Double(articles) / seconds : 0 }
        /// Articles converted (not skipped) per second.
        package var convertedArticlesPerSecond: Double {
            let converted = results.filter { $0.status == .converted }.reduce(0) { $0 + $1.articles }
            return seconds > 0 ? Double(converted) / seconds : 0
        }
    }

    package var settings: Settings
    package var pipeline: Pipeline

    package init(settings: Settings, pipeline: Pipeline = Pipeline()) {
        self.settings = settings
        self.pipeline = pipeline
    }

    // MARK: Planning

    /// The jobs for the inputs, with output collisions found before anything is written.
    package func plan(_ inputs: [InputDiscovery.Input]) -> [Job] {
        var jobs = inputs.map { input in
            Job(input: input, outputStem: settings.outputFolder.map { Self.stem(for: input, in: $0) }, conflict: nil)
        }
        // Two inputs with the same stem (a.txt and a.md) would write the same outputs.
        var byStem: [String: [Int]] = [:]
        for (index, job) in jobs.enumerated() {
            if let stem = job.outputStem, !settings.targets.isEmpty { byStem[stem, default: []].append(index) }
        }
        for indices in byStem.values where indices.count > 1 {
            for index in indices {
                let others = indices.filter { $0 != index }.map { jobs[$0].input.path }
                let stem = jobs[index].outputStem ?? ""
                jobs[index].conflict =
                    "\(jobs[index].input.path) and \(others.joined(separator: ", ")) would write the same output "
                    + "(\(stem).\(settings.targets[0].outputExtension)); neither was converted: "
                    + "rename one, or leave one out with --exclude"
            }
        }
        return jobs
    }

    /// The inputs without the files found inside `outputFolder` when it lies within a folder being
    /// walked (`convert archive --out-dir archive/out`), so a rerun does not read its own outputs
    /// as articles. When the output folder is the input folder itself, nothing is left out (and
    /// no input is overwritten: see `run`).
    package static func leavingOut(outputFolder: String, from inputs: [InputDiscovery.Input]) -> [InputDiscovery.Input]
    {
        guard let out = resolved(outputFolder) else { return inputs }
        return inputs.filter { input in
            guard input.foundInFolder, let path = resolved(input.path),
                let root = resolved(String(input.path.dropLast(input.relativePath.count)))
            else { return true }
            return root == out || !path.hasPrefix(out + "/")
        }
    }

    /// The absolute path with links resolved, or `nil` when it does not exist.
    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path.isEmpty ? "." : path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// `OUT/sub/story` for `IN/sub/story.txt`.
    static func stem(for input: InputDiscovery.Input, in folder: String) -> String {
        let relative = input.path == "-" ? "stdin" : input.relativePath
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        var stem = relative
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            stem = String(relative.dropLast(name.distance(from: dot, to: name.endIndex)))
        }
        return folder.hasSuffix("/") ? folder + stem : folder + "/" + stem
    }

    // MARK: Running

    /// Converts every job; see the type's documentation. `progress` is called from worker threads
    /// after each file; `stream` is written and `report` called on the calling thread, in input order.
    package func run(
        _ jobs: [Job], manifest: BatchManifest? = nil, cancellation: CancellationFlag = CancellationFlag(),
        progress: (@Sendable (Progress) -> Void)? = nil,
        stream: AtomicOutputStream? = nil,
        report: ((FileResult) -> Void)? = nil
    ) -> Summary {
        let clock = ContinuousClock()
        let start = clock.now
        let seconds = { @Sendable () -> Double in
            let elapsed = clock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
        let inputIdentities = Dictionary(
            jobs.compactMap { job in FileIdentity(path: job.input.path).map { ($0, job.input.path) } },
            uniquingKeysWith: { first, _ in first })
        let tally = Tally(total: jobs.count)
        var results: [FileResult] = []
        results.reserveCapacity(jobs.count)
        var streamFailure: String?
        var gathered: [Article] = []
        // Files are converted in windows of a few per worker, so the stream's lines can be put back
        // in order without holding more than a window's worth of articles.
        let window = settings.jobs * 8
        var first = 0
        while first < jobs.count {
            let range = first..<min(first + window, jobs.count)
            let outcomes = OrderedParallel.map(Array(jobs[range]), jobs: settings.jobs) { job in
                let outcome: Outcome
                if cancellation.isCancelled {
                    outcome = Outcome(result: FileResult(notStarted: job.input.path), streamBytes: [])
                } else {
                    outcome = convert(job, manifest: manifest, inputIdentities: inputIdentities)
                }
                if let progress, outcome.result.status != .notStarted {
                    progress(tally.record(outcome.result.status, seconds: seconds()))
                }
                return outcome
            }
            for var outcome in outcomes {
                if let stream, outcome.result.status == .converted, streamFailure == nil {
                    do {
                        try stream.write(outcome.streamBytes)
                    } catch {
                        streamFailure = error.description
                        cancellation.cancel()
                    }
                }
                if let streamFailure, outcome.result.status == .converted, stream != nil {
                    outcome.result.status = .failed
                    outcome.result.error = streamFailure
                }
                if outcome.result.status == .converted { gathered += outcome.articles }
                report?(outcome.result)
                results.append(outcome.result)
            }
            first = range.upperBound
        }
        return Summary(
            results: results, seconds: seconds(), interruptedBy: cancellation.signal,
            cancelled: cancellation.isCancelled, gathered: gathered)
    }

    /// A result, the bytes it adds to the stream and the articles it adds to a gathering format.
    struct Outcome: Sendable {
        var result: FileResult
        var streamBytes: [UInt8]
        var articles: [Article] = []
    }

    /// One input: read once, written in every format, or the reason it was not.
    func convert(_ job: Job, manifest: BatchManifest?, inputIdentities: [FileIdentity: String]) -> Outcome {
        var result = FileResult(
            input: job.input.path, status: .failed, error: nil, outputs: [], articles: 0, bytesRead: 0, warnings: [])
        if let conflict = job.conflict {
            result.error = "error: " + conflict
            return Outcome(result: result, streamBytes: [])
        }
        do throws(CopydeskError) {
            let bytes = try Files.read(job.input.path, maxBytes: settings.readerOptions.limits.maxInputBytes)
            result.bytesRead = bytes.count
            let hash = settings.incremental ? SHA256.hex(bytes) : ""
            if settings.incremental, let manifest, let folder = settings.outputFolder,
                let outputs = manifest.upToDate(
                    key: job.input.relativePath, hash: hash, fingerprint: settings.fingerprint, folder: folder)
            {
                result.status = .skipped
                result.outputs = outputs
                return Outcome(result: result, streamBytes: [])
            }
            let file = job.input.path == "-" ? nil : job.input.path
            let (source, read) = try pipeline.read(
                ReaderInput(bytes: bytes, file: file), from: settings.from, options: settings.readerOptions)
            result.articles = read.articles.count
            result.warnings += read.diagnostics.filter { $0.severity >= .warning }.map(\.description)
            if let gate = settings.gate {
                let verdict = try gate.judge(job.input.path, bytes, source, read)
                result.findings = verdict.findings
                if let refusal = verdict.refusal {
                    result.status = .refused
                    result.error = refusal
                    return Outcome(result: result, streamBytes: [])
                }
            }
            // Everything is written to memory first, so a failure leaves none of this input's outputs.
            var outputs: [(path: String, bytes: [UInt8])] = []
            if let stem = job.outputStem {
                for file in try pipeline.files(
                    for: read.articles, stem: stem, formats: settings.targets, options: settings.writerOptions)
                {
                    // Every input's identity was taken once, before the batch: a lookup, not a stat per pair.
                    if let identity = FileIdentity(path: file.path), let input = inputIdentities[identity] {
                        throw Files.overwriting(input: input, with: file.path)
                    }
                    result.warnings += file.diagnostics.filter { $0.severity >= .warning }.map(\.description)
                    outputs.append((file.path, file.bytes))
                }
            }
            var streamBytes: [UInt8] = []
            if let stream = settings.stream {
                streamBytes = try pipeline.write(read.articles, format: stream, options: settings.writerOptions).bytes
            }
            var made: Set<String> = []
            for output in outputs {
                let folder = Files.folder(of: output.path)
                if !folder.isEmpty, made.insert(folder).inserted { try Files.makeFolder(folder) }
                try Files.writeAtomically(output.bytes, to: output.path)
                result.outputs.append(output.path)
            }
            result.status = .converted
            if settings.incremental { result.sha256 = hash }
            return Outcome(
                result: result, streamBytes: streamBytes, articles: settings.gather == nil ? [] : read.articles)
        } catch {
            result.error = error.description
            result.status = .failed
            return Outcome(result: result, streamBytes: [])
        }
    }
}

extension BatchConverter.FileResult {
    init(notStarted input: String) {
        self.init(input: input, status: .notStarted, error: nil, outputs: [], articles: 0, bytesRead: 0, warnings: [])
    }
}

// MARK: - Counting

/// Files done so far, shared by the workers.
final class Tally: Sendable {
    private struct Counts {
        var done = 0
        var failed = 0
        var skipped = 0
    }

    private let total: Int
    private let counts = Mutex(Counts())

    init(total: Int) { self.total = total }

    func record(_ status: BatchConverter.FileResult.Status, seconds: Double) -> BatchConverter.Progress {
        counts.withLock { counts in
            counts.done += 1
            if status == .failed { counts.failed += 1 }
            if status == .skipped { counts.skipped += 1 }
            return BatchConverter.Progress(
                done: counts.done, total: total, failed: counts.failed, skipped: counts.skipped, seconds: seconds)
        }
    }
}

// MARK: - Cancellation

/// Asks a batch to stop between files. Set from a signal handler's queue, read by the workers.
package final class CancellationFlag: Sendable {
    /// 0 while running; the signal number, or -1 when cancelled by code.
    private let state = Atomic<Int32>(0)

    package init() {}

    /// Stops the batch; `signal` says why (kept from the first call).
    package func cancel(signal: Int32 = 0) {
        _ = state.compareExchange(expected: 0, desired: signal > 0 ? signal : -1, ordering: .sequentiallyConsistent)
    }

    package var isCancelled: Bool { state.load(ordering: .sequentiallyConsistent) != 0 }

    /// The signal that cancelled the batch, if a signal did.
    package var signal: Int32? {
        let value = state.load(ordering: .sequentiallyConsistent)
        return value > 0 ? value : nil
    }
}

// MARK: - Files by identity

/// A file's device and inode: two paths name the same file when these are equal.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    init?(path: String) {
        guard path != "-" else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

// MARK: - OrderedParallel

/// `map` on up to `jobs` threads, results in the input's order. On one thread when the linked
/// libxml2 cannot parse on several at once (`SystemLibraries.libxml2IsThreadSafe`; `copydesk
/// --version` says so).
enum OrderedParallel {
    static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ work: @Sendable (T) -> R) -> [R] {
        if jobs <= 1 || items.count <= 1 || !SystemLibraries.libxml2IsThreadSafe { return items.map(work) }
        let slots = Slots<R>(count: items.count)
        let next = Counter()
        // Each of the `jobs` workers takes the next index until none is left; every result goes to
        // its own slot under a lock, and concurrentPerform returns after all workers have.
        DispatchQueue.concurrentPerform(iterations: min(jobs, items.count)) { _ in
            while true {
                let index = next.take()
                guard index < items.count else { return }
                slots.set(index, work(items[index]))
            }
        }
        return slots.values()
    }

    private final class Counter: Sendable {
        private let value = Atomic<Int>(0)
        func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
    }

    private final class Slots<R: Sendable>: Sendable {
        private let storage: Mutex<[R?]>

        init(count: Int) { storage = Mutex([R?](repeating: nil, count: count)) }

        func set(_ index: Int, _ value: sending R) {
            storage.withLock { $0[index] = value }
        }

        func values() -> [R] { storage.withLock { $0.map { $0! } } }
    }
}
