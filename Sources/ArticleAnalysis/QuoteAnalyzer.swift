// copydesk — ArticleAnalysis
// Direct quotations in running text and their speakers: cues, names, pronouns, labels and pull quotes.

import ArticleModel

// MARK: - QuoteAnalyzer

/// Finds the direct quotations in paragraphs and list items and attributes each to a speaker.
///
/// A quotation takes the speaker a cue names next to it (`"…," she said`, `said Jane Doe`,
/// `Jane Doe said: "…"`, `according to the ministry`), a transcript label (`WALLACE: …`) or, with
/// no cue, the person or role phrase its sentence opens with (`explicit`); else the list's speaker
/// label (`label`); else the speaker the sentence before reports, the speaker of the quotation its
/// sentence continues, the last speaker of its paragraph or the one before, or the person the
/// paragraph is about (`inherited`). Pronouns resolve to the last person named as a sentence's
/// subject whose gender (titles, first names) fits (`pronoun`); places and organisations are not
/// people; surnames resolve to the full name printed anywhere in the article, and an acronym in
/// parentheses after a title (`Chief of Army Staff (COAS) General …`) to the name it introduces. Short quotations with no cue in their sentence (scare quotes,
/// titles, nicknames) are not quotations. Pull quotes and blockquotes without a printed
/// attribution inherit the speaker of the body quotation they repeat. Quotations in the headline
/// are listed as `.headline` quotes when their speaker is found (`headlineQuotes`). Runs after
/// `SetApartQuoteCollector`; an article that already lists direct quotes gains none, and one that
/// lists headline quotes gains no more of those.
package struct QuoteAnalyzer: Analyzer {
    /// Quotations of at most this many words need a cue in their sentence to count.
    static let shortQuoteWords = 3

    /// The model that picks each quotation's speaker among the candidates; `nil`: the rules' choice.
    package var ranker: SpeakerRanker?

    package init(ranker: SpeakerRanker? = .shipped) {
        self.ranker = ranker
    }

    package var name: String { "quotes" }

    package func analyze(_ article: inout Article) -> [Diagnostic] {
        analyze(&article, budget: .default)
    }

    package func analyze(_ article: inout Article, budget: AnalysisBudget) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        if !article.quotes.contains(where: { $0.kind == .direct }) {
            let units = Self.units(of: article, budget: budget, notes: &notes)
            var records: [SpeakerChoice]? = nil
            Self.place(
                Self.directQuotes(in: units, ranker: ranker, records: &records), units: units, in: &article,
                notes: &notes)
        } else {
            let unanchored = article.unanchoredQuotes.filter { $0.kind == .direct }
            if !unanchored.isEmpty { Self.anchor(unanchored, in: &article, budget: budget, notes: &notes) }
        }
        if !article.quotes.contains(where: { $0.kind == .headline }) {
            for var quote in Self.headlineQuotes(in: article) {
                quote.id = article.nextQuoteID()
                article.quotes.append(quote)
            }
        }
        Self.inheritSpeakers(&article.quotes)
        article.sortQuotesByPosition()
        return notes
    }

    // MARK: Anchoring

    /// A quotation found in the text, its quote (without an id yet) and where it stands.
    struct Found {
        var quote: Quote
        var span: QuoteSpan
    }

    /// Lists the quotations found, each under a new id, and marks each where it stands in its
    /// paragraphs or list items.
    static func place(_ found: [Found], units: [Unit], in article: inout Article, notes: inout [Diagnostic]) {
        guard !found.isEmpty else { return }
        var number = Int(article.nextQuoteID().dropFirst()) ?? 1
        for item in found {
            var quote = item.quote
            quote.id = "q\(number)"
            number += 1
            if !mark(item.span, id: quote.id, units: units, in: &article) {
                notes.append(unmarked(quote))
            }
            article.quotes.append(quote)
        }
    }

    /// Anchors quotes an input listed without marking them in its body (Markdown front matter,
    /// canonical JSON of model 1.x): each goes to the first quotation found in the text with the
    /// same words, in order; one whose words are not found stays listed, with a note.
    static func anchor(
        _ quotes: [Quote], in article: inout Article, budget: AnalysisBudget, notes: inout [Diagnostic]
    ) {
        let texts = units(of: article, budget: budget, notes: &notes)
        let spans = QuoteScanner.scan(texts.map(\.chars))
        var used = Set<Int>()
        for quote in quotes {
            let want = fold(quote.text)
            guard !want.isEmpty,
                let index = spans.indices.first(where: { !used.contains($0) && fold(spans[$0].text) == want }),
                mark(spans[index], id: quote.id, units: texts, in: &article)
            else {
                notes.append(unmarked(quote))
                continue
            }
            used.insert(index)
        }
    }

    /// A note for a quote that could not be marked in the body.
    static func unmarked(_ quote: Quote) -> Diagnostic {
        let words = quote.text.count > 60 ? quote.text.prefix(60) + "…" : Substring(quote.text)
        return Diagnostic(
            id: "quote.unanchored", severity: .note,
            message:
                "the quotation “\(words)” could not be marked in the body; it stays listed in quotes, but formats "
                + "that show speakers in the text (NewsML-G2, ninjs, HTML) cannot show its speaker",
            location: quote.location)
    }

    /// Marks every part of a span as a quotation with this id; `false` when no part could be.
    static func mark(
        _ span: QuoteSpan, id: String, units: [Unit], in article: inout Article
    ) -> Bool {
        var marked = false
        for part in span.parts where units.indices.contains(part.unit) {
            let unit = units[part.unit]
            marked = article.markQuotation(part, id: id, block: unit.blockIndex, item: unit.itemIndex) || marked
        }
        return marked
    }

    // MARK: Units

    /// A paragraph or list item: the running text quotations are looked for in.
    struct Unit {
        var blockIndex: Int
        /// The list item, for a unit that is one.
        var itemIndex: Int? = nil
        var chars: [Character]
        var label: Speaker?
        var location: SourceLocation?
    }

    static func units(
        of article: Article, budget: AnalysisBudget = .default, notes: inout [Diagnostic]
    ) -> [Unit] {
        var units: [Unit] = []
        var allowance = AnalysisAllowance(budget, analyser: "quotations")
        defer { if let note = allowance.note { notes.append(note) } }
        func chars(_ text: String, _ index: Int, _ location: SourceLocation?) -> [Character] {
            allowance.takeCharacters(text, blockIndex: index, location: location)
        }
        for (index, block) in article.body.enumerated() {
            switch block {
            case .paragraph(let paragraph):
                units.append(
                    Unit(
                        blockIndex: index, chars: chars(paragraph.content.plainText, index, paragraph.location),
                        location: paragraph.location))
            case .list(let list):
                for (itemIndex, item) in list.items.enumerated() {
                    let location = item.location ?? list.location
                    units.append(
                        Unit(
                            blockIndex: index, itemIndex: itemIndex,
                            chars: chars(item.content.plainText, index, location),
                            label: list.speaker, location: location))
                }
            default:
                continue
            }
        }
        return units
    }

    // MARK: Finding and attributing

    /// The candidates and the ranker's choice for every attributed quotation of an article read
    /// without quotes (what `copydesk debug speaker-candidates` prints, and the trainer reads).
    package static func speakerChoices(in article: Article, ranker: SpeakerRanker? = .shipped) -> [SpeakerChoice] {
        var notes: [Diagnostic] = []
        var records: [SpeakerChoice]? = []
        _ = directQuotes(in: units(of: article, notes: &notes), ranker: ranker, records: &records)
        return records ?? []
    }

    /// The quotations in the units, each with its speaker when one is found; `records` (when not
    /// `nil`) gains each attributed quotation's candidates.
    static func directQuotes(
        in units: [Unit], ranker: SpeakerRanker? = .shipped, records: inout [SpeakerChoice]?
    ) -> [Found] {
        let spans = QuoteScanner.scan(units.map(\.chars))
        guard !spans.isEmpty else { return [] }
        let texts = units.map { TokenizedText($0.chars) }
        var names = NameBook()
        for (unit, text) in zip(units, texts) {
            names.learnAcronyms(in: unit.chars)
            names.learnNames(in: text.tokens)
        }
        var state = AttributionState()
        state.ranker = ranker
        state.records = records
        defer { records = state.records }
        var quotes: [Found] = []
        var next = 0
        for (unitIndex, unit) in units.enumerated() {
            state.currentUnit = unitIndex
            // Outside text before each quotation that starts here, then the quotation.
            var cursor = 0
            if let previous = spans[..<next].last, previous.endUnit == unitIndex { cursor = previous.close }
            while next < spans.count, spans[next].startUnit == unitIndex {
                let span = spans[next]
                state.noteSubjects(
                    in: texts[unitIndex].tokens(in: min(cursor, span.open)..<span.open), unit: unitIndex,
                    midSentence: cursor > 0 && !Self.endsSentence(spans[next - 1].text), names: &names)
                if let quote = attribute(
                    span, at: next, in: spans, units: units, texts: texts, names: &names, state: &state)
                {
                    quotes.append(Found(quote: quote, span: span))
                }
                cursor = span.close
                next += 1
                if span.endUnit != unitIndex { break }
            }
            // Text after the last quotation: its subjects, and speech it reports (`Carter said that …`)
            // that a quotation in the next paragraph may continue.
            if next == 0 || spans[next - 1].endUnit <= unitIndex {
                let tail = texts[unitIndex].tokens(in: min(cursor, unit.chars.count)..<unit.chars.count)
                state.noteSubjects(
                    in: tail, unit: unitIndex, midSentence: cursor > 0 && !Self.endsSentence(spans[next - 1].text),
                    names: &names)
                var tailTokens = tail
                while let last = tailTokens.last, last.endsSentence || !last.isWord { tailTokens.removeLast() }
                let tokens = SpeakerFinder.sentenceTail(tailTokens)
                if tokens.count > 3, let mention = SpeakerFinder.before(tokens), mention.cue != ":" {
                    if let speaker = state.speaker(for: mention, names: &names) {
                        state.lastSpeakerByUnit[unitIndex] = speaker
                    }
                }
            }
        }
        return quotes
    }

    /// Whether a quotation's text ends its sentence (`… done.`), so the text after it starts a new one.
    static func endsSentence(_ text: String) -> Bool {
        text.last.map { ".!?".contains($0) } ?? false
    }

    /// The quote for one span, or `nil` when it is not a quotation (a scare quote, a title).
    static func attribute(
        _ span: QuoteSpan, at position: Int, in spans: [QuoteSpan], units: [Unit], texts: [TokenizedText],
        names: inout NameBook, state: inout AttributionState
    ) -> Quote? {
        let startUnit = units[span.startUnit]
        let endUnit = units[span.endUnit]
        // The text between this quotation and its neighbours in the same unit.
        let previousClose =
            position > 0 && spans[position - 1].endUnit == span.startUnit ? spans[position - 1].close : 0
        let nextOpen =
            position + 1 < spans.count && spans[position + 1].startUnit == span.endUnit
            ? spans[position + 1].open : endUnit.chars.count
        let beforeTokens = texts[span.startUnit].tokens(in: min(previousClose, span.open)..<span.open)
        let afterTokens = texts[span.endUnit].tokens(in: min(span.close, nextOpen)..<nextOpen)
        let beforeSentence = SpeakerFinder.sentenceTail(beforeTokens)
        var afterSentence = SpeakerFinder.sentenceHead(afterTokens)
        let endsSentence = span.text.last.map { ".!?".contains($0) } ?? false
        // `"… here?" Trump said, looking out …` and `"… right?" Trump went on, …` are still the
        // quotation's sentence.
        let attributionAfter = afterSentence.prefix(6).indices.contains { index in
            guard afterSentence[index].isWord,
                afterSentence[afterSentence.startIndex..<index].allSatisfy({ !$0.isWord || $0.isCapitalized })
            else { return false }
            return SpeakerFinder.isWentOn(afterSentence, at: index)
                || (Lexicon.speechVerbs.contains(afterSentence[index].key)
                    && (index + 1 == afterSentence.endIndex || !afterSentence[index + 1].isWord))
        }
        if endsSentence, let first = afterSentence.first(where: \.isWord), first.isCapitalized,
            !ReportingVerbs.cues.contains(first.key), afterSentence.count > 4, !attributionAfter,
            !SpeakerFinder.attributionDashes.contains(afterSentence.first?.text ?? "")
        {
            // `"… done." Smith said the …` starts a new sentence.
            afterSentence = []
        }
        var mention = SpeakerFinder.transcriptLabel(span.text).map { Mention(text: $0, kind: .name, cue: ":") }
        // `When Berg said he would "…," the crowd applauded`: the quotation ends a clause the sentence
        // opens with; that clause's cue is its speaker's, the main clause after it is about others.
        let endsOpeningClause =
            beforeSentence.first(where: \.isWord).map { $0.isCapitalized && AttributionState.opensClause($0.key) }
            ?? false
            && !beforeSentence.contains { $0.text == "," }
            && (span.text.last == "," || afterSentence.first?.text == ",")
        if mention == nil, endsOpeningClause { mention = SpeakerFinder.before(beforeSentence) }
        if mention == nil { mention = SpeakerFinder.after(afterSentence) }
        if mention == nil { mention = SpeakerFinder.before(beforeSentence) }
        let wordCount = span.text.split(whereSeparator: { $0.isWhitespace }).count
        // `calling him a "train wreck" and "outsourcer in chief"`: a short quotation listed right
        // after a quotation of the same sentence is one too, by the same speaker.
        let listed =
            position > 0 && state.lastKeptSpan == position - 1 && spans[position - 1].endUnit == span.startUnit
            && beforeTokens.count <= 3 && beforeTokens.contains { ["and", "or"].contains($0.key) }
            && beforeTokens.allSatisfy { !$0.isWord || ["and", "or", "a", "an", "the"].contains($0.key) }
        // `Ruiz said voters find it "very hard to accept" for its "secret clauses."`: a short
        // quotation later in the sentence of a quotation a cue attributed is that speaker's too.
        let sameSentence =
            position > 0 && previousClose > 0 && beforeSentence.startIndex == beforeTokens.startIndex
            && !Self.endsSentence(spans[position - 1].text) && state.lastKeptSpan == position - 1
            && state.lastKeptHadCue && state.lastSpeakerByUnit[span.startUnit] != nil
        // `"It's not quite optimistic," he said. "We're hopeful."`: a short sentence quoted right
        // after the cue of the paragraph's last quotation goes on with its speaker.
        let nextSentence =
            position > 0 && previousClose > 0 && state.lastKeptSpan == position - 1 && state.lastKeptHadCue
            && !beforeSentence.contains(where: \.isWord) && beforeTokens.filter(\.isWord).count <= 8
            && span.text.first?.isUppercase == true && endsSentence
            && state.lastSpeakerByUnit[span.startUnit] != nil
        if mention == nil, wordCount <= shortQuoteWords, !listed, !sameSentence, !nextSentence {
            // `Berg called the plan a "total mess"`: a person the sentence opens with (or `he`, `she`).
            guard span.text.first?.isLowercase ?? false, startUnit.label == nil,
                let subject = SpeakerFinder.leading(beforeSentence, cue: ""),
                subject.kind == .name
                    ? names.isPerson(subject.text)
                    : subject.kind == .pronoun
                        && ["he", "she"].contains(subject.text.lowercased()),
                beforeSentence.count > 2
            else { return nil }
            mention = subject
        }
        guard span.text.count >= 3 else { return nil }
        if Self.namesWork(span.text, before: beforeTokens, after: afterTokens) { return nil }
        // `… while trying to`, `… the city embodied the`: a role phrase that is a piece of a verb
        // phrase names nobody; the quotation is kept and looks for its speaker elsewhere.
        if let found = mention, found.kind == .role, SpeakerFinder.isVerbPhrase(found.text) { mention = nil }
        var reportedBefore = false
        // No cue in the quotation's sentence: the sentence before it may report the speech
        // (`Jane Doe said in a statement. "…"`).
        if mention == nil, beforeSentence.startIndex > beforeTokens.startIndex {
            let previous = SpeakerFinder.sentenceTail(beforeTokens[..<(beforeSentence.startIndex - 1)])
            if previous.count > 2, let reported = SpeakerFinder.before(previous, previousSentence: true),
                reported.cue != ":",
                reported.kind != .role || !SpeakerFinder.isVerbPhrase(reported.text)
            {
                mention = reported
                reportedBefore = true
            } else if previous.contains(where: {
                $0.isWord && !$0.isCapitalized && ReportingVerbs.cues.contains($0.key)
            }),
                let subject = SpeakerFinder.leading(previous, cue: ""), subject.kind == .name,
                names.isPerson(subject.text)
            {
                // `Ruiz seemed taken aback and mentioned that …. "…"`: a verb phrase joined to the
                // subject's first one reports the speech; the person the sentence opens with speaks.
                mention = subject
                reportedBefore = true
            }
        }
        // No cue: a person the sentence starts with is its speaker (`Trump launched into a lament
        // for the "…"`), before a quotation of an earlier sentence.
        // `… remarking that "…," Rubio already "…"`: the rest of a sentence a quotation interrupted
        // goes on with that quotation's speaker.
        let continues =
            position > 0 && previousClose > 0 && beforeSentence.startIndex == beforeTokens.startIndex
            && !Self.endsSentence(spans[position - 1].text) && state.lastKeptSpan == position - 1
        if mention == nil, startUnit.label == nil, continues, state.lastSpeakerByUnit[span.startUnit] != nil {
            mention = Mention(text: "", kind: .continuation, cue: "")
        }
        if mention == nil, startUnit.label == nil {
            if let subject = SpeakerFinder.leading(beforeSentence, cue: ""), subject.kind == .name,
                names.isPerson(subject.text)
            {
                mention = subject
            } else if beforeSentence.startIndex == beforeTokens.startIndex ? previousClose == 0 : true,
                let role = SpeakerFinder.openingRole(beforeSentence) ?? SpeakerFinder.roleAfterOpening(beforeSentence)
            {
                // `The ad targets a "…"`: a sentence that opens with a role phrase is its speaker's,
                // also past an opening phrase (`On its website, the agency lists "…"`).
                mention = Mention(text: role, kind: .role, cue: "")
            }
        }

        // A name or role phrase that ran into its verb (`Clinton began`) is cut back to its noun
        // phrase; one that is no noun phrase at all (`were hacked`) names nobody.
        if let found = mention, found.kind == .name || found.kind == .role {
            // What is left of `her to` is a pronoun, and of `Ruiz began Sunday with a` a name,
            // resolved as such.
            mention = SpeakerFinder.speakerPhrase(found.text).map { phrase in
                var kind = found.kind
                let words = phrase.split(separator: " ")
                if ReportingVerbs.pronouns.contains(phrase.lowercased()) || ["him", "her", "them"].contains(phrase) {
                    kind = .pronoun
                } else if kind == .role, words.allSatisfy({ $0.first?.isUppercase ?? false }),
                    let first = words.first, !ReportingVerbs.determiners.contains(first.lowercased())
                {
                    kind = .name
                }
                return Mention(text: phrase, kind: kind, role: found.role, cue: found.cue)
            }
        }
        // Speech relayed through another source (`…," Grayson said, according to Frankel.`) is
        // credited to that source, which the article vouches for. The person who spoke stays the
        // one a later `he` or `she` refers to, and the one counted as quoted.
        var relayed: Mention?
        if let inner = mention, inner.kind != .continuation,
            let relay = SpeakerFinder.relay(
                before: beforeSentence, after: inner.cue == "according to" ? [] : afterSentence)
        {
            relayed = inner
            mention = relay
        }
        var speaker: Speaker?
        var attribution: Quote.Attribution?
        if let mention, mention.kind == .continuation {
            speaker = state.lastSpeakerByUnit[span.startUnit] ?? startUnit.label ?? state.subjectByUnit[span.startUnit]
            attribution = speaker == nil ? nil : .inherited
        } else if let mention {
            speaker = state.speaker(for: mention, names: &names)
            attribution = reportedBefore ? .inherited : mention.kind == .pronoun ? .pronoun : .explicit
            if speaker == nil, let label = startUnit.label {
                (speaker, attribution) = (label, .label)
            }
        } else if let label = startUnit.label {
            (speaker, attribution) = (label, .label)
        } else if let floating = state.lastSpeakerByUnit[span.startUnit] ?? state.lastSpeakerByUnit[span.startUnit - 1]
        {
            (speaker, attribution) = (floating, .inherited)
        } else if let subject = state.subjectByUnit[span.startUnit] ?? state.subjectByUnit[span.startUnit - 1] {
            // No speaker yet: the person the paragraph (or the one before) is about.
            (speaker, attribution) = (subject, .inherited)
        }
        // The ranker picks among the candidates of a quotation the rules attributed; what the
        // analyser remembers for the next quotations stays the rules' choice, so that the features
        // are those the model was trained on. A list's printed label is no guess: it stays.
        var (chosenSpeaker, chosenAttribution) = (speaker, attribution)
        if let ruleSpeaker = speaker, let ruleAttribution = attribution, ruleAttribution != .label,
            state.ranker != nil || state.records != nil
        {
            let context = RankingContext(
                speaker: ruleSpeaker, attribution: ruleAttribution, mention: mention, reportedBefore: reportedBefore,
                unit: span.startUnit, before: beforeSentence, after: afterSentence, wordCount: wordCount,
                quote: span.text, relayed: relayed != nil)
            let candidates = Self.candidates(context, names: names, state: &state)
            let chosen = state.ranker?.best(candidates) ?? 0
            (chosenSpeaker, chosenAttribution) = (candidates[chosen].speaker, candidates[chosen].attribution)
            state.records?.append(SpeakerChoice(quote: span.text, candidates: candidates, chosen: chosen))
        }
        if let speaker {
            state.lastSpeakerByUnit[span.endUnit] = speaker
            if relayed == nil { state.noteQuoted(speaker) }
        }
        if let relayed, relayed.kind == .name, let person = state.speaker(for: relayed, names: &names) {
            state.noteQuoted(person)
        }
        if mention?.kind != .continuation { state.lastKeptHadCue = mention != nil && !reportedBefore }
        state.lastKeptSpan = position
        return Quote(
            id: "", text: span.text, speaker: chosenSpeaker, cue: reportedBefore ? nil : mention?.cue.nonEmpty,
            kind: .direct, attribution: chosenAttribution, location: startUnit.location)
    }

    /// `ABC’s`, `MSNBC's`: two to six capitals and a possessive `’s`.
    /// Whether a quotation is the title of a work, by the words around it, not someone's words:
    /// - title case after an acronym's possessive (`told ABC’s “This Week”`: a network's or a
    ///   paper's programme or column);
    /// - a title, perhaps with a subtitle, after a word naming a work (`the book “Failure to
    ///   Adjust: …”`, `his podcast, “The Axe Files”`, `a show titled “…”`);
    /// - title case after `on`, `of` or `in` (`said on “Meet the Press.”`, `author of “Going
    ///   Viral,”`), or with a word naming a work in the three words after it (`“Tales From the
    ///   Crypt,” an HBO series`, `“Orange is the New Black” star …`).
    /// The tokens are tested first: `isTitle` reads the whole quotation.
    static func namesWork(_ text: String, before: [Token], after: [Token]) -> Bool {
        if let last = before.last(where: { $0.text != "," }), last.isWord, QuotedSpan.workWords.contains(last.key),
            QuotedSpan.isWorkTitle(text)
        {
            return true
        }
        let titleBefore = before.last.map {
            Self.isAcronymPossessive($0) || ($0.isWord && ["on", "of", "in"].contains($0.key))
        }
        let workAfter = after.lazy.filter(\.isWord).prefix(3).contains { QuotedSpan.workNouns.contains($0.key) }
        return (titleBefore == true || workAfter) && QuotedSpan.isTitle(text)
    }

    static func isAcronymPossessive(_ token: Token) -> Bool {
        guard token.isWord, token.text.hasSuffix("’s") || token.text.hasSuffix("'s") else { return false }
        let letters = token.text.dropLast(2)
        return (2...6).contains(letters.count) && letters.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    // MARK: Pull quotes

    /// A pull quote or blockquote without a speaker takes the speaker of the body quote it repeats.
    static func inheritSpeakers(_ quotes: inout [Quote]) {
        let direct = quotes.filter { $0.kind == .direct && $0.speaker != nil }
        guard !direct.isEmpty else { return }
        for index in quotes.indices where quotes[index].kind != .direct && quotes[index].speaker == nil {
            if let source = repeated(quotes[index].text, among: direct) {
                quotes[index].speaker = source.speaker
                quotes[index].cue = source.cue
                quotes[index].attribution = .inherited
            }
        }
    }

    /// The quotation among `direct` that `text` repeats (either holds the other's words), for a
    /// text of at least eight letters and digits.
    static func repeated(_ text: String, among direct: [Quote]) -> Quote? {
        let key = fold(text)
        guard key.count >= 8 else { return nil }
        return direct.first { fold($0.text).contains(key) || key.contains(fold($0.text)) }
    }

    /// Lowercased letters and digits only, for comparing quotations.
    static func fold(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}

// MARK: - AttributionState

/// What the analyser remembers while reading: the people named so far, most recent last, and the
/// last speaker of each unit.
struct AttributionState {
    /// The last speaker in each unit, for quotations that float without a cue.
    var lastSpeakerByUnit: [Int: Speaker] = [:]
    /// The position of the last span kept as a quotation, and whether a cue in its sentence (or
    /// the sentence of the quotation it continues) named its speaker.
    var lastKeptSpan: Int?
    var lastKeptHadCue = false
    /// The last person named as a subject in each unit.
    var subjectByUnit: [Int: Speaker] = [:]
    /// The people named as subjects or speakers, most recent last (at most eight).
    var recent: [Speaker] = []
    /// The unit being read, and the last unit each recent person was named in.
    var currentUnit = 0
    var lastUnitByName: [String: Int] = [:]
    /// The speakers of the quotations so far (the rules' choices), most recent last (at most eight),
    /// and how many quotations each was given.
    var speakers: [Speaker] = []
    var quoteCounts: [String: Int] = [:]
    /// The speaker ranker, and the candidates recorded for the trainer (when not `nil`).
    var ranker: SpeakerRanker?
    var records: [SpeakerChoice]?
    /// The ranker's memos (SpeakerRanker.swift): facts of names, people named by capitalised runs,
    /// people whose surnames a unit prints.
    var nameFacts: [String: NameFacts] = [:]
    var runPeople: [String: Speaker?] = [:]
    var unitPeople: [Int: [(String, String)]] = [:]

    /// The most recent person named as a subject or a speaker.
    var lastNamed: Speaker? {
        get { recent.last }
        set {
            guard let newValue else { return }
            recent.removeAll { $0.name == newValue.name }
            recent.append(newValue)
            if recent.count > 8 { recent.removeFirst() }
            lastUnitByName[newValue.name] = currentUnit
        }
    }

    /// Records a quotation given to this speaker.
    mutating func noteQuoted(_ speaker: Speaker) {
        quoteCounts[speaker.name, default: 0] += 1
        speakers.removeAll { $0.name == speaker.name }
        speakers.append(speaker)
        if speakers.count > 8 { speakers.removeFirst() }
    }

    /// Records the first person named in each sentence of outside text (its likely subject), for
    /// pronouns to resolve to. A sentence whose subject is a pronoun (`he called Rubio …`) names no
    /// new subject, nor does the rest of a sentence a quotation interrupted (`midSentence`).
    mutating func noteSubjects(
        in tokens: [Token], unit: Int, midSentence: Bool, names: inout NameBook
    ) {
        var found = midSentence
        var sentenceStart = !midSentence
        // Inside an opening phrase (`In a letter to Obama, Warren called …`): no subject there.
        var opening = false
        var subordinate = false
        var index = tokens.startIndex
        while index < tokens.endIndex {
            let token = tokens[index]
            if token.endsSentence {
                (found, sentenceStart, opening) = (false, true, false)
                index += 1
                continue
            }
            if sentenceStart, token.isWord {
                sentenceStart = false
                opening = token.isCapitalized && Self.opensPhrase(token.key)
                subordinate = token.isCapitalized && Self.opensClause(token.key)
            }
            if opening, token.text == "," { opening = false }
            // `When Emily Martin … gave a talk, she said …`: the clause names a subject, and the main
            // clause after its comma may name a newer one.
            if subordinate, token.text == "," {
                subordinate = false
                found = false
            }
            if !found, !opening, token.isWord, Self.subjectPronouns.contains(token.key) {
                found = true
            }
            guard token.isCapitalized, !ReportingVerbs.notNames.contains(token.key) else {
                index += 1
                continue
            }
            var end = index
            while end < tokens.endIndex, tokens[end].isCapitalized || SpeakerFinder.isConnector(tokens[end]) {
                end += 1
            }
            // `…, Goff said.`: a person whose speech the sentence reports is its subject too. After a
            // pronoun and its verb (`he said Ryan`, `He said Mateen "…"`) the name is what was said,
            // not who said it.
            let reports =
                (end < tokens.endIndex && Lexicon.speechVerbs.contains(tokens[end].key)
                    && (index == tokens.startIndex || !ReportingVerbs.prepositions.contains(tokens[index - 1].key)))
                || (index > tokens.startIndex && Lexicon.speechVerbs.contains(tokens[index - 1].key)
                    && !ReportingVerbs.takesObject.contains(tokens[index - 1].key)
                    && !(index - 1 > tokens.startIndex && Self.subjectPronouns.contains(tokens[index - 2].key)))
            guard (!found && !opening) || reports else {
                index = max(end, index + 1)
                continue
            }
            // `Clinton spokeswoman Jennifer Palmieri`: the person is the name after the role.
            var role = end
            while role < tokens.endIndex, role - end < 3, tokens[role].isWord, !tokens[role].isCapitalized,
                PersonNames.roleNouns.contains(tokens[role].key)
            {
                role += 1
            }
            if role > end, role < tokens.endIndex, tokens[role].isCapitalized {
                index = role
                continue
            }
            // The weekday off first (`Trump's Monday speech`), so that the possessive below is seen;
            // `personName` trims it for every other run.
            var run = QuoteAnalyzer.withoutDayTail(SpeakerFinder.words(tokens[index..<end]))
            // `Mr. Trump's campaign manager, Kellyanne Conway, …`: a possessor is remembered, but the
            // sentence's subject may still follow; a name after a preposition (`against Crist`) is none.
            let possessor = run.hasSuffix("’s") || run.hasSuffix("'s")
            if possessor { run.removeLast(2) }
            // `As for Trump, he said …`: the name a sentence opens with as its topic is who a
            // pronoun after it is.
            let topic =
                index - 2 >= tokens.startIndex && ["for", "to"].contains(tokens[index - 1].key)
                && tokens[index - 2].key == "as" && tokens[index - 2].isCapitalized
            if !reports, !possessor, !topic, index > tokens.startIndex, tokens[index - 1].key != "by",
                ReportingVerbs.prepositions.contains(tokens[index - 1].key)
            {
                index = max(end, index + 1)
                continue
            }
            // `the Islamic State`, `a New York judge`: a run after an article is not a person's name.
            let afterDeterminer =
                index > tokens.startIndex && ["the", "a", "an"].contains(tokens[index - 1].key)
                && !Lexicon.titles.contains(token.key)
            if !afterDeterminer, let name = names.personName(in: run) {
                let person = names.resolve(Mention(text: name, kind: .name, cue: ""))
                lastNamed = person
                subjectByUnit[unit] = person
                found = !possessor
            }
            index = max(end, index + 1)
        }
    }

    /// The pronouns that stand as a sentence's subject.
    static let subjectPronouns: Set<String> = ["he", "she", "they", "i", "we"]

    /// Whether a sentence's first word opens a phrase before its subject (`In`, `Regarding`, `After`).
    static func opensPhrase(_ key: String) -> Bool {
        (ReportingVerbs.prepositions.contains(key) && !opensClause(key)) || key.hasSuffix("ing")
            || key.hasSuffix("ed")
    }

    /// Whether a sentence's first word opens a subordinate clause (`When`, `After`, `Although`).
    static func opensClause(_ key: String) -> Bool {
        ["after", "before", "when", "while", "as", "since", "although", "though", "if", "because", "once", "until"]
            .contains(key)
    }

    /// The speaker a mention names: pronouns resolve to the last person named.
    mutating func speaker(for printed: Mention, names: inout NameBook) -> Speaker? {
        var mention = printed
        if mention.kind == .name || mention.kind == .role {
            // `Clinton on Monday said`, `Priebus later Thursday told`: the day is not the speaker's.
            mention.text = QuoteAnalyzer.withoutDayTail(mention.text)
            if mention.text.isEmpty { return nil }
        }
        switch mention.kind {
        case .pronoun:
            // `he` and `she` skip people known to be of the other gender.
            let gender = NameBook.Gender(pronoun: mention.text)
            let people = gender == nil ? recent : recent.filter { names.isPerson($0.name) }
            let named =
                people.last { person in gender == nil || names.gender(of: person.name).map { $0 == gender } ?? true }
                ?? people.last ?? recent.last
            guard let named else { return nil }
            return Speaker(name: named.name, mention: mention.text, role: named.role)
        case .name:
            let speaker = names.resolve(mention)
            lastNamed = speaker
            return speaker
        case .role:
            let speaker = names.resolve(mention)
            if speaker.name.contains(where: \.isUppercase) { lastNamed = speaker }
            return speaker
        case .continuation:
            return nil
        }
    }
}

extension QuoteAnalyzer {
    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
    private static let dayLeads: Set<String> = ["on", "late", "early", "later", "earlier", "last", "this", "next"]
    private static let dayParts: Set<String> = ["morning", "afternoon", "evening", "night"]
    /// First words of named days (`Black Friday`, `Super Tuesday`): the weekday is part of the name.
    private static let namedDayFirstWords: Set<String> = [
        "black", "good", "super", "cyber", "ash", "holy", "maundy", "palm", "easter", "giving", "bloody",
    ]

    /// A speaker phrase without the weekday a subject can end with before its verb (`Clinton on
    /// Monday`, `Priebus later Thursday`, `a statement Wednesday night`); empty when the phrase is
    /// only that (`on Friday`). A weekday first (`Tuesday's vote`), inside, or in a named day (`Black
    /// Friday`) stays.
    static func withoutDayTail(_ phrase: String) -> String {
        // Cheap first: every weekday and part of the day ends in `day`, `ing`, `oon` or `ght`.
        let utf8 = phrase.utf8
        guard utf8.count >= 3 else { return phrase }
        let end = utf8.endIndex
        let ending = (
            utf8[utf8.index(end, offsetBy: -3)] | 0x20, utf8[utf8.index(end, offsetBy: -2)] | 0x20,
            utf8[utf8.index(end, offsetBy: -1)] | 0x20
        )
        switch ending {
        case (UInt8(ascii: "d"), UInt8(ascii: "a"), UInt8(ascii: "y")),
            (UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "g")),
            (UInt8(ascii: "o"), UInt8(ascii: "o"), UInt8(ascii: "n")),
            (UInt8(ascii: "g"), UInt8(ascii: "h"), UInt8(ascii: "t")):
            break
        default:
            return phrase
        }
        var words = phrase.split(separator: " ")
        guard let last = words.last else { return phrase }
        let lastKey = last.lowercased()
        guard weekdays.contains(lastKey) || dayParts.contains(lastKey) else { return phrase }
        if dayParts.contains(lastKey) {
            guard words.count >= 2, weekdays.contains(words[words.count - 2].lowercased()) else { return phrase }
            words.removeLast()
        }
        if let before = words.dropLast().last, namedDayFirstWords.contains(before.lowercased()) { return phrase }
        words.removeLast()
        while let word = words.last, dayLeads.contains(word.lowercased()) { words.removeLast() }
        return words.joined(separator: " ")
    }
}

