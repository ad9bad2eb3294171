// copydesk — ArticleModel tests
// The ASCII fast paths give the answers of the Unicode properties they stand in for, and the
// string helpers built on them keep their meaning.

import Testing

@testable import ArticleModel

@Suite("Character classes")
struct CharacterClassTests {
    /// ASCII, Latin-1, other scripts, combining sequences, CR LF, emoji and white space of every kind.
    static let characters: [Character] = Array(
        "Aa Zz09\t\n\r\u{0B}\u{0C}\r\n!\"'-.é É ß ñ Ω ж Ж 中 ٣ ² ½ \u{00A0}\u{2003}\u{3000}e\u{0301} 👍🏽 🇫🇷 \u{200B}")

    @Test("fast classes answer like the Unicode properties")
    func sameAnswers() {
        for character in Self.characters {
            #expect(character.fastIsWhitespace == character.isWhitespace, "whitespace: \(character.unicodeScalars)")
            #expect(character.fastIsLetter == character.isLetter, "letter: \(character.unicodeScalars)")
            #expect(character.fastIsNumber == character.isNumber, "number: \(character.unicodeScalars)")
            #expect(character.fastIsUppercase == character.isUppercase, "uppercase: \(character.unicodeScalars)")
        }
        for scalar in String(Self.characters).unicodeScalars {
            #expect(scalar.fastIsWhitespace == scalar.properties.isWhitespace, "\(scalar.value)")
            #expect(scalar.fastIsAlphabetic == scalar.properties.isAlphabetic, "\(scalar.value)")
        }
    }

    @Test("asciiByte is the byte of a one-byte character only")
    func asciiByte() {
        #expect(Character("A").asciiByte == 0x41)
        #expect(Character(" ").asciiByte == 0x20)
        #expect(Character("é").asciiByte == nil)
        #expect(Character("\r\n").asciiByte == nil)  // two bytes, unlike asciiValue's 0x0A
        #expect(Character("e\u{0301}").asciiByte == nil)
    }

    @Test("white space is trimmed and folded, non-breaking and wide spaces included")
    func whitespaceHelpers() {
        #expect("  \u{00A0}Harbour\tbarrier \u{2003}\n".trimmingWhitespace() == "Harbour\tbarrier")
        #expect("Harbour".trimmingWhitespace() == "Harbour")
        #expect(" \t ".trimmingWhitespace() == "")
        #expect("  Ferry\u{00A0}\u{00A0}fares\n\n rise — é ".foldingWhitespace() == "Ferry fares rise — é")
        #expect("".foldingWhitespace() == "")
        #expect("中文  ٣ 👍🏽".foldingWhitespace() == "中文 ٣ 👍🏽")
    }

    @Test("fastLowercased gives lowercased()'s answer, ASCII or not")
    func lowercasing() {
        for text in ["Harbour", "harbour", "HARBOUR TRUST", "", "Straße", "ÉCOLE", "İstanbul", "Ωmega 42", "a-B_c.D"] {
            #expect(text.fastLowercased() == text.lowercased(), "\(text)")
        }
    }
}
