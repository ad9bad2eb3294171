// copydesk — ArticleFormats tests
// Markdown as static sites keep it: front matter in YAML, TOML or JSON with Hugo's, Jekyll's and
// Zola's keys; shortcodes, Liquid and attribute lists; code blocks and tables; HTML pages with
// front matter; writing TOML and JSON front matter; the shared corpus of real posts.

import ArticleTestSupport
import CopydeskKit
import Foundation
import Testing

@testable import ArticleFormats

private let markdown = FormatRegistry.format(named: "markdown")!

private func read(_ text: String, file: String? = "post.md") throws(FormatError) -> ReadResult {
    try markdown.reader!.read(ReaderInput(string: text, file: file), options: .default)
}

private func article(_ text: String, file: String? = "post.md") throws -> Article {
    try #require(try read(text, file: file).articles.first)
}

private func write(
    _ article: Article, flavor: MarkdownFlavor = .plain, syntax: FrontMatterSyntax
) throws -> WriteResult {
    try markdown.writer!.write([article], options: WriterOptions(markdownFlavor: flavor, frontMatter: syntax))
}

private func text(_ result: WriteResult) -> String { String(decoding: result.bytes, as: UTF8.self) }

// MARK: - Front matter syntaxes

@Suite("Markdown front matter: YAML, TOML, JSON")
struct FrontMatterSyntaxTests {
    @Test("YAML front matter after a byte-order mark and blank lines is read")
    func yamlAfterBlankLines() throws {
        let post = try article("\u{FEFF}\n\n---\ntitle: Quay reopens\ndate: 2024-05-02\n---\n\nThe quay is open.\n")
        #expect(post.headline == "Quay reopens")
        #expect(post.published?.value?.iso8601 == "2024-05-02")
        #expect(post.body.count == 1)
        #expect(post.body[0].location?.line == 8)
    }

    @Test("TOML front matter: every kind of value, tables and arrays of tables, positions in the file")
    func toml() throws {
        let source = """
            +++
            title = "Tide \\"tables\\" return"   # a comment
            date = 2024-03-01T09:30:00+01:00
            lastmod = 2024-03-02
            draft = false
            weight = 1_000
            tags = [ "tides",
              'harbour',   # trailing comma next
            ]
            [[authors]]
            name = "Ada Moss"
            role = "Harbour reporter"
            [[authors]]
            name = "Ben Ode"
            [params]
            subtitle = '''
            Low water at noon'''
            +++
            Body text.
            """
        let post = try article(source)
        #expect(post.headline == "Tide \"tables\" return")
        #expect(post.published?.value?.iso8601 == "2024-03-01T09:30:00+01:00")
        #expect(post.published?.location?.line == 3)
        #expect(post.modified?.value?.iso8601 == "2024-03-02")
        #expect(post.bylines.map(\.name) == ["Ada Moss", "Ben Ode"])
        #expect(post.bylines[0].role == "Harbour reporter")
        #expect(post.bylines[1].location?.line == 13)
        #expect(post.keywords == ["tides", "harbour"])
        #expect(post.subheadline == "Low water at noon")
        #expect(post.extensions["draft"] == .bool(false))
        #expect(post.extensions["weight"] == .number(1000))
        #expect(post.body.first?.location?.line == 19)
    }

    @Test("JSON front matter (Hugo): an object at the top, the body after its closing brace")
    func json() throws {
        let source = """
            {
              "title": "Ferry fares frozen",
              "date": "2024-06-01T08:00:00Z",
              "author": {"name": "Cleo Park", "email": "cleo@example.org"},
              "categories": ["Transport"]
            }

            Fares stay where they are.
            """
        let post = try article(source)
        #expect(post.headline == "Ferry fares frozen")
        #expect(post.bylines.map(\.name) == ["Cleo Park"])
        #expect(post.section == "Transport")
        #expect(post.published?.location?.line == 3)
        #expect(post.body.map(\.plainText) == ["Fares stay where they are."])
        #expect(post.body[0].location?.line == 8)
    }

    @Test("A body that opens with a shortcode, a Liquid tag or an attribute list is no JSON front matter")
    func notJSON() throws {
        for opening in ["{{< figure src=\"a.jpg\" >}}", "{% include note.html %}", "{: .lead}"] {
            let post = try article(opening + "\n\nText.\n")
            #expect(post.headline == nil, "\(opening)")
            #expect(post.body.contains { $0.plainText == "Text." }, "\(opening)")
        }
    }

