// copydesk — ArticleFormats / plain-text reader
// Wire datelines at the start of a story.

import ArticleModel
import Synchronization

// MARK: - Dateline parsing

extension Dateline {
    /// The dateline pattern, parsed and compiled once: building it for every article cost more
    /// than reading the article. `Regex` is not `Sendable`, so the one instance lives behind a lock
    /// (one short match per article holds it).
    private typealias DatelineMatch = (
        Substring, place: Substring?, date: Substring?, agency: Substring?, colonplace: Substring?
    )

    private static let datelineRegex = Mutex<Regex<DatelineMatch>?>(
        {
            let limits = PlainTextThresholds.self
            let month = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?"
            // A place: a first word in capitals, then more words in capitals; before a dash, a region.
            let first = "[A-Z][A-Z'’.\\-]{\(limits.minDatelinePlaceWordLength - 1),}"
            let more = "(?: [A-Z][A-Z'’.\\-]+)"
            let region = "(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,\(limits.maxDatelineRegionWords - 1)})?"
            let place = "\(first)\(more){0,\(limits.maxDatelinePlaceWords - 1)}\(region)"
            let colonPlace = "\(first)\(more){0,\(limits.maxColonDatelinePlaceWords - 1)}"
            let agency = "[^)]{\(limits.minDatelineAgencyLength),\(limits.maxDatelineAgencyLength)}"
            let pattern =
                "^(?<place>\(place))(?:,? (?<date>\(month) \\d{1,2}(?:, \\d{4})?|\\d{1,2} \(month)(?: \\d{4})?))?"
                + "(?: \\((?<agency>\(agency))\\))? ?(?:—|–|--|-) |^(?<colonplace>\(colonPlace)): "
            return try? Regex(pattern, as: DatelineMatch.self)
        }())

    /// Splits `PLACE[, Region][, Date] [(Agency)] — rest` or `PLACE: rest` into the dateline and
    /// the rest of the paragraph. The place must be in capitals, as wire style prints it.
    static func parse(openingOf text: String) -> (dateline: Dateline, rest: String)? {
        let found = datelineRegex.withLock { regex -> (range: Range<String.Index>, place: String?, date: String?)? in
            guard let match = try? regex?.prefixMatch(in: text) else { return nil }
            let place = (match.output.place ?? match.output.colonplace).map(String.init)
            return (match.range, place, match.output.date.map(String.init))
        }
        guard let match = found else { return nil }
        let rest = String(text[match.range.upperBound...]).trimmingWhitespace()
        guard rest.count >= PlainTextThresholds.minDatelineRestLength else { return nil }
        var raw = String(text[match.range]).trimmingWhitespace()
        while let last = raw.last, "—–-:".contains(last) { raw.removeLast() }
        raw = raw.trimmingWhitespace()
        return (Dateline(place: match.place, date: match.date, raw: raw), rest)
    }
}
