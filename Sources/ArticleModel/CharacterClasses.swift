// copydesk — ArticleModel
// Character classes with an ASCII fast path: the same answers as `Character`'s and
// `Unicode.Scalar.Properties`' properties, without a Unicode property lookup for the common case
// (readers and analysers test every character of an article).

extension Character {
    /// The character's byte when it is one ASCII byte, else `nil`.
    ///
    /// Unlike `asciiValue`, a CR LF pair gives `nil` (it is two bytes); the classes below send
    /// it, like any other character, to the Unicode property. Reading the character's UTF-8 in
    /// place costs a few instructions where `asciiValue` walks its scalars.
    @inlinable package var asciiByte: UInt8? {
        let inPlace = utf8.withContiguousStorageIfAvailable { bytes -> UInt8? in
            bytes.count == 1 ? bytes[0] : nil
        }
        if let inPlace { return inPlace }
        let bytes = utf8
        return bytes.count == 1 ? bytes.first : nil
    }

    /// The character's scalar when it is one scalar, else `nil`: comparing it with a scalar
    /// literal is an integer comparison, where comparing two `Character`s outside ASCII goes
    /// through the string comparison. A mark with no decomposition (quotation marks, dashes)
    /// equals a character exactly when it is that character's only scalar.
    @inlinable package var singleScalar: Unicode.Scalar? {
        var scalars = unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return nil }
        return first
    }

    /// The scalar value of a character that is one scalar of General Punctuation (U+2000–U+206F:
    /// typographic spaces, dashes, curly quotation marks, ellipsis, bullets; no letter, number or
    /// capital) or of Cyrillic (U+0400–U+052F), the blocks besides ASCII whose classes are answered
    /// without a Unicode property lookup; else `nil`.
    @inlinable package var directScalar: UInt32? {
        guard let scalar = singleScalar else { return nil }
        let value = scalar.value
        return scalar.isGeneralPunctuation || Unicode.Scalar.isCyrillic(value) ? value : nil
    }

    /// `unicodeScalars.count`, from the UTF-8 bytes: one scalar per byte that does not continue
    /// another (a few instructions for an ASCII character, where the scalar view walks the
    /// character).
    @inlinable package var scalarCount: Int {
        asciiByte != nil ? 1 : utf8.scalarCount
    }

    /// `isWhitespace`: ASCII tab, line feed, vertical tab, form feed, carriage return and space,
    /// General Punctuation and Cyrillic answered directly; anything else by the Unicode property.
    @inlinable package var fastIsWhitespace: Bool {
        if let ascii = asciiByte { return ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D) }
        if let value = directScalar { return value >= 0x2000 && Unicode.Scalar.isGeneralPunctuationSpace(value) }
        return isWhitespace
    }

    /// `isLetter`: ASCII letters, General Punctuation (which has none) and Cyrillic answered
    /// directly, anything else by the Unicode property.
    @inlinable package var fastIsLetter: Bool {
        if let ascii = asciiByte {
            let lower = ascii | 0x20
            return lower >= 0x61 && lower <= 0x7A
        }
        if let value = directScalar { return value < 0x2000 && Unicode.Scalar.isCyrillicLetter(value) }
        return isLetter
    }

    /// `isNumber`: ASCII digits, General Punctuation and Cyrillic (which have none) answered
    /// directly, anything else by the Unicode property.
    @inlinable package var fastIsNumber: Bool {
        if let ascii = asciiByte { return ascii >= 0x30 && ascii <= 0x39 }
        if directScalar != nil { return false }
        return isNumber
    }

    /// `isUppercase`: ASCII, General Punctuation (which has no capital) and Cyrillic answered
    /// directly, anything else by the Unicode property.
    @inlinable package var fastIsUppercase: Bool {
        if let ascii = asciiByte { return ascii >= 0x41 && ascii <= 0x5A }
        if let value = directScalar { return value < 0x2000 && Unicode.Scalar.cyrillicLowercase(value) != value }
        return isUppercase
    }
}

