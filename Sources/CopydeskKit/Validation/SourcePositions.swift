// copydesk — CopydeskKit
// Pointing findings at the offending text: a rule names the text, this finds it in the source.

// MARK: - SourcePositions

/// The decoded source of one input, to find where a finding's excerpt is printed.
///
/// Rules see the model, where a quotation's location is its paragraph's. The excerpt a rule gives
/// (the quoted words, the headline) is looked for in the source from that location on, letting
/// any run of white space in the excerpt match any run in the source (wrapped lines, folded YAML),
/// so the finding points at the exact line and column for every reader. When the excerpt cannot
/// be found (escaped in JSON, rewritten by a reader) the finding keeps the block's position.
package struct SourcePositions: Sendable {
    let scalars: [Unicode.Scalar]
    /// Offsets where each line starts.
    let lineStarts: [Int]

    package init(text: String) {
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The diagnostic with its location narrowed to its excerpt, when the excerpt is found.
    package func refine(_ diagnostic: Diagnostic) -> Diagnostic {
        guard let excerpt = diagnostic.excerpt?.trimmingWhitespace(), !excerpt.isEmpty else { return diagnostic }
        var start = 0
        var limit = scalars.count
        if let location = diagnostic.location, location.line >= 1, location.line <= lineStarts.count {
            start = min(lineStarts[location.line - 1] + max(location.column - 1, 0), scalars.count)
            // The text is in the block that starts there: never look further than a long block.
            limit =
                location.line + Self.blockLines < lineStarts.count
                ? lineStarts[location.line + Self.blockLines] : scalars.count
        }
        let needle = Array(excerpt.unicodeScalars)
        let found =
            find(needle, from: start, before: limit)
            ?? (needle.count > 12 ? find(Array(needle.prefix(12)), from: start, before: limit) : nil)
        guard let offset = found else { return diagnostic }
        var refined = diagnostic
        refined.location = position(of: offset, file: diagnostic.location?.file ?? diagnostic.file)
        return refined
    }

    /// Lines after a block's start where its text may still be (a long paragraph or YAML field).
    static let blockLines = 200

    /// The first offset in `start..<limit` where the needle starts, white space matching white space.
    func find(_ needle: [Unicode.Scalar], from start: Int, before limit: Int) -> Int? {
        guard !needle.isEmpty, start < scalars.count else { return nil }
        var candidate = start
        while candidate < limit {
            if scalars[candidate] == needle[0], matches(needle, at: candidate) { return candidate }
            candidate += 1
        }
        return nil
    }

    private func matches(_ needle: [Unicode.Scalar], at offset: Int) -> Bool {
        var i = 0
        var j = offset
        while i < needle.count {
            guard j < scalars.count else { return false }
            if needle[i].properties.isWhitespace {
                guard scalars[j].properties.isWhitespace else { return false }
                while i < needle.count, needle[i].properties.isWhitespace { i += 1 }
                while j < scalars.count, scalars[j].properties.isWhitespace { j += 1 }
                continue
            }
            guard needle[i] == scalars[j] else { return false }
            i += 1
            j += 1
        }
        return true
    }

    func position(of offset: Int, file: String?) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(file: file, line: low + 1, column: offset - lineStarts[low] + 1)
    }
}

// MARK: - Suppression

/// Inline suppression comments, found by scanning the source text (any reader, any format that
/// can hold a comment):
/// - `copydesk-disable-file RULE[, RULE…]` anywhere: the rules report nothing for this file;
/// - `copydesk-disable-next-line RULE[, RULE…]`: nothing on the line after the comment;
/// - `copydesk-disable-line RULE[, RULE…]`: nothing on the comment's own line.
/// With no rule named, every rule is meant. In Markdown, HTML and NewsML-G2 write them in
/// `<!-- … -->`, in YAML after `#`.
package struct Suppressions: Sendable, Equatable {
    /// Rules off for the whole file (`*` for all).
    package var file: Set<String> = []
    /// Rules off by line (`*` for all).
    package var lines: [Int: Set<String>] = [:]

    package init(file: Set<String> = [], lines: [Int: Set<String>] = [:]) {
        self.file = file
        self.lines = lines
    }

    /// The suppressions a source text declares.
    package init(scanning text: String) {
        guard text.containsText("copydesk-disable") else { return }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.firstTextRange(of: "copydesk-disable-") else { continue }
            var rest = line[range.upperBound...]
            let target: Int?
            if rest.hasPrefix("next-line") {
                target = index + 2
                rest = rest.dropFirst("next-line".count)
            } else if rest.hasPrefix("line") {
                target = index + 1
                rest = rest.dropFirst("line".count)
            } else if rest.hasPrefix("file") {
                target = nil
                rest = rest.dropFirst("file".count)
            } else {
                continue
            }
            guard rest.first.map(\.isWhitespace) ?? true else { continue }
            if let end = rest.firstTextRange(of: "-->") { rest = rest[..<end.lowerBound] }
            var ids = Set(rest.split { $0 == "," || $0.isWhitespace }.map(String.init))
            if ids.isEmpty { ids = ["*"] }
            if let target {
                lines[target, default: []].formUnion(ids)
            } else {
                file.formUnion(ids)
            }
        }
    }

    /// Whether a finding is suppressed.
    package func suppresses(_ diagnostic: Diagnostic) -> Bool {
        if file.contains("*") || file.contains(diagnostic.id) { return true }
        guard let line = diagnostic.location?.line, let ids = lines[line] else { return false }
        return ids.contains("*") || ids.contains(diagnostic.id)
    }
}
