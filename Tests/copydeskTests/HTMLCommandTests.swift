// copydesk — command-line tests
// `--to html` and `--html-fragment` as a user meets them: a page from a sample, read back; the fragment.

import ArticleTestSupport
import Foundation
import Testing

private let sample = TestPaths.packageRoot.appendingPathComponent("Samples/harbour-barrier.txt")

@Suite("copydesk convert --to html")
struct HTMLCommandTests {
    @Test("A sample to a page (-o, by the extension too) and back to JSON: the same headline, bylines, date and body")
    func pageAndBack() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("story.html")
        let written = try CommandRunner.run(["convert", sample.path, "-o", page.path])
        #expect(written.status == 0, "\(written.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"und\">"))
        #expect(html.contains("<h1>") && html.contains("\"@type\": \"NewsArticle\""))
        let direct = try CommandRunner.run(["convert", sample.path, "--to", "json"])
        let back = try CommandRunner.run(["convert", page.path, "--to", "json", "-v"])
        #expect(back.status == 0)
        #expect(back.stderr.contains("a page copydesk wrote"), "\(back.stderr)")
        let want = try #require(try JSONSerialization.jsonObject(with: Data(direct.stdout.utf8)) as? [String: Any])
        let got = try #require(try JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as? [String: Any])
        for key in ["headline", "subheadline", "published", "publishedText", "language"] {
            #expect(String(describing: got[key]) == String(describing: want[key]), "\(key)")
        }
        let names = { (object: [String: Any]) in (object["bylines"] as? [[String: Any]])?.map { $0["name"] as? String }
        }
        #expect(names(got) == names(want))
        let texts = { (object: [String: Any]) in (object["body"] as? [[String: Any]])?.map { $0["text"] as? String } }
        #expect(texts(got) == texts(want))
        let speakers = { (object: [String: Any]) in
            (object["quotes"] as? [[String: Any]])?.map { ($0["speaker"] as? [String: Any])?["name"] as? String }
        }
        #expect(speakers(got) == speakers(want))
        #expect(speakers(want)?.isEmpty == false)
    }

    @Test("--html-fragment writes the body alone; the options are in --help and formats lists html as written")
    func fragmentAndHelp() throws {
        let fragment = try CommandRunner.run(["convert", sample.path, "--to", "html", "--html-fragment"])
        #expect(fragment.status == 0)
        #expect(fragment.stdout.hasPrefix("<p>") && !fragment.stdout.contains("<html"))
        #expect(fragment.stdout.contains("<q data-quote=\"q1\""))
        let help = try CommandRunner.run(["convert", "--help"])
        #expect(help.stdout.contains("--html-fragment"))
        let formats = try CommandRunner.run(["formats"])
        let line = formats.stdout.split(separator: "\n").first { $0.hasPrefix("html ") }
        #expect(line?.contains("read, write") == true, "\(formats.stdout)")
    }
}
