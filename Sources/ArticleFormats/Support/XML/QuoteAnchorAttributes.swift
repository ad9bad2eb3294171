// copydesk — ArticleFormats / XML support
// The quote copydesk's attributes on an anchor describe, read alike by every reader of copydesk's
// markup in XML (NewsML-G2's XHTML body, NITF).

import ArticleModel

// MARK: - QuoteAnchorAttributes

/// copydesk's attributes on a quote anchor (a quotation, a set-apart quote) or a list, in the
/// namespace the format binds to `cd:`: `quote` (the id), `speaker`, `mention`, `role`, `cue` and
/// `attribution`.
struct QuoteAnchorAttributes {
    let element: XMLElement
    let namespace: String

    init(_ element: XMLElement, namespace: String) {
        self.element = element
        self.namespace = namespace
    }

    /// An attribute's value by its local name.
    func value(_ name: String) -> String? {
        element.attribute(name, namespace: namespace)
    }

    /// The speaker the anchor names, with its mention and role.
    var speaker: Speaker? {
        value("speaker").map { Speaker(name: $0, mention: value("mention"), role: value("role")) }
    }

    var cue: String? { value("cue") }

    var attribution: Quote.Attribution? { value("attribution").flatMap(Quote.Attribution.init(rawValue:)) }

    /// The quote the first anchor of `id` lists.
    func quote(id: String, text: String, kind: Quote.Kind, location: SourceLocation?) -> Quote {
        Quote(
            id: id, text: text.trimmingWhitespace(), speaker: speaker, cue: cue, kind: kind, attribution: attribution,
            location: location)
    }

    /// A later anchor of a quote already listed: its words are added, and it fills in what the
    /// first anchor read lacked (a set-apart quote's details, read after the quotation inside it).
    func extend(_ quote: inout Quote, text: String) {
        quote.text += " " + text.trimmingWhitespace()
        if quote.speaker == nil { quote.speaker = speaker }
        if quote.cue == nil { quote.cue = cue }
        if quote.attribution == nil { quote.attribution = attribution }
    }
}
