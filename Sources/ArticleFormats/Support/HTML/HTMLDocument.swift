// copydesk — ArticleFormats / HTML support
// libxml2's HTML parser, wrapped once: a Swift node arena out, the C document freed here.

import ArticleModel
internal import CLibXML2

// MARK: - HTMLNode

/// One node of a parsed page: an element (lowercase name, attributes, children) or a run of text.
struct HTMLNode: Sendable {
    enum Kind: UInt8, Sendable {
        case element, text
    }

    var kind: Kind
    /// The lowercase tag name; empty for text.
    var name: String
    /// The text of a text node (entities already decoded); empty for elements.
    var text: String
    /// Attributes in document order, names lowercase.
    var attributes: [(name: String, value: String)]
    /// Child node indices in document order.
    var children: [Int]
    /// The parent's index, or -1 for the root.
    var parent: Int
    /// The 1-based line where the node starts in the source (0 when unknown).
    var line: Int
    /// One past the last index of the node's subtree (the arena is in document order).
    var end: Int = 0
    /// `class` and `id`, lowercased and joined by a space, as UTF-8 (empty when neither is set).
    var names: [UInt8] = []

    func attribute(_ wanted: String) -> String? {
        for attribute in attributes where attribute.name == wanted { return attribute.value }
        return nil
    }
}

// MARK: - HTMLDocument

/// A parsed HTML page as an arena of nodes: index 0 is the root element (`html`).
///
/// Parsed by libxml2 in recover mode with no network access; `script`, `style` and similar
/// elements keep no text except JSON-LD scripts, which the metadata reader needs. Comments
/// are dropped. The libxml2 document never leaves `parse`.
struct HTMLDocument: Sendable {
    var nodes: [HTMLNode]
    /// Element indices by tag name, in document order.
    private(set) var byName: [String: [Int]] = [:]
    /// Element indices by lowercase `itemprop`, in document order.
    private(set) var byItemprop: [String: [Int]] = [:]
    /// `blockquote`s whose class names an embedded social post (`twitter-tweet`, `instagram-media`,
    /// `tiktok-embed`…), in document order.
    private(set) var socialPosts: [Int] = []
    /// The line where libxml2 stopped reading because elements nested deeper than its limit of
    /// 256 (the rest of the page is missing), or `nil`.
    var stoppedByDepth: Int?

    init(nodes: [HTMLNode]) {
        self.nodes = nodes
        for index in nodes.indices where nodes[index].kind == .element {
            byName[nodes[index].name, default: []].append(index)
            if nodes[index].name == "blockquote",
                NameMatch.first(of: Self.socialPostNames, in: nodes[index].names) != nil
            {
                socialPosts.append(index)
            }
            if let itemprop = nodes[index].attribute("itemprop") {
                for property in itemprop.lowercased().split(separator: " ") {
                    byItemprop[String(property), default: []].append(index)
                }
            }
        }
    }

    /// Class words of the blockquotes social networks' embed codes write.
    static let socialPostNames = NameWords([
        "twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "bluesky-embed", "mastodon-embed",
        "threads-embed", "fb-xfbml", "reddit-card", "reddit-embed",
    ])

    /// The attributes copydesk reads, copydesk's own quote markup among them (`BodyHTML.Vocabulary.data`);
    /// the rest (other `data-*`, event handlers, ARIA labels…) are not copied.
    static let keptAttributes: Set<String> = {
        let vocabulary = BodyHTML.Vocabulary.data
        return [
            "class", "id", "style", "hidden", "aria-hidden", "role", "itemprop", "itemtype", "href", "src", "data-src",
            "data-original", "data-lazy-src", "alt", "content", "name", "property", "http-equiv", "rel", "type", "lang",
            "xml:lang",
            "datetime", "charset", "title", vocabulary.quote, vocabulary.speaker, vocabulary.mention, vocabulary.role,
            vocabulary.cue, vocabulary.attribution, vocabulary.open, vocabulary.close,
            // The dateline's place and date on a page copydesk wrote.
            "data-place", "data-date",
        ]
    }()

