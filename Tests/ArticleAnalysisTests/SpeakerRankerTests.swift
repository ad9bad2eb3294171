// copydesk — ArticleAnalysis tests
// The speaker ranker: its shipped weights, the candidates and features of hand-written text, and
// how a model's weights decide among the candidates (fictional text).

import ArticleModel
import Testing

@testable import ArticleAnalysis

/// An article of paragraphs, through the analysers the quote analyser runs after.
private func article(_ paragraphs: [String]) -> Article {
    var article = Article(body: paragraphs.map { .paragraph(Paragraph(text: $0)) })
    _ = SetApartQuoteCollector().analyze(&article)
    return article
}

private let mayorStory = [
    "Jane Doe, the mayor of Eastbrook, spoke to the council on Monday.",
    "“We will rebuild the bridge this year,” she said.",
    "“It is going to take time,” said the spokesman.",
]

/// A model that gives weight to one feature only.
private func ranker(_ weights: [SpeakerFeature: Double]) -> SpeakerRanker {
    var values = Array(repeating: 0.0, count: SpeakerFeature.allCases.count)
    for (feature, weight) in weights { values[feature.rawValue] = weight }
    return SpeakerRanker(version: "test", weights: values)
}

@Suite("Speaker ranker")
struct SpeakerRankerTests {
    @Test("The shipped weights load, with their version and one weight per feature in order")
    func shippedWeights() {
        let shipped = SpeakerRanker.shipped
        #expect(shipped.version == "4")
        #expect(shipped.isUsable)
        #expect(shipped.weights.count == SpeakerFeature.allCases.count)
        #expect(SpeakerFeature.allCases.count == 43)
        #expect(SpeakerRankerWeights.features == SpeakerFeature.allCases.map(\.name))
        // The rules' choice is worth something on its own.
        #expect(shipped.weights[SpeakerFeature.rule.rawValue] > 0)
    }

    @Test("A pronoun's gender is checked against a person named after a preposition, who is never recent")
    func genderBeyondRecentPeople() throws {
        let choices = QuoteAnalyzer.speakerChoices(
            in: article([
                "The plan was drawn up by Robin Berg, an economist, last year.",
                "It has become an issue in the race, with Mayor Ana Vela attacking it at every stop, and Mr. Tomas Ruiz too.",
                "“The plan would raise taxes on every family,” she said on Monday.",
            ]))
        let candidates = try #require(choices.first).candidates
        let vela = try #require(candidates.first { $0.speaker.name == "Ana Vela" })
        #expect(vela[.recent] == 0)
        #expect(vela[.genderAgrees] == 1)
        #expect(vela[.genderClashes] == 0)
        let ruiz = try #require(candidates.first { $0.speaker.name == "Tomas Ruiz" })
        #expect(ruiz[.genderClashes] == 1)
        #expect(ruiz[.genderAgrees] == 0)
    }

    @Test("A pronoun's candidates: the rules' choice first, with its gender and recency")
    func pronounFeatures() throws {
        let choices = QuoteAnalyzer.speakerChoices(in: article(mayorStory))
        #expect(choices.count == 2)
        let first = try #require(choices.first)
        #expect(first.quote == "We will rebuild the bridge this year,")
        let rule = try #require(first.candidates.first)
        #expect(rule.speaker.name == "Jane Doe")
        #expect(rule.speaker.mention == "she")
        #expect(rule.attribution == .pronoun)
        #expect(rule[.rule] == 1)
        #expect(rule[.rulePronoun] == 1)
        #expect(rule[.ruleRole] == 0)
        #expect(rule[.genderAgrees] == 1)
        #expect(rule[.genderClashes] == 0)
        #expect(rule[.mostRecent] == 1)
        #expect(rule[.recency] == 1)
        #expect(rule[.subjectPreviousUnit] == 1)
        #expect(rule[.namedInPreviousUnit] == 1)
        #expect(rule[.namedInUnit] == 0)
        #expect(rule[.person] == 1)
        #expect(rule[.fullName] == 1)
        #expect(first.candidates.count == 1)
    }

