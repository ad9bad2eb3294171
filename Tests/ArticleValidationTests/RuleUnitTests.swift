// copydesk — ArticleValidation tests
// Rules on articles built in code: the cases fixtures cannot easily hold, settings, and the clock.

import ArticleModel
import Testing

@testable import ArticleValidation

/// A complete article that no rule reports, to vary one thing at a time.
let baseline = Article(
    headline: "Harbour gates close for the spring tides", bylines: [Byline(name: "Ada Quill")],
    published: ArticleDate(parsing: "2025-03-03T21:30:00Z"), language: "en",
    body: [.paragraph(Paragraph(text: "Engineers lowered the tidal barrier on Tuesday night."))])

/// Every rule on (but date.no-time, which these day-precision dates would all trigger; it has its
/// own test), at a fixed clock.
func everything(
    now: String? = "2025-06-12T09:00:00Z", settings: [String: [String: SettingValue]] = [:]
)
    -> Validator
{
    var levels = Dictionary(uniqueKeysWithValues: RuleRegistry.rules.map { ($0.id, RuleLevel($0.defaultSeverity)) })
    levels["date.no-time"] = .off
    return Validator(
        configuration: ValidationConfiguration(levels: levels, settings: settings, now: now.flatMap(DateParser.parse)))
}

func ids(_ article: Article, _ validator: Validator = everything()) -> [String] {
    validator.validate(article, file: "a.txt").map(\.id)
}

@Suite("Rules on articles built in code")
struct RuleUnitTests {
    @Test("The baseline article is clean with every rule on")
    func clean() {
        #expect(ids(baseline).isEmpty)
    }

    @Test("Headline length follows the max-length setting; capitals only is reported, short acronyms are not")
    func headlines() {
        var article = baseline
        article.headline = String(repeating: "Harbour ", count: 13)
        #expect(ids(article) == ["headline.too-long"])
        #expect(ids(article, everything(settings: ["headline.too-long": ["max-length": .int(200)]])).isEmpty)
        article.headline = "HARBOUR GATES CLOSE"
        #expect(ids(article) == ["headline.all-caps"])
        article.headline = "NHS"
        #expect(ids(article).isEmpty)
        article.headline = "NHS trusts close 12 wards"
        #expect(ids(article).isEmpty)
    }

    @Test(
        "Malformed bylines are reported with what is wrong",
        arguments: [
            ("By By Ada Quill", "repeats its prefix"), ("Ada Quill, 7 November 2017", "holds a date"),
            ("Ada Quill 2017-11-07", "holds a date"), ("Ada Quill ada@example.org", "email address"),
            ("Ada Quill https://example.org/ada", "holds a URL"), ("ADA QUILL", "capitals only"),
            ("| Ada Quill", "stray separator"), ("Ada Quill ||", "stray separator"),
            ("Written By: Ada Quill", "a data field holds the name alone"),
        ])
    func malformed(_ raw: String, _ problem: String) {
        var article = baseline
        article.source = ArticleSource(format: "json")
        article.bylines = [Byline(name: raw, raw: raw)]
        let found = everything().validate(article, file: "a.txt").filter { $0.id == "byline.malformed" }
        #expect(found.count == 1, "\(raw)")
        #expect(found.first?.message.contains(problem) == true, "\(found.first?.message ?? "nothing") for \(raw)")
    }

    @Test("A printed 'By' line is fine, the same prefix in a data field is not; May as a name is not a date")
    func wellFormedBylines() {
        var article = baseline
        for raw in ["By Ada Quill", "Written By: Hilal Desk", "By Theresa May", "By Ada Quill, Staff Reporter"] {
            article.bylines = [Byline(name: "Ada Quill", raw: raw, origin: .printed)]
            #expect(!ids(article).contains("byline.malformed"), "\(raw)")
            article.bylines = [Byline(name: "Ada Quill", raw: raw, origin: .field)]
            #expect(ids(article).contains("byline.malformed"), "\(raw) in a data field")
        }
        // Whatever the format the article says it came from: the byline's origin decides.
        article.source = ArticleSource(format: "text")
        article.bylines = [Byline(name: "Ada Quill", raw: "By Ada Quill", origin: .field)]
        #expect(ids(article).contains("byline.malformed"))
    }

