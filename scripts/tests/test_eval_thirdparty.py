"""Tests of scripts/eval-thirdparty.py: what it reads from a source file, and how it judges copydesk.

Every document here is a few lines written for the test (no third-party text), so the tests run
without ../shared: `make test-scripts`, or `python3 -m unittest discover -s scripts/tests`.
"""

import importlib.util
import json
import os
import unittest

_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "eval-thirdparty.py")
_SPEC = importlib.util.spec_from_file_location("eval_thirdparty", _PATH)
ev = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(ev)

G2 = "http://iptc.org/std/nar/2006-10-01/"

NEWS_MESSAGE = f"""<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="{G2}">
  <header><sent>2024-01-02T10:00:00Z</sent></header>
  <itemSet>
    <newsItem guid="urn:test:text-1" xml:lang="en">
      <itemMeta>
        <itemClass qcode="ninat:text"/>
        <provider qcode="nprov:TST"><name>Test Wire</name></provider>
        <versionCreated>2024-01-02T09:00:00Z</versionCreated>
        <firstCreated>2024-01-02T03:04:05+01:00</firstCreated>
      </itemMeta>
      <contentMeta>
        <creator><name>smith.ann</name></creator>
        <creator><name>Dana Writer</name></creator>
        <contributor role="ctrol:editor"><name>Carl Editor</name></contributor>
        <headline role="hdlr:subheadline">A deck, not the headline</headline>
        <headline rank="2">Second rank</headline>
        <headline rank="1" xml:lang="de">Deutsche Schlagzeile</headline>
        <headline rank="1">Main headline</headline>
        <by>By Ann Smith and Bob Jones</by>
        <creditline>XYZ/abc</creditline>
      </contentMeta>
      <contentSet>
        <inlineXML contenttype="application/xhtml+xml">
          <html xmlns="http://www.w3.org/1999/xhtml">
            <head><title>Main headline</title></head>
            <body><p>First para<em>graph</em> here.</p><p>Second one.</p></body>
          </html>
        </inlineXML>
      </contentSet>
    </newsItem>
    <newsItem guid="urn:test:photo-1">
      <itemMeta><itemClass qcode="ninat:picture"/></itemMeta>
      <contentMeta><headline>A photo</headline></contentMeta>
      <contentSet><remoteContent contenttype="image/jpeg" href="photo.jpg"/></contentSet>
    </newsItem>
    <packageItem guid="urn:test:package-1"><itemMeta><itemClass qcode="ninat:composite"/></itemMeta></packageItem>
  </itemSet>
</newsMessage>
"""

NITF_IN_G2 = f"""<newsItem xmlns="{G2}" guid="urn:test:nitf-1">
  <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2024-02-03T12:00:00Z</versionCreated></itemMeta>
  <contentMeta/>
  <contentSet>
    <inlineXML contenttype="application/nitf+xml">
      <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
        <body>
          <body.head>
            <hedline><hl1>Harbour reopens</hl1></hedline>
            <byline>By Jane Roe, <byttl>Staff Writer</byttl></byline>
          </body.head>
          <body.content><p>The harbour reopened today.</p></body.content>
        </body>
      </nitf>
    </inlineXML>
  </contentSet>
</newsItem>
"""

NITF = """<?xml version="1.0" encoding="UTF-8"?>
<nitf>
  <head>
    <title>1 NEWS Slug</title>
    <docdata>
      <doc-id id-string="DOC-42"/>
      <date.issue norm="20151210T191044Z"/>
    </docdata>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Ferry fares rise</hl1></hedline>
      <byline>By JANE ROE<byttl>Transport Writer</byttl></byline>
      <byline>ab/cd</byline>
    </body.head>
    <body.content><block><p>Fares rise on Monday.</p><p>Passengers object.</p></block></body.content>
  </body>
</nitf>
"""


def article(**fields):
    """A canonical article as copydesk writes it, with only the fields a test needs."""
    base = {"headline": None, "bylines": [], "published": None, "source": {}, "body": []}
    base.update(fields)
    return base


def paragraph(text):
    return {"type": "paragraph", "text": text}


