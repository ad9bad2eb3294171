// copydesk — ArticleFormats / HTML support
// Script and style bodies emptied before libxml2 reads the page: they are never content, and
// libxml2 reads them one character at a time.

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

// MARK: - RawTextElision

/// Empties the bodies of `script` and `style` elements of a UTF-8 page, keeping their line breaks,
/// before libxml2 parses it.
///
/// copydesk keeps no text of these elements except JSON-LD, yet libxml2 2.9 decodes and copies
/// every character of them (about a tenth of a page's reading cost, on the benchmark's pages).
/// This pass finds them by libxml2's own tokenising rules, in recover mode: markup outside them is
/// only stepped over (start tags with their quoted and unquoted attribute values, end tags,
/// comments, the doctype, processing instructions), and a body ends where libxml2 ends it, at the
/// first `</script` (or `</style`) in any case. A body keeps its `\n` bytes, so every line number
/// libxml2 reports is unchanged; a script whose start tag mentions `json` keeps its body (the
/// metadata reader needs JSON-LD).
///
/// Where a construct could be read two ways (an unterminated comment or quote, `--!>`, a `<`
/// inside an end tag or doctype, a body that begins with an end tag or a tag that is not a
/// template's, a close tag with more after its name), the pass stops and leaves the rest of the
/// page as it is: the tree libxml2 builds is then the same as from the original bytes, with fewer
/// characters in `script` and `style`.
/// `HTMLCorpusTests` checks that on every page of the corpora.
enum RawTextElision {
    /// The page with script and style bodies emptied, or `nil` when nothing was emptied.
    static func elide(_ bytes: [UInt8]) -> [UInt8]? {
        scan(bytes).bytes
    }

