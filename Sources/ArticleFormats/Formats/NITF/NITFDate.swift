// copydesk — ArticleFormats / NITF
// NITF's `norm` dates: ISO 8601 in its basic form (20151210T191044Z), read and written.

import ArticleModel

// MARK: - NITFDate

/// The `norm` attribute of NITF's dates (`date.issue`, `date.release`, `story.date`, …) holds
/// ISO 8601, which NITF writes in the basic form (`20170102T222800+0000`); producers also write
/// the extended form (`2016-04-13 04:52:21+00:00`). Both are read; the basic form is written.
enum NITFDate {
    /// A `norm` (either form: `DateParser` reads both) as an article date. A norm is a value, not printed text: the date's text is its
    /// ISO 8601 extended form when it can be read (so the JSON has no `publishedText` for every
    /// NITF file), and the norm as given otherwise (for the validator to report).
    static func articleDate(_ norm: String, location: SourceLocation?, provenance: String) -> ArticleDate {
        guard let value = DateParser.parse(norm) else {
            return ArticleDate(text: norm.trimmingWhitespace(), value: nil, location: location, provenance: provenance)
        }
        return ArticleDate(text: value.iso8601, value: value, location: location, provenance: provenance)
    }

    /// The basic form NITF writes: `20250612` for a day, `20250612T093000+0100` for an instant
    /// (no offset for a local time), `2025-06` and `2025` above day precision (the basic form has
    /// none for a month).
    static func norm(_ value: DateTimeValue) -> String {
        func pad(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        guard let month = value.month else { return pad(value.year, 4) }
        guard let day = value.day else { return pad(value.year, 4) + "-" + pad(month, 2) }
        var out = pad(value.year, 4) + pad(month, 2) + pad(day, 2)
        guard let hour = value.hour else { return out }
        out += "T" + pad(hour, 2) + pad(value.minute ?? 0, 2) + pad(value.second ?? 0, 2)
        if let fraction = value.fraction, !fraction.isEmpty { out += "." + fraction }
        if let offset = value.utcOffsetMinutes {
            if offset == 0 {
                out += "Z"
            } else {
                out += (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + pad(abs(offset) % 60, 2)
            }
        }
        return out
    }
}
