// copydesk — ArticleFormats / NITF reader
// body.content into blocks and inlines: paragraphs, headings, lists, quotes, media; tables and
// other structure the model has no block for, as paragraphs.

import ArticleModel

extension NITFMapper {
    /// Elements that are running text (NITF's enriched text, and `b`, `i`, `strong` from producers
    /// who write HTML's): outside a paragraph, they and loose text make one.
    static let inlineNames: Set<String> = [
        "a", "br", "em", "q", "lang", "pronounce", "chron", "event", "function", "location", "money", "num",
        "object.title", "org", "person", "postaddr", "virtloc", "b", "i", "strong", "sub", "sup", "frac", "span",
    ]

    /// Quotation marks, which stand around a `<q>` in other producers' text.
    static let quotationMarks: Set<Character> = ["\"", "'", "“", "”", "‘", "’", "«", "»", "‹", "›", "„", "‚"]

    // MARK: Blocks

    /// The blocks an element holds; loose text and running-text elements between them make paragraphs.
    mutating func blocks(in parent: XMLElement) {
        var run: [XMLElement.Child] = []
        func flush(_ mapper: inout NITFMapper) {
            defer { run = [] }
            let text = run.contains { child in
                if case .text(let text) = child { return !NITFMapper.folded(text).isEmpty }
                return true
            }
            guard text else { return }
            mapper.paragraph(XMLElement(name: "p", attributes: [:], children: run, line: parent.line))
        }
        for child in parent.children {
            switch child {
            case .text:
                run.append(child)
            case .element(let element):
                if isNITF(element), Self.inlineNames.contains(element.name) {
                    run.append(child)
                } else {
                    flush(&self)
                    block(element)
                }
            }
        }
        flush(&self)
    }

    mutating func block(_ element: XMLElement) {
        guard isNITF(element) else {
            flushLabel()
            skip(element)
            // Text in another namespace's element is still text.
            if !Self.folded(element.text).isEmpty { paragraph(element) }
            return
        }
        if element.name == "p", element.hasClass(NITFFormat.listLabelClass) {
            flushLabel()
            pendingLabel = element
            return
        }
        if element.name != "ul", element.name != "ol" { flushLabel() }
        let here = location(element)
        switch element.name {
        case "p", "datasource", "tagline", "bibliography":
            paragraph(element)
        case "hl1", "hl2":
            let content = inlines(element)
            if !content.plainText.trimmingWhitespace().isEmpty {
                article.body.append(.heading(Heading(level: 2, content, location: here)))
            }
        case "block", "body.content":
            blocks(in: element)
        case "head": head(element)
        case "body": body(element)
        case "body.head": bodyHead(element)
        case "body.end": bodyEnd(element)
        case "bq":
            setApart(element)
        case "ul", "ol":
            list(element)
        case "dl":
            for term in element.elements() where term.name == "dt" || term.name == "dd" { paragraph(term) }
            structure("a definition list (<dl>) was read as paragraphs, one a term or definition", at: here)
        case "table":
            table(element)
        case "nitf-table":
            for child in element.elements() {
                if child.name == "table" {
                    table(child)
                } else if child.name == "custom-table" {
                    paragraph(child)
                } else {
                    skip(child)
                }
            }
        case "media":
            media(element)
        case "pre":
            preformatted(element)
        case "fn", "note":
            footnote(element)
        case "hr":
            article.body.append(.rule(HorizontalRule(location: here)))
        // What a `block` may open with: its metadata.
        case "byline": byline(element)
        case "dateline": dateline(element)
        case "abstract": abstract(element)
        case "tobject": tobject(element)
        case "classifier": identified(element)
        case "key-list": keywords(element)
        case "copyrite":
            let notice = Self.folded(element.text)
            if !notice.isEmpty, article.extensions[ExtensionKey.copyright] == nil {
                article.extensions[ExtensionKey.copyright] = .string(notice)
            }
        default:
            skip(element)
            let hasBlocks = element.elements().contains { !Self.inlineNames.contains($0.name) }
            if hasBlocks {
                blocks(in: element)
            } else if !Self.folded(element.text).isEmpty {
                paragraph(element)
            }
        }
    }

