// copydesk — ArticleModel
// The canonical JSON encoding: versioned, stable, and read back to the same article.

// MARK: - Model version

/// The version of the canonical model and its JSON encoding.
///
/// The minor version grows when fields are added; the major version when a reader of the old
/// encoding would misread the new one. Decoding reads the current major version and migrates the
/// one before it (`1.x`: quotes placed by block index, see `docs/MODEL.md`); it refuses others.
public enum ArticleModelVersion {
    /// The major version: a reader of another major version would misread the JSON.
    public static let major = 2
    /// The minor version: grows when fields are added.
    public static let minor = 3
    /// The oldest major version decoding still reads (and migrates).
    public static let oldestReadableMajor = 1
    /// `"2.3"`, as written in the JSON's `modelVersion` (2.0 anchored quotes in the body by id; 2.1
    /// added a date's provenance and the source's credit line and identifier; 2.2 code and table
    /// blocks; 2.3 headline quotes).
    public static var string: String { "\(major).\(minor)" }
}

/// Thrown when a JSON article says it was written by an incompatible model version.
public struct IncompatibleModelVersion: Error, CustomStringConvertible {
    /// The `modelVersion` the JSON states.
    public var found: String
    /// The error as a message that names the versions copydesk reads.
    public var description: String {
        "modelVersion \(found) is not supported: this copydesk reads model versions "
            + "\(ArticleModelVersion.oldestReadableMajor).x to \(ArticleModelVersion.major).x"
    }
}

// MARK: - Article

