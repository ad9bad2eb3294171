// copydesk — HTML reader
// Lines inside the article container that are page furniture: ad labels, share prompts, teasers.

import ArticleModel

// MARK: - BoilerplateLines

/// Recognises the short blocks that sit inside article containers without being the story:
/// ad labels (`Advertisement`, in several languages), `Comments`, `Tags`, share and sign-up
/// prompts, picture-agency credits (`Image copyright …`), publication-time lines, and
/// paragraphs that are nothing but one link (teasers for other stories).
enum BoilerplateLines {

    /// Picture credits that end a caption written as a paragraph (`… (Image: GETTY)`).
    static let captionEndings = ["(image:", "(photo:", "(picture:", "(pic:", "(credit:", "(foto:", "(imagem:"]

    /// Why a block is furniture, or `nil` when it reads as the story.
    static func reason(_ block: Block) -> String? {
        switch block {
        case .paragraph(let paragraph):
            guard
                utf8Length(paragraph.content, limit: HTMLHeuristics.furnitureLineMaximum)
                    <= HTMLHeuristics.furnitureLineMaximum
            else { return nil }
            return reason(text: paragraph.content.plainText, inlines: paragraph.content)
        case .heading(let heading):
            guard
                utf8Length(heading.content, limit: HTMLHeuristics.furnitureLineMaximum)
                    <= HTMLHeuristics.furnitureLineMaximum
            else { return nil }
            return reason(text: heading.content.plainText, inlines: heading.content)
        default:
            return nil
        }
    }

    static func reason(text: String, inlines: [Inline]) -> String? {
        // Furniture lines are short; a paragraph of the story is never looked at twice.
        guard text.utf8.count <= HTMLHeuristics.furnitureLineMaximum else { return nil }
        let trimmed = text.trimmingWhitespace()
        let size = trimmed.utf8.count
        if size <= HTMLHeuristics.labelMaximum {
            let key = Lexicon.furnitureKey(trimmed)
            if key.isEmpty { return nil }
            if Lexicon.furnitureLabels.contains(key) { return "label '\(trimmed)'" }
        }
        let lower = String(trimmed.prefix(40)).fastLowercased()
        if size < HTMLHeuristics.promptLineMaximum, let opening = Lexicon.furnitureOpening(trimmed) {
            return "'\(opening)' line"
        }
        // A caption written as a paragraph, ending with its picture credit.
        if size < HTMLHeuristics.furnitureLineMaximum, lower.count > 0, trimmed.utf8.last == 0x29,
            let open = trimmed.utf8.lastIndex(of: 0x28)
        {
            let tail = String(trimmed[open...]).fastLowercased()
            if captionEndings.contains(where: { tail.hasPrefix($0) }) { return "a picture caption" }
        }
        // A CMS shortcode left in the text (`[button link="…"]`).
        if trimmed.hasPrefix("["), trimmed.contains("="), let close = trimmed.firstIndex(of: "]"),
            trimmed[trimmed.index(after: trimmed.startIndex)..<close].first?.isLetter == true,
            !trimmed[..<close].contains(" ") || trimmed[..<close].contains("=")
        {
            return "a CMS shortcode"
        }
        // A line that is only a date or time (`14 May 2025`, `Updated 9:30am`): page metadata.
        if size <= HTMLHeuristics.labelMaximum, trimmed.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
            isDateLine(trimmed)
        {
            return "a date line"
        }
        if size < HTMLHeuristics.promptLineMaximum, let ending = creditEnding(trimmed) { return "'…\(ending)' line" }
        if size <= HTMLHeuristics.contactLineMaximum, trimmed.utf8.contains(where: { $0 == 0x40 || $0 == 0x2F }),
            isContactLine(trimmed)
        {
            return "a contact line"
        }
        if size <= HTMLHeuristics.galleryCounterMaximum, isGalleryCounter(lower) { return "a gallery counter" }
        if size <= HTMLHeuristics.contactLineMaximum, isCommentCountLine(trimmed) { return "a comment count" }
        if size < HTMLHeuristics.promptLineMaximum,
            let opening = commentFormOpenings.first(where: { lower.hasPrefix($0) })
        {
            return "'\(opening)' line"
        }
        // A paragraph that is one link and nothing else, worded like a headline: a teaser for
        // another story. (A bare address is a source the story cites, and stays.)
        if size < HTMLHeuristics.promptLineMaximum, isLoneLink(inlines), !looksLikeAddress(trimmed) {
            return "a lone link"
        }
        return nil
    }

    /// Endings of a line crediting other reporters (`Jo Finch contributed to this report.`).
    static let creditEndings = [
        "contributed to this report", "contributed reporting", "contributed to this story",
        "contributed to this article",
    ]

    /// The credit ending a line has (a final period aside), or `nil`.
    static func creditEnding(_ text: String) -> String? {
        guard let last = text.last, last == "." || last.isLetter else { return nil }
        var tail = String(text.suffix(40)).fastLowercased()
        if tail.hasSuffix(".") { tail.removeLast() }
        return creditEndings.first { tail.hasSuffix($0) }
    }