class NewsMLG2Tests(unittest.TestCase):
    def setUp(self):
        self.items, self.note = ev.read_source(NEWS_MESSAGE.encode("utf-8"))

    def test_items_of_a_news_message_and_their_kinds(self):
        self.assertEqual([(i.kind, i.id) for i in self.items], [
            ("article", "urn:test:text-1"), ("other", "urn:test:photo-1"), ("other", "urn:test:package-1")])
        self.assertIsNone(self.note)

    def test_headline_is_main_role_in_the_item_language_lowest_rank_first(self):
        self.assertEqual(self.items[0].headline, "Main headline")

    def test_bylines_people_and_credit(self):
        names = [n for n, _ in self.items[0].names]
        # by-line names, a creator that is a person (not a login, not an editor), the credit line's agencies;
        # the provider only stands in when there is no credit line.
        self.assertEqual(names, ["Ann Smith", "Bob Jones", "Dana Writer", "XYZ", "abc"])

    def test_date_falls_back_to_first_created(self):
        self.assertEqual(self.items[0].date, "2024-01-02T03:04:05+01:00")

    def test_body_is_the_xhtml_body_without_splitting_words_at_inline_markup(self):
        self.assertEqual(self.items[0].body, "First paragraph here. Second one.")

    def test_nitf_in_inline_xml(self):
        [item] = ev.read_source(NITF_IN_G2.encode("utf-8"))[0]
        self.assertEqual((item.kind, item.headline, item.body), ("article", "Harbour reopens", "The harbour reopened today."))
        self.assertEqual([n for n, _ in item.names], ["Jane Roe"])
        self.assertEqual(item.date, "2024-02-03T12:00:00Z")

    def test_a_bare_content_set_fragment_is_one_item(self):
        fragment = NITF_IN_G2[NITF_IN_G2.index("<contentSet>"):NITF_IN_G2.index("</contentSet>") + len("</contentSet>")]
        [item] = ev.read_source(fragment.encode("utf-8"))[0]
        self.assertEqual((item.kind, item.headline), ("article", "Harbour reopens"))

    def test_text_item_without_body_and_data_items(self):
        empty = f'<newsItem xmlns="{G2}" guid="g"><itemMeta><itemClass qcode="ninat:text"/></itemMeta>' \
                f'<contentMeta><headline>Only a headline</headline></contentMeta></newsItem>'
        self.assertEqual(ev.read_source(empty.encode())[0][0].kind, "textual")
        events = f'<newsItem xmlns="{G2}" guid="g"><itemMeta><itemClass qcode="ninat:composite"/></itemMeta>' \
                 f'<contentSet><inlineXML><events><event><name>A meeting</name></event></events></inlineXML></contentSet></newsItem>'
        self.assertEqual(ev.read_source(events.encode())[0][0].kind, "other")

    def test_inline_data_with_markup_labelled_plain_text(self):
        data = f'<newsItem xmlns="{G2}" guid="g"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentSet>' \
               f'<inlineData contenttype="text/plain"><![CDATA[<p>Rome (XX) - Words here.</p>]]></inlineData></contentSet></newsItem>'
        [item] = ev.read_source(data.encode())[0]
        self.assertEqual(item.body, "Rome (XX) - Words here.")


class NITFTests(unittest.TestCase):
    def test_headline_byline_id_date_body(self):
        [item] = ev.read_source(NITF.encode("utf-8"))[0]
        self.assertEqual(item.headline, "Ferry fares rise")  # hl1 before the title, which is a slug here
        self.assertEqual([n for n, _ in item.names], ["JANE ROE"])  # the title and an editor's sign-off are not names
        self.assertEqual((item.id, item.date), ("DOC-42", "20151210T191044Z"))
        self.assertEqual(item.body, "Fares rise on Monday. Passengers object.")

    def test_mislabelled_encoding_is_read_as_utf8(self):
        data = '<?xml version="1.0" encoding="iso-8859-1"?><nitf><body><body.content><p>En 30-årig kvinde</p>' \
               '</body.content></body></nitf>'.encode("utf-8")
        [item], note = ev.read_source(data)
        self.assertEqual(item.body, "En 30-årig kvinde")
        self.assertIn("UTF-8", note)

    def test_true_latin1_follows_its_declaration(self):
        data = '<?xml version="1.0" encoding="iso-8859-1"?><nitf><body><body.content><p>£25 à</p>' \
               '</body.content></body></nitf>'.encode("latin-1")
        [item], note = ev.read_source(data)
        self.assertEqual((item.body, note), ("£25 à", None))


