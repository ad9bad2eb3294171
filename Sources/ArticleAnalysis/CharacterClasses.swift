// copydesk — ArticleAnalysis
// Strings built from characters and scalars without the generic sequence initialisers (the
// character classes themselves live in ArticleModel, shared with the readers).

extension String {
    /// The characters one after the other: what `String(characters)` gives, without going through
    /// the generic sequence initialiser (the tokenisers build a string for every word).
    init(joining characters: ArraySlice<Character>) {
        // The UTF-8 of each character copied into a string of the right size at once: about three
        // times cheaper than appending the characters one by one.
        var count = 0
        for character in characters { count += character.utf8.count }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for character in characters {
                for byte in character.utf8 {
                    buffer[offset] = byte
                    offset += 1
                }
            }
            return offset
        }
    }

    /// The scalars one after the other: what `String(String.UnicodeScalarView(scalars))` gives.
    /// Each scalar's UTF-8 is written into a string of the right size at once: appending scalars
    /// to the scalar view costs several thousand instructions a word outside ASCII.
    init(joining scalars: ArraySlice<Unicode.Scalar>) {
        var count = 0
        for scalar in scalars { count += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[offset] = byte
                    offset += 1
                }
            }
            return offset
        }
    }
}
