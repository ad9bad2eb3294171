// copydesk — ArticleFormats / ninjs writer
// The pieces the ninjs mapping needs: versions, stable identifiers, RFC 3339 dates and safe URLs.

import ArticleModel

// MARK: - Versions

/// The ninjs versions copydesk writes, and how their property names differ.
enum NINJSVersion: Sendable {
    /// ninjs 3.1: camelCase property names (`versionCreated`, `contentType`).
    case v3
    /// ninjs 2.2: the same structure with lowercase property names (`versioncreated`, `contenttype`).
    case v2

    /// The version for `WriterOptions.ninjsVersion`, or `nil` for a major version copydesk does not write.
    init?(major: Int) {
        switch major {
        case 3: self = .v3
        case 2: self = .v2
        default: return nil
        }
    }

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

/// FNV-1a, 64 bits: a small hash that is the same on every machine and every run (unlike
/// `hashValue`, which Swift seeds randomly per process).
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    /// Adds an optional string, length-prefixed, so `("ab", "c")` and `("a", "bc")` and `nil` and
    /// `""` all hash differently.
    mutating func add(field: String?) {
        guard let field else { return add([0]) }
        let bytes = Array(field.utf8)
        add([1])
        var length = UInt64(bytes.count)
        for _ in 0..<8 {
            add([UInt8(truncatingIfNeeded: length)])
            length >>= 8
        }
        add(bytes)
    }

    /// The value as 16 lowercase hexadecimal digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// The URIs copydesk gives the news objects it writes.
enum NINJSIdentity {
    /// `urn:copydesk:article:` and the FNV-1a 64 hash of the headline, the published date (its ISO
    /// form, or the text when it was not understood) and the body's plain text. The same content
    /// always gives the same URI, and changed content a new one, so each URI names one version.
    static func articleURI(_ article: Article) -> String {
        var hash = FNV1a64()
        hash.add(field: article.headline)
        hash.add(field: article.published.map { $0.value?.iso8601 ?? $0.text })
        hash.add(field: article.body.map(\.plainText).joined(separator: "\n"))
        return "urn:copydesk:article:" + hash.hex
    }

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

/// Which URLs may appear in the HTML body and in `href` properties.
enum NINJSLinks {
    /// Schemes a link may use; any other scheme (`javascript:`, `data:`, `vbscript:`, `file:`) is dropped.
    static let linkSchemes: Set<String> = ["http", "https", "mailto", "tel", "ftp"]
    /// Schemes an image source may use.
    static let imageSchemes: Set<String> = ["http", "https"]

    /// Whether the URL is relative or uses one of the schemes, and holds no control character.
    static func isSafe(_ url: String, schemes: Set<String>) -> Bool {
        if url.unicodeScalars.contains(where: isControl) { return false }
        guard let scheme = scheme(of: url.trimmingWhitespace()) else { return true }
        return schemes.contains(scheme)
    }

    /// Whether the URL is an absolute RFC 3986 URI (what JSON Schema's `uri` format accepts):
    /// a scheme, then only unreserved, reserved and percent-encoded characters, one `#` at most.
    static func isAbsoluteURI(_ url: String) -> Bool {
        guard scheme(of: url) != nil else { return false }
        let bytes = Array(url.utf8)
        var index = 0
        var inFragment = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else {
                    return false
                }
                index += 3
                continue
            }
            if byte == UInt8(ascii: "#") {
                if inFragment { return false }
                inFragment = true
            } else if inFragment && (byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")) {
                return false
            } else if !uriCharacters.contains(byte) {
                return false
            }
            index += 1
        }
        return true
    }

    /// The lowercase scheme when the URL starts with one (`javascript` for ` JavaScript:x`), or
    /// `nil` for a relative reference.
    static func scheme(of url: String) -> String? {
        let bytes = Array(url.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isLetter(bytes[0]) else { return nil }
        for byte in bytes[1..<colon] where !(isLetter(byte) || isDigit(byte) || Array("+-.".utf8).contains(byte)) {
            return nil
        }
        return String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
    }

    /// C0 and C1 control characters and DEL: never allowed in HTML text or URLs.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static let uriCharacters: Set<UInt8> = Set(
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?[]".utf8))

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
    }
}

// MARK: - Messages

extension String {
    /// The string for a diagnostic message: in «guillemets», control characters shown as `?`,
    /// and cut after 60 characters.
    var ninjsQuoted: String {
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars { scalars.append(NINJSLinks.isControl(scalar) ? "?" : scalar) }
        let text = String(scalars)
        return "«" + (text.count > 60 ? text.prefix(60) + "…" : text) + "»"
    }
}
