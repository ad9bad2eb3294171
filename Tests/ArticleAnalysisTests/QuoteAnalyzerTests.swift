// copydesk — ArticleAnalysis tests
// Direct quotations in running text and their speakers, one pattern or trap per test (fictional text).

import ArticleModel
import Testing

@testable import ArticleAnalysis

/// Runs the set-apart collector and the quote analyser over paragraphs.
private func quotes(_ paragraphs: String...) -> [Quote] {
    var article = Article(body: paragraphs.map { .paragraph(Paragraph(text: $0)) })
    _ = SetApartQuoteCollector().analyze(&article)
    _ = QuoteAnalyzer().analyze(&article)
    return article.quotes
}

@Suite("Quote analyser")
struct QuoteAnalyzerTests {
    // MARK: Cues

    @Test("A cue after the quote: “…,” X said")
    func cueAfter() throws {
        let found = quotes("“We will rebuild the bridge by spring,” Mayor Ana Ruiz said on Monday.")
        let quote = try #require(found.first)
        #expect(found.count == 1)
        #expect(quote.text == "We will rebuild the bridge by spring,")
        #expect(quote.speaker?.name == "Ana Ruiz")
        #expect(quote.speaker?.mention == "Mayor Ana Ruiz")
        #expect(quote.cue == "said")
        #expect(quote.kind == .direct)
        #expect(quote.attribution == .explicit)
        #expect(quote.id == "q1")
    }

    @Test("A name after a pronoun and its verb is what was said, not a later pronoun's antecedent")
    func nameAfterPronounCue() throws {
        let found = quotes(
            "Mayor Tomas Ruiz spoke at the hall on Monday. Asked who would lead the work, he said Robin Berg. "
                + "“I trust the engineers completely,” he said.")
        let quote = try #require(found.first)
        #expect(found.count == 1)
        #expect(quote.speaker?.name == "Tomas Ruiz")
        #expect(quote.speaker?.mention == "he")
        #expect(quote.attribution == .pronoun)
        // Inverted order after a quotation still names the speaker.
        let inverted = quotes("“We start in May,” said Robin Berg. “It will take a year,” she added.")
        #expect(inverted.map { $0.speaker?.name } == ["Robin Berg", "Robin Berg"])
    }

    @Test("A weekday between the subject and its cue is not part of the speaker")
    func weekdayAfterSubject() throws {
        let found = quotes(
            "Mayor Ana Ruiz on Monday said the bridge would open. “We are ready,” she said.",
            "“The money is there,” Ruiz later Tuesday told reporters.",
            "Officials spoke again. “Nothing has changed,” Tomas Berg Wednesday night said.")
        #expect(found.map { $0.speaker?.name } == ["Ana Ruiz", "Ruiz", "Tomas Berg"])
        #expect(QuoteAnalyzer.withoutDayTail("Clinton on Monday") == "Clinton")
        #expect(QuoteAnalyzer.withoutDayTail("a statement Wednesday night") == "a statement")
        #expect(QuoteAnalyzer.withoutDayTail("on Friday").isEmpty)
        // A weekday elsewhere, or a part of the day alone, stays.
        #expect(QuoteAnalyzer.withoutDayTail("Friday Harbor council") == "Friday Harbor council")
        #expect(QuoteAnalyzer.withoutDayTail("the night") == "the night")
        #expect(QuoteAnalyzer.withoutDayTail("Black Friday") == "Black Friday")
        #expect(QuoteAnalyzer.withoutDayTail("Super Tuesday night") == "Super Tuesday night")
    }

    @Test("A weekday after a name is no part of the names learned or ranked")
    func weekdayNotLearned() {
        let article = Article(
            body: [
                .paragraph(Paragraph(text: "Mike Pence spoke in Ohio.")),
                .paragraph(
                    Paragraph(
                        text: "Rep. Jon Hale also addressed the dispute when introducing Pence Thursday. "
                            + "“Maybe not literally,” he said.")),
            ])
        let names = QuoteAnalyzer.speakerChoices(in: article).flatMap { $0.candidates.map(\.speaker.name) }
        #expect(!names.isEmpty)
        #expect(!names.contains { $0.hasSuffix("Thursday") }, "\(names)")
    }

    @Test("An inverted cue with an appositive: “…,” said X, the role")
    func invertedCue() throws {
        let quote = try #require(quotes("\"The tide is turning,\" said Tomas Berg, the harbour master.").first)
        #expect(quote.speaker?.name == "Tomas Berg")
        #expect(quote.speaker?.role == "the harbour master")
    }

