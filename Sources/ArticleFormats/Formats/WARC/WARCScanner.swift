// copydesk — ArticleFormats / WARC
// A WARC file's records, one at a time: uncompressed, gzip a record per member, or gzip whole.

import ArticleModel

// MARK: - WARCScanner

/// Scans a WARC 1.0 or 1.1 file record by record, holding one record and a read buffer (a few
/// hundred KiB) at a time, so a file of any size is read in constant memory.
///
/// - Compression is seen from the first bytes: gzip (`1f 8b`), a record per member as WARC
///   writers do or the whole file as one member, else uncompressed.
/// - A damaged gzip member is reported with its byte offset and reading resumes at the next
///   member; the records it held are lost and said to be. A header that is not a WARC record
///   header is reported with its offset and reading resumes at the next `WARC/` line.
/// - A block declared longer than `ReaderLimits.maxInputBytes` is passed over unread.
final class WARCScanner: ArchiveScanner {
    private let source: any ArchiveByteSource
    private let file: String
    private let maxBlock: Int

    // The compressed side: raw bytes read, the next one to inflate, and the offset of raw[0].
    private var raw: [UInt8] = []
    private var rawPosition = 0
    private var rawBase = 0
    private var rawEnded = false
    private var isGzip: Bool?
    private var inflater: Inflater?
    private var inMember = false
    private var memberStart = 0
    /// Where each member's output begins in the decompressed stream, and the member's offset.
    private var members: [(data: Int, member: Int)] = []

    // The decompressed side: bytes not yet taken, the next one, and the offset of data[0].
    private var data: [UInt8] = []
    private var dataPosition = 0
    private var dataBase = 0
    private var dataEnded = false
    /// Offsets in the decompressed stream where a damaged member's output was left out: a record
    /// across one is lost.
    private var breaks: [Int] = []
    private var problems: [FormatError] = []
    private var scratch = [UInt8](repeating: 0, count: 1 << 18)

    init(source: any ArchiveByteSource, file: String?, options: ReaderOptions) {
        self.source = source
        self.file = file ?? "<stdin>"
        self.maxBlock = options.limits.maxInputBytes
    }

    // MARK: Records

    func next() -> ArchiveItem? {
        while true {
            if !problems.isEmpty { return .problem(problems.removeFirst()) }
            if dataPosition > 1 << 20 {
                data.removeSubrange(..<dataPosition)
                dataBase += dataPosition
                dataPosition = 0
            }
            // Blank lines end the previous record (and pad between records).
            while true {
                if dataPosition == data.count {
                    if fill() { continue }
                    if !problems.isEmpty { break }
                    return nil
                }
                let byte = data[dataPosition]
                guard byte == 0x0D || byte == 0x0A else { break }
                dataPosition += 1
            }
            if !problems.isEmpty { continue }
            let start = dataBase + dataPosition
            breaks.removeAll { $0 <= start }
            if let item = record(at: start) { return item }
        }
    }

