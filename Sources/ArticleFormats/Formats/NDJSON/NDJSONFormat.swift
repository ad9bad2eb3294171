// copydesk — ArticleFormats / NDJSON
// Newline-delimited canonical JSON: what it can do and how its content is recognised.

import ArticleModel

extension FormatDescriptor {
    /// One compact canonical-JSON article a line, read and written a line at a time.
    static let ndjson = FormatDescriptor(
        name: "ndjson", title: "NDJSON", summary: "newline-delimited JSON: one compact canonical-JSON article per line",
        extensions: ["ndjson", "jsonl"], mediaType: "application/x-ndjson",
        capabilities: FormatCapabilities(articles: .many, isLineStream: true, carries: ArticleField.everything),
        sniffer: NDJSONFormat.sniff, reader: NDJSONArticleReader(), writer: NDJSONArticleWriter())
}

/// Recognising NDJSON.
enum NDJSONFormat {
    /// Certain when the text holds several JSON objects, one a line.
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        guard let json = sample.json, json.kind == .object, json.topLevelValues > 1, json.valuesOnSeparateLines
        else { return nil }
        return SniffMatch(.certain, "it holds one JSON object a line")
    }
}
