// copydesk — ArticleFormats / WARC
// A WARC record's web page as an article: the HTTP response read, the page read by the HTML reader.

import ArticleModel

// MARK: - WARCReader

/// Reads the pages of a web archive (WARC 1.0, 1.1): each `response` record with an HTTP status
/// of 200 and an HTML content type, and each `resource` record of HTML, becomes an article read
/// by the format the registry gives for `text/html`, with the HTTP charset handed to it.
///
/// `WARC-Target-URI` becomes `source.url`, `WARC-Date` the capture date
/// (`extensions.dates.captured`, never the publication date), and the record's id, type and
/// offset `extensions.archiveRecord`, for provenance. Other records are counted and skipped:
/// `request`, `metadata`, `warcinfo` and other record types, `revisit` records, truncated ones
/// (`WARC-Truncated`), other HTTP statuses and other content types.
package struct WARCReader: ArchiveReader {
    package init() {}

    package func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        try readWhole(input, options: options)
    }

    package func scanner(source: any ArchiveByteSource, file: String?, options: ReaderOptions) -> any ArchiveScanner {
        WARCScanner(source: source, file: file, options: options)
    }

    package func read(
        record: ArchiveRecord, file: String?, options: ReaderOptions
    ) throws(FormatError)
        -> ArchiveReading
    {
        let type = (record.header("WARC-Type") ?? "").lowercased()
        let name = file ?? "<stdin>"
        if record.isCutOff {
            throw FormatError(
                id: "warc.truncated",
                message: "the file ends inside the \(type.isEmpty ? "" : type + " ")record at \(record.position) "
                    + "(\(record.block.count) of \(record.header("Content-Length") ?? "?") bytes); skipped",
                file: name, hint: "the file is cut off: download it again")
        }
        switch type {
        case "response", "resource": break
        case "revisit": return .skipped(reason: "revisit", detail: "a revisit record (no page of its own)")
        case "request", "metadata", "warcinfo": return .skipped(reason: type, detail: "a \(type) record")
        default: return .skipped(reason: "other record type", detail: "a record of type \(type.messageQuoted)")
        }
        if let truncated = record.header("WARC-Truncated") {
            return .skipped(reason: "truncated", detail: "the crawler truncated it (\(truncated))")
        }
        if record.overLimit {
            return .skipped(
                reason: "over --max-input-size",
                detail: "its block (\(record.header("Content-Length") ?? "?") bytes) is over --max-input-size")
        }
        var page: (status: Int?, mediaType: String?, charset: String?, body: ArraySlice<UInt8>)
        if type == "response", (record.header("Content-Type") ?? "").lowercased().containsText("application/http") {
            guard let response = HTTPResponse(record.block[...]) else {
                throw FormatError(
                    id: "warc.http",
                    message: "the response record at \(record.position) does not hold an HTTP response", file: name)
            }
            guard response.status == 200 else {
                return .skipped(reason: "status not 200", detail: "HTTP status \(response.status)")
            }
            var body = response.body
            if response.header("Transfer-Encoding")?.lowercased().contains("chunked") == true,
                let joined = HTTPResponse.dechunked(body)
            {
                body = joined[...]
            }
            if let encoding = response.header("Content-Encoding")?.lowercased(), encoding != "identity" {
                guard encoding.contains("gzip"),
                    let inflated = Inflater.whole(body, limit: options.limits.maxInputBytes)
                else {
                    return .skipped(reason: "content encoding", detail: "Content-Encoding \(encoding.messageQuoted)")
                }
                body = inflated[...]
            }
            let content = response.header("Content-Type").map(Self.mediaType)
            page = (response.status, content?.type, content?.charset, body)
        } else {
            let content = record.header("Content-Type").map(Self.mediaType)
            page = (nil, content?.type, content?.charset, record.block[...])
        }
        guard let html = FormatRegistry.readableFormat(forMediaType: "text/html"), let reader = html.reader else {
            return .skipped(reason: "not HTML", detail: "no HTML reader")
        }
        let isPage =
            page.mediaType.map { $0 == "text/html" || $0 == "application/xhtml+xml" }
            ?? ((try? FormatRegistry.detect(path: nil, bytes: page.body))??.format.name == html.name)
        guard isPage else {
            return .skipped(reason: "not HTML", detail: "content type \((page.mediaType ?? "unknown").messageQuoted)")
        }
        var pageOptions = options
        if let charset = page.charset { pageOptions.declaredCharset = charset }
        let uri = record.header("WARC-Target-URI").map(Self.bareURI)
        // The page's own messages name the record: `crawl.warc.gz@2048:37:1` is line 37 of the
        // page in the record at byte 2048.
        let label = "\(name)@\(record.offset)"
        var read = try reader.read(ReaderInput(bytes: Array(page.body), file: label), options: pageOptions)
        for index in read.articles.indices {
            decorate(&read.articles[index], record: record, uri: uri, file: file)
        }
        return .articles(read)
    }

    /// The record's provenance on the article.
    private func decorate(_ article: inout Article, record: ArchiveRecord, uri: String?, file: String?) {
        var source = article.source ?? ArticleSource()
        if let uri { source.url = uri }
        source.file = file
        source.format = "warc"
        article.source = source
        if let date = record.header("WARC-Date") {
            var dates: [String: JSONValue] = [:]
            if case .object(let given)? = article.extensions[ExtensionKey.dates] { dates = given }
            dates["captured"] = .string(date)
            article.extensions[ExtensionKey.dates] = .object(dates)
        }
        var provenance: [String: JSONValue] = ["offset": .number(Double(record.offset))]
        if let id = record.header("WARC-Record-ID") { provenance["id"] = .string(id) }
        if let type = record.header("WARC-Type") { provenance["type"] = .string(type.lowercased()) }
        article.extensions[ExtensionKey.archiveRecord] = .object(provenance)
    }

    /// `text/html; charset=UTF-8` → (`text/html`, `utf-8`).
    static func mediaType(_ value: String) -> (type: String, charset: String?) {
        let parts = value.split(separator: ";")
        let type = parts.first.map { String($0).trimmingWhitespace().lowercased() } ?? ""
        var charset: String?
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                charset = pair[1].filter { $0 != "\"" && $0 != "'" }.lowercased()
            }
        }
        return (type, charset?.isEmpty == true ? nil : charset)
    }

    /// WARC 1.0 writes the URI in angle brackets; 1.1 does not.
    static func bareURI(_ value: String) -> String {
        value.hasPrefix("<") && value.hasSuffix(">") ? String(value.dropFirst().dropLast()) : value
    }
}

