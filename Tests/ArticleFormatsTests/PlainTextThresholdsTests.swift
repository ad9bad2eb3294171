// copydesk — ArticleFormats tests
// The plain-text reader's thresholds: documented with their values, and where each draws its line.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

@testable import ArticleFormats

// MARK: - The code and its documentation

/// A threshold as `PlainTextThresholds.swift` declares it: its name, its value as written, and the
/// section of docs/PLAINTEXT.md that its comment cites.
private struct DeclaredThreshold {
    var name: String
    var value: String
    var section: String?
}

private enum ThresholdSources {
    /// `PlainTextThresholds.swift`, wherever the plain-text reader's folder is under `Sources/ArticleFormats`.
    static var source: URL {
        get throws {
            let root = TestPaths.packageRoot.appendingPathComponent("Sources/ArticleFormats")
            let path = try #require(
                TestPaths.sourceFiles(under: "ArticleFormats").first { $0.hasSuffix("/PlainTextThresholds.swift") },
                "PlainTextThresholds.swift is not under Sources/ArticleFormats")
            return root.appendingPathComponent(path)
        }
    }
    static let doc = TestPaths.packageRoot.appendingPathComponent("docs/PLAINTEXT.md")

    /// Every `static let` of the source, with the section its `///` comment cites.
    static func declared() throws -> [DeclaredThreshold] {
        let text = try String(contentsOf: try source, encoding: .utf8)
        var comment: [String] = []
        var found: [DeclaredThreshold] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("///") {
                comment.append(String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces))
                continue
            }
            if line.hasPrefix("static let "), let equals = line.range(of: " = ") {
                let name = String(line[line.index(line.startIndex, offsetBy: "static let ".count)..<equals.lowerBound])
                let value = String(line[equals.upperBound...])
                found.append(
                    DeclaredThreshold(name: name, value: value, section: citedSection(comment.joined(separator: " "))))
            }
            comment = []
        }
        return found
    }

    /// `See docs/PLAINTEXT.md, “Header: before the body”.` → `Header: before the body`.
    static func citedSection(_ comment: String) -> String? {
        guard let start = comment.range(of: "docs/PLAINTEXT.md, “"),
            let end = comment[start.upperBound...].firstIndex(of: "”")
        else { return nil }
        return String(comment[start.upperBound..<end])
    }

    /// The `## ` sections of the doc, by title, each with the `name = value` code spans it holds.
    static func documented() throws -> [String: [(name: String, value: String)]] {
        let text = try String(contentsOf: doc, encoding: .utf8)
        var sections: [String: [(name: String, value: String)]] = [:]
        var title = ""
        var body = ""
        func close() {
            // Code spans are the odd pieces between backticks (the doc has no fenced blocks).
            let spans = body.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            sections[title, default: []] += spans.compactMap { span in
                guard let equals = span.range(of: " = ") else { return nil }
                let name = String(span[..<equals.lowerBound])
                guard let first = name.first, first.isLowercase, name.allSatisfy({ $0.isLetter || $0.isNumber })
                else { return nil }
                return (name, String(span[equals.upperBound...]))
            }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                close()
                title = String(line.dropFirst(3))
                body = ""
            } else {
                body += line + "\n"
            }
        }
        close()
        return sections
    }

    /// `1_000` → 1000, `32 << 20` → 33554432.
    static func integer(_ text: String) -> Int? {
        let parts = text.components(separatedBy: "<<").map {
            $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        }
        switch parts.count {
        case 1: return Int(parts[0])
        case 2: return Int(parts[0]).flatMap { base in Int(parts[1]).map { base << $0 } }
        default: return nil
        }
    }
}

