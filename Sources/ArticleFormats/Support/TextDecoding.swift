// copydesk — ArticleFormats
// Bytes to text, once, for every text-based reader: BOMs, encodings, line endings.

import ArticleModel

// MARK: - TextDecoding

/// Decodes input bytes to a string with `\n` line endings.
///
/// UTF-8 is the default: a BOM is skipped, UTF-16 with a BOM is decoded, and invalid bytes are
/// an error that names the line, column and byte offset (never mojibake). With
/// `InputEncoding.windows1252` every byte is mapped through the Windows-1252 table instead.
package enum TextDecoding {
    package static func decode(_ bytes: [UInt8], options: ReaderOptions, file: String?) throws(FormatError) -> String {
        let text: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            text = try decodeUTF16(bytes, file: file)
        } else {
            // Binary data first: its bytes are rarely valid text in any encoding, and saying
            // "binary" is more useful than pointing at an encoding.
            if let nul = bytes.firstIndex(of: 0) {
                let prefix = String(decoding: bytes[..<nul], as: UTF8.self)
                throw FormatError(
                    id: "input.binary",
                    message: "input contains a NUL byte at offset \(nul): this looks like binary data, not an article",
                    location: location(afterPrefix: normalizeLineEndings(prefix), file: file), file: file,
                    hint: "check that the file is a text article in a supported format (copydesk formats); "
                        + "UTF-16 needs a byte-order mark")
            }
            switch options.encoding {
            case .utf8:
                let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
                text = try decodeUTF8(body, offsetBase: bytes.count - body.count, file: file)
            case .windows1252:
                text = try decodeWindows1252(bytes, file: file)
            }
        }
        if let nul = text.unicodeScalars.firstIndex(of: "\0") {
            let prefix = String(text.unicodeScalars[..<nul])
            throw FormatError(
                id: "input.binary",
                message: "input contains a NUL character: this looks like binary data, not an article",
                location: location(afterPrefix: normalizeLineEndings(prefix), file: file), file: file,
                hint: "check that the file is a text article in a supported format (copydesk formats)")
        }
        return normalizeLineEndings(text)
    }

    /// CRLF and lone CR become LF.
    package static func normalizeLineEndings(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                previousWasCR = true
            } else {
                if !(scalar == "\n" && previousWasCR) { out.append(scalar) }
                previousWasCR = false
            }
        }
        return String(out)
    }

    private static func decodeUTF8(_ bytes: [UInt8], offsetBase: Int, file: String?) throws(FormatError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Invalid: find the first bad byte to say where it is.
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                consumed += UTF8.width(scalar)
            case .emptyInput:
                return String(scalars)
            case .error:
                let offset = consumed + offsetBase
                let byte = bytes[consumed]
                let hex = String(byte, radix: 16, uppercase: true)
                let location = location(afterPrefix: normalizeLineEndings(String(scalars)), file: file)
                throw FormatError(
                    id: "input.encoding",
                    message: "input is not valid UTF-8: byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(offset)",
                    location: location, file: file,
                    hint:
                        "re-encode the file as UTF-8 (iconv -f WINDOWS-1252 -t UTF-8), or read it with --input-encoding windows-1252"
                )
            }
        }
    }

    /// The UTF-16 code units of bytes that start with a byte-order mark (`FF FE` little-endian,
    /// `FE FF` big-endian), the mark left out; an odd last byte is dropped.
    package static func utf16CodeUnits(_ bytes: [UInt8]) -> [UInt16] {
        let bigEndian = bytes.first == 0xFE
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let high = UInt16(bytes[bigEndian ? index : index + 1])
            let low = UInt16(bytes[bigEndian ? index + 1 : index])
            units.append(high << 8 | low)
            index += 2
        }
        return units
    }

    private static func decodeUTF16(_ bytes: [UInt8], file: String?) throws(FormatError) -> String {
        let units = utf16CodeUnits(bytes)
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return String(scalars)
            case .error:
                throw FormatError(
                    id: "input.encoding", message: "input has a UTF-16 byte-order mark but invalid UTF-16 data",
                    location: location(afterPrefix: normalizeLineEndings(String(scalars)), file: file), file: file,
                    hint: "re-encode the file as UTF-8 (iconv -f UTF-16 -t UTF-8)")
            }
        }
    }

    /// Windows-1252: Latin-1 plus the printable characters Microsoft put in 0x80–0x9F. The five
    /// bytes that have no character there (0x81, 0x8D, 0x8F, 0x90, 0x9D) are an error.
    package static func decodeWindows1252(_ bytes: [UInt8], file: String? = nil) throws(FormatError) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for (offset, byte) in bytes.enumerated() {
            guard let mapped = windows1252Scalar(byte) else {
                throw FormatError(
                    id: "input.encoding",
                    message:
                        "byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset) has no character in Windows-1252",
                    location: location(afterPrefix: normalizeLineEndings(String(scalars)), file: file), file: file,
                    hint: "the file is in another encoding; convert it to UTF-8 with iconv")
            }
            scalars.append(mapped)
        }
        return String(scalars)
    }

    /// The character a Windows-1252 byte stands for, or `nil` for the five it leaves undefined.
    package static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar? {
        byte >= 0x80 && byte <= 0x9F ? windows1252High[Int(byte - 0x80)] : Unicode.Scalar(byte)
    }

    private static let windows1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// The line and column just after `prefix` (already `\n`-normalised).
    static func location(afterPrefix prefix: String, file: String?) -> SourceLocation {
        var line = 1
        var column = 1
        for scalar in prefix.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