extension Article: Codable {
    /// The top-level keys of the canonical JSON; readers keep any other key in `extensions`.
    package static var canonicalKeys: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case modelVersion, headline, subheadline, highlights, bylines, dateline, published, publishedText
        case publishedFrom, modified, modifiedText, modifiedFrom, language, section, keywords, source, body, quotes,
            dateMentions, extensions
    }

    /// Decodes an article, migrating model 1.x (see `ArticleModelVersion`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var major = ArticleModelVersion.major
        if let version = try container.decodeIfPresent(String.self, forKey: .modelVersion) {
            guard let found = version.split(separator: ".").first.flatMap({ Int($0) }),
                (ArticleModelVersion.oldestReadableMajor...ArticleModelVersion.major).contains(found)
            else { throw IncompatibleModelVersion(found: version) }
            major = found
        }
        self.init()
        headline = try container.decodeIfPresent(String.self, forKey: .headline)
        subheadline = try container.decodeIfPresent(String.self, forKey: .subheadline)
        highlights = try container.decodeIfPresent([String].self, forKey: .highlights) ?? []
        bylines = try container.decodeIfPresent([Byline].self, forKey: .bylines) ?? []
        dateline = try container.decodeIfPresent(Dateline.self, forKey: .dateline)
        published = try Self.decodeDate(container, .published, .publishedText, .publishedFrom)
        modified = try Self.decodeDate(container, .modified, .modifiedText, .modifiedFrom)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        section = try container.decodeIfPresent(String.self, forKey: .section)
        keywords = try container.decodeIfPresent([String].self, forKey: .keywords) ?? []
        source = try container.decodeIfPresent(ArticleSource.self, forKey: .source)
        body = try container.decodeIfPresent([Block].self, forKey: .body) ?? []
        let records = try container.decodeIfPresent([QuoteRecord].self, forKey: .quotes) ?? []
        dateMentions = try container.decodeIfPresent([DateMention].self, forKey: .dateMentions) ?? []
        extensions = try container.decodeIfPresent([String: JSONValue].self, forKey: .extensions) ?? [:]
        placeQuotes(records)
        if major < 2 { migrateFromVersion1() }
    }

    /// What model 1.x left implicit. Its rules took every byline read from text or HTML as a
    /// printed credit line; its list speakers kept the printed label as their `mention`.
    private mutating func migrateFromVersion1() {
        if ["text", "html"].contains(source?.format ?? "") {
            for index in bylines.indices { bylines[index].origin = .printed }
        }
        for index in body.indices {
            guard case .list(var list) = body[index], list.label == nil, let mention = list.speaker?.mention else {
                continue
            }
            list.label = mention
            body[index] = .list(list)
        }
    }

    /// Lists decoded quotes. A quote without an id (model 1.x, or JSON written by hand) gets the
    /// next free one and, when its `blockIndex` names a set-apart block of its kind or a block
    /// holding an unmarked quotation of exactly its words, is anchored there; any other is left
    /// for the quote analyser to anchor where its words stand (`unanchoredQuotes`).
    private mutating func placeQuotes(_ records: [QuoteRecord]) {
        for record in records {
            var quote = record.quote
            if let id = record.id {
                quote.id = id
            } else {
                quote.id = nextQuoteID()
                if let index = record.blockIndex, body.indices.contains(index) {
                    anchorLegacyQuote(quote, inBlock: index)
                }
            }
            quotes.append(quote)
        }
    }

    private mutating func anchorLegacyQuote(_ quote: Quote, inBlock index: Int) {
        switch (body[index], quote.kind) {
        case (.pullQuote(var block), .pull) where block.quoteID == nil:
            block.quoteID = quote.id
            body[index] = .pullQuote(block)
        case (.blockquote(var block), .block) where block.quoteID == nil:
            block.quoteID = quote.id
            body[index] = .blockquote(block)
        case (_, .direct):
            var placed = false
            body[index] = body[index].rewritingInlines { inline in
                guard !placed, case .quotation(var quotation) = inline, quotation.quoteID == nil,
                    quotation.content.plainText.trimmingWhitespace() == quote.text
                else { return [inline] }
                placed = true
                quotation.quoteID = quote.id
                return [.quotation(quotation)]
            }
        default:
            break
        }
    }

    /// Encodes the article as canonical JSON: every key, with `modelVersion`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ArticleModelVersion.string, forKey: .modelVersion)
        try container.encode(headline, forKey: .headline)
        try container.encode(subheadline, forKey: .subheadline)
        try container.encode(highlights, forKey: .highlights)
        try container.encode(bylines, forKey: .bylines)
        try container.encode(dateline, forKey: .dateline)
        try Self.encodeDate(published, &container, .published, .publishedText, .publishedFrom)
        try Self.encodeDate(modified, &container, .modified, .modifiedText, .modifiedFrom)
        try container.encode(language, forKey: .language)
        try container.encode(section, forKey: .section)
        try container.encode(keywords, forKey: .keywords)
        try container.encode(source, forKey: .source)
        try container.encode(body, forKey: .body)
        try container.encode(quotes, forKey: .quotes)
        try container.encode(dateMentions, forKey: .dateMentions)
        try container.encode(extensions, forKey: .extensions)
    }

    /// `published` is the ISO 8601 value (or null when unparseable); `publishedText` keeps the
    /// printed form when it differs from that.
    private static func decodeDate(
        _ container: KeyedDecodingContainer<CodingKeys>, _ valueKey: CodingKeys, _ textKey: CodingKeys,
        _ provenanceKey: CodingKeys
    ) throws -> ArticleDate? {
        let iso = try container.decodeIfPresent(String.self, forKey: valueKey)
        let text = try container.decodeIfPresent(String.self, forKey: textKey)
        let provenance = try container.decodeIfPresent(String.self, forKey: provenanceKey)
        if let iso {
            guard let value = DateParser.parseISO8601(iso) else {
                throw DecodingError.dataCorruptedError(
                    forKey: valueKey, in: container,
                    debugDescription: "'\(iso)' is not an ISO 8601 date; put printed forms in \(textKey.rawValue)")
            }
            return ArticleDate(text: text ?? iso, value: value, provenance: provenance)
        }
        return text.map { ArticleDate(text: $0, value: nil, provenance: provenance) }
    }

    private static func encodeDate(
        _ date: ArticleDate?, _ container: inout KeyedEncodingContainer<CodingKeys>,
        _ valueKey: CodingKeys, _ textKey: CodingKeys, _ provenanceKey: CodingKeys
    ) throws {
        let iso = date?.value?.iso8601
        try container.encode(iso, forKey: valueKey)
        if let date, date.text != iso {
            try container.encode(date.text, forKey: textKey)
        }
        if let provenance = date?.provenance {
            try container.encode(provenance, forKey: provenanceKey)
        }
    }
}

