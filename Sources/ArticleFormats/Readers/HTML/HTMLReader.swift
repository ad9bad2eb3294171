// copydesk — HTML reader
// Web pages and CMS exports: metadata from JSON-LD and meta tags, the body without the page around it.

import ArticleModel

// MARK: - HTMLReader

/// Reads one article from an HTML page.
///
/// The page is parsed by libxml2 (recover mode, no network). Metadata comes from the best
/// source that has it (JSON-LD, then OpenGraph and other meta tags, then the markup), and the
/// source of each field is recorded in `extensions.provenance`. The body is found by
/// `ContentExtractor` and built by `HTMLBlockBuilder`. See docs/HTML.md.
public struct HTMLReader: ArticleReader {
    public init() {}

    public func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let utf8 = try HTMLEncoding.utf8Bytes(input.bytes, options: options, file: input.file)
        if utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw FormatError(
                id: "html.empty", message: "the HTML page is empty", file: input.file ?? "<stdin>",
                hint: "check that the file was downloaded completely")
        }
        let document = try HTMLDocument.parse(utf8: utf8, file: input.file)
        var metadata = HTMLMetadata(document: document, file: input.file)
        var article = metadata.article()

        // The strictest attempt that finds a story's worth of text; else the one that found the most.
        let standfirsts = Set(metadata.standfirstElements())
        var extractor = ContentExtractor(document: document, metadataNodes: standfirsts)
        var chosen = extractor.extract()
        if extractor.textLength < HTMLHeuristics.minimumStoryLength {
            for options in ContentExtractor.Options.attempts.dropFirst() {
                var attempt = ContentExtractor(document: document, options: options, metadataNodes: standfirsts)
                let found = attempt.extract()
                // A looser attempt wins only when it finds much more: a short story stays short
                // rather than gaining the furniture the strict attempt left out.
                if attempt.textLength > HTMLHeuristics.looserReadingFactor * extractor.textLength,
                    attempt.textLength > extractor.textLength + HTMLHeuristics.looserReadingMargin
                {
                    extractor = attempt
                    chosen = found
                }
                if extractor.textLength >= HTMLHeuristics.minimumStoryLength { break }
            }
        }
        var builder = HTMLBlockBuilder(document: document, file: input.file) { extractor.isRemoved($0) }
        for node in chosen { builder.add(node) }
        builder.flush()
        var furniture: [(Block, String)] = []
        let blocks = builder.blocks.filter { block in
            guard let reason = BoilerplateLines.reason(block) else { return true }
            furniture.append((block, reason))
            return false
        }
        article.body = Self.withoutRepeatedMetadata(blocks, article: article)

        if article.source == nil { article.source = ArticleSource() }
        article.source?.format = "html"
        article.source?.file = input.file
        var diagnostics: [Diagnostic] = []
        if let line = document.stoppedByDepth {
            diagnostics.append(
                Diagnostic(
                    id: "html.too-deep", severity: .warning,
                    message:
                        "elements nest more than 256 deep here; libxml2 stopped reading the page, and the rest of "
                        + "it is left out", location: SourceLocation(file: input.file, line: max(line, 1), column: 1),
                    file: input.file))
        }
        if article.body.isEmpty {
            diagnostics.append(
                Diagnostic(
                    id: "html.no-content", severity: .warning,
                    message: "no article text was found in the page", location: nil, file: input.file))
        }
        for node in chosen {
            diagnostics.append(
                Diagnostic(
                    id: "html.content", severity: .note,
                    message: "article text taken from \(Self.describe(document, node))",
                    location: document.nodes[node].line > 0
                        ? SourceLocation(file: input.file, line: document.nodes[node].line, column: 1) : nil,
                    file: input.file))
        }
        for (block, reason) in furniture {
            diagnostics.append(
                Diagnostic(
                    id: "html.boilerplate", severity: .note, message: "left out a line: \(reason)",
                    location: block.location, file: input.file))
        }
        for dropped in extractor.dropped {
            let node = document.nodes[dropped.node]
            let tag = Self.describe(document, dropped.node)
            diagnostics.append(
                Diagnostic(
                    id: "html.boilerplate", severity: .note, message: "left out \(tag): \(dropped.reason)",
                    location: node.line > 0 ? SourceLocation(file: input.file, line: node.line, column: 1) : nil,
                    file: input.file))
        }
        return ReadResult(articles: [article], diagnostics: diagnostics)
    }

    /// `<div class="…" id="…">`, shortened, for notes.
    static func describe(_ document: HTMLDocument, _ index: Int) -> String {
        let node = document.nodes[index]
        var tag = "<" + node.name
        if let value = node.attribute("class"), !value.isEmpty { tag += " class=\"\(value.prefix(40))\"" }
        if let value = node.attribute("id"), !value.isEmpty { tag += " id=\"\(value.prefix(40))\"" }
        return tag + ">"
    }

    /// Leading blocks that repeat the headline are metadata, not body.
    static func withoutRepeatedMetadata(_ blocks: [Block], article: Article) -> [Block] {
        // The headline repeated at the top of the body is metadata. A standfirst taken from a
        // page's description is not dropped: sites often reuse the first paragraph as the
        // description, and that paragraph is still the story's first.
        let repeated = [article.headline].compactMap { $0 }
        guard !repeated.isEmpty else { return blocks }
        let keys = Set(repeated.map(key))
        // Only a block about as long as the headline or standfirst can repeat it.
        let longest = repeated.map(\.utf8.count).max() ?? 0
        var out = blocks
        while let first = out.first, first.kind == .paragraph || first.kind == .heading {
            let text = first.plainText
            guard text.utf8.count <= longest * 2 + 16, keys.contains(key(text)) else { break }
            out.removeFirst()
        }
        return out
    }

    private static func key(_ text: String) -> String {
        text.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}

