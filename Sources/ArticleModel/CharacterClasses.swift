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

    /// `isWhitespace`: ASCII tab, line feed, vertical tab, form feed, carriage return and space
    /// answered directly, anything else by the Unicode property.
    @inlinable package var fastIsWhitespace: Bool {
        if let ascii = asciiByte { return ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D) }
        return isWhitespace
    }

    /// `isLetter`: ASCII letters answered directly, anything else by the Unicode property.
    @inlinable package var fastIsLetter: Bool {
        if let ascii = asciiByte {
            let lower = ascii | 0x20
            return lower >= 0x61 && lower <= 0x7A
        }
        return isLetter
    }

    /// `isNumber`: ASCII digits answered directly, anything else by the Unicode property.
    @inlinable package var fastIsNumber: Bool {
        if let ascii = asciiByte { return ascii >= 0x30 && ascii <= 0x39 }
        return isNumber
    }

    /// `isUppercase`: ASCII answered directly, anything else by the Unicode property.
    @inlinable package var fastIsUppercase: Bool {
        if let ascii = asciiByte { return ascii >= 0x41 && ascii <= 0x5A }
        return isUppercase
    }
}

extension String {
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
        guard ascii else { return lowercased() }
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
    /// `properties.isAlphabetic`: ASCII answered directly, anything else by the Unicode property.
    @inlinable package var fastIsAlphabetic: Bool {
        if isASCII {
            let lower = value | 0x20
            return lower >= 0x61 && lower <= 0x7A
        }
        return properties.isAlphabetic
    }

    /// `properties.isWhitespace`: ASCII answered directly, anything else by the Unicode property.
    @inlinable package var fastIsWhitespace: Bool {
        if isASCII { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
}
