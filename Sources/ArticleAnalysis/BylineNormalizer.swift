// copydesk — ArticleAnalysis
// Bylines as printed → one contributor each, with role, affiliation and kind.

public import ArticleModel
import Foundation

// MARK: - BylineNormalizer

/// Cleans bylines from any reader: strips leftover prefixes (`By`, `Written By:`), splits
/// several contributors (`Jane Doe and John Roe`), separates a role (`, Staff Reporter`) or an
/// affiliation (`| Reuters`, `(AFP)`), and tells people from organisations (desks, agencies,
/// staff and services are organisations).
public struct BylineNormalizer: Analyzer {
    public init() {}

    public var name: String { "bylines" }

    public func analyze(_ article: inout Article) -> [Diagnostic] {
        var normalized: [Byline] = []
        for byline in article.bylines {
            for contributor in Self.split(byline) where !normalized.contains(contributor) {
                normalized.append(contributor)
            }
        }
        article.bylines = normalized
        return []
    }

    // MARK: Splitting

    /// One printed byline → its contributors.
    static func split(_ byline: Byline) -> [Byline] {
        var text = stripPrefixes(byline.name)
        var affiliation = byline.affiliation
        // `Jane Doe | Reuters`, `Jane Doe (AFP)`.
        if let bar = text.range(of: " | ") {
            affiliation = affiliation ?? String(text[bar.upperBound...]).trimmingWhitespace()
            text = String(text[..<bar.lowerBound])
        }
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
            affiliation = affiliation ?? String(inside).trimmingWhitespace()
            text = String(text[..<open]).trimmingWhitespace()
        }
        // Names joined by "and", "&" or ";"; commas separate a role or further names.
        var parts: [String] = []
        for piece in splitNames(text) {
            parts.append(piece)
        }
        var result: [Byline] = []
        var role = byline.role
        for part in parts {
            let segments = part.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            guard let name = segments.first else { continue }
            var current = Byline(
                name: name, kind: byline.kind, role: nil, affiliation: affiliation, raw: byline.raw ?? byline.name,
                location: byline.location)
            for segment in segments.dropFirst() {
                if isAgency(segment) {
                    current.affiliation = current.affiliation ?? segment
                } else if isRole(segment) {
                    role = segment
                } else if looksLikePersonName(segment) {
                    // "Jane Doe, John Roe": a second name.
                    result.append(current)
                    current = Byline(
                        name: segment, kind: byline.kind, affiliation: affiliation, raw: byline.raw ?? byline.name,
                        location: byline.location)
                } else {
                    role = role ?? segment
                }
            }
            result.append(current)
        }
        // A shared role ("Jane Doe and John Roe, Staff Reporters") applies to each; kinds are decided last.
        return result.map { contributor in
            var contributor = contributor
            contributor.role = contributor.role ?? role
            contributor.kind = isOrganization(contributor.name) ? .organization : .person
            return contributor
        }
    }

    static func stripPrefixes(_ text: String) -> String {
        var current = text.trimmingWhitespace()
        var changed = true
        while changed {
            changed = false
            let lower = current.lowercased()
            for prefix in ["written by", "story by", "reported by", "reporting by", "words by", "by"]
            where lower.hasPrefix(prefix) {
                let rest = current.dropFirst(prefix.count)
                guard let next = rest.first, next == " " || next == ":" || next == "-" else { continue }
                current = String(rest.drop { $0 == " " || $0 == ":" || $0 == "-" }).trimmingWhitespace()
                changed = true
                break
            }
        }
        return current
    }

    private static func splitNames(_ text: String) -> [String] {
        var parts = [text]
        for separator in [" and ", " And ", " AND ", " & ", ";"] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    // MARK: Classification

    private static let organizationWords: Set<String> = [
        "desk", "staff", "bureau", "agency", "agencies", "news", "newsroom", "team", "service", "services", "wire",
        "wires", "press", "media", "editorial", "board", "correspondents", "reporters", "monitoring", "report",
        "times", "post", "tribune", "herald", "online", "web", "digital", "magazine", "network", "group", "council",
        "ministry", "department", "office", "institute", "association", "foundation", "inc", "ltd", "llc", "corp",
        "newspaper", "daily", "weekly", "gazette", "journal", "radio", "tv", "television", "channel", "ispr",
    ]

    private static let agencies: Set<String> = [
        "reuters", "ap", "afp", "associated press", "agence france-presse", "agence france presse", "pti", "ians",
        "ani", "app", "dpa", "efe", "ansa", "xinhua", "tass", "bloomberg", "upi", "anadolu", "kyodo", "yonhap",
        "bernama", "irna", "aap", "canadian press", "press association", "pa", "pa media", "bbc", "cnn",
    ]

    private static let roleWords: Set<String> = [
        "reporter", "reporters", "correspondent", "correspondents", "editor", "editors", "writer", "writers",
        "contributor", "columnist", "staff", "analyst", "producer", "photographer", "chief", "senior", "deputy",
        "political", "business", "sports", "science", "health", "foreign", "special", "intern", "freelance",
        "journalist", "critic", "bureau", "desk",
    ]

    static func isAgency(_ text: String) -> Bool {
        agencies.contains(text.lowercased().trimmingWhitespace())
    }

    static func isRole(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter }
        return !words.isEmpty && words.contains { roleWords.contains(String($0)) }
    }

    /// Desks, agencies, staff, services and publications are organisations; so is an acronym.
    public static func isOrganization(_ name: String) -> Bool {
        let lower = name.lowercased()
        if agencies.contains(lower) { return true }
        let words = lower.split { !$0.isLetter && $0 != "-" }.map(String.init)
        if words.contains(where: { organizationWords.contains($0) }) { return true }
        let letters = name.filter(\.isLetter)
        return words.count == 1 && letters.count >= 2 && letters.count <= 6 && letters.allSatisfy(\.isUppercase)
    }

    private static func looksLikePersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count) else { return false }
        return words.allSatisfy { $0.first?.isUppercase ?? false } && !isRole(text) && !isOrganization(text)
    }
}
