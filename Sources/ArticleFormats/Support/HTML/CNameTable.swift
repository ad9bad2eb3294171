// copydesk — ArticleFormats
// Known names looked up by their C string: the copy of libxml2's tree meets the same few element
// and attribute names thousands of times per page, and each String made and hashed for them cost
// more than comparing a few bytes.

/// A fixed set of ASCII names found from a NUL-terminated C string without making a `String`.
struct CNameTable: Sendable {
    /// Names grouped by length and first byte (`length << 8 | first`), each with its mark.
    private let buckets: [Int: [(bytes: [UInt8], name: String, marked: Bool)]]

    /// A table of `names`; those also in `marked` are found with their mark set (a set
    /// membership answered by the same lookup).
    init(_ names: some Sequence<String>, marked: Set<String> = []) {
        var buckets: [Int: [(bytes: [UInt8], name: String, marked: Bool)]] = [:]
        for name in Set(names).union(marked) where !name.isEmpty {
            let bytes = Array(name.utf8)
            buckets[bytes.count << 8 | Int(bytes[0]), default: []].append((bytes, name, marked.contains(name)))
        }
        self.buckets = buckets
    }

    /// The name the C string spells, when it is in the table (its stored `String`, shared).
    func name(_ pointer: UnsafePointer<UInt8>) -> String? {
        entry(pointer)?.name
    }

    /// The name the C string spells and whether it is marked, when it is in the table.
    func entry(_ pointer: UnsafePointer<UInt8>) -> (name: String, marked: Bool)? {
        let first = pointer.pointee
        guard first != 0 else { return nil }
        var length = 1
        while pointer[length] != 0 {
            length += 1
            if length > 64 { return nil }
        }
        guard let candidates = buckets[length << 8 | Int(first)] else { return nil }
        for candidate in candidates where Self.spells(pointer, candidate.bytes) {
            return (candidate.name, candidate.marked)
        }
        return nil
    }

    /// Whether the C string holds these bytes (same length, same first byte: checked by the bucket).
    private static func spells(_ pointer: UnsafePointer<UInt8>, _ bytes: [UInt8]) -> Bool {
        var index = 1
        while index < bytes.count, bytes[index] == pointer[index] { index += 1 }
        return index == bytes.count
    }
}
