// copydesk — ArticleValidation
// Rules about who is credited: someone is, and the credit is a clean name of the right kind.

import ArticleModel

// MARK: - byline.missing

/// Every article needs someone (a person or a desk) credited.
package struct BylineMissingRule: Rule {
    package init() {}
    package var id: String { "byline.missing" }
    package var summary: String { "The article credits no author, desk or agency." }
    package var documentation: String {
        """
        Nobody is credited: no person, desk or agency. Readers and syndication partners need to \
        know who stands behind the story; NewsML-G2 carries it as the creator.

        A credit stands in for a byline unless `satisfied-by` says otherwise: agency copy credits \
        through its credit line or provider (a NewsML-G2 `creditline` or `provider`, an NITF \
        `distributor`, a ninjs `infoSources` entry), and a wire dateline through its agency \
        (`PORT ELLIS, June 12 (CNA) —`). An NITF item with no distributor credits its rights \
        owner, or else its copyright holder: the agency that owns the item stands behind it. (A web \
        page's copyright line names the site, not the story's author, and is no credit.) Not \
        reported, then:
        - a dpa item with `<creditline>dpa</creditline>` and no `<by>`;
        - an AP item whose provider is the AP and whose NITF body has no byline;
        - `PORTSMOUTH, England, March 4 (Reuters) - …` with no `By` line;
        - an NITF item whose only credit is `<doc.copyright year="2024" holder="Coastline Press"/>`.

        Fix: add a byline ("By Jane Doe", "By the Business Desk"); in YAML front matter \
        `author:`, in JSON `bylines`; or a credit (`source.credit`).
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }
    /// What stands in for a byline: `credit` (a credit line, a wire provider or rights holder, a
    /// dateline's agency).
    package static let satisfiedBy = Setting<[String]>(
        "satisfied-by", default: ["credit"],
        "what stands in for a byline: credit (a credit line, wire provider or rights holder, or dateline agency); "
            + "[] for bylines only")
    package var settings: [RuleSetting] { [Self.satisfiedBy.descriptor] }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        guard article.bylines.isEmpty else { return [] }
        if context.settings[Self.satisfiedBy].contains("credit"),
            let credit = article.source?.credit, !credit.trimmingWhitespace().isEmpty
        {
            return []
        }
        return [
            finding("byline is missing: credit the author, desk or agency (\"By Jane Doe\")", at: nil, context: context)
        ]
    }
}

// MARK: - byline.malformed

/// A byline that holds something besides a name: a leftover prefix, a date, an email address, a
/// URL, capitals only, or stray separators.
package struct BylineMalformedRule: Rule {
    package init() {}
    package var id: String { "byline.malformed" }
    package var summary: String { "A byline holds more than a name (prefix, date, email, URL, capitals, separators)." }
    package var documentation: String {
        """
        A byline should be a name, optionally with a role or an affiliation. Reported:
        - a leftover prefix: `By By Jane Doe`, or `Written By:` inside a data field (JSON, YAML, \
        front matter, meta tags, a NewsML-G2 creator) where the name alone belongs; a printed credit \
        line (`By Jane Doe` above the story, an HTML byline element) is fine;
        - a date (`Jane Doe, 7 November 2017`): dates belong in the publication date;
        - a code (`K2048/_Jane Doe`: a word that starts with letters and runs on into digits), \
        reported as a code or identifier, not as a date;
        - an email address or a URL: contact details belong in the author's profile, not the credit;
        - a job title where the name belongs (`Senior Correspondent`, `Chief Executive Officer`): \
        credit the person, or the desk (`Staff Reporter` and `Metro Desk` credit a desk, and are fine);
        - capitals only (`JANE DOE`): write names in their usual case;
        - stray separators at either end or doubled (`| Jane Doe`, `Jane Doe -`, `Jane || Doe`).

        Fix: edit the byline down to the name (and role or affiliation).
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }

    static let prefixes = ["written by:", "written by", "reported by:", "reported by", "by:", "by ", "author:"]
    static let separators: Set<Character> = ["|", "/", "\\", "-", "–", "—", ",", ";", ":", "•", "*", "·"]

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var reported = Set<String>()
        for byline in article.bylines {
            let raw = (byline.raw ?? byline.name).foldingWhitespace()
            guard !reported.contains(raw),
                let problem = Self.problem(raw: raw, name: byline.name, printed: byline.origin == .printed)
            else { continue }
            reported.insert(raw)
            found.append(
                finding(
                    "byline '\(TextChecks.shortened(raw))' \(problem.message)", at: byline.location, context: context,
                    excerpt: problem.excerpt ?? raw))
        }
        return found
    }

    /// What is wrong with a byline, and the part to point at.
    static func problem(raw: String, name: String, printed: Bool) -> (message: String, excerpt: String?)? {
        let lower = raw.lowercased()
        if let first = prefixes.first(where: { lower.hasPrefix($0) }) {
            let rest = String(lower.dropFirst(first.count)).trimmingWhitespace()
            if prefixes.contains(where: { rest.hasPrefix($0) }) {
                return ("repeats its prefix: keep one 'By' (or none in a data field)", nil)
            }
            // `By Staff Reporter | By Coastline News`: the prefix again after a separator.
            let later = lower.split { $0 == "|" || $0 == ";" || $0 == "·" || $0 == "•" }.dropFirst()
            if later.contains(where: { part in prefixes.contains { String(part).trimmingWhitespace().hasPrefix($0) } })
            {
                return ("repeats its prefix: keep one 'By' (or none in a data field)", nil)
            }
            if !printed {
                return (
                    "starts with '\(String(raw.prefix(first.count)).trimmingWhitespace())': a data field holds the name alone",
                    nil
                )
            }
        }
        if let email = raw.split(separator: " ").first(where: { Lexicon.isEmail($0) }) {
            return ("holds an email address: credit the name and put contact details elsewhere", String(email))
        }
        if let url = raw.split(separator: " ").first(where: { Lexicon.isWebAddress($0) }) {
            return ("holds a URL: credit the name and link the profile elsewhere", String(url))
        }
        if let date = datePart(lower) {
            return ("holds a date ('\(date)'): put the date in the publication date, not the byline", nil)
        }
        if let code = codePart(raw) {
            return ("holds a code ('\(code)'): credit the name alone and keep identifiers out of the byline", nil)
        }
        if Lexicon.isJobTitle(name) {
            return ("is a job title, not a name: credit the person (or the desk) by name", name)
        }
        var bare = raw
        if let first = prefixes.first(where: { lower.hasPrefix($0) }) {
            bare = String(raw.dropFirst(first.count)).trimmingWhitespace()
        }
        if TextChecks.isAllCaps(bare, minimum: 6), bare.contains(" ") {
            return ("is in capitals only: write the name in its usual case", bare)
        }
        // The credited name alone in capitals within a longer line (`By Staff | COASTLINE NEWS`).
        if name.contains(" "), TextChecks.isAllCaps(name, minimum: 6), raw.contains(name) {
            return ("is in capitals only: write the name in its usual case", name)
        }
        // The name printed in capitals inside a longer credit (`By ADA QUILL, Environment
        // Correspondent`), which the byline analyser wrote in its usual case.
        let shouted = name.uppercased()
        if name.contains(" "), name.filter(\.isLetter).count >= 6, name.contains(where: \.isLowercase),
            raw.contains(shouted)
        {
            return ("is in capitals only: write the name in its usual case", shouted)
        }
        let trimmedName = name.trimmingWhitespace()
        if let first = trimmedName.first, let last = trimmedName.last,
            separators.contains(first) || separators.contains(last)
        {
            return ("has a stray separator at its start or end: remove it", nil)
        }
        if let first = bare.first, separators.contains(first) {
            return ("has a stray separator at its start or end: remove it", nil)
        }
        for double in ["||", "| |", ",,", ", ,", " - -", "//", ";;"] where raw.contains(double) {
            return ("has a doubled separator ('\(double.trimmingWhitespace())'): remove one", double)
        }
        return nil
    }

    /// An identifier printed in the byline (`K2048/_Jane Roe`): a word that starts with a letter
    /// and runs on into at least three digits, as a picture desk's or a system's code is written;
    /// a date keeps its month apart from its numbers (`12-mar-2024`, `2024-03-12T08:30`).
    static func codePart(_ raw: String) -> String? {
        raw.split { !$0.isLetter && !$0.isNumber }.first(where: isCode).map(String.init)
    }

    /// Whether a word holds a code: a run of letters and digits that starts with a letter and
    /// holds at least three digits.
    static func isCode(_ word: some StringProtocol) -> Bool {
        word.split { !$0.isLetter && !$0.isNumber }.contains { run in
            run.first?.isLetter == true && run.filter(\.isNumber).count >= 3
        }
    }

    /// A date printed in the byline: a month name beside a number, a year, or digits with slashes or dashes.
    static func datePart(_ lower: String) -> String? {
        let words = lower.split { !$0.isLetter && !$0.isNumber && $0 != "/" && $0 != "-" }.map(String.init)
        for (index, word) in words.enumerated() {
            let isNumber = !word.isEmpty && word.allSatisfy(\.isNumber)
            if isNumber, word.count == 4, let year = Int(word), (1900...2100).contains(year) { return word }
            if word.contains(where: \.isNumber), word.contains("/") || word.contains("-"),
                word.filter(\.isNumber).count >= 4, !isCode(word)
            {
                return word
            }
            if Lexicon.months.contains(word), index + 1 < words.count, words[index + 1].first?.isNumber == true {
                return word + " " + words[index + 1]
            }
        }
        return nil
    }
}

