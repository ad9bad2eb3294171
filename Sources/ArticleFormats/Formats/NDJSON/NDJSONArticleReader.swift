// copydesk — ArticleFormats
// NDJSON (JSON Lines) in: one canonical-JSON article object per line.

import ArticleModel

// MARK: - NDJSONArticleReader

/// Reads newline-delimited JSON: each non-blank line is one article in copydesk's canonical JSON,
/// parsed as strictly as a `.json` file. Errors and positions name the line in the whole stream
/// (`stream.ndjson:42:17`), so a bad record in a long stream is easy to find.
///
/// Lines are split on LF bytes and each is decoded on its own (UTF-8, a BOM and a CR before the LF
/// allowed, or Windows-1252 on request), so a stream can be read one line at a time
/// (`read(line:number:file:options:)`) with memory that does not grow with its length. A blank
/// line is skipped; a stream without any article is an error, as for every reader.
package struct NDJSONArticleReader: LineRecordReader {
    package init() {}

    package func read(
        record: ArraySlice<UInt8>, number: Int, file: String?, options: ReaderOptions
    ) throws(FormatError) -> ReadResult? {
        try Self.read(line: record, number: number, file: file, options: options)
    }

    package func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        var result = ReadResult(articles: [])
        var number = 0
        for line in input.bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            guard let read = try Self.read(line: line, number: number, file: input.file, options: options) else {
                continue
            }
            result.articles += read.articles
            result.diagnostics += read.diagnostics
        }
        guard !result.articles.isEmpty else {
            throw FormatError(
                id: "input.empty", message: "the NDJSON input holds no article",
                location: SourceLocation(file: input.file, line: 1), file: input.file ?? "<stdin>",
                hint: "NDJSON holds one article object per line, such as {\"headline\": …, \"body\": […]}")
        }
        return result
    }

    /// The article on line `number` of a stream (without its LF), or `nil` for a blank line.
    package static func read(
        line: ArraySlice<UInt8>, number: Int, file: String?, options: ReaderOptions = .default
    ) throws(FormatError) -> ReadResult? {
        guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return nil }
        guard line.count <= options.limits.maxInputBytes else {
            throw .limit(
                "the record is \(line.count) bytes, over the limit of \(options.limits.maxInputBytes) bytes",
                option: "--max-input-size", file: file, location: SourceLocation(file: file, line: number))
        }
        let text: String
        do {
            text = try TextDecoding.decode(Array(line), options: options, file: file)
        } catch {
            // Decoding saw the line alone: move its position to the line in the stream.
            var moved = error
            if let place = error.location {
                moved.location = SourceLocation(file: place.file, line: number + place.line - 1, column: place.column)
            } else {
                moved.location = SourceLocation(file: file, line: number)
            }
            throw moved
        }
        return try JSONArticleReader().read(
            text: text, file: file, firstLine: number, objectOnly: true, maxDepth: options.limits.maxDepth)
    }
}