    @Test(
        "Broken front matter is an error at its line and column",
        arguments: [
            ("+++\ntitle = \"open\n+++\n", "toml.syntax", 2),
            ("+++\ntitle = unquoted words\n+++\n", "toml.syntax", 2),
            ("+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n", "toml.duplicate-key", 3),
            ("+++\n[a]\nx = 1\n[a]\n+++\n", "toml.syntax", 4),
            ("+++\ntitle = \"bad \\q escape\"\n+++\n", "toml.syntax", 2),
            ("+++\ntitle = \"never closed\"\n", "markdown.front-matter", 1),
            ("{\n  \"title\": \"x\",\n}\n\nBody\n", "json.syntax", 3),
            ("{\n  \"title\": \"x\"\n\nBody\n", "markdown.front-matter", 1),
        ])
    func errors(source: String, id: String, line: Int) {
        #expect {
            _ = try read(source)
        } throws: { error in
            guard let error = error as? FormatError else { return false }
            return error.id == id && error.location?.line == line && error.location?.file == "post.md"
        }
    }
}

// MARK: - The TOML parser

@Suite("TOML front matter parser")
struct TOMLParserTests {
    private func parse(_ text: String) throws -> YAMLNodeView {
        YAMLNodeView(try TOMLParser(file: "t.toml").parse(text))
    }

