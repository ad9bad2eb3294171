// copydesk — ArticleModel tests
// Numbers as text without Foundation's String(format:).

import ArticleModel
import Testing

struct NumberTextTests {
    @Test(
        "fixed(_:) gives that many decimals, rounded to the nearest (halves away from zero)",
        arguments: [
            (0.0, 1, "0.0"), (2.0, 2, "2.00"), (3.14159, 2, "3.14"), (171.42857, 1, "171.4"), (0.96, 1, "1.0"),
            (12.5, 0, "13"), (-2.5, 0, "-3"), (-0.04, 1, "0.0"), (-1.25, 1, "-1.3"), (1_000_000.5, 1, "1000000.5"),
            (0.005, 3, "0.005"), (7.0, 0, "7"),
        ])
    func fixed(value: Double, places: Int, text: String) {
        #expect(value.fixed(places) == text)
    }

    @Test("fixed(_:) names what is not a finite number")
    func notFinite() {
        #expect(Double.nan.fixed(1) == "nan")
        #expect(Double.infinity.fixed(1) == "inf")
        #expect((-Double.infinity).fixed(1) == "-inf")
    }

    @Test("zeroPadded(_:) pads with zeros to the width, and never cuts")
    func zeroPadded() {
        #expect(5.zeroPadded(2) == "05")
        #expect(0.zeroPadded(2) == "00")
        #expect(59.zeroPadded(2) == "59")
        #expect(123.zeroPadded(2) == "123")
        #expect((-7).zeroPadded(3) == "-007")
    }

    @Test("hexDigits is two upper-case digits for every byte")
    func hexDigits() {
        let digits = Array("0123456789ABCDEF")
        for byte in UInt8.min...UInt8.max {
            #expect(byte.hexDigits == String([digits[Int(byte / 16)], digits[Int(byte % 16)]]))
        }
        #expect(UInt8(0x0A).hexDigits == "0A")
        #expect(UInt8(0xFF).hexDigits == "FF")
    }
}
