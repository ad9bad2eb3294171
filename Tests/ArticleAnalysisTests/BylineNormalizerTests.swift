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

    @Test("Places, shared organisations, roles after a bar, anonymous credits, capitals")
    func realBylines() {
        #expect(normalize("Jane Doe in Kyiv").map(\.name) == ["Jane Doe"])
        let bbc = normalize("Jane Doe and John Smith, BBC News")
        #expect(bbc.map(\.name) == ["Jane Doe", "John Smith"])
        #expect(bbc.map(\.affiliation) == ["BBC News", "BBC News"])
        #expect(bbc.map(\.role) == [nil, nil])
        let role = normalize("Tom Barnes | Weather Correspondent")
        #expect(role.first?.role == "Weather Correspondent")
        #expect(role.first?.affiliation == nil)
        #expect(normalize("Our Correspondent").map(\.kind) == [.organization])
        let staff = normalize("Staff Reporter | Coastline News Agency")
        #expect(staff.map(\.name) == ["Coastline News Agency"])
        #expect(staff.first?.role == "Staff Reporter")
        #expect(staff.first?.kind == .organization)
        #expect(normalize("JANE O'NEIL-SMITH").map(\.name) == ["Jane O'Neil-Smith"])
        #expect(normalize("AFP").map(\.name) == ["AFP"])
    }

    @Test("A wire story without a byline is credited to the agency in its dateline")
    func agencyFromDateline() {
        var article = Article(
            dateline: Dateline(place: "PORT ELLIS", date: "June 12", raw: "PORT ELLIS, June 12 (CNA)"))
        _ = BylineNormalizer().analyze(&article)
        #expect(article.bylines == [Byline(name: "CNA", kind: .organization, raw: "(CNA)", origin: .printed)])
    }
}
