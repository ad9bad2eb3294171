// copydesk — ArticleValidation
// Rules about quotations: each has a speaker, its marks pair up, and pull quotes repeat the body.

import ArticleModel

// MARK: - quote.unattributed

/// A direct quotation nobody is credited with.
package struct QuoteUnattributedRule: Rule {
    package init() {}
    package var id: String { "quote.unattributed" }
    package var summary: String { "A direct quotation has no speaker." }
    package var documentation: String {
        """
        A direct quotation in running text with no speaker the quote analyser could find: no cue \
        verb beside it (`"…," she said`), no speaker label, no earlier speaker in the paragraph. \
        Readers must know who said it; an unattributed quote is also a legal risk. Not reported, \
        because they are not someone's words: titles of works and programmes in title case \
        (`''Tales From the Crypt,'' an HBO series`, `on WTMJ's “Midday with Charlie Sykes,”`), \
        and one or two words held up as a term or a scare quote (`having referred to him as a \
        "reformer."`). Nor the quotation that goes on, in the same paragraph, after one given to \
        a pronoun with no one named before (`“…,” she said. “…”`): that is one defect, \
        `quote.pronoun-speaker`'s finding.

        Fix: name the speaker next to the quote ("…," said Jane Doe), or paraphrase.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        // A pronoun with no one to refer to is quote.pronoun-speaker's finding. A title of a work
        // or a term in quotation marks is not someone's words: it needs no speaker.
        // A quotation whose marks do not pair up is quote.unbalanced's finding: one defect, one finding.
        let anchors = article.quoteAnchors
        let unbalanced = { (quote: Quote) -> Bool in
            anchors[quote.id]?.contains { anchor in
                guard anchor.blockIndex < article.body.count else { return false }
                let block = article.body[anchor.blockIndex]
                let text: String
                if case .list(let list) = block, let item = anchor.itemIndex, item < list.items.count {
                    text = list.items[item].content.plainText
                } else {
                    text = block.plainText
                }
                return QuoteUnbalancedRule.imbalance(in: text) != nil
            } ?? false
        }
        // The quotation after one given to an unresolved pronoun in the same paragraph goes on in
        // the same voice (“…,” she said. “…”): the pronoun is the one defect, reported once.
        var pronounBlocks: Set<Int> = []
        var continuing: Set<String> = []
        for quote in article.quotes {
            guard let block = anchors[quote.id]?.first?.blockIndex else { continue }
            if QuotePronounSpeakerRule.unresolvedPronoun(quote) != nil {
                pronounBlocks.insert(block)
            } else if quote.speaker == nil, pronounBlocks.contains(block) {
                continuing.insert(quote.id)
            }
        }
        return article.quotes.filter {
            $0.kind == .direct && $0.speaker == nil && $0.attribution != .pronoun && !QuotedSpan.isTitle($0.text)
                && !QuotedSpan.isTerm($0.text) && !unbalanced($0) && !continuing.contains($0.id)
        }.map { quote in
            finding(
                "quotation “\(TextChecks.shortened(quote.text, limit: 50))” has no speaker: say who said it",
                at: quote.location, context: context, excerpt: String(quote.text.prefix(30)))
        }
    }
}

// MARK: - quote.pronoun-speaker

/// A speaker left as a pronoun: no named person comes before.
package struct QuotePronounSpeakerRule: Rule {
    package init() {}
    package var id: String { "quote.pronoun-speaker" }
    package var summary: String { "A quotation's speaker is a bare pronoun with no named antecedent." }
    package var documentation: String {
        """
        The quote is attributed to `he`, `she` or `they` (`"…," she said`), and no person named \
        before it could be the one meant: the analyser found the pronoun but no one to resolve it \
        to, or the source gives the pronoun itself as the speaker. A reader cannot tell who spoke \
        either.

        Fix: name the speaker at the first quote ("…," said Jane Doe), then pronouns may follow.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        article.quotes.compactMap { quote in
            guard let pronoun = Self.unresolvedPronoun(quote) else { return nil }
            let who = pronoun == "a pronoun" ? pronoun : "'\(pronoun)'"
            return finding(
                "quotation “\(TextChecks.shortened(quote.text, limit: 50))” is attributed to \(who) "
                    + "with no one named before: name the speaker", at: quote.location, context: context,
                excerpt: String(quote.text.prefix(30)))
        }
    }

    /// The pronoun a quotation is left with (its speaker's name, or "a pronoun" when the analyser
    /// found one it could not resolve); nil when the speaker is named or absent.
    static func unresolvedPronoun(_ quote: Quote) -> String? {
        if let speaker = quote.speaker {
            return TextChecks.pronouns.contains(speaker.name.lowercased().trimmingWhitespace()) ? speaker.name : nil
        }
        return quote.attribution == .pronoun ? "a pronoun" : nil
    }
}

