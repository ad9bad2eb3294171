// copydesk — ArticleFormats tests
// What the writer tests share: the samples as articles, text and bodies as the written formats
// give them back, and the escaping every writer of markup owes.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

// MARK: - Articles

/// Every article of the samples (and the kitchen sink), read and analysed as the pipeline reads them.
func sampleArticles() throws -> [(name: String, article: Article)] {
    let samples = TestPaths.files(
        in: TestPaths.packageRoot.appendingPathComponent("Samples"), extensions: ["txt", "html", "yaml", "md", "json"])
    let kitchenSink = TestPaths.packageRoot.appendingPathComponent(
        "Tests/ArticleFormatsTests/Fixtures/readers/kitchen-sink.json")
    var out: [(String, Article)] = []
    for url in samples + [kitchenSink] {
        let format = try #require(FormatRegistry.format(forPath: url.path))
        let read = try Pipeline().read(
            ReaderInput(bytes: [UInt8](try Data(contentsOf: url)), file: url.lastPathComponent), format: format)
        for (index, article) in read.articles.enumerated() {
            out.append(("\(url.lastPathComponent)#\(index)", article))
        }
    }
    return out
}

// MARK: - Text and bodies as written

/// Text as XML and HTML hold it: characters neither allows (controls, noncharacters) become U+FFFD.
func xmlSafe(_ text: String) -> String {
    String(
        String.UnicodeScalarView(
            text.unicodeScalars.map { scalar -> Unicode.Scalar in
                switch scalar.value {
                case 0x09, 0x0A, 0x0D: return scalar
                case 0x00...0x1F, 0x7F...0x9F, 0xFDD0...0xFDEF: return "\u{FFFD}"
                default: return scalar.value & 0xFFFE == 0xFFFE ? "\u{FFFD}" : scalar
                }
            }))
}

/// Blocks as an HTML body carries them: their kind and their text without its white space (HTML
/// folds and trims white space, around line breaks too); a block with no text is no block (an
/// image or a rule is one), and paragraphs in a row are one text (the HTML reader splits a
/// paragraph at `<br><br>`, as pages separate paragraphs).
func htmlCarried(_ blocks: [Block]) -> [String] {
    var out: [String] = []
    var previous: Block.Kind?
    for block in blocks {
        let entry: String
        switch block {
        case .image(let image): entry = "image \(image.src)"
        case .rule: entry = "rule"
        default:
            let text = String(xmlSafe(block.plainText).unicodeScalars.filter { !$0.properties.isWhitespace })
            if text.isEmpty { continue }
            if block.kind == .paragraph, previous == .paragraph, let last = out.popLast() {
                entry = last + text
            } else {
                entry = "\(block.kind) \(text)"
            }
        }
        previous = block.kind
        out.append(entry)
    }
    return out
}

/// The blocks with each run of white space in their text as one space, as HTML reads them.
func htmlFolded(_ blocks: [Block]) -> [Block] {
    var article = Article(body: blocks)
    article.rewriteInlines { inline in
        guard case .text(let text) = inline else { return [inline] }
        var out = ""
        for character in text {
            if character == " " || character == "\t" || character == "\n" {
                if !out.hasSuffix(" ") { out.append(" ") }
            } else {
                out.append(character)
            }
        }
        return [.text(out)]
    }
    return article.body
}

// MARK: - Escaping

/// Writes an article whose text holds markup, a forbidden character and a `javascript:` link, and
/// checks the writer escaped the markup, replaced the character and dropped the link with a
/// warning. Returns the written text, for a format's own checks.
@discardableResult
func expectMarkupEscaped(
    by write: (Article) throws -> WriteResult, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> String {
    let article = Article(
        headline: "Tom & Jerry <script>alert(1)</script>",
        body: [
            .paragraph(
                Paragraph([
                    .text("a\u{1}b ]]> -- <!-- "), .link(url: "javascript:alert(1)", content: [.text("click")]),
                ]))
        ])
    let written = try write(article)
    let text = String(decoding: written.bytes, as: UTF8.self)
    #expect(text.contains("Tom &amp; Jerry &lt;script&gt;"), sourceLocation: sourceLocation)
    #expect(!text.contains("<script>"), sourceLocation: sourceLocation)
    #expect(!text.contains("javascript:"), sourceLocation: sourceLocation)
    #expect(text.contains("a\u{FFFD}b ]]&gt; -- &lt;!-- click"), sourceLocation: sourceLocation)
    #expect(
        written.diagnostics.contains { $0.id == "conversion.dropped" && $0.message.contains("javascript") },
        sourceLocation: sourceLocation)
    #expect(written.diagnostics.contains { $0.id == "conversion.replaced" }, sourceLocation: sourceLocation)
    return text
}
