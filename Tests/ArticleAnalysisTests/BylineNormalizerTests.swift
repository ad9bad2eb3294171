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

@Suite("Byline forms of real credit lines")
struct BylineFormsTests {
    @Test("European agencies' prefixes and conjunctions; the credited agency is an affiliation")
    func agencies() {
        var article = Article(
            bylines: [Byline(name: "Von Erika Muster und Max Beispiel, bsp", raw: "x", origin: .printed)],
            source: ArticleSource(credit: "bsp"))
        _ = BylineNormalizer().analyze(&article)
        #expect(article.bylines.map(\.name) == ["Erika Muster", "Max Beispiel"])
        #expect(article.bylines.map(\.affiliation) == ["bsp", "bsp"])
        #expect(normalize("Par Hélène Martin et Paul Durand").map(\.name) == ["Hélène Martin", "Paul Durand"])
        // A particle inside a name stays: only a capitalised prefix before a capitalised name goes.
        #expect(normalize("Ursula von der Leyen").map(\.name) == ["Ursula von der Leyen"])
    }

    @Test("Wire credit parts keep their roles: Reporting by …; Editing by …")
    func creditParts() {
        let people = normalize("Reporting by Amira Haddad and Tom Okafor; Editing by Lena Fischer")
        #expect(people.map(\.name) == ["Amira Haddad", "Tom Okafor", "Lena Fischer"])
        #expect(people.map(\.role) == [nil, nil, "editor"])
    }

    @Test("A role after a name is one person's role, even when it names an organisation")
    func roleAfterName() {
        let one = normalize("Jane Roe, Executive Director of the Foundation")
        #expect(one.map(\.name) == ["Jane Roe"])
        #expect(one.first?.role == "Executive Director of the Foundation")
    }

    @Test("A company's legal form after a comma is part of its name")
    func legalForms() {
        #expect(normalize("Example Network, Inc.").map(\.name) == ["Example Network, Inc."])
        let withCompany = normalize("Jane Roe, Acme Widgets, Inc.")
        #expect(withCompany.map(\.name) == ["Jane Roe"])
        #expect(withCompany.first?.affiliation == "Acme Widgets, Inc.")
    }

    @Test("An ampersand joins two people only between full names")
    func ampersands() {
        #expect(normalize("Jane Roe & John Doe").map(\.name) == ["Jane Roe", "John Doe"])
        #expect(normalize("Procter & Gamble").map(\.name) == ["Procter & Gamble"])
        #expect(normalize("Tom & Jerry Smith").count == 1)
    }

    @Test(
        "An agency with its office, and a company named by a company word, are organisations",
        arguments: ["dpa/lno", "AFP / Harbour Bureau", "Northway Sports Data", "Tidewater Analytics", "Kestrel Images"])
    func companies(_ name: String) {
        #expect(normalize(name).map(\.kind) == [.organization], "\(name)")
    }

    @Test("A slash between names that are not an agency does not make an organisation")
    func slashWithoutAgency() {
        #expect(normalize("Jane Roe/John Doe").allSatisfy { $0.kind == .person })
        #expect(!Lexicon.isAgencyCredit("Jane Roe/John Doe"))
        #expect(Lexicon.isAgencyCredit("dpa/lno"))
    }
}
