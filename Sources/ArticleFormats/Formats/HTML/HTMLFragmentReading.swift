// copydesk — HTML reader
// An HTML fragment another format embeds (a ninjs body) as blocks, with copydesk's quote markup read back.

import ArticleModel

// MARK: - Fragments

extension HTMLReader: BodyFragmentReader {
    /// Reads an HTML body fragment: every element is content (no page furniture to find), headings
    /// keep their level, and the quotes copydesk's `data-*` markup describes come back with their ids,
    /// speakers and cues. Locations are lines of the fragment.
    func body(fromFragment text: String, file: String?) -> BodyFragment {
        guard !text.allSatisfy(\.isWhitespace) else { return BodyFragment() }
        let document: HTMLDocument
        do {
            document = try HTMLDocument.parse(Array(text.utf8), file: file)
        } catch {
            // libxml2 recovers from anything but an input it cannot start on: keep the text.
            return BodyFragment(
                blocks: [.paragraph(Paragraph(text: text.trimmingWhitespace()))],
                diagnostics: [
                    Diagnostic(
                        id: "html.fragment", severity: .warning,
                        message: "the HTML body could not be parsed (\(error.message)); it is kept as text", file: file)
                ])
        }
        var builder = HTMLBlockBuilder(document: document, file: file) { _ in false }
        builder.minimumHeadingLevel = 1
        builder.add(0)
        builder.finish()
        let quotes = HTMLBlockBuilder.anchoredQuotes(in: document, body: builder.blocks, file: file) { _ in false }
        return BodyFragment(blocks: builder.blocks, quotes: quotes)
    }
}

extension HTMLBlockBuilder {
    /// The quotes copydesk's markup describes whose anchors `body` kept (a removed block takes its
    /// quote with it). A page without that markup (`data-quote` on a `<q>` or `<blockquote>`) has
    /// none, found without walking the body.
    static func anchoredQuotes(
        in document: HTMLDocument, body: [Block], file: String?, isRemoved: (Int) -> Bool
    ) -> [Quote] {
        let marked = document.elements(named: ["q", "blockquote"]).contains {
            document.nodes[$0].attribute(vocabulary.quote)?.isEmpty == false
        }
        guard marked else { return [] }
        let anchored = Set(Article(body: body).quoteAnchors.keys)
        guard !anchored.isEmpty else { return [] }
        return quotes(in: document, file: file, isRemoved: isRemoved).filter { anchored.contains($0.id) }
    }

    /// The quotes copydesk's markup describes (`data-quote` on a `<q>` or `<blockquote>`, with the
    /// speaker, cue and how it was found on the first anchor), in document order; a quotation
    /// continued in a later paragraph adds its words. Elements `isRemoved` says are gone are skipped.
    static func quotes(in document: HTMLDocument, file: String?, isRemoved: (Int) -> Bool) -> [Quote] {
        var quotes: [Quote] = []
        var positions: [String: Int] = [:]
        let vocabulary = Self.vocabulary
        var index = 0
        while index < document.nodes.count {
            let node = document.nodes[index]
            guard node.kind == .element, !isRemoved(index) else {
                // A removed element's subtree is skipped whole.
                index = node.kind == .element ? max(node.end, index + 1) : index + 1
                continue
            }
            defer { index += 1 }
            guard node.name == "q" || node.name == "blockquote",
                let id = node.attribute(vocabulary.quote), !id.isEmpty
            else { continue }
            let text = document.text(of: index).foldingWhitespace().trimmingWhitespace()
            let attribute = { (name: String) in node.attribute(name).flatMap { $0.isEmpty ? nil : $0 } }
            let speaker = attribute(vocabulary.speaker).map {
                Speaker(name: $0, mention: attribute(vocabulary.mention), role: attribute(vocabulary.role))
            }
            if let existing = positions[id] {
                quotes[existing].text += quotes[existing].text.isEmpty ? text : " " + text
                // The anchor that carries the details (a set-apart quote's, read after its inner
                // quotation) fills in what the first one read lacked.
                if quotes[existing].speaker == nil { quotes[existing].speaker = speaker }
                if quotes[existing].cue == nil { quotes[existing].cue = attribute(vocabulary.cue) }
                if quotes[existing].attribution == nil {
                    quotes[existing].attribution = attribute(vocabulary.attribution).flatMap(
                        Quote.Attribution.init(rawValue:))
                }
                continue
            }
            let kind: Quote.Kind
            if node.name == "q" {
                kind = .direct
            } else {
                let parent = node.parent >= 0 ? document.nodes[node.parent] : nil
                let grandparent = parent.flatMap { $0.parent >= 0 ? document.nodes[$0.parent] : nil }
                let inAside = [parent, grandparent].contains {
                    $0.map { $0.name == "aside" && hasClass($0, "pullquote") } ?? false
                }
                kind = inAside ? .pull : .block
            }
            positions[id] = quotes.count
            quotes.append(
                Quote(
                    id: id, text: text, speaker: speaker, cue: attribute(vocabulary.cue), kind: kind,
                    attribution: attribute(vocabulary.attribution).flatMap(Quote.Attribution.init(rawValue:)),
                    location: node.line > 0 ? SourceLocation(file: file, line: node.line, column: 1) : nil))
        }
        return quotes
    }
}
