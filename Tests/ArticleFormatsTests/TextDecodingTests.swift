// copydesk — ArticleFormats tests
// Bytes to text: BOMs, line endings, encodings, and errors that say where.

import ArticleFormats
import ArticleModel
import Testing

@Suite("Text decoding")
struct TextDecodingTests {
    @Test("CRLF and CR become LF; a UTF-8 BOM is skipped")
    func lineEndings() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n".utf8)
        #expect(try TextDecoding.decode(bytes, options: .default, file: nil) == "a\nb\nc\n")
    }

    @Test("UTF-16 with a BOM is decoded")
    func utf16() throws {
        let little: [UInt8] = [0xFF, 0xFE, 0x48, 0x00, 0xE9, 0x00, 0x0D, 0x00, 0x0A, 0x00]
        #expect(try TextDecoding.decode(little, options: .default, file: nil) == "Hé\n")
        let big: [UInt8] = [0xFE, 0xFF, 0x00, 0x48, 0x00, 0xE9]
        #expect(try TextDecoding.decode(big, options: .default, file: nil) == "Hé")
    }

    @Test("Invalid UTF-8 is an error with line, column and byte offset")
    func invalidUTF8() {
        let bytes = Array("line one\ncaf".utf8) + [0xE9] + Array(" au lait\n".utf8)
        do {
            _ = try TextDecoding.decode(bytes, options: .default, file: "menu.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.id == "input.encoding")
            #expect(error.location == SourceLocation(file: "menu.txt", line: 2, column: 4))
            #expect(error.message.contains("byte 0xE9 at offset 12"))
            #expect(error.hint?.contains("--input-encoding windows-1252") == true)
        }
    }

    @Test("Windows-1252 maps curly quotes and the euro sign")
    func windows1252() throws {
        let bytes: [UInt8] = [0x93, 0x80, 0x35, 0x94, 0x20, 0xE9]
        let text = try TextDecoding.decode(bytes, options: ReaderOptions(encoding: .windows1252), file: nil)
        #expect(text == "“€5” é")
    }

    @Test("A NUL byte means binary data")
    func binary() {
        #expect(throws: FormatError.self) {
            try TextDecoding.decode([0x50, 0x4B, 0x03, 0x00, 0x04], options: .default, file: "a.txt")
        }
    }
}
