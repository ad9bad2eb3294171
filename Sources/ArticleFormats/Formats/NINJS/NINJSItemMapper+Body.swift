// copydesk — ArticleFormats / ninjs reader
// The body (HTML through the HTML reader, plain text, NITF) and the associated pictures.

import ArticleModel

// MARK: - Body

extension NINJSItemMapper {
    /// What a body holds, in the order a body is preferred.
    enum BodyKind: Int {
        case html, nitf, text

        var mediaType: String {
            switch self {
            case .html: return "text/html"
            case .nitf: return "application/nitf+xml"
            case .text: return "text/plain"
            }
        }
    }

    /// One body the item offers.
    struct BodyCandidate {
        var role: String?
        var contentType: String?
        var kind: BodyKind
        var value: String
        var path: String
    }

    /// The kind of a body from its content type, else its role (`html`, `nitf`), else its first character.
    static func kind(contentType: String?, role: String?, value: String) -> BodyKind {
        let hint = (contentType ?? role ?? "").lowercased()
        if hint.contains("nitf") { return .nitf }
        if hint.contains("html") { return .html }
        if contentType != nil { return .text }
        return value.trimmingWhitespace().hasPrefix("<") ? .html : .text
    }

    /// The body: among `bodies` (ninjs 2 and 3) and `body_html`, `body_xhtml`, `body_text`… (ninjs 1)
    /// the one of role `main` (or no role), HTML before NITF before plain text. The others are kept in
    /// `extensions.alternatives` unless they are the same text. A picture item's own picture comes
    /// first; an item with no body reads its text descriptions (NTB's role `text`) as the body.
    mutating func mapBody() {
        var candidates: [BodyCandidate] = []
        for body in objects("bodies") {
            guard let value = field(body, "value"), !value.trimmingWhitespace().isEmpty else { continue }
            let role = field(body, "role")?.lowercased()
            let type = field(body, "contentType")
            candidates.append(
                BodyCandidate(
                    role: role, contentType: type, kind: Self.kind(contentType: type, role: role, value: value),
                    value: value, path: body.path))
        }
        for key in item.fields.keys.sorted() where key.lowercased().hasPrefix("body_") {
            guard let body = string(key) else { continue }
            let role = String(key.dropFirst("body_".count)).lowercased()
            let kind: BodyKind =
                role == "text" ? .text : Self.kind(contentType: nil, role: role, value: body.text)
            candidates.append(BodyCandidate(role: role, kind: kind, value: body.text, path: body.path))
        }
        let type = item.value(["type"])?.value.stringValue?.lowercased()
        if type == "picture" || type == "graphic" {
            if let image = image(from: item, isItem: true) { article.body.append(.image(image)) }
        }
        if candidates.isEmpty, !textDescriptions.isEmpty {
            for description in textDescriptions {
                candidates.append(
                    BodyCandidate(role: "text", kind: .text, value: description.text, path: description.path))
            }
            note(
                "ninjs.body-from-description",
                "the item has no body; its text description is read as the body", at: textDescriptions[0].path)
        } else {
            for description in textDescriptions where !article.highlights.contains(description.text) {
                article.highlights.append(description.text.trimmingWhitespace())
            }
        }
        textDescriptions = []
        guard !candidates.isEmpty else { return }
        func rank(_ candidate: BodyCandidate) -> Int {
            let role = candidate.role ?? "main"
            return (role == "main" ? 0 : 10) + candidate.kind.rawValue
        }
        let chosen = candidates.indices.min { rank(candidates[$0]) < rank(candidates[$1]) }!
        // ninjs 1 items often give the same text twice (body_html and body_text).
        var texts = candidates.count > 1 ? [Self.words(candidates[chosen].value)] : []
        let fragment = body(candidates[chosen])
        let here = location(candidates[chosen].path)
        article.body += fragment.blocks.map { $0.relocated { _ in here } }
        article.quotes += fragment.quotes.map { quote in
            var quote = quote
            quote.location = here
            return quote
        }
        diagnostics += fragment.diagnostics
        if candidates.count > 1 {
            texts.append(Self.words(article.body.map(\.plainText).joined(separator: " ")))
        }
        var alternatives: [JSONValue] = []
        for (index, candidate) in candidates.enumerated() where index != chosen {
            // The same text in another form is not another body.
            if candidate.kind != .nitf,
                texts.contains(
                    Self.words(candidate.kind == .html ? plainText(ofHTML: candidate.value) : candidate.value))
            {
                continue
            }
            alternatives.append(
                Self.object([
                    "type": candidate.contentType ?? candidate.kind.mediaType, "text": candidate.value,
                    "role": candidate.role,
                ]))
            note(
                "ninjs.alternative",
                "another body (\(candidate.contentType ?? candidate.kind.mediaType)) is kept in extensions.alternatives",
                at: candidate.path)
        }
        ExtensionKey.appendAlternatives(alternatives, to: &article.extensions)
    }