extension String {
    /// `lowercased()` of text that is not all ASCII: like the standard library, each scalar's
    /// lowercase mapping, in order. ASCII, Latin-1 and Cyrillic are mapped on their bytes; of the
    /// rest, a scalar lowercasing leaves unchanged (nearly all of them) is copied without making
    /// its mapping.
    private static func lowercasedByScalar(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var lower: [UInt8] = []
            lower.reserveCapacity(bytes.count)
            var offset = 0
            while offset < bytes.count {
                let lead = bytes[offset]
                if lead < 0x80 {
                    lower.append(lead >= 0x41 && lead <= 0x5A ? lead | 0x20 : lead)
                    offset += 1
                    continue
                }
                let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let scalar = Self.scalar(bytes, at: offset, length: length)
                if scalar.value <= 0xFF || Unicode.Scalar.isCyrillic(scalar.value) {
                    let mapped = Self.directLowercase(scalar.value)
                    lower.append(UInt8(0xC0 | mapped >> 6))
                    lower.append(UInt8(0x80 | mapped & 0x3F))
                } else if !scalar.isGeneralPunctuation, scalar.properties.changesWhenLowercased {
                    lower.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                } else {
                    lower.append(contentsOf: bytes[offset..<offset + length])
                }
                offset += length
            }
            return String(decoding: lower, as: UTF8.self)
        }
    }

    /// `unicodeScalars.count`, from the UTF-8 bytes: one scalar per byte that does not continue
    /// another.
    package var scalarCount: Int { utf8.scalarCount }

    /// `Array(text)`: the text's characters, with ASCII, Latin (to U+02FF), Greek, Cyrillic and
    /// General Punctuation (nearly all of an article) made a scalar at a time. Between two scalars
    /// of those blocks there is always a character break (none of them extends, prepends or joins;
    /// CR LF is the one pair that stays together), so only a scalar before another kind, or a CR,
    /// needs the grapheme rules.
    package var characterArray: [Character] {
        var text = self
        return text.withUTF8 { bytes in
            [Character](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
                var offset = 0
                var count = 0
                while offset < bytes.count {
                    let length = Self.directCharacterLength(bytes, at: offset)
                    let character: Character
                    if length > 0 {
                        character = Character(Self.scalar(bytes, at: offset, length: length))
                        offset += length
                    } else {
                        character = self[utf8.index(utf8.startIndex, offsetBy: offset)]
                        offset += character.utf8.count
                    }
                    (buffer.baseAddress! + count).initialize(to: character)
                    count += 1
                }
                initialized = count
            }
        }
    }

    /// `count`: the number of characters, by `characterArray`'s reading (a byte at a time through
    /// the scalars a break always surrounds), without making them.
    package var characterCount: Int {
        var text = self
        return text.withUTF8 { bytes in
            var offset = 0
            var count = 0
            while offset < bytes.count {
                let length = Self.directCharacterLength(bytes, at: offset)
                if length > 0 {
                    offset += length
                } else {
                    offset += self[utf8.index(utf8.startIndex, offsetBy: offset)].utf8.count
                }
                count += 1
            }
            return count
        }
    }

    /// The byte length of the character at `offset` when it is one scalar the byte-level path
    /// reads: a scalar a break always surrounds, other than CR, before the end or another such
    /// scalar. 0 when the grapheme rules decide.
    @inline(__always)
    private static func directCharacterLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        let length = breakingScalarLength(bytes, at: offset)
        guard length > 0, bytes[offset] != 0x0D else { return 0 }
        let next = offset + length
        return next == bytes.count || breakingScalarLength(bytes, at: next) > 0 ? length : 0
    }

    /// The byte length of the scalar at `offset` when it is one a character break always
    /// surrounds (when the scalar next to it is one too), else 0: ASCII; U+0080–U+02FF (Latin-1,
    /// Latin Extended, IPA, spacing modifiers); Greek and Coptic, U+0370–U+03FF; Cyrillic and its
    /// Supplement but the combining marks, U+0400–U+0482 and U+048A–U+052F; General Punctuation
    /// but the zero-width non-joiner and joiner (U+200C, U+200D).
    @inline(__always)
    private static func breakingScalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        let lead = bytes[offset]
        if lead < 0x80 { return 1 }
        if lead < 0xE0 {
            switch lead {
            case 0xC2...0xCB, 0xCE...0xD1, 0xD3: return 2
            case 0xCD: return bytes[offset + 1] >= 0xB0 ? 2 : 0
            case 0xD2: return bytes[offset + 1] <= 0x82 || bytes[offset + 1] >= 0x8A ? 2 : 0
            case 0xD4: return bytes[offset + 1] <= 0xAF ? 2 : 0
            default: return 0
            }
        }
        // General Punctuation but U+200C and U+200D (E2 80 8C, E2 80 8D).
        guard isGeneralPunctuation(bytes, at: offset) else { return 0 }
        return bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0x8C || bytes[offset + 2] == 0x8D) ? 0 : 3
    }

    /// Whether the scalar at `offset` is in General Punctuation, U+2000–U+206F: E2 80 xx or
    /// E2 81 80–AF.
    @inline(__always)
    private static func isGeneralPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        bytes[offset] == 0xE2 && (bytes[offset + 1] == 0x80 || (bytes[offset + 1] == 0x81 && bytes[offset + 2] <= 0xAF))
    }

    /// The scalar of `length` (1 to 4) bytes at `offset`, from valid UTF-8.
    @inline(__always)
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, length: Int) -> Unicode.Scalar {
        let lead = bytes[offset]
        if length == 1 { return Unicode.Scalar(lead) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in offset + 1..<offset + length { value = value << 6 | UInt32(bytes[index] & 0x3F) }
        return Unicode.Scalar(value)!
    }

    /// `lowercased()`, with ASCII text (nearly all words and class names copydesk compares) done
    /// byte by byte, and returned as it is when it holds no capital. Text whose other scalars are
    /// all Latin-1 (U+0080–U+00FF), Cyrillic or General Punctuation is done on its bytes too: each
    /// of those scalars lowercases to one of the same UTF-8 length.
    package func fastLowercased() -> String {
        var text = self
        let (direct, capitals) = text.withUTF8 { bytes -> (Bool, Bool) in
            var capitals = false
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte < 0x80 {
                    if byte >= 0x41 && byte <= 0x5A { capitals = true }
                    offset += 1
                } else if byte < 0xE0 {
                    let value = Self.scalar(bytes, at: offset, length: 2).value
                    guard value <= 0xFF || Unicode.Scalar.isCyrillic(value) else { return (false, false) }
                    if Self.directLowercase(value) != value { capitals = true }
                    offset += 2
                } else if Self.isGeneralPunctuation(bytes, at: offset) {
                    offset += 3
                } else {
                    return (false, false)
                }
            }
            return (true, capitals)
        }
        guard direct else { return Self.lowercasedByScalar(self) }
        guard capitals else { return self }
        return String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            text.withUTF8 { bytes in
                var offset = 0
                while offset < bytes.count {
                    let byte = bytes[offset]
                    if byte < 0x80 {
                        buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                        offset += 1
                    } else if byte < 0xE0 {
                        let lower = Self.directLowercase(Self.scalar(bytes, at: offset, length: 2).value)
                        buffer[offset] = UInt8(0xC0 | lower >> 6)
                        buffer[offset + 1] = UInt8(0x80 | lower & 0x3F)
                        offset += 2
                    } else {
                        buffer[offset] = byte
                        buffer[offset + 1] = bytes[offset + 1]
                        buffer[offset + 2] = bytes[offset + 2]
                        offset += 3
                    }
                }
                return bytes.count
            }
        }
    }

    /// The lowercase of a Latin-1 (U+0080–U+00FF) or Cyrillic value: of Latin-1, only the
    /// capitals À–Þ (but ×) change, each to the value 0x20 above it.
    @inline(__always)
    private static func directLowercase(_ value: UInt32) -> UInt32 {
        if value <= 0xFF { return value >= 0xC0 && value <= 0xDE && value != 0xD7 ? value + 0x20 : value }
        return Unicode.Scalar.cyrillicLowercase(value)
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is in the General Punctuation block, U+2000–U+206F.
    @inlinable package var isGeneralPunctuation: Bool { value >= 0x2000 && value <= 0x206F }

    /// The White_Space scalars of General Punctuation: the typographic spaces U+2000–U+200A, the
    /// line and paragraph separators, the narrow no-break and the medium mathematical space.
    @inlinable package static func isGeneralPunctuationSpace(_ value: UInt32) -> Bool {
        value <= 0x200A || value == 0x2028 || value == 0x2029 || value == 0x202F || value == 0x205F
    }

    /// Whether the value is in the Cyrillic blocks, U+0400–U+052F (Cyrillic and its Supplement).
    @inlinable package static func isCyrillic(_ value: UInt32) -> Bool { value >= 0x0400 && value <= 0x052F }

    /// Whether a Cyrillic value is a letter: all of the blocks but the thousands sign and the
    /// combining marks, U+0482–U+0489.
    @inlinable package static func isCyrillicLetter(_ value: UInt32) -> Bool { value < 0x0482 || value > 0x0489 }

    /// The lowercase of a Cyrillic value (the value itself when it is not a capital): Ѐ–Џ sit
    /// 0x50 below their small letters, А–Я 0x20 below, the palochka Ӏ maps to ӏ, Ӂ–Ӎ are capitals
    /// at odd values, and the rest of the blocks pairs a capital at an even value with its small
    /// letter after it.
    @inlinable package static func cyrillicLowercase(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x0400...0x040F: return value + 0x50
        case 0x0410...0x042F: return value + 0x20
        case 0x0460...0x0481, 0x048A...0x04BF, 0x04D0...0x052F: return value | 1
        case 0x04C0: return 0x04CF
        case 0x04C1...0x04CE: return value & 1 == 1 ? value + 1 : value
        default: return value
        }
    }

    /// `properties.isAlphabetic`: ASCII, General Punctuation (which has no letter) and Cyrillic
    /// answered directly, anything else by the Unicode property.
    @inlinable package var fastIsAlphabetic: Bool {
        if isASCII {
            let lower = value | 0x20
            return lower >= 0x61 && lower <= 0x7A
        }
        if isGeneralPunctuation { return false }
        if Self.isCyrillic(value) { return Self.isCyrillicLetter(value) }
        return properties.isAlphabetic
    }

    /// `properties.isWhitespace`: ASCII and General Punctuation answered directly, anything else
    /// by the Unicode property.
    @inlinable package var fastIsWhitespace: Bool {
        if isASCII { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        if isGeneralPunctuation { return Self.isGeneralPunctuationSpace(value) }
        return properties.isWhitespace
    }
}