    @Test("Strings: basic with every escape, literal, multi-line of both kinds with trimmed line ends")
    func strings() throws {
        let document = try parse(
            #"""
            a = "tab\there \"q\" \\ \u00e9 \U0001F600 \b\f\r\n"
            b = 'C:\no\escapes'
            c = """
            first \
                second"""
            d = '''
            keep \ this
            line'''
            e = """two "" quotes"""""
            "quoted key" = 1
            'literal key' = 2
            """#)
        #expect(document["a"] == .text("tab\there \"q\" \\ é 😀 \u{08}\u{0C}\r\n"))
        #expect(document["b"] == .text(#"C:\no\escapes"#))
        #expect(document["c"] == .text("first second"))
        #expect(document["d"] == .text("keep \\ this\nline"))
        #expect(document["e"] == .text("two \"\" quotes\"\""))
        #expect(document["quoted key"] == .plain("1"))
        #expect(document["literal key"] == .plain("2"))
    }

    @Test("Numbers, booleans and dates are plain scalars written canonically")
    func scalars() throws {
        let document = try parse(
            """
            i = +1_000
            n = -17
            z = -0
            h = 0xDEAD_beef
            o = 0o755
            b = 0b1101
            f = 6.626e-34
            g = -3.1_4
            inf = -inf
            nan = nan
            yes = true
            no = false
            odt = 1979-05-27 07:32:00Z
            odt2 = 1979-05-27T00:32:00.999-07:00
            ldt = 1979-05-27T07:32:00
            ld = 1979-05-27
            lt = 07:32:00
            """)
        let expected: [String: String] = [
            "i": "1000", "n": "-17", "z": "0", "h": "3735928559", "o": "493", "b": "13", "f": "6.626e-34",
            "g": "-3.14", "inf": "-.inf", "nan": ".nan", "yes": "true", "no": "false", "odt": "1979-05-27T07:32:00Z",
            "odt2": "1979-05-27T00:32:00.999-07:00", "ldt": "1979-05-27T07:32:00", "ld": "1979-05-27",
            "lt": "07:32:00",
        ]
        for (key, value) in expected { #expect(document[key] == .plain(value), "\(key)") }
    }

    @Test("Tables, dotted keys, inline tables, arrays of tables and nested arrays")
    func structure() throws {
        let document = try parse(
            """
            fruit.name = "apple"
            fruit.colour.skin = "red"
            point = { x = 1, y.z = 2 }
            matrix = [[1, 2], ["a", { k = true }]]
            [dog."tater.man"]
            type.name = "pug"
            [[product]]
            name = "Hammer"
            [[product]]
            [[product.variant]]
            size = "L"
            [a.b.c]
            [a]
            d = 1
            """)
        #expect(document["fruit"]?["name"] == .text("apple"))
        #expect(document["fruit"]?["colour"]?["skin"] == .text("red"))
        #expect(document["point"]?["y"]?["z"] == .plain("2"))
        #expect(document["matrix"]?[1]?[1]?["k"] == .plain("true"))
        #expect(document["dog"]?["tater.man"]?["type"]?["name"] == .text("pug"))
        #expect(document["product"]?.count == 2)
        #expect(document["product"]?[1]?["variant"]?[0]?["size"] == .text("L"))
        #expect(document["a"]?["d"] == .plain("1"))
        #expect(document["a"]?["b"]?["c"]?.count == 0)
    }

    @Test(
        "What TOML forbids is an error at its position",
        arguments: [
            ("a = 1\na = 2", 2, 1), ("a.b = 1\n[a.b]", 2, 4), ("p = {x = 1}\n[p]", 2, 2), ("a = [1, 2", 1, 5),
            ("a = {x = 1,}", 1, 12), ("a = 01", 1, 5), ("a = 1__0", 1, 5), ("a = \"\\x\"", 1, 6),
            ("= 1", 1, 1), ("a = 1 b = 2", 1, 7), ("[t]\n[[t]]", 2, 3), ("a = 1979-13-01", 1, 5),
            ("a = \"line\nbreak\"", 1, 5), ("a =", 1, 4),
        ])
    func forbidden(source: String, line: Int, column: Int) {
        #expect {
            _ = try TOMLParser(file: "t.toml").parse(source)
        } throws: { error in
            guard let error = error as? FormatError, let location = error.location else { return false }
            return error.id.hasPrefix("toml.") && location.line == line && location.column == column
        }
    }

    @Test("Nesting past --max-depth is refused")
    func depth() {
        let deep = "a = " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(throws: FormatError.self) { _ = try TOMLParser(file: nil, maxDepth: 16).parse(deep) }
        #expect(throws: Never.self) { _ = try TOMLParser(file: nil, maxDepth: 64).parse(deep) }
    }

    @Test("The TOML writer's strings, keys and documents read back to the same values")
    func writerRoundTrip() throws {
        let awkward = "quote \" backslash \\ tab\t newline\n bell\u{07} del\u{7F} é 😀 '''\"\"\""
        var writer = TOMLWriter(keyOrder: ["title"])
        let document = writer.document([
            "title": .string(awkward), "odd key.x": .number(-12), "ratio": .number(0.25), "flag": .bool(true),
            "date": .string("2024-03-01T09:30:00+01:00"), "list": .array([.string("a"), .number(1)]),
            "table": .object(["inner": .object(["deep": .string("x")]), "n": .null]),
            "rows": .array([.object(["name": .string("A")]), .object(["name": .string("B")])]),
        ])
        #expect(document.hasPrefix("title = "))
        #expect(document.contains("date = 2024-03-01T09:30:00+01:00\n"))
        #expect(writer.diagnostics.map(\.id) == ["conversion.dropped"])
        let parsed = try YAMLNodeView(TOMLParser(file: nil).parse(document))
        #expect(parsed["title"] == .text(awkward))
        #expect(parsed["odd key.x"] == .plain("-12"))
        #expect(parsed["ratio"] == .plain("0.25"))
        #expect(parsed["flag"] == .plain("true"))
        #expect(parsed["list"]?[1] == .plain("1"))
        #expect(parsed["table"]?["inner"]?["deep"] == .text("x"))
        #expect(parsed["table"]?["n"] == nil)
        #expect(parsed["rows"]?[1]?["name"] == .text("B"))
    }
}

/// A YAML node as the tests look at it: text (quoted), plain scalars, lists and mappings.
struct YAMLNodeView: Equatable, CustomStringConvertible {
    indirect enum Value: Equatable {
        case text(String), plain(String), list([YAMLNodeView]), map([(String, YAMLNodeView)])

        static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case (.text(let a), .text(let b)), (.plain(let a), .plain(let b)): return a == b
            case (.list(let a), .list(let b)): return a == b
            case (.map(let a), .map(let b)): return a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
            default: return false
            }
        }
    }

    var value: Value

    init(_ node: YAMLNode) {
        switch node.kind {
        case .scalar(let text, let plain): value = plain ? .plain(text) : .text(text)
        case .sequence(let items): value = .list(items.map(YAMLNodeView.init))
        case .mapping(let pairs): value = .map(pairs.map { ($0.key.scalar ?? "?", YAMLNodeView($0.value)) })
        }
    }

    static func text(_ text: String) -> YAMLNodeView { YAMLNodeView(value: .text(text)) }
    static func plain(_ text: String) -> YAMLNodeView { YAMLNodeView(value: .plain(text)) }

    private init(value: Value) { self.value = value }

    subscript(key: String) -> YAMLNodeView? {
        if case .map(let pairs) = value { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    subscript(index: Int) -> YAMLNodeView? {
        if case .list(let items) = value, items.indices.contains(index) { return items[index] }
        return nil
    }

    var count: Int {
        switch value {
        case .list(let items): return items.count
        case .map(let pairs): return pairs.count
        default: return 1
        }
    }

    var description: String {
        switch value {
        case .text(let text): return "\"\(text)\""
        case .plain(let text): return text
        case .list(let items): return "\(items)"
        case .map(let pairs): return "{" + pairs.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
        }
    }
}

// MARK: - Generators' keys

@Suite("Hugo, Jekyll and Zola front-matter keys")
struct SiteFrontMatterTests {
    @Test("Author forms: a name, a list, an object with a name, Hugo's authors taxonomy, Zola's taxonomies")
    func authors() throws {
        #expect(try article("---\nauthor: Ana Ruiz\n---\nx\n").bylines.map(\.name) == ["Ana Ruiz"])
        #expect(try article("---\nauthor: [Ana Ruiz, Bo Li]\n---\nx\n").bylines.map(\.name) == ["Ana Ruiz", "Bo Li"])
        #expect(
            try article("---\nauthor:\n  name: Ana Ruiz\n  url: https://example.org\n---\nx\n").bylines.map(\.name)
                == ["Ana Ruiz"])
        #expect(try article("+++\nauthors = [\"Ana Ruiz\"]\n+++\nx\n").bylines.map(\.name) == ["Ana Ruiz"])
        #expect(
            try article("+++\n[taxonomies]\nauthors = [\"Ana Ruiz\"]\ntags = [\"port\"]\n+++\nx\n").bylines.map(\.name)
                == ["Ana Ruiz"])
        #expect(try article("+++\n[params]\nauthor = \"Ana Ruiz\"\n+++\nx\n").bylines.map(\.name) == ["Ana Ruiz"])
    }

    @Test("date, else publishDate; every date kept by name in extensions.dates with the chosen one's name")
    func dates() throws {
        let both = try article(
            "---\npublishDate: 2024-01-05\ndate: 2024-01-02\nlastmod: 2024-01-09\nexpiryDate: 2025-01-01\n---\nx\n")
        #expect(both.published?.value?.iso8601 == "2024-01-02")
        #expect(both.published?.provenance == "date")
        #expect(both.modified?.value?.iso8601 == "2024-01-09")
        #expect(
            both.extensions["dates"]
                == .object([
                    "publishDate": .string("2024-01-05"), "date": .string("2024-01-02"),
                    "lastmod": .string("2024-01-09"), "expiryDate": .string("2025-01-01"),
                ]))
        let publishOnly = try article("---\npublishDate: 2024-01-05\n---\nx\n")
        #expect(publishOnly.published?.value?.iso8601 == "2024-01-05")
        #expect(publishOnly.extensions["dates"] == nil)
        let jekyll = try article("---\ndate: 2018-02-19 20:48:09 -0500\n---\nx\n")
        #expect(jekyll.published?.value?.iso8601 == "2018-02-19T20:48:09-05:00")
    }

    @Test("A date from a Jekyll file name (also after a prefix, or a page bundle's folder), else from the URL")
    func inferredDates() throws {
        for (file, date) in [
            ("_posts/2018-02-19-new-lead.markdown", "2018-02-19"), ("site-2016-03-10-teams.md", "2016-03-10"),
            ("content/2019-07-01-bundle/index.md", "2019-07-01"),
        ] {
            let post = try article("---\ntitle: T\n---\nx\n", file: file)
            #expect(post.published?.value?.iso8601 == date, "\(file)")
            #expect(post.published?.provenance == "filename", "\(file)")
        }
        let zola = try article("+++\npath = \"2021/01/04/advisory\"\n+++\nx\n", file: "advisory.md")
        #expect(zola.source?.url == "2021/01/04/advisory")
        #expect(zola.published?.value?.iso8601 == "2021-01-04")
        #expect(zola.published?.provenance == "url")
        let dated = try article("---\ndate: 2020-01-01\n---\nx\n", file: "2018-02-19-x.md")
        #expect(dated.published?.value?.iso8601 == "2020-01-01")
        #expect(try article("---\ntitle: T\n---\nx\n", file: "notes-13-99-x.md").published == nil)
        #expect(try article("x\n", file: "2018-02-19-x.md").published == nil)
    }

    @Test("Jekyll's published: false and Hugo's draft: true are kept with a note, and are no dates")
    func unpublished() throws {
        let jekyll = try read("---\ntitle: T\npublished: false\n---\nx\n")
        #expect(jekyll.articles[0].published == nil)
        #expect(jekyll.articles[0].extensions["published"] == .bool(false))
        #expect(jekyll.diagnostics.contains { $0.id == "markdown.unpublished" && $0.location?.line == 3 })
        let hugo = try read("+++\ndraft = true\n+++\nx\n")
        #expect(hugo.articles[0].extensions["draft"] == .bool(true))
        #expect(hugo.diagnostics.contains { $0.id == "markdown.unpublished" })
        #expect(try read("+++\ndraft = false\n+++\nx\n").diagnostics.allSatisfy { $0.id != "markdown.unpublished" })
    }

    @Test("The deck: subtitle, then description, summary, excerpt; a different teaser beside it is a highlight")
    func decks() throws {
        let post = try article(
            "---\nexcerpt: The teaser.\nsummary: The summary.\ndescription: The description.\n---\nx\n")
        #expect(post.subheadline == "The description.")
        #expect(post.highlights == ["The summary.", "The teaser."])
        let same = try article("---\nsummary: Same text.\ndescription: same  text.\n---\nx\n")
        #expect(same.subheadline == "same  text.")
        #expect(same.highlights.isEmpty)
        #expect(try article("---\nexcerpt: Only this.\n---\nx\n").subheadline == "Only this.")
    }

    @Test("What a field cannot take is kept in extensions with a warning, never refusing the post")
    func misshapen() throws {
        let result = try read("---\ntitle: T\nauthor: {github: ana}\ntags: [[a]]\ndescription: [x]\n---\nText.\n")
        let post = result.articles[0]
        #expect(post.bylines.isEmpty && post.keywords.isEmpty && post.subheadline == nil)
        #expect(post.extensions["author"] == .object(["github": .string("ana")]))
        #expect(post.extensions["tags"] == .array([.array([.string("a")])]))
        #expect(
            result.diagnostics.filter { $0.id == "markdown.front-matter-shape" }.map { $0.location?.line } == [3, 4, 5])
    }

    @Test("Dates as MkDocs and Jekyll also write them: a mapping of created and updated, a day without its zero")
    func otherDateForms() throws {
        let mkdocs = try article(
            "---\ndate:\n  created: 2023-12-31\n  updated: 2024-01-02\n---\n# Office moves\n\nText.\n")
        #expect(mkdocs.published?.value?.iso8601 == "2023-12-31")
        #expect(mkdocs.modified?.value?.iso8601 == "2024-01-02")
        #expect(mkdocs.headline == "Office moves")
        #expect(mkdocs.body.map(\.plainText) == ["Text."])
        let hexo = try article("---\ndate: 2013-7-3 20:46:25\n---\nText.\n")
        #expect(hexo.published?.text == "2013-7-3 20:46:25")
        #expect(hexo.published?.value?.iso8601 == "2013-07-03T20:46:25")
    }

    @Test("slug is the slugline; tags, categories and keywords the keywords and section; unknown keys kept")
    func otherKeys() throws {
        let post = try read(
            "---\nslug: quay-reopens\ntags: [port]\ncategories: [News, Local]\nkeywords: [quay]\nweight: 3\n---\nx\n")
        let article = post.articles[0]
        #expect(article.extensions["slugline"] == .string("quay-reopens"))
        #expect(article.keywords == ["port", "News", "Local", "quay"])
        #expect(article.section == "News")
        #expect(article.extensions["weight"] == .number(3))
        #expect(post.diagnostics.contains { $0.id == "yaml.unknown-key" && $0.message.contains("weight") })
    }
}

// MARK: - Body conventions

@Suite("Markdown bodies as sites write them")
struct SiteBodyTests {
    @Test("Fenced code (``` and ~~~, with the info string's language) and indented code are code blocks")
    func code() throws {
        let post = try article(
            """
            Intro:

            ```rust title="main.rs"
            fn main() {

                println!("{{< not a shortcode >}}");
            }
            ```

            ~~~
            plain ``` inside
            ~~~

                indented
                  more

            - an item

                a paragraph of the item, not code
            """)
        let kinds = post.body.map(\.kind)
        #expect(kinds == [.paragraph, .code, .code, .code, .list, .paragraph])
        guard case .code(let rust) = post.body[1], case .code(let plain) = post.body[2],
            case .code(let indented) = post.body[3]
        else { return }
        #expect(rust.language == "rust")
        #expect(rust.text == "fn main() {\n\n    println!(\"{{< not a shortcode >}}\");\n}")
        #expect(rust.location?.line == 3)
        #expect(plain.language == nil)
        #expect(plain.text == "plain ``` inside")
        #expect(indented.text == "indented\n  more")
    }

    @Test("GFM tables: the header row marked, escaped pipes, inline formatting, the caption line above")
    func tables() throws {
        let post = try article(
            """
            Sailings this week
            | Day | Time | Note |
            | :-- | ---: | :-: |
            | Mon | 09:00 | **first** |
            | Tue | 10:00 | a \\| b |
            Wed | 11:00

            After.
            """)
        guard case .table(let table) = post.body.first else {
            Issue.record("no table: \(post.body.map(\.kind))")
            return
        }
        #expect(table.caption == "Sailings this week")
        #expect(table.rows.map(\.isHeader) == [true, false, false, false])
        #expect(
            table.rows.map { $0.cells.map(\.content.plainText) } == [
                ["Day", "Time", "Note"], ["Mon", "09:00", "first"], ["Tue", "10:00", "a | b"], ["Wed", "11:00"],
            ])
        #expect(table.rows[1].cells[2].content == [.strong([.text("first")])])
        #expect(post.body.last?.plainText == "After.")
    }

