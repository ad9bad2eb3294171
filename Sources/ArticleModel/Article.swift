// copydesk — ArticleModel
// The canonical article: what every reader builds and every writer serialises.

// MARK: - Article

/// A news article in copydesk's canonical model.
///
/// Readers build it, analysers enrich it, the validator checks it, writers serialise it.
/// Metadata that no typed field holds goes into `extensions`, so nothing a reader found is lost.
public struct Article: Sendable, Hashable {
    /// The headline, or `nil` when the source has none.
    public var headline: String?
    /// The deck, standfirst or subheadline.
    public var subheadline: String?
    /// Summary bullets shown above the body.
    public var highlights: [String]
    /// Who is credited, in the order printed.
    public var bylines: [Byline]
    /// The dateline that opens a wire story, when there is one.
    public var dateline: Dateline?
    /// When the article was first published.
    public var published: ArticleDate?
    /// When it was last updated.
    public var modified: ArticleDate?
    /// BCP 47 language tag (`en`, `en-GB`).
    public var language: String?
    /// The section or desk it ran in (`Local`, `Business`).
    public var section: String?
    /// Tags and keywords.
    public var keywords: [String]
    /// Where the article was read from.
    public var source: ArticleSource?
    /// The body, in reading order.
    public var body: [Block]
    /// The quotations the article gives, each anchored in the body by its id (see `Quote`).
    public var quotes: [Quote]
    /// Dates the text mentions (`On November 6`, `from November 5 to November 7, 2017`).
    public var dateMentions: [DateMention] = []
    /// Metadata no typed field holds, by name (`counters`, `copyright`, a CMS's own keys).
    public var extensions: [String: JSONValue]

    /// An article; every field may be left empty and filled in later.
    public init(
        headline: String? = nil, subheadline: String? = nil, highlights: [String] = [],
        bylines: [Byline] = [], dateline: Dateline? = nil, published: ArticleDate? = nil,
        modified: ArticleDate? = nil, language: String? = nil, section: String? = nil,
        keywords: [String] = [], source: ArticleSource? = nil, body: [Block] = [],
        quotes: [Quote] = [], extensions: [String: JSONValue] = [:]
    ) {
        self.headline = headline
        self.subheadline = subheadline
        self.highlights = highlights
        self.bylines = bylines
        self.dateline = dateline
        self.published = published
        self.modified = modified
        self.language = language
        self.section = section
        self.keywords = keywords
        self.source = source
        self.body = body
        self.quotes = quotes
        self.extensions = extensions
    }
}

// MARK: - Metadata types

/// A contributor credited with the article.
public struct Byline: Sendable, Hashable {
    /// Whether a byline credits a person or an organisation (a desk, an agency).
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case person, organization
    }

    /// The name alone (`Hilal Desk`, `Jane Doe`).
    public var name: String
    /// A person or an organisation.
    public var kind: Kind
    /// Role or title printed with the name (`Staff Reporter`, `Political Editor`).
    public var role: String?
    /// The organisation the contributor writes for, when printed (`Reuters`).
    public var affiliation: String?
    /// The byline as printed (`Written By: Hilal Desk`).
    public var raw: String?
    /// Whether the credit was printed with the story or given in a data field.
    public var origin: Origin
    /// Where the byline stands in its source (not part of equality).
    @EqualityIgnored public var location: SourceLocation?

    /// Where a credit comes from, which decides what it may hold: a printed credit line reads
    /// `By Jane Doe`, a data field holds the name alone.
    public enum Origin: String, Sendable, Codable, CaseIterable {
        /// A data field: JSON, YAML or front-matter keys, HTML meta tags and JSON-LD, a NewsML-G2 `creator`.
        case field
        /// A credit line printed with the story: a plain-text `By` line, an HTML byline element, a
        /// NewsML-G2 `by` line.
        case printed
    }

    /// A byline: the name, and what else was printed with it.
    public init(
        name: String, kind: Kind = .person, role: String? = nil, affiliation: String? = nil,
        raw: String? = nil, origin: Origin = .field, location: SourceLocation? = nil
    ) {
        self.name = name
        self.kind = kind
        self.role = role
        self.affiliation = affiliation
        self.raw = raw
        self.origin = origin
        self.location = location
    }
}

/// The place (and often date) that opens a wire story: `TEHRAN, Nov 7 (Reuters) —`.
public struct Dateline: Sendable, Hashable, Codable {
    /// The place as printed (`TEHRAN`).
    public var place: String?
    /// The date as printed in the dateline (`Nov 7`), when there is one.
    public var date: String?
    /// The whole dateline as printed, without the closing dash.
    public var raw: String
    /// Where the dateline stands in its source, when known (not part of equality, not encoded:
    /// what is derived from it, such as a wire agency's byline, points here).
    @EqualityIgnored public var location: SourceLocation?

    /// A dateline: its place and date as printed, and the whole of it.
    public init(place: String? = nil, date: String? = nil, raw: String, location: SourceLocation? = nil) {
        self.place = place
        self.date = date
        self.raw = raw
        self.location = location
    }

    enum CodingKeys: String, CodingKey {
        case place, date, raw
    }
}

/// Where the article came from.
public struct ArticleSource: Sendable, Hashable, Codable {
    /// The publisher or site (`The Harbour Gazette`), or the agency that provides the item (`dpa`).
    public var publisher: String?
    /// The article's canonical URL.
    public var url: String?
    /// The format it was read from (`text`, `json`, `html`).
    public var format: String?
    /// The file it was read from, as given on the command line.
    public var file: String?
    /// The credit line to print with the story (`Reuters`, `AP`, `dpa/lno`), as the source gives it.
    public var credit: String?
    /// The identifier the source gives the article (a NewsML-G2 `guid`, a ninjs `uri`, an NITF `doc-id`).
    public var id: String?

    /// A source; every part is optional.
    public init(
        publisher: String? = nil, url: String? = nil, format: String? = nil, file: String? = nil,
        credit: String? = nil, id: String? = nil
    ) {
        self.publisher = publisher
        self.url = url
        self.format = format
        self.file = file
        self.credit = credit
        self.id = id
    }
}

/// A date the article's text mentions, normalised with the year carried over from context.
public struct DateMention: Sendable, Hashable {
    /// The words as printed (`November 6`).
    public var text: String
    /// The date meant, at day (or month) precision.
    public var value: DateTimeValue
    /// The body block that mentions it.
    public var blockIndex: Int?
    /// Where the text mentions it (the block's position; not part of equality).
    @EqualityIgnored public var location: SourceLocation?

    /// A mention: the words as printed and the date meant.
    public init(text: String, value: DateTimeValue, blockIndex: Int? = nil, location: SourceLocation? = nil) {
        self.text = text
        self.value = value
        self.blockIndex = blockIndex
        self.location = location
    }
}