extension Sequence where Element == UInt8 {
    /// The number of Unicode scalars these UTF-8 bytes encode: the bytes that do not continue
    /// another (`10xxxxxx`).
    @inlinable package var scalarCount: Int {
        var count = 0
        for byte in self where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Where `part` first starts in these bytes (0 for empty bytes), or `nil`: the one byte-level
    /// substring search of `containsBytes`, `containsText`, `firstTextRange` and `pieces`.
    fileprivate func offset(of part: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = part.count
        guard count > 0 else { return 0 }
        guard self.count >= count else { return nil }
        let first = part[0]
        var start = 0
        let last = self.count - count
        while start <= last {
            if self[start] == first {
                var matched = 1
                while matched < count, self[start + matched] == part[matched] { matched += 1 }
                if matched == count { return start }
            }
            start += 1
        }
        return nil
    }
}

extension Array where Element == UInt8 {
    /// Whether these bytes hold `part` somewhere: a byte-level substring search, without
    /// Foundation and without allocating. Empty bytes are held by any.
    package func containsBytes(_ part: [UInt8]) -> Bool {
        withUnsafeBufferPointer { bytes in part.withUnsafeBufferPointer { bytes.offset(of: $0) != nil } }
    }
}

extension StringProtocol {
    /// Whether the text holds `part` byte for byte. For the ASCII words and marks copydesk looks
    /// for, this is Foundation's `contains`, at a few instructions a byte instead of thousands a
    /// call.
    package func containsText(_ part: String) -> Bool {
        byteOffset(of: part) != nil
    }

