// copydesk — ArticleFormats / ninjs writer
// The pieces the ninjs mapping needs: versions, stable identifiers, RFC 3339 dates and safe URLs.

import ArticleModel

// MARK: - Versions

/// How the ninjs versions copydesk writes differ: numbers, schemas and property names.
extension NINJSVersion {
    /// The version as the `standard` object states it.
    var number: String {
        switch self {
        case .v3: return "3.1"
        case .v2: return "2.2"
        }
    }

    /// The `$id` of the official schema.
    var schemaURI: String { "http://www.iptc.org/std/ninjs/ninjs-schema_\(number).json#" }

    /// The name diagnostics use (`ninjs 3.1`).
    var formatName: String { "ninjs \(number)" }

    /// A property name as this version spells it: 3.1's camelCase, or all lowercase for 2.2.
    func key(_ camelCase: String) -> String {
        self == .v3 ? camelCase : camelCase.lowercased()
    }
}

// MARK: - Stable identifiers

/// The URIs copydesk gives the news objects it writes.
enum NINJSIdentity {
    /// `urn:copydesk:image:` and the hash of the image's source.
    static func imageURI(source: String) -> String {
        var hash = FNV1a64()
        hash.add(field: source)
        return "urn:copydesk:image:" + hash.hex
    }
}

// MARK: - Dates

/// RFC 3339 date-times, which every ninjs date property requires.
enum NINJSDates {
    /// The value as an RFC 3339 date-time, or why it cannot be written as one truthfully.
    ///
    /// Only an instant with a known UTC offset qualifies: a date alone, or a time without a
    /// zone, would need a time or an offset copydesk would have to invent.
    static func rfc3339(_ value: DateTimeValue) -> Result<String, Unrepresentable> {
        guard let month = value.month, let day = value.day else {
            return .failure(
                Unrepresentable(reason: "a year or month alone; ninjs needs a date, a time and a UTC offset"))
        }
        guard let hour = value.hour, let minute = value.minute, let second = value.second else {
            return .failure(
                Unrepresentable(reason: "a date without a time of day; ninjs needs a time and a UTC offset"))
        }
        guard let offset = value.utcOffsetMinutes else {
            return .failure(Unrepresentable(reason: "a time without a time zone; ninjs needs a UTC offset"))
        }
        if value.calendarProblem != nil || !(1...9999).contains(value.year) || !(1...12).contains(month)
            || day < 1 || !(0...23).contains(hour) || !(0...59).contains(minute) || !(0...59).contains(second)
            || abs(offset) >= 24 * 60
            || !(value.fraction ?? "0").utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        {
            return .failure(Unrepresentable(reason: "not a valid RFC 3339 date-time"))
        }
        return .success(value.iso8601)
    }

    /// Why a date could not be written.
    struct Unrepresentable: Error {
        var reason: String
    }
}

// MARK: - URLs

/// Which URLs may appear in the HTML body and in `href` properties (the checks are `URLSafety`'s).
enum NINJSLinks {
    /// Schemes a link may use; any other scheme (`javascript:`, `data:`, `vbscript:`, `file:`) is dropped.
    static let linkSchemes = URLSafety.linkSchemes
    /// Schemes an image source may use.
    static let imageSchemes = URLSafety.imageSchemes

}
