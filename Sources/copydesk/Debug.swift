// copydesk — command-line front end
// `copydesk debug …`: hidden commands for the project's own tools (the speaker ranker's trainer).

import ArgumentParser
import CopydeskKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct Debug: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Commands for copydesk's own tools (not for users; their output may change).",
        shouldDisplay: false,
        subcommands: [SpeakerCandidatesCommand.self]
    )
}

/// `copydesk debug speaker-candidates`: reads plain text on standard input and prints, as one JSON
/// object, every attributed quotation's candidate speakers with their features and the ranker's
/// choice (scripts/train-speaker-ranker.py reads it; docs/SPEAKER-RANKER.md).
struct SpeakerCandidatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speaker-candidates",
        abstract: "Print the candidate speakers of each quotation in plain text read on standard input.",
        shouldDisplay: false
    )

    func run() throws {
        let bytes = try exitingOnError("debug speaker-candidates") { try Files.read("-") }
        // Every analyser the quote analyser relies on, then the quote analyser's candidates.
        let before = AnalysisPipeline.standard.analyzers.prefix { $0.name != QuoteAnalyzer().name }
        let pipeline = Pipeline(analysis: AnalysisPipeline(analyzers: Array(before)))
        let read = try exitingOnError("debug speaker-candidates") {
            try pipeline.read(ReaderInput(bytes: bytes, file: nil), from: "text")
        }
        var quotes: [QuoteDump] = []
        for article in read.result.articles {
            for choice in QuoteAnalyzer.speakerChoices(in: article) {
                let candidates = choice.candidates.map { candidate in
                    CandidateDump(
                        name: candidate.speaker.name, mention: candidate.speaker.mention ?? "",
                        attribution: candidate.attribution.rawValue, features: candidate.features)
                }
                quotes.append(QuoteDump(text: choice.quote, chosen: choice.chosen, candidates: candidates))
            }
        }
        let dump = Dump(
            model: SpeakerRanker.shipped.version, features: SpeakerFeature.allCases.map(\.name), quotes: quotes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        Files.writeStandardOutput(Array(try encoder.encode(dump)) + [UInt8(ascii: "\n")])
    }

    /// The printed object: `model`, `features` (their names, in order) and `quotes`.
    private struct Dump: Encodable {
        var model: String
        var features: [String]
        var quotes: [QuoteDump]
    }

    private struct QuoteDump: Encodable {
        var text: String
        var chosen: Int
        var candidates: [CandidateDump]
    }

    private struct CandidateDump: Encodable {
        var name: String
        var mention: String
        var attribution: String
        var features: [Double]
    }
}