    @Test("A cue and a colon before the quote: X said: “…”")
    func colonBefore() throws {
        let quote = try #require(
            quotes("Councillor Priya Nair said: “The budget is balanced for the first time.”").first)
        #expect(quote.speaker?.name == "Priya Nair")
        #expect(quote.text == "The budget is balanced for the first time.")
    }

    @Test("According to a role")
    func accordingTo() throws {
        let quote = try #require(
            quotes("The ferry plan is “dead in the water,” according to the ministry's spokesperson.").first)
        #expect(quote.speaker?.name == "the ministry's spokesperson")
        #expect(quote.cue == "according to")
    }

    @Test("Speech relayed through a source is credited to it; the person who spoke stays the pronoun's antecedent")
    func relayedSpeech() throws {
        let relayed = quotes(
            "“The pier will close for a month,” Mayor Ana Ruiz said, according to the Harbour Gazette. "
                + "“It has to,” she added.")
        #expect(relayed.map(\.speaker?.name) == ["the Harbour Gazette", "Ana Ruiz"])
        #expect(relayed.first?.cue == "according to")
        let reported = quotes("“We will not pay,” said Tomas Berg, the ferry owner, reports the Coast Herald.")
        #expect(reported.first?.speaker?.name == "the Coast Herald")
        let trailing = quotes("“We will not pay,” Tomas Berg said, the Coast Herald reported.")
        #expect(trailing.first?.speaker?.name == "the Coast Herald")
        // A source described by a phrase is the phrase, not the name it ends with.
        let letters = quotes(
            "The landlord tied the rent to “market conditions,” according to letters seen by the Gazette.")
        #expect(letters.first?.speaker?.name == "letters seen by the Gazette")
        let opening = quotes("According to Harbour Radio, Ruiz called the plan “a fine night's work.”")
        #expect(opening.first?.speaker?.name == "Harbour Radio")
        // No relay: a comma after the cue that opens another clause leaves the speaker alone.
        let plain = quotes("“We will rebuild,” Mayor Ana Ruiz said, adding that the work starts in May.")
        #expect(plain.first?.speaker?.name == "Ana Ruiz")
    }

    @Test("Cues a phrase, a party label or a role stands in front of")
    func cuesPastPhrasesAndRoles() throws {
        // `(D-Ore.)`: the abbreviation's period inside the parentheses ends no sentence.
        let party = quotes("Sen. Ana Ruiz (D-Ore.) said on Monday that the vote “will help the harbour.”")
        #expect(party.first?.speaker?.name == "Ana Ruiz")
        #expect(party.first?.cue == "said")
        // A whole parenthetical sentence still ends one.
        #expect(
            SpeakerFinder.sentenceTail(SpeakerFinder.tokens(Array("(He left.) Then Berg")[...])).map(\.text) == [
                ")", "Then", "Berg",
            ])
        // A phrase finishes the quotation's clause; the inverted cue after its comma names the speaker.
        let phrase = quotes("Ruiz “did well with harbour workers” in the last vote, said Tomas Berg, a historian.")
        #expect(phrase.first?.speaker?.name == "Tomas Berg")
        // `said Harbour College professor Jane Doe`: where the person works, the role, the name.
        let role = quotes("“The tide is rising,” said Harbour College professor Jane Doe.")
        #expect(role.first?.speaker?.name == "Jane Doe")
        #expect(role.first?.speaker?.role == "Harbour College professor")
        let office = quotes("“The pier is closed,” said Port Authority spokesman Tomas Berg.")
        #expect(office.first?.speaker?.name == "Tomas Berg")
        // One capitalised word alone after the role is not taken for a name.
        let single = quotes("“The pier is closed,” said Berg in Salem.")
        #expect(single.first?.speaker?.name == "Berg")
    }

    @Test("A speaker phrase that ran into its verb is cut back to its noun phrase")
    func speakerPhrasesCutBack() throws {
        // `Ruiz began Sunday with a personally signed tweet.` reports the quotation after it: the
        // speaker is Ruiz, resolved to the full name, not `Ruiz began`.
        let began = quotes(
            "Mayor Ana Ruiz spoke at the pier. Ruiz began Sunday with a personally signed tweet. "
                + "“The harbour will reopen.”")
        #expect(began.first?.speaker?.name == "Ana Ruiz")
        let however = quotes(
            "Mayor Ana Ruiz spoke at the pier.",
            "Ruiz however said she would welcome a “principled harbour network” in the region.")
        #expect(however.first?.speaker?.name == "Ana Ruiz")
        let now = quotes("Port workers now say they see the mayor as a “protector” of the harbour.")
        #expect(now.first?.speaker?.name == "Port workers")

        let cut: [(String, String?)] = [
            ("President Ana Ruiz passionately rebuked critics", "President Ana Ruiz"),
            ("The spot concludes with footage of Ruiz", "The spot"),
            ("The president left no doubt of", "The president"),
            ("The timeline of", "The timeline"),
            ("Ruiz himself", "Ruiz"),
            // A headline in title case goes on past its verb.
            ("Ruiz Said Blame Placed", "Ruiz"),
            // No noun phrase at all.
            ("were hacked", nil),
            ("is easier", nil),
            ("now", nil),
            ("in 2010", nil),
            // A time is nobody.
            ("last week", nil),
            ("two weeks ago", nil),
            ("Saturday", nil),
            // A preposition opens no noun phrase.
            ("with Tomas Berg", "Tomas Berg"),
        ]
        for (phrase, expected) in cut {
            #expect(SpeakerFinder.speakerPhrase(phrase) == expected, "\(phrase)")
        }
        // Participles before `by`, a reporting verb's base form as a noun, a name's last word and
        // a first name that is also a verb stay.
        for phrase in [
            "emails released by the harbour board", "a fundraising email sent out by Berg", "An early tweet",
            "One tweet", "Edward Said", "Sen. Mark Kelly", "the first", "the last week of the campaign", "May Berg",
        ] {
            #expect(SpeakerFinder.speakerPhrase(phrase) == phrase)
        }
    }

    @Test("A title with `of`, or a role phrase in apposition, before the person's name")
    func titlesAndRolesBeforeNames() throws {
        let cases: [(String, String)] = [
            ("“The pier is open,” Secretary of State Jane Doe said.", "Jane Doe"),
            ("“The pier is open,” said Secretary of State Jane Doe.", "Jane Doe"),
            // A first name copydesk does not know: the last two words after the title.
            ("“The pier is open,” Harbour Chief of Staff Tomas Vellberg said.", "Tomas Vellberg"),
            ("“The pier is open,” Port of Salem Director Tomas Vellberg said.", "Tomas Vellberg"),
            ("“The pier is open,” the union’s president, Tomas Berg, said.", "Tomas Berg"),
            ("“The pier is open,” the governor of Oregon, Tomas Berg, said.", "Tomas Berg"),
            ("“The pier is open,” Berg’s spokeswoman, Jane Doe, said.", "Jane Doe"),
            ("The port’s director, Tomas Berg, said: “The pier is open.”", "Tomas Berg"),
            ("In a statement, the port’s director, Tomas Berg, said: “The pier is open.”", "Tomas Berg"),
            ("“The pier is open,” said Berg’s spokeswoman, Jane Doe.", "Jane Doe"),
            // A person of a place is the person; the place goes to the role.
            ("“The pier is open,” said Sen. Marco Vela of Florida.", "Marco Vela"),
            ("“It is cold,” said Jason Gilbert of Cheyenne.", "Jason Gilbert"),
            // After the cue the phrase must come first; a place ends the phrase before it.
            ("“The pier is open,” said Tomas Berg, referring to the mayor’s successor, Jane Doe.", "Tomas Berg"),
            ("“The pier is open,” Tomas Vellberg, a salesman from Salem, Ore., said.", "Tomas Vellberg"),
            ("“The pier is open,” Tomas Vellberg, a salesman from Salem, South Carolina, said.", "Tomas Vellberg"),
            // The name first, then its role or age, as before.
            ("“The pier is open,” Tomas Berg, the port’s chief, said.", "Tomas Berg"),
            ("“The pier is open,” Berg, 54, said.", "Berg"),
            // An organisation with `of` and no title is no person.
            ("“The pier is open,” the Department of Harbour Security said.", "Department of Harbour Security"),
            // A title word that starts an organisation's name stays with it.
            ("“The pier is open,” the State Department said.", "State Department"),
            ("“The pier is open,” the Defense Ministry said.", "Defense Ministry"),
            ("“The pier is open,” said Sen. Jane Doe of Oregon.", "Jane Doe"),
        ]
        for (sentence, speaker) in cases {
            #expect(quotes(sentence).first?.speaker?.name == speaker, "\(sentence)")
        }
        #expect(quotes(cases[0].0).first?.speaker?.role == "Secretary of State")
        #expect(quotes(cases[4].0).first?.speaker?.role == "the union’s president")
    }

    @Test("`with` a phrase and a participle: the phrase speaks")
    func participleAfterWith() throws {
        let chant = quotes(
            "Salem was on everyone’s mind, with many marchers and spectators chanting “We are Salem” and “Hold the line.”"
        )
        #expect(chant.map(\.speaker?.name) == ["many marchers and spectators", "many marchers and spectators"])
        // A name before the participle is read as before.
        let name = quotes("The vote went on, with Tomas Berg saying the pier “is open.”")
        #expect(name.first?.speaker?.name == "Tomas Berg")
        // `of` inside the phrase: a title, a part of a group.
        let title = quotes(
            "Ruiz’s campaign has sharply criticized Berg’s decision to publicize the move just 11 days before the "
                + "vote, with the former secretary of state calling the move “deeply troubling.”")
        #expect(title.first?.speaker?.name == "the former secretary of state")
        let part = quotes("Ruiz tied Berg to the port, with one of her ads asking, “Is Tomas Berg independent?”")
        #expect(part.first?.speaker?.name == "one of her ads")
    }

    @Test("A document read after its quotation, a topic before `he`, a short next sentence, `but` after")
    func documentsTopicsAndNextSentences() throws {
        // `read` is a cue before a document's role phrase.
        let read = quotes(
            "Tomas Berg drafted it.", "“The pier is closed,” read the statement, which was signed by Berg.")
        #expect(read.first?.speaker?.name == "the statement")
        // `As for Berg, he …`: the topic is who `he` is.
        let topic = quotes(
            "Tomas Berg and Jon Vela spoke. “We lost,” Vela said.", "As for Berg, he was calm. “We will win,” he said.")
        #expect(topic.map(\.speaker?.name) == ["Jon Vela", "Tomas Berg"])
        // A short sentence right after the cue goes on with that speaker; it is not dropped.
        let next = quotes("“It is not quite optimistic,” Ruiz said. “We are hopeful.”")
        #expect(next.map(\.text) == ["It is not quite optimistic,", "We are hopeful."])
        #expect(next.map(\.speaker?.name) == ["Ruiz", "Ruiz"])
        // `…," but Berg said`: a new clause after `but`; its subject did not say the quotation.
        let but = quotes(
            "Tomas Berg spoke at the pier.",
            "His wife had warned him to act “presidential,” but Berg said he answered: “You cannot be too calm.”")
        #expect(but.first?.speaker?.name == "His wife")
    }

    @Test("Sentence-opening adverbs are no names; an opening clause's subject is not the sentence's")
    func sentenceOpenings() throws {
        let back = quotes(
            "Tomas Berg ran the port in 1999. Back in 1999, Mr. Berg praised the mayor, telling reporters: "
                + "“I wish I could be like that.”")
        #expect(back.first?.speaker?.name == "Tomas Berg")
        let not = quotes(
            "Not everyone was claiming success.",
            "“We have had better conventions,” Texas delegate Tom Berg, wearing a cowboy hat and “Cruz” pins, said.")
        #expect(not.first?.speaker?.name == "Tom Berg")
        let since = quotes(
            "Jane Hamilton has begun vetting Ms. Doe. Ever since she endorsed Mrs. Ruiz this month, Ms. Doe has "
                + "been a powerful surrogate, visiting the headquarters to encourage staffers with a simple "
                + "message: “Don’t screw this up!”")
        #expect(since.first?.speaker?.name == "Doe")
        // A noun-like cue right after the quotation, before a name, is a verb (`agrees Jane Doe`).
        let agrees = quotes(
            "“I will do better than my parents,” says Ana Ruiz, 21, a student. “Our ideas of success are "
                + "different,” agrees Jane Doe, 30, of Salem.")
        #expect(agrees.map(\.speaker?.name) == ["Ana Ruiz", "Jane Doe"])
    }

    @Test("The sentence before a quotation: a joined verb phrase reports, a trailing clause's cue does not")
    func previousSentenceReports() throws {
        // `… seemed taken aback and mentioned …`: the person the sentence opens with.
        let joined = quotes(
            "“I had no role,” Tomas Berg replied.",
            "Ana Ruiz seemed taken aback and mentioned that the pier had been closed. “Does that not speak to "
                + "your judgment?”")
        #expect(joined.map(\.speaker?.name) == ["Tomas Berg", "Ana Ruiz"])
        // `…, after Ruiz stated …`: the main clause's cue names the speaker of the next sentence.
        let after = quotes(
            "Ana Ruiz said the deal could end. “They are not terminable at will,” Berg spokesman Tomas Vela told "
                + "the Harbour Journal in July, after Ruiz stated an interest in ending the lease. “These contracts "
                + "are fully binding.”")
        #expect(after.map(\.speaker?.name) == ["Tomas Vela", "Tomas Vela"])
        // In the quotation's own sentence the nearest cue still counts (`…, while Ruiz said that the "…"`).
        let own = quotes("Tomas Berg suggested a delay, while Ana Ruiz said that the “stakes are too high” for it.")
        #expect(own.first?.speaker?.name == "Ana Ruiz")
        // A participle after a plural noun describes it: `Protesters marching … chanted`.
        let marching = quotes(
            "A curfew was announced, but the police did not enforce it. Protesters marching through the streets "
                + "chanted “What curfew?” until dawn.")
        #expect(marching.first?.speaker?.name == "Protesters")
        // A quotation that ends the clause a sentence opens with is that clause's subject's.
        let when = quotes(
            "When Tomas Berg later referred to the fire and said he would “protect our harbour,” the crowd "
                + "applauded loudly.")
        #expect(when.first?.speaker?.name == "Tomas Berg")
        // A participle's subject: where the person is from, a role, then the name.
        let role = quotes(
            "Libertarian nominee Gary Vela praised Doe, calling her “extremely fit.”",
            "Former Salem mayor Tomas Berg (D), a Ruiz supporter, praised Doe for what she has done, calling it "
                + "“an incredible feat” for the town.")
        #expect(role.map(\.speaker?.name) == ["Gary Vela", "Tomas Berg"])
        // `typed` reports written words.
        let typed = quotes("On her discharge papers a doctor had typed “acute stress.”")
        #expect(typed.first?.speaker?.name == "a doctor")
    }

    @Test("A dash and a name after a quotation, `went on`, and a statement's participle name the speaker")
    func printedAttributionsAndStatements() throws {
        // A list of reactions, each quotation with `― Name` after it.
        let list = quotes(
            "Readers shared their views.",
            "“He is trying to divide the town.” ― Carlos Reyes\n“The most unqualified person to ever run.” ― "
                + "Francisco Herrero\n“The mayor has woken us up.” ― Julie Diaz, a teacher")
        #expect(list.map(\.speaker?.name) == ["Carlos Reyes", "Francisco Herrero", "Julie Diaz"])
        // `went on` ending its clause reports more of the speech.
        let wentOn = quotes(
            "Jane Doe responded: “It can happen when you are 45.”",
            "“You know, it happens, right?” Tomas Berg went on, as if he did not hear her. “But you have to get "
                + "over it.”")
        #expect(wentOn.map(\.speaker?.name) == ["Jane Doe", "Tomas Berg", "Tomas Berg"])
        // Only `went on`: `According to X,` opening the next sentence credits nothing of the quotation.
        let next = quotes(
            "Tomas Berg spoke at the pier.", "“We won the vote.” According to Ana Ruiz, the count took hours.")
        #expect(next.first?.speaker?.name == "Tomas Berg")
        // `… issued a statement calling …`: the participle describes the statement, which speaks for
        // the subject that issued it.
        let statement = quotes(
            "Following a late meeting, the Harbour Council issued a statement calling the test “a clear "
                + "violation” of its rules.")
        #expect(statement.first?.speaker?.name == "the Harbour Council")
    }

    @Test("`he` and `she` are a person of that gender, never an organisation")
    func pronounsArePeople() throws {
        // Colin is a man's name: `she` skips him for the woman named before.
        let gender = quotes("Ana Ruiz spoke first. Colin Reyes spoke next.", "“We made progress,” she said.")
        #expect(gender.first?.speaker?.name == "Ana Ruiz")
        // An authority is an organisation, never `she`.
        let authority = quotes(
            "Jane Doe met the port’s owners. Harbour Authority officials were there.", "“We made progress,” she said.")
        #expect(authority.first?.speaker?.name == "Jane Doe")
        #expect(QuoteAnalyzer.isOrganisation("House Majority Fund"))
        #expect(QuoteAnalyzer.isOrganisation("Harbour Authority"))
        #expect(!QuoteAnalyzer.isOrganisation("The Florida senator"))
        #expect(!QuoteAnalyzer.isOrganisation("Jane Doe"))
    }

    @Test("A participle or a later clause after the quotation names nobody new")
    func clausesAfterQuotation() throws {
        // `adding that … Vela` goes on with the sentence's subject; Vela is someone else.
        let adding = quotes(
            "Mayor Ana Ruiz said there is “only one plan that can work,” adding that it is why Tomas Vela "
                + "“keeps attacking us.”")
        #expect(adding.map(\.speaker?.name) == ["Ana Ruiz", "Ana Ruiz"])
        // `until Berg said …`: a later clause's subject did not say the quotation.
        let until = quotes("Ruiz said she was “still on the fence” until Tomas Berg said he would vote no.")
        #expect(until.first?.speaker?.name == "Ruiz")
        // `Hours later, Ruiz …`: a span of time opening the sentence is nobody's name.
        let later = quotes("Hours later, Ruiz answered the council, telling reporters, “The pier stays open.”")
        #expect(later.first?.speaker?.name == "Ruiz")
    }

    @Test("A partial quotation in reported speech counts")
    func partialQuote() throws {
        let quote = try #require(quotes("Ruiz called the plan \"reckless\" in a letter to the council.").first)
        #expect(quote.text == "reckless")
        #expect(quote.speaker?.name == "Ruiz")
    }

    @Test("A colon lead-in whose subject follows an opening phrase, even past `City, St.,`")
    func colonAfterOpeningPhrase() throws {
        let found = quotes(
            "After the count, a well-known harbour blogger celebrated online: “We did it, and the harbour is ours.”",
            "After the storm hit Eastbrook, Ore., a well-known harbour blogger mocked the damage online: "
                + "“Eastbrook, we are already there with our boats.”")
        #expect(found.map(\.speaker?.name) == ["a well-known harbour blogger", "a well-known harbour blogger"])
        #expect(found.map(\.attribution) == [.explicit, .explicit])
        #expect(found.first?.cue == ":")
    }

    @Test("A role phrase after an opening phrase speaks a quotation its verb is no cue for")
    func roleAfterOpeningPhrase() throws {
        let quote = try #require(
            quotes("On its website, the port agency lists “rising water, weak walls and old pumps” as the main risks.")
                .first)
        #expect(quote.speaker?.name == "the port agency")
        // A sentence that does not open with a phrase is not read this way.
        #expect(SpeakerFinder.roleAfterOpening(SpeakerFinder.tokens(Array("Later, the agency lists")[...])[...]) == nil)
    }

    @Test("A short quotation later in a cued quotation's sentence is that speaker's; without a cue it is none")
    func shortQuoteInCuedSentence() {
        let cued = quotes(
            "Ruiz said voters would find the plan “very hard to accept” because of its “secret clauses.”")
        #expect(cued.map(\.text) == ["very hard to accept", "secret clauses."])
        #expect(cued.map(\.speaker?.name) == ["Ruiz", "Ruiz"])
        #expect(cued.last?.attribution == .inherited)
        // No cue names the first quotation's speaker: the short one stays a scare quote.
        let uncued = quotes("The “new harbour” plan has its “secret clauses” and its fans.")
        #expect(uncued.isEmpty)
        // A new sentence: the short quotation needs its own cue.
        let later = quotes(
            "Ruiz said voters would find the plan “very hard to accept.” Its “secret clauses” worry few.")
        #expect(later.map(\.text) == ["very hard to accept."])
    }

    @Test("A short lowercase quotation in a sentence a person (or he, she) opens is that person's")
    func shortQuoteOfSubject() {
        let found = quotes(
            "Tomas Berg met the press.",
            "Berg called the new ferry timetable “a total mess” on Friday.",
            "The “Harbour Belle” sails at noon.",
            "The new timetable is “a total mess” for riders.",
            "Ana Ruiz spoke next. She called the plan “a bad joke” and left.")
        #expect(found.map(\.text) == ["a total mess", "a bad joke"])
        #expect(found.map(\.speaker?.name) == ["Tomas Berg", "Ana Ruiz"])
        #expect(found.last?.attribution == .pronoun)
    }

    @Test("A period a comma follows ends no sentence (`Eastbrook, Ore., a …`)")
    func periodBeforeComma() {
        let tokens = SpeakerFinder.tokens(Array("hit Eastbrook, Ore., a voice. Then")[...])
        #expect(tokens.map(\.text) == ["hit", "Eastbrook", ",", "Ore.", ",", "a", "voice", ".", "Then"])
        #expect(tokens.filter(\.endsSentence).count == 1)
    }

    // MARK: Marks

    @Test("Guillemets, doubled single quotes and nested quotes")
    func marks() {
        #expect(quotes("«We stay here until the end», said Marie Dubois.").first?.speaker?.name == "Marie Dubois")
        #expect(quotes("''It was a long night,'' said Omar Haddad.").first?.text == "It was a long night,")
        let nested = quotes("“He told me ‘never again’ and walked out,” said Ana Ruiz.")
        #expect(nested.count == 1, "single quotes inside double ones are not separate quotations")
        #expect(nested.first?.text == "He told me ‘never again’ and walked out,")
    }

    @Test("Apostrophes, decades, rock 'n' roll and inches are not quotation marks")
    func apostrophesAndInches() {
        let found = quotes(
            "Harbourtown’s mayor didn't miss the '90s revival, and the rock 'n' roll band's drummer said so.",
            "The centre, who stands 6'2\" and weighs little, said the season's start was slow.")
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test("A programme's title after an acronym's possessive is no quotation, even with a cue")
    func programmeAfterAcronymPossessive() {
        let found = quotes(
            "Mayor Ana Ruiz said on HTV’s “Harbour Week” that the bridge would reopen.",
            "Tomas Berg told KRNB's \"Morning Tide.\"")
        #expect(found.isEmpty, "\(found.map(\.text))")
        let kept = quotes("Ana Ruiz told the HTV’s “we will rebuild the bridge by spring,” a reporter said.")
        #expect(kept.map(\.text) == ["we will rebuild the bridge by spring,"], "not title-case: words said")
    }

    @Test("A title-cased quotation after a word naming a work is the work's title, subtitle and all")
    func titleAfterWorkWord() {
        let found = quotes(
            "Mayor Ana Ruiz, author of the book “Bridges to Nowhere: How Towns Lost Their Rivers,” said the plan would fail.",
            "Tomas Berg spoke on his podcast, “The Harbour Hour,” on Monday, and said nothing new.",
            "The council also released a film titled “Lights on the Quay.”")
        #expect(found.isEmpty, "\(found.map(\.text))")
        let kept = quotes("Mayor Ana Ruiz called “the slowest plan the council has ever seen” a disgrace on Monday.")
        #expect(kept.map(\.text) == ["the slowest plan the council has ever seen"], "not title-case: words said")
    }

    @Test("Scare quotes, titles and nicknames without a cue are not quotations")
    func scareQuotes() {
        let found = quotes(
            "The so-called \"reform\" passed late at night.",
            "She starred in “Harbour Lights” last year before joining the “Iron Gulls” crew.")
        #expect(found.isEmpty, "\(found.map(\.text))")
    }

    @Test("A title-cased quotation after on, of or in, or before a word naming a work, is a title")
    func titlesOfWorks() {
        let titles = quotes(
            "“We will not back down,” Mayor Ana Ruiz said on “Harbour Morning Live.”",
            "“The tide turns,” said Tomas Berg, author of “Salt and Iron Gates,” a history of the port.",
            "His debut in “Tales of the Lower Quay,” a radio series, made him known.",
            "“Iron Gulls of Salem” star Jane Doe said nothing.")
        #expect(titles.map(\.text) == ["We will not back down,", "The tide turns,"])
        // Words after `of` that are not title-cased are still someone's words.
        let spoken = quotes("Ruiz spoke of “a harbour we can all be proud of,” Berg said.")
        #expect(spoken.map(\.text) == ["a harbour we can all be proud of,"])
    }

    // MARK: Paragraphs

    @Test("A quotation over two paragraphs: opening marks on each, closing only on the last")
    func multiParagraph() throws {
        let found = quotes(
            "“The first part of the statement covers the harbour and the fleet.",
            "“The second part covers the budget for next year,” said Omar Haddad.")
        let quote = try #require(found.first)
        #expect(found.count == 1)
        #expect(quote.text.hasPrefix("The first part"))
        #expect(quote.text.hasSuffix("next year,"))
        #expect(quote.speaker?.name == "Omar Haddad")
    }

    @Test("A floating quote takes the last speaker of its paragraph or the one before")
    func floating() {
        let found = quotes(
            "“Rain again,” said Lena Okafor, the station's forecaster. “And more of it tomorrow.”",
            "“The river will crest on Friday, then fall.”")
        #expect(found.count == 3)
        #expect(found.map(\.speaker?.name) == ["Lena Okafor", "Lena Okafor", "Lena Okafor"])
        #expect(found.map(\.attribution) == [.explicit, .inherited, .inherited])
    }

    @Test("A quote after a paragraph that reports speech continues it")
    func reportedThenQuote() {
        let found = quotes(
            "Councillor Priya Nair said the vote would go ahead despite the storm.",
            "“We have waited long enough for this decision.”")
        #expect(found.first?.speaker?.name == "Priya Nair")
    }

    // MARK: Resolution

    @Test("Pronouns resolve to the last fitting named speaker")
    func pronouns() throws {
        let found = quotes(
            "“The river rose overnight,” said Lena Okafor.",
            "Mr. Tomas Berg closed the harbour at dawn.",
            "“We moved the animals first,” she said. “Then the boats,” he added.")
        #expect(found.count == 3)
        #expect(found[1].speaker == Speaker(name: "Lena Okafor", mention: "she"))
        #expect(found[1].attribution == .pronoun)
        #expect(found[2].speaker?.name == "Tomas Berg")
    }

    @Test("He and she skip people of the other gender, known from first names")
    func pronounGender() {
        let found = quotes(
            "Gov. Karen Lindqvist opened the session.",
            "Later, Senator Paul Varga spoke about the harbour.",
            "“The budget holds,” she said. “The bridge comes next,” he said.")
        #expect(found.map(\.speaker?.name) == ["Karen Lindqvist", "Paul Varga"])
    }

    @Test("A pronoun skips places and organisations and the object of its own sentence")
    func pronounSkipsPlacesAndObjects() {
        let found = quotes(
            "Paul Varga toured the Harbour Authority in New Hampshire on Friday.",
            "Within minutes, he called Ruiz “a total stiff, frankly, and a liar.”")
        #expect(found.first?.speaker?.name == "Paul Varga")
    }

    @Test("A surname alone resolves to the full name printed elsewhere in the article")
    func surnameLearned() {
        let found = quotes(
            "Varga blamed the council before the vote.",
            "“The council has failed this town again,” he wrote.",
            "Paul Varga has led the opposition since March.")
        #expect(found.first?.speaker?.name == "Paul Varga")
    }

    @Test("A surname two people share resolves to neither, so she is not skipped as a man")
    func sharedSurname() {
        let found = quotes(
            "Tomas Berg met the press.",
            "Harbour workers still resent remarks Ruiz made last year. She later apologised: “We will close the old pier.”",
            "The plan was first drawn up by Karl Ruiz, her brother, and Nina Ruiz.")
        #expect(found.first?.speaker?.name == "Ruiz")
    }

    @Test("A participle cue belongs to the name the sentence starts with")
    func participleSubject() {
        let found = quotes("Nair hammered Varga, calling him “a danger to the harbour and the town.”")
        #expect(found.first?.speaker?.name == "Nair")
        let opening = quotes(
            "Speaking at a town hall in Salem, Oregon, Priya Nair went after Varga, calling him “a total stiff.”")
        #expect(opening.first?.speaker?.name == "Priya Nair")
    }

    @Test("A quotation without a cue takes the person its sentence starts with")
    func cuelessSubject() {
        let found = quotes(
            "“We will rebuild,” said Ana Ruiz.",
            "Tomas Berg launched into a lament for the “honest fishermen who lost everything.”")
        #expect(found.last?.speaker?.name == "Tomas Berg")
    }

    @Test("A noun after an article is not a cue, and an article alone is not a speaker")
    func articleIsNotSpeaker() {
        let found = quotes("A notice on the door read: “Closed until the storm has passed, by order.”")
        #expect(found.first?.speaker?.name != "A")
        let report = quotes(
            "A spokesman for Mayor Ana Ruiz called a report suggesting favours “outrageous and false.”")
        #expect(report.first?.speaker?.name.contains("Ruiz") == true)
    }

    @Test("A name right before a colon, and transcript labels")
    func colonAndLabels() {
        let colon = quotes("The result did not surprise pollster Dana Whitlock: “Turnout decides these races.”")
        #expect(colon.first?.speaker?.name == "Dana Whitlock")
        let transcript = quotes(
            "\"BERG: We open the harbour tomorrow at six in the morning.\"",
            "\"(CROSSTALK.) NAIR: And the ferry will run on time?\"")
        #expect(transcript.map(\.speaker?.name) == ["BERG", "NAIR"])
    }

    @Test("A name followed by a preposition before the cue: “…,” X of the Y wrote")
    func nameOfInstitute() {
        let found = quotes("“The tide tables are wrong,” Dana Whitlock of the Harbour Research Institute wrote.")
        #expect(found.first?.speaker?.name == "Dana Whitlock")
    }

    @Test("An opening phrase names no subject; a subordinate clause does, and so does the main clause")
    func openingPhrases() {
        let letter = quotes(
            "In a letter to Paul Varga, Priya Nair called the plan reckless.",
            "“It will sink the harbour and the town with it,” she said.")
        #expect(letter.first?.speaker?.name == "Priya Nair")
        let subordinate = quotes(
            "When Dana Whitlock spoke to the council, she said the plan was late.",
            "“We have waited three years for a single answer,” she said.")
        #expect(subordinate.first?.speaker?.name == "Dana Whitlock")
    }

    @Test("A person whose speech a sentence reports is its subject, and a role noun comes before a name")
    func reportedSubjects() {
        let reported = quotes(
            "Ferries have changed the island more than any road, Tomas Berg said.",
            "“People have more ways to leave now,” he said.")
        #expect(reported.first?.speaker?.name == "Tomas Berg")
        let role = quotes(
            "Harbour spokeswoman Karen Lindqvist criticised Paul Varga for the delay.",
            "“Nice try, but not true,” she said in a statement.")
        #expect(role.first?.speaker?.name == "Karen Lindqvist")
    }

    @Test("A cue after a subordinate word or before an infinitive reports nothing")
    func subordinateAndInfinitive() {
        let because = quotes(
            "Paul Varga said he pursued a new “harbour plan for the whole coast” only because Nair agreed.")
        #expect(because.first?.speaker?.name == "Paul Varga")
        let continues = quotes(
            "Nair said she is certain Varga will continue to be “a champion of the island’s ferries.”")
        #expect(continues.first?.speaker?.name == "Nair")
    }

    @Test("The sentence before a cueless quote may report it; a role phrase may open its sentence")
    func previousSentenceAndRoles() {
        let statement = quotes(
            "Dana Whitlock, the harbour master, said in a statement. “There are no ferries to cancel this week.”")
        #expect(statement.first?.speaker?.name == "Dana Whitlock")
        let role = quotes("The council report targets a “broken system that keeps the harbour closed all winter.”")
        #expect(role.first?.speaker?.name == "The council report")
    }

    @Test("A role phrase that is a piece of a verb phrase is no speaker")
    func verbPhraseRoles() {
        let found = quotes(
            "Ana Ruiz, at a meeting in the town hall, said she was “going to close the old pier by the summer,” while trying to explain the budget."
        )
        #expect(found.first?.speaker?.name == "Ana Ruiz")
    }

    @Test("A short quotation listed after another keeps its speaker; a participle continues it")
    func listedQuotes() {
        let found = quotes(
            "Nair hammered Varga, calling him a “danger” and “a liar,” and asking, “Who pays for the pier?”")
        #expect(found.map(\.text) == ["danger", "a liar,", "Who pays for the pier?"])
        #expect(found.allSatisfy { $0.speaker?.name == "Nair" })
    }

    @Test("After a quotation that ends its sentence, “X said,” still attributes it")
    func questionThenCue() {
        let found = quotes("“Who would have believed it?” Lena Okafor said, looking out at the crowd.")
        #expect(found.first?.speaker?.name == "Lena Okafor")
    }

    @Test("Relative clauses and governing verbs: X, who said …; X was prompted to say")
    func relativeAndGoverning() {
        let who = quotes(
            "The plan went to Attorney General Ana Ruiz, who told the council: “The matter is settled now.”")
        #expect(who.first?.speaker?.name == "Ana Ruiz")
        let prompted = quotes(
            "The debate was so calm that Tomas Berg was prompted to say, “I cannot believe how civil it is.”")
        #expect(prompted.first?.speaker?.name == "Tomas Berg")
    }

    @Test("The rest of a sentence a quotation interrupted goes on with its speaker")
    func interruptedSentence() {
        let found = quotes(
            "Priya Nair said on her show that while some fishermen are “still angry over the quota,” Varga already “paid a heavy price for it.”"
        )
        #expect(found.map(\.speaker?.name) == ["Priya Nair", "Priya Nair"])
        #expect(found.last?.attribution == .inherited)
    }

    @Test("An acronym in parentheses after a title names the person after it")
    func acronyms() throws {
        let found = quotes(
            "Chief Fire Officer (CFO) Dana Whitlock visited the station on Tuesday.",
            "The CFO said the station would stay “open for as long as the town needs it”.")
        let quote = try #require(found.first)
        #expect(quote.speaker?.name == "Dana Whitlock")
        #expect(quote.speaker?.mention == "CFO")
    }

    @Test("A speaker label over a list attributes the list's quotes")
    func label() throws {
        let label = Speaker(name: "Harbour Authority Spokesperson", mention: "Harbour Authority Spokesperson")
        var article = Article(body: [
            .list(
                ListBlock(
                    items: [ListItem(text: "Assured that ‘the port will reopen next week’.")], speaker: label))
        ])
        _ = QuoteAnalyzer().analyze(&article)
        let quote = try #require(article.quotes.first)
        #expect(quote.speaker == label)
        #expect(quote.attribution == .label)
        #expect(quote.text == "the port will reopen next week")
    }

    @Test("A pull quote repeating a body quote inherits its speaker")
    func pullQuoteInherits() throws {
        var article = Article(body: [
            .pullQuote(PullQuote([.text("the port will reopen next week")])),
            .paragraph(Paragraph(text: "Harbour master Tomas Berg said “the port will reopen next week” at dawn.")),
        ])
        _ = SetApartQuoteCollector().analyze(&article)
        _ = QuoteAnalyzer().analyze(&article)
        let pull = try #require(article.quotes.first { $0.kind == .pull })
        #expect(pull.speaker?.name == "Tomas Berg")
        #expect(pull.attribution == .inherited)
    }

    @Test("Running twice adds nothing")
    func idempotent() {
        var article = Article(body: [
            .paragraph(Paragraph(text: "“We will rebuild the bridge by spring,” Mayor Ana Ruiz said."))
        ])
        _ = QuoteAnalyzer().analyze(&article)
        let once = article.quotes
        _ = QuoteAnalyzer().analyze(&article)
        #expect(article.quotes == once)
        #expect(once.count == 1)
    }

    // MARK: Anchors

    @Test("Each quotation is marked in its paragraph under its quote's id; the text does not change")
    func anchorsInBody() throws {
        var article = Article(body: [
            .paragraph(Paragraph(text: "“We will rebuild,” Mayor Ana Ruiz said. “By spring,” she added.")),
            .list(ListBlock(items: [ListItem(text: "Tomas Berg said “the tide is turning” on Monday.")])),
        ])
        let before = article.body.map(\.plainText)
        _ = QuoteAnalyzer().analyze(&article)
        #expect(article.body.map(\.plainText) == before)
        #expect(article.quotes.map(\.id) == ["q1", "q2", "q3"])
        #expect(article.quoteAnchors["q1"] == [QuoteAnchor(blockIndex: 0)])
        #expect(article.quoteAnchors["q3"] == [QuoteAnchor(blockIndex: 1, itemIndex: 0)])
        guard case .paragraph(let paragraph) = article.body[0] else { Issue.record("expected a paragraph"); return }
        #expect(
            paragraph.content.first
                == .quotation(Quotation(open: "“", close: "”", content: [.text("We will rebuild,")], quoteID: "q1")))
        #expect(article.unanchoredQuotes.isEmpty)
        let once = article
        _ = QuoteAnalyzer().analyze(&article)
        #expect(article == once, "running again changes nothing")
    }

    @Test("A quotation over several paragraphs is one quote with a span in each paragraph")
    func anchorsOverParagraphs() throws {
        var article = Article(body: [
            .paragraph(Paragraph(text: "“The first part runs on,” said Ana Ruiz. “And it goes on")),
            .paragraph(Paragraph(text: "“until the end here.”")),
        ])
        _ = QuoteAnalyzer().analyze(&article)
        let long = try #require(article.quotes.first { $0.text.hasPrefix("And it goes on") })
        #expect(long.text == "And it goes on until the end here.")
        #expect(article.quoteAnchors[long.id] == [QuoteAnchor(blockIndex: 0), QuoteAnchor(blockIndex: 1)])
        #expect(long.speaker?.name == "Ana Ruiz")
    }

    @Test("A quotation already marked by the reader (HTML <q>) takes the id")
    func anchorsExistingQuotation() throws {
        var article = Article(body: [
            .paragraph(
                Paragraph([
                    .quotation(Quotation(content: [.text("We are ready for the tide,")])),
                    .text(" said Ana Ruiz."),
                ]))
        ])
        _ = QuoteAnalyzer().analyze(&article)
        #expect(article.quotes.first?.speaker?.name == "Ana Ruiz")
        guard case .paragraph(let paragraph) = article.body[0] else { Issue.record("expected a paragraph"); return }
        #expect(paragraph.content.count == 2)
        #expect(
            paragraph.content.first
                == .quotation(Quotation(content: [.text("We are ready for the tide,")], quoteID: "q1")))
    }

    @Test("Quotes an input listed without anchors (front matter, model 1.x) are anchored by their words, in order")
    func anchorsListedQuotes() throws {
        var article = Article(body: [
            .paragraph(Paragraph(text: "“Twice,” she said, and “twice” again she said it.")),
            .paragraph(Paragraph(text: "Ruiz said: “Once more with feeling.”")),
        ])
        article.quotes = [
            Quote(id: "q5", text: "Once more with feeling.", speaker: Speaker(name: "Ana Ruiz")),
            Quote(id: "q6", text: "not in the text at all"),
        ]
        let notes = QuoteAnalyzer().analyze(&article)
        #expect(article.quotes.map(\.id) == ["q5", "q6"], "no quote is added when the input lists some")
        #expect(article.quoteAnchors["q5"] == [QuoteAnchor(blockIndex: 1)])
        #expect(article.quotes[0].speaker?.name == "Ana Ruiz", "the listed speaker is kept")
        #expect(article.unanchoredQuotes.map(\.id) == ["q6"])
        #expect(notes.map(\.id) == ["quote.unanchored"])
    }
}

@Suite("Analyser word tables")
struct AnalyserWordTableTests {
    @Test("Reporting verbs: no form is listed twice, and month abbreviations do not end sentences")
    func cueForms() {
        let forms = ReportingVerbs.cueStems.flatMap { $0.split(separator: ":").map(String.init) }
        var seen: Set<String> = []
        let repeated = forms.filter { !seen.insert($0).inserted }
        #expect(repeated.isEmpty, "repeated forms: \(repeated)")
        #expect(ReportingVerbs.abbreviations.isSuperset(of: Lexicon.monthAbbreviations))
    }
}
