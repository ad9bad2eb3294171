// copydesk — HTML reader
// Finds the article body in a web page and leaves out navigation, ads, share bars and comments.

// MARK: - ContentExtractor

/// Picks the node (or nodes) of a page that hold the article text.
///
/// The method is the one the established extractors share, written from their published
/// descriptions: remove what is never content (hidden elements, scripts, forms, navigation,
/// elements whose class or id names boilerplate), score every paragraph-like element by its
/// length and commas, propagate the scores to ancestors, discount link-heavy nodes, pick the
/// best container, add sibling blocks that read like content, then clean the chosen subtree
/// conditionally (link-dense lists, image galleries, forms).
struct ContentExtractor {
    /// What an attempt may do; a page where the strict attempt finds too little is read again with less.
    struct Options: Sendable {
        /// Remove elements whose class or id names boilerplate with any furniture word; when false,
        /// only the strong ones (comments, share bars, related stories…) still remove an element.
        var stripUnlikely = true
        /// Let class and id names weigh on the scores.
        var weighClasses = true
        /// Clean the chosen content of link lists, galleries and forms.
        var cleanConditionally = true

        /// How the reading was looser than the strict one, for the notes (empty for the strict one).
        var summary: String {
            if cleanConditionally && weighClasses && stripUnlikely { return "" }
            if !cleanConditionally { return " (a looser reading: no class names weighed, only menus cleaned)" }
            if !weighClasses { return " (a looser reading: only strong furniture names removed, none weighed)" }
            return " (a looser reading: only strong furniture names removed)"
        }

        static let attempts: [Options] = [
            Options(),
            Options(stripUnlikely: false),
            Options(stripUnlikely: false, weighClasses: false),
            Options(stripUnlikely: false, weighClasses: false, cleanConditionally: false),
        ]
    }

    let document: HTMLDocument
    let options: Options
    /// Nodes removed from consideration (and from the output).
    private(set) var removed: [Bool]
    private var stats: [NodeStats]
    /// Whether a text node's length and commas are in `stats` already (text never changes).
    private var textMeasured: [Bool]

    struct NodeStats {
        /// Characters of folded text under the node.
        var length = 0
        /// Characters of that text inside links.
        var linkLength = 0
        /// Characters of that text inside `p` elements.
        var paragraphLength = 0
        /// Characters in `p` elements that read as prose: long enough and not mostly links.
        var proseLength = 0
        var commas = 0
        /// Readability-style content score, when the node was scored.
        var score: Double?
    }

    /// Why a node was dropped; kept for `--verbose` and the tests.
    struct Dropped {
        var node: Int
        var reason: String
    }

    private(set) var dropped: [Dropped] = []

    /// Elements the metadata reader took (the standfirst): never body.
    let metadataNodes: Set<Int>

    init(document: HTMLDocument, options: Options = Options(), metadataNodes: Set<Int> = []) {
        self.document = document
        self.options = options
        self.metadataNodes = metadataNodes
        removed = Array(repeating: false, count: document.nodes.count)
        stats = Array(repeating: NodeStats(), count: document.nodes.count)
        textMeasured = Array(repeating: false, count: document.nodes.count)
    }

    // MARK: Entry point

    /// The nodes holding the article, in document order (they do not nest), and what was removed.
    mutating func extract() -> [Int] {
        guard let body = document.first("body") else { return [] }
        computeStats()
        pageParagraphLength = stats[body].paragraphLength
        measureClassShares()
        removeNeverContent(under: body)
        computeStats()
        let scope = mainElement(in: body) ?? body
        var candidate = bestCandidate(in: scope) ?? scope
        // The body of a table is the table: its class, and its siblings, are the table's.
        while ["tbody", "thead", "tfoot", "tr"].contains(document.nodes[candidate].name),
            document.nodes[candidate].parent >= 0
        {
            candidate = document.nodes[candidate].parent
        }
        var chosen = withContinuations(withContentSiblings(candidate))
        for node in chosen { cleanConditionally(under: node) }
        computeStats()
        // A container taken after the story that cleaning left without a paragraph of prose (a
        // sidebar column sharing the story's class: widget titles once its lists are gone) adds
        // only furniture. One before it may hold the post's title or its meta line: it stays.
        chosen.removeAll { node in
            node > candidate && stats[node].proseLength == 0
                && ["div", "section", "aside"].contains(document.nodes[node].name)
        }
        textLength = chosen.reduce(0) { $0 + stats[$1].length }
        return chosen
    }

