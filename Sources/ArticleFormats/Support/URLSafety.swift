// copydesk — ArticleFormats
// URLs in output: which are safe to publish, and how to write them as URIs. One place for every writer.

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - URLSafety

enum URLSafety {
    /// The schemes a published link may use unless a writer allows more.
    static let webSchemes: Set<String> = ["http", "https", "mailto"]
    /// The schemes a body's links may use (relative links are always allowed).
    static let linkSchemes: Set<String> = ["http", "https", "mailto", "tel", "ftp"]
    /// The schemes an image's source may use (relative sources are always allowed).
    static let imageSchemes: Set<String> = ["http", "https"]

    /// C0 and C1 control characters and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether a link may be published: a relative reference, or one of `schemes`; never
    /// `javascript:`, `data:`, `vbscript:` or a URL with control characters. White space is
    /// ignored when finding the scheme, as browsers ignore it (`java script:` is `javascript:`).
    static func isSafe(_ url: String, schemes: Set<String> = webSchemes) -> Bool {
        if url.unicodeScalars.contains(where: isControl) { return false }
        let compact = String(String.UnicodeScalarView(url.unicodeScalars.filter { !$0.properties.isWhitespace }))
        guard let scheme = scheme(of: compact) else { return true }
        return schemes.contains(scheme)
    }

    /// The lowercase scheme when the URL starts with one (`https` for `HTTPS://…`), or `nil` for a
    /// relative reference.
    static func scheme(of url: String) -> String? {
        let bytes = Array(url.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isLetter(bytes[0]) else { return nil }
        for byte in bytes[1..<colon] where !(isLetter(byte) || isDigit(byte) || Array("+-.".utf8).contains(byte)) {
            return nil
        }
        return String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
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

    /// The URL as a URI: spaces, control and non-ASCII characters, brackets, a second `#` and the
    /// characters URIs exclude are %-encoded, and a `%` that starts no escape is encoded too.
    static func percentEncoded(_ url: String) -> String {
        let scalars = Array(url.unicodeScalars)
        var out = ""
        var seenFragment = false
        func encode(_ scalar: Unicode.Scalar) {
            for byte in String(scalar).utf8 { out += "%" + byte.hexDigits }
        }
        for (index, scalar) in scalars.enumerated() {
            let isHex = { (offset: Int) -> Bool in
                index + offset < scalars.count && scalars[index + offset].properties.isASCIIHexDigit
            }
            switch scalar {
            case "%" where !(isHex(1) && isHex(2)): encode(scalar)
            case "#" where seenFragment: encode(scalar)
            case "#":
                seenFragment = true
                out.unicodeScalars.append(scalar)
            default:
                if scalar.value <= 0x20 || scalar.value >= 0x7F || "<>\"{}|\\^`[]".unicodeScalars.contains(scalar) {
                    encode(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
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
