// copydesk — ArticleModel
// Dates as printed and as understood: precision, offset, and the raw text.

// MARK: - ArticleDate

/// A date the article states (published, modified): the text as printed and what it means.
///
/// `value` is `nil` when the text could not be understood; the text is kept so the validator
/// can report it instead of the date silently disappearing.
public struct ArticleDate: Sendable, Hashable {
    /// The date exactly as the source printed it (`7 November 2017`, `2017-11-07T10:00:00Z`).
    public var text: String
    /// The parsed value, or `nil` when the text is not a date copydesk understands.
    public var value: DateTimeValue?
    /// Where the date is printed in the source, when known. Not part of equality.
    @EqualityIgnored public var location: SourceLocation?
    /// Which of the source's dates this is, when the reader chose among several
    /// (`contentCreated`, `versionCreated`, `dateline`): the provenance a desk needs to trust a
    /// date that was not given as a publication date. Bookkeeping of a reading, like `location`:
    /// not part of equality.
    @EqualityIgnored public var provenance: String?

    /// Creates a date from its printed text and parsed value.
    public init(text: String, value: DateTimeValue?, location: SourceLocation? = nil, provenance: String? = nil) {
        self.text = text
        self.value = value
        self.location = location
        self.provenance = provenance
    }

    /// Parses printed text (ISO 8601 or common English forms) and keeps the text either way.
    public init(parsing text: String, location: SourceLocation? = nil, provenance: String? = nil) {
        let trimmed = text.trimmingWhitespace()
        self.init(text: trimmed, value: DateParser.parse(trimmed), location: location, provenance: provenance)
    }
}

// MARK: - DateTimeValue

/// How much of a date is known.
public enum DatePrecision: String, Sendable, Codable, CaseIterable {
    case year, month, day, instant
}

/// A calendar date with an optional time of day and UTC offset, as ISO 8601 can write it.
///
/// Fields are kept as printed, without calendar checks: `2023-02-29` is representable so the
/// validator can report it as an impossible date.
public struct DateTimeValue: Sendable, Hashable {
    /// The year (four digits).
    public var year: Int
    /// The month, 1–12, or `nil` at year precision.
    public var month: Int?
    /// The day of the month, or `nil` above day precision.
    public var day: Int?
    /// The hour, 0–23, for an instant.
    public var hour: Int?
    /// The minute, for an instant.
    public var minute: Int?
    /// The second, for an instant.
    public var second: Int?
    /// Fractional seconds as printed digits (`"250"` for `.250`), or `nil`.
    public var fraction: String?
    /// Offset from UTC in minutes when the time zone is known; `nil` for a local time.
    public var utcOffsetMinutes: Int?

    /// Creates a value. A time of day implies seconds (0 when not given).
    public init(
        year: Int, month: Int? = nil, day: Int? = nil,
        hour: Int? = nil, minute: Int? = nil, second: Int? = nil,
        fraction: String? = nil, utcOffsetMinutes: Int? = nil
    ) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
        let hasTime = self.day != nil && hour != nil
        self.hour = hasTime ? hour : nil
        self.minute = hasTime ? (minute ?? 0) : nil
        self.second = hasTime ? (second ?? 0) : nil
        self.fraction = hasTime ? fraction : nil
        self.utcOffsetMinutes = hasTime ? utcOffsetMinutes : nil
    }

    /// Year, month, day or instant (a time of day is known).
    public var precision: DatePrecision {
        if hour != nil { return .instant }
        if day != nil { return .day }
        if month != nil { return .month }
        return .year
    }

    /// Why the value is not a real calendar date or time (`February 2023 has 28 days`), or `nil`.
    public var calendarProblem: String? {
        if let month, let day {
            let length = Self.daysIn(month: month, year: year)
            let names = [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ]
            if day > length {
                return "\(names[month - 1]) \(year) has \(length) days"
            }
        }
        if let hour, hour == 24, (minute ?? 0) != 0 || (second ?? 0) != 0 {
            return "24:00 is the only time with hour 24"
        }
        return nil
    }

    /// Whether a time zone is known (only meaningful for instants).
    public var hasTimeZone: Bool { utcOffsetMinutes != nil }

    /// The ISO 8601 form at the value's precision: `2017`, `2017-11`, `2017-11-07`,
    /// `2017-11-07T10:30:00+05:00`, or `…T10:30:00` when the zone is unknown.
    public var iso8601: String {
        var out = pad(year, 4)
        guard let month else { return out }
        out += "-" + pad(month, 2)
        guard let day else { return out }
        out += "-" + pad(day, 2)
        guard let hour else { return out }
        out += "T" + pad(hour, 2) + ":" + pad(minute ?? 0, 2) + ":" + pad(second ?? 0, 2)
        if let fraction, !fraction.isEmpty { out += "." + fraction }
        if let offset = utcOffsetMinutes {
            if offset == 0 {
                out += "Z"
            } else {
                let sign = offset < 0 ? "-" : "+"
                out += sign + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
            }
        }
        return out
    }

    private func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

// MARK: - String helpers shared by the model

extension StringProtocol {
    /// The text without the characters at its start and end that `drop` accepts.
    package func trimming(while drop: (Character) -> Bool) -> SubSequence {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else {
            return self[startIndex..<startIndex]
        }
        return self[first...last]
    }

    /// The text without the characters at its end that `drop` accepts.
    package func trimmingSuffix(while drop: (Character) -> Bool) -> SubSequence {
        guard let last = lastIndex(where: { !drop($0) }) else { return self[startIndex..<startIndex] }
        return self[...last]
    }
}

extension String {
    /// The string without leading and trailing white space (including no-break spaces).
    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.fastIsWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.fastIsWhitespace })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }

    /// Runs of white space folded to one space, and trimmed.
    package func foldingWhitespace() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.fastIsWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                if scalar.isASCII {
                    out.append(UInt8(truncatingIfNeeded: scalar.value))
                } else {
                    out.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