// MARK: - Byline, Speaker

extension Byline: Codable {
    enum CodingKeys: String, CodingKey {
        case name, kind, role, affiliation, raw, origin, location
    }

    /// Decodes a byline; a missing `kind` is a person, a missing `origin` a data field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            kind: try container.decodeIfPresent(Kind.self, forKey: .kind) ?? .person,
            role: try container.decodeIfPresent(String.self, forKey: .role),
            affiliation: try container.decodeIfPresent(String.self, forKey: .affiliation),
            raw: try container.decodeIfPresent(String.self, forKey: .raw),
            origin: try container.decodeIfPresent(Origin.self, forKey: .origin) ?? .field,
            location: try container.decodeIfPresent(LineColumn.self, forKey: .location)?.location)
    }

    /// Encodes a byline; `origin` is written only for a printed credit (a data field is the default).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(role, forKey: .role)
        try container.encodeIfPresent(affiliation, forKey: .affiliation)
        try container.encodeIfPresent(raw, forKey: .raw)
        if origin != .field { try container.encode(origin, forKey: .origin) }
        try container.encodeIfPresent(location.map(LineColumn.init), forKey: .location)
    }
}

/// A block's position in the JSON: line and column only; the file is the article's `source.file`.
struct LineColumn: Codable {
    var line: Int
    var column: Int

    init(_ location: SourceLocation) {
        line = location.line
        column = location.column
    }

    var location: SourceLocation { SourceLocation(line: line, column: column) }
}

// MARK: - DateMention

extension DateMention: Codable {
    enum CodingKeys: String, CodingKey {
        case text, date, blockIndex, location
    }

    /// Decodes a date mention; its `date` must be ISO 8601.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let iso = try container.decode(String.self, forKey: .date)
        guard let value = DateParser.parseISO8601(iso) else {
            throw DecodingError.dataCorruptedError(
                forKey: .date, in: container, debugDescription: "'\(iso)' is not an ISO 8601 date")
        }
        self.init(
            text: try container.decode(String.self, forKey: .text), value: value,
            blockIndex: try container.decodeIfPresent(Int.self, forKey: .blockIndex),
            location: try container.decodeIfPresent(LineColumn.self, forKey: .location)?.location)
    }

    /// Encodes a date mention with its ISO 8601 date.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(value.iso8601, forKey: .date)
        try container.encodeIfPresent(blockIndex, forKey: .blockIndex)
        try container.encodeIfPresent(location.map(LineColumn.init), forKey: .location)
    }
}

// MARK: - Quote

extension Quote: Codable {
    enum CodingKeys: String, CodingKey {
        case id, text, speaker, cue, kind, attribution, location
    }

    /// Decodes a quote; an absent `id` is decoded as empty (`Article` decoding gives it one).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decodeIfPresent(String.self, forKey: .id) ?? "",
            text: try container.decode(String.self, forKey: .text),
            speaker: try container.decodeIfPresent(Speaker.self, forKey: .speaker),
            cue: try container.decodeIfPresent(String.self, forKey: .cue),
            kind: try container.decodeIfPresent(Kind.self, forKey: .kind) ?? .direct,
            attribution: try container.decodeIfPresent(Attribution.self, forKey: .attribution),
            location: try container.decodeIfPresent(LineColumn.self, forKey: .location)?.location)
    }

    /// Encodes a quote with its id.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(text, forKey: .text)
        try container.encode(speaker, forKey: .speaker)
        try container.encode(cue, forKey: .cue)
        try container.encode(kind, forKey: .kind)
        try container.encode(attribution, forKey: .attribution)
        try container.encodeIfPresent(location.map(LineColumn.init), forKey: .location)
    }
}

/// A quote as the JSON gives it, with what model 1.x placed it by: `blockIndex`, and no `id`.
private struct QuoteRecord: Decodable {
    var quote: Quote
    var id: String?
    var blockIndex: Int?

    enum CodingKeys: String, CodingKey {
        case id, blockIndex
    }

