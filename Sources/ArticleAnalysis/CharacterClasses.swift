// copydesk — ArticleAnalysis
// Strings built from characters and scalars without the generic sequence initialisers (the
// character classes themselves live in ArticleModel, shared with the readers).

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