// MARK: - byline.kind

/// A person credit that names a desk or agency, or an organisation credit that names a person.
package struct BylineKindRule: Rule {
    package init() {}
    package var id: String { "byline.kind" }
    package var summary: String { "A person byline names a desk or agency, or an organisation byline names a person." }
    package var documentation: String {
        """
        Bylines are typed: `person` or `organization`. NewsML-G2 and ninjs write the two \
        differently, and a CMS links people to author pages. Reported: a person whose name has a \
        desk, agency or publication word (`Evening Chronicle`, `Business Desk`, `Reuters`), and an \
        organisation whose name is two or three capitalised words with none of those (`Jane Doe`). \
        The byline analyser classes common desks and agencies itself, so in practice this catches \
        publication titles it does not know, and bylines typed by hand in the model.

        The analyser and this rule share one judgement of what names an organisation, so a credit \
        they both read as one is not reported. Not reported, then:
        - an agency signing with its office, `dpa/lno` (an agency among slash-joined parts);
        - a company named by a generic company word, `Northway Sports Data`, `Harbour Analytics`, \
        `Example Images` (data, sports, analytics, solutions, systems, international, company, \
        corporation, holdings, bank, university, images, photos, video, productions…);
        - a hyphenated placeholder such as `No-Data-Supplied`, read as one word.

        Fix: correct the byline's `kind` in the source (JSON `bylines[].kind`), or the name.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }

    /// Publication titles the byline analyser does not class as organisations (`Evening
    /// Chronicle`): what this rule adds to the desk, agency and company words the two share
    /// (`Lexicon.organizationWords`, `Lexicon.agencies`).
    static let publicationWords: Set<String> = [
        "chronicle", "observer", "courier", "telegraph", "dispatch", "bulletin", "newsletter",
    ]

    /// Whether a credit names a desk, an agency, a company or a publication: what the byline
    /// analyser judges (`Lexicon.namesOrganization`), or an agency or a publication title among its words.
    static func isOrganizational(_ name: String) -> Bool {
        Lexicon.namesOrganization(name)
            || Lexicon.creditWords(name).contains { Lexicon.agencies.contains($0) || publicationWords.contains($0) }
    }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for byline in article.bylines {
            let organizational = Self.isOrganizational(byline.name)
            switch byline.kind {
            case .person where organizational:
                found.append(
                    finding(
                        "byline '\(byline.name)' is credited as a person but names a desk or agency: "
                            + "make it an organization byline", at: byline.location, context: context,
                        excerpt: byline.name))
            case .organization where !organizational && Self.looksLikePerson(byline.name):
                found.append(
                    finding(
                        "byline '\(byline.name)' is credited as an organization but looks like a person's name: "
                            + "make it a person byline", at: byline.location, context: context, excerpt: byline.name))
            default:
                break
            }
        }
        return found
    }

    static func looksLikePerson(_ name: String) -> Bool {
        // A job title is no name at all: byline.malformed reports it.
        if Lexicon.isJobTitle(name) { return false }
        let words = name.split(separator: " ")
        guard (2...3).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.dropFirst().contains { $0.isLowercase }
        }
    }
}

// MARK: - byline.organization

/// Organisation bylines, for publications that credit people only.
package struct BylineOrganizationRule: Rule {
    package init() {}
    package var id: String { "byline.organization" }
    package var summary: String { "A byline credits an organisation (desk, agency) instead of a person." }
    package var documentation: String {
        """
        Some publications and syndication partners credit people only. Off by default; the \
        `strict` profile turns it on. A wire story that credits its agency is reported too.

        Fix: credit the reporter, or turn the rule off for desk and agency copy \
        (`byline.organization: off` in .copydesk.yml).
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }
    package var defaultLevel: RuleLevel { .off }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        article.bylines.filter { $0.kind == .organization }.map { byline in
            finding(
                "byline '\(byline.name)' credits an organization: credit the reporter by name", at: byline.location,
                context: context, excerpt: byline.name)
        }
    }
}