    @Test("A person named like a publication, and an organisation named like a person, are reported")
    func kinds() {
        var article = baseline
        article.bylines = [Byline(name: "Evening Chronicle", kind: .person)]
        #expect(ids(article) == ["byline.kind"])
        article.bylines = [Byline(name: "Ada Quill", kind: .organization)]
        #expect(ids(article) == ["byline.kind", "byline.organization"])
        article.bylines = [Byline(name: "Business Desk", kind: .organization)]
        #expect(ids(article) == ["byline.organization"])
        #expect(ids(article, Validator()).isEmpty, "organisation bylines are allowed by default")
    }

    @Test("Future dates use the run's clock, its tolerance, and the widest reading of a date without a zone")
    func future() {
        var article = baseline
        article.published = ArticleDate(parsing: "2025-06-12T09:10:00Z")
        #expect(ids(article) == ["date.future"])
        article.published = ArticleDate(parsing: "2025-06-12T09:04:00Z")
        #expect(ids(article).isEmpty, "within the 5-minute tolerance")
        article.published = ArticleDate(parsing: "2025-06-12")
        #expect(ids(article).isEmpty, "today, as a date, is not in the future")
        article.published = ArticleDate(parsing: "2025-06-14")
        #expect(ids(article) == ["date.future"])
        #expect(ids(article, everything(now: nil)).isEmpty, "no clock, no check")
    }

    @Test("Modification before publication, and times without a zone")
    func order() {
        var article = baseline
        article.modified = ArticleDate(parsing: "2025-03-02")
        #expect(ids(article) == ["date.modified-before-published"])
        article.modified = ArticleDate(parsing: "2025-03-03")
        #expect(ids(article).isEmpty, "the same day may be earlier or later")
        article.modified = ArticleDate(parsing: "2025-03-04T08:00:00")
        #expect(ids(article) == ["date.no-timezone"])
    }

    @Test("A day without a time is reported when date.no-time is on; an instant is not")
    func noTime() {
        let on = Validator(configuration: ValidationConfiguration(levels: ["date.no-time": .error]))
        var article = baseline
        #expect(on.validate(article, file: nil).isEmpty)
        article.published = ArticleDate(parsing: "3 March 2025")
        #expect(on.validate(article, file: nil).map(\.id) == ["date.no-time"])
        #expect(on.validate(article, file: nil).first?.severity == .error)
        #expect(Validator().validate(article, file: nil).isEmpty, "off by default")
    }

    @Test("The dateline's date is read with the publication year, across a new year too")
    func dateline() {
        var article = baseline
        article.dateline = Dateline(place: "PORT ELLIS", date: "March 3", raw: "PORT ELLIS, March 3 (CNA)")
        #expect(ids(article).isEmpty)
        article.dateline?.date = "Feb 20"
        #expect(ids(article) == ["date.dateline-mismatch"])
        article.published = ArticleDate(parsing: "2025-01-01T06:00:00Z")
        article.dateline?.date = "Dec 31"
        #expect(ids(article).isEmpty)
        #expect(ids(article, everything(settings: ["date.dateline-mismatch": ["max-days": .int(0)]])).isEmpty)
    }

    @Test("A quotation going on after one given to an unresolved pronoun is that one finding, not two")
    func pronounContinued() {
        var article = baseline
        let said = Paragraph([
            .quotation(Quotation(content: [.text("We are ready for the tide,")], quoteID: "q1")), .text(" she said. "),
            .quotation(Quotation(content: [.text("The gates close at dusk.")], quoteID: "q2")),
        ])
        let later = Paragraph([.quotation(Quotation(content: [.text("Nobody told us anything.")], quoteID: "q3"))])
        article.body += [.paragraph(said), .paragraph(later)]
        article.quotes = [
            Quote(id: "q1", text: "We are ready for the tide,", cue: "said", attribution: .pronoun),
            Quote(id: "q2", text: "The gates close at dusk."), Quote(id: "q3", text: "Nobody told us anything."),
        ]
        // q2 continues q1's voice in its paragraph; q3, in a paragraph of its own, is unattributed.
        #expect(ids(article).sorted() == ["quote.pronoun-speaker", "quote.unattributed"])
        let unattributed = Validator().validate(article, file: "a.txt").filter { $0.id == "quote.unattributed" }
        #expect(unattributed.map(\.message).allSatisfy { $0.contains("Nobody told us") })
    }

