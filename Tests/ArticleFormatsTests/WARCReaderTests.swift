// copydesk — WARC reader tests
// Small web archives built here, record by record: each kind of record, each compression, each failure.

import ArticleModel
import Testing

@testable import ArticleFormats

/// Builds WARC records and gzip members (stored deflate blocks, so no compressor is needed).
enum WARCBuilder {
    static func record(
        _ type: String, uri: String? = "https://news.example.org/a", id: String = "<urn:uuid:0001>",
        date: String = "2024-05-01T10:00:00Z", contentType: String?, block: [UInt8], version: String = "1.1",
        extra: [(String, String)] = [], declaredLength: Int? = nil
    ) -> [UInt8] {
        var head = "WARC/\(version)\r\nWARC-Type: \(type)\r\nWARC-Record-ID: \(id)\r\nWARC-Date: \(date)\r\n"
        if let uri { head += "WARC-Target-URI: \(version == "1.0" ? "<\(uri)>" : uri)\r\n" }
        for (name, value) in extra { head += "\(name): \(value)\r\n" }
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        head += "Content-Length: \(declaredLength ?? block.count)\r\n\r\n"
        return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
    }

    static func http(
        status: Int = 200, contentType: String = "text/html; charset=utf-8", headers: [String] = [],
        body: [UInt8]
    ) -> [UInt8] {
        var head = "HTTP/1.1 \(status) X\r\nContent-Type: \(contentType)\r\n"
        for header in headers { head += header + "\r\n" }
        return Array((head + "\r\n").utf8) + body
    }

    static func response(
        _ body: [UInt8], status: Int = 200, contentType: String = "text/html; charset=utf-8",
        headers: [String] = [], id: String = "<urn:uuid:0001>", uri: String = "https://news.example.org/a",
        version: String = "1.1"
    ) -> [UInt8] {
        record(
            "response", uri: uri, id: id, contentType: "application/http; msgtype=response",
            block: http(status: status, contentType: contentType, headers: headers, body: body), version: version)
    }

    static func page(_ headline: String, _ paragraph: String) -> [UInt8] {
        Array(
            ("<!DOCTYPE html><html><head><title>\(headline)</title></head><body><article><h1>\(headline)</h1>"
                + "<p>\(paragraph)</p><p>\(paragraph) It was the second paragraph of the story.</p></article>"
                + "</body></html>").utf8)
    }

    /// One gzip member holding `bytes` in stored (uncompressed) deflate blocks.
    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF]
        var index = 0
        repeat {
            let count = min(65_535, bytes.count - index)
            let final: UInt8 = index + count == bytes.count ? 1 : 0
            out.append(final)
            out += [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += bytes[index..<(index + count)]
            index += count
        } while index < bytes.count
        out += littleEndian(crc32(bytes)) + littleEndian(UInt32(truncatingIfNeeded: bytes.count))
        return out
    }

    static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// A source that hands out a few bytes at a time, to cross every buffer boundary.
final class TricklingSource: ArchiveByteSource {
    private let bytes: [UInt8]
    private var position = 0
    private var step = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(FormatError) -> Int {
        step = step % 7 + 1
        let count = min(step, buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        for offset in 0..<count { buffer[offset] = bytes[position + offset] }
        position += count
        return count
    }
}

@Suite("WARC reader")
struct WARCReaderTests {
    let reader = WARCReader()

    /// Every item of an archive, records read: articles, skip reasons and problems, in order.
    func items(
        _ bytes: [UInt8], source: (any ArchiveByteSource)? = nil, options: ReaderOptions = .default
    )
        -> (articles: [Article], skipped: [String], problems: [String], failures: [String])
    {
        let scanner = reader.scanner(source: source ?? ArchiveMemorySource(bytes), file: "t.warc", options: options)
        var result: ([Article], [String], [String], [String]) = ([], [], [], [])
        while let item = scanner.next() {
            switch item {
            case .problem(let error): result.2.append(error.message)
            case .record(let record):
                do {
                    switch try reader.read(record: record, file: "t.warc", options: options) {
                    case .articles(let read): result.0 += read.articles
                    case .skipped(let reason, _): result.1.append(reason)
                    }
                } catch {
                    result.3.append(error.message)
                }
            }
        }
        return result
    }

