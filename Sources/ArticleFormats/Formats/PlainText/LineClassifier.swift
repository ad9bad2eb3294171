// copydesk — ArticleFormats / plain-text reader
// What a single line is: a bullet, a byline, a date, a rule, an image, boilerplate.

import ArticleModel

// MARK: - Bullets

/// A list marker at the start of a line.
struct BulletLine {
    var text: String
    var ordered: Bool
    /// Scalars taken by the marker and the space after it.
    var markerWidth: Int
}

enum LineClassifier {
    private static let bulletSymbols: Set<Character> = [
        "•", "·", "▪", "◦", "‣", "●", "○", "■", "□", "►", "▶", "➢", "➤", "✓", "✔", "♦", "◆",
    ]
    private static let dashBullets: Set<Character> = ["-", "*", "+", "–"]

    /// The item text when the line starts with a bullet or a list number (`1.`, `2)`).
    static func bullet(_ line: String) -> BulletLine? {
        guard let first = line.first else { return nil }
        if bulletSymbols.contains(first) {
            let rest = line.dropFirst()
            let text = rest.drop { $0 == " " }
            guard !text.isEmpty else { return nil }
            return BulletLine(text: String(text), ordered: false, markerWidth: line.count - text.count)
        }
        if dashBullets.contains(first) {
            let rest = line.dropFirst()
            guard rest.first == " " else { return nil }
            let text = rest.drop { $0 == " " }
            guard !text.isEmpty, !isRule(line) else { return nil }
            return BulletLine(text: String(text), ordered: false, markerWidth: line.count - text.count)
        }
        if first.isASCII, first.isNumber {
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            guard digits.count <= PlainTextThresholds.maxListNumberDigits else { return nil }
            let rest = line.dropFirst(digits.count)
            guard let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " else {
                return nil
            }
            let text = rest.dropFirst().drop { $0 == " " }
            guard !text.isEmpty else { return nil }
            return BulletLine(text: String(text), ordered: true, markerWidth: line.count - text.count)
        }
        return nil
    }

    // MARK: Rules and Markdown-style headings

    /// `---`, `***`, `* * *`, `___`, `===`, `~~~`.
    static func isRule(_ line: String) -> Bool {
        guard let first = line.first, "-*_=~•".contains(first) else { return false }
        var count = 0
        for character in line where character != " " {
            guard character == first else { return false }
            count += 1
        }
        return count >= PlainTextThresholds.minRuleMarks
    }

    /// `## Heading` → (2, "Heading").
    static func atxHeading(_ line: String) -> (level: Int, text: String)? {
        let hashes = line.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count), line.dropFirst(hashes.count).first == " " else { return nil }
        var text = line.dropFirst(hashes.count).trimmingPrefix(" ")
        while text.last == "#" || text.last == " " { text = text.dropLast() }
        return text.isEmpty ? nil : (hashes.count, String(text))
    }

    // MARK: Images

    /// An image file name or URL at the start of a line, and what follows it (glued text included).
    static func leadingImage(_ line: String) -> (src: String, rest: String)? {
        let bytes = Array(line.utf8)
        guard let first = bytes.first, first < 0x80, first.isASCIIAlphanumeric else { return nil }
        let isURL = line.hasPrefix("http://") || line.hasPrefix("https://")
        // The run of characters a file name or URL can hold.
        var end = 0
        while end < bytes.count {
            let byte = bytes[end]
            let allowed =
                isURL
                ? !(byte == 0x20 || byte == 0x22 || byte == 0x3C || byte == 0x3E || byte >= 0x80)
                : (byte.isASCIIAlphanumeric || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x25
                    || byte == 0x2F)
            guard allowed else { break }
            end += 1
        }
        // The longest prefix of that run ending in an image extension (text may be glued on).
        var best: Int?
        var dot = 1
        while dot < end {
            if bytes[dot] == 0x2E {
                for ext in imageExtensions where dot + 1 + ext.count <= end {
                    let matches = zip(bytes[(dot + 1)...], ext).allSatisfy { $0 | 0x20 == $1 }
                    guard matches else { continue }
                    var stop = dot + 1 + ext.count
                    if isURL, stop < end, bytes[stop] == 0x3F {  // a query string after a URL's extension
                        stop = end
                    }
                    best = max(best ?? 0, stop)
                }
            }
            dot += 1
        }
        guard let length = best else { return nil }
        let src = String(decoding: bytes[..<length], as: UTF8.self)
        let rest = String(decoding: bytes[length...], as: UTF8.self).trimmingWhitespace()
        return (src, rest)
    }

    private static let imageExtensions: [[UInt8]] = [
        "jpeg", "jpg", "png", "gif", "webp", "bmp", "tiff", "tif", "svg", "avif",
    ]
    .map { Array($0.utf8) }

    // MARK: Bylines

    private static let bylinePrefixes = [
        "written by", "story by", "reported by", "reporting by", "words by", "text by", "posted by",
        "compiled by", "by",
    ]

    /// The name part of a byline line (`Written By: Hilal Desk` → `Hilal Desk`), when the line is one.
    static func bylineName(_ line: String) -> String? {
        let lower = line.fastLowercased()
        for prefix in bylinePrefixes where lower.hasPrefix(prefix) {
            var rest = line.dropFirst(prefix.count)
            guard let next = rest.first, next == " " || next == ":" || next == "-" || next == "\u{2013}" else {
                continue
            }
            rest = rest.drop { $0 == " " || $0 == ":" || $0 == "-" || $0 == "\u{2013}" || $0 == "\u{2014}" }
            let name = String(rest).trimmingWhitespace()
            if looksLikeNames(name) { return name }
            // A byline with more than names on its line (`By By Helen Marsh | March 3, 2024 |
            // hmarsh@example.com`, `By Jane Roe, jane@x.com`) is still a byline, malformed: the
            // whole line is kept for the validator to report what does not belong.
            if let names = leadingNames(name), looksLikeNames(names) { return name }
            return nil
        }
        return nil
    }

    /// The names before a separator (`|`, `·`, a dash) or before a comma that introduces an email
    /// address, a URL or a date; `nil` when nothing follows them. A doubled prefix is skipped.
    static func leadingNames(_ text: String) -> String? {
        var text = Substring(text)
        if text.lowercased().hasPrefix("by ") { text = text.dropFirst(3).drop { $0 == " " } }
        let separators: [String] = [" | ", " · ", " — ", " – ", " - ", "|"]
        for separator in separators {
            if let range = text.firstTextRange(of: separator) {
                return String(text[..<range.lowerBound]).trimmingWhitespace()
            }
        }
        if let comma = text.firstIndex(of: ",") {
            // `Jane Roe, 12 March 2025`; contact details after the comma are namesBeforeContact's.
            let after = String(text[text.index(after: comma)...]).trimmingWhitespace()
            if after.first?.isNumber == true || DateParser.parse(after) != nil {
                return String(text[..<comma]).trimmingWhitespace()
            }
        }
        return namesBeforeContact(String(text))
    }

    /// The names before an email address or a URL that follows them after a space or a comma
    /// (`Ada Quill https://example.com/ada`, `Coastline News, desk@example.com`); `nil` when no
    /// contact word follows names.
    static func namesBeforeContact(_ text: String) -> String? {
        let words = text.split(separator: " ")
        guard let index = words.firstIndex(where: { Lexicon.isContactWord($0) }), index > 0 else { return nil }
        var names = Substring(words[..<index].joined(separator: " "))
        while let last = names.last, last == "," || last == ";" || last == " " { names = names.dropLast() }
        return looksLikeNames(String(names)) ? String(names) : nil
    }

    /// Whether text reads as one or more names, optionally with a role: short, capitalised words.
    static func looksLikeNames(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= PlainTextThresholds.maxNamesLength, let first = text.first, first.isUppercase
        else { return false }
        if let last = text.last, last == "." || last == "!" || last == "?" {
            // "Jr." and initials end with a dot; a sentence does not have only capitalised words.
            let lastWord = text.split(separator: " ").last ?? ""
            if lastWord.count > PlainTextThresholds.maxNamesFinalWordLength { return false }
        }
        let words = Words.split(text)
        guard !words.isEmpty, words.count <= PlainTextThresholds.maxNamesWords else { return false }
        var capitalised = 0
        var counted = 0
        for word in words {
            let lower = word.lowercased()
            if Words.minor.contains(lower) { continue }
            counted += 1
            if Words.isCapitalized(word) { capitalised += 1 }
        }
        return counted > 0 && capitalised * 100 >= counted * PlainTextThresholds.minCapitalisedPercent
    }

    // MARK: Dates

    private static let publishedLabels = [
        "first published on", "first published", "published on", "published", "posted on", "posted", "dated",
        "date", "created",
    ]
    private static let modifiedLabels = [
        "last updated on", "last updated", "updated on", "updated", "last modified", "modified", "edited",
    ]

    /// A line that states when the article was published or updated.
    enum DateLine {
        case published(ArticleDate)
        case modified(ArticleDate)
    }

    /// `Published: 7 November 2017`, `Updated 10:30 GMT, Nov. 8, 2017`, or a line that is only a date.
    static func dateLine(_ line: String) -> DateLine? {
        let lower = line.fastLowercased()
        for (labels, modified) in [(modifiedLabels, true), (publishedLabels, false)] {
            for label in labels where lower.hasPrefix(label) {
                var rest = line.dropFirst(label.count)
                guard rest.isEmpty || rest.first == " " || rest.first == ":" || rest.first == "-" else { continue }
                rest = rest.drop { $0 == " " || $0 == ":" || $0 == "-" || $0 == "\u{2013}" || $0 == "\u{2014}" }
                let text = String(rest).trimmingWhitespace()
                guard !text.isEmpty, text.count <= PlainTextThresholds.maxDateTextLength else { return nil }
                let date = ArticleDate(parsing: text)
                return modified ? .modified(date) : .published(date)
            }
        }
        if let value = DateParser.parse(line), value.day != nil {
            return .published(ArticleDate(text: line, value: value))
        }
        return nil
    }

    // MARK: Boilerplate

    /// What a trailing web-boilerplate line holds, for keeping it in `extensions`.
    enum Boilerplate {
        case counter(name: String, value: Int)
        case copyright(String)
        case credits(String)
        case keywords([String])
        case section(String)
        case other
    }

    /// The boilerplate a line is, or `nil` when it is article text.
    static func boilerplate(_ line: String) -> Boilerplate? {
        let lower = line.fastLowercased().trimmingWhitespace()
        if lower.isEmpty { return nil }
        if let counter = counter(lower) { return counter }
        // Wire credits: "(Reporting by Jane Doe; Editing by John Roe)".
        let credit = lower.hasPrefix("(") && lower.hasSuffix(")") ? String(lower.dropFirst()) : lower
        if Lexicon.isCreditLine(credit), lower.count <= PlainTextThresholds.maxCreditsLength {
            return .credits(line)
        }
        if lower.hasPrefix("©") || lower.hasPrefix("copyright") || lower.hasPrefix("(c) ") {
            return .copyright(line)
        }
        for label in ["tags:", "tagged:", "keywords:", "topics:"] where lower.hasPrefix(label) {
            let list = line.dropFirst(label.count).split { $0 == "," || $0 == ";" || $0 == "|" || $0 == "#" }
            return .keywords(list.map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty })
        }
        for label in ["filed under:", "posted in:", "posted in ", "category:", "categories:", "section:"]
        where lower.hasPrefix(label) {
            return .section(String(line.dropFirst(label.count)).trimmingWhitespace())
        }
        // Page furniture (Lexicon's shared list): a label on its own line, or a line opening like a
        // prompt. A long sentence that happens to start like one is text, not a widget; the comment
        // form's notice is long and still furniture.
        if Lexicon.furnitureLabels.contains(Lexicon.furnitureKey(lower)) { return .other }
        if let opening = Lexicon.furnitureOpening(lower),
            lower.count <= PlainTextThresholds.maxBoilerplateLength || opening.hasPrefix("make sure")
        {
            return .other
        }
        return nil
    }

    /// `Read 606 times`, `1,234 views`, `Views: 12`, `Comments (3)`, `12 comments`.
    private static func counter(_ lower: String) -> Boilerplate? {
        let words = lower.split { $0 == " " || $0 == ":" || $0 == "(" || $0 == ")" }.map(String.init)
        guard (2...4).contains(words.count) else { return nil }
        func number(_ word: String) -> Int? { Int(word.filter { $0 != "," && $0 != "." }) }
        let nouns: [String: String] = [
            "times": "reads", "views": "views", "view": "views", "reads": "reads", "comments": "comments",
            "comment": "comments", "shares": "shares", "share": "shares", "likes": "likes", "hits": "views",
        ]
        if words.count == 3, words[0] == "read" || words[0] == "viewed", let value = number(words[1]),
            words[2] == "times"
        {
            return .counter(name: words[0] == "read" ? "reads" : "views", value: value)
        }
        if words.count == 2, let value = number(words[0]), let name = nouns[words[1]], words[1] != "times" {
            return .counter(name: name, value: value)
        }
        if words.count == 2, let name = nouns[words[0]], words[0] != "times", let value = number(words[1]) {
            return .counter(name: name, value: value)
        }
        return nil
    }

    // MARK: Navigation

    private static let navigationLines: Set<String> = [
        "skip to content", "skip to main content", "skip to navigation", "menu", "main menu", "search", "sign in",
        "log in", "login", "subscribe", "home", "advertisement", "toggle navigation", "close", "open menu",
    ]

    /// Site navigation above an article: `Home | News | Sport`, `Home > World > Europe`, `Menu`.
    static func isNavigation(_ line: String) -> Bool {
        let lower = line.fastLowercased()
        if navigationLines.contains(lower) { return true }
        for separator in [" | ", " · ", " • ", " > ", " › ", " / "] where line.containsText(separator) {
            let parts = line.pieces(separatedBy: separator).map { $0.trimmingWhitespace() }
            guard parts.count >= PlainTextThresholds.minNavigationParts else { continue }
            let short = parts.allSatisfy {
                !$0.isEmpty && Words.split($0).count <= PlainTextThresholds.maxNavigationPartWords
            }
            let meta = parts.contains { bylineName($0) != nil || dateLine($0) != nil }
            if short && !meta { return true }
        }
        return false
    }

    // MARK: Speaker labels

    private static let roleWords: Set<String> = [
        "spokesperson", "spokesman", "spokeswoman", "spokespeople", "minister", "president", "general", "gen",
        "maj", "major", "secretary", "director", "chief", "dg", "ceo", "chairman", "chairwoman", "chair",
        "governor", "mayor", "senator", "ambassador", "commander", "official", "officials", "officer", "premier",
        "king", "queen", "prince", "leader", "head", "adviser", "advisor", "prof", "professor", "dr", "mr", "mrs",
        "ms", "judge", "justice", "commissioner", "councillor", "councilor", "superintendent", "inspector",
        "captain", "colonel", "col", "lt", "brigadier", "admiral", "sheriff", "chancellor", "representative",
        "rep", "sen", "gov", "mp", "mla", "coach", "manager", "founder", "owner", "statement", "spokesperson's",
    ]

    /// Whether a short line reads as a speaker label over a list of statements
    /// (`Maj General Asif Ghafoor, DG ISPR`, `Iranian Spokesperson`, `The mayor said:`).
    static func looksLikeSpeakerLabel(_ line: String) -> Bool {
        guard line.count <= PlainTextThresholds.maxSpeakerLabelLength, !line.isEmpty else { return false }
        var text = line
        if text.hasSuffix(":") {
            text.removeLast()
            let lower = text.fastLowercased()
            if lower.hasSuffix(" said") || lower.hasSuffix(" says") || lower.hasSuffix(" added") { return true }
        }
        if let last = text.last, Marks.nonHeadingEnd.contains(last) || last == "?" { return false }
        let words = Words.split(text)
        guard !words.isEmpty, words.count <= PlainTextThresholds.maxSpeakerLabelWords else { return false }
        if words.contains(where: { roleWords.contains($0.lowercased().droppingTrailing(".")) }) {
            // "Iranian Spokesperson", "Parents' group spokesperson": short, capitalised at the start.
            return words.count <= PlainTextThresholds.maxRoleLabelWords && (text.first?.isUppercase ?? false)
        }
        // "Name Surname, Title": a capitalised name of two or more words before a comma.
        if let comma = text.firstIndex(of: ",") {
            let name = text[..<comma]
            let nameWords = Words.split(String(name))
            return nameWords.count >= PlainTextThresholds.minSpeakerNameWords
                && nameWords.count <= PlainTextThresholds.maxSpeakerNameWords
                && nameWords.allSatisfy(Words.isCapitalized) && looksLikeNames(text)
        }
        return false
    }
}

extension StringProtocol {
    fileprivate func droppingTrailing(_ set: String) -> String {
        var text = Substring(self)
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}

extension UInt8 {
    fileprivate var isASCIIAlphanumeric: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }
}
