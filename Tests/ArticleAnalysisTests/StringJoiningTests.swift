// copydesk — tests: the strings the tokenisers build from characters and scalars.

import Testing

@testable import ArticleAnalysis

@Suite("Strings joined from characters and scalars")
struct StringJoiningTests {
    static let texts = [
        "", "a", "Harbour", "Café", "Мир", "ПРИВЕТ мир", "中文字", "e\u{0301}", "👍🏽 🇫🇷", "\r\n", "ǅ", "\u{10FFFF}x",
        "“Yes,” — she said…",
    ]

    @Test("joining scalars gives the string the scalar view builds, every width of UTF-8")
    func scalars() {
        for text in Self.texts {
            let scalars = Array(text.unicodeScalars)
            for cut in 0...scalars.count {
                let part = scalars[cut...]
                #expect(String(joining: part) == String(String.UnicodeScalarView(part)), "\(text) from \(cut)")
                #expect(String(joining: part).utf8.count == part.reduce(0) { $0 + UTF8.width($1) })
            }
        }
    }

    @Test("joining characters gives the string String(characters) gives")
    func characters() {
        for text in Self.texts {
            let characters = Array(text)
            for cut in 0...characters.count {
                #expect(String(joining: characters[cut...]) == String(characters[cut...]), "\(text) from \(cut)")
            }
        }
    }
}