    /// Where `part` first occurs, matched byte for byte (an empty `part` at the start), or `nil`:
    /// the standard library's `firstRange(of:)` compares characters through a table it builds at
    /// each call, thousands of instructions for the short ASCII markers copydesk looks for. A match
    /// of whole UTF-8 text starts and ends on scalar boundaries.
    package func firstTextRange(of part: String) -> Range<Index>? {
        guard let found = byteOffset(of: part) else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: found)
        return start..<utf8.index(start, offsetBy: part.utf8.count)
    }

    /// The pieces of the text between the occurrences of `separator`, left to right, empty pieces
    /// included: Foundation's `components(separatedBy:)` for a literal separator (`"a |  | b"` on
    /// `" | "` → `["a", "", "b"]`; no separator in the text → the text), found by the same
    /// byte-level search as `firstTextRange`. Foundation's costs tens of thousands of
    /// instructions for a short title, and the readers and analysers split every title and byline.
    package func pieces(separatedBy separator: String) -> [String] {
        var text = String(self)
        var separator = separator
        return text.withUTF8 { bytes in
            separator.withUTF8 { mark -> [String] in
                var pieces: [String] = []
                var start = 0
                while !mark.isEmpty, let found = UnsafeBufferPointer(rebasing: bytes[start...]).offset(of: mark) {
                    pieces.append(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(start + found)]), as: UTF8.self))
                    start += found + mark.count
                }
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
                return pieces
            }
        }
    }

    /// Where `part`'s UTF-8 bytes first start in the text's, counted in bytes.
    @inline(__always)
    private func byteOffset(of part: String) -> Int? {
        var part = part
        return part.withUTF8 { needle in
            utf8.withContiguousStorageIfAvailable { $0.offset(of: needle) }
                ?? Array(utf8).withUnsafeBufferPointer { $0.offset(of: needle) }
        }
    }
}
