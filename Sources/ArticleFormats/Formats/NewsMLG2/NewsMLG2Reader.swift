// copydesk — ArticleFormats / NewsML-G2 reader
// NewsML-G2 as agencies send it: a newsItem, or a newsMessage read as the stream of its items.

import ArticleModel

// MARK: - NewsMLG2Reader

/// Reads NewsML-G2 through libxml2 (no network, no DTD loading, no entity substitution), in the
/// encoding the XML declaration names.
///
/// - A `newsItem` is one article; a `newsMessage` is the stream of the news items in its
///   `itemSet`, in order, as a JSON array is. Packages, concepts, knowledge, planning and catalog
///   items hold no article: inside a message they are skipped with a note, alone they are refused
///   with an error that says what they are. NewsML 1.x (`<NewsML>`) is read by its news lines and
///   content items, with a note that names it.
/// - A text item's body may be XHTML or NITF in `inlineXML`, plain text or HTML in
///   `inlineData`; with several alternatives the one with the most text is read and the others
///   noted. Picture, graphic and video items become articles with their media and caption.
///   `remoteContent` is never fetched.
/// - docs/NEWSML.md ("Reading") gives the mapping: headlines by rank and role, dates by a stated
///   precedence with their provenance, `by` lines as bylines and logins kept as metadata.
package struct NewsMLG2Reader: ArticleReader {
    package init() {}

    package func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let root = try XMLTree.parse(input, options: options)
        let file = input.file ?? "<stdin>"
        let here = SourceLocation(file: input.file, line: root.line, column: 1)
        if root.name == "NewsML", root.namespace != NewsMLG2.namespace {
            return try NewsML1.read(root, file: input.file)
        }
        let isFragment = ["contentSet", "inlineXML", "inlineData"].contains(root.name)
        guard root.namespace == NewsMLG2.namespace || isFragment && root.namespace == nil else {
            throw FormatError(
                id: "newsml.root",
                message: "the root element is <\(root.name)>, not a NewsML-G2 item or message in \(NewsMLG2.namespace)",
                location: here, file: file,
                hint: "copydesk reads NewsML-G2 newsItems and newsMessages; name another format with --from")
        }
        switch root.name {
        case "newsMessage":
            return try message(root, file: input.file)
        case "newsItem":
            var item = NewsMLG2Item(file: input.file)
            guard let article = item.article(from: root) else {
                throw item.refusal ?? FormatError(id: "newsml.no-text", message: "the item holds no text", file: file)
            }
            return ReadResult(articles: [article], diagnostics: item.diagnostics)
        case "contentSet", "inlineXML", "inlineData":
            // A fragment, as specifications and examples show one: its content is the body.
            var item = NewsMLG2Item(file: input.file)
            guard let article = item.fragment(root) else {
                throw item.refusal
                    ?? FormatError(id: "newsml.no-text", message: "the fragment holds no text", file: file)
            }
            return ReadResult(articles: [article], diagnostics: item.diagnostics)
        default:
            throw FormatError(
                id: "newsml.not-an-article",
                message: "this NewsML-G2 <\(root.name)> holds no article text: \(NewsMLG2Item.whatItHolds(root.name))",
                location: here, file: file,
                hint: "copydesk reads news items (text, picture, graphic, video); convert the items this one refers to")
        }
    }

    /// The news items of a message, in order; the rest skipped with a note.
    private func message(_ root: XMLElement, file: String?) throws(FormatError) -> ReadResult {
        var articles: [Article] = []
        var diagnostics: [Diagnostic] = []
        let items = root.elements("itemSet").flatMap { $0.elements() }
        for element in items {
            let here = SourceLocation(file: file, line: element.line, column: 1)
            guard element.name == "newsItem" else {
                diagnostics.append(
                    Diagnostic(
                        id: "newsml.skipped", severity: .note,
                        message: "skipped the <\(element.name)> of the message: "
                            + NewsMLG2Item.whatItHolds(element.name), location: here))
                continue
            }
            var item = NewsMLG2Item(file: file)
            if let article = item.article(from: element) {
                articles.append(article)
                diagnostics += item.diagnostics
            } else {
                diagnostics += item.diagnostics
                let reason = item.refusal?.message ?? "it holds no text"
                diagnostics.append(
                    Diagnostic(
                        id: "newsml.skipped", severity: .warning,
                        message: "skipped the news item \(element.attribute("guid") ?? "") of the message: \(reason)",
                        location: here))
            }
        }
        guard !articles.isEmpty else {
            let held = items.isEmpty ? "no items" : items.map { "<\($0.name)>" }.joined(separator: ", ")
            throw FormatError(
                id: "newsml.not-an-article",
                message: "the newsMessage holds no article that copydesk can read (it holds \(held))",
                location: SourceLocation(file: file, line: root.line, column: 1), file: file ?? "<stdin>",
                hint: diagnostics.last.map { "the last item: \($0.message)" }
                    ?? "a newsMessage carries its items in <itemSet>")
        }
        return ReadResult(articles: articles, diagnostics: diagnostics)
    }
}
