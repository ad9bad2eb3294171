// copydesk — ArticleAnalysis
// Dates the text mentions, normalised to ISO 8601 with the year carried over from context.

import ArticleModel

// MARK: - DateMentionFinder

/// Finds calendar dates in paragraphs and list items: `November 6, 2017`, `6 November 2017`,
/// `Nov. 7`, `November 2017`, `2017-11-07`. A mention without a year takes it from the date it
/// is paired with in a range (`November 5 to November 7, 2017`), else from the last year the
/// article mentioned, else from the publication date; a mention with no year to take is left
/// out. A month needs a day or a year beside it, so `may` and `march` as words are not dates.
///
/// Relative mentions that look back from the story's own date — `yesterday`, `today`, `on
/// Tuesday`, `last Tuesday`, `last month`, `last year` — are resolved against the publication date
/// (or the dateline's date when there is no publication date), the way news copy uses them: a
/// bare weekday is the latest such day on or before that date. Forward-looking ones (`tomorrow`,
/// `next Tuesday`) are not listed: the mentions serve to check that what an article reports does
/// not postdate it. Without a reference date, relative mentions are left out.
/// Idempotent: an article that already lists mentions gains none.
package struct DateMentionFinder: Analyzer {
    package init() {}

    package var name: String { "date-mentions" }

    package func analyze(_ article: inout Article) -> [Diagnostic] {
        analyze(&article, budget: .default)
    }

    package func analyze(_ article: inout Article, budget: AnalysisBudget) -> [Diagnostic] {
        guard article.dateMentions.isEmpty else { return [] }
        var allowance = AnalysisAllowance(budget, analyser: "dates")
        let reference = Self.referenceDate(article)
        var lastYear: Int?
        var found: [DateMention] = []
        for (index, block) in article.body.enumerated() {
            let runs: [String]
            switch block {
            case .paragraph, .list, .blockquote, .pullQuote: runs = block.inlineRuns.map(\.plainText)
            default: continue
            }
            for run in runs {
                let kept = allowance.take(run, blockIndex: index, location: block.location)
                if kept.isEmpty { continue }
                let scan = Scan(String(kept))
                var relative = reference.map { Self.relativeMentions(in: scan, reference: $0) } ?? []
                for candidate in Self.candidates(in: scan) {
                    // Relative mentions before this date come first, in the order of the text.
                    while let first = relative.first, first.offset < candidate.offset {
                        found.append(
                            DateMention(
                                text: first.text, value: first.value, blockIndex: index, location: block.location))
                        relative.removeFirst()
                    }
                    var year = candidate.year
                    if year == nil { year = candidate.rangeYear ?? lastYear ?? article.published?.value?.year }
                    guard let year else { continue }
                    if let explicit = candidate.year { lastYear = explicit }
                    // The block's position: a reader may have joined wrapped lines, so an offset
                    // into the text is not a column in the file.
                    let location = block.location
                    found.append(
                        DateMention(
                            text: candidate.text,
                            value: DateTimeValue(year: year, month: candidate.month, day: candidate.day),
                            blockIndex: index, location: location))
                }
                for mention in relative {
                    found.append(
                        DateMention(
                            text: mention.text, value: mention.value, blockIndex: index, location: block.location))
                }
            }
        }
        article.dateMentions = found
        return allowance.note.map { [$0] } ?? []
    }

    // MARK: Relative mentions

    /// The day relative mentions count from: the publication date, else the dateline's date.
    static func referenceDate(_ article: Article) -> DateTimeValue? {
        if let value = article.published?.value, value.month != nil, value.day != nil { return value }
        if let printed = article.dateline?.date, let value = DateParser.parse(printed), value.month != nil,
            value.day != nil
        {
            return value
        }
        return nil
    }

    private static let weekdays: [String: Int] = [
        "sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    ]

    /// Words after which a weekday names the day something happened.
    static func introducesEventDay(_ word: String) -> Bool {
        if ["on", "said", "says", "told", "announced", "confirmed", "since", "late", "early"].contains(word) {
            return word != "late" && word != "early"
        }
        // A past-tense verb: "met Tuesday", "voted Monday".
        return word.count > 3 && word.hasSuffix("ed")
    }

    /// Plural times of day after a weekday make it a habit, not a date (`on Monday mornings`).
    static let habitualNouns: Set<String> = ["mornings", "afternoons", "evenings", "nights", "nightly"]

    /// Past and present relative mentions in one run of text, resolved against `reference`.
    private static func relativeMentions(
        in scan: Scan, reference: DateTimeValue
    ) -> [(
        text: String, offset: Int, value: DateTimeValue
    )] {
        guard let month = reference.month, let day = reference.day else { return [] }
        let referenceDay = CivilDay(year: reference.year, month: month, day: day)
        let tokens = scan.tokens
        let scalars = scan.scalars
        var out: [(text: String, offset: Int, value: DateTimeValue)] = []
        func slice(_ start: Int, _ end: Int) -> String { String(joining: scalars[start..<end]) }
        for (index, token) in tokens.enumerated() {
            guard token.isASCII else { continue }
            let previous = index > 0 ? tokens[index - 1] : nil
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            // "last" only counts when it is the word right before.
            let afterLast = previous?.lower == "last" && previous.map { $0.end + 1 == token.start } == true
            switch token.lower {
            case "yesterday":
                out.append((token.text, token.start, referenceDay.adding(days: -1).value))
            case "today", "tonight":
                out.append((token.text, token.start, referenceDay.value))
            case "week" where afterLast, "month" where afterLast:
                // Month precision for "last month"; "last week" is a span, not a day.
                guard token.lower == "month", let previous else { continue }
                let monthValue = month == 1 ? 12 : month - 1
                let year = month == 1 ? reference.year - 1 : reference.year
                out.append(
                    (slice(previous.start, token.end), previous.start, DateTimeValue(year: year, month: monthValue)))
            case "year" where afterLast:
                guard let previous else { continue }
                out.append((slice(previous.start, token.end), previous.start, DateTimeValue(year: reference.year - 1)))
            default:
                guard token.text.first?.fastIsUppercase == true, let weekday = weekdays[token.lower] else { continue }
                // "Tuesday, November 7, 2017" is an explicit date, found as such.
                if let next, next.isNumber || Lexicon.monthNumber(next.lower) != nil { continue }
                // A day the story happened on: "on Tuesday", "last Tuesday", "said Tuesday",
                // "met Tuesday". Not a schedule ("from Monday to Thursday", "on Monday mornings",
                // "one Sunday sailing"), nor the future ("next Tuesday").
                guard let previous, Self.introducesEventDay(previous.lower) || afterLast else { continue }
                if let next, Self.habitualNouns.contains(next.lower) { continue }
                if let next, ["to", "through", "till", "until", "and", "or"].contains(next.lower),
                    index + 2 < tokens.count, weekdays[tokens[index + 2].lower] != nil
                {
                    continue
                }
                var back = (referenceDay.weekday - weekday + 7) % 7
                if afterLast, back == 0 { back = 7 }
                let start = afterLast ? previous.start : token.start
                out.append((slice(start, token.end), start, referenceDay.adding(days: -back).value))
            }
        }
        return out
    }

    // MARK: Scanning

    struct Candidate {
        var text: String
        var offset: Int
        var month: Int
        var day: Int?
        var year: Int?
        /// The year of the date this one is paired with in a range (`5 to 7 November 2017`).
        var rangeYear: Int?
    }

    private struct Token {
        var text: String
        var lower: String
        var start: Int
        var end: Int
        var isNumber: Bool
        /// Whether the word is all ASCII. Every word these searches look for (months, weekdays,
        /// `yesterday`, `last`) is ASCII, and a lowercase word outside ASCII never equals one (no
        /// letter's lowercase decomposes to ASCII), so such a word is passed over without the
        /// Unicode comparisons and hashing a non-ASCII string costs.
        var isASCII: Bool
    }

    /// A run of text as scalars and its word and number tokens, made once for both searches.
    private struct Scan {
        let scalars: [Unicode.Scalar]
        let tokens: [Token]

        init(_ text: String) {
            scalars = Array(text.unicodeScalars)
            tokens = DateMentionFinder.tokens(scalars)
        }
    }

    private static func tokens(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let isDigit = ("0"..."9").contains(scalar)
            if isDigit || scalar.fastIsAlphabetic {
                let start = index
                while index < scalars.count,
                    isDigit ? ("0"..."9").contains(scalars[index]) : scalars[index].fastIsAlphabetic
                {
                    index += 1
                }
                let (word, lower, isASCII) = Self.word(scalars[start..<index], isNumber: isDigit)
                tokens.append(
                    Token(text: word, lower: lower, start: start, end: index, isNumber: isDigit, isASCII: isASCII))
            } else {
                index += 1
            }
        }
        return tokens
    }

    /// A word as printed, in lowercase (`fastLowercased`: ASCII words without a Unicode case
    /// mapping; a number is its own lowercase), and whether it is all ASCII.
    private static func word(_ scalars: ArraySlice<Unicode.Scalar>, isNumber: Bool) -> (String, String, Bool) {
        // An ASCII word (nearly all) is copied from its scalars' values at once; appending scalars
        // to a string one by one costs several times more.
        let word: String
        let isASCII = scalars.allSatisfy(\.isASCII)
        if isASCII {
            word = String(unsafeUninitializedCapacity: scalars.count) { buffer in
                for (offset, scalar) in zip(0..., scalars) { buffer[offset] = UInt8(truncatingIfNeeded: scalar.value) }
                return scalars.count
            }
        } else {
            word = String(joining: scalars)
        }
        return (word, isNumber ? word : word.fastLowercased(), isASCII)
    }

    private static func day(_ token: Token?) -> Int? {
        guard let token, token.isNumber, token.text.count <= 2, let value = Int(token.text), (1...31).contains(value)
        else { return nil }
        return value
    }

    private static func year(_ token: Token?) -> Int? {
        guard let token, token.isNumber, token.text.count == 4, let value = Int(token.text),
            (1800...2200).contains(value)
        else { return nil }
        return value
    }

    /// The dates in one run of text, in order.
    private static func candidates(in scan: Scan) -> [Candidate] {
        let tokens = scan.tokens
        let scalars = scan.scalars
        var out: [Candidate] = []
        var index = 0
        func slice(_ start: Int, _ end: Int) -> String { String(joining: scalars[start..<end]) }
        func token(_ at: Int) -> Token? { at >= 0 && at < tokens.count ? tokens[at] : nil }
        while index < tokens.count {
            let current = tokens[index]
            // 2017-11-07
            if year(current) != nil, let month = token(index + 1), let dayToken = token(index + 2),
                month.isNumber, month.text.count == 2, dayToken.isNumber, dayToken.text.count == 2,
                current.end < scalars.count, scalars[current.end] == "-", month.end < scalars.count,
                scalars[month.end] == "-",
                let value = DateParser.parseISO8601(slice(current.start, dayToken.end))
            {
                out.append(
                    Candidate(
                        text: slice(current.start, dayToken.end), offset: current.start, month: value.month ?? 1,
                        day: value.day, year: value.year))
                index += 3
                continue
            }
            guard !current.isNumber, current.isASCII, let month = Lexicon.monthNumber(current.lower) else {
                index += 1
                continue
            }
            // "Nov." is a month only when its abbreviation is followed by a dot or a number.
            var next = index + 1
            var dayValue: Int?
            var start = current.start
            if let value = day(token(next)) {
                dayValue = value
                next += 1
                if let suffix = token(next), ["st", "nd", "rd", "th"].contains(suffix.lower),
                    suffix.start == tokens[next - 1].end
                {
                    next += 1
                }
            } else if let value = day(token(index - 1)),
                tokens[index - 1].start >= out.last.map({ $0.offset + $0.text.unicodeScalars.count }) ?? 0
            {
                // The day before the month, unless an earlier date already took it ("Nov 5 Dec").
                dayValue = value
                start = tokens[index - 1].start
            }
            let yearValue = year(token(next))
            let end =
                yearValue != nil
                ? tokens[next].end : (dayValue != nil && start == current.start ? tokens[next - 1].end : current.end)
            guard dayValue != nil || yearValue != nil else {
                index += 1
                continue
            }
            if month == 5, current.lower == "may", dayValue == nil, yearValue == nil {
                index += 1
                continue
            }
            out.append(
                Candidate(
                    text: slice(start, end), offset: start, month: month, day: dayValue, year: yearValue))
            index = yearValue != nil ? next + 1 : next
        }
        // A date without a year takes the year of the date it is paired with: "5 to 7 November 2017",
        // "November 5 to November 7, 2017".
        for position in out.indices where out[position].year == nil && position + 1 < out.count {
            let end = out[position].offset + out[position].text.unicodeScalars.count
            guard end <= out[position + 1].offset else { continue }
            let gap = slice(end, out[position + 1].offset)
                .trimmingWhitespace().lowercased()
            if ["to", "and", "-", "–", "—", "until", "through", "till"].contains(gap), let year = out[position + 1].year
            {
                out[position].rangeYear = year
            }
        }
        return out
    }
}

// MARK: - CivilDay

/// A day as a count of days since 1970-01-01, for day arithmetic and weekdays.
struct CivilDay {
    var days: Int

    init(days: Int) { self.days = days }

    init(year: Int, month: Int, day: Int) {
        days = DateTimeValue.daysFromCivil(year, month, day)
    }

    /// 0 for Sunday … 6 for Saturday.
    var weekday: Int { DateTimeValue.weekday(ofDays: days) }

    func adding(days offset: Int) -> CivilDay { CivilDay(days: days + offset) }

    /// The day as year, month and day.
    var value: DateTimeValue {
        let (year, month, day) = DateTimeValue.civil(fromDays: days)
        return DateTimeValue(year: year, month: month, day: day)
    }
}
