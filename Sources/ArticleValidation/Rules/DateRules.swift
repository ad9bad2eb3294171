// copydesk — ArticleValidation
// Rules that check the article's dates are dates, and real ones.

public import ArticleModel

// MARK: - date.unparseable

/// A publication or modification date must be one copydesk can read.
public struct DateUnparseableRule: Rule {
    public init() {}
    public var id: String { "date.unparseable" }
    public var summary: String { "A publication or modification date is not a date copydesk can read." }
    public var defaultSeverity: Diagnostic.Severity { .error }

    public func check(_ article: Article, file: String?) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (name, date) in [("publication", article.published), ("modification", article.modified)] {
            guard let date, date.value == nil else { continue }
            let ambiguous =
                date.text.split(separator: "/").count == 3 && date.text.allSatisfy { $0.isNumber || $0 == "/" }
            let why = ambiguous ? " (day and month could be either way round)" : ""
            found.append(
                finding(
                    "\(name) date '\(date.text)' is not a date copydesk can read\(why): write it in ISO 8601 "
                        + "(2017-11-07) or with the month in words (7 November 2017)",
                    at: date.location, file: file))
        }
        return found
    }
}

// MARK: - date.invalid

/// A date must exist in the calendar: 2023-02-29 does not.
public struct DateInvalidRule: Rule {
    public init() {}
    public var id: String { "date.invalid" }
    public var summary: String { "A date does not exist in the calendar (2023-02-29)." }
    public var defaultSeverity: Diagnostic.Severity { .error }

    public func check(_ article: Article, file: String?) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (name, date) in [("publication", article.published), ("modification", article.modified)] {
            guard let date, let value = date.value, let problem = value.calendarProblem else { continue }
            found.append(
                finding(
                    "\(name) date '\(date.text)' does not exist: \(problem); check the day and month",
                    at: date.location, file: file))
        }
        return found
    }
}