    func text(_ article: Article) -> String {
        article.body.map(\.plainText).joined(separator: "\n")
    }

    @Test("A response record of HTML becomes an article with its URL, capture date and record id")
    func responseRecord() throws {
        let bytes = WARCBuilder.response(
            WARCBuilder.page("Harbour wall repaired", "Workers finished the harbour wall on Monday."),
            id: "<urn:uuid:aaaa>", uri: "https://news.example.org/harbour")
        let found = items(bytes)
        #expect(found.problems.isEmpty && found.failures.isEmpty)
        let article = try #require(found.articles.first)
        #expect(found.articles.count == 1)
        #expect(article.headline == "Harbour wall repaired")
        #expect(article.source?.url == "https://news.example.org/harbour")
        #expect(article.source?.format == "warc")
        #expect(article.published == nil)
        #expect(article.extensions["dates"] == .object(["captured": .string("2024-05-01T10:00:00Z")]))
        #expect(
            article.extensions["archiveRecord"]
                == .object(["id": .string("<urn:uuid:aaaa>"), "type": .string("response"), "offset": .number(0)]))
        #expect(text(article).contains("Workers finished the harbour wall"))
    }

    @Test("WARC 1.0: the target URI in angle brackets is read bare")
    func warc10() throws {
        let bytes = WARCBuilder.response(
            WARCBuilder.page("Old format", "A page kept in a WARC 1.0 file for years."), version: "1.0")
        let article = try #require(items(bytes).articles.first)
        #expect(article.source?.url == "https://news.example.org/a")
    }

    @Test("A resource record of HTML is read; its content type is the WARC header's")
    func resourceRecord() throws {
        let bytes = WARCBuilder.record(
            "resource", contentType: "text/html", block: WARCBuilder.page("A resource", "Stored as it was fetched."))
        let found = items(bytes)
        #expect(found.articles.map(\.headline) == ["A resource"])
    }

