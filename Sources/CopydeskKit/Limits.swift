// copydesk — CopydeskKit
// Reading and printing the sizes given to --max-input-size and friends.

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - Limits

/// Sizes for the limit options: `64M`, `512K`, `1G` or a number of bytes, and back.
package enum Limits {
    /// Bytes from `N`, `NK`, `NM` or `NG` (binary multiples, case-insensitive, an optional `B`
    /// or `iB`), or `nil` when the text is not a positive size.
    package static func parseSize(_ text: String) -> Int? {
        var digits = Substring(text.trimmingWhitespace().uppercased())
        for suffix in ["IB", "B"] where digits.hasSuffix(suffix) && digits.count > suffix.count {
            digits = digits.dropLast(suffix.count)
            break
        }
        var shift = 0
        switch digits.last {
        case "K": shift = 10
        case "M": shift = 20
        case "G": shift = 30
        default: break
        }
        if shift > 0 { digits = digits.dropLast() }
        guard let value = Int(digits), value > 0, value <= (Int.max >> shift) else { return nil }
        return value << shift
    }

    /// `67108864 bytes (64 MiB)`, or just the bytes for a small or odd number.
    package static func describe(bytes: Int) -> String {
        let units: [(shift: Int, name: String)] = [(30, "GiB"), (20, "MiB"), (10, "KiB")]
        for unit in units where bytes >= 1 << unit.shift {
            let value = Double(bytes) / Double(1 << unit.shift)
            let shown = value == value.rounded() ? String(Int(value)) : value.fixed(1)
            return "\(bytes) bytes (\(shown) \(unit.name))"
        }
        return "\(bytes) bytes"
    }
}
