// copydesk — ArticleFormats / plain-text reader
// Wire datelines at the start of a story.

import ArticleModel

// MARK: - Dateline parsing

extension Dateline {
    /// Splits `PLACE[, Region][, Date] [(Agency)] — rest` or `PLACE: rest` into the dateline and
    /// the rest of the paragraph. The place must be in capitals, as wire style prints it.
    static func parse(openingOf text: String) -> (dateline: Dateline, rest: String)? {
        let month = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?"
        let place = "[A-Z][A-Z'’.\\-]{2,}(?: [A-Z][A-Z'’.\\-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
        let pattern =
            "^(?<place>\(place))(?:,? (?<date>\(month) \\d{1,2}(?:, \\d{4})?|\\d{1,2} \(month)(?: \\d{4})?))?"
            + "(?: \\((?<agency>[^)]{2,40})\\))? ?(?:—|–|--|-) |^(?<colonplace>[A-Z][A-Z'’.\\-]{2,}(?: [A-Z][A-Z'’.\\-]+){0,2}): "
        guard let regex = try? Regex(pattern), let match = try? regex.prefixMatch(in: text) else { return nil }
        let rest = String(text[match.range.upperBound...]).trimmingWhitespace()
        guard rest.count >= 20 else { return nil }
        var raw = String(text[match.range]).trimmingWhitespace()
        while let last = raw.last, "—–-:".contains(last) { raw.removeLast() }
        raw = raw.trimmingWhitespace()
        let placeText = (match.output["place"]?.substring ?? match.output["colonplace"]?.substring).map(String.init)
        let date = match.output["date"]?.substring.map(String.init)
        return (Dateline(place: placeText, date: date, raw: raw), rest)
    }
}
