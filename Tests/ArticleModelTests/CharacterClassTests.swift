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

    @Test("General Punctuation (U+2000–U+206F) answered directly, like the Unicode properties")
    func generalPunctuation() {
        for value in UInt32(0x2000)...0x206F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            #expect(character.directScalar == value)
            #expect(character.fastIsWhitespace == character.isWhitespace, "whitespace: \(value)")
            #expect(character.fastIsLetter == character.isLetter, "letter: \(value)")
            #expect(scalar.fastIsAlphabetic == scalar.properties.isAlphabetic, "alphabetic: \(value)")
            #expect(character.fastIsNumber == character.isNumber, "number: \(value)")
            #expect(character.fastIsUppercase == character.isUppercase, "uppercase: \(value)")
            #expect(scalar.fastIsWhitespace == scalar.properties.isWhitespace, "\(value)")
            #expect(scalar.fastIsAlphabetic == scalar.properties.isAlphabetic, "\(value)")
            #expect(!scalar.properties.changesWhenLowercased, "\(value)")
            let text = "A\(character)B"
            #expect(text.fastLowercased() == text.lowercased(), "\(value)")
        }
        // Just outside the block, and a punctuation mark with a combining mark: the properties decide.
        #expect(Character("\u{2070}").directScalar == nil)
        #expect(Character("\u{2019}\u{0301}").directScalar == nil)
        #expect("\u{2126}".fastLowercased() == "ω")
    }

    @Test("scalarCount counts what unicodeScalars.count counts")
    func scalarCount() {
        for character in Self.characters {
            #expect(character.scalarCount == character.unicodeScalars.count, "\(character.unicodeScalars)")
        }
        for text in ["", String(Self.characters), "plain ASCII", "“curly” — e\u{0301} 👍🏽 🇫🇷 中文"] {
            #expect(text.scalarCount == text.unicodeScalars.count, "\(text)")
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

    @Test("characterArray splits text into the characters Array(text) gives")
    func characterArrays() {
        let texts = [
            "", "a", "\r", "\r\n", "a\r\nb\rc\nd", "e\u{0301}", "ae\u{0301}b",
            "Caf\u{00E9} \u{201C}Yes,\u{201D} he said.",
            "👍🏽 🇫🇷🇩🇪 👩\u{200D}💻 x", "\u{1100}\u{1161}\u{11A8} 한", "a\u{0308}\u{0301}.", "\u{0915}\u{094D}\u{0937} ok",
            String(Self.characters), "plain ASCII only, with \t tabs and \"marks\".",
        ]
        for text in texts {
            #expect(text.characterArray == Array(text), "\(text.unicodeScalars.map(\.value))")
            #expect(text.characterCount == text.count, "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test("characterArray breaks where Array(text) does, around every scalar of its direct blocks")
    func characterArrayPairs() {
        // The byte-level path covers ASCII, Latin to U+02FF, Greek, Cyrillic and General
        // Punctuation; each of their scalars beside a scalar that extends, joins, prepends or
        // pairs (combining marks, ZWJ, ZWNJ, a Prepend, a spacing mark, a virama, Hangul jamo, a
        // regional indicator, a variation selector, an emoji modifier, CR and LF) and beside
        // scalars of the direct blocks must break as the grapheme rules do.
        var direct: [Unicode.Scalar] = []
        for range: ClosedRange<UInt32> in [0x00...0x02FF, 0x0340...0x052F, 0x2000...0x206F] {
            for value in range { if let scalar = Unicode.Scalar(value) { direct.append(scalar) } }
        }
        let partners: [UInt32] = [
            0x0A, 0x0D, 0x20, 0x41, 0xAD, 0xE9, 0x0301, 0x0345, 0x0374, 0x037A, 0x03B1, 0x0416, 0x0436, 0x0483,
            0x0488, 0x048A, 0x0500, 0x0530, 0x0600, 0x0903, 0x094D, 0x0915, 0x1100, 0x1161, 0x11A8, 0xAC00, 0x200B,
            0x200C, 0x200D, 0x2019, 0x2060, 0xFE0F, 0x1F1EB, 0x1F3FD, 0x1F44D, 0x00A9, 0x203C,
        ]
        var differing: [[UInt32]] = []
        for scalar in direct {
            for value in partners {
                let partner = Unicode.Scalar(value)!
                for (first, second) in [(scalar, partner), (partner, scalar)] {
                    var text = "x"
                    text.unicodeScalars.append(first)
                    text.unicodeScalars.append(second)
                    if text.characterArray != Array(text) || text.characterCount != text.count {
                        differing.append([first.value, second.value])
                    }
                }
            }
        }
        #expect(differing.count == 0, "\(differing.prefix(10))")
    }

    @Test("Cyrillic classes and lowercase answered directly, like the Unicode properties")
    func cyrillic() {
        for value in UInt32(0x0400)...0x052F {
            let scalar = Unicode.Scalar(value)!
            let character = Character(scalar)
            #expect(character.fastIsLetter == character.isLetter, "letter: \(value)")
            #expect(scalar.fastIsAlphabetic == scalar.properties.isAlphabetic, "alphabetic: \(value)")
            #expect(character.fastIsUppercase == character.isUppercase, "uppercase: \(value)")
            #expect(!character.fastIsNumber && !character.isNumber, "number: \(value)")
            #expect(!character.fastIsWhitespace && !character.isWhitespace, "whitespace: \(value)")
            let lower = String(Unicode.Scalar(Unicode.Scalar.cyrillicLowercase(value))!)
            #expect(lower == String(scalar).lowercased(), "lowercase: \(value)")
            // With a combining mark it is no longer one scalar: the properties decide.
            let marked = Character(String(scalar) + "\u{0301}")
            #expect(marked.fastIsLetter == marked.isLetter && marked.fastIsUppercase == marked.isUppercase, "\(value)")
        }
    }

    @Test("fastLowercased gives lowercased()'s answer for every scalar")
    func lowercasingEveryScalar() {
        // Both lowercase scalar by scalar, so agreeing on each scalar is agreeing on all text.
        var differing: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "A" + String(scalar)
            if text.fastLowercased() != text.lowercased() { differing.append(value) }
        }
        #expect(differing.count == 0, "\(differing.prefix(10))")
    }

    @Test("fastLowercased gives lowercased()'s answer, ASCII or not")
    func lowercasing() {
        for text in [
            "Harbour", "harbour", "HARBOUR TRUST", "", "Straße", "ÉCOLE", "İstanbul", "Ωmega 42", "a-B_c.D",
            "ÀÉ×ÞÿßÇ", "L’ÉTÉ — “ÀLA”", "\u{00C3}\u{0080}\u{00D7}Z", "É\u{0301}X", "Ǆ and ÉÆ",
        ] {
            #expect(text.fastLowercased() == text.lowercased(), "\(text)")
        }
    }

    @Test("containsText and containsBytes find a part where a naive search does")
    func substringSearch() {
        let text = "Ana Ruiz said: “we rebuild.” Café ß"
        let parts = ["", "A", "Ana", "Ruiz said", "ß", "é ß", "“we", "rebuild.”", "x", "said:  ", text, text + "!"]
        for part in parts {
            // The reference: every start position, compared byte for byte.
            let haystack = Array(text.utf8)
            let needle = Array(part.utf8)
            let expected =
                needle.isEmpty
                || (needle.count <= haystack.count
                    && (0...(haystack.count - needle.count)).contains {
                        Array(haystack[$0..<($0 + needle.count)]) == needle
                    })
            #expect(text.containsText(part) == expected, "\(part)")
            #expect(haystack.containsBytes(needle) == expected, "\(part)")
        }
        let slice = text.dropFirst(4).dropLast(2)  // "Ruiz said: “we rebuild.” Café"
        #expect(slice.containsText("Ruiz"))
        #expect(!slice.containsText("Ana"), "a substring is searched within its bounds")
        #expect(slice.containsText("é"))
        #expect(!slice.containsText("ß"))
    }

    @Test("trimming and trimmingSuffix drop what the predicate accepts, and nothing else")
    func trimmingByPredicate() {
        let punctuation: (Character) -> Bool = { !$0.isLetter }
        #expect("“Harbour,”".trimming(while: punctuation) == "Harbour")
        #expect("Harbour".trimming(while: punctuation) == "Harbour")
        #expect("…!".trimming(while: punctuation).isEmpty)
        #expect("".trimming(while: punctuation).isEmpty)
        #expect("“Harbour,”".trimmingSuffix(while: punctuation) == "“Harbour")
        #expect(" a b \t".trimmingSuffix(while: \.isWhitespace) == " a b")
        #expect("  ".trimmingSuffix(while: \.isWhitespace).isEmpty)
    }

    @Test("firstTextRange finds what firstRange finds in ASCII and UTF-8 text, byte for byte")
    func firstTextRange() {
        let texts = ["Mayor of Bristol", "a | b | c", "", "of", "Zoë Smith — of Kyiv", "no match here", "of of"]
        let parts = [" of ", " | ", "of", "—", " — of ", "x", ""]
        for text in texts {
            for part in parts where !part.isEmpty {
                #expect(text.firstTextRange(of: part) == text.firstRange(of: part), "\(text) / \(part)")
            }
            #expect(text.firstTextRange(of: "") == text.startIndex..<text.startIndex)
        }
        let sub = "say: Mayor of Bristol"[...].dropFirst(5)
        #expect(sub.firstTextRange(of: " of ").map { String(sub[$0.upperBound...]) } == "Bristol")
    }
}
