// copydesk — ArticleFormats
// Dates checked before a writer puts them in a file its standard would reject.

import ArticleModel

// MARK: - WriterDates

/// The check every writer of a dated standard (NewsML-G2, NITF, ninjs) makes before writing a
/// date: an impossible date (`2023-02-29`, a month 13, an hour 25) is an error that names the
/// file and the field, never a file the standard's schema rejects.
enum WriterDates {
    /// The date's value when it is a real calendar date and time; throws `output.date` otherwise.
    /// A date copydesk could not read at all (`value == nil`) is the writer's to report as dropped.
    static func checked(
        _ date: ArticleDate, field: String, format: String, article: Article
    ) throws(FormatError) -> DateTimeValue? {
        guard let value = date.value else { return nil }
        var problem = value.calendarProblem
        if let month = value.month, !(1...12).contains(month) { problem = "there is no month \(month)" }
        if let day = value.day, day < 1 { problem = "there is no day \(day)" }
        if let hour = value.hour, !(0...24).contains(hour) { problem = "there is no hour \(hour)" }
        if let minute = value.minute, !(0...59).contains(minute) { problem = "there is no minute \(minute)" }
        if let second = value.second, !(0...60).contains(second) { problem = "there is no second \(second)" }
        if let offset = value.utcOffsetMinutes, abs(offset) >= 24 * 60 { problem = "the UTC offset is a day or more" }
        guard let problem else { return value }
        let file = article.source?.file
        throw FormatError(
            id: "output.date",
            message: "the \(field) date \(date.text.messageQuoted) is not a real date (\(problem)); \(format) "
                + "would reject it, so nothing was written",
            location: date.location ?? file.map { SourceLocation(file: $0, line: 1, column: 1) },
            file: file ?? "<stdin>",
            hint: "correct the date in the source (copydesk validate reports it as date.invalid)")
    }

    /// The article's published and modified dates checked, as every writer checks them first.
    static func check(_ article: Article, format: String) throws(FormatError) {
        for (date, field) in [(article.published, "published"), (article.modified, "modified")] {
            if let date { _ = try checked(date, field: field, format: format, article: article) }
        }
    }
}
