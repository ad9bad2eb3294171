// copydesk — example
// An HTML page to NewsML-G2, checked against the strict profile, with its quotes listed: the
// library's public API, as docs/ and the DocC catalog's "Getting started" show it.
//
// Usage: convert-and-check PAGE.html OUT.xml

import CopydeskKit
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: convert-and-check PAGE.html OUT.xml\n".utf8))
    exit(64)
}

do {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: arguments[1])))
    let input = ReaderInput(bytes: bytes, file: arguments[1])
    let pipeline = Pipeline(validator: Validator(configuration: try .profile(named: "strict")))

    // Read: the content says which format it is.
    let (format, read) = try pipeline.read(input, from: nil)
    print("read \(read.articles.count) article(s) as \(format.name)")

    // Check: findings at their line and column in the page.
    for finding in pipeline.check(read, input: input, format: format) { print(finding) }

    // The quotes, with their speakers and where they stand.
    let article = read.articles[0]
    for quote in article.quotes {
        let blocks = article.quoteAnchors[quote.id]?.map(\.blockIndex) ?? []
        print("\(quote.id) \(quote.speaker?.name ?? "(no speaker)") in block \(blocks): \(quote.text)")
    }

    // Write NewsML-G2; what it cannot hold is said, never dropped in silence.
    guard let newsml = FormatRegistry.format(named: "newsml") else { exit(70) }
    let written = try pipeline.write(read.articles, format: newsml)
    for warning in written.diagnostics { print(warning) }
    try Data(written.bytes).write(to: URL(fileURLWithPath: arguments[2]))
    print("wrote \(arguments[2])")
} catch let error as CopydeskError {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(error.exitCode)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(2)
}