    @Test("Records that are not pages are counted and skipped, each with its reason")
    func skippedKinds() {
        let page = WARCBuilder.page("Kept", "The one page that is an article here.")
        var bytes = WARCBuilder.record(
            "warcinfo", uri: nil, contentType: "application/warc-fields", block: Array("software: x\r\n".utf8))
        bytes += WARCBuilder.record(
            "request", contentType: "application/http; msgtype=request", block: Array("GET / HTTP/1.1\r\n\r\n".utf8))
        bytes += WARCBuilder.response(page, status: 404)
        bytes += WARCBuilder.response(Array("User-agent: *".utf8), contentType: "text/plain")
        bytes += WARCBuilder.record(
            "revisit", contentType: "application/http", block: Array("HTTP/1.1 200 OK\r\n\r\n".utf8))
        bytes += WARCBuilder.record("metadata", contentType: "application/warc-fields", block: Array("a: b\r\n".utf8))
        bytes += WARCBuilder.record(
            "response", contentType: "application/http; msgtype=response", block: WARCBuilder.http(body: page),
            extra: [("WARC-Truncated", "length")])
        bytes += WARCBuilder.response(page)
        let found = items(bytes)
        #expect(found.articles.map(\.headline) == ["Kept"])
        #expect(
            found.skipped == ["warcinfo", "request", "status not 200", "not HTML", "revisit", "metadata", "truncated"])
        #expect(found.problems.isEmpty && found.failures.isEmpty)
    }

    @Test("gzip a record per member: each article's offset is its member's; the same articles as uncompressed")
    func gzipPerRecord() throws {
        let first = WARCBuilder.response(
            WARCBuilder.page("First story", "The first story's text is here."), id: "<urn:uuid:1>")
        let second = WARCBuilder.response(
            WARCBuilder.page("Second story", "The second story's text is here."), id: "<urn:uuid:2>")
        let memberOne = WARCBuilder.gzip(first)
        let bytes = memberOne + WARCBuilder.gzip(second)
        let found = items(bytes)
        #expect(found.articles.map(\.headline) == ["First story", "Second story"])
        #expect(
            found.articles.map { $0.extensions["archiveRecord"]?.objectValueOffset } == [0, Double(memberOne.count)])
        #expect(items(first + second).articles.map(\.headline) == found.articles.map(\.headline))
        #expect(try FormatRegistry.detect(path: nil, bytes: bytes)?.format.name == "warc")
        #expect(try FormatRegistry.detect(path: nil, bytes: first)?.format.name == "warc")
    }

    @Test("gzip of the whole file, handed over a few bytes at a time, reads the same records")
    func gzipWholeTrickled() {
        var plain: [UInt8] = []
        for index in 1...3 {
            plain += WARCBuilder.response(
                WARCBuilder.page("Story \(index)", "Paragraph of story number \(index), long enough."),
                id: "<urn:uuid:\(index)>")
        }
        let whole = WARCBuilder.gzip(plain)
        let trickled = items(whole, source: TricklingSource(whole))
        #expect(trickled.articles.map(\.headline) == ["Story 1", "Story 2", "Story 3"])
        #expect(
            items(plain, source: TricklingSource(plain)).articles.map(\.headline) == ["Story 1", "Story 2", "Story 3"])
    }

    @Test("The HTTP charset is handed to the HTML reader: ISO-8859-7 bytes read as Greek")
    func httpCharset() throws {
        // 0xE1 0xE2 is «αβ» in ISO-8859-7 (it would be «áâ» in Windows-1252); the page declares nothing.
        let body =
            Array("<html><head><title>Greek</title></head><body><article><h1>Greek</h1><p>Letters ".utf8)
            + [0xE1, 0xE2] + Array(" in a paragraph long enough to be the story.</p></article></body></html>".utf8)
        let bytes = WARCBuilder.response(body, contentType: "text/html; charset=ISO-8859-7")
        let article = try #require(items(bytes).articles.first)
        #expect(text(article).contains("αβ"))
    }

    @Test("A chunked, gzip-encoded HTTP body is joined and decompressed")
    func chunkedAndEncoded() throws {
        let page = WARCBuilder.page("Encoded", "A body sent chunked and compressed by the server.")
        let compressed = WARCBuilder.gzip(page)
        let half = compressed.count / 2
        let crlf: [UInt8] = [0x0D, 0x0A]
        var chunked: [UInt8] = Array(String(half, radix: 16).utf8) + crlf
        chunked += compressed[..<half]
        chunked += crlf + Array(String(compressed.count - half, radix: 16).utf8) + crlf
        chunked += compressed[half...]
        chunked += Array("\r\n0\r\n\r\n".utf8)
        let bytes = WARCBuilder.response(
            chunked, headers: ["Transfer-Encoding: chunked", "Content-Encoding: gzip"])
        #expect(items(bytes).articles.map(\.headline) == ["Encoded"])
    }

    @Test("A corrupt gzip member is reported at its byte offset and the next member is read")
    func corruptMember() {
        let first = WARCBuilder.gzip(WARCBuilder.response(WARCBuilder.page("Lost", "This one is damaged on disk.")))
        var damaged = first
        // The stored block's length and its complement no longer agree: zlib refuses the member.
        damaged[12] ^= 0xFF
        let second = WARCBuilder.gzip(WARCBuilder.response(WARCBuilder.page("Kept", "This one is whole and read.")))
        let found = items(damaged + second)
        #expect(found.articles.map(\.headline) == ["Kept"])
        #expect(found.problems.count == 1)
        #expect(found.problems.first?.contains("corrupt gzip member at byte 0") == true)
        #expect(found.problems.first?.contains("byte \(first.count)") == true)
    }

    @Test("A malformed record header is reported at its offset and the next record is read")
    func malformedHeader() {
        let first = WARCBuilder.response(WARCBuilder.page("First", "The first page of the file."))
        var broken = WARCBuilder.response(WARCBuilder.page("Broken", "A record whose header is damaged."))
        broken.replaceSubrange(0..<4, with: Array("WXRC".utf8))
        let last = WARCBuilder.response(WARCBuilder.page("Last", "The last page of the file."))
        let found = items(first + broken + last)
        #expect(found.articles.map(\.headline) == ["First", "Last"])
        #expect(
            found.problems == [
                "malformed WARC record at byte \(first.count): expected a WARC record header (WARC/1.1), found «WXRC/1.1»; "
                    + "skipped to the next record"
            ])
        let noLength = Array("WARC/1.1\r\nWARC-Type: response\r\n\r\n".utf8)
        #expect(items(noLength + last).problems.first?.contains("has no Content-Length") == true)
    }

    @Test("A file cut off inside a record is an error naming the record; the records before it are read")
    func cutOff() {
        let first = WARCBuilder.response(WARCBuilder.page("Whole", "The page before the cut."))
        let second = WARCBuilder.response(WARCBuilder.page("Cut", "The page the file ends inside."))
        let found = items(first + second.prefix(second.count - 40))
        #expect(found.articles.map(\.headline) == ["Whole"])
        #expect(found.failures.count == 1)
        #expect(found.failures.first?.contains("ends inside the response record at byte \(first.count)") == true)
        let gzipped = WARCBuilder.gzip(first) + WARCBuilder.gzip(second).prefix(30)
        let compressed = items(gzipped)
        #expect(compressed.articles.map(\.headline) == ["Whole"])
        #expect(compressed.problems.contains { $0.contains("the file ends inside the gzip member") })
    }

    @Test("A block over --max-input-size is passed over and counted; the next record is read")
    func overLimit() {
        let big = WARCBuilder.response(WARCBuilder.page("Big", String(repeating: "Long text. ", count: 400)))
        let small = WARCBuilder.response(WARCBuilder.page("Small", "A short page after the long one."))
        var options = ReaderOptions()
        options.limits.maxInputBytes = 2000
        let found = items(big + small, options: options)
        #expect(found.articles.map(\.headline) == ["Small"])
        #expect(found.skipped == ["over --max-input-size"])
    }

    @Test("Read whole: an archive with no page is an error that says what it held, never an empty result")
    func noArticle() {
        let bytes = WARCBuilder.response(Array("User-agent: *".utf8), contentType: "text/plain")
        #expect(throws: FormatError.self) {
            try reader.read(ReaderInput(bytes: bytes, file: "t.warc"), options: .default)
        }
        do {
            _ = try reader.read(ReaderInput(bytes: bytes, file: "t.warc"), options: .default)
        } catch {
            #expect(error.id == "archive.empty")
            #expect(error.message.contains("1 not HTML"))
        }
    }

    @Test("warc.gz is one extension, and .warc and .warc.gz name the WARC format")
    func extensions() {
        #expect(FormatRegistry.fileExtension(of: "crawls/CC-NEWS-2024.warc.gz") == "warc.gz")
        #expect(FormatRegistry.fileExtension(of: "a.gz") == "gz")
        #expect(FormatRegistry.format(forPath: "x.warc.gz")?.name == "warc")
        #expect(FormatRegistry.format(forPath: "x.WARC")?.name == "warc")
    }
}

extension JSONValue {
    fileprivate var objectValueOffset: Double? {
        if case .object(let fields) = self { return fields["offset"]?.numberValue }
        return nil
    }
}
