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
}