    @Test("Reference links and images resolve; their definitions are no content")
    func references() throws {
        let post = try article(
            """
            See [the notice][n], the [Harbour Board] and [this][].

            ![Quay][pic]

            [n]: https://example.org/notice "Notice"
            [harbour board]: <https://example.org/board>
            [this]: /this
            [pic]: /quay.jpg "The quay at dawn"
            """)
        #expect(post.body.count == 2)
        let links = post.body.first.map { block -> [String] in
            guard case .paragraph(let paragraph) = block else { return [] }
            return paragraph.content.compactMap { if case .link(let url, _) = $0 { url } else { nil } }
        }
        #expect(links == ["https://example.org/notice", "https://example.org/board", "/this"])
        guard case .image(let image) = post.body.last else { return }
        #expect(image.src == "/quay.jpg" && image.alt == "Quay" && image.caption == "The quay at dawn")
    }

    @Test("Hugo shortcodes: a figure is an image, highlight is code, others are kept as text with a note")
    func shortcodes() throws {
        let result = try read(
            """
            ---
            title: T
            ---
            Before.

            {{< figure src="/img/quay.jpg" alt="The quay" title="Quay"
                caption="The *new* quay" attr="Port Authority" >}}

            {{< highlight go "linenos=table" >}}
            fmt.Println("hi")
            {{< /highlight >}}

            {{< youtube w7Ft2ymGmfc >}}
            Text with an inline {{< param "site" >}} value.
            Show {{</* figure src="x" */>}} literally.
            """)
        let body = result.articles[0].body
        #expect(body.map(\.kind) == [.paragraph, .image, .code, .paragraph, .paragraph])
        if case .image(let image) = body[1] {
            #expect(image.src == "/img/quay.jpg" && image.alt == "The quay")
            #expect(image.caption == "Quay. The new quay" && image.credit == "Port Authority")
            #expect(image.location?.line == 6)
        }
        if case .code(let code) = body[2] {
            #expect(code.language == "go" && code.text == "fmt.Println(\"hi\")")
        }
        #expect(body[3].plainText == "{{< youtube w7Ft2ymGmfc >}}")
        #expect(body[3].location?.line == 13)
        #expect(
            body[4].plainText
                == "Text with an inline {{< param \"site\" >}} value. Show {{< figure src=\"x\" >}} literally.")
        let notes = result.diagnostics.filter { $0.id == "markdown.site-markup" }.map(\.message)
        #expect(notes.contains { $0.contains("youtube") } && notes.contains { $0.contains("param") })
    }

    @Test("Liquid: highlight is code, raw goes, comment blocks go with a note, include and {{ }} stay with a note")
    func liquid() throws {
        let result = try read(
            """
            ---
            title: T
            ---
            {% highlight ruby linenos %}
            puts "{% raw %}{{ x }}{% endraw %}"
            {% endhighlight %}

            {% comment %}
            Not for readers.
            {% endcomment %}
            {% include note.html text="Careful" %}

            Visit {{ site.url }} today.

            ```liquid
            {% raw %}
            {{ page.title }}
            {% endraw %}
            ```
            """)
        let body = result.articles[0].body
        #expect(body.map(\.kind) == [.code, .paragraph, .paragraph, .code])
        if case .code(let code) = body[0] { #expect(code.language == "ruby") }
        #expect(body[1].plainText == "{% include note.html text=\"Careful\" %}")
        #expect(body[2].plainText == "Visit {{ site.url }} today.")
        #expect(body[3].plainText == "{{ page.title }}")
        #expect(!body.contains { $0.plainText.contains("Not for readers") })
        let notes = result.diagnostics.filter { $0.id == "markdown.site-markup" }
        #expect(notes.count == 3)
    }

    @Test("kramdown and goldmark attribute lists are removed, noted once; {:toc} takes its TOC item")
    func attributes() throws {
        let result = try read(
            """
            ---
            title: T
            ---
            * TOC
            {:toc}

            ## Results {#results .big}

            A lead paragraph.
            {: .lead}

            Some *emphasis*{: .x} here.

            {.note}
            A note.
            """)
        let body = result.articles[0].body
        #expect(body.map(\.plainText) == ["Results", "A lead paragraph.", "Some emphasis here.", "A note."])
        #expect(result.diagnostics.filter { $0.id == "markdown.site-markup" }.count == 1)
    }

    @Test("An HTML page with front matter: the body is read as HTML, positions in the file")
    func htmlPage() throws {
        let page = """
            ---
            title: Remembering the founder
            author: Ada Moss, Ben Ode
            date: 2022-09-12T00:00:00Z
            ---

            <div class="post">
              <p>The founder died on Friday.</p>

              <p>She started the <em>project</em> in 2012.</p>
            </div>
            """
        let bytes = Array(page.utf8)
        let detection = try #require(try FormatRegistry.detect(path: "2022-09-12-founder.html", bytes: bytes))
        #expect(detection.format.name == "markdown")
        #expect(detection.note?.id == "input.format")
        #expect(try FormatRegistry.detect(path: nil, bytes: bytes)?.format.name == "markdown")
        let post = try article(page, file: "2022-09-12-founder.html")
        #expect(post.headline == "Remembering the founder")
        #expect(post.body.map(\.plainText) == ["The founder died on Friday.", "She started the project in 2012."])
        #expect(post.body.map { $0.location?.line } == [8, 10])
        // On standard input the body's own markup decides.
        #expect(try article(page, file: nil).body.map(\.kind) == [.paragraph, .paragraph])
        // A .md file keeps raw HTML as Markdown does.
        #expect(try article(page, file: "post.md").body.first?.kind == .paragraph)
    }

    @Test("Detection: front matter of each syntax followed by text is Markdown, on standard input too")
    func detection() throws {
        for source in [
            "---\ntitle: A\n---\nText.\n", "+++\ntitle = \"A\"\n+++\nText.\n", "{\n\"title\": \"A\"\n}\nText.\n",
            "\n\n+++\ntitle = \"A\"\n+++\n- [x] done\n",
        ] {
            let detected = try FormatRegistry.detect(path: nil, bytes: Array(source.utf8))
            #expect(detected?.format.name == "markdown", "\(source)")
        }
        #expect(
            try FormatRegistry.detect(path: nil, bytes: Array("{\"title\": \"A\"}\n".utf8))?.format.name != "markdown")
        #expect(
            try FormatRegistry.detect(path: "a.txt", bytes: Array("---\ntitle: x\n---\n".utf8))?.format.name == "text")
        // A YAML stream whose next document holds prose in a block scalar stays YAML.
        let stream = "---\ntitle: A\n---\ntitle: B\nbody: |\n  Some prose, with no colon\n  and more.\n"
        #expect(try FormatRegistry.detect(path: "posts.yaml", bytes: Array(stream.utf8))?.format.name == "yaml")
        #expect(try FormatRegistry.detect(path: nil, bytes: Array(stream.utf8))?.format.name == "yaml")
    }
}

