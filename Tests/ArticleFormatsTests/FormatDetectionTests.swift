// copydesk — ArticleFormats tests
// Formats recognised by their content: what each sniffer sees, and how content and extension decide.

import ArticleModel
import ArticleTestSupport
import Foundation
import Testing

@testable import ArticleFormats

/// The detected format's name for content read from `path` (nil: standard input).
private func detected(_ text: String, path: String? = nil) throws -> FormatDetection? {
    try FormatRegistry.detect(path: path, bytes: Array(text.utf8))
}

@Suite("Format detection")
struct FormatDetectionTests {
    static let page = "<!DOCTYPE html>\n<html lang=en><head><title>T</title></head><body><p>Hi</p></body></html>"
    static let ninjs3 = #"{"uri": "urn:x", "type": "text", "versionCreated": "2024-01-01T00:00:00Z", "headlines": []}"#
    static let ninjs1 =
        #"{"uri": "urn:y", "type": "text", "versioncreated": "2014-01-01T00:00:00Z", "body_html": "<p/>"}"#
    static let atom = #"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title></feed>"#
    static let rss = #"<?xml version="1.0"?><rss version="2.0"><channel><title>F</title></channel></rss>"#
    static let rdf =
        #"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>"#
    static let nitf =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE nitf SYSTEM \"nitf.dtd\">\n<nitf><head/></nitf>"
    static let newsItem =
        #"<?xml version="1.0"?><!-- a comment --><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"/>"#
    static let prefixedMessage =
        #"<ns0:newsMessage xmlns:ns0="http://iptc.org/std/nar/2006-10-01/"><ns0:header/></ns0:newsMessage>"#

