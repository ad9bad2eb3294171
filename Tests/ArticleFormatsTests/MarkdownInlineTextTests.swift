// copydesk — the Markdown writer's test for text that can go out as it is.

import Testing

@testable import ArticleFormats

@Suite("Markdown inline text")
struct MarkdownInlineTextTests {
    @Test("holdsBreakOrControl answers as the scalar test does, for every scalar up to U+0800 and others")
    func sameAsScalarTest() {
        let values = Array(UInt32(0)...0x800) + [0x2028, 0x2029, 0xFEFF, 0x1F600, 0x10FFFF]
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "a" + String(scalar) + "b", "é" + String(scalar)] {
                let expected = text.unicodeScalars.contains { $0 == "\n" || MarkdownInlineRenderer.isControl($0) }
                #expect(MarkdownInlineRenderer.holdsBreakOrControl(text) == expected, "U+\(String(value, radix: 16))")
            }
        }
        #expect(!MarkdownInlineRenderer.holdsBreakOrControl("A plain line, with a tab\tand “quotes”."))
        #expect(MarkdownInlineRenderer.holdsBreakOrControl("two\nlines"))
    }
}
