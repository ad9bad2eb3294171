// copydesk — ArticleFormats
// What a format is and what it can do: its names, its capabilities and how to recognise its content.

import ArticleModel

// MARK: - FormatDescriptor

/// A format copydesk knows: its name, the file extensions that imply it, what it can do, how its
/// content is recognised, and its reader and writer.
///
/// Each format declares its descriptor in its own folder (`Formats/<Name>/<Name>Format.swift`),
/// and `FormatRegistry.formats` lists them, one line each. Code outside a format's folder asks a
/// descriptor what the format can do (`capabilities`) and never switches on its name.
public struct FormatDescriptor: Sendable {
    /// The name used with `--from` and `--to` (`json`, `text`).
    public var name: String
    /// What the format is, for messages (`an Atom feed`, `IPTC ninjs`).
    public var title: String
    /// A one-line description for `copydesk formats`.
    public var summary: String
    /// File extensions without the dot, lowercase (`txt`). Several formats may share one (`xml`,
    /// `json`); the content then decides (see `FormatRegistry.detect`).
    public var extensions: [String]
    /// The extension of files this format writes (`ninjs.json`): the first of `extensions` unless set.
    public var outputExtension: String
    /// The media type of what the writer produces (`application/json`).
    public var mediaType: String
    /// What the format can do.
    public var capabilities: FormatCapabilities
    /// Recognises the format's content, or `nil` for a format recognised by name and extension only.
    package var sniffer: ContentSniffer?
    /// The XML Schema files of the format are checked against (`validate --schema NAME`), when it has one.
    public var schema: XMLSchemaInfo?
    /// Its reader, or `nil` for a format copydesk recognises or writes but cannot read.
    public var reader: (any ArticleReader)?
    /// Its writer, or `nil` for a format copydesk cannot write.
    public var writer: (any ArticleWriter)?

    package init(
        name: String, title: String, summary: String, extensions: [String], outputExtension: String? = nil,
        mediaType: String, capabilities: FormatCapabilities, sniffer: ContentSniffer? = nil,
        schema: XMLSchemaInfo? = nil, reader: (any ArticleReader)? = nil, writer: (any ArticleWriter)? = nil
    ) {
        self.name = name
        self.title = title
        self.summary = summary
        self.extensions = extensions
        self.outputExtension = outputExtension ?? extensions.first ?? name
        self.mediaType = mediaType
        self.capabilities = capabilities
        self.sniffer = sniffer
        self.schema = schema
        self.reader = reader
        self.writer = writer
    }

    /// Whether copydesk can read the format.
    public var isReadable: Bool { reader != nil }
    /// Whether copydesk can write the format.
    public var isWritable: Bool { writer != nil }
}

// MARK: - XMLSchemaInfo

/// A format's published XML Schema, which copydesk does not ship (its licence and size are the
/// standard body's): what it is called, where copydesk looks for it and where to get it.
public struct XMLSchemaInfo: Sendable, Hashable {
    /// The standard's short name (`NewsML-G2`).
    public var name: String
    /// What the schema is, with its version (`IPTC's NewsML-G2 2.35`).
    public var title: String
    /// The file to check against (`NewsML-G2_2.35-spec-All-Power.xsd`).
    public var fileName: String
    /// Schema files it imports, which must sit beside it (`xml.xsd`).
    public var companions: [String]
    /// The environment variable that may name the file.
    public var environmentVariable: String
    /// The folder, under the installation's `share/copydesk/`, that `make install` puts it in.
    public var installFolder: String
    /// The `make install` variable naming the folder to install it from.
    public var installVariable: String
    /// Where to get it.
    public var source: String

    package init(
        name: String, title: String, fileName: String, companions: [String], environmentVariable: String,
        installFolder: String, installVariable: String, source: String
    ) {
        self.name = name
        self.title = title
        self.fileName = fileName
        self.companions = companions
        self.environmentVariable = environmentVariable
        self.installFolder = installFolder
        self.installVariable = installVariable
        self.source = source
    }
}

