// copydesk — ArticleValidation
// Small text tests the rules share: capitals, comparison keys, pronouns.

import ArticleModel

enum TextChecks {
    /// Whether the text has at least `minimum` letters and every cased letter is a capital.
    static func isAllCaps(_ text: String, minimum: Int = 4) -> Bool {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard letters.count >= minimum else { return false }
        let cased = letters.filter { $0.properties.isLowercase || $0.properties.isUppercase }
        return !cased.isEmpty && cased.allSatisfy { $0.properties.isUppercase }
    }

    /// Lower-case letters and digits with single spaces between words: a key for "the same words".
    static func comparisonKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if scalar != "'" && scalar != "\u{2019}" {
                pendingSpace = true
            }
        }
        return String(out)
    }

    /// Personal pronouns a speaker may be left as when no named person comes before.
    static let pronouns: Set<String> = [
        "he", "she", "they", "him", "her", "them", "it", "we", "i", "you", "his", "hers", "their",
    ]

    /// The first `limit` characters, with an ellipsis when cut.
    static func shortened(_ text: String, limit: Int = 60) -> String {
        let folded = text.foldingWhitespace()
        return folded.count <= limit ? folded : String(folded.prefix(limit - 1)) + "…"
    }
}