    /// `About Acme` (a heading or a bold line of at most five words, in the last half of the story)
    /// and the paragraphs after it up to the next heading: a press release's boilerplate about the
    /// company. Returns the indices of those blocks.
    static func aboutSection(_ blocks: [Block]) -> Range<Int>? {
        guard blocks.count >= 4 else { return nil }
        for index in (blocks.count / 2)..<blocks.count {
            let block = blocks[index]
            let isHeading: Bool
            switch block {
            case .heading: isHeading = true
            case .paragraph(let paragraph):
                if paragraph.content.count == 1, case .strong = paragraph.content[0] {
                    isHeading = true
                } else {
                    isHeading = false
                }
            default: isHeading = false
            }
            guard isHeading else { continue }
            let text = block.plainText.trimmingWhitespace()
            guard text.utf8.count <= HTMLHeuristics.aboutHeadingMaximum else { continue }
            let words = text.split(separator: " ")
            guard words.count >= 2, words.count <= HTMLHeuristics.aboutHeadingWords, words[0].lowercased() == "about",
                words[1].first?.isUppercase == true || isAboutTheAuthor(words)
            else { continue }
            var end = index + 1
            while end < blocks.count {
                if case .heading = blocks[end] { break }
                end += 1
            }
            return index..<end
        }
        return nil
    }

    /// The writer's own box at the end of a post: `About the author`, `About the writer…`.
    static let authorWords: Set<String> = ["author", "authors", "writer", "reporter", "contributor", "blogger"]

    private static func isAboutTheAuthor(_ words: [Substring]) -> Bool {
        guard words.count == 3, words[1].lowercased() == "the" else { return false }
        let last = words[2].lowercased().filter { !".:…!".contains($0) }
        return authorWords.contains(last)
    }

    /// `By Jo Finch`, `By: Ann Lee and Tom Hart`: a byline printed as a paragraph at the top of the story.
    static func isBylineLine(_ block: Block) -> Bool {
        guard case .paragraph = block else { return false }
        let text = block.plainText.trimmingWhitespace()
        guard text.utf8.count <= HTMLHeuristics.labelMaximum, let first = text.split(separator: " ").first,
            ["by", "by:"].contains(first.lowercased())
        else { return false }
        let words = text.split(separator: " ").dropFirst()
        guard !words.isEmpty, words.count <= HTMLHeuristics.bylineLineWords, let last = text.last,
            !".!?”\"".contains(last)
        else { return false }
        return words.allSatisfy { word in
            word.first?.isUppercase == true
                || ["and", "&", "und", "y", "et", "e", "|", "-", "–", "—", ","].contains(word.lowercased())
        }
    }