    /// Characters of text in `p` elements of the whole page, before anything is removed.
    private var pageParagraphLength = 0
    /// Characters of text in the chosen content after cleaning.
    private(set) var textLength = 0

    // MARK: Never content

    /// Tags that never hold article text.
    static let junkTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "object", "embed", "iframe", "form", "button",
        "select", "input", "textarea", "nav", "menu", "dialog", "canvas", "audio", "video", "map", "label",
        "fieldset", "link", "meta", "head",
    ]

    static let displayNone = Array("display:none".utf8)
    static let visibilityHidden = Array("visibility:hidden".utf8)

    /// ARIA roles of page furniture.
    static let junkRoles: Set<String> = [
        "navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "alert", "alertdialog", "dialog",
        "search", "tablist", "toolbar",
    ]

    /// Removes a node and everything inside it.
    private mutating func drop(_ node: Int, _ reason: String) {
        dropped.append(Dropped(node: node, reason: reason))
        var stack = [node]
        while let current = stack.popLast() {
            removed[current] = true
            stack.append(contentsOf: document.nodes[current].children)
        }
    }

    private mutating func removeNeverContent(under root: Int) {
        var stack = [root]
        while let index = stack.popLast() {
            guard document.nodes[index].kind == .element else { continue }
            if index != root, let reason = neverContentReason(index), !holdsTheStory(index) {
                drop(index, reason)
                continue
            }
            stack.append(contentsOf: document.nodes[index].children.reversed())
        }
    }

    private func neverContentReason(_ index: Int) -> String? {
        if metadataNodes.contains(index) { return "the standfirst (metadata)" }
        // Fields are read in place, not through a copy of the node (every element of the page
        // comes through here).
        let name = document.nodes[index].name
        if Self.junkTags.contains(name) { return "<\(name)>" }
        for attribute in document.nodes[index].attributes {
            switch attribute.name {
            case "hidden":
                return "hidden"
            case "aria-hidden" where attribute.value == "true" && name != "figure":
                return "aria-hidden"
            case "style":
                let style = Array(attribute.value.lowercased().utf8.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A })
                if style.containsBytes(Self.displayNone) || style.containsBytes(Self.visibilityHidden) {
                    return "display:none"
                }
            case "role":
                let role = attribute.value.lowercased()
                if Self.junkRoles.contains(role) { return "role=\(role)" }
            default:
                continue
            }
        }
        if name == "aside", !BoilerplateNames.isQuote(document.nodes[index].names) { return "<aside>" }
        if name == "header" || name == "footer", !containsLongText(index) { return "<\(name)>" }
        let names = document.nodes[index].names
        // Strong furniture words (comments, share bars, related stories…) are removed in every
        // reading; the others only in the strict one.
        if !names.isEmpty, name != "body", name != "a", name != "article", name != "main",
            name != "img" || document.hasAncestor(index, named: "a", within: 3),
            document.nodes[index].attribute("itemprop")?.lowercased() != "articlebody",
            let pattern = options.stripUnlikely ? BoilerplateNames.unlikely(names) : BoilerplateNames.strong(names),
            !BoilerplateNames.maybeContent(names), !isStoryClass(index), !holdsSocialPost(index)
        {
            return "class/id '\(pattern)'"
        }
        return nil
    }

    /// Paragraph text per `class` value, over the whole page before anything is removed.
    private var classParagraphLength: [String: Int] = [:]

    private mutating func measureClassShares() {
        for index in document.nodes.indices where stats[index].paragraphLength > 0 {
            guard document.nodes[index].kind == .element, !document.nodes[index].names.isEmpty,
                let value = document.nodes[index].attribute("class"), !value.isEmpty
            else { continue }
            classParagraphLength[value, default: 0] += stats[index].paragraphLength
        }
    }

    /// Whether the elements sharing this element's class hold at least
    /// `HTMLHeuristics.storyShareNeverRemoved` of the page's paragraph text: then the class names the
    /// story's own paragraphs (`<p class="paywall">` on every paragraph of a story for subscribers),
    /// whatever word it uses.
    private func isStoryClass(_ index: Int) -> Bool {
        // Comments can outweigh a short story; they never count as its paragraphs.
        if NameMatch.first(of: BoilerplateNames.discussionBytes, in: document.nodes[index].names) != nil {
            return false
        }
        guard pageParagraphLength > 0, let value = document.nodes[index].attribute("class"),
            let length = classParagraphLength[value]
        else { return false }
        return Double(length) >= HTMLHeuristics.storyShareNeverRemoved * Double(pageParagraphLength)
    }

    /// Whether an element is, or wraps, an embedded social post (a tweet's or an Instagram post's
    /// blockquote holding at least half its text): a post quoted in the story, not a share bar,
    /// whatever the wrapper is called (`social-embed`).
    private func holdsSocialPost(_ index: Int) -> Bool {
        document.socialPosts.contains { post in
            isInside(post, index) && 2 * stats[post].length >= stats[index].length
        }
    }

    /// Whether an element holds at least `HTMLHeuristics.storyShareNeverRemoved` of the page's
    /// paragraph text: then no class name makes it boilerplate.
    private func holdsTheStory(_ index: Int) -> Bool {
        pageParagraphLength > 0
            && Double(stats[index].paragraphLength) >= HTMLHeuristics.storyShareNeverRemoved
                * Double(pageParagraphLength)
    }

    /// Whether a header or footer holds real paragraphs (some sites wrap the story in one).
    private func containsLongText(_ index: Int) -> Bool {
        var paragraphs = 0
        var stack = [index]
        while let current = stack.popLast() {
            let node = document.nodes[current]
            if node.kind == .element, node.name == "p",
                Self.foldedLength(document.text(of: current)) > HTMLHeuristics.headerFooterParagraphLength
            {
                paragraphs += 1
                if paragraphs >= HTMLHeuristics.headerFooterParagraphs { return true }
                continue
            }
            stack.append(contentsOf: node.children)
        }
        return false
    }

    // MARK: Statistics

    /// Characters (Unicode scalars) of the text with each whitespace run counted as one and the
    /// ends trimmed; works on UTF-8 bytes, counting ASCII whitespace and the no-break space.
    static func foldedLength(_ text: String) -> Int {
        measure(text).length
    }

    /// `foldedLength` and `commas` in one pass over the UTF-8 bytes (`，` is EF BC 8C, `、` E3 80 81).
    static func measure(_ text: String) -> (length: Int, commas: Int) {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var commas = 0
            var lastWasSpace = true
            var previous: UInt8 = 0
            var beforePrevious: UInt8 = 0
            for byte in bytes {
                if byte & 0xC0 == 0x80 {
                    // A continuation byte: U+00A0 (C2 A0) is a space; others belong to the scalar already
                    // counted.
                    if previous == 0xC2, byte == 0xA0 {
                        count -= 1
                        if !lastWasSpace { count += 1 }
                        lastWasSpace = true
                    } else if (beforePrevious == 0xEF && previous == 0xBC && byte == 0x8C)
                        || (beforePrevious == 0xE3 && previous == 0x80 && byte == 0x81)
                    {
                        commas += 1
                    }
                } else if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                    if !lastWasSpace { count += 1 }
                    lastWasSpace = true
                } else {
                    if byte == 0x2C { commas += 1 }
                    count += 1
                    lastWasSpace = false
                }
                beforePrevious = previous
                previous = byte
            }
            if count > 0, lastWasSpace { count -= 1 }
            return (count, commas)
        }
    }

    /// Length, link length and commas for every node still in the page, children first.
    private mutating func computeStats() {
        for index in stride(from: document.nodes.count - 1, through: 0, by: -1) {
            if removed[index] { continue }
            // The node is read in place: a copy of it would retain and release each of its strings
            // and arrays, for every node of the page on every pass.
            var stat = NodeStats()
            if document.nodes[index].kind == .text {
                // Text does not change between passes: measure it once.
                if textMeasured[index] {
                    stat = stats[index]
                } else {
                    (stat.length, stat.commas) = Self.measure(document.nodes[index].text)
                    textMeasured[index] = true
                }
            } else {
                let name = document.nodes[index].name
                for child in document.nodes[index].children where !removed[child] {
                    stat.length += stats[child].length
                    stat.linkLength += stats[child].linkLength
                    stat.commas += stats[child].commas
                }
                if name == "a" { stat.linkLength = stat.length }
                if name == "p" {
                    stat.paragraphLength = stat.length
                    let isProse =
                        stat.length >= HTMLHeuristics.proseMinimumLength
                        && Double(stat.linkLength) < HTMLHeuristics.proseMaximumLinkShare * Double(stat.length)
                    stat.proseLength = isProse ? stat.length : 0
                } else {
                    for child in document.nodes[index].children where !removed[child] {
                        stat.paragraphLength += stats[child].paragraphLength
                        stat.proseLength += stats[child].proseLength
                    }
                }
            }
            stats[index] = stat
        }
    }

    func length(_ index: Int) -> Int { stats[index].length }

    func linkDensity(_ index: Int) -> Double {
        let stat = stats[index]
        return stat.length == 0 ? 0 : Double(stat.linkLength) / Double(stat.length)
    }

    // MARK: Scoring

    static let blockTags: Set<String> = [
        "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "aside", "main", "li", "form", "hr",
    ]

    /// Class and id weight: +25 for content names, −25 for boilerplate names, for each.
    func classWeight(_ index: Int) -> Double {
        guard options.weighClasses else { return 0 }
        let node = document.nodes[index]
        var weight = 0.0
        for value in [node.attribute("class"), node.attribute("id")] {
            guard let value, !value.isEmpty else { continue }
            let bytes = Array(value.lowercased().utf8)
            if BoilerplateNames.negative(bytes) { weight -= HTMLHeuristics.classNameWeight }
            if BoilerplateNames.positive(bytes) { weight += HTMLHeuristics.classNameWeight }
        }
        if node.attribute("itemprop")?.lowercased() == "articlebody" { weight += HTMLHeuristics.articleBodyWeight }
        return weight
    }

    private func initialScore(_ index: Int) -> Double {
        (HTMLHeuristics.tagWeights[document.nodes[index].name] ?? 0) + classWeight(index)
    }

    /// Whether an element is a paragraph for scoring: `p`, `pre`, `td`, a heading, a row of short
    /// cells (a data table: its cells are too short to score one by one), or a `div` with no block inside.
    private func isScorable(_ index: Int) -> Bool {
        let node = document.nodes[index]
        switch node.name {
        case "p", "pre", "td", "h2", "h3", "h4", "h5", "h6": return true
        case "tr":
            // A row of short cells (a data table) reads as one line of text.
            return node.children.allSatisfy { child in
                removed[child] || document.nodes[child].kind != .element
                    || (document.nodes[child].name != "table"
                        && stats[child].length < HTMLHeuristics.minimumParagraphLength
                        && !document.nodes[child].children.contains { document.nodes[$0].name == "table" })
            }
        case "div", "section", "span":
            return !node.children.contains { child in
                !removed[child] && document.nodes[child].kind == .element
                    && Self.blockTags.contains(document.nodes[child].name)
            } && hasOwnText(index)
        default: return false
        }
    }

    /// Runs of inline content directly inside an element, split at block children and `<br><br>`.
    private func inlineRuns(_ index: Int) -> [(length: Int, commas: Int)] {
        var runs: [(length: Int, commas: Int)] = []
        var length = 0
        var commas = 0
        var lastWasBreak = false
        func close() {
            if length > 0 { runs.append((length, commas)) }
            length = 0
            commas = 0
        }
        for child in document.nodes[index].children where !removed[child] {
            let node = document.nodes[child]
            if node.kind == .element, Self.blockTags.contains(node.name) {
                close()
                lastWasBreak = false
                continue
            }
            if node.kind == .element, node.name == "br" {
                if lastWasBreak { close() }
                lastWasBreak = true
                continue
            }
            if node.kind == .text, stats[child].length == 0 { continue }
            lastWasBreak = false
            length += stats[child].length
            commas += stats[child].commas
        }
        close()
        return runs
    }

    private func hasOwnText(_ index: Int) -> Bool {
        document.nodes[index].children.contains { child in
            document.nodes[child].kind == .text && stats[child].length > 0
        }
    }

    /// Adds a paragraph's score to the node holding it (`from`) and up to four ancestors above,
    /// dividing it more the further up it goes; containers are scored on first use.
    private mutating func propagate(
        length: Int, commas: Int, from first: Int, into candidates: inout [Int]
    ) {
        let score =
            1 + Double(commas)
            + Double(min(length / HTMLHeuristics.charactersPerPoint, HTMLHeuristics.maximumLengthPoints))
        var ancestor = first
        var level = 0
        while ancestor >= 0, level < HTMLHeuristics.scoredAncestorLevels, document.nodes[ancestor].name != "html" {
            if stats[ancestor].score == nil {
                stats[ancestor].score = initialScore(ancestor)
                candidates.append(ancestor)
            }
            let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
            stats[ancestor].score! += score / divider
            ancestor = document.nodes[ancestor].parent
            level += 1
        }
    }

    /// The page's own `<main>` (or `role=main`) when it holds at least `HTMLHeuristics.mainShare` of
    /// the text outside links still in the page: the story is inside it (docs/HTML.md, "Finding the
    /// story", step 3), however well a modal, a video list or a sidebar scores outside it.
    private func mainElement(in body: Int) -> Int? {
        var found = (document.byName["main"] ?? []).filter { !removed[$0] }
        for index in document.nodes.indices where !removed[index] && document.nodes[index].kind == .element {
            if document.nodes[index].attribute("role")?.lowercased() == "main" { found.append(index) }
        }
        func text(_ index: Int) -> Int { stats[index].length - stats[index].linkLength }
        guard let best = found.max(by: { text($0) < text($1) }), text(body) > 0,
            Double(text(best)) >= HTMLHeuristics.mainShare * Double(text(body))
        else { return nil }
        return best
    }

    private mutating func bestCandidate(in body: Int) -> Int? {
        var candidates: [Int] = []
        for index in document.nodes.indices where !removed[index] && document.nodes[index].kind == .element {
            guard isInside(index, body) else { continue }
            if isScorable(index) {
                let stat = stats[index]
                if stat.length >= HTMLHeuristics.minimumParagraphLength {
                    propagate(
                        length: stat.length, commas: stat.commas, from: document.nodes[index].parent,
                        into: &candidates)
                }
            } else if hasOwnText(index) {
                // Text written straight into a container beside block children (`div` > text,
                // `<br><br>`, text, `<div>`) scores as the paragraphs a browser shows, with the
                // container as their parent.
                for run in inlineRuns(index) where run.length >= HTMLHeuristics.minimumParagraphLength {
                    propagate(length: run.length, commas: run.commas, from: index, into: &candidates)
                }
            }
        }
        guard !candidates.isEmpty else { return nil }
        for candidate in candidates { stats[candidate].score! *= 1 - linkDensity(candidate) }
        let ranked = candidates.sorted { (stats[$0].score ?? 0) > (stats[$1].score ?? 0) }
        var top = ranked[0]
        let topScore = stats[top].score ?? 0
        // When several strong candidates share an ancestor, the story is split: climb to it. A
        // candidate inside the top one is part of it, not a rival (it would climb above the story).
        let strong = ranked.dropFirst().prefix(HTMLHeuristics.splitStoryRivalsLooked).filter {
            (stats[$0].score ?? 0) >= topScore * HTMLHeuristics.splitStoryRivalShare && !isInside($0, top)
        }
        if strong.count >= 2 {
            var ancestor = document.nodes[top].parent
            while ancestor >= 0, document.nodes[ancestor].name != "body" {
                let holding = strong.filter { isInside($0, ancestor) }.count
                if holding >= 2 {
                    top = ancestor
                    break
                }
                ancestor = document.nodes[ancestor].parent
            }
        }
        // Climb while the parent scores higher than the node (the text continues above it).
        var parent = document.nodes[top].parent
        var last = stats[top].score ?? 0
        while parent >= 0, document.nodes[parent].name != "body", document.nodes[parent].name != "html" {
            guard let parentScore = stats[parent].score else {
                parent = document.nodes[parent].parent
                continue
            }
            if parentScore < topScore * HTMLHeuristics.climbMinimumShare { break }
            if parentScore > last {
                top = parent
                break
            }
            last = parentScore
            parent = document.nodes[parent].parent
        }
        return top
    }

    private func isInside(_ index: Int, _ ancestor: Int) -> Bool {
        document.isInside(index, ancestor)
    }

    // MARK: Siblings

    /// The candidate plus the siblings that read like more of the story.
    private func withContentSiblings(_ top: Int) -> [Int] {
        let parent = document.nodes[top].parent
        guard parent >= 0, document.nodes[top].name != "body" else { return [top] }
        let topScore = stats[top].score ?? 0
        let threshold = max(HTMLHeuristics.siblingMinimumScore, topScore * HTMLHeuristics.siblingScoreShare)
        let topClass = document.nodes[top].attribute("class") ?? ""
        var out: [Int] = []
        for sibling in document.nodes[parent].children where !removed[sibling] {
            let node = document.nodes[sibling]
            if sibling == top {
                out.append(sibling)
                continue
            }
            // A sibling repeating the story is a second copy of it (a page holding the story twice).
            guard node.kind == .element, !repeatsTakenText(sibling, taken: [top]) else { continue }
            var bonus = 0.0
            if !topClass.isEmpty, node.attribute("class") == topClass {
                bonus += topScore * HTMLHeuristics.siblingSameClassBonus
            }
            if let score = stats[sibling].score, score + bonus >= threshold {
                out.append(sibling)
                continue
            }
            if node.name == "p" {
                let length = stats[sibling].length
                let density = linkDensity(sibling)
                let text = document.text(of: sibling)
                if length > HTMLHeuristics.siblingParagraphLength, density < HTMLHeuristics.siblingParagraphLinkShare {
                    out.append(sibling)
                } else if length > 0, length <= HTMLHeuristics.siblingParagraphLength, density == 0,
                    Self.endsSentence(text)
                {
                    out.append(sibling)
                }
            }
        }
        return out
    }

    /// A story split into sections (figures or ads between them) continues in elements with the
    /// same class as the chosen one, elsewhere in the page: they are added in document order.
    private func withContinuations(_ chosen: [Int]) -> [Int] {
        guard chosen.count == 1, let top = chosen.first, let wanted = document.nodes[top].attribute("class"),
            !wanted.trimmingWhitespace().isEmpty
        else { return chosen }
        var out = chosen
        for index in document.nodes.indices where index != top && !removed[index] {
            let node = document.nodes[index]
            guard node.kind == .element, node.name == document.nodes[top].name, node.attribute("class") == wanted,
                stats[index].proseLength > 0 || node.name == "table", !isInside(index, top), !isInside(top, index)
            else { continue }
            if out.contains(where: { isInside(index, $0) }) { continue }
            if repeatsTakenText(index, taken: out) { continue }
            out.append(index)
        }
        return out.sorted()
    }

    /// Whether a section repeats the text of one already taken (some pages hold the story twice);
    /// texts are compared only when their lengths agree.
    private func repeatsTakenText(_ index: Int, taken: [Int]) -> Bool {
        let same = taken.filter { stats[$0].length == stats[index].length }
        guard !same.isEmpty else { return false }
        let text = document.text(of: index).foldingWhitespace()
        return same.contains { document.text(of: $0).foldingWhitespace() == text }
    }

    static func endsSentence(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace()
        guard let last = trimmed.last else { return false }
        return ".!?。”\"’".contains(last)
    }

    // MARK: Conditional cleaning

    /// Removes, inside the chosen content, the blocks that look like furniture.
    private mutating func cleanConditionally(under root: Int) {
        var stack = [root]
        while let index = stack.popLast() {
            let node = document.nodes[index]
            guard node.kind == .element, !removed[index] else { continue }
            if index != root, let reason = options.cleanConditionally ? furnitureReason(index) : menuReason(index) {
                drop(index, reason)
                continue
            }
            stack.append(contentsOf: node.children.reversed())
        }
    }

    /// What the loosest reading still removes inside the story: a list whose text is nearly all
    /// links (a menu); it cleans nothing else.
    private func menuReason(_ index: Int) -> String? {
        let name = document.nodes[index].name
        guard name == "ul" || name == "ol", linkDensity(index) > HTMLHeuristics.linkDenseHighShare else { return nil }
        return "list of links"
    }

    private func furnitureReason(_ index: Int) -> String? {
        let node = document.nodes[index]
        switch node.name {
        case "h1":
            return "<h1> (the headline is metadata)"
        case "table", "ul", "ol", "div", "section", "dl", "aside", "header", "footer":
            break
        default:
            return nil
        }
        let weight = classWeight(index)
        let score = stats[index].score ?? 0
        // An embedded post's wrapper is named for the network (`social-embed`), not furniture.
        if weight < 0, weight + score < 0, !holdsSocialPost(index) { return "negative class weight" }
        let length = stats[index].length
        if stats[index].commas >= HTMLHeuristics.cleaningProseCommas { return nil }
        var paragraphs = 0
        var images = 0
        var items = 0
        var inputs = 0
        var embeds = 0
        var stack = node.children
        while let current = stack.popLast() {
            let child = document.nodes[current]
            guard child.kind == .element else { continue }
            switch child.name {
            case "p": paragraphs += 1
            case "img": images += 1
            case "li": items += 1
            case "input", "textarea", "select", "button": inputs += 1
            case "iframe", "embed", "object", "video": embeds += 1
            default: break
            }
            stack.append(contentsOf: child.children)
        }
        let isList = node.name == "ul" || node.name == "ol"
        let density = linkDensity(index)
        let inFigure = document.hasAncestor(index, named: "figure", within: 3)
        if images > 1, Double(paragraphs) / Double(images) < HTMLHeuristics.galleryParagraphsPerImage, !inFigure {
            return "image gallery"
        }
        if !isList, items > paragraphs + 1, density > HTMLHeuristics.linkListShare { return "list of links" }
        if inputs > 0, inputs > paragraphs / HTMLHeuristics.paragraphsPerFormControl, images == 0 || inputs > 1 {
            return "form controls"
        }
        let isDataTable =
            node.name == "table" && density < HTMLHeuristics.dataTableLinkShare
            && rows(index) >= HTMLHeuristics.dataTableRows
        if !isList, !isDataTable, length < HTMLHeuristics.minimumBlockLength, images == 0 || images > 2, !inFigure,
            node.name != "div" || length == 0
        {
            return length == 0 && images > 0 && images <= 2 ? nil : "too little text"
        }
        let dense = density > HTMLHeuristics.linkDenseShare
        let veryDense = density > HTMLHeuristics.linkDenseHighShare
        if !isList, weight < HTMLHeuristics.classNameWeight, dense, length < HTMLHeuristics.linkDenseLength || veryDense
        {
            return "link density"
        }
        if weight >= HTMLHeuristics.classNameWeight, veryDense { return "link density" }
        if isList, veryDense { return "list of links" }
        if Self.isEmbedBlock(embeds: embeds, length: length) { return "embed" }
        return nil
    }

    /// A block of embeds with little text of its own: under `HTMLHeuristics.embedTextPerEmbed`
    /// characters per embed. (It was `embeds == 1, length < 75 || embeds > 1`, whose second
    /// disjunct could never hold inside the first condition, so blocks of several embeds stayed.)
    static func isEmbedBlock(embeds: Int, length: Int) -> Bool {
        embeds > 0 && length < HTMLHeuristics.embedTextPerEmbed * embeds
    }

    private func rows(_ index: Int) -> Int {
        document.elements(in: index).reduce(0) { $0 + (document.nodes[$1].name == "tr" ? 1 : 0) }
    }

    /// Whether a node was removed by the extractor.
    func isRemoved(_ index: Int) -> Bool { removed[index] }
}

