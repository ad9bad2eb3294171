// copydesk — HTML reader
// The page's bytes as UTF-8: the encoding from the BOM, the page's own declarations, or the bytes.

import ArticleModel

// MARK: - HTMLEncoding

/// Decodes a page to UTF-8 the way browsers and the established extractors do, and says what it
/// assumed (docs/HTML.md, "Parsing and encodings"):
///
/// 1. `--input-encoding windows-1252` forces Windows-1252.
/// 2. A byte-order mark (UTF-8, UTF-16).
/// 3. Bytes that are valid UTF-8 are UTF-8, whatever the page declares (pages are often
///    transcoded to UTF-8 with the old declaration left in); a note says so when the declaration
///    disagreed.
/// 4. Otherwise what the page declares: an XML prolog's `encoding=`, or the `charset=` of a
///    `<meta charset>` or `http-equiv` in the first 4 KB. An encoding of the Latin family
///    (ISO-8859-1, Windows-1252, ASCII) and UTF-8 itself go to step 5; any other that libxml2
///    knows (ISO-8859-2, Windows-1251, Shift_JIS, GB2312, KOI8-R…) is decoded by libxml2.
/// 5. The byte-level guess: every valid UTF-8 sequence is read as UTF-8 and every other byte as
///    Windows-1252 (so a Latin-1 page, and a UTF-8 page with a few stray Latin-1 bytes, both
///    read right). The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
///    are left out.
///
/// NUL bytes in a page are left out with a note; a file where more than one byte, and more than
/// `HTMLHeuristics.binaryNULShare` of them, is NUL is binary data and refused.
enum HTMLEncoding {
    /// The bytes to parse, the encoding libxml2 should read them in, and what was assumed.
    struct Decoded {
        var bytes: [UInt8]
        /// `UTF-8`, or a declared encoding libxml2 converts itself.
        var encoding = "UTF-8"
        /// What was assumed, for a note (nil when the page was plain UTF-8 as declared).
        var note: String?
    }

    /// Declared names read as Windows-1252 (its superset), as browsers do.
    static let latinFamily: Set<String> = [
        "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "us-ascii", "ascii",
        "iso-8859-15", "latin-9", "x-cp1252",
    ]

    static let utf8Names: Set<String> = ["utf-8", "utf8", "unicode-1-1-utf-8"]

