// copydesk — ArticleFormats
// The contract every reader and writer implements.

public import ArticleModel

// MARK: - Reading

/// The bytes a reader gets, and the file they came from (for positions in diagnostics).
public struct ReaderInput: Sendable {
    /// The input's bytes, undecoded.
    public var bytes: [UInt8]
    /// The path as the user gave it, or `nil` for standard input.
    public var file: String?

    /// Bytes read from `file` (`nil` for standard input).
    public init(bytes: [UInt8], file: String? = nil) {
        self.bytes = bytes
        self.file = file
    }

    /// Text, as its UTF-8 bytes.
    public init(string: String, file: String? = nil) {
        self.init(bytes: Array(string.utf8), file: file)
    }
}

/// How to decode text whose bytes are not UTF-8.
public enum InputEncoding: String, Sendable, CaseIterable, Codable {
    /// UTF-8 (a BOM is skipped; UTF-16 with a BOM is also accepted). Invalid bytes are an error.
    case utf8
    /// Windows-1252 (a superset of ISO-8859-1): every byte maps to a character.
    case windows1252 = "windows-1252"
}

/// Bounds on what one input may cost, so an untrusted file cannot exhaust memory, the stack or
/// time. Hitting one is an error (`input.limit`) that names the limit and the option raising it;
/// README ("Limits") lists the defaults.
public struct ReaderLimits: Sendable, Equatable, Codable {
    /// Bytes of input (`--max-input-size`). Default 64 MiB.
    public var maxInputBytes: Int
    /// Nesting depth of JSON arrays and objects, YAML collections, XML elements and Markdown
    /// block quotes and lists (`--max-depth`). Default 512. The HTML reader nests without
    /// recursion and needs no limit.
    public var maxDepth: Int
    /// Nodes of one YAML document after aliases are expanded (`--max-yaml-nodes`): an alias
    /// bomb ("billion laughs") stops here. Default 1,000,000.
    public var maxYAMLNodes: Int
    /// Characters of an article's running text the quote and date analysers read
    /// (`--max-analysed-text`); the rest is kept and written but not searched, with a note. This
    /// is the per-article work budget: the analysers do a bounded amount of work per character,
    /// so their time per article is bounded. Default 1,000,000.
    public var maxAnalysedCharacters: Int

    /// Limits; what is not given keeps its default.
    public init(
        maxInputBytes: Int = 64 << 20, maxDepth: Int = 512, maxYAMLNodes: Int = 1_000_000,
        maxAnalysedCharacters: Int = 1_000_000
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxYAMLNodes = maxYAMLNodes
        self.maxAnalysedCharacters = maxAnalysedCharacters
    }

    /// 64 MiB, depth 512, one million YAML nodes, one million characters analysed.
    public static let `default` = ReaderLimits()
}

extension FormatError {
    /// A limit was hit: what, where, and which option raises it.
    public static func limit(
        _ message: String, option: String, file: String?, location: SourceLocation? = nil
    ) -> FormatError {
        FormatError(
            id: "input.limit", message: message, location: location, file: file ?? "<stdin>",
            hint: "raise the limit with \(option) if the input is trusted")
    }
}

/// Settings every reader understands.
public struct ReaderOptions: Sendable, Equatable, Codable {
    /// How to decode the input's bytes.
    public var encoding: InputEncoding
    /// What one input may cost.
    public var limits: ReaderLimits
    /// The character set the input's transport declared (the `charset` of an HTTP Content-Type in
    /// a web archive), lowercase, or `nil`. The HTML reader takes it before the page's own
    /// declaration, as browsers do; bytes that are valid UTF-8 are still read as UTF-8.
    public var declaredCharset: String?

    /// Reader options; by default UTF-8 and the default limits.
    public init(encoding: InputEncoding = .utf8, limits: ReaderLimits = .default, declaredCharset: String? = nil) {
        self.encoding = encoding
        self.limits = limits
        self.declaredCharset = declaredCharset
    }

    /// UTF-8 input.
    public static let `default` = ReaderOptions()
}

/// What a reader found: one article for most formats, several for streams, and any warnings.
public struct ReadResult: Sendable {
    /// The articles read, in the input's order.
    public var articles: [Article]
    /// Notes and warnings about what was read (never errors: those are thrown).
    public var diagnostics: [Diagnostic]