// MARK: - HTMLEncoding

/// The page's bytes as UTF-8: from the BOM, `<meta charset>` or `http-equiv`, else UTF-8.
enum HTMLEncoding {
    static func utf8Bytes(_ bytes: [UInt8], options: ReaderOptions, file: String?) throws(FormatError) -> [UInt8] {
        if options.encoding == .windows1252 {
            return Array(try TextDecoding.decodeWindows1252(bytes, file: file).utf8)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try utf8Bytes(Array(bytes.dropFirst(3)), options: options, file: file)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return Array(try TextDecoding.decode(bytes, options: options, file: file).utf8)
        }
        let scan = scan(bytes)
        if scan.hasNUL {
            throw FormatError(
                id: "html.binary", message: "the file holds NUL bytes: it is binary data, not an HTML page",
                file: file ?? "<stdin>", hint: "check that the file is an HTML page")
        }
        // ASCII is the same in every encoding copydesk reads.
        if !scan.hasHighBytes { return bytes }
        if let declared = declaredCharset(bytes),
            ["iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii"].contains(declared)
        {
            // Latin-1 is read as its superset Windows-1252, as browsers do; a page that declares
            // Latin-1 but is valid UTF-8 was saved as UTF-8.
            if scan.isValidUTF8, declared != "windows-1252" { return bytes }
            return Array(try TextDecoding.decodeWindows1252(bytes, file: file).utf8)
        }
        if scan.isValidUTF8 { return bytes }
        // UTF-8 (declared or not) with invalid sequences: replaced rather than failing the page.
        return Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    /// One pass over the bytes: NUL bytes, bytes above ASCII, and whether they are valid UTF-8.
    static func scan(_ bytes: [UInt8]) -> (hasNUL: Bool, hasHighBytes: Bool, isValidUTF8: Bool) {
        var hasNUL = false
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
                    if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { hasNUL = true }
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 { hasNUL = true }
                index += 1
                continue
            }
            hasHigh = true
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            if length == 0 || index + length > count {
                valid = false
                index += 1
                continue
            }
            var ok = true
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { ok = false }
            // Overlong, surrogate and out-of-range forms.
            let second = bytes[index + 1]
            if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) || (byte == 0xF0 && second < 0x90)
                || (byte == 0xF4 && second > 0x8F)
            {
                ok = false
            }
            if !ok { valid = false }
            index += ok ? length : 1
        }
        return (hasNUL, hasHigh, valid)
    }

    /// The charset a page declares in its first 4 KB (`charset=` of a `<meta>`), lowercased.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096)
        let key = Array("charset=".utf8)
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
    }
}
