// copydesk — ArticleAnalysis
// Finds the speaker a cue verb names next to a quotation: `"…," X said`, `said X`, `X said: "…"`.

import ArticleModel

// MARK: - Token

/// A word or a punctuation mark of the text around a quotation.
struct Token: Sendable, Hashable {
    let text: String
    let isWord: Bool

    /// The word lowercased, without a final period: made once, with the token (the analyser
    /// compares it with its word lists many times).
    let key: String

    init(text: String, isWord: Bool) {
        self.text = text
        self.isWord = isWord
        var lower = text.fastLowercased()
        if lower.utf8.last == UInt8(ascii: ".") { lower.removeLast() }
        self.key = lower
    }

    /// Whether the word ends in `'s` or `’s` (a possessive, or a contracted `is`).
    var isPossessive: Bool { key.hasSuffix("’s") || key.hasSuffix("'s") }

    /// The word lowercased without a contracted `'s` (`he's` → `he`), for pronouns.
    var pronounKey: String { isPossessive ? String(key.dropLast(2)) : key }

    /// Whether the word starts with a capital letter (or is an acronym).
    var isCapitalized: Bool { isWord && (text.first?.fastIsUppercase ?? false) }

    /// Whether this token ends a sentence.
    var endsSentence: Bool { !isWord && (text == "." || text == "!" || text == "?") }
}

// MARK: - Mention

/// A speaker as printed next to a cue.
struct Mention: Sendable, Hashable {
    /// `continuation`: no subject in the text, which goes on from the quotation before it
    /// (`…" and asking, "…"`): that quotation's speaker.
    enum Kind: Sendable { case name, pronoun, role, continuation }
    var text: String
    var kind: Kind
    var role: String?
    var cue: String
}

// MARK: - TokenizedText

/// A paragraph's tokens with the characters each was made of, so that the tokens of a part of
/// the paragraph (the text before a quotation, after it, between two) are cut from them instead
/// of tokenised again: the analyser reads each paragraph's text several times.
struct TokenizedText: Sendable {
    let chars: [Character]
    /// `SpeakerFinder.tokens(chars[...])`.
    let tokens: [Token]
    private var starts: [Int] = []
    private var ends: [Int] = []

    init(_ chars: [Character]) {
        self.chars = chars
        var tokens: [Token] = []
        var starts: [Int] = []
        var ends: [Int] = []
        SpeakerFinder.scan(chars[...]) { token, range in
            tokens.append(token)
            starts.append(range.lowerBound)
            ends.append(range.upperBound)
        }
        (self.tokens, self.starts, self.ends) = (tokens, starts, ends)
    }

    /// `SpeakerFinder.tokens(chars[range])`, cut from the paragraph's tokens when no token crosses
    /// the range's ends, else tokenised on its own. At the end, a token's reading looks one or two
    /// characters ahead; the only look past a bound that changes a token inside it is a period's
    /// look for a comma after it (`Ore.,`), so a range a comma follows is tokenised on its own.
    func tokens(in range: Range<Int>) -> [Token] {
        let first = Self.firstIndex(in: starts, notBelow: range.lowerBound)
        let last = Self.firstIndex(in: starts, notBelow: range.upperBound)
        let crossesStart = first > 0 && ends[first - 1] > range.lowerBound
        let crossesEnd = last > first && ends[last - 1] > range.upperBound
        let commaAfter = range.upperBound < chars.count && chars[range.upperBound] == ","
        if crossesStart || crossesEnd || commaAfter { return SpeakerFinder.tokens(chars[range]) }
        return Array(tokens[first..<max(first, last)])
    }