    @Test("Quotes: pronoun speakers given by a source, and unbalanced marks (inches are not quotes)")
    func quotes() {
        var article = baseline
        article.quotes = [
            Quote(id: "q1", text: "We are ready for the tide", speaker: Speaker(name: "she"), cue: "said")
        ]
        #expect(ids(article) == ["quote.pronoun-speaker"])
        article.quotes = [Quote(id: "q1", text: "We are ready for the tide", cue: "said", attribution: .pronoun)]
        #expect(ids(article) == ["quote.pronoun-speaker"], "a pronoun left unresolved is not also unattributed")
        article.quotes = []
        for (text, unbalanced) in [
            ("The screen is 5\" wide and the gates are 40 feet.", false), ("He said “yes” and “no”.", false),
            ("She said: “we are ready.", true), ("It ended.” Then nothing.", true), ("A \"quoted\" word.", false),
            ("A \"stray mark.", true), ("Er sagte „wir sind bereit“ und ging.", false),
        ] {
            article.body = [.paragraph(Paragraph(text: text))]
            #expect(ids(article).contains("quote.unbalanced") == unbalanced, "\(text)")
        }
    }

    @Test("A pull quote matches the body's words, also with words left out at an ellipsis")
    func pullQuotes() {
        var article = baseline
        article.body = [
            .paragraph(Paragraph(text: "“We waited a long time for tonight, and the town was patient,” she said.")),
            .pullQuote(PullQuote([.text("We waited a long time … the town was patient")])),
        ]
        #expect(ids(article).isEmpty)
        article.body[1] = .pullQuote(PullQuote([.text("We waited a long time... the town was patient")]))
        #expect(ids(article).isEmpty)
        article.body[1] = .pullQuote(PullQuote([.text("We waited years … the town was patient")]))
        #expect(ids(article) == ["quote.pull-unmatched"])
    }

    @Test("Boilerplate phrases can be added in the profile; duplicates follow min-length")
    func structure() {
        var article = baseline
        article.body += [.paragraph(Paragraph(text: "Listen to our podcast"))]
        #expect(ids(article).isEmpty)
        let phrases = everything(settings: ["body.boilerplate": ["phrases": .strings(["Listen to our podcast"])]])
        #expect(ids(article, phrases) == ["body.boilerplate"])
        let line = { (n: Int) in SourceLocation(file: "a.txt", line: n, column: 1) }
        let repeated = "Eat every two to three hours, the coach said."
        article.body = [1, 3, 5, 7].map { .paragraph(Paragraph(text: repeated, location: line($0))) }
        let found = everything().validate(article, file: "a.txt")
        #expect(found.count == 1, "one finding per repeated paragraph")
        #expect(found.first?.location == line(3))
        #expect(
            found.first?.message
                == "paragraph repeats an earlier one (first at line 1), 4 times in all: delete the copies")
        #expect(found.first?.excerpt != nil)
        article.body = [
            .paragraph(Paragraph(text: repeated, location: line(2))),
            .paragraph(Paragraph(text: repeated, location: line(2))),
        ]
        #expect(
            everything().validate(article, file: "a.txt").first?.excerpt == nil, "same position: no excerpt to look for"
        )
        article.body = [.paragraph(Paragraph(text: "Yes.")), .paragraph(Paragraph(text: "Yes."))]
        #expect(ids(article).isEmpty)
        #expect(
            ids(article, everything(settings: ["body.duplicate-paragraph": ["min-length": .int(1)]])) == [
                "body.duplicate-paragraph"
            ])
    }

    @Test("Levels: off silences a rule, and the configured level replaces the default severity")
    func levels() {
        var configuration = ValidationConfiguration(levels: ["headline.missing": .off, "byline.missing": .error])
        let found = Validator(configuration: configuration).validate(Article(), file: "a.txt")
        #expect(!found.contains { $0.id == "headline.missing" })
        #expect(found.first { $0.id == "byline.missing" }?.severity == .error)
        configuration.levels = ["language.missing": .note]
        #expect(
            Validator(configuration: configuration).validate(baseline, file: nil).isEmpty,
            "the baseline has a language")
    }

    @Test("Every rule documents itself and declares settings with defaults of the kind it reads")
    func documentation() {
        for rule in RuleRegistry.rules {
            #expect(rule.documentation.contains("Fix:"), "\(rule.id) says how to fix a finding")
            #expect(!rule.summary.isEmpty && rule.summary.hasSuffix("."))
        }
    }

    @Test("Date spans: a day covers every zone; instants are exact; UTC conversion round-trips")
    func spans() {
        let instant = DateParser.parse("2025-03-03T21:30:00+01:00")!
        #expect(instant.utcSpan == 1_741_033_800...1_741_033_800)
        let back = DateTimeValue.utc(secondsSince1970: instant.utcSpan!.lowerBound)
        #expect(back.iso8601 == "2025-03-03T20:30:00Z")
        #expect(DateTimeValue.utc(secondsSince1970: 0).iso8601 == "1970-01-01T00:00:00Z")
        #expect(DateTimeValue.utc(secondsSince1970: -1).iso8601 == "1969-12-31T23:59:59Z")
        let day = DateParser.parse("2024-02-29")!.utcSpan!
        #expect(day.upperBound - day.lowerBound == 86_399 + 26 * 3600)
        #expect(DateParser.parse("2023-02-29")!.utcSpan == nil)
    }
}

