// copydesk — ArticleFormats / plain-text reader
// Quotes set apart: blockquotes, pull quotes and their dash attributions.

import ArticleModel

// MARK: - Quotes set apart

extension PlainTextArticleBuilder {
    // MARK: Blockquotes

    /// A run of `>` lines, with a last line `— Name, role` as its attribution.
    mutating func addBlockquote(_ run: [TextLine]) {
        var texts: [String] = []
        for line in run {
            texts.append(String(line.text.drop { $0 == ">" || $0 == " " }))
        }
        var attribution: String?
        if let last = texts.last, let name = Self.dashAttribution(last) {
            attribution = name
            texts.removeLast()
        }
        let content = texts.filter { !$0.isEmpty }.joined(separator: " ")
        var location = run[0].location(file: file)
        location.column += 2
        article.body.append(.blockquote(Blockquote([.text(content)], attribution: attribution, location: location)))
    }

    // MARK: Dash attributions

    /// `— Jane Doe, mayor` → `Jane Doe, mayor`.
    static func dashAttribution(_ text: String) -> String? {
        guard let first = text.first, first == "—" || first == "–" || text.hasPrefix("--") || text.hasPrefix("- ")
        else { return nil }
        var name = String(text.drop { $0 == "—" || $0 == "–" || $0 == "-" || $0 == " " })
        // A name, optionally with a lowercase role after a comma: "Ana Ruiz, harbourmaster"; the
        // line may end with a period (`- Ruiz.`).
        if name.hasSuffix("."), !LineClassifier.looksLikeNames(String(name.prefix { $0 != "," })) {
            name.removeLast()
        }
        let namePart = String(name.prefix { $0 != "," })
        guard !name.isEmpty, name.count <= PlainTextThresholds.maxAttributionLength,
            Words.split(name).count <= PlainTextThresholds.maxAttributionWords,
            LineClassifier.looksLikeNames(namePart)
        else { return nil }
        return name
    }

    /// Gives the pull quote or blockquote just added its attribution, when it has none; a quotation
    /// standing alone as a paragraph becomes a pull quote with it.
    mutating func setAttributionOfLastQuote(_ attribution: String) -> Bool {
        switch article.body.last {
        case .pullQuote(var quote) where quote.attribution == nil:
            quote.attribution = attribution
            article.body[article.body.count - 1] = .pullQuote(quote)
            return true
        case .blockquote(var quote) where quote.attribution == nil:
            quote.attribution = attribution
            article.body[article.body.count - 1] = .blockquote(quote)
            return true
        case .paragraph(let paragraph):
            // A sentence quoted on its own, then `— Name`: set apart after all, with its speaker.
            guard let quote = fullQuotation(paragraph.content.plainText), quote.attribution == nil else { return false }
            article.body[article.body.count - 1] = .pullQuote(
                PullQuote([.text(quote.content)], attribution: attribution, location: paragraph.location))
            return true
        default:
            return false
        }
    }

    // MARK: Pull quotes

    /// A paragraph that is one quotation from its first mark to its last, optionally followed by
    /// `— Name`: its words without the marks and the attribution.
    func fullQuotation(_ text: String) -> (content: String, attribution: String?, sentence: Bool)? {
        guard let open = text.first, Marks.opening.contains(open) else { return nil }
        let afterOpen = text.dropFirst()
        if open == "'" || open == "‘", afterOpen.first?.isNumber == true { return nil }  // '90s
        let closers = Marks.closers(for: open)
        // The last closing mark, after which only punctuation and an attribution may follow.
        guard let close = afterOpen.lastIndex(where: { closers.contains($0) }) else { return nil }
        let inner = afterOpen[..<close]
        // One quotation only: no other quotation mark inside (apostrophes between letters are fine).
        if open == "‘" || open == "'" {
            let scalars = Array(inner)
            for (index, character) in scalars.enumerated() where closers.contains(character) || character == open {
                let before = index > 0 ? scalars[index - 1] : " "
                let after = index + 1 < scalars.count ? scalars[index + 1] : " "
                if !(before.isLetter && (after.isLetter || after == " " && before == "s")) { return nil }
            }
        } else if inner.contains(where: { $0 == open || closers.contains($0) }) {
            return nil
        }
        let content = String(inner).trimmingWhitespace()
        var tail = String(afterOpen[afterOpen.index(after: close)...]).trimmingWhitespace()
        while let first = tail.first, ".,!?".contains(first) { tail.removeFirst() }
        tail = tail.trimmingWhitespace()
        var attribution: String?
        if !tail.isEmpty {
            guard let name = Self.dashAttribution(tail) else { return nil }
            attribution = name
        }
        guard content.split(separator: " ").count >= PlainTextThresholds.minPullQuoteWords else { return nil }
        let sentence = attribution == nil && content.last.map { ".!?".contains($0) } ?? false
        return (String(content.trimmingSuffix { $0 == "." || $0 == "," }), attribution, sentence)
    }

    /// A standalone quotation is a pull quote when it repeats words found elsewhere, or when it
    /// does not continue a paragraph that quoted someone (then it is a quote running on).
    mutating func isPullQuote(_ content: String, sentence: Bool) -> Bool {
        // ASCII case folding is enough to match a quote's words at the start of a sentence.
        func fold(_ text: String) -> [UInt8] { text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 } }
        if foldedText == nil { foldedText = fold(lines.map(\.text).joined(separator: " ")) }
        let foldedText = foldedText!
        let needle = fold(content)
        // The search for a repeat is bounded in total, so a file of thousands of quoted paragraphs
        // stays linear; past the budget the other signals decide.
        if repeatSearchBytesLeft > 0 {
            repeatSearchBytesLeft -= foldedText.count
            if let first = Self.firstIndex(of: needle, in: foldedText, from: 0),
                Self.firstIndex(of: needle, in: foldedText, from: first + needle.count) != nil
            {
                return true
            }
        }
        guard case .paragraph = article.body.last else { return true }
        // A quotation introduced by the paragraph before ("… issued the following statement:"),
        // running on from it, or following a paragraph that quotes or names a speaker ("Petrov
        // said the workers…") belongs to the text.
        if lastParagraphText.hasSuffix(":") || Marks.openDoubleQuotes(in: lastParagraphText)
            || Marks.containsQuotation(lastParagraphText) || Self.hasReportingVerb(lastParagraphText)
        {
            return false
        }
        // A pull quote repeats the text or is a phrase (`Harbours are for everyone`); whole sentences
        // quoted once, between paragraphs, are the story's quotation (`"We need someone who will
        // cut through it."` after a paragraph about its speaker).
        if sentence { return false }
        // Pull quotes are short; a long quoted paragraph is a statement quoted in full.
        return Words.split(content).count <= PlainTextThresholds.maxPullQuoteWords
    }

    private static let reportingVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "explained", "stated", "according",
        "insisted", "warned", "argued", "claimed", "noted", "wrote", "writes", "replied", "recalled", "admitted",
    ]

    /// Whether a paragraph reports speech ("…, Petrov said."), so a quotation after it continues it.
    static func hasReportingVerb(_ text: String) -> Bool {
        Words.split(text).contains { reportingVerbs.contains($0.lowercased()) }
    }

    /// Where `needle` first occurs in `haystack` at or after `start` (byte comparison).
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let head = needle.first, needle.count <= haystack.count else { return needle.isEmpty ? start : nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == head, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