// MARK: - NameBook

/// The names printed in an article: full names for surnames and titles, acronyms defined in
/// parentheses.
struct NameBook {
    /// Acronym → the name it stands for (`COAS` → `Qamar Javed Bajwa`).
    var acronyms: [String: String] = [:]
    /// Last word → full name, learned from speakers named in full.
    var fullNames: [String: String] = [:]
    /// Last word → the first full name the article prints with it (`learnNames`).
    var learnedFullNames: [String: String] = [:]
    /// Surnames of two people or more in the article (`Clinton` of `Hillary Clinton` and `Bill Clinton`).
    var sharedSurnames: Set<String> = []

    /// A person's gender, as a title shows it.
    enum Gender: Sendable {
        case male, female

        /// The gender `he` or `she` (any case) asks for; `nil` for other pronouns.
        init?(pronoun: String) {
            switch pronoun.lowercased() {
            case "he", "him": self = .male
            case "she", "her": self = .female
            default: return nil
            }
        }
    }

    /// Genders learned from titles (`Mr.`, `Ms.`), by resolved name.
    var genders: [String: Gender] = [:]

    /// Words of every name resolved so far.
    var knownWords: Set<String> = []

    /// How often each capitalised word is printed in the article (a name's salience), and the
    /// capitalised words of each unit (each once, in the order printed), in the order `learnNames`
    /// read the units.
    var mentionCounts: [String: Int] = [:]
    var unitWords: [[String]] = []