    /// The first index whose value is at least `bound` in ascending `values` (binary search).
    private static func firstIndex(in values: [Int], notBelow bound: Int) -> Int {
        var (low, high) = (0, values.count)
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < bound { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

// MARK: - SpeakerFinder

/// Reads the text before and after a quotation for a cue and its subject.
enum SpeakerFinder {
    // MARK: Tokenising

    /// Splits text into words (keeping `Mr.`, `U.S.`, initials and inner apostrophes and hyphens)
    /// and punctuation marks.
    static func tokens(_ chars: ArraySlice<Character>) -> [Token] {
        var out: [Token] = []
        scan(chars) { token, _ in out.append(token) }
        return out
    }

    /// The tokenizer: calls `emit` with each token and the range of characters it was made of.
    @inline(__always)
    static func scan(_ chars: ArraySlice<Character>, _ emit: (Token, Range<Int>) -> Void) {
        var index = chars.startIndex
        while index < chars.endIndex {
            let char = chars[index]
            if char.fastIsWhitespace {
                index += 1
                continue
            }
            if char.fastIsLetter || char.fastIsNumber {
                var end = index + 1
                while end < chars.endIndex {
                    let next = chars[end]
                    if next.fastIsLetter || next.fastIsNumber {
                        end += 1
                    } else if Self.joinsWord(next), end + 1 < chars.endIndex,
                        chars[end + 1].fastIsLetter || chars[end + 1].fastIsNumber
                    {
                        end += 2
                    } else {
                        break
                    }
                }
                var word = String(joining: chars[index..<end])
                if end < chars.endIndex, chars[end] == "." {
                    let lower = word.fastLowercased()
                    let initial = word.count == 1 && char.isUppercase
                    // `Eastbrook, Ore., a …`: a period a comma follows ends no sentence.
                    let beforeComma = end + 1 < chars.endIndex && chars[end + 1] == ","
                    if initial || beforeComma || Self.abbreviatedInParentheses(chars, closeAt: end + 1)
                        || ReportingVerbs.abbreviations.contains(lower) || lower.containsText(".")
                    {
                        word += "."
                        end += 1
                    }
                }
                emit(Token(text: word, isWord: true), index..<end)
                index = end
            } else {
                emit(Token(text: String(char), isWord: false), index..<(index + 1))
                index += 1
            }
        }
    }

    /// `Sen. Rand Paul (R-Ky.) said`: a period right before a closing parenthesis that the
    /// sentence goes on after (a lowercase word or a comma next) ends an abbreviation, not a
    /// sentence; `(He left.) Then …` still ends one.
    static func abbreviatedInParentheses(_ chars: ArraySlice<Character>, closeAt index: Int) -> Bool {
        guard index < chars.endIndex, chars[index] == ")" else { return false }
        var next = index + 1
        while next < chars.endIndex, chars[next].fastIsWhitespace { next += 1 }
        guard next < chars.endIndex else { return false }
        let char = chars[next]
        return char.isLowercase || char == "," || char == ";"
    }

    /// Marks that join two parts of a word: `'`, `’`, `-`, `.` (`don't`, `U.S`).
    static func joinsWord(_ char: Character) -> Bool {
        if let ascii = char.asciiByte {
            return ascii == UInt8(ascii: "'") || ascii == UInt8(ascii: "-") || ascii == UInt8(ascii: ".")
        }
        return char.singleScalar == "’"
    }

    /// The tokens after the last sentence end (the part of the sentence before a quotation).
    static func sentenceTail(_ tokens: [Token]) -> ArraySlice<Token> {
        sentenceTail(tokens[...])
    }

    static func sentenceTail(_ tokens: ArraySlice<Token>) -> ArraySlice<Token> {
        if let last = tokens.lastIndex(where: \.endsSentence) { return tokens[(last + 1)...] }
        return tokens
    }

    /// The tokens before the first sentence end (the part of the sentence after a quotation).
    static func sentenceHead(_ tokens: [Token]) -> ArraySlice<Token> {
        if let first = tokens.firstIndex(where: \.endsSentence) { return tokens[..<first] }
        return tokens[...]
    }

    // MARK: Cues

    /// The cue at `index` (`said`, `according to`), with the index of its last token.
    static func cue(_ tokens: ArraySlice<Token>, at index: Int) -> (text: String, last: Int)? {
        let token = tokens[index]
        guard token.isWord else { return nil }
        let key = token.key
        if key == "according", index + 1 < tokens.endIndex, tokens[index + 1].key == "to" {
            return ("according to", index + 1)
        }
        if isWentOn(tokens, at: index) { return (key + " on", index + 1) }
        if ReportingVerbs.cues.contains(key) { return (key, index) }
        return nil
    }

    /// `went on` or `goes on` ending its clause at `index` (`"…," Trump went on.`): it reports more of
    /// the speech.
    static func isWentOn(_ tokens: ArraySlice<Token>, at index: Int) -> Bool {
        ["went", "goes"].contains(tokens[index].key) && index + 1 < tokens.endIndex && tokens[index + 1].key == "on"
            && (index + 2 == tokens.endIndex || !tokens[index + 2].isWord)
    }

    /// The dashes that print a speaker after a quotation (`"…" ― Jane Doe`).
    static let attributionDashes: Set<String> = ["—", "―", "–"]

    /// Words that open a clause or a comparison after a quotation, whose verb reports nothing of it
    /// (`"…" until Haley said …`, `"…" than Trump said`); not a subject's own words (`who spoke
    /// after the vote, said`), so apart from `subordinators`.
    static let laterClauses: Set<String> = ["than", "until"]

    /// Words that open a subordinate clause after a quotation (`"…" because …`, `"…" while …`).
    static let subordinators: Set<String> = [
        "while", "because", "if", "when", "although", "unless", "whereas", "whether",
    ]

    /// A speaker in the text right after a quotation: `, X said`, `, said X`, `, according to X`,
    /// `, Jane Doe, the mayor, told reporters`.
    static func after(_ tokens: ArraySlice<Token>) -> Mention? {
        var index = tokens.startIndex
        while index < tokens.endIndex, !tokens[index].isWord { index += 1 }
        guard index < tokens.endIndex else { return nil }
        // `"…" ― Jane Doe, a nurse`: a dash and a name, all the rest of the text, print who said it.
        if tokens[tokens.startIndex..<index].contains(where: { attributionDashes.contains($0.text) }),
            tokens[index].isCapitalized, !ReportingVerbs.notNames.contains(tokens[index].key),
            tokens[index...].filter(\.isWord).count <= 10
        {
            let run = tokens[index...].prefix { $0.isCapitalized || isConnector($0) }
            let rest = tokens[(index + run.count)...]
            if run.count >= 2 || rest.isEmpty, rest.first.map({ !$0.isWord }) ?? true,
                let name = capitalizedRunForward(run)
            {
                let role = words(rest.drop { !$0.isWord }.prefix { $0.isWord })
                return Mention(text: name, kind: .name, role: role.isEmpty ? nil : role, cue: "—")
            }
        }
        if let (cueText, last) = cue(tokens, at: index) {
            // `"…," adding that it's why Trump …`: a participle goes on with the sentence's own
            // subject, before the quotation; a name after it is someone else.
            if cueText.hasSuffix("ing") { return nil }
            return forward(tokens[(last + 1)...], cue: cueText)
        }
        // `"…," read the statement.`, `"…," agrees Jane Doe.`: a noun-like cue right after the
        // quotation is a verb when its subject follows, a name or a role phrase.
        if ReportingVerbs.nounLike.contains(tokens[index].key), !tokens[index].isCapitalized,
            index + 2 < tokens.endIndex,
            ReportingVerbs.determiners.contains(tokens[index + 1].key)
                || (tokens[index + 1].isCapitalized && !ReportingVerbs.notNames.contains(tokens[index + 1].key))
        {
            return forward(tokens[(index + 1)...], cue: tokens[index].key)
        }
        // `"…" while trying to explain …`, `"…" until Haley said …`: a clause or a phrase goes on,
        // no subject comes.
        if !tokens[index].isCapitalized,
            subordinators.contains(tokens[index].key) || Self.laterClauses.contains(tokens[index].key)
                || tokens[index].key == "but"
        {
            return nil
        }
        // `"…" the editorial read.`: a noun-like cue right after a role phrase that ends the sentence.
        if ReportingVerbs.determiners.contains(tokens[index].key), index + 2 < tokens.endIndex {
            var verb = index + 1
            while verb < tokens.endIndex, verb - index <= 4, tokens[verb].isWord,
                !["read", "reads", "state", "states", "notes", "claims", "reports"].contains(tokens[verb].key)
            {
                verb += 1
            }
            if verb < tokens.endIndex, verb - index <= 4, tokens[verb].isWord, !tokens[verb].isCapitalized,
                verb + 1 == tokens.endIndex || !tokens[verb + 1].isWord
                    || ReportingVerbs.prepositions.contains(tokens[verb + 1].key)
            {
                return Mention(text: words(tokens[index..<verb]), kind: .role, cue: tokens[verb].key)
            }
        }
        // The subject comes first; its cue follows, perhaps after an appositive.
        let limit = min(tokens.endIndex, index + 30)
        var position = index + 1
        while position < limit {
            if tokens[position].isWord, !tokens[position].isCapitalized,
                let (cueText, cueEnd) = cue(tokens, at: position),
                !cueText.hasSuffix("ing"), !isInfinitive(cueText, in: tokens, after: cueEnd)
            {
                let subject = tokens[index..<position]
                // `"…" only because Mr. Lynch agreed`, `"…" while Sanders suggests`: a subordinate
                // clause's verb reports nothing of the quotation.
                if subject.contains(where: { Self.subordinators.contains($0.key) }) { return nil }
                // `the union’s president, Jane Doe, said`: a role phrase, then the name in apposition.
                if let mention = roleThenName(subject, cue: cueText, anchored: true) { return mention }
                // `Jane Doe, the mayor, said`: the subject is the name before the appositive.
                let head = subject.prefix { $0.text != "," }
                if head.count < subject.count, head.count <= 8, let first = head.first,
                    first.isCapitalized || ReportingVerbs.determiners.contains(first.key),
                    let mention = leading(head, cue: cueText)
                {
                    return mention
                }
                // `Secretary of State Jane Doe said`: a title with `of`, then the person.
                if let mention = titledName(subject, cue: cueText) { return mention }
                // `Jane Doe of the Harbour Institute wrote`: the name before the preposition.
                if let first = subject.first, first.isCapitalized, !ReportingVerbs.notNames.contains(first.key) {
                    let run = subject.prefix { $0.isCapitalized }
                    if run.count < subject.count,
                        ["of", "at", "from", "with", "for", "who", "in"].contains(
                            subject[run.endIndex].key), let name = capitalizedRunForward(run)
                    {
                        return Mention(text: name, kind: .name, cue: cueText)
                    }
                }
                if let mention = backward(subject, cue: cueText) { return mention }
                // `"…" in the 2008 primary, said Paul Beck.`: a phrase finishes the quotation's
                // clause and an inverted cue after its comma names the speaker.
                if subject.last?.text == ",", ReportingVerbs.invertedCues.contains(cueText),
                    cueEnd + 1 < tokens.endIndex,
                    tokens[cueEnd + 1].isCapitalized || ReportingVerbs.determiners.contains(tokens[cueEnd + 1].key)
                {
                    return forward(tokens[(cueEnd + 1)...], cue: cueText)
                }
                return nil
            }
            // Punctuation other than commas (and the dashes and parentheses of appositives) ends the search.
            if !tokens[position].isWord, !",()—–-".contains(tokens[position].text) { return nil }
            position += 1
        }
        return nil
    }

    /// The subject a sentence starts with (`Jane Doe, the mayor,`, `The ministry`), as a mention.
    static func leading(_ tokens: ArraySlice<Token>, cue: String) -> Mention? {
        var index = tokens.startIndex
        while index < tokens.endIndex,
            !tokens[index].isWord
                || ReportingVerbs.notNames.contains(tokens[index].key)
                    && !ReportingVerbs.determiners.contains(tokens[index].key)
                    && !ReportingVerbs.pronouns.contains(tokens[index].key)
        {
            index += 1
        }
        guard index < tokens.endIndex else { return nil }
        // `Ever since she endorsed Ruiz, Doe has been …`: the subject of a clause the sentence
        // opens with is not the sentence's; the main clause after the comma has it.
        if tokens[tokens.startIndex..<index].contains(where: { AttributionState.opensClause($0.key) }),
            let subject = subjectAfterOpening(tokens)
        {
            return Mention(text: subject.text, kind: subject.kind, cue: cue)
        }
        if ReportingVerbs.pronouns.contains(tokens[index].key) {
            return Mention(text: tokens[index].text, kind: .pronoun, cue: cue)
        }
        // `In Salem, New Hampshire, Trump went after Bush, calling …`: past an opening phrase, the
        // subject is the name that a verb follows.
        if index > tokens.startIndex || tokens[index].key.hasSuffix("ing"), let subject = subjectAfterOpening(tokens) {
            return Mention(text: subject.text, kind: subject.kind, cue: cue)
        }
        // `Perez hammered Trump, calling …`: the name the sentence starts with, not the last one.
        if tokens[index].isCapitalized, !ReportingVerbs.determiners.contains(tokens[index].key) {
            var end = index
            while end < tokens.endIndex, end - index < 8,
                tokens[end].isCapitalized
                    || (isConnector(tokens[end]) && end + 1 < tokens.endIndex && tokens[end + 1].isCapitalized)
            {
                end += 1
            }
            // `Former Salem mayor Tomas Berg (D), …`: where the person is from, a role, the name.
            // The sentence's subject needs a role word there (`Clinton supporters Jane Doe` lists people).
            if let mention = nameAfterPlace(
                tokens, run: index..<end, before: min(tokens.endIndex, end + 8), cue: cue, needsRoleWord: true)
            {
                return mention
            }
            if let name = capitalizedRunForward(tokens[index..<end]) {
                return Mention(text: name, kind: .name, cue: cue)
            }
        }
        var end = index
        while end < tokens.endIndex, end - index < 8, tokens[end].isWord,
            tokens[end].isCapitalized || isConnector(tokens[end]) || end == index
                || ReportingVerbs.determiners.contains(tokens[end].key)
                || tokens[end].key.hasSuffix("’s") || tokens[end].key.hasSuffix("'s")
                || (end + 1 < tokens.endIndex && tokens[end + 1].isCapitalized)
        {
            end += 1
        }
        guard end > index else { return nil }
        if let name = capitalizedRun(tokens[index..<end]) {
            return Mention(text: name, kind: .name, cue: cue)
        }
        return nounPhrase(tokens[index..<end]).map { Mention(text: $0, kind: .role, cue: cue) }
    }

    /// The role phrase a sentence opens with, up to its verb (`The ad targets …` → `The ad`, `A
    /// spokesman for Platte River declined …` → `A spokesman for Platte River`).
    static func openingRole(_ tokens: ArraySlice<Token>, capitalized: Bool = true) -> String? {
        guard let first = tokens.first, first.isWord, first.isCapitalized || !capitalized,
            ["the", "a", "an", "another"].contains(first.key)
        else { return nil }
        var end = tokens.startIndex + 1
        while end < tokens.endIndex, end - tokens.startIndex <= 8 {
            let token = tokens[end]
            guard token.isWord else { break }
            let key = token.key
            let verbLike =
                !token.isCapitalized && end > tokens.startIndex + 1
                && (key.hasSuffix("ed") || (key.hasSuffix("s") && !key.hasSuffix("ss") && !key.hasSuffix("us"))
                    || ReportingVerbs.auxiliaries.contains(key) || ReportingVerbs.cues.contains(key)
                    || irregularPasts.contains(key))
            if verbLike || ReportingVerbs.clauseBreaks.contains(key) || ReportingVerbs.pronouns.contains(key) {
                break
            }
            end += 1
        }
        guard end > tokens.startIndex + 1, end < tokens.endIndex, tokens[end].isWord,
            !ReportingVerbs.clauseBreaks.contains(tokens[end].key), !ReportingVerbs.pronouns.contains(tokens[end].key)
        else { return nil }
        return words(tokens[tokens.startIndex..<end])
    }

    /// The role phrase after a sentence's opening phrase (`On its website, the agency lists …` →
    /// `the agency`): the sentence starts with a capitalised preposition.
    static func roleAfterOpening(_ tokens: ArraySlice<Token>) -> String? {
        guard let first = tokens.first, first.isCapitalized, ReportingVerbs.prepositions.contains(first.key),
            let subject = subjectAfterOpening(tokens), subject.kind == .role
        else { return nil }
        return subject.text
    }

    /// A transcript label opening a quotation (`WALLACE: Let's start …`, after a bracketed aside
    /// such as `(CROSSTALK.)`): the speaker's name in capitals, then a colon.
    static func transcriptLabel(_ text: String) -> String? {
        let tokens = Self.tokens(Array(text.prefix(40))[...])
        var index = 0
        if tokens.first?.text == "(", let close = tokens.firstIndex(where: { $0.text == ")" }) { index = close + 1 }
        while index < tokens.count, !tokens[index].isWord { index += 1 }
        var end = index
        while end < tokens.count, end - index < 3, tokens[end].isWord, tokens[end].text.count > 1,
            tokens[end].text.allSatisfy({ !$0.isLowercase })
        {
            end += 1
        }
        guard end > index, end < tokens.count, tokens[end].text == ":" else { return nil }
        return tokens[index..<end].map(\.text).joined(separator: " ")
    }

    /// The subject after an opening phrase (`In Salem, New Hampshire, Trump went …`): the first
    /// capitalised run or pronoun after a comma that a lowercase word follows.
    static func subjectAfterOpening(_ tokens: ArraySlice<Token>) -> Mention? {
        var index = tokens.startIndex
        let limit = min(tokens.endIndex, tokens.startIndex + 30)
        while index < limit {
            defer { index += 1 }
            guard tokens[index].text == ",", index + 2 < tokens.endIndex else { continue }
            let start = index + 1
            if ReportingVerbs.pronouns.contains(tokens[start].key), tokens[start].key != "it",
                tokens[start + 1].isWord, !tokens[start + 1].isCapitalized
            {
                return Mention(text: tokens[start].text, kind: .pronoun, cue: "")
            }
            // `Late last month, the company wrote …`
            if ["the", "a", "an"].contains(tokens[start].key),
                let role = openingRole(tokens[start...], capitalized: false)
            {
                return Mention(text: role, kind: .role, cue: "")
            }
            guard tokens[start].isCapitalized, !ReportingVerbs.notNames.contains(tokens[start].key) else { continue }
            var end = start
            while end < tokens.endIndex, end - start < 6, tokens[end].isCapitalized { end += 1 }
            guard end < tokens.endIndex, tokens[end].isWord, !tokens[end].isCapitalized,
                !isConnector(tokens[end]), !ReportingVerbs.clauseBreaks.contains(tokens[end].key),
                let name = capitalizedRunForward(tokens[start..<end])
            else { continue }
            return Mention(text: name, kind: .name, cue: "")
        }
        return nil
    }

    /// The subordinator that opens, after a comma, the clause a cue at `position` is in (`…, after
    /// Ruiz stated`): walking back over its words, no other comma or clause word first.
    static func trailingClauseOpener(_ tokens: ArraySlice<Token>, before position: Int) -> Int? {
        var index = position - 1
        while index > tokens.startIndex, position - index <= 8, tokens[index].isWord {
            let key = tokens[index].key
            if subordinators.contains(key) || AttributionState.opensClause(key) {
                return tokens[index - 1].text == "," ? index : nil
            }
            if ReportingVerbs.clauseBreaks.contains(key) { return nil }
            index -= 1
        }
        return nil
    }

    /// Whether a word before a cue makes the cue a noun (`a lament`, `Rubio's claim`).
    static func isNounBefore(_ token: Token) -> Bool {
        guard token.isWord else { return false }
        let key = token.key
        return ["a", "an", "the", "his", "her", "their", "its", "our", "my", "your"].contains(key)
            || key.hasSuffix("'s") || key.hasSuffix("’s")
    }

    /// Whether a cue is followed by an infinitive (`will continue to be`, `vowed to fight`): then it
    /// reports no speech.
    static func isInfinitive(_ cue: String, in tokens: ArraySlice<Token>, after last: Int) -> Bool {
        guard last + 1 < tokens.endIndex, tokens[last + 1].key == "to" else { return false }
        return ReportingVerbs.takesInfinitive.contains(cue)
    }

    /// A speaker in the sentence before a quotation: `X said: "…"`, `X called it "…"`;
    /// `previousSentence` when the tokens are a whole sentence before the quotation's own.
    static func before(_ tokens: ArraySlice<Token>, previousSentence: Bool = false) -> Mention? {
        var position = tokens.endIndex - 1
        // Where `a statement calling …` starts, when a participle described its noun.
        var describedDocument: (start: Int, cue: String)?
        while position >= tokens.startIndex {
            // `Berg told the Journal in July, after Ruiz stated an interest in …. "…"`: in the
            // sentence before a quotation, a cue in a subordinate clause after the main one reports
            // something else; the main clause's cue comes first.
            if previousSentence, let opener = trailingClauseOpener(tokens, before: position),
                cue(tokens, at: position) != nil,
                tokens[tokens.startIndex..<opener].contains(where: {
                    $0.isWord && !$0.isCapitalized && ReportingVerbs.cues.contains($0.key)
                })
            {
                position = opener - 1
                continue
            }
            if let (cueText, last) = cue(tokens, at: position),
                !tokens[position].isCapitalized || cueText == "according to",
                position == tokens.startIndex || !isNounBefore(tokens[position - 1]),
                !isInfinitive(cueText, in: tokens, after: last)
            {
                // `…, calling it "…"` and `an ad called "…"`: a participle belongs to the sentence's subject.
                let afterNoun =
                    position > tokens.startIndex && tokens[position - 1].isWord && !tokens[position - 1].isCapitalized
                    && !ReportingVerbs.auxiliaries.contains(tokens[position - 1].key)
                    && !ReportingVerbs.pronouns.contains(tokens[position - 1].key)
                // `a report suggesting …`: a participle right after a noun describes the noun.
                if cueText.hasSuffix("ing"), afterNoun, position - 1 > tokens.startIndex,
                    ["a", "an", "the"].contains(tokens[position - 2].key)
                {
                    if describedDocument == nil { describedDocument = (position - 2, cueText) }
                    position -= 1
                    continue
                }
                // `with Donald Trump tweeting that …`: a name right before a participle is its subject.
                if cueText.hasSuffix("ing"), position > tokens.startIndex, tokens[position - 1].isCapitalized,
                    !ReportingVerbs.notNames.contains(tokens[position - 1].key),
                    let mention = backward(tokens[tokens.startIndex..<position], cue: cueText), mention.kind == .name
                {
                    return mention
                }
                // `with many marchers chanting "…"`: the phrase between `with` and the participle is its subject.
                if cueText.hasSuffix("ing"), let with = withSubject(tokens[tokens.startIndex..<position]) {
                    return Mention(text: with, kind: .role, cue: cueText)
                }
                // `…" for Clinton and asking, "…"`: the rest of a sentence a quotation interrupted;
                // the participle belongs to that quotation's speaker.
                if cueText.hasSuffix("ing"), let first = tokens.first(where: \.isWord), !first.isCapitalized,
                    !ReportingVerbs.pronouns.contains(first.key)
                {
                    return Mention(text: "", kind: .continuation, cue: cueText)
                }
                if cueText.hasSuffix("ing") || (ReportingVerbs.naming.contains(cueText) && afterNoun),
                    let mention = leading(tokens[tokens.startIndex..<position], cue: cueText)
                {
                    return mention
                }
                if cueText != "according to", let mention = backward(tokens[tokens.startIndex..<position], cue: cueText)
                {
                    return mention
                }
                // Only `according to X`, an inverted `said X:` and a parenthetical `…, says X, …`
                // have their subject after the cue.
                let parenthetical =
                    position > tokens.startIndex && tokens[position - 1].text == ","
                    && ReportingVerbs.invertedCues.contains(cueText)
                    && last + 1 < tokens.endIndex && tokens[last + 1].isCapitalized
                let opensClause = parenthetical || tokens[tokens.startIndex..<position].allSatisfy { !$0.isWord }
                if cueText == "according to" || (opensClause && !cueText.hasSuffix("ing")),
                    let mention = forward(tokens[(last + 1)...], cue: cueText)
                {
                    return mention
                }
            }
            position -= 1
        }
        // `The council issued a statement calling the test "…"`: the noun's participle speaks for
        // the subject that issued it.
        if let (start, cueText) = describedDocument, start > tokens.startIndex,
            let subject = leading(tokens[tokens.startIndex..<start], cue: cueText), subject.kind != .pronoun
        {
            return subject
        }
        // `… surprise pollster Jane Doe: "…"`: a name right before the colon; else the subject of
        // `The ministry issued a statement: "…"`.
        if let last = tokens.last, last.text == ":" {
            let body = tokens.dropLast()
            if let word = body.last, word.isCapitalized, !ReportingVerbs.notNames.contains(word.key),
                let name = capitalizedRun(body), name.containsText(" ") || body.count == 1
            {
                return Mention(text: name, kind: .name, cue: ":")
            }
            // `…," with Clinton: "…"`: the rest of a sentence a quotation interrupted has no subject;
            // `After the count, a harbour blogger wrote: "…"`: a sentence that opens with
            // a phrase has its subject after the phrase's comma.
            if let first = body.first, first.text == "," || ReportingVerbs.prepositions.contains(first.key) {
                guard first.isCapitalized, let subject = subjectAfterOpening(body) else { return nil }
                return Mention(text: subject.text, kind: subject.kind, cue: ":")
            }
            return leading(body, cue: ":")
        }
        return nil
    }

    // MARK: Subjects

    /// Nouns ending in `ing` (`the hearing`, `a meeting`), which are no participles.
    static let ingNouns: Set<String> = [
        "building", "meeting", "hearing", "wedding", "spending", "funding", "briefing", "morning", "evening",
        "thing", "king", "ring", "spring", "string", "wing", "offering", "ruling", "setting", "training",
        "warning", "opening", "rating", "polling", "reading", "writing", "filing", "finding", "feeling",
        "painting", "recording", "shooting", "bombing", "killing", "beijing", "sterling", "viking", "darling",
    ]

    /// The subject that ends right before a cue.
    static func backward(_ tokens: ArraySlice<Token>, cue: String) -> Mention? {
        let tokens = withoutParenthetical(tokens)
        // `The port’s director, Jane Doe, said`: a role phrase, then the name in apposition.
        if let mention = roleThenName(tokens, cue: cue) { return mention }
        var end = tokens.endIndex - 1
        while end >= tokens.startIndex, tokens[end].isWord, !tokens[end].isCapitalized,
            ReportingVerbs.auxiliaries.contains(tokens[end].key) || tokens[end].key.hasSuffix("ly")
        {
            end -= 1
        }
        // `Protesters marching (through the streets) chanted`: a participle after a plural noun or a
        // name describes it; the noun is the subject (after a possessive it is a noun: `Cruz’s thinking`).
        if end > tokens.startIndex, tokens[end].isWord, !tokens[end].isCapitalized, tokens[end].key.hasSuffix("ing"),
            !Self.ingNouns.contains(tokens[end].key), tokens[end - 1].isWord,
            tokens[end - 1].isCapitalized || tokens[end - 1].key.hasSuffix("s"),
            !ReportingVerbs.notNames.contains(tokens[end - 1].key), !tokens[end - 1].key.hasSuffix("ss"),
            !tokens[end - 1].isPossessive
        {
            end -= 1
        }
        // `Mr. Trump was prompted to say`, `Sanders went on to say`: the verb that governs the cue.
        if end - 1 > tokens.startIndex, tokens[end].key == "to", tokens[end - 1].isWord,
            !tokens[end - 1].isCapitalized,
            tokens[end - 1].key.hasSuffix("ed")
                || ["on", "went", "going", "want", "wants"].contains(tokens[end - 1].key)
        {
            end -= 2
            if end > tokens.startIndex, tokens[end].key == "on" { end -= 1 }
            while end >= tokens.startIndex, tokens[end].isWord, !tokens[end].isCapitalized,
                ReportingVerbs.auxiliaries.contains(tokens[end].key) || tokens[end].key.hasSuffix("ly")
            {
                end -= 1
            }
        }
        guard end >= tokens.startIndex else { return nil }
        // `Attorney General Loretta E. Lynch, who told Congress …`: a relative clause's antecedent.
        if tokens[end].key == "who", end > tokens.startIndex {
            var before = end - 1
            if tokens[before].text == ",", before > tokens.startIndex { before -= 1 }
            let head = withoutParenthetical(tokens[tokens.startIndex...before])
            if let lastWord = head.last, lastWord.isCapitalized, let name = capitalizedRun(head) {
                return Mention(text: name, kind: .name, cue: cue)
            }
            if tokens[before].isWord, let phrase = nounPhrase(head) {
                return Mention(text: phrase, kind: .role, cue: cue)
            }
            return nil
        }
        let last = tokens[end]
        if last.isWord, ReportingVerbs.pronouns.contains(last.pronounKey) {
            return Mention(text: last.text, kind: .pronoun, cue: cue)
        }
        if last.text == ",", end > tokens.startIndex {
            // An appositive: `Jane Doe, the mayor, said`, `Jane Doe, who …, said`.
            var comma = end - 1
            while comma >= tokens.startIndex, tokens[comma].text != ",", end - comma < 20 { comma -= 1 }
            if comma >= tokens.startIndex, tokens[comma].text == ",",
                let name = capitalizedRun(withoutParenthetical(tokens[tokens.startIndex..<comma]))
            {
                let role = words(tokens[(comma + 1)..<end])
                return Mention(text: name, kind: .name, role: role.isEmpty ? nil : role, cue: cue)
            }
            return nil
        }
        guard last.isWord else { return nil }
        if last.isCapitalized, let name = capitalizedRun(tokens[tokens.startIndex...end]) {
            let runLength = name.split(separator: " ").count
            let before = end - runLength
            if before >= tokens.startIndex, tokens[before].isWord,
                ["for", "of", "at", "to", "from", "with"].contains(tokens[before].key),
                let phrase = nounPhrase(tokens[tokens.startIndex...end])
            {
                return Mention(text: phrase, kind: .role, cue: cue)
            }
            return Mention(text: name, kind: .name, cue: cue)
        }
        if let phrase = nounPhrase(tokens[tokens.startIndex...end]) {
            // `Trump in the past has called …`: a prepositional phrase stands between the subject and its verb.
            let count = phrase.split(separator: " ").count
            let before = end + 1 - count - 1
            if before > tokens.startIndex, tokens[before].isWord,
                ReportingVerbs.prepositions.contains(tokens[before].key),
                !ReportingVerbs.clauseBreaks.contains(tokens[before].key), tokens[before - 1].isWord,
                !ReportingVerbs.clauseBreaks.contains(tokens[before - 1].key),
                let subject = backward(tokens[tokens.startIndex..<before], cue: cue)
            {
                return subject
            }
            return Mention(text: phrase, kind: .role, cue: cue)
        }
        return nil
    }

    /// The source a sentence relays its speech through (`"…," Grayson said, according to
    /// Frankel.`, `…, reports USA Today.`, `…, the Times reported.`, `According to pool reports,
    /// Obama said "…"`): the one the article credits for the words, which the speaker's own cue
    /// does not name. `before` and `after` are the sentence's text before and after the
    /// quotation; the relay comes after a comma, or opens the sentence.
    static func relay(before: ArraySlice<Token>, after: ArraySlice<Token>) -> Mention? {
        // `According to X, …` opening the sentence.
        if let first = before.firstIndex(where: \.isWord), let (found, last) = cue(before, at: first),
            found == "according to", let comma = before[(last + 1)...].firstIndex(where: { $0.text == "," }),
            let mention = forward(before[(last + 1)..<comma], cue: found), mention.kind != .pronoun
        {
            return mention
        }
        // A later clause of the sentence after a comma: `, according to X`, `, reports X`, `, X reported`.
        var index = after.startIndex
        while index < after.endIndex {
            defer { index += 1 }
            // Words before the comma: the speaker's own cue (`Grayson said`) comes first.
            guard after[index].text == ",", index + 1 < after.endIndex,
                after[after.startIndex..<index].contains(where: \.isWord)
            else { continue }
            let rest = after[(index + 1)...]
            let head = rest.startIndex
            if let (found, last) = cue(rest, at: head), found == "according to",
                let mention = forward(rest[(last + 1)...], cue: found), mention.kind != .pronoun
            {
                return mention
            }
            if rest.count > 1, ReportingVerbs.reportVerbs.contains(rest[head].key),
                let mention = forward(rest[(head + 1)...], cue: rest[head].key), mention.kind != .pronoun
            {
                return mention
            }
            // `, the Times reported.`: a clause of a few words that ends with the verb.
            let words = rest.prefix { $0.isWord || $0.text == "’" || $0.text == "'" }
            if words.count >= 2, words.count <= 6, let last = words.last, ReportingVerbs.reportVerbs.contains(last.key),
                words.first?.isCapitalized == true || words.first?.key == "the",
                words.dropLast().allSatisfy({ $0.isCapitalized || ReportingVerbs.determiners.contains($0.key) })
            {
                return Mention(text: Self.words(words.dropLast()), kind: .role, cue: last.key)
            }
        }
        return nil
    }

    /// The subject that follows a cue: `said Jane Doe, the mayor`, `said the mayor`.
    static func forward(_ tokens: ArraySlice<Token>, cue: String) -> Mention? {
        var index = tokens.startIndex
        while index < tokens.endIndex, tokens[index].isWord, !tokens[index].isCapitalized,
            ReportingVerbs.auxiliaries.contains(tokens[index].key) || tokens[index].key == "by"
        {
            index += 1
        }
        guard index < tokens.endIndex, tokens[index].isWord else { return nil }
        let first = tokens[index]
        if ReportingVerbs.pronouns.contains(first.key) {
            return Mention(text: first.text, kind: .pronoun, cue: cue)
        }
        // `said Berg’s spokeswoman, Jane Doe.`: a role phrase, then the name in apposition.
        let clause = tokens[index...].prefix { $0.isWord || [",", "’", "'"].contains($0.text) }
        if let mention = roleThenName(clause, cue: cue, anchored: true) { return mention }
        var end = index
        while end < tokens.endIndex, tokens[end].isWord || tokens[end].text == "’" || tokens[end].text == "'" {
            end += 1
        }
        let phraseTokens = tokens[index..<min(end, index + 12)]
        // The role phrase the cue names, up to a clause's first word (`the mayor`, `letters seen by the Weekly`).
        var rolePhrase: String { words(phraseTokens.prefix { !ReportingVerbs.clauseBreaks.contains($0.key) }) }
        if first.isCapitalized {
            var runEnd = index
            while runEnd < phraseTokens.endIndex,
                tokens[runEnd].isCapitalized || (isConnector(tokens[runEnd]) && runEnd + 1 < phraseTokens.endIndex)
            {
                runEnd += 1
            }
            // `said Secretary of State Jane Doe`: a title with `of`, then the person.
            if let mention = titledName(tokens[index..<runEnd], cue: cue) { return mention }
            var run = Array(tokens[index..<runEnd])
            while let head = run.first, ReportingVerbs.notNames.contains(head.key) { run.removeFirst() }
            while let tail = run.last, isConnector(tail) { run.removeLast() }
            // `said Harvard professor Jane Doe`, `said State Department spokesman John Kirby`: the
            // capitalised run is where the person works; a role and the person's name follow.
            if !run.isEmpty,
                let mention = nameAfterPlace(tokens, run: index..<runEnd, before: phraseTokens.endIndex, cue: cue)
            {
                return mention
            }
            if !run.isEmpty {
                let name = run.map(\.text).joined(separator: " ")
                var role: String?
                if end < tokens.endIndex, tokens[end].text == "," {
                    let rest = tokens[(end + 1)...].prefix { $0.isWord }
                    role = rest.isEmpty ? nil : words(rest.prefix(12))
                }
                return Mention(text: name, kind: .name, role: role, cue: cue)
            }
        }
        if !ReportingVerbs.determiners.contains(first.key) {
            // `said former Sen. Evan Bayh`, `said former tech executive Jane Doe during …`: the first
            // capitalised run within a few words.
            let phrase = tokens[index..<min(end, index + 8)]
            if let start = phrase.firstIndex(where: \.isCapitalized), start - index <= 4,
                !phrase[..<start].contains(where: {
                    ReportingVerbs.determiners.contains($0.key) || ReportingVerbs.prepositions.contains($0.key)
                        || $0.isPossessive
                }),
                let name = capitalizedRunForward(phrase[start...].prefix { $0.isCapitalized })
            {
                return Mention(text: name, kind: .name, role: nil, cue: cue)
            }
            // `according to letters seen by the Weekly`, `according to audio obtained by the
            // Tribune`: the source is the whole phrase, not the name at its end.
            if cue == "according to", !first.isCapitalized {
                let source = rolePhrase
                return source.isEmpty ? nil : Mention(text: source, kind: .role, cue: cue)
            }
            return capitalizedRun(phrase).map { Mention(text: $0, kind: .name, role: nil, cue: cue) }
        }
        let phrase = rolePhrase
        // `said the mayor, Jane Doe`
        if end < tokens.endIndex, tokens[end].text == ",", end + 1 < tokens.endIndex, tokens[end + 1].isCapitalized {
            let rest = tokens[(end + 1)...]
            if let name = capitalizedRunForward(rest) {
                return Mention(text: name, kind: .name, role: phrase, cue: cue)
            }
        }
        return phrase.isEmpty ? nil : Mention(text: phrase, kind: .role, cue: cue)
    }

    // MARK: Phrases

    /// The tokens without a final parenthetical (`Sen. Jane Doe (D-Ill.)` → `Sen. Jane Doe`).
    static func withoutParenthetical(_ tokens: ArraySlice<Token>) -> ArraySlice<Token> {
        guard let last = tokens.last, last.text == ")" else { return tokens }
        var index = tokens.endIndex - 1
        while index > tokens.startIndex, tokens.endIndex - index < 10 {
            index -= 1
            if tokens[index].text == "(" { return tokens[tokens.startIndex..<index] }
        }
        return tokens
    }

    /// The name after one to three lowercase words that name a role (`professor`, `press
    /// secretary`), when it has two capitalised words or more: its token range.
    static func nameAfterRole(_ tokens: ArraySlice<Token>, from start: Int, before limit: Int) -> Range<Int>? {
        var index = start
        while index < limit, index - start < 3, tokens[index].isWord, !tokens[index].isCapitalized {
            let key = tokens[index].key
            if ReportingVerbs.determiners.contains(key) || ReportingVerbs.prepositions.contains(key)
                || ReportingVerbs.clauseBreaks.contains(key) || ReportingVerbs.auxiliaries.contains(key)
                || ReportingVerbs.cues.contains(key) || isConnector(tokens[index])
            {
                return nil
            }
            index += 1
        }
        guard index > start, index < limit else { return nil }
        var end = index
        while end < limit, tokens[end].isCapitalized { end += 1 }
        return end - index >= 2 ? index..<end : nil
    }

    /// The person after a capitalised run (where they are from or work) and their role words
    /// (`Harvard professor Jane Doe`, `Former Salem mayor Tomas Berg`), with the run and role as role;
    /// `needsRoleWord` when one of the words must be a role noun or a title.
    static func nameAfterPlace(
        _ tokens: ArraySlice<Token>, run: Range<Int>, before limit: Int, cue: String, needsRoleWord: Bool = false
    ) -> Mention? {
        guard let person = nameAfterRole(tokens, from: run.upperBound, before: limit),
            !needsRoleWord
                || tokens[run.upperBound..<person.lowerBound].contains(where: {
                    PersonNames.roleNouns.contains($0.key) || Lexicon.titles.contains($0.key)
                })
        else { return nil }
        return Mention(
            text: words(tokens[person]), kind: .name, role: words(tokens[run.lowerBound..<person.lowerBound]), cue: cue)
    }

    static func isConnector(_ token: Token) -> Bool {
        ["of", "de", "la", "van", "von", "al", "bin", "der", "du", "del"].contains(token.key)
    }

    /// The capitalised name run ending the tokens (`Maj Gen Asif Ghafoor`), without leading
    /// sentence words (`But`, `The`).
    static func capitalizedRun(_ tokens: ArraySlice<Token>) -> String? {
        var start = tokens.endIndex
        while start > tokens.startIndex {
            let token = tokens[start - 1]
            if token.isCapitalized || (token.isWord && token.key == "'s") {
                start -= 1
            } else if isConnector(token), start - 1 > tokens.startIndex, tokens[start - 2].isCapitalized,
                start < tokens.endIndex
            {
                start -= 1
            } else {
                break
            }
        }
        var run = Array(tokens[start...])
        while let first = run.first, ReportingVerbs.notNames.contains(first.key) || isConnector(first) {
            run.removeFirst()
        }
        guard !run.isEmpty else { return nil }
        return run.map(\.text).joined(separator: " ")
    }

    /// The noun phrase between `with` and the end of the tokens, a participle's subject (`with many
    /// marchers and spectators` before `chanting`, `with one of her ads` before `asking`): at most six
    /// words, none a verb, a clause word or a preposition other than `of`.
    static func withSubject(_ tokens: ArraySlice<Token>) -> String? {
        var start = tokens.endIndex
        while start > tokens.startIndex, tokens.endIndex - start < 7 {
            let token = tokens[start - 1]
            guard token.isWord else { return nil }
            if token.key == "with" { break }
            // `with one of her ads asking`, `with the former secretary of state calling`: `of` stays in the phrase.
            if token.key == "of" {
                start -= 1
                continue
            }
            if ReportingVerbs.pronouns.contains(token.key) || ReportingVerbs.auxiliaries.contains(token.key)
                || (ReportingVerbs.clauseBreaks.contains(token.key) && token.key != "and")
                || ReportingVerbs.prepositions.contains(token.key)
            {
                return nil
            }
            start -= 1
        }
        guard start > tokens.startIndex, tokens[start - 1].key == "with", start < tokens.endIndex else { return nil }
        let phrase = tokens[start...]
        // A name (`with Donald Trump tweeting`) is read by the name rule; an article alone is no subject.
        guard let first = phrase.first, !first.isCapitalized || ReportingVerbs.determiners.contains(first.key),
            phrase.contains(where: { !ReportingVerbs.determiners.contains($0.key) })
        else { return nil }
        return words(phrase)
    }

    /// A role phrase and the name after it in apposition, ending the tokens (`the union’s president,
    /// Jane Doe,` before `said`; `Berg’s spokeswoman, Jane Doe` after `said`; `In a statement, the
    /// governor of Oregon, Jane Doe,`): the name, with the phrase as its role. The phrase runs from
    /// the comma before it (or the start) and opens with an article or holds a possessive, so `Jane
    /// Doe, the mayor, said` and `Berg, 54, said` are not read this way.
    ///
    /// `anchored`: the phrase must open the tokens (after a cue, `said Huffman, who backs
    /// Grayson’s opponent, Murphy` names Huffman). A name that is a place or an organisation by its
    /// words, or one word after a phrase ending in a capitalised word (`a salesman from Sumter,
    /// Calif.,`), is the end of that phrase, not a person.
    static func roleThenName(_ tokens: ArraySlice<Token>, cue: String, anchored: Bool = false) -> Mention? {
        var end = tokens.endIndex
        if end > tokens.startIndex, tokens[end - 1].text == "," { end -= 1 }
        var comma = end
        while comma > tokens.startIndex, tokens[comma - 1].text != "," { comma -= 1 }
        guard comma > tokens.startIndex else { return nil }
        let name = tokens[comma..<end]
        var start = comma - 1
        while start > tokens.startIndex, tokens[start - 1].text != "," { start -= 1 }
        let role = tokens[start..<(comma - 1)]
        guard !anchored || start == tokens.startIndex, let opening = role.first, let last = role.last,
            role.count <= 8, let given = name.first, name.count <= 4, name.count > 1 || !last.isCapitalized,
            name.allSatisfy(\.isCapitalized), !ReportingVerbs.notNames.contains(given.key),
            !name.contains(where: { PersonNames.notPersonWords.contains($0.key) }),
            ReportingVerbs.determiners.contains(opening.key)
                || role.contains(where: \.isPossessive)
        else { return nil }
        return Mention(text: words(name), kind: .name, role: words(role), cue: cue)
    }

    /// A title with `of` and the name after it (`Secretary of State Jane Doe`, `Bank of England
    /// Governor Tomas Berg`): the person from the last known first name on (two or three words),
    /// the words before as the role. `nil` when the run is not all capitalised words and `of`s, or
    /// no known first name follows the last `of` (`Jane Doe of California` is the name before it).
    ///
    /// A first name copydesk does not know (`Chief of Staff Denis Berg`) is found by the title's
    /// shape: when the run holds a title (`Chief`, `Mayor`, `Director`) and at least one word
    /// follows the last `of`, the last two words (three with a middle initial) are the name.
    static func titledName(_ run: ArraySlice<Token>, cue: String) -> Mention? {
        guard run.count >= 4, let first = run.first, first.isCapitalized,
            !ReportingVerbs.notNames.contains(first.key),
            let of = run.lastIndex(where: isConnector), of > run.startIndex,
            run.allSatisfy({ $0.isCapitalized || isConnector($0) })
        else { return nil }
        var given = NameBook.firstNameTail(words(run)).map { run.endIndex - $0.split(separator: " ").count }
        if given.map({ $0 <= of }) ?? true {
            let initial = run[run.endIndex - 2].text.count == 2 && run[run.endIndex - 2].text.hasSuffix(".")
            let start = run.endIndex - (initial ? 3 : 2)
            let titled = run[..<start].contains {
                Lexicon.titles.contains($0.key) || PersonNames.roleNouns.contains($0.key)
            }
            given = titled && start - of >= 2 ? start : nil
        }
        guard let given, given > of + 1, run.endIndex - given <= 3,
            !run[given...].contains(where: { PersonNames.notPersonWords.contains($0.key) })
        else { return nil }
        return Mention(text: words(run[given...]), kind: .name, role: words(run[..<given]), cue: cue)
    }

    static func capitalizedRunForward(_ tokens: ArraySlice<Token>) -> String? {
        let run = tokens.prefix { $0.isCapitalized }.filter { !ReportingVerbs.notNames.contains($0.key) }
        return run.isEmpty ? nil : run.map(\.text).joined(separator: " ")
    }

    /// A role phrase ending the tokens: back to its determiner (`the ministry's spokesperson`).
    static func nounPhrase(_ tokens: ArraySlice<Token>) -> String? {
        var start = tokens.endIndex
        var count = 0
        var complete = false
        while start > tokens.startIndex, count < 10 {
            let token = tokens[start - 1]
            guard token.isWord || token.text == "’" || token.text == "'" else { break }
            if ReportingVerbs.clauseBreaks.contains(token.key) { break }
            start -= 1
            count += 1
            if ReportingVerbs.determiners.contains(token.key) {
                complete = true
                break
            }
        }
        if start == tokens.startIndex { complete = true }
        let phrase = Array(tokens[start...])
        // `the`, `his`: an article alone is no speaker (`the two`, `some` are).
        guard
            phrase.contains(where: {
                !["a", "an", "the", "one", "his", "her", "their", "its", "our", "another"].contains($0.key)
                    && !isConnector($0)
            })
        else { return nil }
        // A phrase cut short by a clause word is rarely a speaker (`officials said` is, though).
        if !complete, phrase.count > 3 { return nil }
        return words(phrase[...])
    }

    /// Whether a role phrase is a piece of a verb phrase rather than a noun phrase (`trying to`,
    /// `he has fewer`, `were hacked`, `the city embodied the`).
    static func isVerbPhrase(_ phrase: String) -> Bool {
        let words = phrase.split(separator: " ").map { Token(text: String($0), isWord: true) }
        guard let first = words.first, let last = words.last else { return true }
        // `the ruling`, `a strategist for one of these candidates`: a noun phrase, unless cut after its article.
        if ReportingVerbs.determiners.contains(first.key) { return ReportingVerbs.determiners.contains(last.key) }
        if ReportingVerbs.pronouns.contains(first.pronounKey) { return true }
        if !ReportingVerbs.determiners.contains(first.key), first.key.hasSuffix("ing") || first.key.hasSuffix("ed") {
            return true
        }
        let key = last.key
        return ReportingVerbs.auxiliaries.contains(key) || ReportingVerbs.determiners.contains(key)
            || ReportingVerbs.prepositions.contains(key) || key.hasSuffix("ing")
            || ["being", "came", "hear", "were", "is", "be", "might", "must", "came"].contains(key)
    }

    /// A speaker phrase as the noun phrase it should be: cut before a verb that ran into it
    /// (`President Obama passionately rebuked critics` → `President Obama`, `The email goes` →
    /// `The email`, a title-cased headline's `Clinton Said Blame Placed` → `Clinton`), without the
    /// words no noun phrase starts or ends with (`with Donald Trump`, `Carter however`, `The
    /// timeline of`, `Russians now`); `nil` when no noun phrase is left (`were hacked`, `is easier`,
    /// `in 2010`). A participle before `by` describes the noun and stays (`emails released by
    /// WikiLeaks`), as does a name's last word (`Edward Said`).
    static func speakerPhrase(_ phrase: String) -> String? {
        var words = phrase.split(separator: " ")
        // Each word lowercased without the punctuation around it, worked out once.
        var keys = words.map { word -> String in
            var core = word
            while let last = core.last, !last.isLetter, !last.isNumber { core = core.dropLast() }
            while let first = core.first, !first.isLetter, !first.isNumber { core = core.dropFirst() }
            return core.lowercased()
        }
        // A reporting verb's finite forms (`says`, `mocked`, `told`), not its base form, which is
        // a noun as often (`An early tweet`), nor its participle (`a source speaking to`).
        func isVerb(_ key: String) -> Bool {
            finiteAuxiliaries.contains(key) || irregularPasts.contains(key)
                || ((key.hasSuffix("s") || key.hasSuffix("ed")) && ReportingVerbs.cues.contains(key))
        }
        func isLower(_ word: Substring) -> Bool { word.first?.isLowercase ?? false }
        // `with Donald Trump` (before `saying`): a preposition opens no noun phrase.
        while words.count > 1, isLower(words[0]), ReportingVerbs.prepositions.contains(keys[0]) {
            words.removeFirst()
            keys.removeFirst()
        }
        guard let first = words.first, words.count > 1 || !first.allSatisfy(\.isNumber) else { return nil }
        if isLower(first), isVerb(keys[0]) || sentenceAdverbs.contains(keys[0]) { return nil }
        // `last week`, `two weeks ago`, `Saturday`: a time is nobody.
        if isTime(keys) { return nil }
        var index = 1
        // After only articles or numbers a word is the head noun (`One tweet`).
        var headless = ReportingVerbs.determiners.contains(keys[0])
        while index < words.count {
            let word = words[index]
            let wordKey = keys[index]
            let next = index + 1 < words.count ? keys[index + 1] : nil
            if isLower(word) {
                // `a fundraising email sent out by Sanders`: a participle before `by` describes the noun.
                let byNext = next == "by" || (index + 2 < words.count && keys[index + 2] == "by")
                if finiteAuxiliaries.contains(wordKey) || (!byNext && !headless && isVerb(wordKey)) { break }
            } else if next != nil, !isLower(first),
                wordKey.hasSuffix("ed") || wordKey.hasSuffix("s") || wordKey == "said", isVerb(wordKey),
                PersonNames.gender(ofFirstName: String(word)) == nil
            {
                // A headline in title case goes on past its verb (`Clinton Said Blame Placed`);
                // a first name that is a verb too (`Mark`, `Will`) is not one.
                break
            }
            headless = headless && ReportingVerbs.determiners.contains(wordKey)
            index += 1
        }
        words.removeSubrange(index...)
        keys.removeSubrange(index...)
        // Not down to an article alone (`the first`).
        while words.count > 1, let last = words.last, isLower(last), let lastKey = keys.last,
            phraseEnders.contains(lastKey) || (lastKey.count > 5 && lastKey.hasSuffix("ly")),
            words.count > 2 || !["the", "a", "an"].contains(keys[0])
        {
            words.removeLast()
            keys.removeLast()
        }
        return words.count == 1 && words[0].count == phrase.count ? phrase : words.joined(separator: " ")
    }

    /// Whether the words (lowercase keys) are only a time: a weekday or month (`Saturday`), a
    /// unit of time after `last`, `this`, `next` or a number word, or before `ago` (`last week`,
    /// `two weeks ago`).
    static func isTime(_ keys: [String]) -> Bool {
        guard !keys.isEmpty, keys.count <= 4, !keys.allSatisfy(timeLeads.contains) else { return false }
        return keys.allSatisfy { key in
            timeUnits.contains(key) || timeLeads.contains(key) || Lexicon.monthNames.contains(key)
                || QuoteAnalyzer.weekdays.contains(key)
        }
    }

    /// Units of time, and the words before them, for `isTime`.
    static let timeUnits: Set<String> = [
        "week", "weeks", "month", "months", "year", "years", "day", "days", "night", "morning", "evening",
        "afternoon", "summer", "winter", "spring", "fall", "autumn", "weekend", "hour", "hours", "ago",
    ]
    static let timeLeads: Set<String> = [
        "last", "this", "next", "earlier", "later", "a", "one", "two", "three", "few", "several",
    ]

    /// Finite forms of the auxiliary verbs: no noun phrase goes on past them.
    static let finiteAuxiliaries: Set<String> = [
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "did",
        "does", "do", "might", "may", "should", "must", "shall",
    ]

    /// Past forms of common verbs that are not reporting verbs but end a subject all the same
    /// (`The president left no doubt`, `The candidate sent out an email`).
    static let irregularPasts: Set<String> = [
        "said", "told", "wrote", "began", "took", "made", "gave", "went", "came", "ran", "got", "left",
        "sent", "kept", "brought", "held", "put", "spoke", "swore", "thought", "knew", "felt",
    ]

    /// Adverbs that neither start nor end a noun phrase (`Russians now`, `Carter however`).
    static let sentenceAdverbs: Set<String> = [
        "now", "however", "then", "also", "instead", "still", "again", "too", "later",
    ]

    /// Words a noun phrase does not end with: prepositions, articles, conjunctions, sentence
    /// adverbs and reflexives (`Sanders himself`).
    static let phraseEnders: Set<String> = sentenceAdverbs.union([
        "of", "to", "for", "in", "at", "on", "with", "by", "from", "about", "the", "a", "an", "and",
        "or", "but", "that", "who", "which", "first", "himself", "herself", "themselves", "itself",
    ])

    /// The tokens as text: words separated by spaces, punctuation attached.
    static func words(_ tokens: ArraySlice<Token>) -> String {
        var out = ""
        for token in tokens {
            if token.isWord, !out.isEmpty, !out.hasSuffix("’"), !out.hasSuffix("'") { out += " " }
            out += token.text
        }
        return out.trimmingWhitespace()
    }
}
