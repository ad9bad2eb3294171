// copydesk — ArticleFormats / NewsML-G2 reader
// A news item's content: the richest text alternative of its contentSet, in whichever form the
// agency sends it, and its media.

import ArticleModel

// MARK: - NewsMLG2Body

/// Reads a `contentSet`: XHTML or an embedded format (NITF) in `inlineXML`, text or HTML in
/// `inlineData`, media in `remoteContent` (never fetched). With several text alternatives, the
/// one giving the most text is the body; the others are noted and listed in
/// `extensions.alternatives`.
struct NewsMLG2Body {
    let file: String?
    /// The item's metadata texts, so a body whose header repeats them does not repeat them again.
    let known: Set<String>
    /// The body and the quotes copydesk's attributes in it describe.
    var blocks: [Block] = []
    var quotes: [Quote] = []
    var diagnostics: [Diagnostic] = []
    /// What the item carries beside the body (remote renditions, shorter alternatives).
    var alternatives: [JSONValue] = []
    /// The article of an embedded document (NITF), whose metadata fills what the item's lacks.
    var embedded: Article?
    /// Content types carried that copydesk does not read as text (`application/sportsml+xml`).
    var unreadable: [String] = []

    init(file: String?, known: Set<String>) {
        self.file = file
        self.known = known
    }

    func location(_ element: XMLElement) -> SourceLocation {
        SourceLocation(file: file, line: element.line, column: 1)
    }

    /// One reading of a text alternative.
    private struct Reading {
        var content = Article()
        var diagnostics: [Diagnostic] = []
        var embedded: Article?
        var element: XMLElement
        var type: String

        var textLength: Int { content.body.reduce(0) { $0 + $1.plainText.count } }
    }

    mutating func read(_ contentSet: XMLElement, isMedia: Bool, caption: String?) {
        var readings: [Reading] = []
        var remote: [XMLElement] = []
        for element in contentSet.elements() {
            let type = element.attribute("contenttype") ?? ""
            switch element.name {
            case "inlineXML":
                if let reading = inlineXML(element, type: type) { readings.append(reading) }
            case "inlineData":
                if let reading = inlineData(element, type: type) { readings.append(reading) }
            case "remoteContent":
                remote.append(element)
            default:
                break
            }
        }
        if let best = readings.indices.max(by: { readings[$0].textLength < readings[$1].textLength }),
            readings[best].textLength > 0
        {
            let chosen = readings[best]
            blocks = chosen.content.body
            quotes = chosen.content.quotes
            diagnostics += chosen.diagnostics
            embedded = chosen.embedded
            for (index, other) in readings.enumerated() where index != best && other.textLength > 0 {
                alternatives.append(
                    .object([
                        "type": .string(other.type),
                        "text": .string(other.content.body.map(\.plainText).joined(separator: "\n\n")),
                    ]))
                diagnostics.append(
                    Diagnostic(
                        id: "newsml.alternative", severity: .note,
                        message:
                            "the content set has another text alternative (\(other.type.isEmpty ? "<\(other.element.name)>" : other.type), "
                            + "\(other.textLength) characters); the one with the most text (\(chosen.textLength)) is the body, "
                            + "the other is kept in extensions.alternatives",
                        location: location(other.element)))
            }
        }
        media(remote, isMedia: isMedia, caption: caption)
        if blocks.isEmpty {
            unreadable += readings.filter { $0.diagnostics.contains { $0.id == "newsml.content-type" } }.map(\.type)
        }
    }

    // MARK: Alternatives

    private func inlineXML(_ element: XMLElement, type: String) -> Reading? {
        var reading = Reading(element: element, type: type)
        guard let root = element.elements().first else {
            // Text straight inside inlineXML.
            reading.content.body = Self.paragraphs(fromText: element.text, at: location(element))
            return reading
        }
        if let reader = FormatRegistry.embeddedReader(for: root) {
            let (article, notes) = reader.article(from: root, file: file)
            reading.content.body = article.body
            reading.content.quotes = article.quotes
            reading.embedded = article
            reading.diagnostics = notes
            return reading
        }
        let isXHTML =
            root.namespace == NewsMLG2.xhtml || ["html", "body", "div", "section", "p", "article"].contains(root.name)
            || type.contains("html")
        guard isXHTML else {
            return Reading(
                content: Article(),
                diagnostics: [
                    Diagnostic(
                        id: "newsml.content-type", severity: .warning,
                        message:
                            "the item carries <\(root.name)>\(type.isEmpty ? "" : " (\(type))") in inlineXML, which "
                            + "copydesk does not read as article text", location: location(element))
                ], element: element, type: type.isEmpty ? "<\(root.name)>" : type)
        }
        var body = XHTMLBody(file: file, known: known)
        switch root.name {
        case "html": body.blocks(in: root.first("body") ?? root)
        case "body": body.blocks(in: root)
        default: body.blocks(in: element)  // several blocks straight inside inlineXML
        }
        body.flushLabel()
        reading.content = body.content
        reading.diagnostics = body.diagnostics
        return reading
    }