    /// The letters and digits of a text, lowercased, for telling whether two bodies say the same.
    static func words(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }

    /// The blocks and quotes of one body.
    mutating func body(_ candidate: BodyCandidate) -> BodyFragment {
        switch candidate.kind {
        case .html:
            if let reader = FormatRegistry.htmlFragmentReader {
                return reader.body(fromFragment: candidate.value, file: json.file)
            }
            return BodyFragment(plainText: candidate.value)
        case .text:
            return BodyFragment(plainText: candidate.value)
        case .nitf:
            return nitf(candidate)
        }
    }

    /// A NITF body: read by the reader of `<nitf>` documents (found through the registry); a
    /// fragment with another root, its paragraphs and headings as plain text, with a note.
    mutating func nitf(_ candidate: BodyCandidate) -> BodyFragment {
        let root: XMLElement
        do {
            root = try XMLTree.parse(ReaderInput(string: candidate.value, file: json.file), options: options)
        } catch {
            note(
                "ninjs.nitf-body",
                "the NITF body is not well-formed XML (\(error.message)); its text is read as paragraphs",
                at: candidate.path, severity: .warning)
            return BodyFragment(plainText: Self.strippingTags(candidate.value))
        }
        if let reader = FormatRegistry.embeddedReader(for: root) {
            let read = reader.article(from: root, file: json.file)
            if article.headline == nil { article.headline = read.article.headline }
            if article.bylines.isEmpty { article.bylines = read.article.bylines }
            return BodyFragment(blocks: read.article.body, quotes: read.article.quotes, diagnostics: read.diagnostics)
        }
        note(
            "ninjs.nitf-body",
            "the NITF body's root is <\(root.name)>, not <nitf>; its paragraphs are read as plain text",
            at: candidate.path)
        var blocks: [Block] = []
        var stack = [root.first("body")?.first("body.content") ?? root]
        var order: [XMLElement] = []
        while let element = stack.popLast() {
            if ["p", "hl2", "li"].contains(element.name) {
                order.append(element)
            } else {
                stack += element.elements().reversed()
            }
        }
        for element in order {
            let text = element.text.foldingWhitespace().trimmingWhitespace()
            guard !text.isEmpty else { continue }
            blocks.append(
                element.name == "hl2"
                    ? .heading(Heading(level: 2, [.text(text)])) : .paragraph(Paragraph(text: text)))
        }
        return BodyFragment(blocks: blocks)
    }

