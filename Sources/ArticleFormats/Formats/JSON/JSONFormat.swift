// copydesk — ArticleFormats / JSON
// copydesk's canonical JSON: what it can do and how its content is recognised.

import ArticleModel

extension FormatDescriptor {
    /// The canonical model as JSON: an article object, or an array of them.
    static let json = FormatDescriptor(
        name: "json", title: "copydesk canonical JSON",
        summary: "copydesk canonical JSON (Schemas/article.schema.json)",
        extensions: ["json"], mediaType: "application/json",
        capabilities: FormatCapabilities(articles: .many, carries: ArticleField.everything), sniffer: JSONFormat.sniff,
        reader: JSONArticleReader(), writer: JSONArticleWriter())
}

/// Recognising canonical JSON.
enum JSONFormat {
    /// Top-level keys only the canonical article has (other JSON news formats share `headline`,
    /// `language`, `keywords`, `section` and `source`).
    static let ownKeys = Article.canonicalKeys.subtracting(["headline", "language", "keywords", "section", "source"])

    /// Certain when the object states a `modelVersion`; likely when it has keys only the canonical
    /// article has, or only canonical keys; possible for any other JSON (the JSON reader then says
    /// what is missing).
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        guard let json = sample.json, json.topLevelValues == 1 || !json.valuesOnSeparateLines else { return nil }
        if json.keys.contains("modelVersion") { return SniffMatch(.certain, "it states a modelVersion") }
        let own = json.keys.intersection(ownKeys)
        if !own.isEmpty {
            return SniffMatch(
                .likely, "it has the canonical article's keys (\(own.sorted().prefix(3).joined(separator: ", ")))")
        }
        if !json.keys.isEmpty, json.keys.isSubset(of: Article.canonicalKeys) {
            return SniffMatch(.likely, "its keys are the canonical article's")
        }
        return SniffMatch(.possible, "it is JSON")
    }
}
