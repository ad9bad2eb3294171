// copydesk — ArticleFormats / YAML reader
// Articles from YAML: canonical YAML, CMS front-matter shapes, and streams of documents.

import ArticleModel

// MARK: - YAMLArticleReader

/// Reads articles from YAML through the system libyaml.
///
/// A document is one article (a mapping) or a list of articles; a stream of `---` documents
/// holds several. Keys of the canonical model read as in the canonical JSON; the common CMS
/// front-matter keys (`title`, `author`, `date`, `tags`, `body` as prose…) are mapped onto the
/// model (docs/YAML.md has the table); any other key is kept in `extensions` with a note.
/// Scalars are typed by what the field needs, never by YAML 1.1 guessing.
package struct YAMLArticleReader: ArticleReader {
    /// Creates the reader; the run's `ReaderOptions.limits` bound the YAML.
    package init() {}

    package func read(_ input: ReaderInput, options: ReaderOptions) throws(FormatError) -> ReadResult {
        let text = try TextDecoding.decode(input.bytes, options: options, file: input.file)
        let documents = try YAMLParser(limits: YAMLLimits(options.limits), file: input.file).parse(text)
        let sourceLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var mapper = YAMLArticleMapper(file: input.file, sourceLines: sourceLines)
        var articles: [Article] = []
        for document in documents where !document.isNull {
            switch document.kind {
            case .mapping:
                articles.append(try mapper.article(from: document, prefix: ""))
            case .sequence(let items):
                for (index, item) in items.enumerated() {
                    guard item.pairs != nil else {
                        throw FormatError(
                            id: "yaml.root",
                            message: "item \(index + 1) of the list is \(item.kindDescription), not an article",
                            location: item.location(file: input.file), file: input.file ?? "<stdin>",
                            hint: "a YAML list at the top level must hold article mappings (headline:, body:, …)")
                    }
                    articles.append(try mapper.article(from: item, prefix: "[\(index)]"))
                }
            case .scalar:
                throw FormatError(
                    id: "yaml.root", message: "the YAML document is \(document.kindDescription), not an article",
                    location: document.location(file: input.file), file: input.file ?? "<stdin>",
                    hint: "an article is a mapping of keys such as title:, author:, date: and body:")
            }
        }
        guard !articles.isEmpty else {
            throw FormatError(
                id: "input.empty", message: "the YAML input holds no article",
                location: SourceLocation(file: input.file, line: 1, column: 1), file: input.file ?? "<stdin>",
                hint: "check the path, or that the file is not only comments")
        }
        return ReadResult(articles: articles, diagnostics: mapper.diagnostics)
    }
}