    /// Whether a capitalised run looks like a person: a title before it, two names or more, or a
    /// name already seen as a speaker's; never a run with a place's or an organisation's word.
    func isPerson(_ text: String) -> Bool {
        let words = Self.personWords(text.split(separator: " ").map { Token(text: String($0), isWord: true) })
        guard let first = words.first, !first.key.hasSuffix("ing"), !first.key.hasSuffix("ly") else { return false }
        if words.contains(where: { PersonNames.notPersonWords.contains($0.key) }) { return false }
        if Lexicon.titles.contains(first.key) { return words.count > 1 }
        if words.count == 1 {
            // `D.C.`, `U.S.`: abbreviations are places.
            if first.text.dropLast().containsText(".") { return false }
            return knownWords.contains(first.text) || fullNames[first.text] != nil
        }
        return words.allSatisfy { $0.text.first?.isUppercase ?? false }
            && !words.contains { $0.text.count > 1 && $0.text.allSatisfy(\.isUppercase) }
    }

    /// The words of a run from its last title on (`New Jersey Gov. Chris Christie` → `Gov. Chris
    /// Christie`): what comes before a title is where the person is from.
    static func personWords(_ words: [Token]) -> [Token] {
        guard words.count > 2,
            let title = words.dropLast().lastIndex(where: { Lexicon.titles.contains($0.key) }), title > 0
        else { return words }
        return Array(words[title...])
    }

