// copydesk — ArticleModel
// The English word lists the readers, analysers and rules share: one list per concept.

// MARK: - Lexicon

/// Word lists that more than one stage needs, kept once so a reader, an analyser and a rule
/// never disagree about what a month, a title or a reporting verb is. Each list is written as an
/// array literal (a test checks that none repeats an entry) and offered as a set or a map.
/// Lowercase, without a final period.
package enum Lexicon {
    // MARK: Months

    /// Month names and their abbreviations, with the month's number; the full name first.
    package static let monthList: [(word: String, month: Int)] = [
        ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4), ("apr", 4),
        ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8), ("september", 9),
        ("sept", 9), ("sep", 9), ("october", 10), ("oct", 10), ("november", 11), ("nov", 11), ("december", 12),
        ("dec", 12),
    ]

    /// A month's number by its name or abbreviation (`sept` → 9).
    package static let monthNumbers: [String: Int] = Dictionary(
        uniqueKeysWithValues: monthList.map { ($0.word, $0.month) })

    /// The month a lowercase word names (`nov` → 11), or `nil`: `monthNumbers`, with words too
    /// short or too long to be one (most words of a text) answered without hashing them.
    package static func monthNumber(_ word: String) -> Int? {
        let length = word.utf8.count
        guard length >= 3, length <= 9 else { return nil }
        return monthNumbers[word]
    }

    /// Month names and abbreviations.
    package static let months: Set<String> = Set(monthList.map(\.word))

    /// The months' full names (`may` among them, although it is also a word): the first entry of each month.
    package static let monthNames: Set<String> = Set(
        (1...12).compactMap { month in monthList.first { $0.month == month }?.word })

    /// Abbreviations of months, whose period does not end a sentence (`Nov.`).
    package static let monthAbbreviations: Set<String> = months.subtracting(monthNames)

    // MARK: Titles

    /// Titles and honorifics printed before a person's name (`Mr`, `Sen`, `Maj`, `Gov`, `Mayor`),
    /// and the words of compound titles (`Prime Minister`, `State Senator`, `Former President`).
    package static let titleList: [String] = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev",
        "reverend", "sen", "senator", "rep", "representative", "gov", "governor", "president",
        "vice", "gen", "general", "col", "colonel", "capt", "captain", "lt", "lieutenant", "sgt",
        "sergeant", "maj", "major", "adm", "admiral", "cmdr", "commander", "hon", "judge", "justice",
        "mayor", "secretary", "minister", "chancellor", "brigadier", "chief", "speaker", "leader",
        "ambassador", "attorney", "prime", "foreign", "defence", "defense", "state", "sheriff",
        "councillor", "councilor", "councilman", "councilwoman", "commissioner", "director",
        "chairman", "chairwoman", "chair", "former", "presidential", "candidate", "democratic",
        "republican", "press", "spokesman", "spokeswoman", "spokesperson", "sens", "reps", "gop",
        "inspector", "superintendent", "officer", "deputy", "assistant", "acting", "first", "cllr", "sheikh",
    ]

    /// Titles and honorifics (see `titleList`).
    package static let titles: Set<String> = Set(titleList)

    // MARK: Reporting verbs

    /// The verbs that plainly report speech (`said`, `told`): a name next to one is the speaker,
    /// and a paragraph holding one reports what someone said.
    package static let speechVerbList: [String] = [
        "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "explained", "explains",
        "noted", "notes", "argued", "argues", "asked", "asks", "insisted", "insists", "stated", "recalled",
        "recalls", "replied", "replies", "tweeted", "tweets", "declared", "declares", "warned", "warns",
        "acknowledged", "acknowledges", "admitted", "admits", "contended", "contends", "conceded", "concedes",
        "responded", "responds",
    ]

    /// The verbs that plainly report speech (see `speechVerbList`).
    package static let speechVerbs: Set<String> = Set(speechVerbList)

    // MARK: Page furniture

    /// Whole lines that are page furniture: labels of ads, comments, tags, share buttons, teaser
    /// lists and media (in several languages). Compared as `furnitureKey` gives them.
    package static let furnitureLabelList: [String] = [
        "advertisement", "advert", "ad", "ads", "sponsored", "sponsored content", "comments", "comment", "tags",
        "tag", "share", "share this", "share this article", "share this story", "share on facebook",
        "share on twitter", "related", "related posts", "related articles", "related stories", "related links",
        "read more", "more", "home", "you may also like", "dont miss", "do not miss", "popular", "trending",
        "most popular", "most read", "recommended", "top stories", "more stories", "iklan", "anzeige", "werbung",
        "publicidade", "publicidad", "pubblicità", "publicité", "реклама", "広告", "enlarge image", "enlarge",
        "click to enlarge", "report error", "print", "email", "continue reading", "see also", "watch",
        "listen", "video", "photo", "photos", "gallery", "next", "previous", "top video", "facebook", "twitter",
        "x", "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "tweet", "copy link", "messenger",
        "subscribe",
    ]

    /// Labels pages print for screen readers before a picture's caption; a line that is one is
    /// furniture, and a caption loses the one it opens with.
    package static let captionLabels = ["image caption", "media caption"]

    /// Openings of furniture lines: prompts to share, subscribe, comment or read on, picture
    /// credits and notices. An opening that ends with a letter must be followed by a character
    /// that is not one (`related:` and `related` open `Related: …`, not `Relatedly`).
    package static let furnitureOpeningList: [String] =
        captionLabels + [
            "image copyright", "sign up for", "sign up to",
            "like this story", "join the conversation",
            "this slideshow requires javascript", "related post:", "related:", "read more:", "see more:", "more:",
            "recommended:", "chevron_left", "chevron_right", "leggi anche", "lee también",
            "leia também", "leia mais", "lesen sie auch", "lire aussi", "à lire aussi", "читайте также",
            "follow me on", "follow him on", "follow her on", "follow them on", "sign up:", "sign up now",
            "subscribe to", "subscribe now", "if you enjoyed this article", "write to ",
            "get our newsletter", "join our newsletter", "newsletter:", "citation:",
            "this document is subject to copyright", "leave a comment", "leave a reply", "post a comment",
            "add new comment", "add a comment", "comments are closed", "comments:", "make sure you enter",
            "your email address will not be published", "required fields are marked", "html code is not allowed",
            "follow us", "follow @", "share on", "share:", "tweet this", "click here", "print this", "email this",
            "like us on", "join us on", "all rights reserved", "also read", "recommended for you", "more from",
            "you might also like", "trending now", "report an error", "send us your feedback", "log in to comment",
            "login to comment", "loading comments", "previous article", "next article", "back to top",
            "we use cookies", "accept cookies",
            "download our app", "tap here", "share this",
        ]

    /// Openings of a wire story's credit line (`(Reporting by Jane Doe; Editing by John Roe)`).
    package static let creditOpeningList: [String] = [
        "reporting by", "additional reporting by", "writing by", "editing by", "compiled by",
    ]

    package static let furnitureLabels: Set<String> = Set(furnitureLabelList)
    private static let furnitureOpeningsByFirst: [Character: [String]] = Dictionary(
        grouping: furnitureOpeningList, by: { $0.first ?? " " })

    /// A line as furniture labels are compared: lowercase letters and digits, words single-spaced.
    package static func furnitureKey(_ text: some StringProtocol) -> String {
        furnitureKey(of: String(text).fastLowercased())
    }

    private static func furnitureKey(of lower: String) -> String {
        var out = ""
        var space = false
        for character in lower {
            if character.fastIsLetter || character.fastIsNumber {
                if space, !out.isEmpty { out.append(" ") }
                out.append(character)
                space = false
            } else if character.fastIsWhitespace {
                space = true
            }
        }
        return out
    }

    /// The furniture label a whole line is, or the furniture opening it starts with, or `nil`.
    /// Callers bound the length of the lines they ask about.
    package static func furniture(_ text: some StringProtocol) -> String? {
        let key = furnitureKey(text)
        return furnitureLabels.contains(key) ? key : furnitureOpening(text)
    }

    /// The furniture opening (or wire-credit opening) a line starts with, or `nil`.
    package static func furnitureOpening(_ text: some StringProtocol) -> String? {
        furnitureOpening(of: String(text))
    }

    /// `furnitureOpening(_:)` on a concrete string: the work is done once, on the lowercase head
    /// of the line, not through the generic string protocol.
    private static func furnitureOpening(of text: String) -> String? {
        let lower = headKey(text, count: 48)
        guard let first = lower.first else { return nil }
        if creditOpening(lower) { return "credit" }
        for opening in furnitureOpeningsByFirst[first] ?? [] where lower.hasPrefix(opening) {
            guard opening.last?.isLetter == true else { return opening }
            let after = lower.dropFirst(opening.count).first
            if after == nil || !after!.isLetter { return opening }
        }
        return nil
    }

    /// The line's first `count` characters after its leading white space, lowercase.
    private static func headKey(_ text: String, count: Int) -> String {
        let start = text.unicodeScalars.firstIndex { !$0.fastIsWhitespace } ?? text.endIndex
        return String(text[start...].prefix(count)).fastLowercased()
    }

    /// Whether a lowercase line head opens a credit line, an opening parenthesis allowed.
    private static func creditOpening(_ lower: String) -> Bool {
        let head = lower.hasPrefix("(") ? lower.dropFirst() : lower[...]
        return creditOpeningList.contains { head.hasPrefix($0) }
    }

    /// An email address, as a word of a line (`jane@example.com`).
    package static func isEmail(_ word: some StringProtocol) -> Bool {
        guard let at = word.firstIndex(of: "@"), at != word.startIndex else { return false }
        return word[word.index(after: at)...].contains(".")
    }

    /// A web address, as a word of a line (`https://…`, `www.…`).
    package static func isWebAddress(_ word: some StringProtocol) -> Bool {
        let lower = word.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
    }

    /// Contact details as a word of a byline line: an email or a web address.
    package static func isContactWord(_ word: some StringProtocol) -> Bool {
        isEmail(word) || isWebAddress(word)
    }

    /// Whether a line opens like a wire credit (`Reporting by …`, in parentheses or not).
    package static func isCreditLine(_ text: some StringProtocol) -> Bool {
        creditOpening(headKey(String(text), count: 32))
    }

    // MARK: Organisations

    /// Words that make a credit an organisation's rather than a person's: desks, staff and
    /// services, publications and broadcasters, public bodies, and companies (`Northway Sports Data`,
    /// `Example Analytics`, `Harbour Images`). The byline analyser types a credit by them and the
    /// byline rules check the type by them.
    package static let organizationWordList: [String] = [
        "desk", "staff", "bureau", "agency", "agencies", "news", "newsroom", "newsdesk", "team", "service",
        "services", "wire", "wires", "press", "media", "editorial", "board", "correspondents", "reporters",
        "monitoring", "report", "times", "post", "tribune", "herald", "online", "web", "digital", "magazine",
        "network", "networks", "group", "council", "ministry", "department", "office", "institute", "association",
        "foundation", "inc", "ltd", "llc", "corp", "newspaper", "daily", "weekly", "gazette", "journal", "radio",
        "tv", "television", "channel", "ispr", "broadcasting", "publications", "publishing", "syndicate", "data",
        "sports", "analytics", "solutions", "systems", "international", "company", "corporation", "holdings",
        "bank", "university", "images", "photos", "video", "productions", "studios", "partners", "consulting",
        "technologies", "labs",
    ]

    /// Organisation words (see `organizationWordList`).
    package static let organizationWords: Set<String> = Set(organizationWordList)

    /// News agencies, by the name or initials they credit (`dpa`, `Associated Press`).
    package static let agencyList: [String] = [
        "reuters", "ap", "afp", "associated press", "agence france-presse", "agence france presse", "pti", "ians",
        "ani", "app", "dpa", "efe", "ansa", "xinhua", "tass", "bloomberg", "upi", "anadolu", "kyodo", "yonhap",
        "bernama", "irna", "aap", "canadian press", "press association", "pa", "pa media", "bbc", "cnn", "cna",
    ]

    /// News agencies (see `agencyList`).
    package static let agencies: Set<String> = Set(agencyList)

    /// Whether a credit is an agency (`Reuters`), or an agency and its desk or office joined by
    /// slashes, as agencies sign their copy (`dpa/lno`, `AFP/Bureau`).
    package static func isAgencyCredit(_ text: some StringProtocol) -> Bool {
        let lower = text.lowercased().trimmingWhitespace()
        if agencies.contains(lower) { return true }
        let parts = lower.split(separator: "/")
        return parts.count > 1 && parts.contains { agencies.contains(String($0).trimmingWhitespace()) }
    }

    /// The words of a credit as the organisation test reads them: lowercase, cut at anything but a
    /// letter or a hyphen (`No-Data-Supplied` stays one word).
    package static func creditWords(_ text: some StringProtocol) -> [String] {
        text.lowercased().split { !$0.isLetter && $0 != "-" }.map(String.init)
    }

    /// Whether a credit names an organisation: an agency (`isAgencyCredit`) or a name with an
    /// organisation word (`Business Desk`, `Northway Sports Data`). The byline analyser types bylines
    /// by it and the byline rules check the type by it, so the two agree.
    package static func namesOrganization(_ text: some StringProtocol) -> Bool {
        isAgencyCredit(text) || creditWords(text).contains { organizationWords.contains($0) }
    }

    // MARK: Roles in bylines

    /// Words of the roles a byline prints beside or instead of a name (`Staff Reporter`, `Senior
    /// Political Correspondent`, `Executive Director`): the byline analyser reads them as a role,
    /// and `byline.malformed` reports a byline that is nothing but such words.
    package static let bylineRoleWordList: [String] = [
        "reporter", "reporters", "correspondent", "correspondents", "editor", "editors", "writer", "writers",
        "contributor", "columnist", "staff", "analyst", "producer", "photographer", "chief", "senior", "deputy",
        "political", "business", "sports", "science", "health", "foreign", "special", "intern", "freelance",
        "journalist", "critic", "bureau", "desk", "our", "executive", "director", "president", "manager",
        "spokesperson", "spokesman", "spokeswoman", "professor", "founder", "chairman", "chairwoman", "ceo",
    ]

    /// Byline role words (see `bylineRoleWordList`).
    package static let bylineRoleWords: Set<String> = Set(bylineRoleWordList)

    /// Whether a credited name is only a job title (`Senior Correspondent`, `Chief Executive
    /// Officer`): every word a byline role word or a title, joined at most by `of`, `the`, `and`.
    /// A desk or staff credit (`Staff Reporter`, `Metro Desk`) names an organisation and is not a
    /// job title here.
    package static func isJobTitle(_ name: some StringProtocol) -> Bool {
        let words = name.lowercased().split { !$0.isLetter }.map(String.init)
        guard !words.isEmpty, !namesOrganization(name) else { return false }
        return words.contains { bylineRoleWords.contains($0) || titles.contains($0) }
            && words.allSatisfy { bylineRoleWords.contains($0) || titles.contains($0) || jobTitleJoiners.contains($0) }
    }

    /// Words that join the parts of a job title (`Director of the Foundation`).
    private static let jobTitleJoiners: Set<String> = ["of", "the", "and", "for"]

    // MARK: Checking the lists

    /// Every list by name, for the test that rejects repeated entries.
    package static var lists: [(name: String, words: [String])] {
        [
            ("months", monthList.map(\.word)), ("titles", titleList), ("byline roles", bylineRoleWordList),
            ("speech verbs", speechVerbList),
            ("furniture labels", furnitureLabelList), ("furniture openings", furnitureOpeningList),
            ("credit openings", creditOpeningList), ("organization words", organizationWordList),
            ("agencies", agencyList),
        ]
    }
}

