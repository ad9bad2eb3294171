// copydesk — ArticleFormats tests
// Focused cases for the plain-text reader's decisions.

import ArticleTestSupport
import CopydeskKit
import Testing

private func read(_ text: String, file: String? = "t.txt") throws -> Article {
    let result = try Pipeline().read(
        ReaderInput(string: text, file: file), format: FormatRegistry.format(named: "text")!)
    return try #require(result.articles.first)
}

@Suite("Plain-text reader")
struct PlainTextReaderTests {
    @Test(
        "Byline prefixes and desks",
        arguments: [
            ("Written By: Hilal Desk", "Hilal Desk", "organization"),
            ("BY JANE DOE", "Jane Doe", "person"),
            ("By Jane Doe", "Jane Doe", "person"),
            ("Written by Web Desk", "Web Desk", "organization"),
            ("By Reuters", "Reuters", "organization"),
            ("By AFP", "AFP", "organization"),
        ])
    func bylines(_ line: String, _ name: String, _ kind: String) throws {
        let article = try read("\(line)\n\nThe council met on Tuesday and agreed the plan.\n")
        #expect(article.bylines.map(\.name) == [name])
        #expect(article.bylines.first?.kind.rawValue == kind)
        #expect(article.bylines.first?.raw == line)
        #expect(article.bylines.first?.location?.line == 1)
    }

    @Test("A sentence that starts with 'By' is not a byline")
    func notAByline() throws {
        let article = try read(
            "Ferry Delayed\n\nBy the time the ferry arrived, the storm had passed.\n\nMore text follows here.\n")
        #expect(article.bylines.isEmpty)
        #expect(article.body.first?.plainText.hasPrefix("By the time") == true)
    }

