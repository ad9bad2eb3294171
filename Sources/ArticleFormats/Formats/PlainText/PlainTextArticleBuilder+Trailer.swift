// copydesk — ArticleFormats / plain-text reader
// The trailer and the leader: web boilerplate at the end and site navigation at the top.

import ArticleModel

// MARK: - Trailer

extension PlainTextArticleBuilder {

    /// Drops trailing boilerplate and returns the end of the article's lines.
    mutating func trimTrailer() -> Int {
        var end = lines.count
        var dropped: [TextLine] = []
        while true {
            while end > 0, lines[end - 1].isBlank { end -= 1 }
            guard end > 0 else { break }
            let line = lines[end - 1]
            if let boilerplate = LineClassifier.boilerplate(line.text) {
                keep(boilerplate, line.text)
                dropped.append(line)
                end -= 1
                continue
            }
            // A "Related stories" (or share) header followed only by short lines: a widget list.
            let window = max(0, end - PlainTextThresholds.listHeaderWindow)
            var header: Int?
            for index in stride(from: end - 1, through: window, by: -1) {
                // Short lines only (the length first: a paragraph is not lowercased to be skipped).
                guard lines[index].text.dropFirst(PlainTextThresholds.maxListHeaderLength).isEmpty else { continue }
                let lower = lines[index].text.fastLowercased()
                if Lexicon.furniture(lower) != nil {
                    header = index
                    break
                }
            }
            if let header,
                lines[(header + 1)..<end].allSatisfy({ $0.text.count <= PlainTextThresholds.maxListLinkLength })
            {
                for line in lines[header..<end].reversed() where !line.isBlank { dropped.append(line) }
                end = header
                continue
            }
            break
        }
        droppedLines = dropped.reversed().map(\.text)
        firstDroppedLocation = dropped.last?.location(file: file)
        return end
    }

    /// Keeps what a boilerplate line holds: counters, copyright, credits, keywords, section.
    private mutating func keep(_ boilerplate: LineClassifier.Boilerplate, _ text: String) {
        switch boilerplate {
        case .counter(let name, let value):
            counters[name] = .number(Double(value))
        case .copyright(let line):
            article.extensions["copyright"] = .string(line)
        case .credits(let line):
            article.extensions["credits"] = .string(line)
        case .keywords(let words):
            article.keywords = words + article.keywords
        case .section(let name):
            if article.section == nil, !name.isEmpty { article.section = name }
        case .other:
            break
        }
    }

    // MARK: Leader

    /// Drops site navigation above the article (`Home | News | Sport`, `Skip to content`, `Menu`)
    /// and returns the first line of the article.
    mutating func trimLeader(end: Int) -> Int {
        var start = 0
        var dropped: [String] = []
        while start < end {
            let line = lines[start]
            if line.isBlank {
                start += 1
                continue
            }
            guard LineClassifier.isNavigation(line.text) else { break }
            if dropped.isEmpty { firstDroppedLocation = line.location(file: file) }
            dropped.append(line.text)
            start += 1
        }
        droppedLines = dropped + droppedLines
        return start
    }
}
