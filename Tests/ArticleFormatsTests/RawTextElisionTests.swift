// copydesk — ArticleFormats tests
// Script and style bodies are emptied before libxml2 parses a page: the tree must be the same as
// from the original bytes, on pages written to trip the scanner and on every page of ../shared.

import ArticleTestSupport
import Foundation
import Testing

@testable import ArticleFormats

/// The differences between two parses of a page, described; empty when the trees are the same.
private func treeDifferences(_ left: HTMLDocument, _ right: HTMLDocument) -> [String] {
    guard left.nodes.count == right.nodes.count else {
        return ["\(left.nodes.count) nodes against \(right.nodes.count)"]
    }
    var differences: [String] = []
    for (index, (a, b)) in zip(left.nodes, right.nodes).enumerated() {
        let same =
            a.kind == b.kind && a.name == b.name && a.text == b.text && a.children == b.children
            && a.parent == b.parent && a.line == b.line && a.end == b.end && a.names == b.names
            && a.attributes.map(\.name) == b.attributes.map(\.name)
            && a.attributes.map(\.value) == b.attributes.map(\.value)
        if !same { differences.append("node \(index): <\(a.name)> line \(a.line) against <\(b.name)> line \(b.line)") }
        if differences.count == 3 { break }
    }
    if left.stoppedByDepth != right.stoppedByDepth { differences.append("stopped by depth differs") }
    return differences
}

/// Parses the page both ways and expects the same tree; returns the emptied bytes (nil: unchanged).
@discardableResult
private func checkSameTree(_ bytes: [UInt8], _ label: String) throws -> [UInt8]? {
    let elided = RawTextElision.elide(bytes)
    let plain = try HTMLDocument.parse(bytes, file: label, elidingRawText: false)
    let emptied = try HTMLDocument.parse(bytes, file: label, elidingRawText: true)
    let differences = treeDifferences(plain, emptied)
    #expect(differences.isEmpty, "\(label): \(differences.joined(separator: "; "))")
    return elided
}

private func elided(_ page: String) -> String? {
    RawTextElision.elide(Array(page.utf8)).map { String(decoding: $0, as: UTF8.self) }
}

