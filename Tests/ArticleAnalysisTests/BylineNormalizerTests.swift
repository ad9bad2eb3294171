// copydesk — ArticleAnalysis tests
// Bylines as printed become contributors with kind, role and affiliation.

import ArticleAnalysis
import ArticleModel
import Testing

private func normalize(_ printed: String) -> [Byline] {
    var article = Article(bylines: [Byline(name: printed, raw: "By " + printed)])
    _ = BylineNormalizer().analyze(&article)
    return article.bylines
}

@Suite("Byline normalisation")
struct BylineNormalizerTests {
    @Test(
        "Organisations: desks, agencies, staff, acronyms",
        arguments: [
            "Hilal Desk", "Web Desk", "Reuters", "Associated Press", "AFP", "Staff Reporter", "News Service",
            "Metro Desk",
        ])
    func organizations(_ name: String) {
        #expect(normalize(name).map(\.kind) == [.organization])
    }

    @Test("People", arguments: ["Jane Doe", "Asif Ghafoor", "María José Carrasco", "JANE DOE"])
    func people(_ name: String) {
        #expect(normalize(name).map(\.kind) == [.person])
    }

    @Test("Leftover prefixes are stripped: 'By By', 'Written By:'")
    func prefixes() {
        #expect(normalize("By Jane Doe").map(\.name) == ["Jane Doe"])
        #expect(normalize("Written By: Jane Doe").map(\.name) == ["Jane Doe"])
    }

    @Test("Several names, a shared role, an affiliation")
    func splitting() {
        let two = normalize("Jane Doe and John Roe, Staff Reporters")
        #expect(two.map(\.name) == ["Jane Doe", "John Roe"])
        #expect(two.map(\.role) == ["Staff Reporters", "Staff Reporters"])
        #expect(two.allSatisfy { $0.raw == "By Jane Doe and John Roe, Staff Reporters" })
        let agency = normalize("Jane Doe | Reuters")
        #expect(agency.map(\.name) == ["Jane Doe"])
        #expect(agency.first?.affiliation == "Reuters")
        let parenthesised = normalize("Jane Doe (AFP)")
        #expect(parenthesised.first?.affiliation == "AFP")
        let comma = normalize("Jane Doe, Associated Press")
        #expect(comma.first?.affiliation == "Associated Press")
        #expect(comma.first?.kind == .person)
    }

    @Test("Normalising twice changes nothing")
    func idempotent() {
        var article = Article(bylines: [Byline(name: "By Jane Doe and John Roe, Staff Reporters")])
        _ = BylineNormalizer().analyze(&article)
        let once = article
        _ = BylineNormalizer().analyze(&article)
        #expect(article == once)
    }
}
