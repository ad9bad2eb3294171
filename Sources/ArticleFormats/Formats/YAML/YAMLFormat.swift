// copydesk — ArticleFormats / YAML
// Canonical YAML and CMS front matter: what it can do and how its content is recognised.

import ArticleModel

extension FormatDescriptor {
    /// Canonical YAML, CMS front matter and streams of `---` documents.
    static let yaml = FormatDescriptor(
        name: "yaml", title: "YAML", summary: "canonical YAML, CMS front matter, streams of --- documents",
        extensions: ["yaml", "yml"], mediaType: "application/yaml",
        capabilities: FormatCapabilities(
            holdsComments: true, articles: .many, carries: ArticleField.everything),
        sniffer: YAMLFormat.sniff, reader: YAMLArticleReader(), writer: YAMLArticleWriter())
}

/// Recognising YAML.
enum YAMLFormat {
    /// Likely for a `---` document whose lines after it read as YAML (keys, list items, more documents).
    static func sniff(_ sample: ContentSample) -> SniffMatch? {
        guard sample.startsWithLine("---") else { return nil }
        if let rest = sample.afterFrontMatter("---"), !looksLikeYAML(rest) { return nil }
        return SniffMatch(.likely, "it is a --- YAML document")
    }

    /// Whether text (after a closing `---`) is more YAML — empty, another document, keys or list
    /// items — rather than prose. Indented lines belong to the key above them (a block scalar's
    /// text, a nested mapping), so only lines at the margin decide.
    static func looksLikeYAML(_ text: Substring) -> Bool {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(8) {
            if line.first == " " || line.first == "\t" { continue }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("---") || trimmed.hasPrefix("- ") {
                continue
            }
            guard let colon = trimmed.firstIndex(of: ":") else { return false }
            let key = trimmed[..<colon]
            let after = trimmed[colon...].dropFirst().first
            guard !key.isEmpty, !key.contains(" ") || key.hasPrefix("\"") || key.hasPrefix("'"),
                after == nil || after == " "
            else { return false }
        }
        return true
    }
}
