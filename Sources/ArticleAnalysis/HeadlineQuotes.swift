// copydesk — ArticleAnalysis
// Quotations in the headline, and who says them by the conventions headlines follow.

import ArticleModel

extension QuoteAnalyzer {
    /// Words of a headline's lead at most this long name its speaker (`Rush Limbaugh: …`).
    static let headlineLeadWords = 6
    /// A person the body quotes speaks a headline quotation when named among its first words.
    static let headlineSubjectWords = 4

    /// The quotations in the headline, as `.headline` quotes without ids: every span in quotation
    /// marks (headlines quote in single marks as often as in double ones, and keep their words
    /// short, so the body's rule for short quotations does not apply), except a title-case one in
    /// a headline otherwise in sentence case (`Joyner Lucas video for 'I'm Not Racist' divides
    /// opinion`: a title). The speaker, by the headline's conventions:
    ///
    /// - a person the body quotes, named by surname among the first words of the headline, or of
    ///   the lead before a colon (`Christie Calls Rival ‘A Disgrace’`: the body's Chris Christie);
    /// - else the lead before a colon: all of it when it is up to three capitalised words, or its
    ///   capitalised words up to a preposition or reporting verb (`Obama on climate: …`: Obama),
    ///   or after a determiner or preposition that opens it (`A lesson from Lynch: ‘…’`: Lynch);
    ///   not when a noun follows them (`Bubonic plague: …`);
    /// - else, after the quotation, one to five capitalised words and a reporting verb (`‘…,’
    ///   Howard Dean Tells Convention`: Howard Dean);
    /// - else the speaker of a body quotation the headline repeats (`inherited`, as set-apart
    ///   quotes take theirs).
    ///
    /// A headline quotation still without a speaker is left out: in a headline, quotation marks
    /// around unattributed words mark a title or a phrase more often than speech.
    static func headlineQuotes(in article: Article) -> [Quote] {
        guard let headline = article.headline, !headline.isEmpty else { return [] }
        let chars = headline.characterArray
        let spans = QuoteScanner.scan([chars])
        guard !spans.isEmpty else { return [] }
        let direct = article.quotes.filter { $0.kind == .direct && $0.speaker != nil }
        let people = direct.filter { $0.attribution != .pronoun }.compactMap(\.speaker)
        let opens = spans.map(\.open)
        return spans.compactMap { span -> Quote? in
            let text = span.text.trimmingWhitespace()
            guard text.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
            if QuotedSpan.isTitle(text) {
                var outside = chars
                outside.removeSubrange(span.open..<span.close)
                let words = String(outside).split(whereSeparator: { $0.fastIsWhitespace })
                let lowerMajor = words.contains { word in
                    guard let first = word.first, first.isLetter else { return false }
                    return first.isLowercase && !QuotedSpan.minorWords.contains(String(word))
                }
                if lowerMajor { return nil }
            }
            if let speaker = headlineSpeaker(before: span.open, in: chars, opens: opens, people: people)
                ?? trailingHeadlineSpeaker(after: span.close, in: chars)
            {
                return Quote(id: "", text: text, speaker: speaker, kind: .headline, attribution: .explicit)
            }
            guard let source = repeated(text, among: direct) else { return nil }
            return Quote(
                id: "", text: text, speaker: source.speaker, cue: source.cue, kind: .headline,
                attribution: .inherited)
        }
    }