class NinjsTests(unittest.TestCase):
    def test_ninjs_3(self):
        doc = {
            "uri": "urn:test:n3", "type": "text", "firstCreated": "2024-03-01T08:00:00+01:00",
            "versionCreated": "2024-03-01T09:00:00+01:00", "by": "Von Max Muster, xyz",
            "headlines": [{"role": "sub", "value": "Deck"}, {"role": "main", "value": "Main title"}],
            "bodies": [{"role": "teaser", "contentType": "text/plain", "value": "Teaser"},
                       {"role": "main", "contentType": "text/html", "value": "<p>Body <b>text</b></p><p>More.</p>"}],
            "people": [{"name": "Eva Author", "rel": "author"}, {"name": "Someone Mentioned", "rel": "mentions"}],
        }
        [item] = ev.read_source(json.dumps(doc).encode())[0]
        self.assertEqual((item.kind, item.id, item.headline), ("article", "urn:test:n3", "Main title"))
        self.assertEqual([n for n, _ in item.names], ["Max Muster", "xyz", "Eva Author"])
        self.assertEqual((item.date, item.body), ("2024-03-01T08:00:00+01:00", "Body text More."))

    def test_ninjs_1_in_an_envelope_and_pictures(self):
        doc = {"total": 2, "item": [
            {"guid": "g1", "type": "text", "headline": "Old style", "byline": "By Pat Lee",
             "versioncreated": "2017-08-24T04:38:34+0000", "body_html": "<p>Hello world.</p>"},
            {"guid": "g2", "type": "picture", "headline": "A photo", "body_text": "A caption"},
        ]}
        items = ev.read_source(json.dumps(doc).encode())[0]
        self.assertEqual([(i.kind, i.id) for i in items], [("article", "g1"), ("other", "g2")])
        self.assertEqual((items[0].headline, items[0].names[0][0], items[0].body), ("Old style", "Pat Lee", "Hello world."))

    def test_nitf_body_inside_ninjs(self):
        doc = {"uri": "u", "headlines": [{"role": "main", "value": "H"}], "bodies": [
            {"role": "nitf", "contentType": "text/vnd.IPTC.NITF", "value": NITF}]}
        [item] = ev.read_source(json.dumps(doc).encode())[0]
        self.assertEqual(item.body, "Fares rise on Monday. Passengers object.")


