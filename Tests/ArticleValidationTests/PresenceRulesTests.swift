// copydesk — ArticleValidation tests
// The presence rules and the validator's ordering.

import ArticleModel
import ArticleValidation
import Testing

@Suite("Presence rules")
struct PresenceRulesTests {
    let complete = Article(
        headline: "Pier Reopens", bylines: [Byline(name: "Jane Doe")], published: ArticleDate(parsing: "2025-03-01"),
        body: [.paragraph(Paragraph(text: "The pier reopened."))])

    @Test("A complete article has no findings")
    func completeArticle() {
        #expect(Validator().validate(complete, file: "a.txt").isEmpty)
    }

    @Test("Each missing part is reported once, by its rule, with a message that says what to do")
    func missing() {
        let findings = Validator().validate(Article(), file: "a.txt")
        #expect(
            Set(findings.map(\.id)) == ["headline.missing", "byline.missing", "date.published-missing", "body.empty"])
        let headline = findings.first { $0.id == "headline.missing" }
        #expect(headline?.severity == .error)
        #expect(headline?.description.hasPrefix("a.txt: error: headline is missing") == true)
        #expect(findings.first { $0.id == "byline.missing" }?.severity == .warning)
    }

    @Test("A blank headline counts as missing; an unparseable date is reported as such, not as missing")
    func edges() {
        var article = complete
        article.headline = "  "
        article.published = ArticleDate(parsing: "yesterday")
        #expect(Validator().validate(article, file: nil).map(\.id) == ["headline.missing", "date.unparseable"])
    }

    @Test("Findings are sorted by file, line and column")
    func sorting() {
        let at = { (file: String, line: Int) in
            Diagnostic(id: "x", severity: .note, message: "m", location: SourceLocation(file: file, line: line))
        }
        let sorted = Validator.sorted([at("b.txt", 1), at("a.txt", 9), at("a.txt", 2)])
        #expect(sorted.map { "\($0.file!):\($0.location!.line)" } == ["a.txt:2", "a.txt:9", "b.txt:1"])
    }

    @Test("Every rule has a unique dotted id and a summary")
    func registry() {
        let ids = RuleRegistry.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
        for rule in RuleRegistry.rules {
            #expect(rule.id.contains("."))
            #expect(!rule.summary.isEmpty)
            #expect(RuleRegistry.rule(id: rule.id)?.id == rule.id)
        }
    }
}