    /// The person a capitalised run names: the whole run, the part before `of` (`Sen. Jane Doe of
    /// California`), or the part from a known first name on; a weekday after it is not part of it
    /// (`introducing Pence Thursday`).
    func personName(in printed: String) -> String? {
        let run = QuoteAnalyzer.withoutDayTail(printed)
        if isPerson(run) { return run }
        if let range = run.firstTextRange(of: " of ") {
            let head = String(run[..<range.lowerBound])
            if head.containsText(" "), isPerson(head) { return head }
        }
        return Self.firstNameTail(run)
    }

    /// The person at the end of a run that is not a name as a whole (`Former Hewlett-Packard CEO
    /// Carly Fiorina` → `Carly Fiorina`): from the last known first name on, two or three words.
    static func firstNameTail(_ text: String) -> String? {
        let words = text.split(separator: " ")
        guard words.count >= 3,
            let first = words.dropLast().lastIndex(where: { PersonNames.gender(ofFirstName: String($0)) != nil }),
            words.count - first <= 3,
            !words[first...].contains(where: { PersonNames.notPersonWords.contains($0.lowercased()) })
        else { return nil }
        return words[first...].joined(separator: " ")
    }

    /// Learns the people an article names in full (`Donald Trump`), so that a surname alone
    /// (`Trump blamed …`) is known as a person and resolves to the full name, and their genders
    /// from titles and first names.
    mutating func learnNames(in tokens: [Token]) {
        var words: [String] = []
        var seen: Set<String> = []
        defer { unitWords.append(words) }
        var index = 0
        while index < tokens.count {
            guard tokens[index].isCapitalized else {
                index += 1
                continue
            }
            var end = index
            while end < tokens.count, tokens[end].isCapitalized { end += 1 }
            for token in tokens[index..<end] {
                let word = Self.possessorless(token.text)
                mentionCounts[word, default: 0] += 1
                if seen.insert(word).inserted { words.append(word) }
            }
            var run = Array(tokens[index..<end])
            let afterDeterminer = index > 0 && ["the", "a", "an"].contains(tokens[index - 1].key)
            index = end
            while let head = run.first, ReportingVerbs.notNames.contains(head.key) { run.removeFirst() }
            run = Self.personWords(run)
            // `introducing Pence Thursday`: the weekday is not part of the name learned.
            if let last = run.last, QuoteAnalyzer.withoutDayTail(last.text).isEmpty {
                let printed = run.map(\.text).joined(separator: " ")
                run = QuoteAnalyzer.withoutDayTail(printed).split(separator: " ").map {
                    Token(text: String($0), isWord: true)
                }
            }
            // `the Islamic State` is no person, `a Hillary Clinton administration` names one.
            guard run.count >= 2,
                !afterDeterminer || Lexicon.titles.contains(run[0].key)
                    || PersonNames.gender(ofFirstName: run[0].text) != nil
            else { continue }
            if !isPerson(run.map(\.text).joined(separator: " ")) {
                guard let tail = Self.firstNameTail(run.map(\.text).joined(separator: " ")) else { continue }
                run = tail.split(separator: " ").map { Token(text: String($0), isWord: true) }
            }
            var titles: [String] = []
            while run.count > 1, let head = run.first, Lexicon.titles.contains(head.key) {
                titles.append(head.key)
                run.removeFirst()
            }
            var names = run.map(\.text)
            if let last = names.last, last.hasSuffix("'s") || last.hasSuffix("’s") {
                names[names.count - 1] = String(last.dropLast(2))
            }
            let name = names.joined(separator: " ")
            // `Hillary Clinton` and `Bill Clinton`: a surname two people share resolves to neither.
            if names.count >= 2, let last = names.last {
                if let known = learnedFullNames[last], known != name {
                    sharedSurnames.insert(last)
                    if fullNames[last] == known { fullNames[last] = nil }
                } else if learnedFullNames[last] == nil, fullNames[last] == nil {
                    fullNames[last] = name
                }
                if learnedFullNames[last] == nil { learnedFullNames[last] = name }
            }
            for word in names { knownWords.insert(word) }
            noteGender(of: name, titles: titles)
        }
    }

