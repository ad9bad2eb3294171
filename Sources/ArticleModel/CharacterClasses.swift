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

    /// The scalar value of a character that is one scalar of the General Punctuation block
    /// (U+2000–U+206F: typographic spaces, dashes, curly quotation marks, ellipsis, bullets), else
    /// `nil`. After ASCII they are most of a news article's characters, and none of them is a
    /// letter, a number or a capital, or changes when lowercased.
    @inlinable package var generalPunctuation: UInt32? {
        guard let scalar = singleScalar, scalar.isGeneralPunctuation else { return nil }
        return scalar.value
    }

    /// `unicodeScalars.count`, from the UTF-8 bytes: one scalar per byte that does not continue
    /// another (a few instructions for an ASCII character, where the scalar view walks the
    /// character).
    @inlinable package var scalarCount: Int {
        asciiByte != nil ? 1 : utf8.scalarCount
    }

    /// `isWhitespace`: ASCII tab, line feed, vertical tab, form feed, carriage return and space,
    /// and the General Punctuation block, answered directly; anything else by the Unicode property.
    @inlinable package var fastIsWhitespace: Bool {
        if let ascii = asciiByte { return ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D) }
        if let value = generalPunctuation { return Unicode.Scalar.isGeneralPunctuationSpace(value) }
        return isWhitespace
    }

    /// `isLetter`: ASCII letters (and General Punctuation, which has none) answered directly,
    /// anything else by the Unicode property.
    @inlinable package var fastIsLetter: Bool {
        if let ascii = asciiByte {
            let lower = ascii | 0x20
            return lower >= 0x61 && lower <= 0x7A
        }
        if generalPunctuation != nil { return false }
        return isLetter
    }

    /// `isNumber`: ASCII digits (and General Punctuation, which has none) answered directly,
    /// anything else by the Unicode property.
    @inlinable package var fastIsNumber: Bool {
        if let ascii = asciiByte { return ascii >= 0x30 && ascii <= 0x39 }
        if generalPunctuation != nil { return false }
        return isNumber
    }

    /// `isUppercase`: ASCII (and General Punctuation, which has no capital) answered directly,
    /// anything else by the Unicode property.
    @inlinable package var fastIsUppercase: Bool {
        if let ascii = asciiByte { return ascii >= 0x41 && ascii <= 0x5A }
        if generalPunctuation != nil { return false }
        return isUppercase
    }
}

extension String {
    /// `lowercased()` of text that is not all ASCII: like the standard library, each scalar's
    /// lowercase mapping, in order; a scalar lowercasing leaves unchanged (nearly all of them, and
    /// every ASCII one but the capitals) is copied without making its mapping.
    private static func lowercasedByScalar(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = UInt8(scalar.value)
                bytes.append(value >= 0x41 && value <= 0x5A ? value | 0x20 : value)
            } else if !scalar.isGeneralPunctuation, scalar.properties.changesWhenLowercased {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `unicodeScalars.count`, from the UTF-8 bytes: one scalar per byte that does not continue
    /// another.
    package var scalarCount: Int { utf8.scalarCount }

    /// `Array(text)`: the text's characters, with ASCII (nearly all of an article) made a byte at
    /// a time. Two ASCII bytes other than CR LF always have a character break between them, so
    /// only a byte before a non-ASCII one, or a CR, needs the grapheme rules.
    package var characterArray: [Character] {
        var text = self
        var characters: [Character] = []
        characters.reserveCapacity(text.utf8.count)
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte < 0x80, offset + 1 == bytes.count || (bytes[offset + 1] < 0x80 && byte != 0x0D) {
                    characters.append(Character(Unicode.Scalar(byte)))
                    offset += 1
                } else {
                    let character = self[utf8.index(utf8.startIndex, offsetBy: offset)]
                    characters.append(character)
                    offset += character.utf8.count
                }
            }
        }
        return characters
    }

    /// `lowercased()`, with ASCII text (nearly all words and class names copydesk compares) done
    /// byte by byte, and returned as it is when it holds no capital.
    package func fastLowercased() -> String {
        var text = self
        let (ascii, capitals) = text.withUTF8 { bytes -> (Bool, Bool) in
            var capitals = false
            for byte in bytes {
                if byte >= 0x80 { return (false, false) }
                if byte >= 0x41 && byte <= 0x5A { capitals = true }
            }
            return (true, capitals)
        }
        guard ascii else { return Self.lowercasedByScalar(self) }
        guard capitals else { return self }
        return String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            text.withUTF8 { bytes in
                for (offset, byte) in bytes.enumerated() {
                    buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
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

    /// `properties.isAlphabetic`: ASCII (and General Punctuation, which has no letter) answered
    /// directly, anything else by the Unicode property.
    @inlinable package var fastIsAlphabetic: Bool {
        if isASCII {
            let lower = value | 0x20
            return lower >= 0x61 && lower <= 0x7A
        }
        if isGeneralPunctuation { return false }
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