    init(from decoder: any Decoder) throws {
        quote = try Quote(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        blockIndex = try container.decodeIfPresent(Int.self, forKey: .blockIndex)
    }
}

// MARK: - Blocks

extension Block: Codable {
    enum CodingKeys: String, CodingKey {
        case type, text, content, level, ordered, items, label, speaker, attribution, quoteId, src, alt, caption, credit
        case location, language, rows
    }

    /// Decodes a block by its `type`; `content` when present, else `text` as one run.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(Kind.self, forKey: .type)
        let location = try container.decodeIfPresent(LineColumn.self, forKey: .location)?.location
        switch kind {
        case .paragraph:
            self = .paragraph(Paragraph(try Self.decodeContent(container), location: location))
        case .heading:
            let level = try container.decodeIfPresent(Int.self, forKey: .level) ?? 2
            self = .heading(Heading(level: level, try Self.decodeContent(container), location: location))
        case .list:
            self = .list(
                ListBlock(
                    ordered: try container.decodeIfPresent(Bool.self, forKey: .ordered) ?? false,
                    items: try container.decode([ListItem].self, forKey: .items),
                    label: try container.decodeIfPresent(String.self, forKey: .label),
                    speaker: try container.decodeIfPresent(Speaker.self, forKey: .speaker),
                    location: location))
        case .blockquote:
            self = .blockquote(
                Blockquote(
                    try Self.decodeContent(container),
                    attribution: try container.decodeIfPresent(String.self, forKey: .attribution),
                    quoteID: try container.decodeIfPresent(String.self, forKey: .quoteId),
                    location: location))
        case .pullQuote:
            self = .pullQuote(
                PullQuote(
                    try Self.decodeContent(container),
                    attribution: try container.decodeIfPresent(String.self, forKey: .attribution),
                    quoteID: try container.decodeIfPresent(String.self, forKey: .quoteId),
                    location: location))
        case .image:
            self = .image(
                Image(
                    src: try container.decode(String.self, forKey: .src),
                    alt: try container.decodeIfPresent(String.self, forKey: .alt),
                    caption: try container.decodeIfPresent(String.self, forKey: .caption),
                    credit: try container.decodeIfPresent(String.self, forKey: .credit),
                    location: location))
        case .rule:
            self = .rule(HorizontalRule(location: location))
        case .code:
            self = .code(
                CodeBlock(
                    text: try container.decodeIfPresent(String.self, forKey: .text) ?? "",
                    language: try container.decodeIfPresent(String.self, forKey: .language), location: location))
        case .table:
            self = .table(
                Table(
                    rows: try container.decode([TableRow].self, forKey: .rows),
                    caption: try container.decodeIfPresent(String.self, forKey: .caption), location: location))
        }
    }

    /// Encodes a block: its `type`, the plain `text` always, `content` when it is not one plain run.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .type)
        switch self {
        case .paragraph(let block):
            try Self.encodeContent(block.content, &container)
        case .heading(let block):
            try container.encode(block.level, forKey: .level)
            try Self.encodeContent(block.content, &container)
        case .list(let block):
            try container.encode(block.ordered, forKey: .ordered)
            try container.encode(block.items, forKey: .items)
            try container.encodeIfPresent(block.label, forKey: .label)
            try container.encodeIfPresent(block.speaker, forKey: .speaker)
        case .blockquote(let block):
            try Self.encodeContent(block.content, &container)
            try container.encodeIfPresent(block.attribution, forKey: .attribution)
            try container.encodeIfPresent(block.quoteID, forKey: .quoteId)
        case .pullQuote(let block):
            try Self.encodeContent(block.content, &container)
            try container.encodeIfPresent(block.attribution, forKey: .attribution)
            try container.encodeIfPresent(block.quoteID, forKey: .quoteId)
        case .image(let block):
            try container.encode(block.src, forKey: .src)
            try container.encodeIfPresent(block.alt, forKey: .alt)
            try container.encodeIfPresent(block.caption, forKey: .caption)
            try container.encodeIfPresent(block.credit, forKey: .credit)
        case .rule:
            break
        case .code(let block):
            try container.encode(block.text, forKey: .text)
            try container.encodeIfPresent(block.language, forKey: .language)
        case .table(let block):
            try container.encode(plainText, forKey: .text)
            try container.encodeIfPresent(block.caption, forKey: .caption)
            try container.encode(block.rows, forKey: .rows)
        }
        try container.encodeIfPresent(location.map(LineColumn.init), forKey: .location)
    }

    /// Rich `content` when present, else the plain `text` as one text run.
    static func decodeContent<K: CodingKey>(_ container: KeyedDecodingContainer<K>) throws -> [Inline] {
        if let content = try container.decodeIfPresent([Inline].self, forKey: K(stringValue: "content")!) {
            return content
        }
        let text = try container.decodeIfPresent(String.self, forKey: K(stringValue: "text")!)
        return text.map { [.text($0)] } ?? []
    }

    /// Always the plain `text`; `content` too unless the content is exactly one plain text run.
    static func encodeContent<K: CodingKey>(
        _ content: [Inline], _ container: inout KeyedEncodingContainer<K>
    ) throws {
        try container.encode(content.plainText, forKey: K(stringValue: "text")!)
        if !content.isPlain {
            try container.encode(content, forKey: K(stringValue: "content")!)
        }
    }
}

