// copydesk — ArticleAnalysis
// What a wire dateline states: the date the story was filed, and the agency that filed it.

import ArticleModel

// MARK: - DatelineFacts

/// Reads a wire dateline (`PORTSMOUTH, England, March 4, 2025 (Reuters) -`): a date with its year
/// becomes the publication date when the source gave none (its provenance `dateline`), and the
/// agency in parentheses becomes the credit when the source gave none. Nothing is taken from a
/// dateline whose date has no year: the year cannot be known from it.
package struct DatelineFacts: Analyzer {
    package init() {}

    package var name: String { "dateline" }

    package func analyze(_ article: inout Article) -> [Diagnostic] {
        guard let dateline = article.dateline else { return [] }
        let (text, agency) = Self.parts(of: dateline.raw)
        if let agency, article.source?.credit == nil {
            var source = article.source ?? ArticleSource()
            source.credit = agency
            article.source = source
        }
        guard article.published == nil else { return [] }
        let candidates = [dateline.date].compactMap { $0 } + Self.datedSuffixes(of: text)
        for candidate in candidates {
            let date = ArticleDate(parsing: candidate, location: nil, provenance: "dateline")
            guard let value = date.value, value.month != nil, value.year > 999 else { continue }
            // A year must be printed: DateParser does not invent one, but a bare number is not a date.
            guard candidate.contains(String(value.year)) else { continue }
            article.published = date
            return [
                Diagnostic(
                    id: "date.from-dateline", severity: .note,
                    message: "the source gives no publication date; the dateline's \(candidate) stands for it")
            ]
        }
        return []
    }

    /// A dateline without its closing dash, and the agency its parentheses name
    /// (`PORTSMOUTH, England, March 4 (Reuters) -` → `PORTSMOUTH, England, March 4`, `Reuters`).
    package static func parts(of raw: String) -> (text: String, agency: String?) {
        var text = raw.trimmingWhitespace()
        while let last = text.last, last == "-" || last == "—" || last == "–" || last == " " || last == "_" {
            text.removeLast()
        }
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return (text, nil) }
        let inside = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingWhitespace()
        let agency = !inside.isEmpty && inside.count <= 40 && inside.first?.isLetter == true ? inside : nil
        return (String(text[..<open]).trimmingWhitespace(), agency)
    }

    /// The comma-separated tails of a dateline, longest first without its place
    /// (`England, March 4, 2025` → `March 4, 2025` → `2025`): where its date is.
    static func datedSuffixes(of text: String) -> [String] {
        let pieces = text.split(separator: ",").map { String($0).trimmingWhitespace() }
        guard pieces.count > 1 else {
            // `Berlin 21.11.2024` or `MADRID 21 Nov. 2024`: the words after the place.
            let words = text.split(separator: " ").map(String.init)
            return (1..<max(words.count, 1)).map { words[$0...].joined(separator: " ") }
        }
        return (1..<pieces.count).map { pieces[$0...].joined(separator: ", ") }
    }
}
