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

    // MARK: Checking the lists

    /// Every list by name, for the test that rejects repeated entries.
    package static var lists: [(name: String, words: [String])] {
        [("months", monthList.map(\.word)), ("titles", titleList), ("speech verbs", speechVerbList)]
    }
}