    /// The record starting at `start` (absolute), or `nil` after a problem was queued.
    private func record(at start: Int) -> ArchiveItem? {
        let place = position(of: start)
        guard let headerEnd = findHeaderEnd(from: start) else { return nil }
        let headerBytes = data[(start - dataBase)..<(headerEnd.content - dataBase)]
        let text = String(decoding: headerBytes, as: UTF8.self)
        // A Character holds CR LF together: lines end at any newline character.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let version = lines.isEmpty ? "" : String(lines.removeFirst())
        guard version.hasPrefix("WARC/") else {
            malformed(
                at: start, place: place, "expected a WARC record header (WARC/1.1), found \(version.messageQuoted)")
            return nil
        }
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + String(line).trimmingWhitespace()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                malformed(at: start, place: place, "the header line \(String(line).messageQuoted) has no ':'")
                return nil
            }
            headers.append(
                (
                    String(line[..<colon]).trimmingWhitespace(),
                    String(line[line.index(after: colon)...]).trimmingWhitespace()
                ))
        }
        let lengthText = headers.first { $0.name.lowercased() == "content-length" }?.value
        guard let lengthText, let length = Int(lengthText), length >= 0 else {
            malformed(
                at: start, place: place,
                lengthText == nil
                    ? "the record has no Content-Length"
                    : "its Content-Length \(lengthText!.messageQuoted) is not a number")
            return nil
        }
        let blockStart = headerEnd.next
        dataPosition = blockStart - dataBase
        var record = ArchiveRecord(offset: place.offset, position: place.text, headers: headers, block: [])
        if length > maxBlock {
            record.overLimit = true
            var left = length
            while left > 0 {
                if dataPosition == data.count {
                    data.removeAll(keepingCapacity: true)
                    dataBase += dataPosition
                    dataPosition = 0
                    guard fill() else { break }
                    if lostAcrossBreak(start: start, place: place) { return nil }
                    continue
                }
                let take = min(left, data.count - dataPosition)
                dataPosition += take
                left -= take
            }
            record.isCutOff = left > 0
            return .record(record)
        }
        let end = blockStart + length
        while dataBase + data.count < end, !dataEnded {
            if lostAcrossBreak(start: start, place: place) { return nil }
            if !fill() { break }
        }
        if lostAcrossBreak(start: start, place: place, end: end) { return nil }
        let available = min(end, dataBase + data.count) - dataBase
        record.block = Array(data[dataPosition..<available])
        record.isCutOff = available + dataBase < end
        dataPosition = available
        return .record(record)
    }

    /// Where the header ends: the first byte of the blank line (`content`) and the byte after it.
    private func findHeaderEnd(from start: Int) -> (content: Int, next: Int)? {
        var scan = start - dataBase
        while true {
            while scan < data.count {
                if data[scan] == 0x0A {
                    var after = scan + 1
                    if after < data.count, data[after] == 0x0D { after += 1 }
                    if after < data.count, data[after] == 0x0A { return (dataBase + scan + 1, dataBase + after + 1) }
                    if after >= data.count { break }
                }
                scan += 1
            }
            if let lost = breaks.first, lost > start, lost <= dataBase + data.count {
                _ = lostAcrossBreak(start: start, place: position(of: start))
                return nil
            }
            if data.count - (start - dataBase) > 1 << 20 {
                malformed(at: start, place: position(of: start), "the record header runs over 1 MiB without ending")
                return nil
            }
            guard fill() else {
                let rest = data[(start - dataBase)...]
                if !rest.allSatisfy({ $0 == 0x0D || $0 == 0x0A || $0 == 0 }) {
                    problems.append(
                        error(
                            "the file ends inside the record header at \(position(of: start).text) (the file is cut off)"
                        ))
                }
                dataPosition = data.count
                return nil
            }
        }
    }

    /// When a damaged member's output was left out between `start` and `end`, the record is lost:
    /// says so and moves on to the bytes after the break.
    private func lostAcrossBreak(start: Int, place: (offset: Int, text: String), end: Int = .max) -> Bool {
        guard let lost = breaks.first, lost > start, lost < end, lost <= dataBase + data.count else { return false }
        breaks.removeFirst()
        dataPosition = max(dataPosition, lost - dataBase)
        problems.append(
            error("the record at \(place.text) is lost: part of it was in the damaged gzip member (reported above)"))
        return true
    }

    /// A header that is not a record's: reported, and reading resumes at the next `WARC/` line.
    private func malformed(at start: Int, place: (offset: Int, text: String), _ message: String) {
        problems.append(error("malformed WARC record at \(place.text): \(message); skipped to the next record"))
        var scan = start - dataBase + 1
        let marker = Array("\nWARC/".utf8)
        while true {
            while scan + marker.count <= data.count {
                if data[scan] == 0x0A, data[scan..<(scan + marker.count)].elementsEqual(marker) {
                    dataPosition = scan + 1
                    return
                }
                scan += 1
            }
            let keep = max(dataPosition, data.count - marker.count)
            guard fill() else {
                dataPosition = data.count
                return
            }
            scan = max(scan, keep)
        }
    }

    private func error(_ message: String) -> FormatError {
        FormatError(id: "warc.record", message: message, file: file)
    }

    /// The offset that finds a record again, and its words.
    private func position(of start: Int) -> (offset: Int, text: String) {
        guard isGzip == true, let member = members.last(where: { $0.data <= start }) else {
            return (start, "byte \(start)")
        }
        if let index = members.lastIndex(where: { $0.data <= start }), index > 0 { members.removeFirst(index) }
        if member.data == start { return (member.member, "byte \(member.member)") }
        return (start, "byte \(start) of the decompressed stream (in the gzip member at byte \(member.member))")
    }

    // MARK: Bytes

    /// Reads more raw bytes; `false` at the end of the input.
    private func readRaw() -> Bool {
        guard !rawEnded else { return false }
        if rawPosition > 1 << 20 || rawPosition == raw.count {
            raw.removeSubrange(..<rawPosition)
            rawBase += rawPosition
            rawPosition = 0
        }
        var count = 0
        var failure: FormatError?
        scratch.withUnsafeMutableBytes { buffer in
            do throws(FormatError) {
                count = try source.read(into: buffer)
            } catch {
                failure = error
            }
        }
        if let failure {
            problems.append(failure)
            rawEnded = true
            return false
        }
        if count == 0 {
            rawEnded = true
            return false
        }
        raw += scratch[..<count]
        return true
    }

    /// Makes more decompressed bytes available (or queues a problem); `false` at the end.
    private func fill() -> Bool {
        guard !dataEnded else { return false }
        if isGzip == nil {
            while raw.count - rawPosition < 2, readRaw() {}
            isGzip = raw.count >= 2 && raw[0] == 0x1F && raw[1] == 0x8B
            if isGzip == true { inflater = Inflater() }
        }
        guard isGzip == true, let inflater else {
            if rawPosition == raw.count, !readRaw() {
                dataEnded = true
                return false
            }
            data += raw[rawPosition...]
            rawPosition = raw.count
            return true
        }
        while true {
            if rawPosition == raw.count, !readRaw() {
                if inMember {
                    problems.append(
                        error("the file ends inside the gzip member at byte \(memberStart) (the file is cut off)"))
                    breaks.append(dataBase + data.count)
                    inMember = false
                }
                dataEnded = true
                return !problems.isEmpty
            }
            if !inMember {
                while raw.count - rawPosition < 3, readRaw() {}
                let head = raw[rawPosition...].prefix(3)
                if head.elementsEqual([0x1F, 0x8B, 0x08]) {
                    memberStart = rawBase + rawPosition
                    inMember = true
                    members.append((dataBase + data.count, memberStart))
                } else if head.allSatisfy({ $0 == 0 }) {
                    rawPosition += head.count
                    continue
                } else {
                    let at = rawBase + rawPosition
                    let next = resynchronise(from: rawPosition + 1)
                    problems.append(error("the bytes at byte \(at) are not a gzip member; \(next)"))
                    breaks.append(dataBase + data.count)
                    return true
                }
            }
            let position = rawPosition
            let step = raw.withUnsafeBytes { input in
                scratch.withUnsafeMutableBytes { output in
                    inflater.inflate(UnsafeRawBufferPointer(rebasing: input[position...]), into: output)
                }
            }
            if let failure = step.failure {
                // What the damaged member gave is left out (unless a whole record of it was taken).
                let memberData = members.last?.data ?? dataBase
                data.removeSubrange(max(memberData - dataBase, dataPosition)...)
                breaks.append(dataBase + data.count)
                inflater.reset()
                inMember = false
                let next = resynchronise(from: rawPosition + 1)
                problems.append(error("corrupt gzip member at byte \(memberStart) (\(failure)); \(next)"))
                return true
            }
            rawPosition += step.consumed
            data += scratch[..<step.produced]
            if step.memberEnded {
                inflater.reset()
                inMember = false
            }
            if step.produced > 0 { return true }
        }
    }

    /// Moves to the next gzip member header at or after `index` in `raw`; says where reading resumes.
    private func resynchronise(from index: Int) -> String {
        var scan = index
        while true {
            while scan + 3 <= raw.count {
                if raw[scan] == 0x1F, raw[scan + 1] == 0x8B, raw[scan + 2] == 0x08 {
                    rawPosition = scan
                    return "reading resumes at the next gzip member, byte \(rawBase + scan)"
                }
                scan += 1
            }
            rawPosition = max(rawPosition, scan)
            let before = rawBase
            guard readRaw() else {
                rawPosition = raw.count
                return "no gzip member follows it"
            }
            scan -= rawBase - before
        }
    }
}
