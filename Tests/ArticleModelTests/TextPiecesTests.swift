// copydesk — tests of splitting text on a literal separator.

import Foundation
import Testing

@testable import ArticleModel

@Suite("Text pieces")
struct TextPiecesTests {
    @Test("pieces(separatedBy:) gives components(separatedBy:)'s answer")
    func sameAsFoundation() {
        let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", ", ", " & ", "|", "é", "👩\u{200D}💻"]
        let texts = [
            "", " | ", " |  | ", "Story title | The Paper", "| leading", "trailing |", "a | | b", "a |b| c",
            "Prix – Édition — spéciale – fin", "no separator at all", "x - y - z - ", " - - ",
            "Smith, Jones, and Lee", "Ana Vela & Tom Oduya", "café | crème", "ééé", "a👩\u{200D}💻b👩\u{200D}💻",
            "a ::: b :: c", "— —  — ", "«Titre» » Le Site",
        ]
        for text in texts {
            for separator in separators {
                #expect(
                    text.pieces(separatedBy: separator) == text.components(separatedBy: separator),
                    "\(text) on \(separator)")
                let sub = text.dropFirst(0)
                #expect(sub.pieces(separatedBy: separator) == text.components(separatedBy: separator))
            }
        }
    }

    @Test("Examples")
    func examples() {
        #expect("a |  | b".pieces(separatedBy: " | ") == ["a", "", "b"])
        #expect("Title | Site".pieces(separatedBy: " | ") == ["Title", "Site"])
        #expect("plain".pieces(separatedBy: " | ") == ["plain"])
        #expect("".pieces(separatedBy: ", ") == [""])
        #expect("x, ".pieces(separatedBy: ", ") == ["x", ""])
        #expect("abc".pieces(separatedBy: "") == ["abc"])
    }
}
