// copydesk — ArticleValidation
// Dates as spans of UTC seconds, so rules can say "certainly after" without a calendar library.

public import ArticleModel

// MARK: - Spans

extension DateTimeValue {
    /// The earliest and latest UTC second the value can mean, in seconds since 1970-01-01T00:00:00Z.
    ///
    /// A day covers 24 hours, a month or year its whole length; a local time without a zone may be
    /// anywhere from UTC−12:00 to UTC+14:00. `nil` for a value that is not a calendar date.
    public var utcSpan: ClosedRange<Int>? {
        guard calendarProblem == nil else { return nil }
        let firstMonth = month ?? 1
        let lastMonth = month ?? 12
        let firstDay = day ?? 1
        let lastDay = day ?? Self.daysIn(month: lastMonth, year: year)
        var start = Self.daysFromCivil(year, firstMonth, firstDay) * 86_400
        var end = Self.daysFromCivil(year, lastMonth, lastDay) * 86_400 + 86_399
        if let hour {
            let seconds = hour * 3600 + (minute ?? 0) * 60 + (second ?? 0)
            start += seconds
            end = start
        }
        if let offset = utcOffsetMinutes, hour != nil {
            start -= offset * 60
            end -= offset * 60
        } else {
            start -= 14 * 3600
            end += 12 * 3600
        }
        return start...end
    }

    /// The UTC instant `seconds` after 1970-01-01T00:00:00Z, at second precision.
    public static func utc(secondsSince1970 seconds: Int) -> DateTimeValue {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return DateTimeValue(
            year: year, month: month, day: day, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60,
            utcOffsetMinutes: 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
