// copydesk — command-line tests
// `copydesk debug speaker-candidates`: the hidden command the speaker ranker's trainer reads.

import ArticleTestSupport
import Foundation
import Testing

@Suite("copydesk debug speaker-candidates")
struct DebugCommandTests {
    @Test("Plain text on stdin: the model, the feature names and each quotation's candidates as JSON")
    func speakerCandidates() throws {
        let text = """
            Harbour Plan Stalls

            Mayor Ana Ruiz opened the new pier on Monday.

            “The pier is finished at last,” she said.
            """
        let result = try CommandRunner.run(["debug", "speaker-candidates"], stdin: text)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let features = try #require(object["features"] as? [String])
        #expect(features.count == 43)
        #expect(features.first == "rule")
        #expect(object["model"] as? String == "4")
        let quotes = try #require(object["quotes"] as? [[String: Any]])
        #expect(quotes.count == 1)
        let quote = try #require(quotes.first)
        #expect(quote["text"] as? String == "The pier is finished at last,")
        #expect(quote["chosen"] as? Int == 0)
        let candidates = try #require(quote["candidates"] as? [[String: Any]])
        let first = try #require(candidates.first)
        #expect(first["name"] as? String == "Ana Ruiz")
        #expect(first["mention"] as? String == "she")
        #expect(first["attribution"] as? String == "pronoun")
        #expect((first["features"] as? [Double])?.count == features.count)
        #expect((first["features"] as? [Double])?.first == 1)
    }

    @Test("The debug commands are hidden from the help")
    func hidden() throws {
        let result = try CommandRunner.run(["--help"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("debug"))
        #expect(result.stdout.contains("convert"))
    }
}