    /// A read result.
    public init(articles: [Article], diagnostics: [Diagnostic] = []) {
        self.articles = articles
        self.diagnostics = diagnostics
    }
}

/// Reads one format into canonical articles.
public protocol ArticleReader: Sendable {
    /// Reads the input. Throws `FormatError` when it cannot be read at all; recoverable
    /// problems come back as diagnostics beside the articles.
    func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult
}

/// Reads a line-stream format (`FormatCapabilities.isLineStream`) one record at a time, so a
/// stream of any length is read in constant memory.
public protocol LineRecordReader: ArticleReader {
    /// The articles on line `number` of a stream (the line without its LF), or `nil` for a blank line.
    func read(
        record: ArraySlice<UInt8>, number: Int, file: String?, options: ReaderOptions
    ) throws(FormatError) -> ReadResult?
}

// MARK: - Writing

/// Which static-site generator's front-matter keys the Markdown writer uses.
public enum MarkdownFlavor: String, Sendable, CaseIterable, Codable {
    /// copydesk's own keys (`title`, `authors`, `date`, …), read back by the Markdown reader.
    case plain
    /// Hugo's keys (`title`, `date`, `lastmod`, `description`, `authors`, `tags`, `categories`).
    case hugo
    /// Jekyll's keys (`layout`, `title`, `date`, `author`, `excerpt`, `tags`, `categories`).
    case jekyll
}

/// How the Markdown writer writes its front matter.
public enum FrontMatterSyntax: String, Sendable, CaseIterable, Codable {
    /// YAML between `---` lines (Jekyll, Hugo), the default.
    case yaml
    /// TOML between `+++` lines (Hugo, Zola).
    case toml
    /// A JSON object at the top of the file (Hugo).
    case json
}

/// The ninjs version the ninjs writer produces.
public enum NINJSVersion: Int, Sendable, CaseIterable, Codable {
    /// ninjs 3.1 (camelCase property names), the default.
    case v3 = 3
    /// ninjs 2.2 (lowercase property names).
    case v2 = 2
}

/// Settings every writer understands. Every option that shapes an output is a field here, so
/// that `--incremental` notices it (the fingerprint encodes these values).
public struct WriterOptions: Sendable, Equatable, Codable {
    /// One line instead of indented output, where the format allows it.
    public var compact: Bool
    /// The ninjs version to write: 3.1 (the default) or 2.2.
    public var ninjsVersion: NINJSVersion
    /// The front-matter keys of the Markdown writer.
    public var markdownFlavor: MarkdownFlavor
    /// The front-matter syntax of the Markdown writer: YAML (the default), TOML or JSON.
    public var frontMatter: FrontMatterSyntax
    /// The HTML writer writes the body alone, as a CMS body fragment, instead of a whole page.
    public var htmlFragment: Bool
    /// A feed's title (RSS, Atom, JSON Feed); `nil`: the first article's publisher, else "copydesk feed".
    public var feedTitle: String?
    /// The web page a feed stands for; `nil`: the site of the first article's URL.
    public var feedLink: String?
    /// A feed's identifier: Atom's `id` (an absolute IRI), and the feed's own address in RSS and
    /// JSON Feed when it is one; `nil`: the link, else an identifier derived from the items.
    public var feedID: String?

    /// Writer options; by default pretty output, ninjs 3.1, copydesk's Markdown keys in YAML, whole
    /// HTML pages and feed metadata from the articles.
    public init(
        compact: Bool = false, ninjsVersion: NINJSVersion = .v3, markdownFlavor: MarkdownFlavor = .plain,
        frontMatter: FrontMatterSyntax = .yaml, htmlFragment: Bool = false, feedTitle: String? = nil,
        feedLink: String? = nil, feedID: String? = nil
    ) {
        self.compact = compact
        self.ninjsVersion = ninjsVersion
        self.markdownFlavor = markdownFlavor
        self.frontMatter = frontMatter
        self.htmlFragment = htmlFragment
        self.feedTitle = feedTitle
        self.feedLink = feedLink
        self.feedID = feedID
    }

    /// Pretty output.
    public static let `default` = WriterOptions()
}

