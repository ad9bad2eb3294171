// copydesk — ArticleModel
// Splitting text on a literal separator, on its UTF-8 bytes.

extension StringProtocol {
    /// The pieces of the text between the occurrences of `separator`, left to right, empty pieces
    /// included: what Foundation's `components(separatedBy:)` gives for a literal separator
    /// (`"a |  | b"` on `" | "` → `["a", "", "b"]`; no separator in the text → the text).
    ///
    /// It compares UTF-8 bytes, which in valid UTF-8 meet only on whole scalars; Foundation's
    /// version costs tens of thousands of instructions for a short title, and the readers and
    /// analysers split every title and byline.
    package func pieces(separatedBy separator: String) -> [String] {
        var text = String(self)
        var separator = separator
        return text.withUTF8 { bytes in
            separator.withUTF8 { mark -> [String] in
                guard !mark.isEmpty, bytes.count >= mark.count else { return [String(decoding: bytes, as: UTF8.self)] }
                var pieces: [String] = []
                var start = 0
                var index = 0
                let last = bytes.count - mark.count
                let first = mark[0]
                while index <= last {
                    if bytes[index] == first, Self.bytes(bytes, at: index, equal: mark) {
                        let piece = UnsafeBufferPointer(rebasing: bytes[start..<index])
                        pieces.append(String(decoding: piece, as: UTF8.self))
                        index += mark.count
                        start = index
                    } else {
                        index += 1
                    }
                }
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
                return pieces
            }
        }
    }

    private static func bytes(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, equal mark: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        for offset in 1..<mark.count where bytes[index + offset] != mark[offset] { return false }
        return true
    }
}
