// copydesk — ArticleAnalysis
// Word tables for the quote analyser: reporting verbs, titles, pronouns and words that are not names.

import ArticleModel

// MARK: - ReportingVerbs

/// The words the quote analyser recognises around a quotation. Every table is a `static let`.
enum ReportingVerbs {
    /// Reporting verbs in every form that introduces or follows a quotation (lowercase).
    static let cues: Set<String> = {
        // Split on the UTF-8 bytes and sized once: built in every process that reads an article.
        var out = Set<String>(minimumCapacity: 640)
        for stem in cueStems {
            for form in stem.utf8.split(separator: UInt8(ascii: ":")) {
                let word = String(decoding: form, as: UTF8.self)
                if !nounLike.contains(word) { out.insert(word) }
            }
        }
        return out
    }()

    /// The reporting verbs, one entry a verb with its forms separated by colons; no form twice.
    static let cueStems: [String] = {
        [
            "say:said:says:saying", "tell:told:tells:telling", "add:added:adds:adding", "ask:asked:asks:asking",
            "state:stated:states:stating", "explain:explained:explains:explaining", "note:noted:notes:noting",
            "write:wrote:writes:writing:written", "argue:argued:argues:arguing",
            "continue:continued:continues:continuing", "declare:declared:declares:declaring",
            "insist:insisted:insists:insisting", "claim:claimed:claims:claiming", "reply:replied:replies:replying",
            "respond:responded:responds:responding", "recall:recalled:recalls:recalling",
            "warn:warned:warns:warning", "suggest:suggested:suggests:suggesting",
            "acknowledge:acknowledged:acknowledges:acknowledging", "admit:admitted:admits:admitting",
            "announce:announced:announces:announcing", "tweet:tweeted:tweets:tweeting", "post:posted:posts",
            "remark:remarked:remarks", "observe:observed:observes", "emphasize:emphasized:emphasizes:emphasizing",
            "emphasise:emphasised:emphasises", "stress:stressed:stresses:stressing",
            "predict:predicted:predicts:predicting", "promise:promised:promises:promising", "vow:vowed:vows:vowing",
            "pledge:pledged:pledges:pledging", "joke:joked:jokes:joking", "quip:quipped:quips",
            "complain:complained:complains:complaining", "concede:conceded:concedes", "counter:countered:counters",
            "contend:contended:contends", "call:called:calls:calling", "describe:described:describes:describing",
            "term:termed:terms", "praise:praised:praises", "blast:blasted:blasts", "urge:urged:urges:urging",
            "charge:charged:charges", "caution:cautioned:cautions", "conclude:concluded:concludes",
            "boast:boasted:boasts", "muse:mused:muses", "shout:shouted:shouts", "testify:testified:testifies",
            "answer:answered:answers", "agree:agreed:agrees", "highlight:highlighted:highlights",
            "assure:assured:assures", "thank:thanked:thanks", "yell:yelled:yells", "scream:screamed",
            "whisper:whispered", "chant:chanted:chanting", "read:reads", "proclaim:proclaimed:proclaims",
            "assert:asserted:asserts", "allege:alleged:alleges", "maintain:maintained:maintains", "point:pointed",
            "mention:mentioned:mentions", "reiterate:reiterated:reiterates", "confirm:confirmed:confirms",
            "deny:denied:denies", "demand:demanded:demands", "wonder:wondered:wonders",
            "comment:commented:comments", "criticize:criticized:criticizes", "criticise:criticised",
            "dub:dubbed:dubs", "label:labeled:labelled:labels", "brand:branded:brands", "refer:referred:refers",
            "recount:recounted:recounts", "summarize:summarized", "characterize:characterized:characterizes",
            "hail:hailed:hails", "deride:derided", "mock:mocked:mocks", "lament:lamented:laments",
            "report:reported:reports", "inform:informed", "cry:cried", "shoot:shot", "fire:fired",
            "retort:retorted", "interject:interjected", "begin:began", "go:goes", "offer:offered:offers",
            "accuse:accused:accuses", "attack:attacked", "slam:slammed:slams", "decry:decried", "exclaim:exclaimed",
            "worry:worried:worries", "fear:feared", "hope:hoped:hopes", "think:thought:thinks",
            "believe:believed:believes", "feel:felt:feels", "put:puts", "estimated", "cited", "quoted", "opined",
            "griped", "bragged", "touted", "texted", "emailed", "signaled", "indicated", "disputed", "objected",
            "protested", "questioned", "dismissed", "expressed", "hinted", "reckoned", "figured", "guessed",
            "speculated", "advised", "instructed", "ordered", "requested", "pleaded", "begged", "implored",
            "appealed", "threatened", "swore", "sworn", "reassured", "confided", "revealed", "disclosed",
            "confessed", "affirmed", "reasoned", "portrayed", "depicted", "blamed", "condemned", "denounced",
            "lambasted", "ripped", "chided", "scolded", "rebuked", "taunted", "teased", "gushed", "raved", "lauded",
            "applauded", "cheered", "welcomed", "congratulated", "apologized", "fretted", "wished", "prayed",
            "framed", "sighed", "laughed", "pressed", "referring", "dubbing", "labeling", "branding", "boasting",
            "accusing", "blaming", "estimates", "cites", "quotes", "typed", "scrawled", "penned", "jotted",
        ]
    }()