// MARK: - Writing front matter

@Suite("Markdown front matter written as YAML, TOML or JSON")
struct FrontMatterWritingTests {
    @Test(
        "Every syntax reads back to the article (plain flavor), for random articles",
        arguments: [FrontMatterSyntax.toml, .json], 0..<25)
    func randomRoundTrip(syntax: FrontMatterSyntax, seed: Int) throws {
        var random = RandomArticles(seed: UInt64(seed) &+ 90_000)
        let original = random.article()
        var yaml = try #require(try read(text(write(original, syntax: .yaml))).articles.first)
        let written = try write(original, syntax: syntax)
        let back = try #require(try read(text(written)).articles.first)
        if syntax == .toml {
            // TOML has no null: the writer leaves nulls out and says so.
            let nulls = yaml.extensions.filter { $0.value.containsNull }.count
            if nulls > 0 { #expect(written.diagnostics.contains { $0.message.contains("null") }) }
            yaml.extensions = yaml.extensions.compactMapValues(\.withoutNulls)
        }
        #expect(back == yaml, "seed \(seed):\n\(text(written))")
    }

    @Test("Hugo flavor in TOML: +++ fences, bare dates, and the same article as its YAML")
    func hugo() throws {
        var post = Article(
            headline: "Quay \"reopens\"", subheadline: "After repairs",
            bylines: [Byline(name: "Ana Ruiz", raw: "Ana Ruiz")],
            published: ArticleDate(parsing: "2024-05-02T09:00:00+01:00"), section: "Local", keywords: ["port"],
            body: [.paragraph(Paragraph(text: "The quay is open."))])
        post.modified = ArticleDate(parsing: "2024-05-03")
        let toml = text(try write(post, flavor: .hugo, syntax: .toml))
        #expect(toml.hasPrefix("+++\ntitle = \"Quay \\\"reopens\\\"\"\n"))
        #expect(toml.contains("\ndate = 2024-05-02T09:00:00+01:00\n"))
        #expect(toml.contains("\nlastmod = 2024-05-03\n"))
        let fromTOML = try article(toml)
        let fromYAML = try article(text(try write(post, flavor: .hugo, syntax: .yaml)))
        let fromJSON = try article(text(try write(post, flavor: .hugo, syntax: .json)))
        #expect(fromTOML == fromYAML)
        #expect(fromJSON == fromYAML)
        #expect(fromTOML.headline == post.headline && fromTOML.published == post.published)
        #expect(fromTOML.bylines.map(\.name) == ["Ana Ruiz"] && fromTOML.section == "Local")
    }

    @Test("Jekyll reads YAML only: other syntaxes warn")
    func jekyll() throws {
        let result = try write(
            Article(headline: "H", body: [.paragraph(Paragraph(text: "x"))]), flavor: .jekyll, syntax: .toml)
        #expect(result.diagnostics.contains { $0.id == "conversion.changed" && $0.message.contains("Jekyll") })
    }

    @Test("Code blocks and tables round-trip through the Markdown writer and reader")
    func codeAndTables() throws {
        let table = Table(
            rows: [
                TableRow(cells: [TableCell(text: "Port"), TableCell(text: "a|b `x`")], isHeader: true),
                TableRow(cells: [TableCell([.strong([.text("Gull")])]), TableCell([])]),
                TableRow(cells: [
                    TableCell(text: "*star*"), TableCell([.link(url: "https://e.org", content: [.text("e")])]),
                ]),
            ], caption: "Piers and notes")
        let original = Article(
            headline: "Code",
            body: [
                .code(CodeBlock(text: "let fence = \"```\"\n\n  indented\t tab", language: "swift")),
                .code(CodeBlock(text: "~~~\nplain")),
                .table(table),
                .table(Table(rows: [TableRow(cells: [TableCell(text: "Only")], isHeader: true)])),
                .paragraph(Paragraph(text: "After the table.")),
            ])
        for syntax in FrontMatterSyntax.allCases {
            let written = try write(original, syntax: syntax)
            let back = try article(text(written))
            #expect(back.body == original.body, "\(syntax):\n\(text(written))")
        }
    }
}

extension JSONValue {
    fileprivate var containsNull: Bool {
        switch self {
        case .null: return true
        case .array(let items): return items.contains { $0.containsNull }
        case .object(let fields): return fields.values.contains { $0.containsNull }
        default: return false
        }
    }

