// copydesk — ArticleFormats tests
// The ninjs reader: versions 1 to 3, the mapping, copydesk's own output read back, the IPTC and
// Superdesk files of ../shared, and what it says about files it cannot read.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

// MARK: - Helpers

private let reader = NINJSArticleReader()

/// Reads ninjs text with the reader alone (no analysis).
private func readNINJS(_ text: String, file: String? = "item.json") throws -> ReadResult {
    try reader.read(ReaderInput(string: text, file: file), options: .default)
}

/// Writes one article as ninjs and reads it back with the reader alone.
private func roundTrip(_ article: Article, version: NINJSVersion) throws -> (back: Article, written: WriteResult) {
    let written = try NINJSArticleWriter().write([article], options: WriterOptions(ninjsVersion: version))
    let read = try reader.read(ReaderInput(bytes: written.bytes), options: .default)
    #expect(read.articles.count == 1)
    return (try #require(read.articles.first), written)
}

/// The error a read throws, if any.
private func readError(_ text: String) -> FormatError? {
    do throws(FormatError) {
        _ = try reader.read(ReaderInput(string: text, file: "item.json"), options: .default)
        return nil
    } catch {
        return error
    }
}

/// A JSON object of strings.
private func strings(_ fields: [String: String]) -> JSONValue { .object(fields.mapValues { .string($0) }) }

private let corpus = TestPaths.shared?.appendingPathComponent("corpus/thirdparty/ninjs")

/// ninjs dates are RFC 3339 date-times: what the writer can write.
private func writable(_ date: ArticleDate?) -> DateTimeValue? {
    guard let value = date?.value, let month = value.month, let day = value.day, let hour = value.hour,
        let minute = value.minute, let second = value.second, let offset = value.utcOffsetMinutes
    else { return nil }
    let valid =
        value.calendarProblem == nil && (1...9999).contains(value.year) && (1...12).contains(month) && day >= 1
        && (0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second)
        && abs(offset) < 24 * 60 && (value.fraction ?? "0").allSatisfy(\.isASCII)
        && (value.fraction ?? "0").allSatisfy(\.isNumber)
    return valid ? value : nil
}

// MARK: - Mapping

@Suite("ninjs reader")
struct NINJSReaderTests {
    @Test("ninjs 3: headlines, bodies, by and people, dates by precedence, descriptions, subjects, wire metadata")
    func version3() throws {
        let text = #"""
            {
              "uri": "urn:example:item:1", "type": "text", "version": "4", "pubStatus": "usable", "urgency": 3,
              "contentCreated": "2025-03-11T20:00:00Z", "firstCreated": "2025-03-12T06:00:00Z",
              "versionCreated": "2025-03-12T09:30:00+01:00", "embargoedUntil": "2025-03-12T06:00:00Z",
              "language": "en-GB", "located": "PORT ELLIS",
              "headlines": [{"role": "main", "value": "Barrier approved"}, {"role": "sub", "value": "4,000 homes"},
                            {"role": "short", "value": "Barrier"}],
              "descriptions": [{"role": "summary", "value": "Work starts in May."}],
              "bodies": [{"role": "main", "contentType": "text/html", "value": "<p>One.</p><p>Two <em>three</em>.</p>"},
                         {"role": "main", "contentType": "text/plain", "value": "One.\n\nTwo three."}],
              "by": "Jane Doe and John Roe", "people": [{"name": "Jane Doe", "rel": "author"},
                                                       {"name": "Kit Mayor", "rel": "about"}],
              "subjects": [{"name": "Local", "rel": "section"}, {"name": "flooding", "rel": "keyword"},
                           {"name": "Environment", "uri": "http://cv.iptc.org/newscodes/mediatopic/06000000"}],
              "genres": [{"uri": "http://cv.iptc.org/newscodes/genre/Current"}],
              "copyrightNotice": "(c) 2025 Gazette", "usageTerms": "No archive", "slugline": "UK-Barrier",
              "edNote": "Corrects spelling", "infoSources": [{"name": "Harbour Gazette", "role": "publisher"}],
              "altIds": [{"role": "url", "value": "https://example.org/barrier"}]
            }
            """#
        let result = try readNINJS(text)
        let article = try #require(result.articles.first)
        #expect(article.headline == "Barrier approved")
        #expect(article.subheadline == "4,000 homes")
        #expect(article.extensions["headlines"] == .array([strings(["text": "Barrier", "role": "short"])]))
        #expect(article.highlights == ["Work starts in May."])
        #expect(article.body.map(\.plainText) == ["One.", "Two three."])
        #expect(article.body.first?.location?.line == 9, "blocks stand where the body's string starts")
        // The printed line names Jane Doe: one credit, split later by the byline analyser.
        #expect(article.bylines.map(\.name) == ["Jane Doe and John Roe"])
        #expect(article.bylines.first?.origin == .printed)
        #expect(article.published?.value?.iso8601 == "2025-03-11T20:00:00Z")
        #expect(article.published?.provenance == "contentCreated")
        #expect(article.modified?.value?.iso8601 == "2025-03-12T09:30:00+01:00")
        #expect(article.modified?.provenance == "versionCreated")
        #expect(article.published?.location?.line == 3)
        #expect(article.language == "en-GB")
        #expect(article.dateline == Dateline(place: "PORT ELLIS", raw: "PORT ELLIS"))
        #expect(article.section == "Local")
        #expect(article.keywords == ["flooding"])
        #expect(
            article.extensions["subjects"]
                == .array([
                    strings(["name": "Environment", "code": "http://cv.iptc.org/newscodes/mediatopic/06000000"])
                ]))
        #expect(article.extensions["genre"] == .array([.string("Current")]))
        #expect(article.extensions["copyright"] == .string("(c) 2025 Gazette"))
        #expect(article.extensions["usageTerms"] == .string("No archive"))
        #expect(article.extensions["slugline"] == .string("UK-Barrier"))
        #expect(article.extensions["editorialNote"] == .string("Corrects spelling"))
        #expect(article.extensions["version"] == .string("4"))
        #expect(article.extensions["status"] == .string("usable"))
        #expect(article.extensions["urgency"] == .number(3))
        #expect(
            article.extensions["dates"]
                == strings([
                    "contentCreated": "2025-03-11T20:00:00Z", "firstCreated": "2025-03-12T06:00:00Z",
                    "versionCreated": "2025-03-12T09:30:00+01:00", "embargoed": "2025-03-12T06:00:00Z",
                ]))
        #expect(article.source?.id == "urn:example:item:1")
        #expect(article.source?.publisher == "Harbour Gazette")
        #expect(article.source?.url == "https://example.org/barrier")
        #expect(article.source?.format == "ninjs")
        // The person the story is about is kept, not a byline; the plain-text body is the same text.
        #expect(
            article.extensions["ninjs"]
                == .object(["people": .array([strings(["name": "Kit Mayor", "rel": "about"])])]))
        #expect(article.extensions["alternatives"] == nil)
        #expect(result.diagnostics.contains { $0.id == "ninjs.embargoed" && $0.location?.line == 4 })
        #expect(result.diagnostics.contains { $0.id == "ninjs.kept" && $0.message.contains("people") })
    }

    @Test("ninjs 1: headline, body_html over body_text, byline and person, description_text, named associations")
    func version1() throws {
        let text = #"""
            {"uri": "http://example.org/1", "type": "text", "versioncreated": "2013-07-09T10:37:00Z",
             "firstcreated": "2013-07-09T08:00:00Z", "headline": "Trial begins", "byline": "By Ann Lee",
             "person": [{"name": "Ann Lee", "rel": "author"}],
             "description_text": "The captain faces charges.", "body_text": "One.\nTwo.",
             "body_html": "<p>One.</p><p>Two.</p>", "subject": [{"code": "02000000", "name": "crime", "scheme": "iptc"}],
             "genre": [{"code": "Current", "name": "Current news"}], "keywords": ["trial", "ship"],
             "associations": {"mainpic": {"type": "picture", "byline": "Photo Desk", "description_text": "The ship.",
               "renditions": {"small": {"href": "http://example.org/s.jpg", "width": 100},
                              "main": {"href": "http://example.org/m.jpg", "width": 800}}},
               "video1": {"type": "video", "headline": "Ship footage", "uri": "http://example.org/v"}}}
            """#
        let result = try readNINJS(text)
        let article = try #require(result.articles.first)
        #expect(article.headline == "Trial begins")
        #expect(article.published?.provenance == "firstCreated")
        #expect(article.modified?.value?.iso8601 == "2013-07-09T10:37:00Z")
        #expect(article.bylines.map(\.name) == ["By Ann Lee"], "the printed line names the author: one credit")
        #expect(article.bylines.first?.raw == "By Ann Lee")
        #expect(article.highlights == ["The captain faces charges."])
        #expect(article.keywords == ["trial", "ship"])
        #expect(
            article.extensions["subjects"]
                == .array([strings(["code": "02000000", "name": "crime", "scheme": "iptc"])]))
        #expect(article.extensions["genre"] == .array([.string("Current news")]))
        #expect(article.body.count == 3)
        #expect(Array(article.body.prefix(2)).map(\.plainText) == ["One.", "Two."])
        guard case .image(let image)? = article.body.last else {
            Issue.record("the picture association is an image block after the body")
            return
        }
        #expect(image.src == "http://example.org/m.jpg")
        #expect(image.caption == "The ship.")
        #expect(image.credit == "Photo Desk")
        #expect(
            article.extensions["alternatives"]
                == .array([strings(["type": "video", "href": "http://example.org/v", "text": "Ship footage"])]))
        #expect(result.diagnostics.contains { $0.id == "ninjs.association" && $0.message.contains("video") })
    }

    @Test(
        "Bylines: copydesk's by gives each author a role; unnamed authors stay fields; a different line stays printed")
    func bylines() throws {
        let copydesk = try #require(
            try readNINJS(
                #"""
                {"uri": "u", "headlines": [{"value": "H"}], "by": "Jane Doe, Environment Editor, Gazette; Reuters",
                 "people": [{"name": "Jane Doe", "rel": "author"}], "organisations": [{"name": "Reuters", "rel": "author"}]}
                """#
            ).articles.first)
        #expect(
            copydesk.bylines == [
                Byline(
                    name: "Jane Doe", role: "Environment Editor", affiliation: "Gazette", origin: .printed),
                Byline(name: "Reuters", kind: .organization, origin: .printed),
            ])
        let other = try #require(
            try readNINJS(
                #"""
                {"uri": "u", "headlines": [{"value": "H"}], "by": "Staff",
                 "people": [{"name": "Ann Lee", "rel": "creator"}, {"name": "Bo Ng", "rel": "mentions"}]}
                """#
            ).articles.first)
        #expect(other.bylines.map(\.name) == ["Staff", "Ann Lee"])
        #expect(other.bylines.map(\.origin) == [.printed, .field])
    }

    @Test("Items without a body: a picture item is its picture, NTB's text description is the body")
    func bodiless() throws {
        let picture = try #require(
            try readNINJS(
                #"""
                {"uri": "p", "type": "picture", "headline": "Museum", "byline": "Jo Snap",
                 "description_text": "A hall of aircraft.",
                 "renditions": {"baseImage": {"href": "http://example.org/b.jpg"}, "thumbnail": {"href": "http://example.org/t.jpg"}}}
                """#
            ).articles.first)
        #expect(
            picture.body == [
                .image(Image(src: "http://example.org/b.jpg", caption: "A hall of aircraft.", credit: "Jo Snap"))
            ])
        #expect(picture.highlights.isEmpty, "the description is the caption")
        let text = try readNINJS(
            #"{"uri": "t", "headlines": [{"role": "main", "value": "H"}], "descriptions": [{"role": "text", "value": "The text.\n\nMore."}]}"#
        )
        #expect(text.articles.first?.body.map(\.plainText) == ["The text.", "More."])
        #expect(text.diagnostics.contains { $0.id == "ninjs.body-from-description" })
    }

    @Test("An array of items is a stream; an API response is unwrapped with a note")
    func severalItems() throws {
        let array = try readNINJS(
            #"[{"uri": "a", "headline": "A", "body_text": "a"}, {"uri": "b", "headline": "B", "body_text": "b"}]"#)
        #expect(array.articles.map(\.headline) == ["A", "B"])
        let wrapped = try readNINJS(
            #"{"api_version": "1", "data": {"meta": {}, "item": {"uri": "w", "headline": "W", "body_html": "<p>w</p>"}}}"#
        )
        #expect(wrapped.articles.map(\.headline) == ["W"])
        #expect(wrapped.diagnostics.contains { $0.id == "ninjs.wrapper" && $0.message.contains("data.item") })
    }

    @Test("Wrong types are reported at their position and kept; empty items and other shapes are errors")
    func errors() throws {
        let typed = try readNINJS(
            """
            {"uri": "u", "headline": "H",
             "urgency": "very", "language": 5, "headlines": {"x": 1},
             "body_text": ["a"]}
            """)
        let warnings = typed.diagnostics.filter { $0.id == "ninjs.type" }
        #expect(warnings.count == 3)
        #expect(warnings.allSatisfy { $0.location?.line == 2 || $0.location?.line == 3 })
        #expect(warnings.contains { $0.message.contains("'urgency' is a string") })
        guard case .object(let kept)? = typed.articles.first?.extensions["ninjs"] else {
            Issue.record("the values of the wrong type are kept in extensions.ninjs")
            return
        }
        #expect(kept["body_text"] == .array([.string("a")]))
        #expect(typed.articles.first?.language == "5", "a number where a string belongs is read as its digits")
        // Inside an object too, and a number too large for digits as it is written (never a crash).
        let numbers = try readNINJS(#"{"uri": "u", "headlines": [{"value": 1e300}, {"role": "sub", "value": 7}]}"#)
        #expect(numbers.articles.first?.headline == "1e+300")
        #expect(numbers.articles.first?.subheadline == "7")

        let empty = readError(
            #"{"uri": "urn:a", "type": "text", "versionCreated": "2024-01-01T00:00:00Z", "headlines": []}"#)
        #expect(empty?.id == "ninjs.empty")
        #expect(empty?.hint?.contains("bodies") == true)
        #expect(readError("[]")?.id == "ninjs.empty")
        #expect(readError(#"[{"uri": "a", "headline": "A"}, 3]"#)?.id == "ninjs.shape")
        #expect(readError(#""text""#)?.id == "ninjs.shape")
        let syntax = readError("{\"uri\": \"a\",\n \"headline\": }")
        #expect(syntax?.id == "json.syntax")
        #expect(syntax?.location?.line == 2)
        #expect(readError(String(repeating: "[", count: 600))?.id == "input.limit")
    }

    @Test("A NITF body is read by the NITF reader; a fragment without <nitf> as paragraphs, with a note")
    func nitfBody() throws {
        let result = try readNINJS(
            #"""
            {"uri": "n", "headlines": [{"value": "H"}], "bodies": [{"role": "nitf", "contentType": "text/vnd.IPTC.NITF",
             "value": "<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content><p>First.</p><p>Second.</p></body.content></body></nitf>"}]}
            """#)
        let article = try #require(result.articles.first)
        #expect(article.body.map(\.plainText).suffix(2) == ["First.", "Second."])
        let fragment = try readNINJS(
            #"""
            {"uri": "f", "headlines": [{"value": "H"}], "bodies": [{"contentType": "application/nitf+xml",
             "value": "<body.content><p>Only <em>this</em>.</p><hl2>Then</hl2></body.content>"}]}
            """#)
        #expect(fragment.articles.first?.body.map(\.plainText) == ["Only this.", "Then"])
        #expect(fragment.diagnostics.contains { $0.id == "ninjs.nitf-body" && $0.message.contains("<body.content>") })
    }
}

// MARK: - copydesk's own ninjs read back

@Suite("ninjs round trips")
struct NINJSRoundTripTests {
    @Test("Every sample written as ninjs 3.1 and 2.2 reads back to the same article on what ninjs carries")
    func samples() throws {
        let articles = try sampleArticles()
        #expect(articles.count >= 12)
        for version in NINJSVersion.allCases {
            for (name, article) in articles {
                let (back, _) = try roundTrip(article, version: version)
                let label = "\(name) as ninjs \(version.rawValue)"
                #expect(back.headline == article.headline, "\(label)")
                #expect(back.subheadline == article.subheadline, "\(label)")
                #expect(back.highlights == article.highlights, "\(label)")
                #expect(back.bylines.map(\.name) == article.bylines.map(\.name), "\(label)")
                #expect(back.bylines.map(\.kind) == article.bylines.map(\.kind), "\(label)")
                #expect(back.bylines.map(\.role) == article.bylines.map(\.role), "\(label)")
                #expect(back.bylines.map(\.affiliation) == article.bylines.map(\.affiliation), "\(label)")
                #expect(back.published?.value == writable(article.published), "\(label)")
                #expect(back.language == article.language, "\(label)")
                #expect(back.section == article.section, "\(label)")
                #expect(back.keywords == article.keywords, "\(label)")
                #expect(back.source?.publisher == article.source?.publisher, "\(label)")
                #expect(back.source?.url == article.source?.url, "\(label)")
                #expect(back.dateline?.place == article.dateline?.place, "\(label)")
                // The body with its quote anchors and list labels, white space as HTML reads it; every
                // quote the body anchors (the writer reports the others), with its speaker.
                #expect(back.body == htmlFolded(article.body), "\(label)")
                let anchored = Set(article.quoteAnchors.keys)
                let quotes = article.quotes.filter { anchored.contains($0.id) }
                #expect(back.quotes.map(\.id) == quotes.map(\.id), "\(label)")
                #expect(back.quotes.map(\.speaker) == quotes.map(\.speaker), "\(label)")
                #expect(back.quotes.map(\.cue) == quotes.map(\.cue), "\(label)")
                #expect(back.quotes.map(\.attribution) == quotes.map(\.attribution), "\(label)")
                #expect(back.quotes.map(\.kind) == quotes.map(\.kind), "\(label)")
                #expect(back.quotes.map(\.text) == quotes.map(\.text), "\(label)")
            }
        }
    }

    @Test("Random articles written as ninjs read back on what ninjs carries", arguments: 0..<60)
    func random(seed: Int) throws {
        var random = RandomArticles(seed: UInt64(seed) &+ 90_000)
        let article = random.article()
        let version: NINJSVersion = seed.isMultiple(of: 2) ? .v3 : .v2
        let label = "seed \(seed), ninjs \(version.rawValue)"
        let blank = { (text: String?) in text?.trimmingWhitespace().isEmpty ?? true }
        if blank(article.headline), htmlCarried(article.body).isEmpty {
            // Nothing to read: no headline and no body text.
            let written = try NINJSArticleWriter().write([article], options: WriterOptions(ninjsVersion: version))
            #expect(throws: FormatError.self, "\(label)") {
                try reader.read(ReaderInput(bytes: written.bytes), options: .default)
            }
            return
        }
        let (back, _) = try roundTrip(article, version: version)
        #expect(back.headline == (blank(article.headline) ? nil : article.headline), "\(label)")
        #expect(back.subheadline == (blank(article.subheadline) ? nil : article.subheadline), "\(label)")
        #expect(back.highlights == article.highlights.filter { !blank($0) }, "\(label)")
        let named = article.bylines.filter { !blank($0.name) }
        #expect(back.bylines.map(\.name) == named.map(\.name), "\(label)")
        #expect(back.bylines.map(\.kind) == named.map(\.kind), "\(label)")
        // versionCreated stands for the published date when there is no other.
        let published = writable(article.published)
        #expect(back.published?.value == published ?? writable(article.modified), "\(label)")
        if let published, let modified = writable(article.modified), modified != published {
            #expect(back.modified?.value == modified, "\(label)")
        }
        #expect(back.language == article.language, "\(label)")
        #expect(back.section == article.section, "\(label)")
        #expect(back.keywords == article.keywords, "\(label)")
        #expect(back.source?.publisher == article.source?.publisher, "\(label)")
        #expect(back.source?.url == article.source?.url, "\(label)")
        #expect(htmlCarried(back.body) == htmlCarried(article.body), "\(label)")
        // Every quote whose anchor the body keeps comes back with its speaker and cue.
        let kept = Set(Article(body: back.body).quoteAnchors.keys)
        for quote in article.quotes where kept.contains(quote.id) {
            let read = back.quotes.first { $0.id == quote.id }
            #expect(read != nil, "\(label): \(quote.id)")
            #expect(read?.speaker?.name == quote.speaker.map { xmlSafe($0.name) }, "\(label): \(quote.id)")
            #expect(read?.speaker?.role == quote.speaker?.role.map(xmlSafe), "\(label): \(quote.id)")
            #expect(read?.cue == quote.cue.map(xmlSafe), "\(label): \(quote.id)")
            #expect(read?.attribution == quote.attribution, "\(label): \(quote.id)")
        }
        #expect(Set(back.quotes.map(\.id)) == kept, "\(label): every quote read is anchored")
    }
}

// MARK: - Other producers' files

@Suite("ninjs corpus")
struct NINJSCorpusTests {
    @Test(
        "Every ninjs file of ../shared is detected as ninjs and read: headline, and a body for text items",
        .enabled(if: corpus != nil, Comment(rawValue: TestPaths.sharedMissing)))
    func corpusFiles() throws {
        let files = TestPaths.files(in: try #require(corpus), extensions: ["json"])
        #expect(files.count >= 15)
        for url in files {
            let name = url.lastPathComponent
            let bytes = [UInt8](try Data(contentsOf: url))
            let detected = try FormatRegistry.detect(path: url.path, bytes: bytes)
            #expect(detected?.format.name == "ninjs", "\(name) is detected as \(detected?.format.name ?? "nothing")")
            let stdin = try FormatRegistry.detect(path: nil, bytes: bytes)
            #expect(stdin?.format.name == "ninjs", "\(name) on standard input")
            let read = try Pipeline().read(
                ReaderInput(bytes: bytes, file: name), format: try #require(detected?.format))
            #expect(!read.articles.isEmpty, "\(name)")
            #expect(!read.diagnostics.contains { $0.severity == .error }, "\(name)")
            for article in read.articles {
                #expect(!(article.headline ?? "").isEmpty, "\(name) has a headline")
                #expect(!article.body.isEmpty, "\(name) has a body")
                #expect(article.published != nil, "\(name) has a date")
                #expect(article.source?.id != nil, "\(name) keeps its identifier")
            }
        }
    }
}
