// copydesk — ArticleFormats tests
// Hostile XML for any reader of an XML format: an external entity naming a local file, and an
// entity-expansion bomb.

import ArticleModel
import Foundation
import Testing

/// Reads, with `read`, a document of the format whose headline is an external entity naming a
/// local file, and one whose headline is an entity bomb: the file's content never comes in, and
/// the bomb is refused or left unexpanded. `document` writes the format's document (its root
/// element named `root`) around a headline; a plain one must read back, so a refusal of the
/// document itself cannot pass for safety.
func expectHostileXMLHarmless(
    root: String, document: (_ headline: String) -> String, read: (String) throws -> [Article],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    #expect(try read(document("Plain headline")).first?.headline == "Plain headline", sourceLocation: sourceLocation)
    let secret = FileManager.default.temporaryDirectory.appendingPathComponent(
        "copydesk-secret-\(UUID().uuidString)")
    try Data("TOP-SECRET-CONTENT".utf8).write(to: secret)
    defer { try? FileManager.default.removeItem(at: secret) }
    let xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE \(root) [<!ENTITY x SYSTEM \"file://\(secret.path)\">]>\n"
        + document("&x;")
    let headline = (try? read(xxe))?.first?.headline ?? ""
    #expect(!headline.contains("TOP-SECRET"), sourceLocation: sourceLocation)
    var bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE \(root) [\n<!ENTITY a0 \"lollollollollollollollollollol\">\n"
    for level in 1...10 {
        bomb += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">\n"
    }
    bomb += "]>\n" + document("&a10;") + "\n"
    let expanded = try? read(bomb)
    #expect((expanded?.first?.headline?.count ?? 0) < 1_000_000, sourceLocation: sourceLocation)
}