    /// Elements whose text is never content (JSON-LD scripts are kept apart).
    /// The kept attributes' names, found from libxml2's C strings.
    static let keptAttributeNames = CNameTable(keptAttributes)

    /// The elements of HTML and of the pages copydesk meets, found from libxml2's C strings (any
    /// other name is copied as it is).
    static let elementNames = CNameTable(
        [
            "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote",
            "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data",
            "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed",
            "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label",
            "legend", "li", "link", "main", "map", "mark", "menu", "meta", "meter", "nav", "noscript", "object",
            "ol", "optgroup", "option", "output", "p", "param", "picture", "pre", "progress", "q", "rp", "rt",
            "ruby", "s", "samp", "script", "section", "select", "slot", "small", "source", "span", "strike",
            "strong", "style", "sub", "summary", "sup", "svg", "math", "table", "tbody", "td", "template",
            "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video",
            "wbr",
        ], marked: opaque)

    private static let opaque: Set<String> = ["script", "style", "noscript", "template", "svg", "math", "object"]

    /// Whether libxml2 (with iconv) can decode this encoding.
    static func knowsEncoding(_ name: String) -> Bool {
        xmlInitParser()
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        // An iconv handler is allocated for the caller; the built-in ones are left alone.
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// Parses HTML in `encoding` (UTF-8, or an encoding `knowsEncoding` accepts). Throws only when
    /// libxml2 cannot produce a document at all.
    /// `elidingRawText` empties script and style bodies before libxml2 reads a UTF-8 page
    /// (`RawTextElision`); the tree is the same either way, which tests check with `false`.
    static func parse(
        _ bytes: [UInt8], encoding: String = "UTF-8", file: String?, elidingRawText: Bool = true
    ) throws(FormatError) -> HTMLDocument {
        let expectedNodes = bytes.count / 40
        let bytes = elidingRawText && encoding == "UTF-8" ? RawTextElision.elide(bytes) ?? bytes : bytes
        xmlInitParser()
        guard let context = htmlNewParserCtxt() else {
            throw FormatError(
                id: "html.memory", message: "libxml2 could not start a parser (out of memory)", file: file)
        }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                | HTML_PARSE_NODEFDTD.rawValue)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlCtxtReadMemory(context, pointer, Int32(buffer.count), file ?? "stdin", encoding, options)
            }
        }
        guard let document else {
            throw FormatError(
                id: "html.syntax", message: "libxml2 found no HTML document in the input", file: file ?? "<stdin>",
                hint: "check that the file is an HTML page")
        }
        defer { xmlFreeDoc(document) }
        var stoppedByDepth: Int?
        if let error = xmlCtxtGetLastError(context), let message = error.pointee.message,
            String(cString: message).containsText("Excessive depth")
        {
            stoppedByDepth = Int(error.pointee.line)
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw FormatError(id: "html.syntax", message: "the HTML page has no root element", file: file ?? "<stdin>")
        }
        var builder = Builder()
        builder.build(root, expectedNodes: expectedNodes)
        var nodes = builder.nodes
        for index in nodes.indices.reversed() {
            nodes[index].end = nodes[index].children.last.map { nodes[$0].end } ?? index + 1
            if nodes[index].kind == .element {
                nodes[index].names = Self.names(
                    class: nodes[index].attribute("class"), id: nodes[index].attribute("id"))
            }
        }
        var parsed = HTMLDocument(nodes: nodes)
        parsed.stoppedByDepth = stoppedByDepth
        return parsed
    }

    /// Copies the libxml2 tree into the arena without recursion (pages nest deeply).
    private struct Builder {
        var nodes: [HTMLNode] = []

        /// Copies the tree under `root`; `expectedNodes` sizes the node list once, since every
        /// regrowth copies every node so far. The 350 pages of ../shared's HTML datasets have a
        /// median of 56 bytes per element or text run (Python's html.parser counting; 5% under 31,
        /// 5% over 396): at one node per 40 bytes about a fifth of pages still regrow once.
        mutating func build(_ root: xmlNodePtr, expectedNodes: Int) {
            nodes.reserveCapacity(max(1024, expectedNodes))
            // Work list of (node, parent index); children are pushed in reverse to keep order.
            var stack: [(xmlNodePtr, Int)] = [(root, -1)]
            while let (pointer, parent) = stack.popLast() {
                let node = pointer.pointee
                switch node.type {
                case XML_ELEMENT_NODE:
                    let (name, isOpaque) = Self.lowercaseName(node.name)
                    let index = nodes.count
                    nodes.append(
                        HTMLNode(
                            kind: .element, name: name, text: "", attributes: Self.attributes(node.properties),
                            children: [], parent: parent, line: Self.line(pointer)))
                    if parent >= 0 { nodes[parent].children.append(index) }
                    if isOpaque {
                        // Keep only the raw text of JSON-LD scripts.
                        if name == "script", let type = nodes[index].attribute("type")?.lowercased(),
                            type.containsText("ld+json")
                        {
                            let text = Self.content(pointer)
                            nodes.append(
                                HTMLNode(
                                    kind: .text, name: "", text: text, attributes: [], children: [], parent: index,
                                    line: nodes[index].line))
                            nodes[index].children.append(nodes.count - 1)
                        }
                        continue
                    }
                    // Pushed last to first, so they come off the stack in document order.
                    var count = 0
                    var child = node.last
                    while let current = child {
                        stack.append((current, index))
                        count += 1
                        child = current.pointee.prev
                    }
                    nodes[index].children.reserveCapacity(count)
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    guard parent >= 0, let content = node.content else { continue }
                    // Whitespace between tags (most text nodes of a page) folds to one space anyway.
                    let text = Self.isBlank(content) ? " " : String(cString: content)
                    let index = nodes.count
                    nodes.append(
                        HTMLNode(
                            kind: .text, name: "", text: text, attributes: [], children: [], parent: parent,
                            line: Self.line(pointer)))
                    nodes[parent].children.append(index)
                default:
                    continue
                }
            }
        }

        /// The element's name and whether its content is opaque (never copied). libxml2's HTML
        /// parser lowercases element and attribute names itself.
        private static func lowercaseName(_ pointer: UnsafePointer<xmlChar>?) -> (String, Bool) {
            guard let pointer else { return ("", false) }
            if let known = HTMLDocument.elementNames.entry(pointer) { return known }
            let name = String(cString: pointer)
            return (name, HTMLDocument.opaque.contains(name))
        }

        /// The attribute's name when copydesk reads it, compared on the C string (no String for the rest).
        private static func keptName(_ pointer: UnsafePointer<xmlChar>) -> String? {
            let first = pointer.pointee
            // Every kept name starts with one of these letters.
            switch first {
            case UInt8(ascii: "a"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "h"), UInt8(ascii: "i"),
                UInt8(ascii: "l"), UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "s"),
                UInt8(ascii: "t"), UInt8(ascii: "x"):
                break
            default:
                return nil
            }
            return HTMLDocument.keptAttributeNames.name(pointer)
        }

        private static func isBlank(_ pointer: UnsafePointer<xmlChar>) -> Bool {
            var cursor = pointer
            while cursor.pointee != 0 {
                switch cursor.pointee {
                case 0x20, 0x0A, 0x09, 0x0D, 0x0C: cursor += 1
                default: return false
                }
            }
            return true
        }

        private static func line(_ pointer: xmlNodePtr) -> Int {
            let line = Int(pointer.pointee.line)
            return line == 65535 ? Int(xmlGetLineNo(pointer)) : line
        }

        private static func content(_ pointer: xmlNodePtr) -> String {
            var out = ""
            var child = pointer.pointee.children
            while let current = child {
                if let content = current.pointee.content { out += String(cString: content) }
                child = current.pointee.next
            }
            return out
        }

        private static func attributes(_ first: xmlAttrPtr?) -> [(name: String, value: String)] {
            var out: [(name: String, value: String)] = []
            var attribute = first
            while let current = attribute {
                guard let raw = current.pointee.name, let name = keptName(raw) else {
                    attribute = current.pointee.next
                    continue
                }
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                out.append((name, value))
                attribute = current.pointee.next
            }
            return out
        }
    }

    /// `class` and `id` lowercased and joined by a space, as UTF-8; ASCII (nearly every class
    /// name) lowercased byte by byte, anything else by the Unicode case mapping.
    static func names(class className: String?, id: String?) -> [UInt8] {
        var out: [UInt8] = []
        for (index, part) in [className, id].enumerated() {
            guard let part else { continue }
            if index == 1, className != nil { out.append(0x20) }
            out.append(contentsOf: part.fastLowercased().utf8)
        }
        return out
    }

    // MARK: Queries

    /// The element indices in document order whose name is in `names`.
    func elements(named names: Set<String>) -> [Int] {
        if names.count == 1, let name = names.first { return byName[name] ?? [] }
        return names.flatMap { byName[$0] ?? [] }.sorted()
    }

    /// The elements with this `itemprop` (lowercase), in document order.
    func elements(itemprop: String) -> [Int] {
        byItemprop[itemprop] ?? []
    }

    /// The first element with this name, in document order.
    func first(_ name: String) -> Int? {
        byName[name]?.first
    }

    /// All text under a node, in document order, as printed (whitespace not folded).
    func text(of index: Int) -> String {
        var out = ""
        appendText(of: index, to: &out)
        return out
    }

    private func appendText(of index: Int, to out: inout String) {
        var stack = [index]
        while let current = stack.popLast() {
            let node = nodes[current]
            if node.kind == .text {
                out += node.text
            } else if node.name != "script" || current == index {
                if node.name == "br" { out += "\n" }
                stack.append(contentsOf: node.children.reversed())
            }
        }
    }

    /// Whether `ancestor` is `index` or one of its ancestors.
    func isInside(_ index: Int, _ ancestor: Int) -> Bool {
        ancestor >= 0 && ancestor <= index && index < nodes[ancestor].end
    }

    /// Whether an ancestor of `index` named `name` sits within `depth` levels above it and below
    /// the element `top` (which is not looked at; -1, the default, looks up to the root).
    func hasAncestor(_ index: Int, named name: String, below top: Int = -1, within depth: Int = .max) -> Bool {
        var current = nodes[index].parent
        var level = 0
        while current >= 0, current != top, level < depth {
            if nodes[current].name == name { return true }
            current = nodes[current].parent
            level += 1
        }
        return false
    }
}

// MARK: - Name matching

/// Byte-level word search in class and id names (no Foundation, no allocation).
enum NameMatch {
    /// The word found earliest in the haystack, or `nil`.
    static func first(of words: NameWords, in haystack: [UInt8]) -> [UInt8]? {
        guard !haystack.isEmpty else { return nil }
        for start in haystack.indices {
            for word in words.buckets[Int(haystack[start])] where start + word.count <= haystack.count {
                var matched = 1
                while matched < word.count, haystack[start + matched] == word[matched] { matched += 1 }
                if matched == word.count { return word }
            }
        }
        return nil
    }
}

/// A list of lowercase words bucketed by first byte, for `NameMatch.first(of:in:)`.
struct NameWords: Sendable {
    let buckets: [[[UInt8]]]

    init(_ words: [String]) {
        var buckets = Array(repeating: [[UInt8]](), count: 256)
        for word in words where !word.isEmpty {
            let bytes = Array(word.utf8)
            buckets[Int(bytes[0])].append(bytes)
        }
        self.buckets = buckets
    }
}