// MARK: - HTTPResponse

/// An HTTP/1.x response as a WARC response record holds it: status, headers and body.
struct HTTPResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: ArraySlice<UInt8>

    init?(_ bytes: ArraySlice<UInt8>) {
        // The head ends at the first blank line (CRLF CRLF, or LF LF from careless writers).
        var index = bytes.startIndex
        var headEnd: Int?
        var bodyStart = bytes.endIndex
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                var after = index + 1
                if after < bytes.endIndex, bytes[after] == 0x0D { after += 1 }
                if after < bytes.endIndex, bytes[after] == 0x0A {
                    headEnd = index
                    bodyStart = after + 1
                    break
                }
            }
            index += 1
        }
        let head = String(decoding: bytes[bytes.startIndex..<(headEnd ?? bytes.endIndex)], as: UTF8.self)
        var lines = head.split(whereSeparator: \.isNewline)
        guard !lines.isEmpty, lines[0].hasPrefix("HTTP/") else { return nil }
        let statusLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true)
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        self.status = status
        headers = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (
                String(line[..<colon]).trimmingWhitespace(),
                String(line[line.index(after: colon)...]).trimmingWhitespace()
            )
        }
        body = bytes[bodyStart...]
    }

    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// A chunked body joined, or `nil` when it is not chunked after all (crawlers often store the
    /// body decoded and leave the header).
    static func dechunked(_ body: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var index = body.startIndex
        while true {
            guard let lineEnd = body[index...].firstIndex(of: 0x0A) else { return nil }
            let sizeText = String(String(decoding: body[index..<lineEnd], as: UTF8.self).prefix { $0 != ";" })
                .trimmingWhitespace()
            guard !sizeText.isEmpty, let size = Int(sizeText, radix: 16), size >= 0 else { return nil }
            let start = lineEnd + 1
            if size == 0 { return out }
            guard start + size <= body.endIndex else { return nil }
            out += body[start..<(start + size)]
            index = start + size
            if index < body.endIndex, body[index] == 0x0D { index += 1 }
            if index < body.endIndex, body[index] == 0x0A { index += 1 }
            if index >= body.endIndex { return out }
        }
    }
}