    @Test("HTML is recognised on standard input: a doctype, an <html> root, a fragment, UTF-16")
    func html() throws {
        #expect(try detected(Self.page)?.format.name == "html")
        #expect(try detected("\n  <html><body><p>x</p></body></html>")?.format.name == "html")
        #expect(try detected("<p>A paragraph from a CMS export.</p>\n<p>Another.</p>")?.format.name == "html")
        #expect(
            try detected(#"<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>"#)?.format.name == "html")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in Self.page.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try FormatRegistry.detect(path: nil, bytes: utf16)?.format.name == "html")
        #expect(try detected("By Jane Doe\n\nA story in plain text.")?.format.name == "text")
    }

    @Test("ninjs is recognised in a .json file and on standard input: an item, an array of items, an API response")
    func ninjs() throws {
        let cases: [(text: String, path: String?)] = [
            (Self.ninjs3, "story.json"), (Self.ninjs1, nil), (Self.ninjs3, nil),
            ("[\(Self.ninjs3), \(Self.ninjs1)]", "items.json"), ("[\(Self.ninjs1)]", nil),
            (#"{"data": {"item": {"uri": "u", "headline": "h", "body_html": "<p/>", "byline": "b"}}}"#, "api.json"),
        ]
        for (text, path) in cases {
            #expect(try detected(text, path: path)?.format.name == "ninjs", "\(text) from \(path ?? "stdin")")
        }
        // copydesk's own JSON stays canonical JSON, even with properties ninjs shares.
        #expect(
            try detected(#"{"modelVersion": "2.1", "headline": "H", "uri": "u", "type": "text"}"#)?.format.name
                == "json")
        #expect(try detected(#"[{"headline": "A", "body": [], "bylines": []}]"#, path: "a.json")?.format.name == "json")
    }

    @Test("Atom, RSS and JSON Feed are recognised by their content, whatever the extension says")
    func feeds() throws {
        let cases: [(text: String, path: String?, name: String)] = [
            (Self.atom, "feed.xml", "atom"), (Self.atom, "feed.atom", "atom"), (Self.atom, nil, "atom"),
            (Self.rss, "feed.xml", "rss"), (Self.rdf, "feed.rdf", "rss"), (Self.rss, "feed.atom", "rss"),
            (#"{"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": []}"#, "feed.json", "jsonfeed"),
        ]
        for (text, path, name) in cases {
            #expect(try detected(text, path: path)?.format.name == name, "\(name) from \(path ?? "stdin")")
        }
    }

    @Test("Content that declares a format wins over the extension, with a note; otherwise the extension decides")
    func contentAndExtension() throws {
        let html = try #require(try detected(Self.page, path: "saved.txt"))
        #expect(html.format.name == "html")
        #expect(html.note?.id == "input.format")
        #expect(html.note?.message.contains(".txt") == true && html.note?.message.contains("<!DOCTYPE html>") == true)
        let lines = try #require(try detected("{\"headline\": \"A\"}\n{\"headline\": \"B\"}\n", path: "two.json"))
        #expect(lines.format.name == "ndjson")
        #expect(lines.note != nil)
        #expect(try detected(#"{"modelVersion": "2.0", "headline": "H"}"#, path: "a.json")?.note == nil)
        // A likely match does not override an extension: YAML-looking text in a .txt file stays text.
        #expect(try detected("---\ntitle: x\n---\n", path: "notes.txt")?.format.name == "text")
        #expect(try detected(Self.newsItem, path: "item.xml")?.format.name == "newsml")
        // NITF, with or without its namespace, in a .xml or .nitf file or on standard input.
        #expect(try detected(Self.nitf, path: "story.xml")?.format.name == "nitf")
        #expect(try detected(Self.nitf, path: "story.xml")?.note == nil)
        #expect(try detected(Self.nitf)?.format.name == "nitf")
        let spaced = "<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\"><body/></nitf>"
        #expect(try detected(spaced, path: "story.nitf")?.format.name == "nitf")
        #expect(try detected(spaced, path: "story.txt")?.note?.id == "input.format")
        #expect(try detected(Self.prefixedMessage, path: "message.xml")?.format.name == "newsml")
        // Unknown XML in a .xml file: the extension's primary format, whose reader says what is wrong.
        #expect(try detected("<catalog/>", path: "c.xml")?.format.name == "newsml")
        // No extension and nothing recognised: a file cannot be told, standard input is plain text.
        #expect(try detected("plain words", path: "README") == nil)
        #expect(try detected("plain words")?.format.name == "text")
    }

    @Test("Front matter: prose after it is Markdown, more YAML after it is YAML, +++ is Hugo's TOML")
    func frontMatter() throws {
        #expect(try detected("---\ntitle: Hello\n---\n\nThe story starts here.\n")?.format.name == "markdown")
        #expect(try detected("---\ntitle: Hello\nauthor: Jane\n")?.format.name == "yaml")
        #expect(try detected("---\ntitle: A\n---\ntitle: B\n")?.format.name == "yaml")
        #expect(try detected("+++\ntitle = \"Hello\"\n+++\n\nText.\n")?.format.name == "markdown")
        #expect(try detected("# A heading\n\nText.\n")?.format.name == "markdown")
    }

    @Test("JSON on standard input is canonical JSON unless it says otherwise")
    func json() throws {
        #expect(try detected(#"[{"headline": "A", "body": []}]"#)?.format.name == "json")
        #expect(try detected(#"{"headline": "From JSON"}"#)?.format.name == "json")
        #expect(try detected(#"{"anything": 1}"#)?.format.name == "json", "the JSON reader then says what is wrong")
    }

    @Test("The sample reads markup roots and JSON keys without building values")
    func sample() throws {
        let root = try #require(ContentSample(string: Self.prefixedMessage).markup)
        #expect(root.name == "newsMessage")
        #expect(root.namespace == "http://iptc.org/std/nar/2006-10-01/")
        let doctype = try #require(ContentSample(string: Self.nitf).markup)
        #expect(doctype.name == "nitf" && doctype.doctype == "nitf" && doctype.hasXMLDeclaration)
        let internalSubset = "<!DOCTYPE x [ <!ENTITY a \"b>\"> ]><x/>"
        #expect(ContentSample(string: internalSubset).markup?.name == "x")
        let json = try #require(ContentSample(string: #"{"a": {"b": {"c": 1}}, "d": "e\"f:{"}"#).json)
        #expect(json.kind == .object)
        #expect(json.keys == ["a", "d"])
        #expect(json.nestedKeys == ["b", "c"])
        #expect(json.topLevelValues == 1)
        let array = try #require(ContentSample(string: #"[{"headline": 1}, {"body": 2}]"#).json)
        #expect(array.kind == .array && array.keys == ["headline", "body"])
        let lines = try #require(ContentSample(string: "{\"a\": 1}\n{\"b\": 2}\n").json)
        #expect(lines.topLevelValues == 2 && lines.valuesOnSeparateLines)
        #expect(ContentSample(string: "not json").json == nil)
    }

    @Test("Every format declares what it is; every readable or recognised format has a sniffer or an extension")
    func descriptors() {
        var names: Set<String> = []
        for format in FormatRegistry.formats {
            #expect(names.insert(format.name).inserted, "\(format.name) is listed twice")
            #expect(!format.title.isEmpty && !format.summary.isEmpty && !format.mediaType.isEmpty)
            #expect(!format.extensions.isEmpty || format.sniffer != nil, "\(format.name) cannot be recognised")
            #expect(format.isWritable == !format.capabilities.carries.isEmpty, "\(format.name): carries")
            if format.capabilities.isLineStream { #expect(format.reader is any LineRecordReader) }
        }
        #expect(FormatRegistry.fallbackInput.isReadable && FormatRegistry.defaultOutput.isWritable)
    }
}

@Suite("No format name outside its folder")
struct FormatNameLeakTests {
    /// Code that switches on a format's name: comparing `.name`, looking one up by a literal name,
    /// or a list of format names.
    @Test("Outside Formats/ and the registry, no code switches on a format's name")
    func noNameSwitches() throws {
        let root = TestPaths.packageRoot.appendingPathComponent("Sources")
        let names = FormatRegistry.formats.map(\.name)
        let quoted = names.map { "\"\($0)\"" }
        // The model's decoder migrates model 1.x, whose rules took bylines read from text and HTML
        // as printed: it reads a stored value of old documents, and no format's code path depends on it.
        let allowed = ["ArticleModel/ArticleCoding.swift"]
        var found: [String] = []
        for file in TestPaths.sourceFiles() {
            if file.hasPrefix("ArticleFormats/Formats/") || file == "ArticleFormats/FormatRegistry.swift"
                || allowed.contains(file)
            {
                continue
            }
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code =
                    line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
                    ?? ""
                let mentions = quoted.filter { code.contains($0) }
                // Report formats share two names (`text`, `json`); they are not article formats.
                let compared = mentions.contains { code.contains("== \($0)") || code.contains("!= \($0)") }
                let switches =
                    (compared && !code.lowercased().contains("report"))
                    || mentions.contains { code.contains("format(named: \($0)") } || mentions.count >= 2
                if switches { found.append("\(file):\(number + 1): \(code.trimmingCharacters(in: .whitespaces))") }
            }
        }
        #expect(found.isEmpty, Comment(rawValue: found.joined(separator: "\n")))
    }
}

@Suite("What writers carry")
struct CarriedFieldsTests {
    /// An article with one part of the model filled in (and a body, which every format needs).
    static func article(with field: ArticleField) -> Article {
        var article = Article(body: [.paragraph(Paragraph(text: "The pier reopened on Tuesday."))])
        switch field {
        case .headline: article.headline = "Pier reopens"
        case .subheadline: article.subheadline = "After the storm"
        case .highlights: article.highlights = ["Repairs took three months"]
        case .bylines: article.bylines = [Byline(name: "Jane Roe", raw: "Jane Roe")]
        case .bylineDetails:
            article.bylines = [Byline(name: "Jane Roe", role: "Reporter", affiliation: "Gazette", raw: "By Jane Roe")]
        case .dateline: article.dateline = Dateline(place: "PORT ELLIS", raw: "PORT ELLIS, June 12")
        case .published: article.published = ArticleDate(parsing: "2025-06-12T09:30:00Z")
        case .modified:
            article.published = ArticleDate(parsing: "2025-06-12T09:30:00Z")
            article.modified = ArticleDate(parsing: "2025-06-13T09:30:00Z")
        case .language: article.language = "en"
        case .section: article.section = "Local"
        case .keywords: article.keywords = ["pier"]
        case .source: article.source = ArticleSource(publisher: "Gazette", url: "https://example.org/pier")
        case .body: article.body.append(.heading(Heading(level: 2, [.text("More")])))
        case .images: article.body.append(.image(Image(src: "https://example.org/p.jpg", caption: "The pier")))
        case .quotes, .speakers:
            article.body.append(
                .paragraph(
                    Paragraph([
                        .quotation(Quotation(content: [.text("We are open")], quoteID: "q1")), .text(" said Ana Ruiz."),
                    ])))
            article.quotes = [
                Quote(
                    id: "q1", text: "We are open", speaker: field == .speakers ? Speaker(name: "Ana Ruiz") : nil,
                    cue: "said", attribution: field == .speakers ? .explicit : nil)
            ]
        case .listLabels:
            article.body.append(
                .list(
                    ListBlock(
                        items: [ListItem(text: "Open daily")], label: "Ana Ruiz:", speaker: Speaker(name: "Ana Ruiz"))))
        case .dateMentions:
            article.dateMentions = [DateMention(text: "June 12", value: DateTimeValue(year: 2025, month: 6, day: 12))]
        case .extensions: article.extensions = ["cms": .object(["id": .number(7)])]
        }
        return article
    }

    @Test(
        "A writer reports what it cannot carry (derived fields aside), and nothing it says it carries",
        arguments: ArticleField.allCases)
    func carried(field: ArticleField) throws {
        for format in FormatRegistry.formats where format.isWritable {
            let written = try #require(format.writer).write([Self.article(with: field)], options: .default)
            let dropped = written.diagnostics.filter { $0.id == "conversion.dropped" }
            if format.capabilities.carries.contains(field) {
                #expect(dropped.isEmpty, "\(format.name) says it carries \(field) but drops: \(dropped.map(\.message))")
            } else if !field.isDerived {
                #expect(!dropped.isEmpty, "\(format.name) says it cannot carry \(field) but reports nothing")
            }
        }
    }
}