    /// Forms that are more often nouns or other verbs than reporting verbs (`the state`, `reports`).
    static let nounLike: Set<String> = [
        "state", "states", "report", "reports", "read", "reads", "post", "posts", "point", "put", "puts",
        "fire", "shot", "go", "goes", "began", "begin", "term", "terms", "thanks", "charge", "charges",
        "comment", "comments", "answers", "remark", "remarks", "call", "calls", "promise", "promises",
        "fear", "hope", "hopes", "counter", "counters", "label", "labels", "brand", "brands", "dub",
        "dubs", "notes", "claims", "praise", "blast", "blasts", "attack", "offer", "offers", "mock",
        "pledge", "pledges", "vow", "vows", "answer", "feel", "feels", "think", "thinks", "believe",
        "believes", "worry", "worries", "agree", "agrees", "deny", "denies", "thank", "maintain",
    ]

    /// Cues that name rather than report (`an ad called "…"`); after a noun they are participles.
    static let naming: Set<String> = [
        "called", "dubbed", "termed", "labeled", "labelled", "branded", "described", "titled", "named",
    ]

    /// Words that may stand between a subject and its cue (`has said`, `later told`).
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "also", "later", "then", "once", "previously", "recently", "repeatedly",
        "often", "would", "will", "could", "did", "does", "do", "not", "is", "was", "were", "are",
        "been", "be", "again", "further", "even", "still", "just", "might", "may",
        "should", "can", "never", "always", "already", "went", "on", "privately", "publicly",
        "angrily", "bluntly", "simply", "quickly", "flatly", "famously",
    ]

    /// Personal pronouns that can be a speaker, lowercase.
    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i", "you"]

    /// Abbreviations whose period does not end a sentence (lowercase, without the period).
    static let abbreviations: Set<String> = Set([
        "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col",
        "capt", "sgt", "maj", "adm", "cmdr", "hon", "rev", "st", "jr", "sr", "fr", "supt", "insp",
        "atty", "no", "vs", "mt", "ft", "inc", "corp", "co", "ltd", "u.s", "u.n", "u.k", "d.c", "e.g", "i.e",
    ]).union(Lexicon.monthAbbreviations)

    /// Cues that may come before their subject in a clause of their own (`…, said Jane Doe.`,
    /// `…, says X, …`).
    static let invertedCues: Set<String> = ["said", "says"]

    /// Verbs that credit a report's source (`…, reports USA Today`, `…, the Times reported`).
    static let reportVerbs: Set<String> = ["reports", "reported"]

    /// Capitalised words that start sentences or clauses but are never part of a speaker's name.
    static let notNames: Set<String> = [
        "the", "a", "an", "but", "and", "or", "so", "yet", "still", "in", "on", "at", "when",
        "after", "before", "while", "as", "if", "then", "now", "that", "this", "these", "those",
        "there", "here", "however", "meanwhile", "also", "even", "later", "earlier", "asked",
        "speaking", "since", "because", "although", "though", "for", "with", "by", "from", "of",
        "to", "his", "her", "their", "its", "our", "my", "your", "during", "last", "until",
        "instead", "indeed", "yes", "no", "well", "what", "why", "how", "who", "where", "it",
        "we", "i", "he", "she", "they", "you", "both", "all", "some", "many", "most", "one",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "tonight", "yesterday", "tomorrow", "according", "alongside", "amid", "despite", "regarding",
        "following", "including", "like", "unlike", "nobody", "everyone", "everybody", "someone", "nothing",
        "shortly", "late", "early", "recently", "finally", "previously", "separately", "currently", "initially",
        "eventually", "ultimately", "outside", "inside", "any", "every", "each", "neither", "either",
        "had", "has", "did", "does", "was", "is", "were", "are",
        // `Hours later, Trump …`: a span of time opening the sentence.
        "seconds", "minutes", "hours", "days", "weeks", "months", "years", "moments", "decades",
        // Adverbs and prepositions that open a sentence (`Not everyone …`, `Back in 1999, …`).
        "not", "never", "ever", "back", "maybe", "perhaps", "only", "just", "almost", "nearly", "again", "soon",
        "often", "sometimes", "once", "twice", "rather", "thus", "hence", "otherwise", "besides", "moreover",
        "furthermore", "nevertheless", "nonetheless", "such", "much", "more", "less", "few",
        "same", "too", "very", "quite", "first", "second", "next", "former", "about", "around", "across",
        "along", "behind", "beyond", "near", "off", "out", "up", "down", "upon", "within", "throughout",
        "toward", "towards", "via", "per", "than", "whose", "which", "whom", "whether", "whatever", "whoever",
        "unless", "sure", "given", "absent",
    ]

    /// Words that start a role phrase (`the ministry's spokesperson`, `a spokesman for …`).
    static let determiners: Set<String> = [
        "the", "a", "an", "his", "her", "their", "its", "our", "one", "another", "two", "three",
        "several", "some", "many", "other", "both",
    ]

    /// Prepositions that open a phrase which is not a subject (`in the past`, `with Clinton`).
    static let prepositions: Set<String> = [
        "in", "at", "on", "during", "for", "with", "since", "after", "before", "by", "from", "of", "to",
        "without", "into", "about", "over", "under", "through", "despite", "like", "against", "among",
    ]

    /// Speech verbs whose next name is who is spoken to (`told Chris Cuomo`), not the speaker.
    static let takesObject: Set<String> = ["told", "tells", "asked", "asks", "warned", "warns"]

    /// Cues that before `to` take an infinitive and report nothing (`continue to be`, `vowed to fight`).
    static let takesInfinitive: Set<String> = [
        "continue", "continued", "continues", "continuing", "hope", "hoped", "hopes", "agree", "agreed",
        "agrees", "begin", "began", "refuse", "refused", "decline", "declined", "expect", "expected",
        "appear", "appeared", "seem", "seemed", "wished",
    ]

    /// Words that end a subject phrase when walking back from a cue.
    static let clauseBreaks: Set<String> = [
        "that", "and", "but", "or", "because", "when", "while", "after", "before", "as", "if",
        "which", "who", "where", "since", "though", "although", "so", "than", "what", "how",
    ]
}
