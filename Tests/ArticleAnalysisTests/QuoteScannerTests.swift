// copydesk — ArticleAnalysis tests
// Quotation marks of other languages and their conventions, as the scanner reads them (fictional text).

import Testing

@testable import ArticleAnalysis

/// The quoted texts the scanner finds in these paragraphs, in order.
private func scanned(_ paragraphs: String...) -> [String] {
    QuoteScanner.scan(paragraphs.map { Array($0) }).map(\.text)
}

@Suite("Quote scanner: quotation marks of other languages")
struct QuoteScannerTests {
    @Test("German „…“ and ‚…‘ nested inside")
    func german() {
        #expect(scanned("Sie sagte: „Wir bleiben hier.“ Dann ging sie.") == ["Wir bleiben hier."])
        #expect(
            scanned("„Er rief ‚Halt!‘ und lief weg“, sagte die Zeugin.") == ["Er rief ‚Halt!‘ und lief weg"],
            "a single low mark inside a double one is nested, not a quotation of its own")
        #expect(scanned("Das Wort ‚Heimat‘ kam oft vor.") == ["Heimat"])
    }

    @Test("Polish and Hungarian „…” close with the high right mark")
    func polish() {
        #expect(scanned("Powiedział: „Nie zgadzam się”, i wyszedł.") == ["Nie zgadzam się"])
    }

    @Test("French « … » with inner no-break spaces, and ‹ … › inside")
    func french() {
        #expect(scanned("Elle a déclaré : « Nous restons ici. »") == ["Nous restons ici."])
        #expect(scanned("Il a dit\u{00A0}:\u{00A0}«\u{202F}C’est fini\u{202F}», puis il est parti.") == ["C’est fini"])
        #expect(
            scanned("« Il m’a dit ‹ jamais › et il est parti », raconte-t-elle.") == [
                "Il m’a dit ‹ jamais › et il est parti"
            ])
        #expect(scanned("Un seul ‹ mot › ici.") == ["mot"])
    }

    @Test("German and Danish »…« and ›…‹ open with the mark pointing right")
    func reversedGuillemets() {
        #expect(scanned("Er sagte: »Das ist gut.« Dann schwieg er.") == ["Das ist gut."])
        #expect(scanned("»Wir kommen wieder«, sagte sie, »ganz bestimmt.«") == ["Wir kommen wieder", "ganz bestimmt."])
        #expect(scanned("Han sagde ›nej‹ til det.") == ["nej"])
    }

    @Test("A right-pointing mark between spaces is a separator, not an opening mark")
    func separators() {
        #expect(scanned("Home » News » Politics").isEmpty)
        #expect(scanned("Start › Sport › Football").isEmpty)
        #expect(
            scanned("« Nous partons », dit-il. » Ceci reste seul") == ["Nous partons"],
            "French closing marks still close, and a stray closing mark opens nothing")
    }

    @Test("CJK corner brackets 「…」 and 『…』 nested inside")
    func cornerBrackets() {
        #expect(scanned("彼は「明日行きます」と言った。") == ["明日行きます"])
        #expect(scanned("彼女は「先生は『大丈夫』と言った」と話した。") == ["先生は『大丈夫』と言った"])
        #expect(scanned("『雪国』を読んだ。") == ["雪国"])
    }

    @Test("A quotation over two paragraphs continues under the same convention")
    func continuedParagraphs() {
        #expect(
            scanned("»Wir haben lange gewartet.", "»Jetzt ist es genug«, sagte er.")
                == ["Wir haben lange gewartet. Jetzt ist es genug"])
        #expect(
            scanned("„Wir haben lange gewartet.", "„Jetzt ist es genug“, sagte er.")
                == ["Wir haben lange gewartet. Jetzt ist es genug"])
    }
}
