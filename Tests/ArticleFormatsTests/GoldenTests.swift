// copydesk — ArticleFormats tests
// Reader goldens: every fixture and sample, read, analysed and written as canonical JSON.
// Regenerate on purpose with UPDATE_GOLDENS=1 swift test, and review the diff.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

/// Reads a file through the real pipeline (its format detected as `convert` detects it: a ninjs
/// `.json` file is ninjs) and writes canonical JSON, with `name` as the source file so goldens do
/// not depend on where the checkout is.
func convertToJSON(_ url: URL, as name: String) throws -> [UInt8] {
    let bytes = [UInt8](try Data(contentsOf: url))
    let format = try #require(
        try FormatRegistry.detect(path: url.path, bytes: bytes)?.format, "no reader for \(url.lastPathComponent)")
    let pipeline = Pipeline()
    let read = try pipeline.read(ReaderInput(bytes: bytes, file: name), format: format)
    return try pipeline.write(read.articles, format: FormatRegistry.format(named: "json")!).bytes
}

private let readerFixtures = TestPaths.packageRoot.appendingPathComponent("Tests/ArticleFormatsTests/Fixtures/readers")
private let sampleGoldens = TestPaths.packageRoot.appendingPathComponent("Tests/ArticleFormatsTests/Fixtures/samples")
private let samples = TestPaths.packageRoot.appendingPathComponent("Samples")

/// Reader inputs: every fixture whose extension a registered reader claims, except goldens.
private func readerInputs(in folder: URL) -> [URL] {
    let extensions = Set(FormatRegistry.formats.filter { $0.reader != nil }.flatMap(\.extensions))
    return TestPaths.files(in: folder, extensions: extensions).filter {
        !$0.lastPathComponent.hasSuffix(".article.json")
    }
}

@Suite("Reader goldens")
struct GoldenTests {
    @Test("Fixtures read to their golden canonical JSON", arguments: readerInputs(in: readerFixtures))
    func fixture(_ input: URL) throws {
        try checkGolden(input, goldens: readerFixtures, sourceName: "readers/")
    }

    @Test("Samples read to their golden canonical JSON", arguments: readerInputs(in: samples))
    func sample(_ input: URL) throws {
        try checkGolden(input, goldens: sampleGoldens, sourceName: "Samples/")
    }

    /// `NAME.EXT` read and written as canonical JSON must equal `NAME.article.json` in `goldens`.
    private func checkGolden(_ input: URL, goldens: URL, sourceName: String) throws {
        let golden = goldens.appendingPathComponent(input.deletingPathExtension().lastPathComponent + ".article.json")
        let output = try convertToJSON(input, as: sourceName + input.lastPathComponent)
        if let difference = Golden.check(output, against: golden) { Issue.record(Comment(rawValue: difference)) }
    }

    @Test("Every readable format has at least one golden fixture")
    func everyFormatHasAFixture() {
        let inputs = readerInputs(in: readerFixtures)
        for format in FormatRegistry.formats where format.reader != nil {
            let covered = inputs.contains { format.extensions.contains($0.pathExtension.lowercased()) }
            #expect(covered, "no reader fixture for \(format.name) in Tests/ArticleFormatsTests/Fixtures/readers")
        }
    }

    @Test("A golden read back through the JSON reader is the same article, and its JSON is then stable")
    func goldensAreStable() throws {
        let goldens = TestPaths.files(in: readerFixtures, extensions: ["json"])
            .filter { $0.lastPathComponent.hasSuffix(".article.json") }
        #expect(!goldens.isEmpty)
        let pipeline = Pipeline()
        let json = FormatRegistry.format(named: "json")!
        for golden in goldens {
            let bytes = [UInt8](try Data(contentsOf: golden))
            let expected = try decodeArticles(bytes)
            let read = try pipeline.read(ReaderInput(bytes: bytes, file: golden.lastPathComponent), format: json)
            #expect(read.articles == expected, "\(golden.lastPathComponent) reads to a different article")
            // Positions now point into the golden itself; a second pass changes nothing.
            let once = try pipeline.write(read.articles, format: json).bytes
            let reread = try pipeline.read(ReaderInput(bytes: once, file: golden.lastPathComponent), format: json)
            #expect(try pipeline.write(reread.articles, format: json).bytes == once)
        }
    }

    /// Articles decoded straight from canonical JSON with the model's Codable conformance.
    private func decodeArticles(_ bytes: [UInt8]) throws -> [Article] {
        let data = Data(bytes)
        if bytes.first == UInt8(ascii: "[") { return try JSONDecoder().decode([Article].self, from: data) }
        return [try JSONDecoder().decode(Article.self, from: data)]
    }
}
