// copydesk — ArticleModel tests
// Word lists: one per concept, and none repeats an entry (a repeat in a Swift set literal is
// silently dropped, so it hides a list that was edited in two places).

import ArticleTestSupport
import Foundation
import Testing

@testable import ArticleModel

@Suite("Word lists")
struct LexiconTests {
    @Test("The shared lists repeat no entry, and agree with each other")
    func sharedLists() {
        for (name, words) in Lexicon.lists {
            var seen: Set<String> = []
            let repeated = words.filter { !seen.insert($0).inserted }
            #expect(repeated.isEmpty, "\(name) repeats \(repeated)")
            #expect(words.allSatisfy { $0 == $0.lowercased() && !$0.hasSuffix(".") }, "\(name): lowercase, no period")
        }
        #expect(Lexicon.monthNumbers["sept"] == 9 && Lexicon.monthNumbers["may"] == 5)
        #expect(Lexicon.monthNames.count == 12)
        // `monthNumber` skips words of other lengths: every month word must be within them.
        for (word, month) in Lexicon.monthList { #expect(Lexicon.monthNumber(word) == month, "\(word)") }
        #expect(Lexicon.monthNumber("mayor") == nil && Lexicon.monthNumber("ma") == nil)
        #expect(
            Lexicon.monthAbbreviations == [
                "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            ])
    }

    /// Openings are matched as prefixes, so one that another opening already starts would never be
    /// the one that matches: it is dead weight in the list.
    @Test("No furniture opening is covered by a shorter one")
    func openingsNotCovered() {
        let openings = Lexicon.furnitureOpeningList
        var covered: [String] = []
        for opening in openings {
            let shorter = openings.filter { $0 != opening && opening.hasPrefix($0) }
            // The matcher's rule: an opening that ends with a letter needs a non-letter after it.
            if shorter.contains(where: {
                $0.last?.isLetter != true || opening.dropFirst($0.count).first?.isLetter != true
            }) {
                covered.append(opening)
            }
        }
        #expect(covered.isEmpty, "covered by a shorter opening: \(covered)")
        #expect(Lexicon.furnitureOpening("Follow us on Mastodon") == "follow us")
        #expect(Lexicon.furnitureOpening("Subscribe to our newsletter") == "subscribe to")
        #expect(Lexicon.furnitureOpening("Followers of the team gathered") == nil)
    }

    /// Every string literal of a word table written as a set (`Set<String> = [ … ]` or `Set([ … ])`)
    /// in the sources, by file and table.
    static func wordTables() throws -> [(place: String, words: [String])] {
        let root = TestPaths.packageRoot.appendingPathComponent("Sources")
        let opening = try Regex(#"(?:static|let|var)[^=\n]*?(?:Set<String>\s*=\s*(?:Set\()?\[|=\s*Set\(\[)"#)
        let literal = try Regex(#""((?:[^"\\]|\\.)*)""#)
        var tables: [(String, [String])] = []
        for file in TestPaths.sourceFiles() {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: opening) {
                // The literal runs to the bracket that closes the one the match ended on.
                var depth = 1
                var end = match.range.upperBound
                while end < text.endIndex, depth > 0 {
                    if text[end] == "[" { depth += 1 }
                    if text[end] == "]" { depth -= 1 }
                    end = text.index(after: end)
                }
                let body = text[match.range.upperBound..<end]
                let words = body.matches(of: literal).map { String($0.output[1].substring ?? "") }
                let line = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
                if words.count > 1 { tables.append(("\(file):\(line)", words)) }
            }
        }
        return tables
    }

    @Test("No word table in the sources repeats an entry")
    func noRepeats() throws {
        let tables = try Self.wordTables()
        #expect(tables.count > 20, "the scan finds the word tables")
        var problems: [String] = []
        for (place, words) in tables {
            var seen: Set<String> = []
            let repeated = words.filter { !seen.insert($0).inserted }
            if !repeated.isEmpty { problems.append("\(place) repeats \(repeated.joined(separator: ", "))") }
        }
        #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
    }

    @Test("Month names are ASCII (the date finder passes over words outside ASCII without looking them up)")
    func monthsAreASCII() {
        for month in Lexicon.months { #expect(month.utf8.allSatisfy { $0 < 0x80 }, "\(month)") }
        #expect(Lexicon.monthNumber("ноябрь") == nil)
    }
}