    static func decode(
        _ input: [UInt8], options: ReaderOptions, file: String?, knows: (String) -> Bool = { _ in false }
    ) throws(FormatError) -> Decoded {
        var bytes = input
        var notes: [String] = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return Decoded(bytes: Array(try TextDecoding.decode(bytes, options: options, file: file).utf8))
        }
        var scan = scan(bytes)
        if scan.nulCount > 0 {
            if scan.nulCount > 1, Double(scan.nulCount) > HTMLHeuristics.binaryNULShare * Double(bytes.count) {
                throw FormatError(
                    id: "html.binary",
                    message: "the file is \(percent(scan.nulCount, of: bytes.count)) NUL bytes: it is binary data, "
                        + "not an HTML page",
                    file: file ?? "<stdin>", hint: "check that the file is an HTML page")
            }
            let offset = bytes.firstIndex(of: 0) ?? 0
            bytes.removeAll { $0 == 0 }
            notes.append(
                "the page holds \(scan.nulCount) NUL byte\(scan.nulCount == 1 ? "" : "s") (the first at offset "
                    + "\(offset)); left out")
            scan.nulCount = 0
        }
        func finished(_ decoded: Decoded) -> Decoded {
            var decoded = decoded
            let all = notes + [decoded.note].compactMap { $0 }
            decoded.note = all.isEmpty ? nil : all.joined(separator: "; ")
            return decoded
        }
        if options.encoding == .windows1252 {
            let (text, undefined) = windows1252(bytes)
            return finished(
                Decoded(
                    bytes: text,
                    note: undefined > 0 ? "read as Windows-1252 (--input-encoding); \(undefinedNote(undefined))" : nil))
        }
        // ASCII is the same in every encoding copydesk reads.
        if !scan.hasHighBytes { return finished(Decoded(bytes: bytes)) }
        let declared = options.declaredCharset ?? declaredCharset(bytes)
        if scan.isValidUTF8 {
            if let declared, !utf8Names.contains(declared) {
                return finished(
                    Decoded(bytes: bytes, note: "the page declares \(declared) but its bytes are UTF-8: read as UTF-8"))
            }
            return finished(Decoded(bytes: bytes))
        }
        if let declared, !latinFamily.contains(declared), !utf8Names.contains(declared), knows(declared) {
            return finished(Decoded(bytes: bytes, encoding: declared, note: nil))
        }
        let (text, undefined) = mixed(bytes)
        var note: String
        switch declared {
        case let name? where latinFamily.contains(name):
            note = "the page declares \(name): read as Windows-1252, with the UTF-8 sequences in it as UTF-8"
        case let name? where utf8Names.contains(name):
            note =
                "the page declares UTF-8 but is not valid UTF-8: the bytes that are not UTF-8 are read as Windows-1252"
        case let name?:
            note =
                "the page declares \(name), an encoding libxml2 does not know: the bytes that are not UTF-8 are "
                + "read as Windows-1252"
        case nil:
            note =
                "the page declares no encoding and is not valid UTF-8: the bytes that are not UTF-8 are read as "
                + "Windows-1252"
        }
        if undefined > 0 { note += "; " + undefinedNote(undefined) }
        return finished(Decoded(bytes: text, note: note))
    }

    private static func percent(_ part: Int, of whole: Int) -> String {
        "\(Int((Double(part) * 100 / Double(max(whole, 1))).rounded()))%"
    }

    private static func undefinedNote(_ count: Int) -> String {
        "\(count) byte\(count == 1 ? "" : "s") that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) "
            + "left out"
    }

    // MARK: Decoders

    /// Appends the UTF-8 of one Windows-1252 byte; false for an undefined byte (left out).
    private static func appendWindows1252(_ byte: UInt8, to out: inout [UInt8]) -> Bool {
        guard let scalar = TextDecoding.windows1252Scalar(byte) else { return false }
        out.append(contentsOf: UTF8.encode(scalar)!)
        return true
    }

    /// Every byte as Windows-1252; the undefined ones left out and counted.
    static func windows1252(_ bytes: [UInt8]) -> (bytes: [UInt8], undefined: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var undefined = 0
        for byte in bytes where !appendWindows1252(byte, to: &out) { undefined += 1 }
        return (out, undefined)
    }

    /// Valid UTF-8 sequences as they are, every other byte as Windows-1252.
    static func mixed(_ bytes: [UInt8]) -> (bytes: [UInt8], undefined: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var undefined = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                out.append(byte)
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length > 0 {
                out.append(contentsOf: bytes[index..<index + length])
                index += length
            } else {
                if !appendWindows1252(byte, to: &out) { undefined += 1 }
                index += 1
            }
        }
        return (out, undefined)
    }

    /// The length of the valid UTF-8 sequence starting at `index` (a byte ≥ 0x80), or 0.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let byte = bytes[index]
        let length: Int
        switch byte {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        // Overlong, surrogate and out-of-range forms.
        let second = bytes[index + 1]
        if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) || (byte == 0xF0 && second < 0x90)
            || (byte == 0xF4 && second > 0x8F)
        {
            return 0
        }
        return length
    }

    // MARK: Scanning

    /// One pass over the bytes: NUL bytes, bytes above ASCII, and whether they are valid UTF-8.
    static func scan(_ bytes: [UInt8]) -> (nulCount: Int, hasHighBytes: Bool, isValidUTF8: Bool) {
        var nulCount = 0
        var hasHigh = false
        var valid = true
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight ASCII bytes at a time (most of a page is markup).
            if index + 8 <= count {
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: index, as: UInt64.self) }
                if word & 0x8080_8080_8080_8080 == 0 {
                    // A zero byte in the word: (w - 0x01…) & ~w & 0x80… is non-zero.
                    if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 {
                        for offset in 0..<8 where bytes[index + offset] == 0 { nulCount += 1 }
                    }
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 { nulCount += 1 }
                index += 1
                continue
            }
            hasHigh = true
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                valid = false
                index += 1
            } else {
                index += length
            }
        }
        return (nulCount, hasHigh, valid)
    }

    /// The encoding a page declares, lowercased: the `encoding=` of an XML prolog at its start, else
    /// the first `charset=` in its first 4 KB (`<meta charset>`, `http-equiv` Content-Type).
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096)
        if head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: 0x3E),
            let value = value(after: "encoding=", in: head[..<end])
        {
            return value
        }
        return value(after: "charset=", in: head)
    }

    /// The name after `key` (case-insensitive), quotes and spaces skipped.
    private static func value(after key: String, in head: ArraySlice<UInt8>) -> String? {
        let key = Array(key.utf8)
        var index = head.startIndex
        while index + key.count <= head.endIndex {
            var matched = 0
            while matched < key.count, lowercase(head[index + matched]) == key[matched] { matched += 1 }
            if matched == key.count {
                var start = index + key.count
                while start < head.endIndex, head[start] == 0x22 || head[start] == 0x27 || head[start] == 0x20 {
                    start += 1
                }
                var end = start
                while end < head.endIndex, isCharsetByte(head[end]) { end += 1 }
                return end > start ? String(decoding: head[start..<end], as: UTF8.self).lowercased() : nil
            }
            index += 1
        }
        return nil
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private static func isCharsetByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D || byte == 0x5F
            || byte == 0x3A || byte == 0x2E
    }
}
