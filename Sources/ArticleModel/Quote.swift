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

    public init(name: String, mention: String? = nil, role: String? = nil) {
        self.name = name
        self.mention = mention
        self.role = role
    }
}

// MARK: - Quote

/// A direct quotation found in the article, with its speaker when one could be attributed.
public struct Quote: Sendable, Hashable {
    /// Where the quotation stands.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// In running text (a paragraph or a list item).
        case direct
        /// A pull quote block.
        case pull
        /// A blockquote.
        case block
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

    /// The quoted words, without the quotation marks.
    public var text: String
    public var speaker: Speaker?
    /// The reporting verb or phrase (`said`, `according to`), when there is one.
    public var cue: String?
    public var kind: Kind
    /// How the speaker was found; `nil` when there is no speaker.
    public var attribution: Attribution?
    /// Index of the body block that holds the quote.
    public var blockIndex: Int?
    @EqualityIgnored public var location: SourceLocation?

    public init(
        text: String, speaker: Speaker? = nil, cue: String? = nil, kind: Kind = .direct,
        attribution: Attribution? = nil, blockIndex: Int? = nil, location: SourceLocation? = nil
    ) {
        self.text = text
        self.speaker = speaker
        self.cue = cue
        self.kind = kind
        self.attribution = attribution
        self.blockIndex = blockIndex
        self.location = location
    }
}
