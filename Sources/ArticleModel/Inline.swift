// copydesk — ArticleModel
// Inline content: the runs of text inside a paragraph, heading, list item or quote.

// MARK: - Inline

/// Inline content of a text-bearing block.
public indirect enum Inline: Sendable, Hashable {
    /// Plain text.
    case text(String)
    /// Emphasised (usually italic) content.
    case emphasis([Inline])
    /// Strongly emphasised (usually bold) content.
    case strong([Inline])
    /// A hyperlink; `url` is kept as the source gave it.
    case link(url: String, content: [Inline])
    /// A quotation in running text, with the marks it was printed with and, once the quote
    /// analyser has listed it, the id of its entry in `Article.quotes`.
    case quotation(Quotation)
    /// A hard line break inside a block.
    case lineBreak
}

/// A quotation inside running text: its content, the marks around it (`“`/`”`, `‘`/`’`, `"`…)
/// and the quote it belongs to.
///
/// A direct quotation the analyser lists in `Article.quotes` is anchored here: `quoteID` is the
/// `Quote.id` of its entry, which holds the speaker, the cue and how the speaker was found. A
/// quotation that runs over several paragraphs is one span per paragraph, all with the same id.
public struct Quotation: Sendable, Hashable {
    /// The opening mark as printed (may be empty when the source had none, as in HTML `<q>`, or
    /// for the part of a quotation that continues from the paragraph before without a mark).
    public var open: String
    /// The closing mark as printed (may be empty for a quotation running on to the next paragraph).
    public var close: String
    /// What is quoted.
    public var content: [Inline]
    /// The id of the quote in `Article.quotes` this span belongs to, or `nil` when none lists it.
    public var quoteID: String?

    /// Creates a quotation.
    public init(open: String = "“", close: String = "”", content: [Inline], quoteID: String? = nil) {
        self.open = open
        self.close = close
        self.content = content
        self.quoteID = quoteID
    }
}

// MARK: - Plain text

extension Inline {
    /// The inline's text as it reads, with quotation marks and line breaks (`\n`).
    public var plainText: String {
        switch self {
        case .text(let text): return text
        case .emphasis(let content), .strong(let content), .link(_, let content): return content.plainText
        case .quotation(let quotation): return quotation.open + quotation.content.plainText + quotation.close
        case .lineBreak: return "\n"
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated text of the inlines.
    public var plainText: String {
        var out = ""
        for inline in self { out += inline.plainText }
        return out
    }

    /// True when the content is exactly one plain text run, so `text` says it all.
    public var isPlain: Bool {
        guard count == 1, case .text = self[0] else { return false }
        return true
    }
}