// MARK: - What a quoted span is

/// Whether quoted words are a direct quotation: the judgement the quote analyser and the quote
/// rules share, so that what one does not treat as speech the other does not ask a speaker for.
package enum QuotedSpan {
    /// Short words that stay lowercase inside titles.
    package static let minorWords: Set<String> = [
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "is", "of", "on", "or", "over",
        "the", "to", "under", "up", "with", "vs", "via",
    ]

    /// The title of a work or a programme, written in title case (`Tales From the Crypt`,
    /// `Orange is the New Black`, `Midday with Charlie Sykes`): two to ten words, the first and
    /// nearly every other word that is not a minor word capitalised, no sentence inside.
    package static func isTitle(_ text: String) -> Bool {
        var trimmed = text.trimmingWhitespace()
        while let last = trimmed.last, last == "," || last == "." || last == ":" || last == ";" {
            trimmed.removeLast()
        }
        guard !trimmed.contains(where: { ".!?;:".contains($0) }) else { return false }
        let words = trimmed.split(whereSeparator: \.isWhitespace).map(String.init)
        guard (2...10).contains(words.count), let first = words.first?.first, first.isUppercase || first.isNumber
        else { return false }
        let major = words.dropFirst().filter { !minorWords.contains($0.lowercased()) }
        guard !major.isEmpty else { return false }
        let capitalised = major.filter { word in
            guard let initial = word.first(where: { $0.isLetter || $0.isNumber }) else { return true }
            return initial.isUppercase || initial.isNumber
        }
        return capitalised.count == major.count
    }

    /// Nouns that name a work (`the book`, `his podcast`, `an HBO series`).
    private static let workNounList = [
        "book", "books", "novel", "memoir", "biography", "film", "movie", "documentary", "show", "program",
        "programme", "podcast", "album", "song", "series", "column", "essay", "magazine", "play", "musical",
        "opera", "poem", "episode", "sitcom",
    ]

    /// Words that name a work or introduce its title (`the book`, `his podcast`, `a film titled`):
    /// a title-cased quotation right after one is the work's title, not someone's words.
    package static let workWords = Set(
        workNounList + ["single", "titled", "entitled", "called", "named", "dubbed", "headlined"])

    /// Words after a title that say it is a work's (`“Tales From the Crypt,” an HBO series`,
    /// `“Veep” star Jane Doe`, `“Morning Live” host …`).
    package static let workNouns = Set(workNounList + ["star", "host", "special"])

    /// The title of a work after a word naming it: a title (`isTitle`), or a title and a subtitle
    /// after a colon (`Failure to Adjust: How Americans Got Left Behind`, `Yuge!: 30 Years of
    /// Doonesbury`), sixteen words at most.
    package static func isWorkTitle(_ text: String) -> Bool {
        if isTitle(text) { return true }
        var trimmed = text.trimmingWhitespace()
        while let last = trimmed.last, ",.:;!?".contains(last) { trimmed.removeLast() }
        let parts = trimmed.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, trimmed.split(whereSeparator: \.isWhitespace).count <= 16 else { return false }
        return parts.allSatisfy { part in
            let words = part.filter { $0 != "!" && $0 != "?" }.split(whereSeparator: \.isWhitespace)
            guard words.count > 1 else { return words.first?.first?.isUppercase ?? false }
            return isTitle(words.joined(separator: " "))
        }
    }

    /// A term held up in quotation marks rather than someone's words: one or two words
    /// (`"reformer."`, `“the swamp”`), which reads as a scare quote or a coined term.
    package static func isTerm(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: \.isLetter) }
        return words.count <= 2
    }
}