    @Test(
        "Date lines",
        arguments: [
            ("Published: 7 November 2017", "2017-11-07"),
            ("Nov. 7, 2017", "2017-11-07"),
            ("2017-11-07T09:30:00+05:00", "2017-11-07T09:30:00+05:00"),
            ("Posted on Tuesday, November 7, 2017", "2017-11-07"),
        ])
    func dateLines(_ line: String, _ iso: String) throws {
        let article = try read("Harbour Plan Approved\n\n\(line)\n\nThe council approved the plan.\n")
        #expect(article.published?.value?.iso8601 == iso)
        #expect(
            article.published?.text
                == line.replacingOccurrences(of: "Published: ", with: "")
                .replacingOccurrences(of: "Posted on ", with: ""))
    }

    @Test("An unparseable labelled date is kept as text for the validator")
    func unparseableDate() throws {
        let article = try read("Harbour Plan Approved\n\nPublished: the day before yesterday\n\nText of the story.\n")
        #expect(article.published?.text == "the day before yesterday")
        #expect(article.published?.value == nil)
    }

    @Test("An image file name glued to a paragraph is split, with the column of the text")
    func gluedImage() throws {
        let article = try read(
            "Minister Visits\n\nIntro paragraph here.\n\nphoto_12.jpgThe minister arrived at noon.\n")
        #expect(article.body.count == 3)
        guard case .image(let image) = article.body[1] else { Issue.record("expected an image"); return }
        #expect(image.src == "photo_12.jpg")
        #expect(article.body[2].plainText == "The minister arrived at noon.")
        #expect(article.body[2].location == SourceLocation(file: "t.txt", line: 5, column: 13))
    }

    @Test("A quotation running on from a quoting paragraph is not a pull quote")
    func floatingQuote() throws {
        let article = try read(
            "Intro.\n\n“We will rebuild,” the mayor said on Monday.\n\n“It will take years, but we will do it.”\n\nEnd.\n"
        )
        #expect(!article.body.contains { $0.kind == .pullQuote })
    }

    @Test("A standalone quotation after unquoted text is a pull quote, with a dash attribution")
    func pullQuote() throws {
        let article = try read(
            "Harbour Plan\n\nThe plan passed.\n\n“Harbours are for everyone” — Ana Ruiz, harbourmaster\n\nThe vote was close.\n"
        )
        guard case .pullQuote(let quote) = article.body[1] else { Issue.record("expected a pull quote"); return }
        #expect(quote.content.plainText == "Harbours are for everyone")
        #expect(quote.attribution == "Ana Ruiz, harbourmaster")
        #expect(article.quotes.first?.speaker?.name == "Ana Ruiz")
        #expect(article.quotes.first?.kind == .pull)
    }

    @Test("A sentence quoted once on its own line is the story's quotation; `- Name.` under it sets it apart")
    func standaloneSentence() throws {
        // Whole sentences, not repeated elsewhere: a quotation of the running text.
        let sentence = try read(
            "Harbour Plan\n\nAna Ruiz praised the plan and the crews who built it.\n\n"
                + "“We need someone who will cut through the noise and bring people together.”\n\nThe vote was close.\n"
        )
        #expect(!sentence.body.contains { $0.kind == .pullQuote })
        #expect(sentence.quotes.first?.kind == .direct)
        // A dash line with a final period under it, which would otherwise be a one-item list.
        let attributed = try read(
            "Harbour Plan\n\nThe figures show part of the picture.\n\n"
                + "“The idea that I would close the harbour is not accurate. I helped write that plan.”\n\n"
                + "- Ruiz.\n\nRuiz exaggerates.\n")
        guard case .pullQuote(let quote) = attributed.body[1] else {
            Issue.record("expected a pull quote")
            return
        }
        #expect(quote.attribution == "Ruiz")
        #expect(!attributed.body.contains { $0.kind == .list })
    }

    @Test("Apostrophes do not make a pull quote")
    func apostrophes() throws {
        let article = try read("Intro here.\n\n'90s music returned to the pier on Saturday\n\nMore.\n")
        #expect(!article.body.contains { $0.kind == .pullQuote })
    }

    @Test("A short first line standing alone is the title, even with a closing full stop")
    func punctuatedTitle() throws {
        let article = try read("Drama doesn't slow partying.\n\nOn the opening night, delegates ate oysters.\n")
        #expect(article.headline == "Drama doesn't slow partying.")
        let deck = try read("Sanders advances agenda; \nSenator proves adept at riders.\n\nText of the story.\n")
        #expect(deck.headline == "Sanders advances agenda")
        #expect(deck.subheadline == "Senator proves adept at riders.")
        let lede = try read(
            "The council met on Tuesday evening in the old town hall and, after a long debate about parking charges "
                + "and bus lanes, agreed the plan.\n\nMore text.\n")
        #expect(lede.headline == nil, "a long first sentence is a paragraph")
    }

    @Test("A short last line is a paragraph, not a heading")
    func lastLine() throws {
        let article = try read("Intro paragraph here.\n\nThe Harbour Gazette\n")
        #expect(article.body.last?.kind == .paragraph)
    }

    @Test("Counters, copyright and tags at the end are kept in extensions and keywords")
    func trailer() throws {
        let article = try read("Story text here.\n\n1,234 views\nTags: ports, weather\n© 2025 Gazette\n")
        #expect(article.body.count == 1)
        #expect(article.extensions["counters"] == .object(["views": .number(1234)]))
        #expect(article.extensions["copyright"] == .string("© 2025 Gazette"))
        #expect(article.keywords == ["ports", "weather"])
    }

    @Test("Tabs, no-break spaces and zero-width characters are cleaned")
    func whitespace() throws {
        let article = try read("Text\twith\u{00A0}odd\u{200B} spaces.\n")
        #expect(article.body.first?.plainText == "Text with odd spaces.")
    }

    @Test("Empty and blank input is an error naming the file")
    func empty() {
        #expect(throws: CopydeskError.self) { try read("  \n\t\n") }
        do {
            _ = try read("\n\n", file: "blank.txt")
        } catch let error as CopydeskError {
            #expect(error.description.hasPrefix("blank.txt:1:1: error: input is empty"))
            #expect(error.exitCode == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("Header lines with no blank line before the story")
    func compactHeader() throws {
        let article = try read(
            "Heatwave pushes temperatures to 34C\nBy Tom Barnes\n18 June 2025\n"
                + "The Met Office issued an amber warning on Wednesday.\nWater companies asked customers to save water.\n"
        )
        #expect(article.headline == "Heatwave pushes temperatures to 34C")
        #expect(article.bylines.map(\.name) == ["Tom Barnes"])
        #expect(article.published?.value?.iso8601 == "2025-06-18")
        #expect(
            article.body.map(\.plainText) == [
                "The Met Office issued an amber warning on Wednesday.",
                "Water companies asked customers to save water.",
            ])
        #expect(article.body.first?.location?.line == 4)
    }

    @Test("A desk or role line under a byline belongs to it")
    func bylineSecondLine() throws {
        let article = try read(
            "Schools Face Budget Squeeze\n\nBY JAMES PRICE AND LUCY HART\nEducation Desk\nTuesday, 4th February 2025\n\n"
                + "Head teachers say budgets are stretched.\n")
        #expect(article.bylines.map(\.name) == ["James Price", "Lucy Hart"])
        #expect(article.bylines.first?.role == "Education Desk")
        #expect(article.published?.value?.iso8601 == "2025-02-04")
        #expect(article.body.count == 1)
    }

    @Test("Site navigation above the article is dropped and kept")
    func navigation() throws {
        let article = try read("Home | News | Sport | Weather\nSkip to content\n\nPier Reopens\n\nThe pier reopened.\n")
        #expect(article.headline == "Pier Reopens")
        #expect(
            article.extensions["boilerplate"]
                == .array([.string("Home | News | Sport | Weather"), .string("Skip to content")]))
    }

    @Test("A quotation after a paragraph that names a speaker continues it; it is not a pull quote")
    func quoteAfterReportedSpeech() throws {
        let article = try read(
            "Strike Talks Stall\n\nStoyan Petrov said the workers would not return until the offer improved.\n\n"
                + "\"We are ready to stay out all winter if we have to.\"\n\nTalks resume on Monday.\n")
        #expect(!article.body.contains { $0.kind == .pullQuote })
    }

    @Test("Text glued to an image name is a paragraph of its own, even in a block of short lines")
    func gluedImageParagraph() throws {
        let article = try read(
            "Heatwave Grips the Coast\n\nIntro paragraph here.\n\n"
                + "beach-crowds.jpgCrowds on the beach on Sunday afternoon\nWater companies asked customers to save water.\n"
        )
        #expect(article.body.map(\.kind) == [.paragraph, .image, .paragraph, .paragraph])
        #expect(article.body.last?.plainText == "Water companies asked customers to save water.")
    }

    @Test(
        "A malformed byline line is still a byline, reported by the validator at its line with what is wrong",
        arguments: [
            ("By By Helen Marsh | March 3, 2024 | hmarsh@example.com", ["Helen Marsh"], "repeats its prefix"),
            ("By Jane Roe | jane@x.com", ["Jane Roe"], "holds an email address"),
            ("By Jane Roe, jane@x.com", ["Jane Roe"], "holds an email address"),
            ("By Staff | By Coastline News", ["Staff", "Coastline News"], "repeats its prefix"),
            ("By Staff | COASTLINE NEWS", ["COASTLINE NEWS"], "is in capitals only"),
        ])
    func malformedBylines(_ line: String, _ names: [String], _ problem: String) throws {
        let text = "Harbour reopens after storm\n\n\(line)\n\nThe harbour reopened on Tuesday after repairs.\n"
        let article = try read(text)
        #expect(article.bylines.map(\.name) == names)
        #expect(article.bylines.allSatisfy { $0.raw == line })
        #expect(article.subheadline == nil)
        #expect(!article.body.contains { $0.plainText.contains(line) })
        let findings = Validator().validate(article, file: "t.txt")
        let malformed = findings.filter { $0.id == "byline.malformed" }
        #expect(malformed.count == 1, "\(findings.map(\.description))")
        #expect(malformed.first?.location?.line == 3, "\(findings.map(\.description))")
        #expect(malformed.first?.message.contains(problem) == true, "\(malformed.first?.message ?? "nothing")")
        #expect(!findings.contains { $0.id == "byline.missing" })
    }
}