@Suite("Plain-text reader thresholds")
struct PlainTextThresholdsTests {
    @Test("The source is read as the compiler reads it")
    func sourceParsing() throws {
        let declared = try ThresholdSources.declared()
        let values = Dictionary(declared.map { ($0.name, ThresholdSources.integer($0.value)) }) { first, _ in first }
        #expect(values["maxBylineLineBytes"] == PlainTextThresholds.maxBylineLineBytes)
        #expect(values["repeatSearchBudget"] == PlainTextThresholds.repeatSearchBudget)
        #expect(values["wrapRatioPercent"] == PlainTextThresholds.wrapRatioPercent)
        #expect(declared.count >= 40, "PlainTextThresholds.swift: found only \(declared.count) constants")
    }

    @Test("Every threshold cites a section of docs/PLAINTEXT.md that names it with its value")
    func documented() throws {
        let declared = try ThresholdSources.declared()
        let sections = try ThresholdSources.documented()
        var names = Set<String>()
        for threshold in declared {
            #expect(names.insert(threshold.name).inserted, "\(threshold.name) is declared twice")
            let value = ThresholdSources.integer(threshold.value)
            #expect(value != nil, "\(threshold.name) = \(threshold.value): not a whole number the test can read")
            guard let section = threshold.section else {
                Issue.record("\(threshold.name): its comment cites no section (See docs/PLAINTEXT.md, “…”.)")
                continue
            }
            guard let mentions = sections[section] else {
                Issue.record("\(threshold.name) cites “\(section)”, which is not a section of docs/PLAINTEXT.md")
                continue
            }
            #expect(
                mentions.contains { $0.name == threshold.name },
                "docs/PLAINTEXT.md, “\(section)” does not name `\(threshold.name) = \(threshold.value)`")
            // Every mention, in any section, gives the value the code has.
            for (title, spans) in sections {
                for span in spans where span.name == threshold.name {
                    #expect(
                        ThresholdSources.integer(span.value) == value,
                        "docs/PLAINTEXT.md, “\(title)”: `\(span.name) = \(span.value)`, the code has \(threshold.value)"
                    )
                }
            }
        }
        for (title, spans) in sections {
            for span in spans where !names.contains(span.name) {
                Issue.record(
                    "docs/PLAINTEXT.md, “\(title)”: `\(span.name) = \(span.value)` is not a threshold in the code")
            }
        }
    }
}

// MARK: - Where each draws its line

/// Reads plain text with the reader alone (no analysers).
private func read(_ text: String) throws -> Article {
    try #require(try PlainTextReader().read(ReaderInput(string: text, file: "t.txt"), options: .default).articles.first)
}

/// `count` distinct words: `Word1 word2 word3…`.
private func words(_ count: Int) -> String {
    (1...count).map { $0 == 1 ? "Word1" : "word\($0)" }.joined(separator: " ")
}

private let title = "Harbour Plan Approved\n\n"
private let intro = "The council met on Tuesday and agreed the plan.\n\n"
private let ending = "The vote was close.\n"

@Suite("Plain-text reader threshold boundaries")
struct PlainTextThresholdBoundaryTests {
    typealias Limits = PlainTextThresholds

    @Test("A tab in the indentation counts tabWidth columns")
    func tabWidth() {
        #expect(TextLine.lines(of: "\tText").first?.indent == Limits.tabWidth)
    }

