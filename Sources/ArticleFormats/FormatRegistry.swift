// copydesk — ArticleFormats
// The one table of formats: names, file extensions, readers and writers.

import ArticleModel

// MARK: - FormatDescriptor

/// A format copydesk knows: its name, the file extensions that imply it, and what it can do.
public struct FormatDescriptor: Sendable {
    /// The name used with `--from` and `--to` (`json`, `text`).
    public var name: String
    /// A one-line description for `copydesk formats`.
    public var summary: String
    /// File extensions without the dot, lowercase (`txt`).
    public var extensions: [String]
    public var reader: (any ArticleReader)?
    public var writer: (any ArticleWriter)?

    public init(
        name: String, summary: String, extensions: [String],
        reader: (any ArticleReader)? = nil, writer: (any ArticleWriter)? = nil
    ) {
        self.name = name
        self.summary = summary
        self.extensions = extensions
        self.reader = reader
        self.writer = writer
    }
}

// MARK: - FormatRegistry

/// Every format, in one literal table. Adding a format is one folder plus one line here.
public enum FormatRegistry {
    /// The formats, alphabetically.
    public static let formats: [FormatDescriptor] = [
        FormatDescriptor(
            name: "html", summary: "HTML pages: CMS exports and web pages (article found among the page furniture)",
            extensions: ["html", "htm", "xhtml"], reader: HTMLReader()),
        FormatDescriptor(
            name: "json", summary: "copydesk canonical JSON (Schemas/article.schema.json)", extensions: ["json"],
            reader: JSONArticleReader(), writer: JSONArticleWriter()),
        FormatDescriptor(
            name: "markdown", summary: "Markdown (CommonMark) with YAML front matter",
            extensions: ["md", "markdown"], reader: MarkdownArticleReader(), writer: MarkdownArticleWriter()),
        FormatDescriptor(
            name: "ndjson", summary: "newline-delimited JSON: one compact canonical-JSON article per line",
            extensions: ["ndjson", "jsonl"], reader: NDJSONArticleReader(), writer: NDJSONArticleWriter()),
        FormatDescriptor(
            name: "newsml", summary: "IPTC NewsML-G2 2.35 newsItem with an XHTML body",
            extensions: ["xml"], reader: NewsMLG2Reader(), writer: NewsMLG2Writer()),
        FormatDescriptor(
            name: "ninjs", summary: "IPTC ninjs 3.1 (or 2.2 with --ninjs-version 2), news in JSON",
            extensions: [], writer: NINJSArticleWriter()),
        FormatDescriptor(
            name: "text", summary: "plain text, as scraped from web pages or typed", extensions: ["txt", "text"],
            reader: PlainTextReader()),
        FormatDescriptor(
            name: "yaml", summary: "canonical YAML, CMS front matter, streams of --- documents",
            extensions: ["yaml", "yml"], reader: YAMLArticleReader(), writer: YAMLArticleWriter()),
    ]

    /// The format with this name (case-insensitive), or `nil`.
    public static func format(named name: String) -> FormatDescriptor? {
        let wanted = name.lowercased()
        return formats.first { $0.name == wanted }
    }

    /// The format a path's extension implies, or `nil`.
    public static func format(forPath path: String) -> FormatDescriptor? {
        guard let ext = fileExtension(of: path) else { return nil }
        return formats.first { $0.extensions.contains(ext) }
    }

    /// Names of formats that can be read.
    public static var readableNames: [String] { formats.filter { $0.reader != nil }.map(\.name) }

    /// Names of formats that can be written.
    public static var writableNames: [String] { formats.filter { $0.writer != nil }.map(\.name) }

    /// The lowercase extension of the last path component, without the dot.
    public static func fileExtension(of path: String) -> String? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        return ext.isEmpty ? nil : ext
    }
}