    /// A line that is an address to write to or follow: an e-mail address or a social profile, alone or
    /// with a few words (`paul@example.com`, `twitter.com/paul`, `Email: paul@example.com`).
    static func isContactLine(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "|" })
        guard words.count <= HTMLHeuristics.contactLineWords else { return false }
        return words.contains { word in
            let lower = word.lowercased()
            let isMail = lower.contains("@") && lower.contains(".") && !lower.hasPrefix("@")
            let isProfile = ["twitter.com/", "x.com/", "facebook.com/", "instagram.com/", "linkedin.com/"].contains {
                lower.hasPrefix($0) || lower.containsText("//" + $0) || lower.containsText("www." + $0)
            }
            return isMail || isProfile
        }
    }

    /// Openings of the lines a blog's comment form prints under a post (the `Your email address
    /// will not be published` kind, which the shared furniture list has).
    static let commentFormOpenings = [
        "you can follow any responses to this", "you may use these html tags", "you must be logged in to post",
        "you can leave a response", "both comments and pings are currently closed",
    ]

    /// Words counted at the end of a post's meta line (`Posted in News | 4 Comments »`).
    static let countedWords: Set<String> = ["comment", "comments", "response", "responses", "reply", "replies"]

    /// A post's meta line ending in its comment count: `Posted in News | No Comments »`,
    /// `Posted on 9 May at 6:41 AM • 7 Comments`. A sentence (ending in a period) is not one.
    static func isCommentCountLine(_ text: String) -> Bool {
        var line = Substring(text)
        while let last = line.last, "»›→)]".contains(last) || last.isWhitespace { line = line.dropLast() }
        let words = line.split(separator: " ")
        guard words.count >= 2, words.count <= HTMLHeuristics.commentLineWords,
            countedWords.contains(String(words[words.count - 1]).fastLowercased())
        else { return false }
        let count = words[words.count - 2].lowercased().filter { $0 != "(" }
        return count == "no" || count == "one" || (!count.isEmpty && count.allSatisfy(\.isNumber))
    }

    /// `Image 1 of 9`, `Photo 3 / 12`, `+12`: the counter of a slideshow.
    static func isGalleryCounter(_ lower: String) -> Bool {
        // `+12` on a picture: twelve more in its gallery.
        if lower.first == "+", lower.count > 1, lower.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) {
            return true
        }
        for word in ["image ", "photo ", "picture ", "slide "] where lower.hasPrefix(word) {
            let rest = lower.dropFirst(word.count)
            return rest.first?.isNumber == true && (rest.contains(" of") || rest.contains("/"))
        }
        return false
    }

    private static func isDateLine(_ text: String) -> Bool {
        var rest = text
        for prefix in ["published", "updated", "posted", "last updated", "first published", "modified"]
        where rest.lowercased().hasPrefix(prefix) {
            rest = String(rest.dropFirst(prefix.count)).trimmingWhitespace()
            if rest.hasPrefix(":") || rest.lowercased().hasPrefix("on") || rest.lowercased().hasPrefix("at ") {
                rest = String(rest.drop { $0 == ":" }).trimmingWhitespace()
                if rest.lowercased().hasPrefix("on ") { rest = String(rest.dropFirst(3)) }
                if rest.lowercased().hasPrefix("at ") { rest = String(rest.dropFirst(3)) }
            }
            break
        }
        return DateParser.parse(rest.trimmingWhitespace()) != nil || isOtherLanguageDateLine(text)
    }

    /// Month and weekday names of Portuguese, Spanish, French, German, Italian and Dutch, for
    /// telling a date line in those languages (`segunda-feira, 22 de janeiro de 2018 às 0:13`).
    static let otherLanguageDateNames: Set<String> = [
        "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
        "novembro", "dezembro", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
        "sábado", "domingo", "enero", "febrero", "marzo", "mayo", "junio", "julio", "septiembre", "octubre",
        "noviembre", "diciembre", "lunes", "martes", "miércoles", "jueves", "viernes", "janvier", "février",
        "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "lundi",
        "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "januar", "februar", "märz", "juni",
        "juli", "oktober", "dezember", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
        "sonntag", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
        "dicembre", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "januari", "februari",
        "maart", "mei", "augustus", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
        "zondag",
    ]

    /// Words a date line in those languages holds besides names and numbers: prepositions and
    /// articles (`de`, `às`, `le`, `am`), `published` and `updated` (`Publicado em …`), hours.
    static let otherLanguageDateWords: Set<String> = [
        "de", "del", "do", "da", "às", "as", "a", "à", "las", "la", "le", "el", "em", "en", "et", "e", "y", "und",
        "um", "am", "den", "der", "il", "alle", "ore", "op", "om", "h", "hs", "hrs", "uhr", "publicado",
        "publicada", "atualizado", "atualizada", "actualizado", "actualizada", "publié", "publiée", "mis", "jour",
        "veröffentlicht", "aktualisiert", "pubblicato", "aggiornato", "gepubliceerd", "bijgewerkt",
    ]

    /// A line of only a date (and time) in one of those languages: every word a month or weekday
    /// name, a number or a time, or one of their date words, with at least one name and two numbers
    /// (a day and a year: `Mars 2020` alone is a heading, not a date).
    static func isOtherLanguageDateLine(_ text: String) -> Bool {
        // Word by word, lowercasing only words that are not numbers: most lines this is asked of
        // (short lines with a digit that are no English date) fail at their first word.
        func isSeparator(_ character: Character) -> Bool {
            character.isWhitespace || ",.|/()–—".contains(character)
        }
        var (names, numbers) = (0, 0)
        var rest = Substring(text)
        while true {
            rest = rest.drop(while: isSeparator)
            guard let first = rest.first else { break }
            let word = rest.prefix { !isSeparator($0) }
            rest = rest[word.endIndex...]
            if first.isNumber {
                guard word.allSatisfy({ $0.isNumber || ":hº°".contains($0) }) else { return false }
                numbers += 1
                continue
            }
            let key = word.lowercased()
            if otherLanguageDateNames.contains(key) {
                names += 1
            } else if !otherLanguageDateWords.contains(key) && key != "-" {
                return false
            }
        }
        return names > 0 && numbers >= 2
    }

    /// The UTF-8 length of the inlines' text, counted until it passes `limit`.
    private static func utf8Length(_ inlines: [Inline], limit: Int) -> Int {
        var total = 0
        for inline in inlines {
            switch inline {
            case .text(let text): total += text.utf8.count
            case .emphasis(let inner), .strong(let inner), .link(_, let inner): total += utf8Length(inner, limit: limit)
            case .quotation(let quotation): total += utf8Length(quotation.content, limit: limit) + 6
            case .lineBreak: total += 1
            }
            if total > limit { return total }
        }
        return total
    }

    private static func isLoneLink(_ inlines: [Inline]) -> Bool {
        guard inlines.count == 1 else { return false }
        switch inlines[0] {
        case .link: return true
        case .strong(let inner), .emphasis(let inner): return isLoneLink(inner)
        default: return false
        }
    }

    private static func looksLikeAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("://") || lower.hasPrefix("www.") || (!text.contains(" ") && text.contains("."))
    }
}