@Suite("False alarms the rules avoid")
struct FalseAlarmTests {
    @Test("A credit line stands in for a byline, unless the profile says bylines only")
    func creditCounts() {
        var article = baseline
        article.bylines = []
        #expect(ids(article).contains("byline.missing"))
        article.source = ArticleSource(publisher: "Example Wire", credit: "Example Wire")
        #expect(!ids(article).contains("byline.missing"))
        let strict = everything(settings: ["byline.missing": ["satisfied-by": .strings([])]])
        #expect(ids(article, strict).contains("byline.missing"))
    }

    @Test("A wire story's credit line at the end is not web furniture; a share prompt still is")
    func creditLineIsNotBoilerplate() {
        var article = baseline
        article.body += [.paragraph(Paragraph(text: "(Reporting by Jane Roe; Editing by John Doe)"))]
        #expect(!ids(article).contains("body.boilerplate"))
        article.body += [.paragraph(Paragraph(text: "Writing by Priya Nair; editing by Tom Okafor"))]
        #expect(!ids(article).contains("body.boilerplate"))
        article.body += [.paragraph(Paragraph(text: "Share this article on Facebook"))]
        #expect(ids(article).filter { $0 == "body.boilerplate" }.count == 1)
    }

    @Test(
        "An agency with its office and a company named by a company word are organisations to byline.kind",
        arguments: [
            "dpa/lno", "Northway Sports Data", "Tidewater Analytics Group", "Kestrel Images", "No-Data-Supplied",
        ])
    func organisationKinds(_ name: String) {
        var article = baseline
        article.bylines = [Byline(name: name, kind: name.hasPrefix("No-") ? .person : .organization)]
        #expect(!ids(article).contains("byline.kind"), "\(name)")
        // The same credit typed as a person is reported, but for the placeholder, which names nothing.
        article.bylines = [Byline(name: name, kind: .person)]
        #expect(ids(article).contains("byline.kind") == !name.hasPrefix("No-"), "\(name) as a person")
    }

    @Test("A code in a byline is reported as a code, not as a date; a date with its month apart is a date")
    func codeNotDate() {
        var article = baseline
        article.source = ArticleSource(format: "json")
        article.bylines = [Byline(name: "Jane Roe", raw: "K2048/_Jane Roe")]
        let code = everything().validate(article, file: "a.txt").first { $0.id == "byline.malformed" }
        #expect(code?.message.contains("holds a code ('K2048')") == true, "\(code?.message ?? "nothing")")
        #expect(code?.message.contains("date") == false)
        article.bylines = [Byline(name: "Jane Roe", raw: "Jane Roe 12-mar-2024")]
        let date = everything().validate(article, file: "a.txt").first { $0.id == "byline.malformed" }
        #expect(date?.message.contains("holds a date") == true, "\(date?.message ?? "nothing")")
        article.bylines = [Byline(name: "Jane Roe", raw: "Jane Roe | 2024-03-12T08:30:00Z")]
        let stamp = everything().validate(article, file: "a.txt").first { $0.id == "byline.malformed" }
        #expect(stamp?.message.contains("holds a date") == true, "\(stamp?.message ?? "nothing")")
    }