// MARK: - quote.pull-unmatched

/// A pull quote whose words are not in the body.
package struct PullQuoteUnmatchedRule: Rule {
    package init() {}
    package var id: String { "quote.pull-unmatched" }
    package var summary: String { "A pull quote does not repeat words from the body." }
    package var documentation: String {
        """
        A pull quote displays words the article quotes; one that matches nothing in the body was \
        edited after the body changed, or misquotes. Words are compared ignoring case, \
        punctuation and spacing; a pull quote that is an excerpt of a longer quote matches, and so \
        does one with words left out at an ellipsis (`…` or `...`).

        Fix: make the pull quote repeat the body's words exactly, or remove it.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        var bodyText = ""
        for block in article.body where block.kind != .pullQuote {
            bodyText += " " + TextChecks.comparisonKey(block.plainText)
        }
        bodyText += " "
        var found: [Diagnostic] = []
        for block in article.body {
            guard case .pullQuote(let pull) = block else { continue }
            let text = pull.content.plainText
            // An ellipsis marks words left out: each part must be in the body.
            let parts = text.replacingEllipses().split(separator: "…").map { TextChecks.comparisonKey(String($0)) }
                .filter { !$0.isEmpty }
            guard !parts.isEmpty, !parts.allSatisfy({ bodyText.contains(" " + $0 + " ") }) else { continue }
            found.append(
                finding(
                    "pull quote “\(TextChecks.shortened(text, limit: 50))” matches no words in the body: "
                        + "quote the body exactly or remove it", at: pull.location, context: context,
                    excerpt: String(text.prefix(30))))
        }
        return found
    }
}

// MARK: - quote.unbalanced

/// An opening quotation mark without its closing one, or the reverse.
package struct QuoteUnbalancedRule: Rule {
    package init() {}
    package var id: String { "quote.unbalanced" }
    package var summary: String { "A quotation mark is not closed, or closes nothing." }
    package var documentation: String {
        """
        In a paragraph or list item, a double quotation mark (`“`, `”`, `"`, `«`, `»`, `„`, `「`, `」`) has no \
        partner, so a reader cannot tell where the quote ends, and neither can the quote analyser. \
        Not reported, as an editor would not: a quotation that runs on into the next paragraph, \
        which opens with a quotation mark again (the normal convention); marks of mixed glyphs \
        that pair by where they stand (`"I prefer Kasich,” he said`, `“the best in the world“`); \
        a doubled mark (`““Radical…”`); inch marks after a digit (`6’2”`, `a 5" screen`). Single \
        quotes are not checked: they double as apostrophes.

        Fix: add the missing mark, or remove the stray one.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        var units: [(text: String, location: SourceLocation?)] = []
        for block in article.body {
            switch block {
            case .paragraph(let paragraph): units.append((paragraph.content.plainText, paragraph.location))
            case .list(let list): units += list.items.map { ($0.content.plainText, $0.location ?? list.location) }
            default: units.append(("", nil))
            }
        }
        var found: [Diagnostic] = []
        for (index, unit) in units.enumerated() where !unit.text.isEmpty {
            guard let problem = Self.imbalance(in: unit.text) else { continue }
            if problem.unclosed, index + 1 < units.count, Self.opensWithMark(units[index + 1].text) { continue }
            let what = problem.unclosed ? "is never closed" : "closes no open quotation"
            found.append(
                finding(
                    "quotation mark \(problem.mark) \(what): add the missing mark or remove the stray one",
                    at: unit.location, context: context, excerpt: problem.excerpt))
        }
        return found
    }

    /// The first mark without a partner: the mark, whether it opens, and the text from it.
    ///
    /// Double marks (`"`, `“`, `”`) pair by where they stand, not by their glyph, as an editor
    /// reads them: a mark after a space (or at the start, or after a bracket or dash) that
    /// touches a word opens; a mark after a word that is followed by a space, punctuation or the
    /// end closes; only a mark that could be either falls back on its glyph. So `"I prefer
    /// Kasich,” he said` and `“the best in the world“` pair up. A doubled mark (`““`) counts once;
    /// a mark after a digit is an inch mark (`6’2”`, `a 5" screen`). Guillemets (`«…»`, `»…«`),
    /// `„…“`, `„…”` and corner brackets (`「…」`, `『…』`) pair by glyph; a `»` between spaces is a
    /// separator (`Home » News`).
    static func imbalance(in text: String) -> (mark: String, unclosed: Bool, excerpt: String)? {
        let characters = Array(text)
        var open: [(mark: Character, index: Int)] = []
        let doubles: Set<Character> = ["\"", "“", "”"]
        func isSpace(_ index: Int) -> Bool {
            index < 0 || index >= characters.count || characters[index].isWhitespace
        }
        for (index, character) in characters.enumerated() {
            switch character {
            case "“" where open.last?.mark == "„", "”" where open.last?.mark == "„":
                // German „…“ and Polish or Hungarian „…”.
                open.removeLast()
            case "«" where open.last?.mark == "»" && !isSpace(index - 1):
                // German and Danish »…«.
                open.removeLast()
            case "«", "„", "「", "『":
                open.append((character, index))
            case "»" where open.last?.mark != "«":
                // `»Wort«` opens when a word follows at once; `Home » News` is a separator.
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                if after.isLetter || after.isNumber {
                    open.append((character, index))
                } else if !isSpace(index - 1) || !isSpace(index + 1) {
                    return (String(character), false, excerpt(characters, from: index))
                }
            case "»", "」", "』":
                let partner: Character = character == "»" ? "«" : character == "」" ? "「" : "『"
                guard let last = open.last, last.mark == partner else {
                    return (String(character), false, excerpt(characters, from: index))
                }
                open.removeLast()
            case "\"", "“", "”":
                // A doubled mark is one mark.
                if index > 0, doubles.contains(characters[index - 1]), characters[index - 1] == character { continue }
                // Inches after feet (`6’2”`), or after a digit when no quotation is open (`a 5" screen`;
                // but `the "Fight for 15" movement` closes).
                if index > 0, characters[index - 1].isNumber {
                    let feet =
                        index > 2 && (characters[index - 2] == "’" || characters[index - 2] == "'")
                        && characters[index - 3].isNumber
                    if feet || !open.contains(where: { doubles.contains($0.mark) }) { continue }
                }
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                let opensHere =
                    (isSpace(index - 1) || "([{—–-/:".contains(before)) && !isSpace(index + 1)
                let closesHere =
                    !isSpace(index - 1) && (isSpace(index + 1) || after.isPunctuation || after == "’")
                let opening: Bool
                if opensHere != closesHere {
                    opening = opensHere
                } else if character == "“" {
                    opening = true
                } else if character == "”" {
                    opening = false
                } else {
                    opening = !open.contains { doubles.contains($0.mark) }
                }
                if opening {
                    open.append((character, index))
                } else if let last = open.lastIndex(where: { doubles.contains($0.mark) }) {
                    open.remove(at: last)
                } else {
                    return (String(character), false, excerpt(characters, from: index))
                }
            default:
                continue
            }
        }
        if let first = open.first { return (String(first.mark), true, excerpt(characters, from: first.index)) }
        return nil
    }

    static func excerpt(_ characters: [Character], from index: Int) -> String {
        String(characters[index..<min(characters.count, index + 20)])
    }

    static func opensWithMark(_ text: String) -> Bool {
        guard let first = text.trimmingWhitespace().first else { return false }
        return first == "“" || first == "\"" || first == "«" || first == "„" || first == "»" || first == "「"
    }
}

extension String {
    /// Three full stops as one ellipsis character.
    fileprivate func replacingEllipses() -> String {
        split(separator: "...", omittingEmptySubsequences: false).joined(separator: "…")
    }
}