    /// The value without nulls (as TOML writes it), or `nil` for a null.
    fileprivate var withoutNulls: JSONValue? {
        switch self {
        case .null: return nil
        case .array(let items): return .array(items.compactMap(\.withoutNulls))
        case .object(let fields): return .object(fields.compactMapValues(\.withoutNulls))
        default: return self
        }
    }
}

// MARK: - The shared corpus

@Suite(
    "Real posts from static sites (../shared/corpus/thirdparty/markdown)",
    .enabled(if: TestPaths.shared != nil, Comment(rawValue: TestPaths.sharedMissing)))
struct SiteCorpusTests {
    static var posts: [URL] {
        guard let shared = TestPaths.shared else { return [] }
        return TestPaths.files(
            in: shared.appendingPathComponent("corpus/thirdparty/markdown"), extensions: ["md", "markdown", "html"])
    }

    /// A front-matter key's value, read from the file with a regular expression (independently of
    /// copydesk's parsers): `key: value`, `key = "value"`, quotes removed.
    static func field(_ key: String, in text: String) -> String? {
        let pattern = #"(?m)^\#(key)\s*[:=]\s*(.+)$"#
        guard let match = text.firstMatch(of: try! Regex(pattern)), let value = match.output[1].substring else {
            return nil
        }
        var result = String(value).trimmingCharacters(in: .whitespaces)
        if result.hasPrefix("["), result.hasSuffix("]") { result = String(result.dropFirst().dropLast()) }
        return result.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }

    @Test("Each post: its title, authors, date and body", arguments: posts)
    func post(_ url: URL) throws {
        let source = try String(contentsOf: url, encoding: .utf8)
        let bytes = Array(source.utf8)
        let format = try #require(try FormatRegistry.detect(path: url.path, bytes: bytes)?.format)
        #expect(format.name == "markdown", "\(url.lastPathComponent) detected as \(format.name)")
        let read = try Pipeline().read(ReaderInput(bytes: bytes, file: url.lastPathComponent), format: format)
        let post = try #require(read.articles.first)
        let name = url.lastPathComponent
        #expect(post.headline == Self.field("title", in: source), "\(name)")
        if let authors = Self.field("authors", in: source) ?? Self.field("author", in: source) {
            let names = post.bylines.flatMap { [$0.name, $0.raw ?? "", $0.role ?? ""] }.joined(separator: " ")
            for word in authors.split(whereSeparator: { !$0.isLetter }) {
                #expect(names.contains(word), "\(name): \(word) missing from \(names)")
            }
            #expect(!post.bylines.isEmpty, "\(name)")
        }
        if let date = Self.field("date", in: source) {
            #expect(post.published?.value?.iso8601.hasPrefix(String(date.prefix(10))) == true, "\(name)")
        } else {
            #expect(post.published != nil, "\(name): no date from the file name or URL")
        }
        // The body: every paragraph of prose in the file is there, and no front matter leaked into it.
        #expect(post.body.count >= 5, "\(name)")
        #expect(!post.body.contains { $0.plainText.hasPrefix("title") }, "\(name): front matter in the body")
        #expect(!post.body.contains { $0.plainText.hasPrefix("+++") || $0.plainText.hasPrefix("---") }, "\(name)")
    }
}
