// copydesk — ArticleFormats
// The one table of formats, and how an input's format is chosen: by name, by extension, by content.

public import ArticleModel

// MARK: - FormatRegistry

/// Every format, in one literal table. Adding a format is one folder under `Formats/` (its
/// descriptor, reader and writer) plus one line here.
public enum FormatRegistry {
    /// The formats, in the order detection prefers them when several match.
    public static let formats: [FormatDescriptor] = [
        .html,
        .json,
        .markdown,
        .ndjson,
        .newsml,
        .ninjs,
        .text,
        .yaml,
        .nitf,
        .rss,
        .atom,
        .jsonFeed,
        .warc,
    ]

    /// What an input is read as when nothing names or reveals its format (standard input).
    public static let fallbackInput = FormatDescriptor.text
    /// What is written when nothing names a format.
    public static let defaultOutput = FormatDescriptor.json

    /// The format with this name (case-insensitive), or `nil`.
    public static func format(named name: String) -> FormatDescriptor? {
        let wanted = name.lowercased()
        return formats.first { $0.name == wanted }
    }

    /// The formats a path's extension implies, the primary one first (`xml`: NewsML-G2, NITF, RSS, Atom).
    public static func formats(forPath path: String) -> [FormatDescriptor] {
        guard let ext = fileExtension(of: path) else { return [] }
        return formats.filter { $0.extensions.contains(ext) }
    }

    /// The primary format a path's extension implies, or `nil`.
    public static func format(forPath path: String) -> FormatDescriptor? {
        formats(forPath: path).first
    }

    /// The reader of the format an embedded XML element is the root of (NITF inside NewsML-G2).
    static func embeddedReader(for element: XMLElement) -> (any EmbeddedXMLReader)? {
        formats.lazy.compactMap { $0.reader as? any EmbeddedXMLReader }.first { $0.reads(element) }
    }

    /// The readable format whose media type is `mediaType` (parameters such as `charset` ignored),
    /// for content another document embeds with its type (`text/html` in a NewsML-G2 `inlineData`).
    static func readableFormat(forMediaType mediaType: String) -> FormatDescriptor? {
        func bare(_ type: String) -> String {
            String(type.prefix { $0 != ";" }).trimmingWhitespace().lowercased()
        }
        return formats.first { $0.isReadable && bare($0.mediaType) == bare(mediaType) }
    }

    /// The reader of HTML body fragments (item HTML in feeds and ninjs, a page behind front
    /// matter), found by media type.
    static var htmlFragmentReader: (any BodyFragmentReader)? {
        readableFormat(forMediaType: "text/html")?.reader as? any BodyFragmentReader
    }

    /// Names of formats that can be read.
    public static var readableNames: [String] { formats.filter(\.isReadable).map(\.name) }

    /// Names of formats that can be written.
    public static var writableNames: [String] { formats.filter(\.isWritable).map(\.name) }

    /// The lowercase extension of the last path component, without the dot: a compound extension a
    /// format declares (`warc.gz`) when the name ends with it, else the part after the last dot.
    public static func fileExtension(of path: String) -> String? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        if let compound = compoundExtensions.first(where: {
            name.count > $0.count + 1 && name.lowercased().hasSuffix("." + $0)
        }) {
            return compound
        }
        return ext.isEmpty ? nil : ext
    }

    /// Extensions with a dot in them (`warc.gz`), longest first.
    private static let compoundExtensions = formats.flatMap(\.extensions).filter { $0.contains(".") }
        .sorted { $0.count > $1.count }
}

// MARK: - Detection

/// The format an input is read with, and a note when its content overrode its extension.
public struct FormatDetection: Sendable {
    /// The format to read the input with.
    public var format: FormatDescriptor
    /// Why the content was read as this format rather than as its extension says.
    public var note: Diagnostic?

    /// A detection result.
    public init(format: FormatDescriptor, note: Diagnostic? = nil) {
        self.format = format
        self.note = note
    }
}

extension FormatRegistry {
    /// The format to read an input with, decided by its content and its extension.
    ///
    /// - A format whose content is *certain* (an XML root element in its namespace, a model
    ///   version, `<!DOCTYPE html>`) wins, even over the extension; when it contradicts the
    ///   extension, `note` says so.
    /// - Otherwise the extension decides among the formats that claim it, a *likely* match first
    ///   (`.json`: canonical JSON, ninjs, JSON Feed; `.xml`: NewsML-G2, NITF, RSS, Atom), then the
    ///   extension's primary format.
    /// - Without an extension copydesk knows (standard input, `README`), the likeliest match,
    ///   else plain text for standard input (`path == nil`), else `nil`: the format cannot be told.
    ///
    /// Throws `input.unsupported` when the content is certainly a format copydesk recognises but
    /// cannot read, rather than misreading it.
    public static func detect(path: String?, bytes: some Collection<UInt8>) throws(FormatError) -> FormatDetection? {
        let sample = ContentSample(bytes: bytes)
        var matches: [(format: FormatDescriptor, match: SniffMatch)] = []
        for format in formats {
            if let sniffer = format.sniffer, let match = sniffer(sample) { matches.append((format, match)) }
        }
        // Stable: the registry's order breaks ties.
        let ranked = matches.enumerated().sorted { lhs, rhs in
            lhs.element.match.confidence != rhs.element.match.confidence
                ? lhs.element.match.confidence > rhs.element.match.confidence : lhs.offset < rhs.offset
        }.map(\.element)
        let claimed = path.map(formats(forPath:)) ?? []
        let file = path ?? "<stdin>"
        var chosen: (format: FormatDescriptor, match: SniffMatch?)?
        var note: Diagnostic?
        if let certain = ranked.first(where: { $0.match.confidence == .certain }) {
            chosen = (certain.format, certain.match)
            if !claimed.isEmpty, !claimed.contains(where: { $0.name == certain.format.name }), certain.format.isReadable
            {
                let ext = path.flatMap(fileExtension(of:)) ?? ""
                note = Diagnostic(
                    id: "input.format", severity: .note,
                    message:
                        "the content is \(certain.format.title), not \(claimed[0].title) as the extension .\(ext) "
                        + "says (\(certain.match.evidence)); read as \(certain.format.name) — name the format "
                        + "with --from to choose", file: file)
            }
        } else if !claimed.isEmpty {
            let likely = ranked.first { match in claimed.contains { $0.name == match.format.name } }
            chosen = likely.map { ($0.format, $0.match) } ?? (claimed[0], nil)
        } else if let best = ranked.first {
            chosen = (best.format, best.match)
        } else if path == nil {
            chosen = (fallbackInput, nil)
        }
        guard let chosen else { return nil }
        guard chosen.format.isReadable else {
            let why = chosen.match.map { " (\($0.evidence))" } ?? ""
            throw FormatError(
                id: "input.unsupported",
                message: "this is \(chosen.format.title)\(why), which copydesk recognises but cannot read yet",
                file: file,
                hint: "copydesk reads " + readableNames.joined(separator: ", ")
                    + "; if the file is one of those, name it with --from")
        }
        return FormatDetection(format: chosen.format, note: note)
    }
}
