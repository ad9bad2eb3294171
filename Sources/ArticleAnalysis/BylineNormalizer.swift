// copydesk — ArticleAnalysis
// Bylines as printed → one contributor each, with role, affiliation and kind.

import ArticleModel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// MARK: - BylineNormalizer

/// Cleans bylines from any reader: strips leftover prefixes (`By`, `Written By:`), splits
/// several contributors (`Jane Doe and John Roe`), separates a role (`, Staff Reporter`) or an
/// affiliation (`| Reuters`, `(AFP)`), and tells people from organisations (desks, agencies,
/// staff and services are organisations).
package struct BylineNormalizer: Analyzer {
    package init() {}

    package var name: String { "bylines" }

    package func analyze(_ article: inout Article) -> [Diagnostic] {
        // A wire story credits its agency in the dateline: `PORT ELLIS, June 12 (CNA) —`.
        if article.bylines.isEmpty, let raw = article.dateline?.raw, let agency = DatelineFacts.parts(of: raw).agency {
            article.bylines = [
                Byline(
                    name: agency, kind: .organization, raw: "(\(agency))", origin: .printed,
                    location: article.dateline?.location)
            ]
        }
        var normalized: [Byline] = []
        for byline in article.bylines {
            for var contributor in Self.split(byline) where !normalized.contains(contributor) {
                // What follows the name is the agency when the source credits that agency
                // (`Von Erika Muster, bsp` with the credit line `bsp`), not a role.
                let credits = [article.source?.credit, article.source?.publisher].compactMap { $0?.lowercased() }
                if let role = contributor.role, contributor.affiliation == nil, credits.contains(role.lowercased()) {
                    contributor.affiliation = role
                    contributor.role = nil
                }
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
        // A data field holds the name alone: when it held a prefix, capitals, contact details, a
        // date or a separated part (`Ada Quill | 12 March 2025`), the field as given is kept as
        // `raw`, so the validator can still report it (byline.malformed).
        var byline = byline
        let lowered = byline.name.lowercased()
        if byline.origin == .field,
            text != byline.name.trimmingWhitespace() || titleCasedIfShouting(text) != text
                || lowered.containsText("@") || lowered.containsText("http") || lowered.containsText("www.")
                || lowered.contains("|") || lowered.contains(where: \.isNumber)
        {
            byline.raw = byline.name
        }
        // Contact details are no part of a name (`Ada Quill https://example.com/ada`,
        // `Jane Roe | jane@example.com`); `raw` keeps them for the validator. A credit that is
        // nothing but an address stays as it is, for the validator to report.
        let named = withoutContactWords(text)
        if !named.isEmpty { text = named }
        var affiliation = byline.affiliation
        var role = byline.role
        // What follows a bar is a role (`| Weather Correspondent`) or an affiliation (`| Reuters`).
        if let bar = text.firstTextRange(of: " | ") {
            for piece in text[bar.upperBound...].pieces(separatedBy: " | ") {
                let piece = piece.trimmingWhitespace()
                if isRole(piece) && !isAgency(piece) {
                    role = role ?? piece
                } else {
                    affiliation = affiliation ?? piece
                }
            }
            text = String(text[..<bar.lowerBound])
        }
        // `Jane Doe (AFP)`.
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
            affiliation = affiliation ?? String(inside).trimmingWhitespace()
            text = String(text[..<open]).trimmingWhitespace()
        }
        // Names joined by "and", "&" or ";"; commas separate a role, an organisation or further names.
        var result: [Byline] = []
        for part in splitNames(text) {
            // Wire credits name each contributor's part (`Reporting by A; Editing by B`).
            var part = part
            var partRole: String?
            let lower = part.lowercased()
            for (prefix, credit) in creditPrefixes where lower.hasPrefix(prefix) {
                part = String(part.dropFirst(prefix.count)).trimmingWhitespace()
                partRole = credit
                break
            }
            let segments = part.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            guard let first = segments.first else { continue }
            var current = Byline(
                name: restoringLegalForms(strippingPlace(stripPrefixes(first))), kind: byline.kind, role: partRole,
                affiliation: nil,
                raw: byline.raw ?? byline.name, origin: byline.origin, location: byline.location)
            for segment in segments.dropFirst() {
                let firstWord = segment.lowercased().split { !$0.isLetter }.first.map(String.init) ?? ""
                if isAgency(segment) {
                    affiliation = restoringLegalForms(segment)
                } else if Lexicon.bylineRoleWords.contains(firstWord) || isRole(segment) && !isOrganization(segment) {
                    // `Executive Director of the Foundation`: a role, though it names an organisation.
                    role = segment
                } else if isRole(segment) {
                    role = segment
                } else if isOrganization(segment) {
                    affiliation = restoringLegalForms(segment)
                } else if looksLikePersonName(segment) {
                    // "Jane Doe, John Roe": a second name.
                    result.append(current)
                    current = Byline(
                        name: restoringLegalForms(strippingPlace(segment)), kind: byline.kind,
                        raw: byline.raw ?? byline.name,
                        origin: byline.origin, location: byline.location)
                } else {
                    role = role ?? segment
                }
            }
            result.append(current)
        }
        // A shared role or organisation ("Jane Doe and John Roe, Staff Reporters") applies to each;
        // kinds are decided last.
        return result.map { contributor in
            var contributor = contributor
            contributor.role = contributor.role ?? role
            contributor.affiliation = contributor.affiliation ?? affiliation
            if isRole(contributor.name) && !looksLikePersonName(contributor.name) {
                // "Staff Reporter | Coastline News Agency": the organisation is the contributor.
                if let organization = contributor.affiliation {
                    contributor.role = contributor.role ?? contributor.name
                    contributor.name = organization
                    contributor.affiliation = nil
                }
                contributor.kind = .organization
            } else {
                contributor.kind = isOrganization(contributor.name) ? .organization : .person
            }
            if contributor.kind == .person { contributor.name = titleCasedIfShouting(contributor.name) }
            return contributor
        }
    }

    /// `Jane Doe in Kyiv` → `Jane Doe`: the place a story was filed from is not part of a name.
    static func strippingPlace(_ name: String) -> String {
        guard let range = name.ranges(of: " in ").last else { return name }
        let place = name[range.upperBound...].split(separator: " ")
        let before = name[..<range.lowerBound].split(separator: " ")
        guard (1...3).contains(place.count), before.count >= 2,
            place.allSatisfy({ $0.first?.isUppercase ?? false })
        else { return name }
        return String(name[..<range.lowerBound])
    }

    /// `JANE O'NEIL-SMITH` → `Jane O'Neil-Smith`; names already in mixed case are left alone.
    static func titleCasedIfShouting(_ name: String) -> String {
        let letters = name.filter(\.isLetter)
        guard letters.count >= 4, letters.allSatisfy(\.isUppercase), name.contains(" ") else { return name }
        var out = ""
        var startOfWord = true
        for character in name {
            out += startOfWord ? character.uppercased() : character.lowercased()
            startOfWord = !(character.isLetter)
        }
        return out
    }

    static func stripPrefixes(_ text: String) -> String {
        var current = text.trimmingWhitespace()
        var changed = true
        while changed {
            changed = false
            let lower = current.lowercased()
            for prefix in ["written by", "story by", "reported by", "reporting by", "words by", "posted by", "by"]
            where lower.hasPrefix(prefix) {
                let rest = current.dropFirst(prefix.count)
                guard let next = rest.first, next == " " || next == ":" || next == "-" else { continue }
                current = String(rest.drop { $0 == " " || $0 == ":" || $0 == "-" }).trimmingWhitespace()
                changed = true
                break
            }
            // "By" in the languages of European agencies' copy (`Von Andrej Sokolow, dpa`), written
            // capitalised and followed by a capitalised name, so a particle inside a name stays.
            for prefix in ["Von ", "Par ", "Por ", "Door ", "Av ", "Af ", "Da "] where current.hasPrefix(prefix) {
                let rest = current.dropFirst(prefix.count).drop { $0 == " " }
                guard let next = rest.first, next.isUppercase else { continue }
                current = String(rest).trimmingWhitespace()
                changed = true
                break
            }
        }
        return current
    }

    /// The parts a wire credit line gives after a semicolon, and the role each names (`nil`: a writer).
    private static let creditPrefixes: [(String, String?)] = [
        ("additional reporting by ", nil), ("reporting by ", nil), ("writing by ", nil), ("compiled by ", nil),
        ("editing by ", "editor"), ("edited by ", "editor"), ("graphics by ", "graphics"),
        ("photos by ", "photographer"),
    ]

    private static func splitNames(_ text: String) -> [String] {
        // A company's legal form after a comma is part of its name (`Example Network, Inc.`).
        var text = text
        for suffix in companySuffixes {
            let written = ", " + suffix
            if text.containsText(written) { text = text.replacing(written, with: legalFormJoint + suffix) }
        }
        var parts = [text]
        for separator in [" and ", " And ", " AND ", ";", " und ", " et ", " og ", " och "] {
            parts = parts.flatMap { $0.pieces(separatedBy: separator) }
        }
        // An ampersand joins two people only when each side is a full name (`Jane Roe & John Doe`);
        // otherwise it is part of a name (`Procter & Gamble`, `Mac & i`, `Tom & Jerry Smith`).
        parts = parts.flatMap { part -> [String] in
            let sides = part.pieces(separatedBy: " & ")
            guard sides.count > 1, sides.allSatisfy({ looksLikePersonName($0.trimmingWhitespace()) }) else {
                return [part]
            }
            return sides
        }
        return parts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// Stands for the comma before a legal form while a byline is cut at its commas (a
    /// private-use character, which no byline holds); `restoringLegalForms` puts the comma back.
    private static let legalFormJoint = "\u{E000}"

    private static func restoringLegalForms(_ text: String) -> String {
        text.containsText(legalFormJoint) ? text.replacing(legalFormJoint, with: ", ") : text
    }

    /// Legal forms that follow a company's name after a comma.
    private static let companySuffixes = [
        "Inc.", "Inc", "Ltd.", "Ltd", "LLC", "L.L.C.", "LLP", "Corp.", "Corp", "Co.", "plc", "PLC", "GmbH", "AG",
        "S.A.", "SA", "N.V.", "B.V.", "S.p.A.", "Pty Ltd",
    ]

    /// The text without email and web addresses, and without the separators they leave at its end.
    static func withoutContactWords(_ text: String) -> String {
        let words = text.split(separator: " ")
        let kept = words.filter { !Lexicon.isContactWord($0) }
        guard kept.count != words.count else { return text }
        var result = Substring(kept.joined(separator: " "))
        while let last = result.last, last == "," || last == ";" || last == "|" || last == " " || last == "·" {
            result = result.dropLast()
        }
        return String(result)
    }

    // MARK: Classification

    static func isAgency(_ text: String) -> Bool {
        Lexicon.agencies.contains(text.lowercased().trimmingWhitespace())
    }

    static func isRole(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter }
        return !words.isEmpty && words.contains { Lexicon.bylineRoleWords.contains(String($0)) }
    }

    /// Desks, agencies (also with their office, `dpa/lno`), staff, services, publications and
    /// companies are organisations (`Lexicon.organizationWords`); so is an acronym.
    package static func isOrganization(_ name: String) -> Bool {
        if Lexicon.namesOrganization(name) { return true }
        let letters = name.filter(\.isLetter)
        return Lexicon.creditWords(name).count == 1 && letters.count >= 2 && letters.count <= 6
            && letters.allSatisfy(\.isUppercase)
    }

    private static func looksLikePersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count) else { return false }
        return words.allSatisfy { $0.first?.isUppercase ?? false } && !isRole(text) && !isOrganization(text)
    }
}
