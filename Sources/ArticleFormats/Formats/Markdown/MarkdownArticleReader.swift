// copydesk — ArticleFormats / Markdown reader
// Markdown (CommonMark) with YAML front matter → one article.

import ArticleModel

// MARK: - MarkdownArticleReader

/// Reads Markdown with optional front matter, as static-site generators write it.
///
/// The front matter (`MarkdownFrontMatter`) may be YAML between `---` lines, TOML between `+++`
/// lines or a JSON object, after a byte-order mark or blank lines. Its keys are read with the
/// generators' conventions (`SiteFrontMatter`), then through the YAML reader's mapping (CMS keys
/// such as `title`, `authors`, `date`, `tags`, `description`, `categories`, plus copydesk's
/// `date_text`, `lastmod_text` and `list_speakers`), so its errors name `file:line:col` in the
/// Markdown file. The body's site markup (Hugo shortcodes, Liquid tags, kramdown attribute lists:
/// `SiteBody`) is read first, then the body by `LightMarkdown`, or by the HTML reader's fragment
/// reader when the file is an HTML page with front matter (a `.html` file, or `markup: html`);
/// blocks keep their positions in the file. Without a title in the front matter, a first
/// `# Title` line is the headline.
package struct MarkdownArticleReader: ArticleReader {
    /// Creates the reader; the run's `ReaderOptions.limits` bound the front matter's YAML.
    package init() {}

    package func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let text = try TextDecoding.decode(input.bytes, options: options, file: input.file)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var article = Article()
        var diagnostics: [Diagnostic] = []
        var speakers: [Int: (speaker: Speaker?, label: String?)] = [:]
        var bodyStart = 0
        var htmlMarkup = false
        let frontMatter = try MarkdownFrontMatter.read(lines, file: input.file, limits: options.limits)
        if let frontMatter {
            bodyStart = frontMatter.bodyStart
            var site = SiteFrontMatter(file: input.file, pairs: frontMatter.mapping?.pairs ?? [])
            if let document = frontMatter.mapping {
                var mapper = YAMLArticleMapper(file: input.file, sourceLines: lines)
                var kept: [(key: YAMLNode, value: YAMLNode)] = []
                for (key, value) in site.pairs {
                    switch key.scalar {
                    case "date_text": kept.append((key.renamed("publishedText"), value))
                    case "lastmod_text": kept.append((key.renamed("modifiedText"), value))
                    case "list_speakers": speakers = try listSpeakers(value, file: input.file)
                    default:
                        if key.scalar?.lowercased() == "markup", value.scalar?.lowercased() == "html" {
                            htmlMarkup = true
                        }
                        kept.append((key, value))
                    }
                }
                var mapping = document
                mapping.kind = .mapping(kept)
                article = try mapper.article(from: mapping, prefix: "")
                diagnostics += mapper.diagnostics
                let sourceKeys =
                    site.pairs.first { $0.key.scalar == "source" }?.value.pairs?.compactMap(\.key.scalar) ?? []
                if !sourceKeys.contains("format") { article.source?.format = "markdown" }
            }
            site.complete(&article)
            diagnostics += site.diagnostics
        }
        if article.source == nil { article.source = ArticleSource(format: "markdown", file: input.file) }

        // Without a title in front matter, a leading `# Title` is the headline (as MkDocs reads it).
        if article.headline == nil,
            let first = lines[bodyStart...].firstIndex(where: { !String($0).trimmingWhitespace().isEmpty }),
            lines[first].hasPrefix("# ")
        {
            let title = LightMarkdown.blocks(
                from: String(lines[first]), origin: LightMarkdown.Origin(file: input.file, line: first + 1, column: 1),
                options: LightMarkdown.Options(keepsLevelOne: true))
            if case .heading(let heading)? = title.first, heading.level == 1 {
                article.headline = heading.content.plainText
                lines[first] = ""
            }
        }
        let isHTML =
            frontMatter != nil && (htmlMarkup || Self.isHTMLBody(lines[bodyStart...], file: input.file))
        let site = SiteBody(lines[bodyStart...], mode: isHTML ? .html : .markdown, file: input.file)
        diagnostics += site.diagnostics
        var blocks: [Block]
        if isHTML, let reader = FormatRegistry.htmlFragmentReader {
            let fragment = reader.body(fromFragment: site.lines.joined(separator: "\n"), file: input.file)
            blocks = site.finish(fragment.blocks)
            article.quotes += fragment.quotes
            diagnostics += fragment.diagnostics
        } else {
            blocks = site.finish(
                LightMarkdown.blocks(
                    from: site.lines.joined(separator: "\n"),
                    origin: LightMarkdown.Origin(file: input.file, line: 1, column: 1),
                    options: LightMarkdown.Options(keepsLevelOne: true)))
        }
        var listNumber = 0
        for index in blocks.indices {
            guard case .list(var list) = blocks[index] else { continue }
            listNumber += 1
            if let entry = speakers[listNumber] {
                if let speaker = entry.speaker { list.speaker = speaker }
                if let label = entry.label { list.label = label }
                blocks[index] = .list(list)
            }
        }
        article.body += blocks
        return ReadResult(articles: [article], diagnostics: diagnostics)
    }

    /// Whether the body after front matter is HTML, as Hugo and Jekyll decide: by the file's
    /// extension (one the HTML format claims; never for `.md`), else (standard input, `.txt`)
    /// when HTML's own sniffer recognises the body and every paragraph opens with a tag.
    static func isHTMLBody(_ body: ArraySlice<Substring>, file: String?) -> Bool {
        guard let html = FormatRegistry.readableFormat(forMediaType: "text/html") else { return false }
        if let ext = file.flatMap(FormatRegistry.fileExtension(of:)) {
            if html.extensions.contains(ext) { return true }
            if FormatDescriptor.markdown.extensions.contains(ext) { return false }
        }
        let text = body.joined(separator: "\n")
        guard html.sniffer?(ContentSample(string: text)) != nil else { return false }
        var startsParagraph = true
        for line in body {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty {
                startsParagraph = true
            } else {
                if startsParagraph, trimmed.first != "<" { return false }
                startsParagraph = false
            }
        }
        return true
    }

    /// `list_speakers:` entries: `list` (the list's number in the body, from 1), and the speaker
    /// (`name`, `mention`, `role`), the label as printed (`label`), or both.
    private func listSpeakers(
        _ node: YAMLNode, file: String?
    ) throws(FormatError) -> [Int: (speaker: Speaker?, label: String?)] {
        var out: [Int: (speaker: Speaker?, label: String?)] = [:]
        for item in node.items ?? [node] {
            var fields: [String: String] = [:]
            for (key, value) in item.pairs ?? [] {
                if let name = key.scalar, let text = value.scalar, !value.isNull { fields[name] = text }
            }
            guard let number = fields["list"].flatMap({ Int($0) }), fields["name"] != nil || fields["label"] != nil
            else {
                throw FormatError(
                    id: "yaml.type", message: "an entry of 'list_speakers' needs a list number and a name or a label",
                    location: item.location(file: file), file: file ?? "<stdin>",
                    hint: "write entries as {list: 1, name: …, role: …} or {list: 1, label: …}")
            }
            let speaker = fields["name"].map { Speaker(name: $0, mention: fields["mention"], role: fields["role"]) }
            out[number] = (speaker, fields["label"])
        }
        return out
    }
}

extension YAMLNode {
    /// The same key node with another name (for copydesk's front-matter aliases).
    func renamed(_ name: String) -> YAMLNode {
        var node = self
        node.kind = .scalar(name, plain: true)
        return node
    }
}