    @Test("A job title where the name belongs is reported once, as malformed; desks and people with roles are not")
    func jobTitleAsName() {
        var article = baseline
        for (name, kind) in [("Senior Correspondent", Byline.Kind.organization), ("Chief Executive Officer", .person)] {
            article.bylines = [Byline(name: name, kind: kind, raw: "By " + name, origin: .printed)]
            // byline.organization (off by default) reports organisation credits as such; not counted.
            let found = everything().validate(article, file: "a.txt").filter {
                $0.id.hasPrefix("byline.") && $0.id != "byline.organization"
            }
            #expect(found.map(\.id) == ["byline.malformed"], "\(name): \(found.map(\.id))")
            #expect(found.first?.message.contains("is a job title, not a name") == true, "\(name)")
        }
        for name in ["Staff Reporter", "Metro Desk", "Ada Quill", "Major Tom Harris", "Theresa May"] {
            article.bylines = [Byline(name: name, raw: "By " + name, origin: .printed)]
            #expect(!ids(article).contains("byline.malformed"), "\(name)")
        }
        article.bylines = [Byline(name: "Ada Quill", raw: "By Ada Quill, Senior Correspondent", origin: .printed)]
        #expect(!ids(article).contains("byline.malformed"))
    }

    @Test("A year-1 date (a missing date written as one) is an error; an old but plausible one is not")
    func implausibleYears() {
        var article = baseline
        article.published = ArticleDate(parsing: "0001-01-01T00:00:00Z")
        #expect(ids(article).contains("date.invalid"))
        article.published = ArticleDate(parsing: "1912-04-15")
        #expect(!ids(article).contains("date.invalid"))
    }
}

@Suite("Quote marks and spans as an editor reads them")
struct QuoteJudgementTests {
    @Test(
        "Marks that pair by where they stand are balanced",
        arguments: [
            "\"I prefer Kasich,” he said.", "Israel's air force is “the best in the world“ and more.",
            "The platform says: ““Radical ideas are a threat,” it reads.", "He is 6’2”, she said.",
            "the \"Fight for 15\" movement grew.", "a 5\" screen",
        ])
    func balanced(_ text: String) {
        #expect(QuoteUnbalancedRule.imbalance(in: text) == nil, "\(text)")
    }

    @Test("A stray or missing mark is still reported")
    func unbalanced() {
        #expect(QuoteUnbalancedRule.imbalance(in: "“We will stay, he said.")?.unclosed == true)
        #expect(QuoteUnbalancedRule.imbalance(in: "They took,” Earnest said.\"")?.unclosed == false)
        #expect(QuoteUnbalancedRule.imbalance(in: "Er sagte: »Das ist gut. Dann ging er.")?.unclosed == true)
        #expect(QuoteUnbalancedRule.imbalance(in: "彼は「明日行きます と言った。")?.mark == "「")
        #expect(QuoteUnbalancedRule.imbalance(in: "Il est parti.» Puis rien.")?.unclosed == false)
    }

    @Test(
        "Other languages' quotation marks pair under their own conventions",
        arguments: [
            "Sie sagte: „Wir bleiben hier.“", "Powiedział: „Nie zgadzam się”, i wyszedł.",
            "Elle a déclaré : « Nous restons ici. »", "Er sagte: »Das ist gut.« Dann schwieg er.",
            "彼女は「先生は『大丈夫』と言った」と話した。", "Home » News » Politics",
        ])
    func otherLanguages(_ text: String) {
        #expect(QuoteUnbalancedRule.imbalance(in: text) == nil, "\(text)")
    }

    @Test("Titles of works and terms in quotation marks are not someone's words")
    func spans() {
        #expect(QuotedSpan.isTitle("Tales From the Crypt,"))
        #expect(QuotedSpan.isTitle("Orange is the New Black"))
        #expect(!QuotedSpan.isTitle("We will not sail again until the inspectors are satisfied."))
        #expect(!QuotedSpan.isTitle("Unacceptable Catalan unilateral independence declaration,"))
        #expect(QuotedSpan.isWorkTitle("Failure to Adjust: How Americans Got Left Behind in the Global Economy."))
        #expect(QuotedSpan.isWorkTitle("Yuge!: 30 Years of Harbour Cartoons,"))
        #expect(QuotedSpan.isWorkTitle("The Harbour Hour"))
        #expect(!QuotedSpan.isWorkTitle("Note to readers: we will not sail again until spring."))
        #expect(QuotedSpan.workWords.contains("podcast"))
        #expect(QuotedSpan.isTerm("reformer."))
        #expect(!QuotedSpan.isTerm("we will rebuild the pier"))
        var article = baseline
        article.body = [.paragraph(Paragraph(text: "He called him a “reformer.” on air."))]
        article.quotes = [Quote(id: "q1", text: "reformer.", kind: .direct)]
        #expect(!ids(article).contains("quote.unattributed"))
        article.quotes = [Quote(id: "q1", text: "We will rebuild the pier this year", kind: .direct)]
        #expect(ids(article).contains("quote.unattributed"))
    }
}
