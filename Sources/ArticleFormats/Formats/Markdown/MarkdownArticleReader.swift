// copydesk — ArticleFormats / Markdown reader
// Markdown (CommonMark) with YAML front matter → one article.

import ArticleModel

// MARK: - MarkdownArticleReader

/// Reads Markdown with optional YAML front matter between `---` lines.
///
/// The front matter is read by the YAML reader's mapping (CMS keys such as `title`, `authors`,
/// `date`, `tags`, `description`, `categories`, plus copydesk's `date_text`, `lastmod_text` and
/// `list_speakers`), so its errors name `file:line:col` in the Markdown file. The body is read by
/// `LightMarkdown`; blocks keep their positions in the file. Without front matter, a first
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
        let hasFrontMatter = lines.first.map { $0.trimmingTrailingSpaces() == "---" } ?? false
        if hasFrontMatter {
            guard
                let close = lines.indices.dropFirst().first(where: {
                    ["---", "..."].contains(lines[$0].trimmingTrailingSpaces())
                })
            else {
                throw FormatError(
                    id: "markdown.front-matter", message: "the front matter that starts here has no closing '---' line",
                    location: SourceLocation(file: input.file, line: 1, column: 1), file: input.file ?? "<stdin>",
                    hint: "end the YAML front matter with a line of three dashes")
            }
            let yaml = lines[..<close].joined(separator: "\n") + "\n"
            let documents = try YAMLParser(limits: YAMLLimits(options.limits), file: input.file).parse(yaml)
            if let document = documents.first(where: { !$0.isNull }) {
                guard let pairs = document.pairs else {
                    throw FormatError(
                        id: "yaml.root", message: "the front matter is \(document.kindDescription), not a mapping",
                        location: document.location(file: input.file), file: input.file ?? "<stdin>",
                        hint: "front matter is a mapping of keys such as title:, author:, date: and tags:")
                }
                var mapper = YAMLArticleMapper(file: input.file, sourceLines: lines)
                var kept: [(key: YAMLNode, value: YAMLNode)] = []
                for (key, value) in pairs {
                    switch key.scalar {
                    case "date_text": kept.append((key.renamed("publishedText"), value))
                    case "lastmod_text": kept.append((key.renamed("modifiedText"), value))
                    case "list_speakers": speakers = try listSpeakers(value, file: input.file)
                    default: kept.append((key, value))
                    }
                }
                var mapping = document
                mapping.kind = .mapping(kept)
                article = try mapper.article(from: mapping, prefix: "")
                diagnostics += mapper.diagnostics
                let sourceKeys = pairs.first { $0.key.scalar == "source" }?.value.pairs?.compactMap(\.key.scalar) ?? []
                if !sourceKeys.contains("format") { article.source?.format = "markdown" }
            }
            bodyStart = close + 1
        }
        if article.source == nil { article.source = ArticleSource(format: "markdown", file: input.file) }

        // Without front matter, a leading `# Title` is the headline.
        if !hasFrontMatter, let first = lines.firstIndex(where: { !String($0).trimmingWhitespace().isEmpty }),
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
        let body = lines[bodyStart...].joined(separator: "\n")
        var blocks = LightMarkdown.blocks(
            from: body, origin: LightMarkdown.Origin(file: input.file, line: bodyStart + 1, column: 1),
            options: LightMarkdown.Options(keepsLevelOne: true))
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
    fileprivate func renamed(_ name: String) -> YAMLNode {
        var node = self
        node.kind = .scalar(name, plain: true)
        return node
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
