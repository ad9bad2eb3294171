// copydesk — ArticleModel
// Body blocks: paragraphs, headings, lists, quotes, images, rules, code and tables, each with its
// source location.

// MARK: - Block

/// One block of an article's body.
public enum Block: Sendable, Hashable {
    case paragraph(Paragraph)
    case heading(Heading)
    case list(ListBlock)
    case blockquote(Blockquote)
    case pullQuote(PullQuote)
    case image(Image)
    case rule(HorizontalRule)
    /// Preformatted text (code, a listing, a plain-text table), kept character for character (model 2.2).
    case code(CodeBlock)
    /// A table of rows and cells (model 2.2).
    case table(Table)

    /// The kind of block, as the canonical JSON writes it in `type`.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case paragraph, heading, list, blockquote, pullQuote, image, rule, code, table
    }

    /// This block's kind.
    public var kind: Kind {
        switch self {
        case .paragraph: return .paragraph
        case .heading: return .heading
        case .list: return .list
        case .blockquote: return .blockquote
        case .pullQuote: return .pullQuote
        case .image: return .image
        case .rule: return .rule
        case .code: return .code
        case .table: return .table
        }
    }

    /// Where the block starts in its source, when known. Not part of equality.
    public var location: SourceLocation? {
        get {
            switch self {
            case .paragraph(let block): return block.location
            case .heading(let block): return block.location
            case .list(let block): return block.location
            case .blockquote(let block): return block.location
            case .pullQuote(let block): return block.location
            case .image(let block): return block.location
            case .rule(let block): return block.location
            case .code(let block): return block.location
            case .table(let block): return block.location
            }
        }
        set {
            switch self {
            case .paragraph(var block): block.location = newValue; self = .paragraph(block)
            case .heading(var block): block.location = newValue; self = .heading(block)
            case .list(var block): block.location = newValue; self = .list(block)
            case .blockquote(var block): block.location = newValue; self = .blockquote(block)
            case .pullQuote(var block): block.location = newValue; self = .pullQuote(block)
            case .image(var block): block.location = newValue; self = .image(block)
            case .rule(var block): block.location = newValue; self = .rule(block)
            case .code(var block): block.location = newValue; self = .code(block)
            case .table(var block): block.location = newValue; self = .table(block)
            }
        }
    }

    /// The block's readable text: the paragraph or heading text, list items one per line,
    /// an image's caption, code as it is, a table's rows one per line with ` | ` between cells.
    /// Empty for a rule.
    public var plainText: String {
        switch self {
        case .paragraph(let block): return block.content.plainText
        case .heading(let block): return block.content.plainText
        case .list(let block): return block.items.map(\.content.plainText).joined(separator: "\n")
        case .blockquote(let block): return block.content.plainText
        case .pullQuote(let block): return block.content.plainText
        case .image(let block): return block.caption ?? block.alt ?? ""
        case .rule: return ""
        case .code(let block): return block.text
        case .table(let block):
            return block.rows.map { $0.cells.map(\.content.plainText).joined(separator: " | ") }.joined(separator: "\n")
        }
    }
}

// MARK: - Block types

/// A paragraph of running text.
public struct Paragraph: Sendable, Hashable {
    /// The paragraph's text, with its formatting, links and quotations.
    public var content: [Inline]
    /// Where the block starts in its source (not part of equality).
    @EqualityIgnored public var location: SourceLocation?

    /// A paragraph of rich content.
    public init(_ content: [Inline], location: SourceLocation? = nil) {
        self.content = content
        self.location = location
    }

    /// A paragraph of plain text.
    public init(text: String, location: SourceLocation? = nil) {
        self.init([.text(text)], location: location)
    }
}

/// A section heading inside the body (the headline is metadata, not a heading).
public struct Heading: Sendable, Hashable {
    /// 2 to 6, as in HTML; the headline stands in for level 1.
    public var level: Int
    /// The heading's text.
    public var content: [Inline]
    /// Where the block starts in its source (not part of equality).
    @EqualityIgnored public var location: SourceLocation?

    /// A heading; the level is clamped to 1…6.
    public init(level: Int = 2, _ content: [Inline], location: SourceLocation? = nil) {
        self.level = min(max(level, 1), 6)
        self.content = content
        self.location = location
    }
}

/// A bulleted or numbered list, optionally introduced by a speaker label whose statements it lists.
///
/// Readers keep the label as printed (`label`); the speaker-label analyser resolves it into
/// `speaker`, the same way for every format.
public struct ListBlock: Sendable, Hashable {
    /// Numbered (`true`) or bulleted.
    public var ordered: Bool
    /// The items, in order.
    public var items: [ListItem]
    /// The label line above the list as printed (`Maj Gen Asif Ghafoor, DG ISPR:`), when there is one.
    public var label: String?
    /// The speaker whose statements the list gives (`Asif Ghafoor`, role `Maj Gen, DG ISPR`):
    /// resolved from `label` by the analyser, or given by a format that stores it.
    public var speaker: Speaker?
    /// Where the block starts in its source (not part of equality).
    @EqualityIgnored public var location: SourceLocation?

    /// A list, with the label printed above it and its speaker when there are.
    public init(
        ordered: Bool = false, items: [ListItem], label: String? = nil, speaker: Speaker? = nil,
        location: SourceLocation? = nil
    ) {
        self.ordered = ordered
        self.items = items
        self.label = label
        self.speaker = speaker
        self.location = location
    }
}

