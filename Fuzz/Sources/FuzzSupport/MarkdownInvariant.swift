// copydesk — fuzz harnesses
// The Markdown writer's promise: no raw HTML reaches the output.

/// Finds raw HTML in Markdown the writer produced.
///
/// The writer escapes every `<` in text as `\<`; the only bare `<` it writes opens a link or image
/// destination (`](<…>)`). So, after the front matter, any other unescaped `<` followed by a
/// letter, `/`, `!` or `?` is an HTML tag, comment or declaration that a Markdown renderer would
/// pass through.
enum MarkdownInvariant {
    static func rawHTML(in bytes: [UInt8]) -> String? {
        var start = 0
        if bytes.starts(with: Array("---\n".utf8)) {
            var index = 4
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\n"),
                    bytes[index + 1..<min(bytes.count, index + 5)].elementsEqual("---\n".utf8)
                {
                    start = index + 5
                    break
                }
                index += 1
            }
        }
        var index = start
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "<") else { continue }
            var slashes = 0
            while index - slashes - 1 >= start, bytes[index - slashes - 1] == UInt8(ascii: "\\") { slashes += 1 }
            if slashes % 2 == 1 { continue }
            if index >= start + 2, bytes[index - 2] == UInt8(ascii: "]"), bytes[index - 1] == UInt8(ascii: "(") {
                continue
            }
            guard index + 1 < bytes.count else { continue }
            let next = bytes[index + 1]
            let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(next | 0x20)
            if isLetter || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                let end = min(bytes.count, index + 40)
                return String(decoding: bytes[index..<end], as: UTF8.self)
            }
        }
        return nil
    }
}
