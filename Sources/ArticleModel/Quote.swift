// copydesk — ArticleModel
// Direct quotations and the people they are attributed to.

// MARK: - Speaker

/// Who said something: the resolved name and the words the article used for them.
public struct Speaker: Sendable, Hashable, Codable {
    /// The resolved name (`Asif Ghafoor`, `Iranian Spokesperson`).
    public var name: String
    /// The mention as printed (`Maj General Asif Ghafoor, DG ISPR`, `he`, `the ministry`).
    public var mention: String?
    /// A title or role printed with the name (`DG ISPR`), when there is one.
    public var role: String?

    /// A speaker: the resolved name, how the article named them, and their role.
    public init(name: String, mention: String? = nil, role: String? = nil) {
        self.name = name
        self.mention = mention
        self.role = role
    }
}

// MARK: - Quote

/// A quotation the article gives, with its speaker when one could be attributed.
///
/// The quote is anchored in the body by its `id`: a direct quotation is the `Quotation` span (or
/// spans, for one running over several paragraphs) whose `quoteID` is this id; a pull quote or a
/// blockquote is the block whose `quoteID` is this id. Writers find a quote's words and place
/// through its anchor, never by searching the text. `Article.quoteAnchors` lists where each id
/// stands. A headline quote (`kind` `.headline`) is the one kind without an anchor: its words are
/// the headline's.
public struct Quote: Sendable, Hashable {
    /// Where the quotation stands.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// In running text (a paragraph or a list item).
        case direct
        /// A pull quote block.
        case pull
        /// A blockquote.
        case block
        /// In the headline (`Warren to bank chief: ‘You should be investigated’`). The headline
        /// carries no marks, so a headline quote has no anchor and no location.
        case headline
    }

    /// How the speaker was found.
    public enum Attribution: String, Sendable, Codable, CaseIterable {
        /// Named next to the quote, with a cue (`"…," she said`) or by the block's attribution.
        case explicit
        /// A pronoun resolved to an earlier named speaker.
        case pronoun
        /// A speaker label introducing a list of statements.
        case label
        /// Inherited from an earlier quote (a pull quote repeating a body quote, a floating quote).
        case inherited
    }

    /// The quote's id, unique in its article (`q1`, `q2`, …): the anchor's `quoteID`.
    public var id: String
    /// The quoted words, without the quotation marks (paragraphs of a long quotation joined by a space).
    public var text: String
    /// Who said it, when it could be attributed.
    public var speaker: Speaker?
    /// The reporting verb or phrase (`said`, `according to`), when there is one.
    public var cue: String?
    /// In running text, a pull quote or a blockquote.
    public var kind: Kind
    /// How the speaker was found; `nil` when there is no speaker.
    public var attribution: Attribution?
    /// Where the quotation's block starts in its source (not part of equality).
    @EqualityIgnored public var location: SourceLocation?

    /// A quote; anchor it in the body with a quotation span or a set-apart block carrying `id` as its `quoteID`.
    public init(
        id: String, text: String, speaker: Speaker? = nil, cue: String? = nil, kind: Kind = .direct,
        attribution: Attribution? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.text = text
        self.speaker = speaker
        self.cue = cue
        self.kind = kind
        self.attribution = attribution
        self.location = location
    }
}
