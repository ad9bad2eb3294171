// copydesk — ArticleValidation
// Rules about the body: it has text, says each thing once, and holds no web page furniture.

import ArticleModel

// MARK: - body.empty

/// An article with no body text is not an article.
package struct BodyEmptyRule: Rule {
    package init() {}
    package var id: String { "body.empty" }
    package var summary: String { "The article's body has no text." }
    package var documentation: String {
        """
        The body has no block with text: the reader found only a headline and metadata, or the \
        text is in a field copydesk does not read as the body.

        Fix: add the article's text. In YAML front matter the body is `body:` or the Markdown \
        after the front matter; in plain text, the paragraphs after the headline and byline.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .error }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        let hasText = article.body.contains { !$0.plainText.trimmingWhitespace().isEmpty }
        guard !hasText else { return [] }
        return [finding("body is empty: the article has no paragraphs", at: nil, context: context)]
    }
}

// MARK: - body.duplicate-paragraph

/// The same paragraph twice: a paste or a scrape that caught a block twice.
package struct DuplicateParagraphRule: Rule {
    package init() {}
    package var id: String { "body.duplicate-paragraph" }
    package var summary: String { "A paragraph repeats an earlier one word for word." }
    package var documentation: String {
        """
        A paragraph with the same words as an earlier one (ignoring case, punctuation and spacing) \
        is almost always a copy-and-paste slip or a scraper that caught a block twice. Each \
        repeated paragraph is reported once, at its first copy, with the number of times it \
        appears. Paragraphs shorter than `min-length` characters (a lone "Yes." or a section \
        marker) are not compared.

        Fix: delete the repeated paragraph.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }
    /// Paragraphs shorter than this many characters are not compared.
    package static let minLength = Setting<Int>(
        "min-length", default: 20, "paragraphs shorter than this many characters are not compared")
    package var settings: [RuleSetting] { [Self.minLength.descriptor] }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        let minimum = context.settings[Self.minLength]
        // Paragraphs by their words, in order: where each was first seen, and its copies.
        var groups: [String: (first: Paragraph, copies: [Paragraph])] = [:]
        var order: [String] = []
        for block in article.body {
            guard case .paragraph(let paragraph) = block else { continue }
            let key = TextChecks.comparisonKey(paragraph.content.plainText)
            guard key.count >= minimum else { continue }
            if groups[key] == nil {
                groups[key] = (paragraph, [])
                order.append(key)
            } else {
                groups[key]!.copies.append(paragraph)
            }
        }
        // One finding per repeated paragraph, at its first copy.
        return order.compactMap { key in
            guard let group = groups[key], let copy = group.copies.first else { return nil }
            var message = "paragraph repeats an earlier one"
            if let first = group.first.location { message += " (first at line \(first.line))" }
            if group.copies.count > 1 { message += ", \(group.copies.count + 1) times in all" }
            // Two paragraphs a reader placed at the same position cannot be told apart by their text.
            let distinct = copy.location != nil && copy.location != group.first.location
            return finding(
                message + ": delete the copies", at: copy.location, context: context,
                excerpt: distinct ? String(copy.content.plainText.prefix(40)) : nil)
        }
    }
}

// MARK: - body.boilerplate

/// Web page furniture left in the body: share buttons, newsletter calls, "Read more".
package struct BoilerplateRule: Rule {
    package init() {}
    package var id: String { "body.boilerplate" }
    package var summary: String { "A body paragraph is web page furniture (share, subscribe, read more)." }
    package var documentation: String {
        """
        Text scraped from a web page often keeps the page's furniture: "Share this article", \
        "Subscribe to our newsletter", "Click here to read more", "Advertisement", cookie notices. \
        A short paragraph (under 15 words) that starts with one of the phrases, or is one, is \
        reported. The plain-text reader already drops the furniture it recognises; this rule \
        catches what comes from other formats or new phrasings. Add phrases with `phrases`.

        A wire story's credit line is not furniture, so it is not reported: \
        `(Reporting by Jane Roe; Editing by John Doe)` at the end of agency copy credits the \
        people behind the story.

        Fix: delete the paragraph.
        """
    }
    package var defaultSeverity: Diagnostic.Severity { .warning }
    /// More phrases (lower case) that mark a furniture paragraph.
    package static let extraPhrases = Setting<[String]>(
        "phrases", default: [], "more phrases (lower case) that mark a furniture paragraph")
    package var settings: [RuleSetting] { [Self.extraPhrases.descriptor] }

    package func check(_ article: Article, context: RuleContext) -> [Diagnostic] {
        let extra = context.settings[Self.extraPhrases].map(TextChecks.comparisonKey)
        var found: [Diagnostic] = []
        for block in article.body {
            guard case .paragraph(let paragraph) = block else { continue }
            let text = paragraph.content.plainText
            let key = TextChecks.comparisonKey(text)
            guard key.split(separator: " ").count < 15, !Lexicon.isCreditLine(text),
                let phrase = Lexicon.furniture(text) ?? extra.first(where: { key == $0 || key.hasPrefix($0 + " ") })
            else { continue }
            found.append(
                finding(
                    "paragraph '\(TextChecks.shortened(text))' looks like web page furniture ('\(phrase)'): delete it",
                    at: paragraph.location, context: context, excerpt: String(text.prefix(40))))
        }
        return found
    }
}