/// One item of a list.
public struct ListItem: Sendable, Hashable {
    /// The item's text.
    public var content: [Inline]
    /// Where the item starts in its source (not part of equality).
    @EqualityIgnored public var location: SourceLocation?

    /// An item of rich content.
    public init(_ content: [Inline], location: SourceLocation? = nil) {
        self.content = content
        self.location = location
    }

    /// An item of plain text.
    public init(text: String, location: SourceLocation? = nil) {
        self.init([.text(text)], location: location)
    }
}

/// A quoted passage set apart from the text, with its attribution when the source gives one.
public struct Blockquote: Sendable, Hashable {
    /// The quoted passage (paragraphs separated by line breaks).
    public var content: [Inline]
    /// Who is quoted, as printed (`— Jane Doe, mayor`), without the dash.
    public var attribution: String?
    /// The id of the quote in `Article.quotes` that lists this passage, once the analyser has.
    public var quoteID: String?
    /// Where the block starts in its source (not part of equality).
    @EqualityIgnored public var location: SourceLocation?

    /// A blockquote, with its printed attribution and quote id when known.
    public init(
        _ content: [Inline], attribution: String? = nil, quoteID: String? = nil, location: SourceLocation? = nil
    ) {
        self.content = content
        self.attribution = attribution
        self.quoteID = quoteID
        self.location = location
    }
}

/// A pull quote: a quotation displayed large, usually repeating words from the body.
public struct PullQuote: Sendable, Hashable {
    /// The quoted words, without the surrounding quotation marks.
    public var content: [Inline]
    /// Who is quoted, as printed, without the dash.
    public var attribution: String?
    /// The id of the quote in `Article.quotes` that lists this pull quote, once the analyser has.
    public var quoteID: String?
    /// Where the block starts in its source (not part of equality).
    @EqualityIgnored public var location: SourceLocation?

    /// A pull quote, with its printed attribution and quote id when known.
    public init(
        _ content: [Inline], attribution: String? = nil, quoteID: String? = nil, location: SourceLocation? = nil
    ) {
        self.content = content
        self.attribution = attribution
        self.quoteID = quoteID
        self.location = location
    }
}

/// An image, by reference.
public struct Image: Sendable, Hashable {
    /// A URL or file name as the source gave it.
    public var src: String
    /// The alternative text.
    public var alt: String?
    /// The caption printed with the image.
    public var caption: String?
    /// Who took or owns it (`Photo: Jane Doe/Agency`).
    public var credit: String?
    /// Where the block starts in its source (not part of equality).
    @EqualityIgnored public var location: SourceLocation?

    /// An image by reference, with what is printed with it.
    public init(
        src: String, alt: String? = nil, caption: String? = nil, credit: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.src = src
        self.alt = alt
        self.caption = caption
        self.credit = credit
        self.location = location
    }
}

/// Preformatted text, kept character for character: code, a listing, a plain-text table.
public struct CodeBlock: Sendable, Hashable {
    /// The text, line breaks and spaces as printed.
    public var text: String
    /// The language the code is in, when the source says (`swift`, `toml`).
    public var language: String?
    /// Where the block stands in its source (not part of equality).
    @EqualityIgnored public var location: SourceLocation?

    /// A preformatted block.
    public init(text: String, language: String? = nil, location: SourceLocation? = nil) {
        self.text = text
        self.language = language
        self.location = location
    }
}

/// A table: rows of cells, a header row marked as such, and an optional caption.
public struct Table: Sendable, Hashable {
    /// The rows, in order.
    public var rows: [TableRow]
    /// The caption, when the source gives one.
    public var caption: String?
    /// Where the block stands in its source (not part of equality).
    @EqualityIgnored public var location: SourceLocation?

    /// A table.
    public init(rows: [TableRow], caption: String? = nil, location: SourceLocation? = nil) {
        self.rows = rows
        self.caption = caption
        self.location = location
    }
}

/// A row of a table.
public struct TableRow: Sendable, Hashable, Codable {
    /// The cells, left to right.
    public var cells: [TableCell]
    /// Whether the row heads the table (`<thead>`, a Markdown table's first row).
    public var isHeader: Bool

    /// A row.
    public init(cells: [TableCell], isHeader: Bool = false) {
        self.cells = cells
        self.isHeader = isHeader
    }

    enum CodingKeys: String, CodingKey {
        case cells, isHeader = "header"
    }

    /// Decodes a row; a missing `header` is a body row.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            cells: try container.decode([TableCell].self, forKey: .cells),
            isHeader: try container.decodeIfPresent(Bool.self, forKey: .isHeader) ?? false)
    }

    /// Encodes a row; `header` only when true.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cells, forKey: .cells)
        if isHeader { try container.encode(true, forKey: .isHeader) }
    }
}

/// A cell of a table.
public struct TableCell: Sendable, Hashable {
    /// The cell's text, with its formatting and links.
    public var content: [Inline]

    /// A cell.
    public init(_ content: [Inline]) {
        self.content = content
    }

    /// A cell of plain text.
    public init(text: String) {
        self.init([.text(text)])
    }
}

/// A thematic break between parts of the story (`* * *`, `<hr>`); its JSON type is `rule`.
public struct HorizontalRule: Sendable, Hashable {
    /// Where the block stands in its source (not part of equality).
    @EqualityIgnored public var location: SourceLocation?

    /// A thematic break.
    public init(location: SourceLocation? = nil) {
        self.location = location
    }
}