    /// The emptied page (`nil` when nothing was emptied) and the offset where the pass stopped
    /// early, if it did.
    static func scan(_ bytes: [UInt8]) -> (bytes: [UInt8]?, stoppedAt: Int?) {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(buffer)
            let result = scanner.run()
            return (result, scanner.stoppedAt)
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        /// The output so far, copied up to `copied`; empty until the first body is emptied.
        var output: [UInt8] = []
        var copied = 0
        /// Where the pass stopped before the end of the page.
        var stoppedAt: Int?

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func run() -> [UInt8]? {
            let count = bytes.count
            while let open = nextByte(UInt8(ascii: "<"), from: position) {
                position = open
                guard open + 1 < count else { break }
                let next = bytes[open + 1]
                if next == UInt8(ascii: "/") {
                    guard skipEndTag() else {
                        stoppedAt = open
                        break
                    }
                } else if next == UInt8(ascii: "!") {
                    guard skipDeclarationOrComment() else {
                        stoppedAt = open
                        break
                    }
                } else if next == UInt8(ascii: "?") {
                    // A processing instruction ends at `>`; with no `<` before it, reading it as
                    // text instead would resume at the same place.
                    guard let close = nextByte(UInt8(ascii: ">"), from: open + 2),
                        !contains(UInt8(ascii: "<"), from: open + 2, to: close)
                    else {
                        stoppedAt = open
                        break
                    }
                    position = close + 1
                } else if Self.isLetter(next) {
                    guard skipStartTag() else {
                        stoppedAt = open
                        break
                    }
                } else {
                    position = open + 1  // a `<` that is text
                }
            }
            guard copied > 0 else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return output
        }

        // MARK: Markup

        /// `</name>` steps over; `</` not followed by a name is text. Stops on an end tag with a
        /// `<` before its `>` (libxml2 versions differ on whether the junk after the name is
        /// skipped to `>` or read as text; quotes mean nothing in either).
        private mutating func skipEndTag() -> Bool {
            let start = position + 2
            guard start < bytes.count, Self.isNameStart(bytes[start]) else {
                position = start
                return true
            }
            guard let close = nextByte(UInt8(ascii: ">"), from: start),
                !contains(UInt8(ascii: "<"), from: start, to: close)
            else { return false }
            position = close + 1
            return true
        }

        /// A comment (`<!--` to the first `-->`), a doctype (to its `>`), or `<!` as text.
        private mutating func skipDeclarationOrComment() -> Bool {
            let start = position + 2
            if matches("--", at: start) {
                let content = start + 2
                // `<!-->`, `<!--->` and `--!>` are read differently by libxml2 versions.
                if matches(">", at: content) || matches("->", at: content) { return false }
                guard let end = find("-->", from: content) else { return false }
                if find("--!>", from: content, before: end) != nil { return false }
                position = end + 3
                return true
            }
            if matchesIgnoringCase("doctype", at: start) {
                // Ends at the first `>`, when no `<` comes first and no quoted identifier holds a `>`.
                var cursor = start
                var quote: UInt8?
                while cursor < bytes.count {
                    let byte = bytes[cursor]
                    if let open = quote {
                        if byte == open { quote = nil } else if byte == UInt8(ascii: ">") { return false }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: "<") {
                        return false
                    } else if byte == UInt8(ascii: ">") {
                        position = cursor + 1
                        return true
                    }
                    cursor += 1
                }
                return false
            }
            position += 1  // `<` as text, as libxml2 reads `<![if …]>` and the like
            return true
        }

        /// A start tag with its attributes, as libxml2's `htmlParseStartTag` reads it; a script or
        /// style element's body after it is emptied.
        private mutating func skipStartTag() -> Bool {
            let count = bytes.count
            var cursor = position + 1
            let nameStart = cursor
            while cursor < count, Self.isNameByte(bytes[cursor]) { cursor += 1 }
            let nameLength = cursor - nameStart
            guard nameLength < 100 else { return false }  // libxml2 cuts longer names
            let raw: String? =
                if nameLength == 6, matchesIgnoringCase("script", at: nameStart) {
                    "script"
                } else if nameLength == 5, matchesIgnoringCase("style", at: nameStart) {
                    "style"
                } else {
                    nil
                }
            // Attributes: a name, then optionally `=` and a value; a bogus one runs to a blank or the end.
            var selfClosed = false
            while true {
                while cursor < count, Self.isBlank(bytes[cursor]) { cursor += 1 }
                guard cursor < count else { return false }
                let byte = bytes[cursor]
                if byte == UInt8(ascii: ">") { break }
                if byte == UInt8(ascii: "/"), cursor + 1 < count, bytes[cursor + 1] == UInt8(ascii: ">") {
                    selfClosed = true
                    break
                }
                if Self.isNameStart(byte) {
                    while cursor < count, Self.isNameByte(bytes[cursor]) { cursor += 1 }
                    while cursor < count, Self.isBlank(bytes[cursor]) { cursor += 1 }
                    guard cursor < count, bytes[cursor] == UInt8(ascii: "=") else { continue }
                    cursor += 1
                    while cursor < count, Self.isBlank(bytes[cursor]) { cursor += 1 }
                    guard cursor < count else { return false }
                    let quote = bytes[cursor]
                    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                        guard let end = nextByte(quote, from: cursor + 1) else { return false }
                        cursor = end + 1
                    } else {
                        while cursor < count, !Self.isBlank(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") {
                            cursor += 1
                        }
                    }
                } else {
                    while cursor < count, !Self.isBlank(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"),
                        !(bytes[cursor] == UInt8(ascii: "/") && cursor + 1 < count
                            && bytes[cursor + 1] == UInt8(ascii: ">"))
                    {
                        cursor += 1
                    }
                }
            }
            let tagEnd = cursor
            position = selfClosed ? cursor + 2 : cursor + 1
            guard let raw, !selfClosed else { return true }
            return emptyBody(of: raw, keep: containsJSON(from: nameStart, to: tagEnd))
        }

        /// Empties the body that starts at `position`, up to the first `</name` in any case, which
        /// must close at once (`</script>`, blanks allowed before `>`).
        private mutating func emptyBody(of name: String, keep: Bool) -> Bool {
            let count = bytes.count
            let bodyStart = position
            var closeAt: Int?
            var search = bodyStart
            while let open = nextByte(UInt8(ascii: "<"), from: search) {
                if open + 1 < count, bytes[open + 1] == UInt8(ascii: "/"), matchesIgnoringCase(name, at: open + 2) {
                    closeAt = open
                    break
                }
                search = open + 1
            }
            let bodyEnd = closeAt ?? count
            if bodyEnd > bodyStart, bytes[bodyStart] == UInt8(ascii: "<"), bodyStart + 1 < count {
                // At the very start of the body libxml2 reads an end tag as markup, and a start tag
                // too when it closes the script (`<body>`); the tags of HTML templates do not.
                let next = bytes[bodyStart + 1]
                if next == UInt8(ascii: "/") || next == UInt8(ascii: "_") || next == UInt8(ascii: ":") { return false }
                if Self.isLetter(next) {
                    var end = bodyStart + 1
                    while end < count, Self.isNameByte(bytes[end]) { end += 1 }
                    let tag = String(decoding: bytes[(bodyStart + 1)..<end], as: UTF8.self).lowercased()
                    guard Self.templateTags.contains(tag) else { return false }
                }
            }
            if let closeAt {
                var cursor = closeAt + 2 + name.utf8.count
                while cursor < count, Self.isBlank(bytes[cursor]) { cursor += 1 }
                guard cursor < count, bytes[cursor] == UInt8(ascii: ">") else { return false }
                position = cursor + 1
            } else {
                position = count
            }
            if !keep, bodyEnd > bodyStart {
                if output.isEmpty { output.reserveCapacity(bytes.count) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bodyStart]))
                var search = bodyStart
                while let newline = nextByte(0x0A, from: search), newline < bodyEnd {
                    output.append(0x0A)
                    search = newline + 1
                }
                copied = bodyEnd
            }
            return true
        }

        // MARK: Bytes

        private func nextByte(_ byte: UInt8, from start: Int) -> Int? {
            guard start < bytes.count, let base = bytes.baseAddress else { return nil }
            guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        private func contains(_ byte: UInt8, from start: Int, to end: Int) -> Bool {
            guard start < end else { return false }
            return bytes[start..<end].contains(byte)
        }

        /// Whether the start tag mentions `json` (any case): a JSON-LD or other data script.
        private func containsJSON(from start: Int, to end: Int) -> Bool {
            var index = start
            while index + 4 <= end {
                if bytes[index] | 0x20 == UInt8(ascii: "j"), matchesIgnoringCase("json", at: index) { return true }
                index += 1
            }
            return false
        }

        /// The first `text` at or after `start`, starting before `limit` when one is given (the
        /// search then stops there, rather than running on to the end of the page).
        private func find(_ text: StaticString, from start: Int, before limit: Int? = nil) -> Int? {
            let first = text.utf8Start.pointee
            var search = start
            while let at = nextByte(first, from: search) {
                if let limit, at >= limit { return nil }
                if matches(text, at: at) { return at }
                search = at + 1
            }
            return nil
        }

        private func matches(_ text: StaticString, at start: Int) -> Bool {
            let length = text.utf8CodeUnitCount
            guard start + length <= bytes.count else { return false }
            for offset in 0..<length where bytes[start + offset] != text.utf8Start[offset] { return false }
            return true
        }

        /// Whether the bytes at `start` spell `lowercase` (ASCII letters) in any case.
        private func matchesIgnoringCase(_ lowercase: String, at start: Int) -> Bool {
            var index = start
            for expected in lowercase.utf8 {
                guard index < bytes.count else { return false }
                let byte = bytes[index]
                let folded = Self.isLetter(byte) ? byte | 0x20 : byte
                guard folded == expected else { return false }
                index += 1
            }
            return true
        }

        /// Tags that open HTML templates in scripts and close no script in libxml2's table of
        /// start tags that close elements (`htmlStartClose`).
        private static let templateTags: Set<String> = [
            "a", "article", "b", "button", "div", "em", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
            "h6", "header", "i", "img", "input", "label", "li", "nav", "ol", "option", "p", "section", "select",
            "small", "span", "strong", "svg", "table", "td", "th", "tr", "ul",
        ]

        // libxml2's classes: IS_BLANK_CH, IS_ASCII_LETTER, and htmlParseHTMLName's name bytes.
        private static func isBlank(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        private static func isLetter(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }

        private static func isNameStart(_ byte: UInt8) -> Bool {
            isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
        }

        private static func isNameByte(_ byte: UInt8) -> Bool {
            isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
        }
    }
}