    /// The speaker of a headline quotation opening at `open`, by the rules of `headlineQuotes`;
    /// `opens`: where the headline's quotations open (a lead holding one names no speaker).
    static func headlineSpeaker(
        before open: Int, in chars: [Character], opens: [Int], people: [Speaker]
    ) -> Speaker? {
        let prefix = chars[..<open]
        var lead = prefix
        var hasColon = false
        var afterColon = prefix.startIndex
        if let colon = prefix.lastIndex(of: ":") {
            let before = prefix[..<colon]
            let count = headlineWords(before).count
            if count > 0, count <= headlineLeadWords, !opens.contains(where: { $0 < colon }) {
                lead = before
                hasColon = true
                afterColon = colon + 1
            }
        }
        var words = headlineWords(lead)
        if hasColon, let label = words.last, headlineLabels.contains(label.fastLowercased()),
            words.count == 1 || (words.count == 2 && ReportingVerbs.determiners.contains(words[0].fastLowercased()))
        {
            // A label (`Exclusive: …`, `The Latest: …`) names no one: the headline's subject follows it.
            words = headlineWords(prefix[afterColon...])
            hasColon = false
        }
        for (position, word) in words.prefix(headlineSubjectWords).enumerated() {
            if let person = people.first(where: { surname(of: $0.name) == word }) {
                // The mention: the surname and the words of the person's name printed before it.
                let nameWords = Set(person.name.split(separator: " ").map(String.init))
                var first = position
                while first > 0, nameWords.contains(words[first - 1]) { first -= 1 }
                return Speaker(name: person.name, mention: words[first...position].joined(separator: " "))
            }
        }
        // The capitalised words opening the lead before a colon, when a lowercase word (a verb,
        // `on`) or the colon ends them; after a determiner or preposition the lead opens with.
        guard hasColon else { return nil }
        var start = 0
        if let first = words.first?.fastLowercased(),
            ReportingVerbs.determiners.contains(first) || ReportingVerbs.prepositions.contains(first)
        {
            start =
                words.indices.dropFirst().first { index in
                    words[index].first?.isUppercase == true
                        && !ReportingVerbs.prepositions.contains(words[index].fastLowercased())
                } ?? words.count
        }
        var run: [String] = []
        for word in words[start...] {
            guard let first = word.first, first.isUppercase else { break }
            run.append(word)
        }
        // A run a noun follows is a topic (`Bubonic plague: …`), not a speaker.
        let next = start + run.count < words.count ? words[start + run.count].fastLowercased() : nil
        guard !run.isEmpty, run.count <= 3, !isFunctionWord(run[0]),
            next.map({ ReportingVerbs.prepositions.contains($0) || ReportingVerbs.cues.contains($0) }) ?? true
        else { return nil }
        let name = run.joined(separator: " ")
        return Speaker(name: name, mention: name)
    }

    /// The speaker a headline names after its quotation (`‘…,’ Howard Dean Tells Convention`): one
    /// to five capitalised words, then a reporting verb.
    static func trailingHeadlineSpeaker(after close: Int, in chars: [Character]) -> Speaker? {
        guard close < chars.count else { return nil }
        let words = headlineWords(chars[close...])
        guard let opening = words.first, !isFunctionWord(opening) else { return nil }
        for (index, word) in words.prefix(6).enumerated() {
            if index > 0, ReportingVerbs.cues.contains(word.fastLowercased()) {
                let name = words[..<index].joined(separator: " ")
                return Speaker(name: name, mention: name)
            }
            guard word.first?.isUppercase == true else { return nil }
        }
        return nil
    }

    /// Labels a headline opens with before a colon (`Exclusive: …`, `Watch: …`, a wire's running
    /// story `The Latest: …`), alone or after an article: a kind of story, not a speaker.
    static let headlineLabels: Set<String> = [
        "exclusive", "breaking", "watch", "video", "analysis", "opinion", "update", "updated", "live",
        "review", "interview", "editorial", "commentary", "photos", "report", "poll", "explainer",
        "factbox", "podcast", "column", "essay", "letters", "quiz", "recap", "preview", "listen",
        "latest",
    ]

    /// A pronoun, determiner or preposition, which opens no name (`She`, `One`, `A`).
    static func isFunctionWord(_ word: String) -> Bool {
        let lower = word.fastLowercased()
        return ReportingVerbs.pronouns.contains(lower) || ReportingVerbs.determiners.contains(lower)
            || ReportingVerbs.prepositions.contains(lower) || QuotedSpan.minorWords.contains(lower)
    }

    /// A headline's words, without the punctuation around them or a possessive `’s`.
    static func headlineWords(_ text: ArraySlice<Character>) -> [String] {
        String(text).split(whereSeparator: { $0.fastIsWhitespace }).compactMap { piece in
            var word = String(piece.trimming { !$0.isLetter && !$0.isNumber && $0 != "." })
            if word.hasSuffix("’s") || word.hasSuffix("'s") { word.removeLast(2) }
            if word.hasSuffix(".") && !word.dropLast().contains(".") && word.count > 3 { word.removeLast() }
            return word.isEmpty ? nil : word
        }
    }

    /// The last word of a person's name, without trailing punctuation (`Jr.` kept out).
    static func surname(of name: String) -> String? {
        let words = name.split(separator: " ").map { String($0.trimming { !$0.isLetter }) }
            .filter { !$0.isEmpty && !["Jr", "Sr", "II", "III"].contains($0) }
        guard let last = words.last, last.count >= 2, last.first?.isUppercase == true else { return nil }
        return last
    }
}
