// copydesk — ArticleFormats
// Archives of many records (web archives), read a record at a time in constant memory.

import ArticleModel

// MARK: - Byte sources

/// Where an archive's bytes come from: a file descriptor, standard input, or bytes in memory.
package protocol ArchiveByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes into `buffer`; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(FormatError) -> Int
}

/// An archive already in memory (a whole file read by the ordinary pipeline, or a test's bytes).
package final class ArchiveMemorySource: ArchiveByteSource {
    private let bytes: [UInt8]
    private var position = 0

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(FormatError) -> Int {
        let count = min(buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<(position + count)]))
        }
        position += count
        return count
    }
}

// MARK: - Records

/// One record of an archive as its file holds it: its headers and its block, and where it starts.
package struct ArchiveRecord: Sendable {
    /// The byte offset that finds the record again: in a file compressed a record per gzip member,
    /// the member's offset in the compressed file (as CDX indexes give it); in an uncompressed
    /// file, the record's offset; in a file compressed whole, the offset in the decompressed stream.
    package var offset: Int
    /// The offset in words, for messages (`byte 2048`, `byte 91 of the decompressed stream`).
    package var position: String
    /// The record's header fields, in order (names as written).
    package var headers: [(name: String, value: String)]
    /// The record's block (empty when it was over the size limit: see `overLimit`).
    package var block: [UInt8]
    /// The file ended inside the block: `block` holds what there was.
    package var isCutOff = false
    /// The block's declared length, over `ReaderLimits.maxInputBytes`: it was passed over unread.
    package var overLimit = false

    package init(offset: Int, position: String, headers: [(name: String, value: String)], block: [UInt8]) {
        self.offset = offset
        self.position = position
        self.headers = headers
        self.block = block
    }

    /// The first header with this name (case-insensitive), trimmed.
    package func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}

/// What comes out of an archive, in file order: a record, or a problem found between records (a
/// damaged gzip member, a malformed header), reported with its position; reading goes on after it.
package enum ArchiveItem: Sendable {
    case record(ArchiveRecord)
    case problem(FormatError)
}

/// Reads an archive's records in order, holding one record (and a buffer) at a time.
package protocol ArchiveScanner: AnyObject {
    /// The next record or problem, or `nil` at the end of the archive.
    func next() -> ArchiveItem?
}

/// What one record became.
package enum ArchiveReading: Sendable {
    /// The articles it holds, and the reader's notes.
    case articles(ReadResult)
    /// Not an article: the reason, one of a few short phrases the summary counts (`not HTML`,
    /// `status not 200`, `revisit`), and details for a verbose message.
    case skipped(reason: String, detail: String)
}

/// A reader of an archive format (`FormatCapabilities.isArchive`): the archive is scanned a record
/// at a time and each record is read on its own, so records can be read in parallel and an archive
/// of any size is read in constant memory. Its `read(_:options:)` reads a whole archive in memory.
package protocol ArchiveReader: ArticleReader {
    /// A scanner over the archive's bytes. `file` names it in messages.
    func scanner(source: any ArchiveByteSource, file: String?, options: ReaderOptions) -> any ArchiveScanner
    /// One record: its articles, or why it holds none. Throws when the record should hold an
    /// article and cannot be read.
    func read(record: ArchiveRecord, file: String?, options: ReaderOptions) throws(FormatError) -> ArchiveReading
}

/// Counts of records skipped, by reason, for an archive's summary.
package struct ArchiveTally: Sendable, Equatable {
    package var records = 0
    package var articles = 0
    package var skipped: [String: Int] = [:]
    package var failed = 0

    package init() {}

    /// `412 records: 380 articles; skipped: 20 not HTML, 12 revisit; 0 failed`.
    package var summary: String {
        var text = "\(records) record(s): \(articles) article(s)"
        let skips = skipped.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        if !skips.isEmpty { text += "; skipped " + skips.map { "\($0.value) \($0.key)" }.joined(separator: ", ") }
        if failed > 0 { text += "; \(failed) failed" }
        return text
    }
}

extension ArchiveReader {
    /// Reads every record of an archive in memory: the articles in order, skips as one note, and
    /// damaged records as warnings; throws when the archive gave no article and something was
    /// wrong, so nothing is read silently as empty.
    package func readWhole(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let scanner = scanner(source: ArchiveMemorySource(input.bytes), file: input.file, options: options)
        var result = ReadResult(articles: [])
        var tally = ArchiveTally()
        var firstError: FormatError?
        while let item = scanner.next() {
            switch item {
            case .problem(let error):
                tally.failed += 1
                firstError = firstError ?? error
                result.diagnostics.append(Self.warning(error))
            case .record(let record):
                tally.records += 1
                do {
                    switch try read(record: record, file: input.file, options: options) {
                    case .articles(let read):
                        tally.articles += read.articles.count
                        result.articles += read.articles
                        result.diagnostics += read.diagnostics
                    case .skipped(let reason, _):
                        tally.skipped[reason, default: 0] += 1
                    }
                } catch {
                    tally.failed += 1
                    firstError = firstError ?? error
                    result.diagnostics.append(Self.warning(error))
                }
            }
        }
        if result.articles.isEmpty {
            throw FormatError(
                id: "archive.empty",
                message: "no article in the archive (\(tally.summary))"
                    + (firstError.map { "; first problem: \($0.message)" } ?? ""),
                file: input.file ?? "<stdin>",
                hint: "only HTML pages (response or resource records with status 200) become articles")
        }
        result.diagnostics.append(
            Diagnostic(
                id: "archive.summary", severity: tally.failed > 0 ? .warning : .note, message: tally.summary,
                location: nil, file: input.file))
        return result
    }

    private static func warning(_ error: FormatError) -> Diagnostic {
        var diagnostic = error.diagnostic
        diagnostic.severity = .warning
        return diagnostic
    }
}