// MARK: - BoilerplateNames

/// Class and id words that name page furniture or content, as the extractors use them.
enum BoilerplateNames {
    /// Names of elements that are almost never the story (removed outright unless `maybeContent`).
    static let unlikelyWords = [
        "-ad-", "ad-break", "adsbygoogle", "advert", "agegate", "ai2html", "banner", "breadcrumb", "combx", "comment",
        "community", "consent", "cookie", "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends",
        "menu", "newsletter", "outbrain", "pager", "pagination", "paywall", "popup", "promo", "related", "remark",
        "replies", "rss", "share", "sharing", "shoutbox", "sidebar", "signup", "skyscraper", "social", "sponsor",
        "subscribe", "supplemental", "taboola", "trending", "yom-remote", "most-popular", "mostpopular", "recommend",
        "read-more", "readmore", "more-stories", "author-bio", "byline", "dateline", "tags", "toolbar", "widget",
        "tooltip", "hovercard", "hover-card", "popover",
    ]

    /// Names that keep a container even when an unlikely word matches too.
    static let maybeWords = ["and", "article", "body", "column", "content", "main", "shadow", "story", "entry"]

    static let negativeWords = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote", "gdpr",
        "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
        "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "newsletter", "social", "taboola",
        "recommend", "subscribe", "byline", "caption", "credit",
    ]

    static let positiveWords = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text",
        "blog", "story",
    ]

    static let strongNegative = [
        "comment", "share", "sharing", "social", "related", "newsletter", "cookie", "consent", "promo", "outbrain",
        "taboola", "subscribe", "paywall", "sidebar", "recommend", "trending", "most-popular", "mostpopular",
        "author-bio", "advert", "adsbygoogle", "signup", "breadcrumb",
    ]

    /// Words of comment threads.
    static let discussionBytes = NameWords(["comment", "reply", "replies", "respond", "disqus", "discussion"])
    private static let unlikelyBytes = NameWords(unlikelyWords)
    private static let maybeBytes = NameWords(maybeWords)
    private static let negativeBytes = NameWords(negativeWords)
    private static let positiveBytes = NameWords(positiveWords)
    private static let strongNegativeBytes = NameWords(strongNegative)

    /// The unlikely word a class/id string contains, or `nil`.
    static func unlikely(_ names: [UInt8]) -> String? {
        NameMatch.first(of: unlikelyBytes, in: names).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the names also read as content (and no strong boilerplate word overrides that).
    static func maybeContent(_ names: [UInt8]) -> Bool {
        if NameMatch.first(of: strongNegativeBytes, in: names) != nil { return false }
        return NameMatch.first(of: maybeBytes, in: names) != nil
    }

    /// The strong furniture word a class/id string contains (comments, share bars, related stories…), or `nil`.
    static func strong(_ names: [UInt8]) -> String? {
        NameMatch.first(of: strongNegativeBytes, in: names).map { String(decoding: $0, as: UTF8.self) }
    }

    static func negative(_ value: [UInt8]) -> Bool { NameMatch.first(of: negativeBytes, in: value) != nil }

    static func positive(_ value: [UInt8]) -> Bool { NameMatch.first(of: positiveBytes, in: value) != nil }

    /// Pull quotes and block quotes kept inside `aside`.
    static func isQuote(_ names: [UInt8]) -> Bool {
        names.containsBytes(Array("quote".utf8))
    }
}