extension ListItem: Codable {
    enum CodingKeys: String, CodingKey {
        case text, content, location
    }

    /// Decodes a list item.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try Block.decodeContent(container),
            location: try container.decodeIfPresent(LineColumn.self, forKey: .location)?.location)
    }

    /// Encodes a list item like a block: its text, and its content when rich.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try Block.encodeContent(content, &container)
        try container.encodeIfPresent(location.map(LineColumn.init), forKey: .location)
    }
}

// MARK: - Inlines

extension Inline: Codable {
    enum CodingKeys: String, CodingKey {
        case type, text, content, url, open, close, quoteId
    }

    enum Kind: String, Codable {
        case text, emphasis, strong, link, quotation, lineBreak
    }

    /// Decodes an inline by its `type`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .type) {
        case .text: self = .text(try container.decode(String.self, forKey: .text))
        case .emphasis: self = .emphasis(try container.decode([Inline].self, forKey: .content))
        case .strong: self = .strong(try container.decode([Inline].self, forKey: .content))
        case .link:
            self = .link(
                url: try container.decode(String.self, forKey: .url),
                content: try container.decode([Inline].self, forKey: .content))
        case .quotation:
            self = .quotation(
                Quotation(
                    open: try container.decodeIfPresent(String.self, forKey: .open) ?? "",
                    close: try container.decodeIfPresent(String.self, forKey: .close) ?? "",
                    content: try container.decode([Inline].self, forKey: .content),
                    quoteID: try container.decodeIfPresent(String.self, forKey: .quoteId)))
        case .lineBreak: self = .lineBreak
        }
    }

    /// Encodes an inline with its `type`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text):
            try container.encode(Kind.text, forKey: .type)
            try container.encode(text, forKey: .text)
        case .emphasis(let content):
            try container.encode(Kind.emphasis, forKey: .type)
            try container.encode(content, forKey: .content)
        case .strong(let content):
            try container.encode(Kind.strong, forKey: .type)
            try container.encode(content, forKey: .content)
        case .link(let url, let content):
            try container.encode(Kind.link, forKey: .type)
            try container.encode(url, forKey: .url)
            try container.encode(content, forKey: .content)
        case .quotation(let quotation):
            try container.encode(Kind.quotation, forKey: .type)
            try container.encode(quotation.open, forKey: .open)
            try container.encode(quotation.close, forKey: .close)
            try container.encode(quotation.content, forKey: .content)
            try container.encodeIfPresent(quotation.quoteID, forKey: .quoteId)
        case .lineBreak:
            try container.encode(Kind.lineBreak, forKey: .type)
        }
    }
}

// MARK: - Table cells

extension TableCell: Codable {
    enum CodingKeys: String, CodingKey {
        case text, content
    }

    /// Decodes a cell: rich `content` when present, else the plain `text`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try Block.decodeContent(container))
    }

    /// Encodes a cell as a paragraph's content is: `text`, and `content` when it is not plain.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try Block.encodeContent(content, &container)
    }
}