    /// A word without a possessive `'s`.
    static func possessorless(_ word: String) -> String {
        word.hasSuffix("'s") || word.hasSuffix("’s") ? String(word.dropLast(2)) : word
    }

    /// Records a person's gender from a title (`Mr.`, `Ms.`) or a first name, when not known yet.
    mutating func noteGender(of name: String, titles: [String]) {
        guard genders[name] == nil else { return }
        if titles.contains("mr") {
            genders[name] = .male
        } else if titles.contains(where: { ["ms", "mrs", "miss"].contains($0) }) {
            genders[name] = .female
        } else if name.containsText(" "), let first = name.split(separator: " ").first {
            genders[name] = PersonNames.gender(ofFirstName: String(first))
        }
    }

    /// The gender of a resolved name, also through the full name a surname stands for.
    func gender(of name: String) -> Gender? {
        if let known = genders[name] { return known }
        if let full = fullNames[name] { return genders[full] }
        return nil
    }

    /// Learns `Title (ACR) Name` and `Name (ACR)` definitions.
    mutating func learnAcronyms(in chars: [Character]) {
        var index = 0
        while index < chars.count {
            guard chars[index].asciiByte == UInt8(ascii: "("),
                let close = chars[index...].prefix(12).firstIndex(where: { $0.asciiByte == UInt8(ascii: ")") })
            else {
                index += 1
                continue
            }
            let acronym = String(chars[(index + 1)..<close])
            index = close + 1
            guard acronym.count >= 2, acronym.allSatisfy({ $0.isUppercase || $0 == "-" }) else { continue }
            let following = SpeakerFinder.tokens(chars[(close + 1)..<min(chars.count, close + 80)])
            let run = following.prefix { $0.isCapitalized }
            let name = run.filter { !Lexicon.titles.contains($0.key) }
            if name.count >= 2 {
                acronyms[acronym] = name.map(\.text).joined(separator: " ")
            }
        }
    }

