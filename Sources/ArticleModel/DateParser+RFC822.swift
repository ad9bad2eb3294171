// copydesk — ArticleModel
// RFC 822 dates as feeds print them (RSS pubDate), with the variants real feeds use.

// MARK: - RFC 822

extension DateParser {
    /// Parses an RFC 822 (RFC 2822, RFC 1123) date-time as RSS `pubDate` and mail print it:
    /// `[weekday,] day month year hh:mm[:ss] zone`, with the variants real feeds use — a two-digit
    /// year (`03` is 2003, `99` is 1999, as RFC 2822 reads it), a full or abbreviated weekday and
    /// month in any case, no seconds, a missing comma, dashes between day, month and year
    /// (`10-Jun-2003`), seconds with a fraction, a zone as an offset (`+0100`, `+01:00`), a name
    /// (`UT`, `GMT`, `Z`, `EST`…, `GMT+1`), a trailing comment (`(UTC)`), or none. A date without a
    /// time is read at its day. Returns `nil` for anything else, and for a day or time that cannot
    /// exist in the form (`32 Jun`, `25:00`).
    public static func parseRFC822(_ text: String) -> DateTimeValue? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.unicodeScalars.count <= 80 else { return nil }
        var scanner = Scanner(Array(trimmed.lowercased().unicodeScalars))
        func skipSpaces() {
            while let next = scanner.peek, next.properties.isWhitespace { scanner.advance() }
        }
        func word() -> String {
            var letters = String.UnicodeScalarView()
            while let next = scanner.peek, next.properties.isAlphabetic {
                letters.append(next)
                scanner.advance()
            }
            _ = scanner.take(".")
            return String(letters)
        }
        skipSpaces()
        if let first = scanner.peek, first.properties.isAlphabetic {
            guard weekdays.contains(word()) else { return nil }
            skipSpaces()
            _ = scanner.take(",")
            skipSpaces()
        }
        guard let dayDigits = scanner.digitString(), dayDigits.count <= 2, let day = Int(dayDigits),
            (1...31).contains(day)
        else { return nil }
        // Day, month and year are apart by white space or, all of them, by dashes.
        let dashed = scanner.take("-")
        if !dashed { skipSpaces() }
        guard let month = Lexicon.monthNumbers[word()] else { return nil }
        if dashed {
            guard scanner.take("-") else { return nil }
        } else {
            guard scanner.peek?.properties.isWhitespace == true else { return nil }
            skipSpaces()
        }
        guard let yearDigits = scanner.digitString(), let number = Int(yearDigits) else { return nil }
        let year: Int
        switch yearDigits.count {
        case 4: year = number
        case 3: year = 1900 + number
        case 2: year = number < 50 ? 2000 + number : 1900 + number
        default: return nil
        }
        skipSpaces()
        _ = scanner.take(",")
        skipSpaces()
        if scanner.atEnd { return DateTimeValue(year: year, month: month, day: day) }
        guard let hourDigits = scanner.digitString(), hourDigits.count <= 2, let hour = Int(hourDigits), hour <= 24,
            scanner.take(":"), let minute = scanner.digits(exactly: 2), minute <= 59
        else { return nil }
        var second: Int?
        var fraction: String?
        if scanner.take(":") {
            guard let value = scanner.digits(exactly: 2), value <= 60 else { return nil }
            second = value
            if scanner.take(".") {
                guard let digits = scanner.digitString() else { return nil }
                fraction = digits
            }
        }
        skipSpaces()
        var offset: Int?
        if let next = scanner.peek, next == "+" || next == "-" {
            guard let parsed = scanner.utcOffset() else { return nil }
            offset = parsed
        } else if let next = scanner.peek, next.properties.isAlphabetic {
            let zone = word()
            if zone == "ut" {
                offset = 0
            } else if let known = zoneOffsets[zone] {
                offset = known
            } else {
                return nil
            }
            if let sign = scanner.peek, sign == "+" || sign == "-" {
                guard let parsed = scanner.utcOffset() else { return nil }
                offset = (offset ?? 0) + parsed
            }
        }
        skipSpaces()
        if scanner.take("(") {
            // A comment, as mail adds the zone's name: `+0000 (UTC)`.
            while let next = scanner.peek, next != ")" { scanner.advance() }
            guard scanner.take(")") else { return nil }
            skipSpaces()
        }
        guard scanner.atEnd else { return nil }
        return DateTimeValue(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second ?? 0, fraction: fraction,
            utcOffsetMinutes: offset)
    }

    /// Weekdays as RFC 822 and feeds print them, full or abbreviated.
    private static let weekdays: Set<String> = [
        "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs",
        "friday", "fri", "saturday", "sat", "sunday", "sun",
    ]
}