@Suite("Script and style bodies emptied before parsing")
struct RawTextElisionTests {
    @Test("A script body keeps only its line breaks; JSON-LD and empty scripts are kept")
    func bodies() throws {
        #expect(
            elided("<p>a</p><script>var x = 1;\nvar y = '<b>';\n</script><p>b</p>")
                == "<p>a</p><script>\n\n</script><p>b</p>")
        #expect(
            elided("<style type=\"text/css\">p { color: red }</STYLE ><p>b</p>")
                == "<style type=\"text/css\"></STYLE ><p>b</p>")
        #expect(elided("<script type=\"application/ld+json\">{\"a\": 1}</script>") == nil)
        #expect(
            elided("<SCRIPT TYPE='APPLICATION/LD+JSON'>{}</SCRIPT><script>x</script>")
                == "<SCRIPT TYPE='APPLICATION/LD+JSON'>{}</SCRIPT><script></script>")
        #expect(elided("<script src=\"a.js\"></script><p>plain page</p>") == nil)
        // A body runs to the first </script, whatever is in it.
        #expect(elided("<script>document.write('<p>')</script>") == "<script></script>")
        #expect(elided("<script>if (a</b) {}</script>") == "<script></script>")
    }

    @Test("Markup around scripts is stepped over as libxml2 reads it")
    func markup() {
        // A `>` inside a quoted attribute value does not end the tag.
        #expect(elided("<a title=\"x > y\"><script>s</script></a>") == "<a title=\"x > y\"><script></script></a>")
        // `<script>` inside an attribute value or a comment is not a script.
        #expect(elided("<img alt=\"<script>\"><p>t</p>") == nil)
        #expect(elided("<!-- <script>x</script> --><p>t</p>") == nil)
        #expect(
            elided("<!--[if lt IE 9]><script src=\"h.js\"></script><![endif]--><script>x</script>")
                == "<!--[if lt IE 9]><script src=\"h.js\"></script><![endif]--><script></script>")
        // A self-closed script has no body (libxml2 closes it at `/>`); `src=a/>` is not self-closed.
        #expect(elided("<script src=\"a.js\"/><p>text</p>") == nil)
        #expect(elided("<script src=a/>x</script>") == "<script src=a/></script>")
        // `<scripts>` and `<stylesheet>` are other elements.
        #expect(elided("<scripts>a</scripts><stylesheet>b</stylesheet>") == nil)
        #expect(elided("<!DOCTYPE html><html><script>x</script>") == "<!DOCTYPE html><html><script></script>")
        #expect(
            elided("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x.dtd\"><script>x</script>")
                == "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x.dtd\"><script></script>")
        // An HTML template in a script is its text; junk after an end tag's name is stepped over.
        #expect(
            elided("<script type=\"text/template\"><div>{{x}}</div></script>")
                == "<script type=\"text/template\"></script>")
        #expect(elided("<p>a</p__x=\"y\"><script>x</script>") == "<p>a</p__x=\"y\"><script></script>")
    }

    @Test("Where the page could be read two ways, the rest is left as it is")
    func stops() {
        // An unterminated quote, comment or `--!>`.
        #expect(elided("<a title=\"open><script>x</script>") == nil)
        #expect(elided("<!-- open <script>x</script>") == nil)
        #expect(elided("<!-- a --!><script>x</script>") == nil)
        #expect(elided("<!--><script>x</script>") == nil)
        // A body that starts with an end tag or with a tag that may close the script, and a close
        // tag with more after its name.
        #expect(elided("<div><script></div></script>") == nil)
        #expect(elided("<script><body>x</script>") == nil)
        #expect(elided("<script>x</scriptx><script>y</script>") == nil)
        // What came before the stop is still emptied.
        #expect(elided("<script>x</script><!-- open") == "<script></script><!-- open")
    }

    @Test("The tree is the same as from the original bytes", arguments: HTMLTricks.pages)
    func sameTree(_ page: String) throws {
        try checkSameTree(Array(page.utf8), "trick")
    }

    @Test("The project's sample pages parse to the same tree")
    func samples() throws {
        let pages = TestPaths.files(in: TestPaths.packageRoot.appendingPathComponent("Samples"), extensions: ["html"])
        #expect(pages.count >= 2)
        for page in pages { try checkSameTree([UInt8](try Data(contentsOf: page)), page.lastPathComponent) }
    }

    @Test(
        "Every HTML page of ../shared parses to the same tree, and most have bodies emptied",
        .enabled(if: TestPaths.shared != nil, Comment(rawValue: TestPaths.sharedMissing)))
    func corpora() throws {
        let shared = try #require(TestPaths.shared)
        var pages: [URL] = []
        for folder in [
            "corpus/html", "corpus/html-more/google-trends-2017", "corpus/html-more/dragnet", "corpus/thirdparty/html",
            "corpus/thirdparty/repro",
        ] {
            pages += TestPaths.files(in: shared.appendingPathComponent(folder), extensions: ["html", "htm"])
        }
        #expect(pages.count >= 300)
        var emptied = 0
        for page in pages {
            let raw = [UInt8](try Data(contentsOf: page))
            let decoded = try HTMLEncoding.decode(
                raw, options: .default, file: page.path, knows: HTMLDocument.knowsEncoding)
            guard decoded.encoding == "UTF-8" else { continue }
            if try checkSameTree(decoded.bytes, page.lastPathComponent) != nil { emptied += 1 }
        }
        // Nearly every real page has scripts or styles; a scanner that stops early fails here.
        #expect(emptied * 10 >= pages.count * 9, "bodies emptied on \(emptied) of \(pages.count) pages")
    }
}

/// Pages with the constructs the scanner must read as libxml2 does.
enum HTMLTricks {
    static let pages = [
        "<html><head><script>var a = '</div>';</script></head><body><p>x</p></body></html>",
        "<p>a<script>\n\n1 < 2\n</script>b</p><style>\np{}\n</style><p>c</p>",
        "<div><script src=a/>x</script><p>after</p></div>",
        "<div><script src=\"a\" /><p>after</p></div>",
        "<div title=\"a > b\" data-x='<script>'><script>y</script>z</div>",
        "<div @click=\"a > b\"><script>y</script>z</div>",
        "<!--[if IE]><script>q</script><![endif]--><p>x</p><script>\nw</script>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x.dtd\"><p>a</p><script>s</script>",
        "<?xml version=\"1.0\"?><html><body><script>s</script><p>t</p></body></html>",
        "<p>1 </ 2 <3 <_x> </></p><script>s</script><p>z</p>",
        "<table><tr><td><script>document.write('<td>')</script></td></tr></table>",
        "<script>unterminated\n\nscript",
        "<p>x</p><SCRIPT LANGUAGE=\"javascript\">\n<!--\nalert(1)\n//-->\n</SCRIPT\n><p>y</p>",
        "<body><script>a</script ><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></body>",
        "<svg><style>.a{}</style><script>b</script></svg><p>t</p>",
        "<noscript><style>x</style></noscript><p>t</p>",
        "<div><script type=\"text/template\"><div class=\"a\"><%= x %></div></script><p>t</p></div>",
        "<div><script><span>x</span></script><p>t</p></div>",
        "<div><span>a</span__x=\"1\"><script>q</script><p>t</p></div>",
        "<!DOCTYPE html SYSTEM \"a>b\"><p>t</p><script>s</script>",
    ]
}