    @Test("Lines: plain spaces trimmed, odd spaces made plain, invisible ones dropped, numbered from 1")
    func cleanedLines() {
        let lines = TextLine.lines(
            of: "  Caf\u{E9} “au lait”  \n\u{3000}Wide\u{00A0}space\u{200B}less \t end\u{2060}\n\n\u{FEFF}x\u{00AD}y\n")
        #expect(lines.map(\.text) == ["Caf\u{E9} “au lait”", "Wide spaceless   end", "", "xy", ""])
        #expect(lines.map(\.indent) == [2, 1, 0, 0, 0])
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5])
        #expect(TextLine.lines(of: "").map(\.text) == [""])
    }

    @Test("The byte test for cleaning finds exactly the scalars cleaning changes")
    func cleaningBytes() {
        var scalars = (UInt32(0)...0xFFFF).compactMap(Unicode.Scalar.init)
        scalars += [0x1_0000, 0x1_F600, 0xE_0001, 0x10_FFFF].compactMap(Unicode.Scalar.init)
        for scalar in scalars where scalar != " " && scalar != "\n" {
            var line = "a\(scalar)b"
            let found = line.withUTF8 { TextLine.needsCleaning($0) }
            #expect(found == (TextLine.cleaning(of: scalar) != .keep), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("A Related header is dropped with its links within listHeaderWindow lines of the end")
    func listHeaderWindow() throws {
        func boilerplate(links: Int) throws -> JSONValue? {
            let list = (1...links).map { "Link number \($0)\n" }.joined()
            return try read(title + intro + ending + "\nRelated stories\n" + list).extensions["boilerplate"]
        }
        let inside = try boilerplate(links: Limits.listHeaderWindow - 1)
        guard case .array(let dropped) = inside else { Issue.record("nothing dropped"); return }
        #expect(dropped.first == .string("Related stories"))
        #expect(try boilerplate(links: Limits.listHeaderWindow) == nil)
    }

    @Test("A line of at most maxBylineLineBytes bytes may be byline and date parts; a longer one is text")
    func maxBylineLineBytes() throws {
        func bylines(bytes: Int) throws -> [String] {
            let dates = String(repeating: " | 7 November 2017", count: 3)
            let pad = String(repeating: " ", count: bytes - "By Jane Doe".utf8.count - dates.utf8.count)
            let line = "By Jane Doe" + pad + dates
            #expect(line.utf8.count == bytes)
            return try read(title + line + "\n\n" + intro).bylines.map(\.name)
        }
        #expect(try bylines(bytes: Limits.maxBylineLineBytes) == ["Jane Doe"])
        #expect(try bylines(bytes: Limits.maxBylineLineBytes + 1) == [])
    }

    @Test("A first line ending with a full stop is a title up to maxPunctuatedTitleWords words")
    func punctuatedTitleWords() throws {
        #expect(try read(words(Limits.maxPunctuatedTitleWords) + ".\n\n" + intro).headline != nil)
        #expect(try read(words(Limits.maxPunctuatedTitleWords + 1) + ".\n\n" + intro).headline == nil)
        #expect(try read(words(Limits.minPunctuatedTitleWords) + ".\n\n" + intro).headline != nil)
        #expect(try read(words(Limits.minPunctuatedTitleWords - 1) + ".\n\n" + intro).headline == nil)
    }

    @Test("A short line standing alone is a heading up to maxHeadingWords words")
    func headingWords() throws {
        #expect(try read(title + intro + words(Limits.maxHeadingWords) + "\n\n" + ending).body[1].kind == .heading)
        #expect(
            try read(title + intro + words(Limits.maxHeadingWords + 1) + "\n\n" + ending).body[1].kind == .paragraph)
    }

    @Test("A standalone quotation after plain text is a pull quote of minPullQuoteWords to maxPullQuoteWords words")
    func pullQuoteWords() throws {
        func kind(_ count: Int) throws -> Block.Kind {
            try read(title + intro + "“" + words(count) + "”\n\n" + ending).body[1].kind
        }
        #expect(try kind(Limits.maxPullQuoteWords) == .pullQuote)
        #expect(try kind(Limits.maxPullQuoteWords + 1) == .paragraph)
        #expect(try kind(Limits.minPullQuoteWords) == .pullQuote)
        #expect(try kind(Limits.minPullQuoteWords - 1) == .paragraph)
    }

    @Test("Lines longer than maxWrappedLineLength are scraped text: one paragraph each")
    func maxWrappedLineLength() {
        func paragraphs(width: Int) -> Int {
            let lines = [String(repeating: "a", count: width), "End."].enumerated().map {
                TextLine(text: $0.element, number: $0.offset + 1, indent: 0)
            }
            return PlainTextArticleBuilder.paragraphs(lines).count
        }
        #expect(paragraphs(width: Limits.maxWrappedLineLength) == 1)
        #expect(paragraphs(width: Limits.maxWrappedLineLength + 1) == 2)
    }

    @Test("In wrapped text a sentence ends its paragraph when shorter than wrapRatioPercent of the width")
    func wrapRatioPercent() {
        let width = Limits.maxWrappedLineLength
        // The shortest length that is not under the ratio.
        let limit = (width * Limits.wrapRatioPercent + 99) / 100
        func paragraphs(sentence length: Int) -> Int {
            let texts = [String(repeating: "a", count: length - 1) + ".", String(repeating: "b", count: width), "End."]
            let lines = texts.enumerated().map { TextLine(text: $0.element, number: $0.offset + 1, indent: 0) }
            return PlainTextArticleBuilder.paragraphs(lines).count
        }
        #expect(paragraphs(sentence: limit - 1) == 2)
        #expect(paragraphs(sentence: limit) == 1)
    }

    @Test("List numbers have at most maxListNumberDigits digits; rules at least minRuleMarks marks")
    func listNumbersAndRules() {
        let digits = String(repeating: "1", count: Limits.maxListNumberDigits)
        #expect(LineClassifier.bullet(digits + ". Item")?.ordered == true)
        #expect(LineClassifier.bullet(digits + "1. Item") == nil)
        #expect(LineClassifier.isRule(String(repeating: "-", count: Limits.minRuleMarks)))
        #expect(!LineClassifier.isRule(String(repeating: "-", count: Limits.minRuleMarks - 1)))
    }

    @Test("A dateline needs minDatelineRestLength characters after it")
    func datelineRest() {
        let rest = String(repeating: "a", count: Limits.minDatelineRestLength)
        #expect(Dateline.parse(openingOf: "ISLAMABAD: " + rest)?.dateline.place == "ISLAMABAD")
        #expect(Dateline.parse(openingOf: "ISLAMABAD: " + String(rest.dropFirst())) == nil)
    }

    @Test("A dateline's agency is minDatelineAgencyLength to maxDatelineAgencyLength long")
    func datelineAgency() {
        func parses(agency length: Int) -> Bool {
            let agency = String(repeating: "A", count: length)
            return Dateline.parse(openingOf: "PORT ELLIS, June 12 (\(agency)) — The harbour reopened on Monday.") != nil
        }
        #expect(parses(agency: Limits.maxDatelineAgencyLength))
        #expect(!parses(agency: Limits.maxDatelineAgencyLength + 1))
        #expect(parses(agency: Limits.minDatelineAgencyLength))
        #expect(!parses(agency: Limits.minDatelineAgencyLength - 1))
    }

    @Test("A dateline's place: first word length, words before a dash or a colon, region words")
    func datelinePlace() {
        let rest = "The harbour reopened on Monday."
        func place(_ count: Int) -> String { (0..<count).map { _ in "PORT" }.joined(separator: " ") }
        let word = String(repeating: "X", count: Limits.minDatelinePlaceWordLength)
        #expect(Dateline.parse(openingOf: word + ": " + rest) != nil)
        #expect(Dateline.parse(openingOf: String(word.dropFirst()) + ": " + rest) == nil)
        #expect(Dateline.parse(openingOf: place(Limits.maxDatelinePlaceWords) + " — " + rest) != nil)
        #expect(Dateline.parse(openingOf: place(Limits.maxDatelinePlaceWords + 1) + " — " + rest) == nil)
        #expect(Dateline.parse(openingOf: place(Limits.maxColonDatelinePlaceWords) + ": " + rest) != nil)
        #expect(Dateline.parse(openingOf: place(Limits.maxColonDatelinePlaceWords + 1) + ": " + rest) == nil)
        let region = (0..<Limits.maxDatelineRegionWords).map { _ in "Ill." }.joined(separator: " ")
        #expect(Dateline.parse(openingOf: "SPRINGFIELD, " + region + " — " + rest) != nil)
        #expect(Dateline.parse(openingOf: "SPRINGFIELD, " + region + " Ill. — " + rest) == nil)
    }
}
