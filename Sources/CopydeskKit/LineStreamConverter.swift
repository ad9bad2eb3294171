// copydesk — CopydeskKit
// A line stream in, a line stream out (NDJSON), one record at a time: for pipelines, xargs, GNU
// parallel, Hadoop streaming.

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

// MARK: - LineStreamConverter

/// Reads a line stream (a format whose capabilities say `isLineStream`: NDJSON) record by record,
/// analyses each article and writes it as one line of the target line stream, in the input's
/// order. Memory holds a window of a few records per job, never the stream, so it works on streams
/// of any length. A bad record is reported (at its line) and skipped; the others continue.
package struct LineStreamConverter: Sendable {
    package var source: FormatDescriptor
    package var target: FormatDescriptor
    package var pipeline: Pipeline
    package var readerOptions: ReaderOptions
    package var writerOptions: WriterOptions
    package var jobs: Int

    /// A converter from `source` to `target`, or `nil` unless both are line streams that copydesk
    /// reads and writes a record at a time.
    package init?(
        from source: FormatDescriptor, to target: FormatDescriptor, pipeline: Pipeline = Pipeline(),
        readerOptions: ReaderOptions = .default, writerOptions: WriterOptions = .default, jobs: Int = 1
    ) {
        guard source.capabilities.isLineStream, target.capabilities.isLineStream,
            source.reader is any LineRecordReader, target.isWritable
        else { return nil }
        self.source = source
        self.target = target
        self.pipeline = pipeline
        self.readerOptions = readerOptions
        self.writerOptions = writerOptions
        self.jobs = max(1, jobs)
    }

    package struct Summary: Sendable {
        package var articles = 0
        package var failed = 0
        package var seconds = 0.0
        package var interruptedBy: Int32?
        package var cancelled = false
    }

    /// Converts the stream in `path` (`-` for standard input) into `output`; `failure` gets each
    /// bad record's error, in order.
    package func run(
        path: String, output: AtomicOutputStream, cancellation: CancellationFlag = CancellationFlag(),
        failure: (String) -> Void
    ) throws(CopydeskError) -> Summary {
        let start = ContinuousClock.now
        let descriptor = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .io(path: path, message: "cannot be opened for reading", hint: "check the path and its permissions")
        }
        defer { if descriptor != 0 { close(descriptor) } }
        let file = path == "-" ? nil : path
        var summary = Summary()
        // Bytes read and not yet taken as lines: `pending[taken...]` (the taken ones are dropped
        // before the next read, not a line at a time, so a block of short lines costs one copy).
        var pending: [UInt8] = []
        var taken = 0
        var lineNumber = 0
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var finished = false
        let window = jobs * 32
        while !finished, !cancellation.isCancelled {
            // Gather a window of complete lines (the last line may lack its LF).
            var records: [Record] = []
            while records.count < window {
                if let newline = pending[taken...].firstIndex(of: 0x0A) {
                    lineNumber += 1
                    records.append(Record(number: lineNumber, bytes: Array(pending[taken..<newline])))
                    taken = newline + 1
                    continue
                }
                if taken > 0 {
                    pending.removeSubrange(..<taken)
                    taken = 0
                }
                // Wait for input a little at a time, so an interruption is seen while stdin is idle.
                var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                if poll(&waiting, 1, 200) == 0 {
                    if cancellation.isCancelled { break }
                    continue
                }
                let count = block.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw .io(path: path, message: "could not be read: \(String(cString: strerror(errno)))", hint: nil)
                }
                if count == 0 {
                    if !pending.isEmpty {
                        lineNumber += 1
                        records.append(Record(number: lineNumber, bytes: pending))
                        pending = []
                    }
                    finished = true
                    break
                }
                pending += block[..<count]
            }
            let converted = OrderedParallel.map(records, jobs: jobs) { record in
                convert(record, file: file)
            }
            for result in converted {
                switch result {
                case .success(let line):
                    guard let line else { continue }
                    try output.write(line.bytes)
                    summary.articles += line.articles
                case .failure(let error):
                    summary.failed += 1
                    failure(error.description)
                }
            }
        }
        let elapsed = ContinuousClock.now - start
        summary.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        summary.interruptedBy = cancellation.signal
        summary.cancelled = cancellation.isCancelled
        return summary
    }

    struct Record: Sendable {
        var number: Int
        var bytes: [UInt8]
    }

    struct Line: Sendable {
        var bytes: [UInt8]
        var articles: Int
    }

    /// One record read, analysed and written; `nil` for a blank line.
    func convert(_ record: Record, file: String?) -> Result<Line?, CopydeskError> {
        do throws(CopydeskError) {
            let read: ReadResult?
            do {
                guard let reader = source.reader as? any LineRecordReader else { return .success(nil) }
                read = try reader.read(
                    record: record.bytes[...], number: record.number, file: file, options: readerOptions)
            } catch {
                throw CopydeskError.format(error)
            }
            guard var articles = read?.articles else { return .success(nil) }
            for index in articles.indices {
                _ = pipeline.analysis.run(&articles[index], budget: readerOptions.limits.analysisBudget)
            }
            let written = try pipeline.write(articles, format: target, options: writerOptions)
            return .success(Line(bytes: written.bytes, articles: articles.count))
        } catch {
            return .failure(error)
        }
    }
}
