// copydesk — ArticleAnalysis
// Printed speaker labels and attributions become speakers, the same way for every input format.

import ArticleModel

// MARK: - SpeakerLabelResolver

/// Resolves the label printed above a list of statements (`Maj Gen Asif Ghafoor, DG ISPR:`) into
/// the list's speaker. Readers keep the label as printed; this analyser is the one place that
/// reads it, so the same label gives the same speaker whatever the format it came in. A list
/// that already names its speaker (a format that stores it) keeps it.
package struct SpeakerLabelResolver: Analyzer {
    package init() {}

    package var name: String { "speaker-labels" }

    package func analyze(_ article: inout Article) -> [Diagnostic] {
        for index in article.body.indices {
            guard case .list(var list) = article.body[index], list.speaker == nil, let label = list.label,
                let speaker = SpeakerLabels.speaker(fromLabel: label)
            else { continue }
            list.speaker = speaker
            article.body[index] = .list(list)
        }
        return []
    }
}

// MARK: - SpeakerLabels

/// How a printed label or attribution names its speaker.
package enum SpeakerLabels {
    /// The speaker a label or attribution names, or `nil` when it names nobody.
    ///
    /// The label as printed is the speaker's `mention`. A trailing colon, a leading dash and a
    /// reporting verb at the end (`The chair, Harriet Osei, said:`) are not part of the name. When
    /// commas divide the label, the part that reads as a name (two capitalised words or more) is
    /// the name and the other parts are the role, in order (`Jane Doe, mayor` → `Jane Doe`, role
    /// `mayor`; `The mayor, Jane Doe` → `Jane Doe`, role `The mayor`); titles before a name
    /// (`Maj General`) join the role.
    package static func speaker(fromLabel label: String) -> Speaker? {
        var text = label.trimmingWhitespace()
        while let first = text.first, "—–-".contains(first) { text.removeFirst() }
        text = text.trimmingWhitespace()
        if text.hasSuffix(":") { text.removeLast() }
        text = text.trimmingWhitespace()
        if let space = text.lastIndex(of: " "),
            Lexicon.speechVerbs.contains(text[text.index(after: space)...].lowercased())
        {
            text = String(text[..<space]).trimmingWhitespace()
            while text.hasSuffix(",") { text.removeLast() }
        }
        guard text.contains(where: \.isLetter) else { return nil }
        let parts = text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        guard parts.count > 1 else {
            let (name, title) = strippingTitles(text)
            return Speaker(name: name, mention: label, role: title)
        }
        let nameIndex =
            parts.firstIndex { part in
                let words = part.split(separator: " ")
                return words.count >= 2 && words.allSatisfy { $0.first?.isUppercase ?? false }
            } ?? 0
        var roles = parts
        let printed = roles.remove(at: nameIndex)
        let (name, title) = strippingTitles(printed)
        if let title { roles.insert(title, at: 0) }
        return Speaker(name: name, mention: label, role: roles.joined(separator: ", "))
    }

    /// `Maj General Asif Ghafoor` → (`Asif Ghafoor`, `Maj General`): titles before a name, as long
    /// as two words are left for the name.
    static func strippingTitles(_ printed: String) -> (name: String, title: String?) {
        var words = printed.split(separator: " ").map(String.init)
        var title: [String] = []
        while words.count > 2, let first = words.first,
            Lexicon.titles.contains(first.lowercased().filter(\.isLetter))
        {
            title.append(words.removeFirst())
        }
        return (words.joined(separator: " "), title.isEmpty ? nil : title.joined(separator: " "))
    }
}
