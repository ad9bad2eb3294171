// copydesk — ArticleFormats
// gzip decompression through the system zlib, wrapped once: one owner begins and ends each stream.

internal import CZlib

// MARK: - Inflater

/// Decompresses gzip members with zlib, a piece at a time, and says where each member ends, so a
/// reader of many members (a `.warc.gz` written a record per member) knows the compressed offset
/// of each and can resume after a damaged one.
///
/// The class owns its `z_stream`: it is initialised in `init` and ended in `deinit`, nowhere else.
/// Not thread-safe; each reader has its own.
final class Inflater {
    /// What one call to `inflate` did.
    struct Step {
        /// Compressed bytes consumed.
        var consumed: Int
        /// Decompressed bytes produced.
        var produced: Int
        /// Whether the member ended (the inflater is ready for the next member).
        var memberEnded: Bool
        /// zlib's message when it refused the data: the member is damaged.
        var failure: String? = nil
    }

    private var stream = z_stream()
    private var initialised = false

    /// A gzip inflater; `nil` when zlib cannot allocate its state.
    init?() {
        // 15 + 16: a window of 32 KiB, gzip wrapper only.
        let status = inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { return nil }
        initialised = true
    }

    deinit {
        if initialised { inflateEnd(&stream) }
    }

    /// zlib's version (`1.2.13`).
    static var zlibVersionString: String { String(cString: zlibVersion()) }

    /// Starts a new member (after one ended, or to resume after a damaged one).
    func reset() {
        inflateReset(&stream)
    }

    /// Decompresses from `input` into `output`, as much as fits; `Step.failure` says when zlib
    /// refused the data.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Step {
        guard let inBase = input.baseAddress, let outBase = output.baseAddress, output.count > 0 else {
            return Step(consumed: 0, produced: 0, memberEnded: false)
        }
        stream.next_in = UnsafeMutablePointer(mutating: inBase.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        stream.next_out = outBase.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(output.count)
        let status = CZlib.inflate(&stream, Z_NO_FLUSH)
        var step = Step(
            consumed: input.count - Int(stream.avail_in), produced: output.count - Int(stream.avail_out),
            memberEnded: status == Z_STREAM_END)
        stream.next_in = nil
        stream.next_out = nil
        switch status {
        case Z_OK, Z_STREAM_END, Z_BUF_ERROR:
            return step
        default:
            step.failure = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            return step
        }
    }

    /// Decompresses a whole gzip body (an HTTP `Content-Encoding: gzip`), up to `limit` bytes;
    /// `nil` when it is not gzip, is damaged, or is larger.
    static func whole(_ bytes: ArraySlice<UInt8>, limit: Int) -> [UInt8]? {
        guard let inflater = Inflater() else { return nil }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var position = bytes.startIndex
        while true {
            let step = bytes.withUnsafeBytes { raw in
                chunk.withUnsafeMutableBytes { out in
                    inflater.inflate(UnsafeRawBufferPointer(rebasing: raw[(position - bytes.startIndex)...]), into: out)
                }
            }
            if step.failure != nil { return nil }
            position += step.consumed
            output += chunk[..<step.produced]
            if output.count > limit { return nil }
            if step.memberEnded { return output }
            if step.consumed == 0, step.produced == 0 { return nil }
        }
    }

    /// Decompresses the start of a gzip member, up to `limit` bytes, for sniffing; `nil` when the
    /// bytes are not gzip.
    static func prefix(ofGzip bytes: some Collection<UInt8>, limit: Int) -> [UInt8]? {
        guard let inflater = Inflater() else { return nil }
        let input = Array(bytes)
        var output = [UInt8](repeating: 0, count: limit)
        let step = input.withUnsafeBytes { raw in output.withUnsafeMutableBytes { inflater.inflate(raw, into: $0) } }
        if step.failure != nil { return nil }
        return Array(output.prefix(step.produced))
    }
}
