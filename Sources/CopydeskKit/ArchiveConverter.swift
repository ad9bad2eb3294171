// copydesk — CopydeskKit
// Web archives in: records scanned in order, read in parallel, written in order, in constant memory.

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

// MARK: - ArchiveConverter

/// Converts archives (a format whose capabilities say `isArchive`: WARC) a record at a time.
///
/// The archive is scanned in order, a window of records (a few dozen per job) is read and analysed
/// on `jobs` threads, and the articles come out in the archive's order: as lines of a stream
/// (NDJSON), as files `OUT/NAME-1.EXT`, `OUT/NAME-2.EXT`… (numbered in archive order), or gathered
/// for one document written at the end (a JSON array, a feed). Memory holds a window, never the
/// archive, except what a gathering output holds by its nature.
///
/// Records that are not articles (not HTML, not 200, revisits…) are counted in the summary. A
/// damaged record or gzip member is reported with the file and byte offset; the rest goes on.
package struct ArchiveConverter: Sendable {
    package var stream: FormatDescriptor?
    package var fileTargets: [FormatDescriptor]
    package var outputFolder: String?
    package var gather: FormatDescriptor?
    package var pipeline: Pipeline
    package var readerOptions: ReaderOptions
    package var writerOptions: WriterOptions
    package var jobs: Int

    package init(
        stream: FormatDescriptor?, fileTargets: [FormatDescriptor], outputFolder: String?,
        gather: FormatDescriptor?, pipeline: Pipeline = Pipeline(), readerOptions: ReaderOptions = .default,
        writerOptions: WriterOptions = .default, jobs: Int = 1
    ) {
        self.stream = stream
        self.fileTargets = fileTargets
        self.outputFolder = outputFolder
        self.gather = gather
        self.pipeline = pipeline
        self.readerOptions = readerOptions
        self.writerOptions = writerOptions
        self.jobs = max(1, jobs)
    }

    /// What one archive gave.
    package struct Summary: Sendable {
        package var tally = ArchiveTally()
        package var gathered: [Article] = []
        package var seconds = 0.0
        package var interruptedBy: Int32?
        package var cancelled = false
    }

    /// The format an input is read with when it is an archive: `--from` when it names one, else
    /// what the input's first bytes and extension say; `nil` when it is not an archive.
    package static func archiveFormat(named name: String?, path: String, head: [UInt8]) -> FormatDescriptor? {
        if let name { return FormatRegistry.format(named: name).flatMap { $0.capabilities.isArchive ? $0 : nil } }
        // Only what could be an archive is sniffed (gzip, or a WARC header), so other inputs cost nothing here.
        let claimed = FormatRegistry.format(forPath: path)?.capabilities.isArchive == true
        guard claimed || head.starts(with: [0x1F, 0x8B]) || head.starts(with: Array("WARC/".utf8)) else { return nil }
        let detected = try? FormatRegistry.detect(path: path == "-" ? nil : path, bytes: head)
        guard let format = detected?.format, format.capabilities.isArchive, format.reader is any ArchiveReader else {
            return nil
        }
        return format
    }

    /// Converts the archive `path` (`-`: standard input, whose first bytes `head` were read already).
    /// `message` gets each problem and failure as printed, in order; with `verbose`, each skip and
    /// each file written too (nothing grows with the archive but a gathered document).
    package func run(
        path: String, format: FormatDescriptor, head: [UInt8] = [], output: AtomicOutputStream?,
        cancellation: CancellationFlag = CancellationFlag(), verbose: Bool = false, message: (String) -> Void
    ) throws(CopydeskError) -> Summary {
        guard let reader = format.reader as? any ArchiveReader else {
            throw .usage("\(format.name) is not an archive format")
        }
        let start = ContinuousClock.now
        let descriptor = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .io(path: path, message: "cannot be opened for reading", hint: "check the path and its permissions")
        }
        defer { if descriptor != 0 { close(descriptor) } }
        let file = path == "-" ? nil : path
        let source = DescriptorSource(descriptor: descriptor, path: path, prefix: head)
        let scanner = reader.scanner(source: source, file: file, options: readerOptions)
        let stem = outputFolder.map { Self.stem(for: path, in: $0) }
        var summary = Summary()
        var finished = false
        var made: Set<String> = []
        while !finished, !cancellation.isCancelled {
            var items: [ArchiveItem] = []
            var records = 0
            while records < jobs * 16 {
                guard let item = scanner.next() else {
                    finished = true
                    break
                }
                if case .record = item { records += 1 }
                items.append(item)
            }
            let converted = OrderedParallel.map(items, jobs: jobs) { item in
                convert(item, reader: reader, file: file)
            }
            for outcome in converted {
                switch outcome {
                case .problem(let error):
                    summary.tally.failed += 1
                    message(CopydeskError.format(error).description)
                case .failed(let error):
                    summary.tally.records += 1
                    summary.tally.failed += 1
                    message(error.description)
                case .skipped(let reason, let detail, let position):
                    summary.tally.records += 1
                    summary.tally.skipped[reason, default: 0] += 1
                    if verbose { message("\(file ?? "<stdin>"): note: skipped the record at \(position): \(detail)") }
                case .articles(let articles, let lines, let warnings):
                    summary.tally.records += 1
                    for warning in warnings { message(warning) }
                    if let output, !lines.isEmpty { try output.write(lines) }
                    if let stem {
                        for article in articles {
                            summary.tally.articles += 1
                            let name = "\(stem)-\(summary.tally.articles)"
                            let folder = Files.folder(of: name)
                            if !folder.isEmpty, made.insert(folder).inserted { try Files.makeFolder(folder) }
                            for file in try pipeline.files(
                                for: [article], stem: name, formats: fileTargets, options: writerOptions)
                            {
                                try Files.writeAtomically(file.bytes, to: file.path)
                                if verbose { message("wrote \(file.path)") }
                            }
                        }
                    } else {
                        summary.tally.articles += articles.count
                    }
                    if gather != nil { summary.gathered += articles }
                }
            }
        }
        let elapsed = ContinuousClock.now - start
        summary.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        summary.interruptedBy = cancellation.signal
        summary.cancelled = cancellation.isCancelled
        return summary
    }

    /// What one item of the archive became.
    enum Outcome: Sendable {
        case problem(FormatError)
        case failed(CopydeskError)
        case skipped(reason: String, detail: String, position: String)
        /// The articles, their stream lines (when there is a stream) and warnings as printed.
        case articles([Article], lines: [UInt8], warnings: [String])
    }

    /// One record read, analysed and (for the stream) written.
    func convert(_ item: ArchiveItem, reader: any ArchiveReader, file: String?) -> Outcome {
        guard case .record(let record) = item else {
            if case .problem(let error) = item { return .problem(error) }
            return .skipped(reason: "unknown", detail: "", position: "")
        }
        do throws(CopydeskError) {
            let reading: ArchiveReading
            do {
                reading = try reader.read(record: record, file: file, options: readerOptions)
            } catch {
                throw CopydeskError.format(error)
            }
            switch reading {
            case .skipped(let reason, let detail):
                return .skipped(reason: reason, detail: detail, position: record.position)
            case .articles(var read):
                for index in read.articles.indices {
                    read.diagnostics += pipeline.analysis.run(
                        &read.articles[index], budget: readerOptions.limits.analysisBudget)
                }
                let warnings = read.diagnostics.filter { $0.severity >= .warning }.map(\.description)
                var lines: [UInt8] = []
                if let stream {
                    lines = try pipeline.write(read.articles, format: stream, options: writerOptions).bytes
                }
                return .articles(read.articles, lines: lines, warnings: warnings)
            }
        } catch {
            return .failed(error)
        }
    }

    /// `OUT/crawl` for `archives/crawl.warc.gz` (the whole extension dropped, compound or not).
    static func stem(for path: String, in folder: String) -> String {
        let name = path == "-" ? "stdin" : Files.fileName(of: path)
        var stem = name
        if let ext = FormatRegistry.fileExtension(of: name), name.count > ext.count + 1 {
            stem = String(name.dropLast(ext.count + 1))
        }
        return folder.hasSuffix("/") ? folder + stem : folder + "/" + stem
    }

    /// Reads the start of a file (or standard input) for format detection: up to `count` bytes.
    package static func head(of path: String, count: Int = 1 << 16) -> [UInt8] {
        let descriptor = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { if descriptor != 0 { close(descriptor) } }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, count - filled) }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        return Array(bytes.prefix(filled))
    }
}

// MARK: - DescriptorSource

/// An archive's bytes from a file descriptor, after `prefix` (bytes of standard input already
/// read to detect its format).
final class DescriptorSource: ArchiveByteSource {
    private let descriptor: Int32
    private let path: String
    private var prefix: [UInt8]

    init(descriptor: Int32, path: String, prefix: [UInt8]) {
        self.descriptor = descriptor
        self.path = path
        self.prefix = descriptor == 0 ? prefix : []
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(FormatError) -> Int {
        if !prefix.isEmpty {
            let count = min(buffer.count, prefix.count)
            prefix.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            prefix.removeFirst(count)
            return count
        }
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw FormatError(
                id: "input.io", message: "could not be read: \(String(cString: strerror(errno)))",
                file: path == "-" ? "<stdin>" : path)
        }
    }
}