// MARK: - FormatCapabilities

/// What a format can do, declared by the format so that nothing else needs its name.
public struct FormatCapabilities: Sendable, Hashable {
    /// How many articles one file of the format holds.
    public enum Articles: String, Sendable, Hashable {
        /// One article a file (NewsML-G2 item, ninjs, Markdown).
        case one
        /// One or several (a JSON array, a YAML stream, a feed).
        case many
    }

    /// Whether a file can hold comments, so `copydesk-disable-…` suppression comments in it are honoured.
    public var holdsComments: Bool
    /// How many articles one file holds.
    public var articles: Articles
    /// Whether the format is a stream of records, one article a line, that can be read and
    /// written a record at a time in constant memory (NDJSON).
    public var isLineStream: Bool
    /// Whether one output gathers the articles of every input (a feed): several files or a folder
    /// convert to one document, on standard output or `--output`, rather than a file each.
    public var gathersArticles: Bool
    /// Whether the format is an archive of records (a web archive) read a record at a time, in
    /// parallel and in constant memory, each record becoming an article or being skipped (WARC).
    public var isArchive: Bool
    /// The parts of the model the writer carries; what it cannot carry is reported as dropped
    /// when an article has it. Empty for a format copydesk does not write.
    public var carries: Set<ArticleField>

    /// Capabilities; what is not given is `false`, one article, nothing carried.
    public init(
        holdsComments: Bool = false, articles: Articles = .one, isLineStream: Bool = false,
        gathersArticles: Bool = false, isArchive: Bool = false, carries: Set<ArticleField> = []
    ) {
        self.holdsComments = holdsComments
        self.articles = articles
        self.isLineStream = isLineStream
        self.gathersArticles = gathersArticles
        self.isArchive = isArchive
        self.carries = carries
    }
}

/// The parts of the canonical model a format's writer may carry. (Source positions are bookkeeping
/// of a reading, not content: no format is said to carry or drop them.)
public enum ArticleField: String, Sendable, Hashable, CaseIterable, Comparable {
    case headline, subheadline, highlights, bylines, bylineDetails, dateline, published, modified, language
    case section, keywords, source, body, images, quotes, speakers, listLabels, dateMentions, extensions

    /// Every field: what canonical JSON and YAML carry.
    public static let everything = Set(allCases)

    /// Whether the field is derived from the text by copydesk's analysers (`dateMentions`): a
    /// format that keeps the text gives it back when read, so leaving it out is not reported.
    public var isDerived: Bool { self == .dateMentions }

    /// Orders fields as the model lists them.
    public static func < (lhs: ArticleField, rhs: ArticleField) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

// MARK: - Sniffing

/// How sure a sniffer is that content is in its format.
package enum SniffConfidence: Int, Sendable, Comparable {
    /// The content could be the format (it is JSON, say): the last resort when nothing else matches.
    case possible = 0
    /// The content looks like the format (a heuristic): it decides only when nothing is certain
    /// and the file's extension does not say.
    case likely = 1
    /// The content declares the format (an XML root element in its namespace, a model version, a
    /// document type): it decides even against the file's extension, with a note.
    case certain = 2

    package static func < (lhs: SniffConfidence, rhs: SniffConfidence) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a sniffer found: how sure it is, and why (for the note when content overrides an extension).
package struct SniffMatch: Sendable, Equatable {
    package var confidence: SniffConfidence
    /// The evidence, for messages (`its root element is <feed> in the Atom namespace`).
    package var evidence: String

    package init(_ confidence: SniffConfidence, _ evidence: String) {
        self.confidence = confidence
        self.evidence = evidence
    }
}

/// Recognises a format from the start of its content.
package typealias ContentSniffer = @Sendable (ContentSample) -> SniffMatch?
