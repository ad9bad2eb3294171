// Numbers as text without Foundation's `String(format:)`, which lives in the part of Foundation
// that brings ICU with it; the command line links FoundationEssentials only (docs/ARCHITECTURE.md).

extension Double {
    /// The number with exactly `places` digits after the point, rounded half away from zero:
    /// `String(format: "%.1f", x)` for the finite values copydesk prints (rates, seconds, sizes).
    package func fixed(_ places: Int) -> String {
        guard isFinite else { return isNaN ? "nan" : (self < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<max(0, places) { scale *= 10 }
        let scaled = (abs(self) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else { return String(self) }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        var text = (self < 0 && units != 0 ? "-" : "") + String(whole)
        if places > 0 {
            let fraction = String(units % UInt64(scale))
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }
}

extension BinaryInteger {
    /// The number in decimal, left-padded with zeros to `width` digits: `%02d`.
    package func zeroPadded(_ width: Int) -> String {
        let digits = String(self.magnitude)
        let sign = self < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension UInt8 {
    /// The byte as two upper-case hexadecimal digits: `%02X`.
    package var hexDigits: String {
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
        return String([digits[Int(self >> 4)], digits[Int(self & 0x0F)]])
    }
}