    @Test("A role phrase's candidates include the person named before")
    func roleFeatures() throws {
        let choices = QuoteAnalyzer.speakerChoices(in: article(mayorStory))
        let second = try #require(choices.last)
        #expect(second.candidates.map(\.speaker.name) == ["the spokesman", "Jane Doe"])
        let role = second.candidates[0]
        #expect(role[.rule] == 1)
        #expect(role[.ruleRole] == 1)
        #expect(role[.rolePhrase] == 1)
        #expect(role[.person] == 0)
        let person = second.candidates[1]
        #expect(person[.rule] == 0)
        #expect(person[.roleRuleRecent] == 1)
        #expect(person[.roleNounRuleRecent] == 1)
        #expect(person[.quotedBefore] > 0)
        #expect(person[.speakerRecency] == 1)
        #expect(person[.previousSpeakerPreviousUnit] == 1)
    }

    @Test("Names printed in the quotation's sentence are candidates, with their side and cue")
    func sentenceNames() throws {
        let choices = QuoteAnalyzer.speakerChoices(
            in: article(["“The port stays open,” Tomas Berg told Ana Ruiz on Friday."]))
        let choice = try #require(choices.first)
        let berg = try #require(choice.candidates.first { $0.speaker.name == "Tomas Berg" })
        #expect(berg[.rule] == 1)
        #expect(berg[.sentenceAfter] == 1)
        #expect(berg[.nextToCue] == 1)
        #expect(berg[.sentenceSubject] == 1)
        #expect(berg[.objectOfCue] == 0)
        let ruiz = try #require(choice.candidates.first { $0.speaker.name == "Ana Ruiz" })
        #expect(ruiz[.rule] == 0)
        #expect(ruiz[.sentenceAfter] == 1)
        #expect(ruiz[.objectOfCue] == 1)
        #expect(ruiz[.sentenceSubject] == 0)
        #expect(berg[.tokenDistance] > ruiz[.tokenDistance])
    }

    @Test("A model that prefers a person named before picks the name over the role phrase")
    func rankerPicksName() throws {
        var picked = article(mayorStory)
        _ = QuoteAnalyzer(ranker: ranker([.rule: 1, .roleRuleRecent: 2])).analyze(&picked)
        #expect(picked.quotes.map(\.speaker?.name) == ["Jane Doe", "Jane Doe"])
        #expect(picked.quotes.last?.attribution == .inherited)

        var rules = article(mayorStory)
        _ = QuoteAnalyzer(ranker: nil).analyze(&rules)
        #expect(rules.quotes.map(\.speaker?.name) == ["Jane Doe", "the spokesman"])
        #expect(rules.quotes.last?.attribution == .explicit)
    }

    @Test("A model that weighs only the rules' choice changes nothing")
    func rulesOnlyModel() {
        let text = mayorStory + ["Ruiz disagreed. “Nothing will be ready,” he said, “not this year.”"]
        var ranked = article(text)
        _ = QuoteAnalyzer(ranker: ranker([.rule: 1])).analyze(&ranked)
        var rules = article(text)
        _ = QuoteAnalyzer(ranker: nil).analyze(&rules)
        #expect(ranked.quotes == rules.quotes)
        #expect(ranked.quotes.count == 4)
    }

    @Test("Scores are weighted sums; ties keep the earlier candidate; unusable weights keep the rules' choice")
    func bestCandidate() {
        var role = SpeakerCandidate(speaker: Speaker(name: "the spokesman"), attribution: .explicit)
        role[.rule] = 1
        role[.rolePhrase] = 1
        var person = SpeakerCandidate(speaker: Speaker(name: "Jane Doe"), attribution: .inherited)
        person[.person] = 1
        person[.recency] = 0.5
        let model = ranker([.rule: 1, .person: 0.5, .recency: 1])
        #expect(model.score(person.features) == 1.0)
        #expect(model.score(role.features) == 1.0)
        #expect(model.best([role, person]) == 0)
        #expect(ranker([.rule: 1, .person: 2]).best([role, person]) == 1)
        #expect(SpeakerRanker(version: "old", weights: [0, 5]).best([role, person]) == 0)
        #expect(!SpeakerRanker(version: "old", weights: [0, 5]).isUsable)
    }
}