    /// The speaker for a mention: titles stripped, surnames and acronyms resolved.
    mutating func resolve(_ mention: Mention) -> Speaker {
        guard mention.kind == .name else {
            return Speaker(name: mention.text, mention: mention.text, role: mention.role)
        }
        let reading = reading(of: mention.text)
        if let acronym = reading.acronym {
            return Speaker(name: reading.name, mention: mention.text, role: mention.role ?? acronym)
        }
        if reading.nameWords.count >= 2, let last = reading.nameWords.last {
            fullNames[last] = reading.name
        }
        for word in reading.nameWords where !PersonNames.notPersonWords.contains(word.lowercased()) {
            knownWords.insert(word)
        }
        noteGender(of: reading.name, titles: reading.titleWords.map { Token(text: $0, isWord: true).key })
        let role =
            mention.role
            ?? ([reading.titleWords.joined(separator: " "), reading.place ?? ""].filter { !$0.isEmpty }
                .joined(separator: ", ").nonEmpty)
        return Speaker(name: reading.name, mention: mention.text, role: role)
    }

    /// A name as printed, read: an acronym's full name (`acronym` set), or the name without its
    /// leading titles and possessive, a surname alone completed from the full name printed before.
    struct Reading {
        var name: String
        var nameWords: [String]
        var titleWords: [String]
        var acronym: String?
        /// Where the person is from, as printed after the name (`of Florida`).
        var place: String?
    }

