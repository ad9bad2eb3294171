// copydesk — ArticleFormats tests
// The HTML reader's body extraction scored on the shared page datasets with the shared scorer.
// Skips without ../shared (or without python3); fails below each dataset's floor. The floors sit
// just under today's development scores (docs/HTML.md, "Quality, measured"), so a change that
// loses ground on any dataset fails here; `make eval-html` measures the anchors beside them.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

private let scorer = TestPaths.shared?.appendingPathComponent("tools/eval_extraction.py")
private let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// The body as the scorer wants it: body blocks only (no headline, no captions), one per paragraph.
/// `scripts/eval-html.py` (`body_text`, `DEFAULT_DATASETS`) does the same: change both together.
func scoringText(_ article: Article) -> String {
    article.body.compactMap { block -> String? in
        switch block {
        case .image, .rule: return nil
        case .list(let list): return list.items.map(\.content.plainText).joined(separator: "\n")
        default: return block.plainText
        }
    }.joined(separator: "\n\n")
}

/// A dataset under ../shared and the F1 its development half must keep.
struct HTMLDataset: Sendable, CustomTestStringConvertible {
    var name: String
    var path: String
    var floor: Double
    var testDescription: String { "\(name) (F1 ≥ \(floor))" }
}

private let datasets = [
    HTMLDataset(name: "scrapinghub", path: "corpus/html", floor: 0.975),
    HTMLDataset(name: "google-trends-2017", path: "corpus/html-more/google-trends-2017", floor: 0.85),
    HTMLDataset(name: "dragnet", path: "corpus/html-more/dragnet", floor: 0.94),
]

@Suite(
    "HTML corpus score",
    .enabled(if: TestPaths.shared != nil, Comment(rawValue: TestPaths.sharedMissing)),
    .enabled(if: python != nil, "python3 is not installed: skipping the shared scorer"))
struct HTMLCorpusTests {
    @Test("Body extraction F1 on each shared dataset stays at its floor", arguments: datasets)
    func corpusScore(_ dataset: HTMLDataset) throws {
        let folder = try #require(TestPaths.shared).appendingPathComponent(dataset.path)
        guard FileManager.default.fileExists(atPath: folder.path) else {
            // A partial ../shared: say so rather than pass silently.
            Issue.record("\(folder.path) is missing from ../shared")
            return
        }
        let output = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let inputs = TestPaths.files(in: folder, extensions: ["html"])
        #expect(inputs.count >= 80)
        let reader = HTMLReader()
        for page in inputs {
            let bytes = [UInt8](try Data(contentsOf: page))
            let text =
                try reader.read(ReaderInput(bytes: bytes, file: page.lastPathComponent), options: .default)
                .articles.first.map(scoringText) ?? ""
            let id = page.deletingPathExtension().lastPathComponent
            try Data(text.utf8).write(to: output.appendingPathComponent(id + ".txt"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(python))
        process.arguments = [
            try #require(scorer).path, folder.appendingPathComponent("ground-truth.json").path, output.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // Last line: "F1 0.912 precision 0.930 recall 0.895 pages 120 missing 0"
        let last = try #require(report.split(separator: "\n").last)
        let fields = last.split(separator: " ")
        let f1 = try #require(fields.count > 1 ? Double(fields[1]) : nil, "unexpected scorer output: \(report)")
        #expect(f1 >= dataset.floor, "\(dataset.name): body extraction F1 \(f1) is below \(dataset.floor): \(last)")
    }
}