class OtherFormatsTests(unittest.TestCase):
    def test_markdown_yaml_and_toml_front_matter(self):
        yaml = "\n---\ntitle: \"A post\"\nauthor: Kim Park\ndate: 2020-05-06\n---\nSome [linked](http://x.example) *text*.\n"
        [item] = ev.read_source(yaml.encode())[0]
        self.assertEqual((item.headline, item.names[0][0], item.date), ("A post", "Kim Park", "2020-05-06"))
        self.assertEqual(ev.tokens(item.body), ["some", "linked", "text"])
        toml = '+++\ntitle = "Release"\nauthors = ["The Team"]\n[extra]\nx = 1\n+++\nBody.\n'
        [item] = ev.read_source(toml.encode())[0]
        self.assertEqual((item.headline, item.names[0][0]), ("Release", "The Team"))

    def test_markdown_json_front_matter(self):
        post = '{\n  "title": "Fares frozen",\n  "author": {"name": "Cleo Park"},\n  "date": "2024-06-01"\n}\n\nFares stay.\n'
        [item] = ev.read_source(post.encode())[0]
        self.assertEqual((item.headline, item.names[0][0], item.date), ("Fares frozen", "Cleo Park", "2024-06-01"))
        self.assertEqual(ev.tokens(item.body), ["fares", "stay"])
        # A JSON document alone is still read as JSON (ninjs), not as front matter.
        self.assertIsNone(ev._json_front_matter('{"uri": "u"}\n'))

    def test_markdown_body_as_the_generator_prints_it(self):
        body = "\n".join([
            "---", "title: T", "author:", "  name: Ana Ruiz", "---",
            "## Results {#results}", "A lead.", "{: .lead}", "Some *words*{: .x} here.", "{.note}",
            "```go-html-template", "x := 1", "```",
            '{{< figure src="/a.jpg" alt="Quay" caption="The quay" attr="Board" >}}',
            "{% highlight ruby linenos %}", "puts 1", "{% endhighlight %}",
            "{% comment %}", "hidden", "{% endcomment %}", "Shown {% raw %}{{ x }}{% endraw %}.",
        ])
        [item] = ev.read_source(body.encode())[0]
        self.assertEqual(item.names[0][0], "Ana Ruiz")
        self.assertEqual(ev.tokens(item.body), [
            "results", "a", "lead", "some", "words", "here", "x", "1", "quay", "the", "quay", "board",
            "puts", "1", "shown", "x"])

    def test_rss_items(self):
        rss = """<rss version="2.0"><channel><title>Feed</title>
          <item><title>One</title><guid>id-1</guid><author>a@example.com (Ann Lee)</author>
            <pubDate>Tue, 03 Jun 2003 09:39:21 GMT</pubDate><description>&lt;p&gt;First &lt;b&gt;story&lt;/b&gt;&lt;/p&gt;</description></item>
          <item><title>Two</title><guid>id-2</guid></item>
        </channel></rss>"""
        items = ev.read_source(rss.encode())[0]
        self.assertEqual([(i.kind, i.id) for i in items], [("article", "id-1"), ("textual", "id-2")])
        self.assertEqual((items[0].names[0][0], items[0].body), ("Ann Lee", "First story"))

    def test_wordpress_export_posts_only(self):
        wxr = """<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"
              xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Blog</title>
          <item><title>Post</title><content:encoded>Text.</content:encoded><wp:post_type>post</wp:post_type></item>
          <item><title>About</title><content:encoded>A page.</content:encoded><wp:post_type>page</wp:post_type></item>
          <item><title>img.jpg</title><wp:post_type>attachment</wp:post_type></item>
        </channel></rss>"""
        items = ev.read_source(wxr.encode())[0]
        self.assertEqual([i.kind for i in items], ["article", "other", "other"])
        # Another feed's wp: prefix is not WordPress's export namespace.
        other = """<rss version="2.0" xmlns:wp="http://example.com/wp-namespace"><channel>
          <item><title>A</title><description>Text.</description><wp:post_type>page</wp:post_type></item></channel></rss>"""
        self.assertEqual([i.kind for i in ev.read_source(other.encode())[0]], ["article"])


class HelperTests(unittest.TestCase):
    def test_dates(self):
        when = ev.parse_when
        self.assertEqual(when("20151210T191044Z"), when("2015-12-10T19:10:44+00:00"))
        self.assertEqual(when("2017-10-11T10:41:00+0100").offset, 60)
        self.assertEqual(when("2013-03-04T11:14:13.000Z").time, (11, 14, 13))
        self.assertIsNone(when("2013-02-16T17:36:20").offset)
        self.assertEqual(when("Tue, 03 Jun 2003 09:39:21 GMT").day.isoformat(), "2003-06-03")
        self.assertIsNone(when("sometime in May"))
        same = ev.same_when
        self.assertTrue(same(when("2016-10-18T13:12:21-05:00"), when("2016-10-18T18:12:21Z")))   # one instant
        self.assertFalse(same(when("2016-10-18T13:12:21-05:00"), when("2016-10-18T13:12:21Z")))
        self.assertTrue(same(when("2018-12-31"), when("2018-12-31T00:00:00Z")))                  # a date alone
        self.assertTrue(same(when("2013-02-16T17:36:20"), when("2013-02-16T17:36:00+02:00")))   # no offset: wall clock

    def test_names(self):
        self.assertEqual(ev.byline_names("Von Max Muster, xyz"), ["Max Muster", "xyz"])
        self.assertEqual(ev.byline_names("Wire, JAN 05"), ["Wire"])
        self.assertEqual(ev.byline_names("ab/cd"), [])
        self.assertEqual(ev.byline_names("By Ana Lopez y Luis Gil"), ["Ana Lopez", "Luis Gil"])
        self.assertEqual(ev.byline_names("Robert E. Lee"), ["Robert E. Lee"])
        self.assertEqual(ev.credit_names("ABC–XYZ"), ["ABC", "XYZ"])
        self.assertEqual(ev.credit_names("ABC–"), ["ABC"])
        self.assertTrue(ev.looks_like_person("Kim Park"))
        for login in ("doe.jane", "jdoe", "ab/cd", "JKL", "XYZ/"):
            self.assertFalse(ev.looks_like_person(login), login)

    def test_headline_normalisation(self):
        self.assertEqual(ev.norm_headline('Council backs “green” plan – now'),
                         ev.norm_headline('council backs  "green" plan - NOW'))


