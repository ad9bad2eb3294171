// copydesk — ArticleAnalysis
// Character classes with an ASCII fast path: the same answers as `Character`'s properties,
// without a Unicode property lookup for the common case (the analysers test every character).

extension Character {
    /// `isWhitespace`: ASCII tab, line feed, vertical tab, form feed, carriage return and space
    /// answered directly, anything else by the Unicode property.
    var fastIsWhitespace: Bool {
        if let ascii = asciiValue { return ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D) }
        return isWhitespace
    }

    /// `isLetter`: ASCII letters answered directly, anything else by the Unicode property.
    var fastIsLetter: Bool {
        if let ascii = asciiValue {
            let lower = ascii | 0x20
            return lower >= 0x61 && lower <= 0x7A
        }
        return isLetter
    }

    /// `isNumber`: ASCII digits answered directly, anything else by the Unicode property.
    var fastIsNumber: Bool {
        if let ascii = asciiValue { return ascii >= 0x30 && ascii <= 0x39 }
        return isNumber
    }
}

extension Unicode.Scalar {
    /// `properties.isAlphabetic`: ASCII answered directly, anything else by the Unicode property.
    var fastIsAlphabetic: Bool {
        if isASCII {
            let lower = value | 0x20
            return lower >= 0x61 && lower <= 0x7A
        }
        return properties.isAlphabetic
    }
}

extension String {
    /// The characters one after the other: what `String(characters)` gives, without going through
    /// the generic sequence initialiser (the tokenisers build a string for every word).
    init(joining characters: ArraySlice<Character>) {
        self.init()
        for character in characters { append(character) }
    }

    /// The scalars one after the other: what `String(String.UnicodeScalarView(scalars))` gives.
    init(joining scalars: ArraySlice<Unicode.Scalar>) {
        self.init()
        unicodeScalars.append(contentsOf: scalars)
    }
}
