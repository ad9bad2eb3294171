// copydesk — ArticleFormats
// A stable hash for the identifiers writers derive from content (ninjs uris, feed item ids).

import ArticleModel

// MARK: - FNV1a64

/// FNV-1a, 64 bits: a small hash that is the same on every machine and every run (unlike
/// `hashValue`, which Swift seeds randomly per process).
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    /// Adds an optional string, length-prefixed, so `("ab", "c")` and `("a", "bc")` and `nil` and
    /// `""` all hash differently.
    mutating func add(field: String?) {
        guard let field else { return add([0]) }
        let bytes = Array(field.utf8)
        add([1])
        var length = UInt64(bytes.count)
        for _ in 0..<8 {
            add([UInt8(truncatingIfNeeded: length)])
            length >>= 8
        }
        add(bytes)
    }

    /// The value as 16 lowercase hexadecimal digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension FNV1a64 {
    /// `urn:copydesk:article:` and the hash of the headline, the published date (its ISO form, or
    /// the text when it was not understood) and the body's plain text: the same content always gives
    /// the same URN, and changed content a new one (a ninjs `uri`, a feed item's id).
    static func articleURN(_ article: Article) -> String {
        var hash = FNV1a64()
        hash.add(field: article.headline)
        hash.add(field: article.published.map { $0.value?.iso8601 ?? $0.text })
        hash.add(field: article.body.map(\.plainText).joined(separator: "\n"))
        return "urn:copydesk:article:" + hash.hex
    }
}