class JudgingTests(unittest.TestCase):
    def setUp(self):
        self.items = ev.read_source(NEWS_MESSAGE.encode("utf-8"))[0]
        self.good = article(
            headline="Main Headline", published="2024-01-02T02:04:05Z",
            bylines=[{"name": "Ann Smith", "raw": "By Ann Smith and Bob Jones"}, {"name": "Writer Dana"}],
            source={"credit": "XYZ/abc", "id": "urn:test:text-1"},
            body=[paragraph("First paragraph here."), paragraph("Second one.")])

    def run_of(self, status, *articles, stderr=""):
        return ev.Run(status, "\n".join(json.dumps(a) for a in articles), stderr)

    def test_right_article(self):
        records = ev.judge_file("newsml", "msg.xml", self.run_of(0, self.good), self.items, None)
        self.assertEqual([r["verdict"] for r in records], ["right"])
        self.assertEqual(records[0]["key"], "msg.xml#1")

    def test_each_check_reports_what_it_wanted(self):
        bad = dict(self.good, headline="Another", published="2024-01-03", bylines=[], source={},
                   body=[paragraph("First paragraph.")])
        [record] = ev.judge_file("newsml", "msg.xml", self.run_of(0, bad), self.items, None)
        self.assertEqual(record["verdict"], "wrong")
        self.assertEqual(record["checks"], {"headline": False, "byline": False, "date": False, "body": False})
        self.assertIn("want «Main headline» got «Another»", record["reasons"][0])
        self.assertAlmostEqual(record["recall"], 0.4)  # 2 of 5 words

    def test_pairs_by_source_id_before_words(self):
        photo = article(headline="A photo", source={"id": "urn:test:photo-1"})
        records = ev.judge_file("newsml", "msg.xml", self.run_of(0, photo, self.good), self.items, None)
        self.assertEqual(records[0]["verdict"], "right")

    def test_refused_crashed_empty(self):
        refused = ev.judge_file("newsml", "m.xml", self.run_of(2, stderr="m.xml: error: cannot read"), self.items, None)
        self.assertEqual((refused[0]["verdict"], refused[0]["reasons"]), ("refused", ["exit 2: cannot read"]))
        self.assertEqual(ev.judge_file("newsml", "m.xml", self.run_of(-11), self.items, None)[0]["verdict"], "crash")
        self.assertEqual(ev.judge_file("newsml", "m.xml", self.run_of(70), self.items, None)[0]["verdict"], "crash")
        empty = dict(self.good, body=[])
        self.assertEqual(ev.judge_file("newsml", "m.xml", self.run_of(0, empty), self.items, None)[0]["verdict"], "empty")

    def test_a_lone_photo_wants_a_clear_error_not_an_empty_article(self):
        photo = [i for i in self.items if i.kind == "other"][:1]
        judge = ev.judge_file
        self.assertEqual(judge("newsml", "p.xml", self.run_of(0, article(headline="A photo")), photo, None)[0]["verdict"],
                         "empty-article")
        self.assertEqual(judge("newsml", "p.xml", self.run_of(2, stderr="error: not an article"), photo, None)[0]["verdict"], "ok")
        self.assertEqual(judge("newsml", "p.xml", self.run_of(2), photo, None)[0]["verdict"], "silent")


if __name__ == "__main__":
    unittest.main()