    /// Markup removed, for text that is not well-formed.
    static func strippingTags(_ text: String) -> String {
        var out = ""
        var inTag = false
        for character in text {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
                out.append(" ")
            } else if !inTag {
                out.append(character)
            }
        }
        return out
    }

    // MARK: Pictures

    /// Rendition names preferred for a picture's source, in order; then the widest, then the first.
    static let renditionPreference = ["original", "baseimage", "main", "large", "viewimage", "highres"]

    /// A picture as an image block: the source from its renditions (an http(s) `uri` when it has
    /// none), the caption from a `caption` description, else its description or headline, the
    /// alternative text from an `alt` description, the credit from `by` (`byline`).
    mutating func image(from node: NINJSNode, isItem: Bool) -> Image? {
        var renditions: [(name: String, href: String, width: Double)] = []
        for rendition in objects("renditions", in: node) {
            guard let href = field(rendition, "href"), !href.trimmingWhitespace().isEmpty else { continue }
            let width: Double
            switch rendition.value(["width"])?.value {
            case .number(let number)?: width = number
            case .string(let text)?: width = Double(text) ?? 0
            default: width = 0
            }
            renditions.append(((field(rendition, "name") ?? "").lowercased(), href, width))
        }
        var source: String?
        for name in Self.renditionPreference {
            if let found = renditions.first(where: { $0.name == name }) {
                source = found.href
                break
            }
        }
        source = source ?? renditions.max { $0.width < $1.width }?.href
        if source == nil, let uri = node.value(["uri"])?.value.stringValue,
            uri.lowercased().hasPrefix("http://") || uri.lowercased().hasPrefix("https://")
        {
            source = uri
        }
        guard let source else { return nil }
        var caption: String?
        var alt: String?
        var credit: String?
        if isItem {
            caption = pictureDescriptions["caption"]
            if caption == nil, !article.highlights.isEmpty { caption = article.highlights.removeFirst() }
            alt = pictureDescriptions["alt"]
            credit =
                pictureDescriptions["creditline"] ?? pictureDescriptions["credit"]
                ?? node.value(["by", "byline"])?.value.stringValue
        } else {
            var described: [String: String] = [:]
            for description in objects("descriptions", in: node) {
                guard let value = field(description, "value") else { continue }
                let role = field(description, "role")?.lowercased() ?? ""
                if described[role] == nil { described[role] = value }
            }
            caption =
                described["caption"] ?? described[""] ?? described["summary"]
                ?? node.value(["description_text"])?.value.stringValue
                ?? node.value(["headline"])?.value.stringValue
            if caption == nil {
                caption = objects("headlines", in: node).compactMap { field($0, "value") }.first
            }
            alt = described["alt"]
            credit = node.value(["by", "byline"])?.value.stringValue
        }
        func clean(_ text: String?) -> String? {
            guard let text = text?.trimmingWhitespace(), !text.isEmpty else { return nil }
            return text
        }
        return Image(
            src: source, alt: clean(alt), caption: clean(caption), credit: clean(credit),
            location: location(node.path))
    }

    /// `associations`: pictures and graphics become image blocks after the body (unless the body
    /// already shows the same picture); other associated items (video, audio, text…) and pictures
    /// without a source are kept in `extensions.alternatives`, with a note.
    mutating func mapAssociations() {
        var shown = Set<String>()
        for block in article.body {
            guard case .image(let image) = block else { continue }
            shown.insert(image.src)
            shown.insert(NINJSIdentity.imageURI(source: image.src))
        }
        var alternatives: [JSONValue] = []
        for association in objects("associations") {
            let type = association.value(["type"])?.value.stringValue?.lowercased()
            let name = association.value(["name"])?.value.stringValue ?? association.path
            let uri = association.value(["uri"])?.value.stringValue
            if type == nil || type == "picture" || type == "graphic" || type == "image" {
                if let image = image(from: association, isItem: false) {
                    if shown.contains(image.src) || uri.map(shown.contains) == true { continue }
                    shown.insert(image.src)
                    article.body.append(.image(image))
                    continue
                }
                if type == nil, association.fields.count <= 1 { continue }
            }
            let headline =
                association.value(["headline"])?.value.stringValue
                ?? objects("headlines", in: association).compactMap { field($0, "value") }.first
            let href = objects("renditions", in: association).compactMap { field($0, "href") }.first ?? uri
            alternatives.append(Self.object(["type": type ?? "unknown", "href": href, "text": headline ?? name]))
            note(
                "ninjs.association",
                "the associated \(type ?? "item") \(name.messageQuoted) is kept in extensions.alternatives: "
                    + (type == "picture" || type == "graphic"
                        ? "it has no rendition with an href to show" : "the article's body has no block for it"),
                at: association.path)
        }
        ExtensionKey.appendAlternatives(alternatives, to: &article.extensions)
    }
}