    /// How `resolve` reads a name, without learning anything from it (the speaker ranker's `peek`).
    func reading(of text: String) -> Reading {
        let words = text.split(separator: " ").map(String.init)
        if words.count == 1, let full = acronyms[words[0]] {
            return Reading(name: full, nameWords: [], titleWords: [], acronym: words[0])
        }
        var nameWords = Self.personWords(words.map { Token(text: $0, isWord: true) }).map(\.text)
        var titleWords: [String] = []
        // `State Department`, `Justice Department`, `Foreign Office`: an organisation whose first
        // word is also a title keeps it (a person `of` a place is still read for titles).
        let organisation =
            !nameWords.contains("of")
            && nameWords.last.map { PersonNames.organisationWords.contains(Token(text: $0, isWord: true).key) } ?? false
        while !organisation, nameWords.count > 1, let first = nameWords.first,
            Lexicon.titles.contains(Token(text: first, isWord: true).key)
        {
            titleWords.append(first)
            nameWords.removeFirst()
        }
        // `Sen. Marco Rubio of Florida`, `Jason Gilbert of Cheyenne`: a person of a place is the person;
        // the place goes to the role.
        var place: String?
        if let of = nameWords.firstIndex(of: "of"), of >= 2, of + 1 < nameWords.count,
            PersonNames.gender(ofFirstName: nameWords[0]) != nil || !titleWords.isEmpty,
            isPerson(nameWords[..<of].joined(separator: " "))
        {
            place = nameWords[of...].joined(separator: " ")
            nameWords.removeSubrange(of...)
        }
        var name = nameWords.joined(separator: " ")
        if name.hasSuffix("'s") || name.hasSuffix("’s") { name.removeLast(2) }
        if nameWords.count == 1, let full = fullNames[name] { name = full }
        return Reading(name: name, nameWords: nameWords, titleWords: titleWords, acronym: nil, place: place)
    }
}

extension String {
    /// The string, or `nil` when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