    /// A paragraph of the element's running text; an empty one is skipped.
    mutating func paragraph(_ element: XMLElement) {
        let content = inlines(element)
        guard !content.plainText.trimmingWhitespace().isEmpty else { return }
        article.body.append(.paragraph(Paragraph(content, location: location(element))))
    }

    /// A list label waiting for its list, read as a paragraph when none follows.
    mutating func flushLabel() {
        guard let label = pendingLabel else { return }
        pendingLabel = nil
        paragraph(label)
    }

    /// A note that structure was read as paragraphs.
    mutating func structure(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(id: "nitf.structure", severity: .note, message: message, location: location))
    }

    // MARK: Lists, quotes, media

    mutating func list(_ element: XMLElement) {
        let label = pendingLabel.map { Self.folded($0.text) }
        pendingLabel = nil
        var items: [ListItem] = []
        for item in element.elements("li") {
            let content = Self.joined(paragraphs(in: item))
            if !content.plainText.trimmingWhitespace().isEmpty {
                items.append(ListItem(content, location: location(item)))
            }
        }
        let speaker = QuoteAnchorAttributes(element, namespace: NITFFormat.copydesk).speaker
        guard !items.isEmpty else {
            if let label { article.body.append(.paragraph(Paragraph(text: label, location: location(element)))) }
            return
        }
        article.body.append(
            .list(
                ListBlock(
                    ordered: element.name == "ol", items: items, label: label, speaker: speaker,
                    location: location(element))))
    }

    /// `bq`: its blocks' text (paragraphs joined by line breaks), `credit` as the attribution (else
    /// its `quote-source`); copydesk's pull quotes are `<bq class="pullquote">`.
    mutating func setApart(_ element: XMLElement) {
        let content = Self.joined(paragraphs(in: element))
        guard !content.plainText.trimmingWhitespace().isEmpty else { return }
        let credit = element.elements("credit").compactMap { Self.nonEmpty(Self.folded($0.text)) }.first
        let isCopydesk = element.attributes.keys.contains { $0.hasPrefix("{\(NITFFormat.copydesk)}") }
        let attribution = credit ?? (isCopydesk ? nil : Self.nonEmpty(element.attribute("quote-source")))
        let isPull = element.hasClass(NITFFormat.pullQuoteClass)
        let id = quote(from: element, text: content.plainText, kind: isPull ? .pull : .block)
        let here = location(element)
        article.body.append(
            isPull
                ? .pullQuote(PullQuote(content, attribution: attribution, quoteID: id, location: here))
                : .blockquote(Blockquote(content, attribution: attribution, quoteID: id, location: here)))
    }

    /// An image (`media` of type image with a `media-reference` source); other media are not in
    /// the model: their caption is kept as a paragraph, with a note.
    mutating func media(_ element: XMLElement) {
        let here = location(element)
        let type = element.attribute("media-type")?.lowercased().trimmingWhitespace()
        let references = element.elements("media-reference")
        let reference = references.first { Self.nonEmpty($0.attribute("source")) != nil } ?? references.first
        let captions = element.elements("media-caption").map { Self.joined(paragraphs(in: $0)).plainText }
        let caption = Self.nonEmpty(
            captions.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: " "))
        let producer = element.elements("media-producer").compactMap { Self.nonEmpty(Self.folded($0.text)) }.first
        let credit =
            producer ?? reference.flatMap { Self.nonEmpty($0.attribute("source-credit") ?? $0.attribute("copyright")) }
        let mime = reference?.attribute("mime-type")?.lowercased() ?? ""
        let isImage = type == nil || ["image", "photo", "graphic"].contains(type!) || mime.hasPrefix("image/")
        for child in element.elements() where child.name == "media-metadata" || child.name == "media-object" {
            skip(child)
        }
        if isImage, let source = reference.flatMap({ Self.nonEmpty($0.attribute("source")) }) {
            let alt = reference.flatMap { Self.nonEmpty($0.attribute("alternate-text")) }
            article.body.append(
                .image(Image(src: source, alt: alt, caption: caption, credit: credit, location: here)))
            return
        }
        let what = isImage ? "an image with no source" : "a <media> of type \(type ?? "unknown")"
        if let caption {
            article.body.append(.paragraph(Paragraph(text: caption, location: here)))
            structure(
                "\(what) is not in the model (it holds images by reference); its caption was kept as a paragraph",
                at: here)
        } else {
            structure("\(what) is not in the model (it holds images by reference) and was left out", at: here)
        }
    }

    /// A table, with its caption and header rows.
    mutating func table(_ element: XMLElement) {
        var reader = self
        let table = XMLTable.table(element, location: location(element)) { cell in
            Self.joined(reader.paragraphs(in: cell))
        }
        self = reader
        if let table { article.body.append(.table(table)) }
    }

    /// `pre`: a preformatted block, its lines as printed (blank lines at its edges and trailing spaces dropped).
    mutating func preformatted(_ element: XMLElement) {
        var lines = element.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
        while lines.first?.trimmingWhitespace().isEmpty == true { lines.removeFirst() }
        while lines.last?.trimmingWhitespace().isEmpty == true { lines.removeLast() }
        guard !lines.isEmpty else { return }
        article.body.append(.code(CodeBlock(text: lines.joined(separator: "\n"), location: location(element))))
    }

    /// `fn` and `note`: their content, where they stand, with a note.
    mutating func footnote(_ element: XMLElement) {
        let before = article.body.count
        blocks(in: element)
        flushLabel()
        if article.body.count > before {
            let what = element.name == "fn" ? "a footnote (<fn>)" : "a note (<note>)"
            structure("\(what) was read as paragraphs where it stands", at: location(element))
        }
    }

    // MARK: Running text

    /// The paragraphs of a container (`li`, `bq`, `td`, `media-caption`, `abstract`): its
    /// paragraph-like children, or its own running text.
    mutating func paragraphs(in element: XMLElement) -> [[Inline]] {
        var out: [[Inline]] = []
        var run: [XMLElement.Child] = []
        func flush(_ mapper: inout NITFMapper) {
            defer { run = [] }
            let content = mapper.inlines(XMLElement(name: "p", attributes: [:], children: run, line: element.line))
            if !content.plainText.trimmingWhitespace().isEmpty { out.append(content) }
        }
        for child in element.children {
            guard case .element(let inner) = child, !Self.inlineNames.contains(inner.name) else {
                run.append(child)
                continue
            }
            flush(&self)
            switch inner.name {
            case "credit": continue
            case "block", "ul", "ol", "dl", "body.content", "table", "thead", "tbody", "tfoot", "tr", "bq", "fn",
                "note", "media":
                out += paragraphs(in: inner)
            default:
                let content = inlines(inner)
                if !content.plainText.trimmingWhitespace().isEmpty { out.append(content) }
            }
        }
        flush(&self)
        return out
    }

    /// Paragraphs as one run of content, separated by line breaks.
    static func joined(_ paragraphs: [[Inline]]) -> [Inline] {
        var content: [Inline] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { content.append(.lineBreak) }
            content += paragraph
        }
        return content
    }

    /// An element's running text as inlines, XML white space folded.
    mutating func inlines(_ element: XMLElement) -> [Inline] {
        Self.normalized(rawInlines(element))
    }

    private mutating func rawInlines(_ element: XMLElement) -> [Inline] {
        var out: [Inline] = []
        /// A closing quotation mark the `<q>` before it took.
        var taken = ""
        for (index, child) in element.children.enumerated() {
            switch child {
            case .text(var text):
                if !taken.isEmpty, text.hasPrefix(taken) { text.removeFirst(taken.count) }
                taken = ""
                out.append(.text(text))
            case .element(let inner):
                taken = ""
                guard isNITF(inner) else {
                    skip(inner)
                    out += rawInlines(inner)
                    continue
                }
                switch inner.name {
                case "em", "i":
                    let content = rawInlines(inner)
                    out.append(
                        inner.hasClass(NITFFormat.strongClass)
                            ? .strong(content) : .emphasis(content))
                case "strong", "b":
                    out.append(.strong(rawInlines(inner)))
                case "a":
                    let content = rawInlines(inner)
                    if let href = Self.nonEmpty(inner.attribute("href")) {
                        out.append(.link(url: href, content: content))
                    } else {
                        out += content
                    }
                case "br":
                    out.append(.lineBreak)
                case "q":
                    var following: String?
                    if index + 1 < element.children.count, case .text(let next) = element.children[index + 1] {
                        following = next
                    }
                    let (quotation, closing) = quotation(inner, before: &out, following: following)
                    out.append(quotation)
                    taken = closing
                default:
                    // Semantic markup (person, org, chron, money…) and anything else: its text.
                    out += rawInlines(inner)
                }
            }
        }
        return out
    }

    /// A `<q>` as a quotation with its printed marks: copydesk's `cd:open`/`cd:close` (the marks
    /// stand as text around the element), else marks that stand around it or at its edges, else
    /// the marks `<q>` supplies (“ ”). Returns the closing mark taken from the text after it.
    private mutating func quotation(
        _ element: XMLElement, before out: inout [Inline], following: String?
    ) -> (Inline, String) {
        // White space is folded with the paragraph's, around the quotation too.
        var content = rawInlines(element)
        let id = quote(from: element, text: Self.folded(content.plainText), kind: .direct)
        if element.attribute("quote-source") != nil, element.attribute("open", namespace: NITFFormat.copydesk) == nil {
            quoteSources += 1
        }
        /// Takes `mark` off the end of the text before the element.
        func takeBefore(_ mark: String) -> Bool {
            guard !mark.isEmpty, case .text(let text)? = out.last, text.hasSuffix(mark) else { return false }
            out[out.count - 1] = .text(String(text.dropLast(mark.count)))
            return true
        }
        let givenOpen = element.attribute("open", namespace: NITFFormat.copydesk)
        let givenClose = element.attribute("close", namespace: NITFFormat.copydesk)
        if givenOpen != nil || givenClose != nil {
            let open = givenOpen ?? ""
            let close = givenClose ?? ""
            _ = takeBefore(open)
            let taken = !close.isEmpty && following?.hasPrefix(close) == true ? close : ""
            return (.quotation(Quotation(open: open, close: close, content: content, quoteID: id)), taken)
        }
        var open = ""
        var close = ""
        var taken = ""
        if case .text(let text)? = out.last, let last = text.last, Self.quotationMarks.contains(last) {
            open = String(last)
            _ = takeBefore(open)
        }
        if let following, !open.isEmpty || following.first.map(Self.quotationMarks.contains) == true {
            // A closing mark right after the element, or after the punctuation that goes inside it
            // (`"<q>…</q>,"`): the punctuation joins the quotation.
            let punctuation = following.prefix { ",.;:!?".contains($0) }
            if punctuation.count <= 2, let mark = following.dropFirst(punctuation.count).first,
                Self.quotationMarks.contains(mark)
            {
                if !punctuation.isEmpty { content.append(.text(String(punctuation))) }
                close = String(mark)
                taken = String(punctuation) + close
            }
        }
        if open.isEmpty, close.isEmpty {
            // Marks inside the element, else the ones `<q>` stands for.
            content = Self.normalized(content)
            if case .text(let first)? = content.first, let mark = first.first, Self.quotationMarks.contains(mark),
                case .text(let last)? = content.last, let end = last.last, Self.quotationMarks.contains(end),
                content.plainText.count > 2
            {
                open = String(mark)
                close = String(end)
                content[0] = .text(String(first.dropFirst()))
                if case .text(let last)? = content.last { content[content.count - 1] = .text(String(last.dropLast())) }
                content = LightMarkdown.merged(content)
            } else {
                open = "“"
                close = "”"
            }
        }
        return (.quotation(Quotation(open: open, close: close, content: content, quoteID: id)), taken)
    }

    /// Lists the quote copydesk's attributes on an anchor describe and returns its id
    /// (`cd:quote="q3"`); a continuation of a quote already listed adds its words. Nothing for
    /// other producers' markup: the analyser finds their quotations and speakers in the text.
    mutating func quote(from element: XMLElement, text: String, kind: Quote.Kind) -> String? {
        let attributes = QuoteAnchorAttributes(element, namespace: NITFFormat.copydesk)
        guard let id = Self.nonEmpty(attributes.value("quote")) else { return nil }
        if let index = article.quotes.firstIndex(where: { $0.id == id }) {
            // A quotation's later part, or a set-apart quote whose inner quotation was read first.
            attributes.extend(&article.quotes[index], text: text)
        } else {
            article.quotes.append(attributes.quote(id: id, text: text, kind: kind, location: location(element)))
        }
        return id
    }

    // MARK: White space

    /// Inlines with XML white space folded as a browser would: runs become one space, across
    /// element boundaries, none at the start, the end or around a line break.
    static func normalized(_ content: [Inline]) -> [Inline] {
        var afterSpace = true
        var folded = fold(content, afterSpace: &afterSpace)
        trimEnd(&folded)
        var out: [Inline] = []
        for inline in folded {
            if inline == .lineBreak {
                trimEnd(&out)
                // Nor does a paragraph start with a line break.
                if out.isEmpty { continue }
            }
            out.append(inline)
        }
        while out.last == .lineBreak {
            out.removeLast()
            trimEnd(&out)
        }
        return out
    }

    private static func fold(_ content: [Inline], afterSpace: inout Bool) -> [Inline] {
        var out: [Inline] = []
        for inline in content {
            switch inline {
            case .text(let text):
                var scalars = String.UnicodeScalarView()
                for scalar in text.unicodeScalars {
                    if isXMLSpace(scalar) {
                        if !afterSpace { scalars.append(" ") }
                        afterSpace = true
                    } else {
                        scalars.append(scalar)
                        afterSpace = false
                    }
                }
                if !scalars.isEmpty { out.append(.text(String(scalars))) }
            case .emphasis(let inner): out.append(.emphasis(fold(inner, afterSpace: &afterSpace)))
            case .strong(let inner): out.append(.strong(fold(inner, afterSpace: &afterSpace)))
            case .link(let url, let inner): out.append(.link(url: url, content: fold(inner, afterSpace: &afterSpace)))
            case .quotation(var quotation):
                if !quotation.open.isEmpty { afterSpace = false }
                quotation.content = fold(quotation.content, afterSpace: &afterSpace)
                if !quotation.close.isEmpty { afterSpace = false }
                out.append(.quotation(quotation))
            case .lineBreak:
                out.append(.lineBreak)
                afterSpace = true
            }
        }
        return LightMarkdown.merged(
            out.filter { inline in
                switch inline {
                case .emphasis(let inner), .strong(let inner): return !inner.isEmpty
                default: return true
                }
            })
    }

    /// Removes trailing spaces from the end of the content (into its last element).
    private static func trimEnd(_ content: inout [Inline]) {
        guard let last = content.last else { return }
        switch last {
        case .text(let text):
            let trimmed = String(text.reversed().drop { $0 == " " }.reversed())
            if trimmed.isEmpty {
                content.removeLast()
                trimEnd(&content)
            } else {
                content[content.count - 1] = .text(trimmed)
            }
        case .emphasis(var inner):
            trimEnd(&inner)
            content[content.count - 1] = .emphasis(inner)
        case .strong(var inner):
            trimEnd(&inner)
            content[content.count - 1] = .strong(inner)
        case .link(let url, var inner):
            trimEnd(&inner)
            content[content.count - 1] = .link(url: url, content: inner)
        case .quotation(var quotation) where quotation.close.isEmpty:
            trimEnd(&quotation.content)
            content[content.count - 1] = .quotation(quotation)
        default:
            break
        }
    }
}