/// What a writer produced, and what it had to leave out.
public struct WriteResult: Sendable {
    /// The output.
    public var bytes: [UInt8]
    /// What the format could not hold (`conversion.dropped`) and what was assumed.
    public var diagnostics: [Diagnostic]

    /// A write result.
    public init(bytes: [UInt8], diagnostics: [Diagnostic] = []) {
        self.bytes = bytes
        self.diagnostics = diagnostics
    }
}

/// Writes canonical articles in one format.
public protocol ArticleWriter: Sendable {
    /// Whether one output can hold several articles (a JSON array); otherwise the caller
    /// writes one output per article.
    var holdsSeveralArticles: Bool { get }

    /// Writes the articles (one, unless `holdsSeveralArticles`).
    func write(_ articles: [Article], options: WriterOptions) throws(FormatError) -> WriteResult
}

// MARK: - Conversion notes

extension Diagnostic {
    /// A writer could not hold something: it says what, never drops it silently.
    public static func dropped(_ what: String, format: String, location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(
            id: "conversion.dropped", severity: .warning, message: "\(format) cannot hold \(what); it was left out",
            location: location)
    }

    /// A writer replaced `count` characters its output cannot hold (control characters,
    /// noncharacters) by U+FFFD.
    static func replaced(_ count: Int, format: String, location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(
            id: "conversion.replaced", severity: .warning,
            message: "\(count) character(s) that \(format) cannot hold (control characters, noncharacters) were "
                + "replaced by U+FFFD", location: location)
    }
}

extension String {
    /// The string for a diagnostic message: in «guillemets», control characters shown as `?`, and
    /// cut after 60 characters.
    var messageQuoted: String {
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars { scalars.append(URLSafety.isControl(scalar) ? "?" : scalar) }
        let text = String(scalars)
        return "«" + (text.count > 60 ? text.prefix(60) + "…" : text) + "»"
    }
}

// MARK: - Errors

/// A reader or writer could not do its job: what is wrong, where, and what to do.
public struct FormatError: Error, Sendable, CustomStringConvertible {
    /// A stable identifier (`input.encoding`, `json.syntax`).
    public var id: String
    /// What is wrong.
    public var message: String
    /// Where, when known.
    public var location: SourceLocation?
    /// The file, or `<stdin>`.
    public var file: String?
    /// What the user can do about it.
    public var hint: String?

    /// An error; the location's file stands for `file` when none is given.
    public init(id: String, message: String, location: SourceLocation? = nil, file: String? = nil, hint: String? = nil)
    {
        self.id = id
        self.message = message
        self.location = location
        self.file = file ?? location?.file
        self.hint = hint
    }

    /// The error as a diagnostic, so it prints and reports like any other finding.
    public var diagnostic: Diagnostic {
        Diagnostic(
            id: id, severity: .error, message: message, location: location, file: file,
            notes: hint.map { [$0] } ?? [])
    }

    /// The error as printed: `file:line:col: error: message`.
    public var description: String { diagnostic.description }
}

// MARK: - Embedded documents

/// A reader that also reads its format where another document embeds it as an XML element
/// (NITF inside a NewsML-G2 `inlineXML`). The embedding format's reader finds it through
/// `FormatRegistry.embeddedReader(for:)` and never names it.
protocol EmbeddedXMLReader: ArticleReader {
    /// Whether the element is the root of a document in this format.
    func reads(_ element: XMLElement) -> Bool
    /// The article the element holds, and notes on what could not be read.
    func article(from element: XMLElement, file: String?) -> (article: Article, diagnostics: [Diagnostic])
}

/// What a body fragment holds: its blocks, the quotes their anchors carry, and notes.
struct BodyFragment: Sendable {
    var blocks: [Block] = []
    var quotes: [Quote] = []
    var diagnostics: [Diagnostic] = []
}

/// A reader that also reads a fragment of its format that another document carries as a string
/// (the HTML body of a ninjs item). The embedding format's reader finds it through
/// `FormatRegistry.htmlFragmentReader` and never names it.
protocol BodyFragmentReader: ArticleReader {
    /// The fragment's blocks (located by lines of the fragment), the quotes anchored in them, and notes.
    func body(fromFragment text: String, file: String?) -> BodyFragment
}