    private func inlineData(_ element: XMLElement, type: String) -> Reading? {
        var reading = Reading(element: element, type: type)
        let text = element.text
        if let encoding = element.attribute("encoding"), !encoding.isEmpty {
            reading.diagnostics.append(
                Diagnostic(
                    id: "newsml.content-type", severity: .warning,
                    message: "the inlineData is encoded as \(encoding), which copydesk does not decode",
                    location: location(element)))
            return reading
        }
        // Agencies label HTML as text/plain often enough that the content decides: markup read as HTML.
        let lowered = text.lowercased()
        let looksLikeMarkup = ["<p>", "<p ", "<br", "<div", "<h2", "<h3", "<ul", "<ol", "<table", "<span"].contains {
            lowered.contains($0)
        }
        if type.contains("html") || looksLikeMarkup,
            let html = FormatRegistry.htmlFragmentReader
        {
            // A body fragment, read whole (no page furniture to find); its positions count from
            // the start of the data, so each block stands at the element.
            let fragment = html.body(fromFragment: text, file: file)
            reading.content.body = fragment.blocks.map { block in
                var block = block
                block.location = location(element)
                return block
            }
            reading.content.quotes = fragment.quotes
            reading.diagnostics += fragment.diagnostics
            return reading
        }
        reading.content.body = Self.paragraphs(fromText: text, at: location(element))
        return reading
    }

    /// Paragraphs of plain text: split at blank lines, or, in wire copy without blank lines, at
    /// lines that start indented; wrapped lines are joined.
    static func paragraphs(fromText text: String, at location: SourceLocation) -> [Block] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let hasBlankLines = lines.dropFirst().dropLast().contains { String($0).trimmingWhitespace().isEmpty }
        var paragraphs: [String] = []
        var current: [String] = []
        func flush() {
            let joined = current.joined(separator: " ").foldingWhitespace()
            if !joined.isEmpty { paragraphs.append(joined) }
            current = []
        }
        for line in lines {
            let trimmed = String(line).trimmingWhitespace()
            if trimmed.isEmpty {
                flush()
                continue
            }
            if !hasBlankLines, let first = line.first, first == " " || first == "\t" { flush() }
            current.append(trimmed)
        }
        flush()
        return paragraphs.map { .paragraph(Paragraph(text: $0, location: location)) }
    }

    // MARK: Media

    /// Picture and graphic items get an image of their best rendition with the caption; video and
    /// audio items their caption as text (the model holds no video) with the renditions listed.
    /// Remote content is listed in `extensions.alternatives` and never fetched.
    private mutating func media(_ remote: [XMLElement], isMedia: Bool, caption: String?) {
        guard !remote.isEmpty else { return }
        // The largest image rendition of a picture item becomes its image; every other rendition
        // (and that one, if it names no address) is listed.
        var shown: Int?
        if isMedia, blocks.isEmpty,
            let largest = remote.indices.filter({ (remote[$0].attribute("contenttype") ?? "").hasPrefix("image/") })
                .max(by: { Self.area(remote[$0]) < Self.area(remote[$1]) }),
            let href = remote[largest].attribute("href") ?? remote[largest].attribute("residref")
        {
            blocks.append(.image(Image(src: href, caption: caption, location: location(remote[largest]))))
            shown = largest
        } else if isMedia, blocks.isEmpty, let caption {
            blocks.append(.paragraph(Paragraph(text: caption, location: location(remote[0]))))
            diagnostics.append(
                Diagnostic(
                    id: "newsml.media", severity: .note,
                    message: "the item's media (\(remote[0].attribute("contenttype") ?? "remote content")) cannot be "
                        + "held by an article body; its caption is the body and its renditions are listed in "
                        + "extensions.alternatives", location: location(remote[0])))
        }
        for (index, element) in remote.enumerated() where index != shown {
            var object: [String: JSONValue] = [:]
            for key in ["contenttype", "href", "residref", "rendition", "width", "height", "duration"] {
                if let value = element.attribute(key), !value.isEmpty { object[key] = .string(value) }
            }
            alternatives.append(.object(object))
        }
        if !isMedia, blocks.isEmpty {
            unreadable.append(
                "remote content only (\(remote.compactMap { $0.attribute("contenttype") }.joined(separator: ", ")))")
        }
    }

    private static func area(_ element: XMLElement) -> Int {
        (Int(element.attribute("width") ?? "") ?? 0) * (Int(element.attribute("height") ?? "") ?? 0)
            + (element.attribute("rendition")?.lowercased().contains("highres") == true ? 1 : 0)
    }
}
