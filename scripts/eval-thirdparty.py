#!/usr/bin/env python3
"""copydesk — score the wire-format readers on real third-party files, independently of copydesk.

Usage (through scripts/eval-thirdparty.sh, which `make eval-thirdparty` runs):

    scripts/eval-thirdparty.py [COPYDESK_BINARY] [--collections newsml,nitf,ninjs,feeds,markdown]
                               [--corpus DIR] [--worst N] [--verbose] [--json FILE] [--jobs N] [--timeout S]

The binary is the first argument, else $COPYDESK, else .build/release/copydesk. The corpus is
--corpus, else $SHARED/corpus/thirdparty (SHARED defaults to ../shared next to the repository): a
folder with one sub-folder per collection (newsml/, nitf/, ninjs/, feeds/, markdown/), so the
held-out half of the collection is scored with `--corpus` and the same rules.

For every file, `copydesk convert FILE --to ndjson` runs as a user would run it, with no --from
(the format must be recognised by its content), and its exit status, standard output and standard
error are kept. Apart from copydesk, this script reads the same file with Python's standard library
(xml.etree, json, html.parser) by the standards' general rules, and lists what the file holds:

- NewsML-G2: every item (alone, inside newsMessage/itemSet, or a bare fragment such as a
  contentSet). A newsItem is an *article* when its contentSet has inlineXML holding XHTML or NITF,
  or inlineData holding text or HTML, with words in it; a text item with none is a *text item
  without a body*; photos, videos, graphics, packages, concept, knowledge and planning items and
  inline data of other vocabularies (events, SportsML) are *not articles*. NewsML 1.x files
  (NewsItem/NewsComponent/ContentItem/DataContent) are read too.
- NITF 3.x (alone, or inside inlineXML, or as a ninjs body), ninjs 1.x–3.x (also wrapped in an
  API envelope), RSS 2.0/1.0, Atom and WordPress exports (one article per item or entry; an export's
  pages, attachments and menu entries are not articles: only `wp:post_type` post), and
  Markdown with YAML, TOML or JSON front matter (its body read as the site generator prints it:
  a Hugo figure as its caption, fence info strings, Liquid's raw/highlight/comment tags and
  kramdown's attribute lists are no words of the story).

Each article found is paired with an article of copydesk's output (by `source.id` against the
item's guid, ninjs uri, NITF doc-id or feed id; else by the closest words) and checked four ways:

- headline: the same text, case, spacing and quotation-mark style aside (a source without one
  accepts anything);
- byline/credit: every personal name and agency of the source's by-lines and credit line appears
  among copydesk's bylines (name, raw, role, affiliation) or source.credit/publisher (the words of
  one of them, in any order and case; a source without one accepts anything);
- date: the same instant; the same calendar day when one side has only a date; the same wall-clock
  time when one side has no UTC offset (a source without one accepts anything);
- body: token recall of copydesk's text against the source body >= 0.95 (tokens: lowercase words;
  copydesk's text is its body blocks plus what a reader rightly lifts out of a body: headline,
  subheadline, dateline, bylines, keywords, printed dates). Precision is reported too.

An article is *right* when all four hold. Other verdicts: *refused* (copydesk exits non-zero on a
file holding an article), *crash* (exit status 70 or more, a signal, or the time limit), *empty*
(exit 0 but the paired article's body holds no words), *missing* (exit 0 but no output article pairs
with it), *unreadable* (exit 0 but standard output is not NDJSON). Files holding no article are
checked for no crash, and a file holding only non-article items for a clear error (non-zero exit
with a message) or an article that is not empty, never exit 0 with an empty article.

The script measures; it does not gate. Exit status: 0 after a run, 2 when the corpus or the binary
is missing, 1 when the script itself fails.
"""

import argparse
import codecs
import collections
import concurrent.futures
import dataclasses
import datetime as dt
import email.utils
import html
import html.entities
import html.parser
import json
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLLECTIONS = ["newsml", "nitf", "ninjs", "feeds", "markdown"]
RECALL_NEEDED = 0.95
CUT = 60

# MARK: - Text helpers


def cut(text, width=CUT):
    """`text` on one line, cut to `width` characters with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def clean(text):
    """Whitespace collapsed; None for None."""
    return None if text is None else " ".join(text.split())


def tokens(text):
    """Lowercase words (letters and digits), after HTML entities left in the text are decoded:
    some wire files escape their text twice (`&amp;#39;`), which a reader may rightly undo."""
    text = unicodedata.normalize("NFKC", html.unescape(text or ""))
    return re.findall(r"[^\W_]+", text.casefold())


QUOTES = "\"'`´“”„‟«»‘’‚‛‹›「」『』"
DASHES = "‐‑‒–—―−"


def norm_headline(text):
    """A headline compared: NFKC, casefolded, quotation marks of any style removed, dashes made one,
    whitespace collapsed."""
    text = unicodedata.normalize("NFKC", html.unescape(text or "")).casefold()
    text = "".join("" if c in QUOTES else "-" if c in DASHES else c for c in text)
    return " ".join(text.split())


# Elements that start a new line of text (XHTML and NITF blocks); anything else is read inline, so
# that `<em>` inside a word does not split it.
BLOCK_TAGS = {
    "address", "article", "aside", "block", "blockquote", "body", "body.content", "body.end", "body.head",
    "br", "caption", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hedline", "hl1", "hl2", "hr", "li", "main", "media", "media-caption",
    "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    "abstract", "byline", "dateline", "tagline", "bibliography", "fn", "note", "nitf-table",
}
# Elements whose text is no part of a body (an XHTML document's head holds its title).
SKIP_TAGS = {"script", "style", "head"}


def local(tag):
    """The local name of an ElementTree tag ('' for comments and processing instructions)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element, name):
    return [] if element is None else [c for c in element if local(c.tag) == name]


def child(element, name):
    found = children(element, name)
    return found[0] if found else None


def descendants(element, name):
    return [] if element is None else [d for d in element.iter() if local(d.tag) == name]


def xml_text(element, skip=frozenset(SKIP_TAGS)):
    """The text of an element, a space around every block element, whitespace collapsed."""
    if element is None:
        return ""
    parts = []

    def walk(node, parent=""):
        name = local(node.tag)
        if name in skip:
            return
        # A page header's <time> is the item's date printed for a page, not body text.
        if name == "time" and parent == "header":
            return
        block = name in BLOCK_TAGS
        if block:
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        for sub in node:
            walk(sub, name)
            if sub.tail:
                parts.append(sub.tail)
        if block:
            parts.append(" ")

    walk(element)
    return " ".join("".join(parts).split())


class _HTMLText(html.parser.HTMLParser):
    """The text of an HTML fragment, a space around every block element, scripts and styles left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_text(markup):
    parser = _HTMLText()
    parser.feed(markup or "")
    parser.close()
    return " ".join("".join(parser.parts).split())


def looks_like_markup(text):
    """Text that holds HTML tags (a CDATA body labelled text/plain often does)."""
    return bool(re.search(r"<(p|br|div|span|b|i|em|strong|a|h[1-6]|ul|ol|li|table)\b[^>]*>", text or "", re.I))


# MARK: - Reading XML the way a careful reader should


def decode_xml(data):
    """The document as text, and a note when its declaration names the wrong encoding.

    A byte-order mark wins; else a declared single-byte encoding is honoured unless the bytes are
    valid UTF-8 holding multi-byte characters, which no Latin-1 text produces by chance: such a file
    was written in UTF-8 and mislabelled (the text reads as mojibake the other way)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec), None
    match = re.match(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)", data)
    declared = match.group(1).decode("ascii").lower() if match else "utf-8"
    try:
        as_utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    if declared.replace("_", "-") in ("utf-8", "utf8"):
        return (as_utf8 if as_utf8 is not None else data.decode("utf-8", "replace")), None
    if as_utf8 is not None and any(b > 127 for b in data):
        return as_utf8, "declares %s but is UTF-8 (read as UTF-8)" % declared
    try:
        return data.decode(declared, "replace"), None
    except LookupError:
        return data.decode("utf-8", "replace"), "declares an unknown encoding %s" % declared


_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}


def parse_xml(data):
    """(root element, note). Expat does not know HTML's named entities (`&nbsp;` in XHTML without a
    DTD); when the first parse fails on one, they are replaced by their characters and it tries again."""
    text, note = decode_xml(data)
    try:
        return ET.fromstring(text), note
    except ET.ParseError as error:
        if "undefined entity" not in str(error):
            raise

    def entity(match):
        name = match.group(1)
        if name in _XML_ENTITIES:
            return match.group(0)
        return html.entities.html5.get(name + ";", match.group(0))

    return ET.fromstring(re.sub(r"&([A-Za-z][A-Za-z0-9]*);", entity, text)), note


# MARK: - Dates


@dataclasses.dataclass(frozen=True)
class When:
    """A date as the text gives it: the day, the time when given, the UTC offset in minutes when given."""

    day: dt.date
    time: tuple = None  # (hour, minute, second)
    offset: int = None

    def instant(self):
        hour, minute, second = self.time
        naive = dt.datetime(self.day.year, self.day.month, self.day.day, hour, minute, second)
        return naive - dt.timedelta(minutes=self.offset)


_ISO = re.compile(
    r"^(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[T ]\s*(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$", re.I)


def parse_when(text):
    """A When from ISO 8601 (extended or basic, `T` or a space, fractions, `Z`, `+hh:mm`, `+hhmm`,
    `+hh`) or RFC 822 (feeds); None when the text is not a date."""
    text = (text or "").strip()
    if not text:
        return None
    match = _ISO.match(text)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError:
            return None
        if hour is None:
            return When(date)
        if int(hour) > 23 or int(minute) > 59 or int(second or 0) > 60:
            return None
        time = (int(hour), int(minute), min(int(second or 0), 59))  # a leap second read as :59
        offset = None
        if zone:
            if zone.upper() in ("Z", "UTC", "GMT"):
                offset = 0
            else:
                digits = zone[1:].replace(":", "")
                offset = int(digits[:2]) * 60 + (int(digits[2:4]) if len(digits) >= 4 else 0)
                offset = -offset if zone[0] == "-" else offset
        return When(date, time, offset)
    parsed = email.utils.parsedate_tz(text)
    if parsed:
        year, month, day, hour, minute, second = parsed[:6]
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None
        offset = None if parsed[9] is None else parsed[9] // 60
        return When(date, (hour, minute, second), offset)
    return None


def same_when(want, got):
    """The same instant; the same day when either has only a date; the same wall-clock minute when
    either has no offset."""
    if want.time is None or got.time is None:
        return want.day == got.day
    if want.offset is not None and got.offset is not None:
        return abs((want.instant() - got.instant()).total_seconds()) < 60
    return want.day == got.day and want.time[:2] == got.time[:2]


# MARK: - Names in by-lines and credit lines

# The word a by-line opens with, in the languages of the wire (By, Von, Par, Por, Av, Door, Af).
_BY_WORD = re.compile(r"^\s*(by|von|par|por|av|door|af)\s+(?=\S)", re.I)
# Separators between the names of a by-line: punctuation, a spaced dash, and "and" in several languages.
_NAME_SEP = re.compile(r"\s*(?:[,;|/&+]|\s[-–—]\s|\b(?i:and|und|et|og|och|ja)\b|\b[ye]\b(?!\.))\s*")
# An editor's sign-off (`ab/cd`): lowercase initials, not a by-line.
_SIGN_OFF = re.compile(r"^[a-z]{1,4}(?:/[a-z]{1,4})+$")


def byline_names(text):
    """The names a printed by-line holds (`Von Max Muster, xyz` → Max Muster, xyz): the
    leading By word and parts with digits (dates, times) left out, a sign-off of initials ignored."""
    text = clean(text) or ""
    if not text or _SIGN_OFF.match(text):
        return []
    text = _BY_WORD.sub("", text)
    names = []
    for part in _NAME_SEP.split(text):
        part = part.strip(" .:-–—()[]")
        if part and re.search(r"[^\W\d_]", part) and not re.search(r"\d", part):
            names.append(_BY_WORD.sub("", part))
    return names


def credit_names(text):
    """The agencies of a credit line (`ABC–XYZ` → ABC, XYZ; `xyz/ab` → xyz, ab): split at slashes
    and dashes, trailing dashes dropped."""
    text = clean(text) or ""
    parts = re.split(r"\s*[/,;|–—]\s*|\s+-\s+", text)
    return [p.strip(" -.") for p in parts if re.search(r"[^\W\d_]", p or "")]


def looks_like_person(name):
    """A data field's name that reads as a person's name: two or more words of letters, no digits,
    no address or login (`doe.jane`, `jdoe`, `ab/cd`, `JKL` are not)."""
    name = clean(name) or ""
    if not name or re.search(r"[\d@/_\\]", name):
        return False
    words = [w for w in re.split(r"[\s,]+", name) if w]
    return len(words) >= 2 and all(re.search(r"[^\W\d_]", w) for w in words)


# A creator's or contributor's role that does not write the story (photographer, caption writer, editor…).
_NOT_AUTHOR_ROLE = re.compile(r"phot|camera|video|graphic|illustr|capwriter|descrwriter|caption|edit|translat|produc", re.I)
_AUTHOR_ROLE = re.compile(r"author|writer|reporter|correspondent|creator|byline", re.I)


# MARK: - What a source file holds


@dataclasses.dataclass
class Item:
    """One item of a source file, as this script reads it."""

    index: int                      # 1-based position among the file's items
    kind: str                       # "article", "textual" (a text item without a body) or "other"
    what: str                       # e.g. "newsItem text, XHTML body", for reports
    id: str = None
    headline: str = None
    alt_headlines: list = dataclasses.field(default_factory=list)
    names: list = dataclasses.field(default_factory=list)   # (name, where) pairs to find in copydesk's bylines
    date: str = None
    alt_dates: list = dataclasses.field(default_factory=list)
    body: str = ""


def _first_text(elements):
    for element in elements:
        text = xml_text(element, skip=frozenset())
        if text:
            return text
    return None


# NewsML-G2 -------------------------------------------------------------------------------------

G2_ITEMS = {"newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"}
MEDIA_CLASSES = {"picture", "video", "audio", "graphic", "animation", "photo", "image"}
XHTML_ROOTS = {"html", "body", "div", "section", "article", "p", "h1", "h2", "h3", "ul", "ol", "table", "pre", "blockquote"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _qcode_name(qcode):
    """`ninat:text` → text."""
    return (qcode or "").rsplit(":", 1)[-1].rsplit("/", 1)[-1].lower()


def _is_main_role(role):
    """A headline with no role or the main one (`hdlr:main`, any scheme ending in :main)."""
    return not role or _qcode_name(role) == "main"


def _lang_matches(tag, language):
    return not tag or not language or tag.lower().split("-")[0] == language.lower().split("-")[0]


def g2_items(root):
    """The items of a NewsML-G2 document: the root item, the items of a newsMessage, or a fragment
    (a bare contentSet) holding inline content, read as one item."""
    if local(root.tag) in G2_ITEMS:
        return [root]
    found, stack = [], [root]
    while stack:
        node = stack.pop(0)
        for sub in node:
            if local(sub.tag) in G2_ITEMS:
                found.append(sub)
            else:
                stack.append(sub)
    if found:
        return found
    if any(local(e.tag) in ("inlineXML", "inlineData") for e in root.iter()):
        return [root]
    return []


def g2_body(item):
    """(body text, form, NITF element or None, XHTML title or None) of a NewsML-G2 item: the first
    inline rendition with words in it. Form names what held it ("XHTML", "NITF", "inlineData
    text/plain", or the unknown vocabulary's root element)."""
    sets = [item] if local(item.tag) == "contentSet" else children(item, "contentSet")
    other_form = None
    for content_set in sets:
        for inline in content_set:
            name, ctype = local(inline.tag), (inline.get("contenttype") or "").lower()
            if name == "inlineXML":
                roots = [c for c in inline if isinstance(c.tag, str)]
                if not roots:
                    continue
                root = roots[0]
                rname, namespace = local(root.tag), root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
                if rname == "nitf":
                    text = xml_text(child(child(root, "body"), "body.content"))
                    if text:
                        return text, "NITF", root, None
                elif rname in XHTML_ROOTS or "xhtml" in namespace or "html" in ctype:
                    body = child(root, "body") if rname == "html" else None
                    text = xml_text(body if body is not None else root)
                    title = _first_text(children(child(root, "head"), "title")) if rname == "html" else None
                    if text:
                        return text, "XHTML", None, title
                else:
                    other_form = other_form or rname
            elif name == "inlineData":
                raw = inline.text or ""
                text = html_text(raw) if ("html" in ctype or looks_like_markup(raw)) else clean(raw)
                if text:
                    return text, "inlineData " + (ctype or "text"), None, None
    return "", other_form, None, None


def nitf_headline(nitf):
    """hl1 of body.head's hedline (or `headline`, as AP writes it)."""
    head = child(child(nitf, "body"), "body.head")
    for holder in children(head, "hedline") + children(head, "headline"):
        text = _first_text(children(holder, "hl1"))
        if text:
            return text
    return None


def nitf_bylines(nitf):
    """The names of body.head's bylines: its `person` elements, else its text without the title
    (`byttl`) and the leading By."""
    names = []
    for byline in children(child(child(nitf, "body"), "body.head"), "byline"):
        persons = [xml_text(p) for p in descendants(byline, "person") if xml_text(p)]
        if persons:
            names += persons
        else:
            names += byline_names(xml_text(byline, skip=frozenset({"byttl"})))
    return names


def read_nitf(nitf, index=1):
    """One Item from a NITF document."""
    head, body = child(nitf, "head"), child(nitf, "body")
    hl1, title = nitf_headline(nitf), _first_text(children(head, "title"))
    doc_id = next((d.get("id-string") for d in descendants(head, "doc-id") if d.get("id-string")), None)
    issue = next((d.get("norm") for d in descendants(head, "date.issue") if d.get("norm")), None)
    published = next((d.get("date.publication") for d in descendants(head, "pubdata") if d.get("date.publication")), None)
    text = xml_text(child(body, "body.content"))
    return Item(
        index=index, kind="article" if text else "textual", what="NITF" + ("" if text else ", no body.content text"),
        id=doc_id, headline=hl1 or title,
        names=[(n, "byline") for n in nitf_bylines(nitf)],
        date=issue or published, alt_dates=[published] if issue and published else [], body=text)


def read_g2(root):
    """The Items of a NewsML-G2 document."""
    items = []
    for index, item in enumerate(g2_items(root), 1):
        name = local(item.tag)
        item_meta, meta = child(item, "itemMeta"), child(item, "contentMeta")
        item_class = _qcode_name((child(item_meta, "itemClass") is not None and child(item_meta, "itemClass").get("qcode")) or "")
        language = item.get(XML_LANG) or next((l.get("tag") for l in children(meta, "language") if l.get("tag")), None)
        text, form, nitf, xhtml_title = g2_body(item) if name == "newsItem" or name not in G2_ITEMS else ("", None, None, None)
        what = name + (" " + item_class if item_class else "") + (", %s body" % form if form else "")
        if name in G2_ITEMS and name != "newsItem":
            kind = "other"      # packages, concept, knowledge and planning items
        elif item_class in MEDIA_CLASSES:
            kind = "other"      # photos, videos, audio, graphics, whatever text they carry
        elif text:
            kind = "article"
        elif item_class in ("", "text") and name == "newsItem":
            kind = "textual"    # a text item with no words in a body (empty inlineXML, SportsML data…)
        else:
            kind = "other"      # composite items of events or data; fragments without words

        # Headline: a main headline, in the item's language when several languages are given, lowest rank first.
        heads = [h for h in children(meta, "headline") if _is_main_role(h.get("role")) and xml_text(h)]
        in_language = [h for h in heads if _lang_matches(h.get(XML_LANG), language)]
        heads = sorted(in_language or heads, key=lambda h: int(h.get("rank")) if (h.get("rank") or "").isdigit() else 0)
        alternatives = [t for t in (nitf_headline(nitf) if nitf is not None else None, xhtml_title) if t]
        headline = xml_text(heads[0]) if heads else (alternatives[0] if alternatives else None)

        # By-lines as printed, creators and contributors that are people, a NITF body's byline; the credit line.
        names = [(n, "by") for by in children(meta, "by") for n in byline_names(xml_text(by))]
        for party in children(meta, "creator") + children(meta, "contributor"):
            role = party.get("role") or ""
            if _NOT_AUTHOR_ROLE.search(role) or (local(party.tag) == "contributor" and role and not _AUTHOR_ROLE.search(role)):
                continue
            person = _first_text(children(party, "name")) or party.get("literal")
            if looks_like_person(person):
                names.append((clean(person), local(party.tag)))
        if nitf is not None:
            names += [(n, "NITF byline") for n in nitf_bylines(nitf)]
        credits = [c for line in children(meta, "creditline") for c in credit_names(xml_text(line))]
        if credits:
            names += [(c, "creditline") for c in credits]
        else:
            for provider in children(item_meta, "provider"):
                value = _first_text(children(provider, "name")) or provider.get("literal")
                if value:
                    names.append((clean(value), "provider"))
        seen, unique = set(), []
        for name_, where in names:
            if name_.casefold() not in seen:
                seen.add(name_.casefold())
                unique.append((name_, where))

        # Date: contentCreated, else firstCreated, else versionCreated, else embargoed (the first readable).
        def value(parent, tag):
            return next((xml_text(e) for e in children(parent, tag) if parse_when(xml_text(e))), None)

        candidates = [value(meta, "contentCreated"), value(item_meta, "firstCreated"),
                      value(item_meta, "versionCreated"), value(item_meta, "embargoed")]
        if nitf is not None:
            candidates.append(next((d.get("norm") for d in descendants(nitf, "date.issue") if d.get("norm")), None))
        date = next((c for c in candidates if c), None)
        alt_dates = [c for c in candidates[:2] if c and c != date]

        items.append(Item(
            index=index, kind=kind, what=what, id=item.get("guid"), headline=headline,
            alt_headlines=[a for a in alternatives if a != headline], names=unique, date=date,
            alt_dates=alt_dates, body=text))
    return items


def read_newsml1(root):
    """The Items of a NewsML 1.x document: each NewsItem's NewsLines and the text of its DataContent."""
    items = []
    for index, news_item in enumerate(descendants(root, "NewsItem"), 1):
        lines = descendants(news_item, "NewsLines")
        headline = _first_text(d for n in lines for d in descendants(n, "HeadLine"))
        names = [(n, "ByLine") for l in lines for b in descendants(l, "ByLine") for n in byline_names(xml_text(b))]
        names += [(c, "CreditLine") for l in lines for b in descendants(l, "CreditLine") for c in credit_names(xml_text(b))]
        dates = [xml_text(d) for tag in ("FirstCreated", "ThisRevisionCreated") for d in descendants(news_item, tag)]
        texts = []
        for content in descendants(news_item, "ContentItem"):
            media = child(content, "MediaType")
            if media is not None and (media.get("FormalName") or "").lower() != "text":
                continue
            for data in children(content, "DataContent"):
                nitf = next((n for n in data.iter() if local(n.tag) == "nitf"), None)
                texts.append(xml_text(child(child(nitf, "body"), "body.content")) if nitf is not None else xml_text(data))
        text = " ".join(t for t in texts if t)
        identifier = _first_text(descendants(news_item, "PublicIdentifier"))
        items.append(Item(
            index=index, kind="article" if text else "other", what="NewsML 1.x NewsItem", id=identifier,
            headline=headline, names=names, date=next((d for d in dates if parse_when(d)), None), body=text))
    return items


# ninjs -----------------------------------------------------------------------------------------

NINJS_KEYS = {"headline", "headlines", "bodies", "body_html", "body_text", "body_xhtml", "versioncreated",
              "versionCreated", "firstcreated", "firstCreated", "byline", "by"}
NINJS_MEDIA = {"picture", "video", "audio", "graphic"}


def ninjs_items(value, depth=0):
    """The ninjs items of a JSON document: the document, the items of a list, or the items an API
    envelope wraps (`{"item": …}`, `{"data": {"item": …}}`); associations are parts, not items."""
    if depth > 4:
        return []
    if isinstance(value, list):
        return [found for v in value for found in ninjs_items(v, depth + 1)]
    if not isinstance(value, dict):
        return []
    if len(NINJS_KEYS & set(value)) >= 2 or (("uri" in value or "guid" in value) and NINJS_KEYS & set(value)):
        return [value]
    return [found for key, v in value.items() if key != "associations" for found in ninjs_items(v, depth + 1)]


def _get(obj, *names):
    """The first non-empty value among property names (ninjs 1.x/2.x lowercase, 3.x camelCase)."""
    for name in names:
        value = obj.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def ninjs_body(obj):
    """(text, form): `bodies` (3.x/2.x: role main first, NITF, HTML or plain text by content type),
    else body_html, body_xhtml, body_text (1.x)."""
    bodies = [b for b in obj.get("bodies") or [] if isinstance(b, dict) and b.get("value")]
    if bodies:
        main = [b for b in bodies if (b.get("role") or "").lower() == "main"] or bodies
        body = main[0]
        ctype = (body.get("contentType") or body.get("contenttype") or "").lower()
        value = body["value"]
        if "nitf" in ctype or re.match(r"\s*(<\?xml[^>]*>\s*)?<nitf\b", value):
            try:
                root, _ = parse_xml(value.encode("utf-8"))
                return xml_text(child(child(root, "body"), "body.content")), "bodies NITF"
            except ET.ParseError:
                return html_text(value), "bodies NITF (not well-formed)"
        if "html" in ctype or looks_like_markup(value):
            return html_text(value), "bodies " + (ctype or "HTML")
        return clean(value), "bodies " + (ctype or "text")
    for key in ("body_html", "body_xhtml", "body_text"):
        if obj.get(key):
            return (clean(obj[key]) if key == "body_text" else html_text(obj[key])), key
    return "", None


def read_ninjs(document):
    items = []
    for index, obj in enumerate(ninjs_items(document), 1):
        kind_name = (obj.get("type") or "").lower()
        text, form = ninjs_body(obj)
        if kind_name in NINJS_MEDIA:
            kind = "other"
        elif text:
            kind = "article"
        else:
            kind = "textual" if kind_name in ("", "text") else "other"
        # Headline: the main one of `headlines` (3.x, 2.x), else the first, else `headline` (1.x), else `title`.
        headlines = [h for h in obj.get("headlines") or [] if isinstance(h, dict) and h.get("value")]
        main = [h for h in headlines if (h.get("role") or "main").lower() == "main"] or headlines
        headline = clean(main[0]["value"] if main else obj.get("headline") or obj.get("title"))
        names = [(n, "by") for n in byline_names(_get(obj, "by", "byline") or "")]
        for key in ("people", "persons", "person"):
            for person in obj.get(key) or []:
                rel = (isinstance(person, dict) and (person.get("rel") or person.get("role"))) or ""
                if isinstance(person, dict) and person.get("name") and _AUTHOR_ROLE.search(rel):
                    names.append((clean(person["name"]), key))
        dates = [_get(obj, "firstcreated", "firstCreated"), _get(obj, "contentcreated", "contentCreated"),
                 _get(obj, "versioncreated", "versionCreated")]
        date = next((d for d in dates if parse_when(d)), None)
        alt_dates = [d for d in dates[:2] + [obj.get("firstpublished")] if d and d != date and parse_when(d)]
        items.append(Item(
            index=index, kind=kind, what="ninjs " + (kind_name or "item") + (", " + form if form else ""),
            id=_get(obj, "uri", "guid"), headline=headline, names=names,
            date=date, alt_dates=alt_dates, body=text))
    return items


# Feeds -----------------------------------------------------------------------------------------


def _feed_text(element):
    """An RSS/Atom text construct: HTML (escaped or `type="html"`) made text, XHTML read as XML."""
    if element is None:
        return ""
    if (element.get("type") or "").lower() == "xhtml":
        return xml_text(element)
    raw = "".join(element.itertext())
    return html_text(raw) if ((element.get("type") or "").lower() == "html" or looks_like_markup(raw)) else clean(raw)


def _feed_person(text):
    """`writer@example.com (Writer)` → Writer; an address alone is no name."""
    text = clean(text) or ""
    match = re.search(r"\(([^)]+)\)", text)
    if match:
        text = match.group(1)
    return None if not text or "@" in text else text


def _wordpress_post_type(entry):
    """An item's `wp:post_type` in a WordPress export (WXR: the namespace http://wordpress.org/export/…,
    whatever its prefix), `post` when it gives none; None outside a WordPress export."""
    namespaces = {c.tag.split("}", 1)[0][1:] for c in entry if isinstance(c.tag, str) and c.tag.startswith("{")}
    wordpress = next((n for n in namespaces if n.startswith("http://wordpress.org/export/") and not n.endswith("/excerpt/")), None)
    if wordpress is None:
        return None
    kind = entry.find("{%s}post_type" % wordpress)
    return clean(kind.text) if kind is not None and kind.text else "post"


def read_feed(root):
    items = []
    entries = [e for e in root.iter() if local(e.tag) in ("item", "entry")]
    for index, entry in enumerate(entries, 1):
        def first(*names):
            return next((c for name in names for c in entry if local(c.tag) == name), None)

        # A WordPress export lists pages, attachments and menu entries beside its posts: only a
        # post is an article (WXR's wp:post_type).
        post_type = _wordpress_post_type(entry)
        if post_type not in (None, "post"):
            items.append(Item(index=index, kind="other", what="WordPress " + post_type))
            continue

        content = next((c for c in entry if local(c.tag) == "encoded" and "content" in c.tag), None)
        content = content if content is not None and "".join(content.itertext()).strip() else first("content")
        text = _feed_text(content) or _feed_text(first("description", "summary"))
        names = []
        for author in [c for c in entry if local(c.tag) in ("author", "creator")]:
            person = _first_text(children(author, "name")) if len(author) else xml_text(author)
            person = _feed_person(person)
            if person:
                names += [(n, local(author.tag)) for n in byline_names(person)]
        dates = [xml_text(first(n)) for n in ("published", "pubDate", "date", "issued", "updated", "modified") if first(n) is not None]
        date = next((d for d in dates if parse_when(d)), None)
        identifier = xml_text(first("guid", "id")) or None
        items.append(Item(
            index=index, kind="article" if text else "textual", what="feed " + local(entry.tag), id=identifier,
            headline=_feed_text(first("title")) or None, names=names, date=date, body=text))
    return items


# Markdown --------------------------------------------------------------------------------------


def _scalar(value):
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _json_front_matter(text):
    """(object, body) when the text opens with a JSON object followed by more text (Hugo's JSON
    front matter), else None."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith("{"):
        return None
    try:
        value, end = json.JSONDecoder().raw_decode(stripped)
    except ValueError:
        return None
    rest = stripped[end:]
    if not isinstance(value, dict) or not rest.strip() or rest.lstrip()[:1] in ("{", "["):
        return None
    return value, rest


def front_matter(text):
    """(fields, body) of a Markdown file with YAML (`---`), TOML (`+++`) or JSON (`{ … }`) front
    matter, read for the simple keys a post has: scalars and lists of scalars (an author given as
    a mapping counts by its name)."""
    found = _json_front_matter(text)
    if found:
        value, body = found
        fields = {}
        for key, field in value.items():
            if isinstance(field, dict) and isinstance(field.get("name"), str):
                field = field["name"]
            if isinstance(field, list):
                field = [f.get("name") if isinstance(f, dict) else f for f in field]
                fields[key] = [str(f) for f in field if isinstance(f, (str, int, float)) and not isinstance(f, bool)]
            elif isinstance(field, (str, int, float)) and not isinstance(field, bool):
                fields[key] = str(field)
        return fields, body
    match = re.match(r"\A\s*(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", text, re.S)
    if not match:
        return {}, text
    fence, block, body = match.group(1), match.group(2), text[match.end():]
    fields, current = {}, None
    for line in block.splitlines():
        if fence == "+++":
            if line.strip().startswith("["):
                break  # a TOML table: the top-level keys are over
            kv = re.match(r"\s*([A-Za-z_][\w-]*)\s*=\s*(.*)$", line)
            if kv:
                key, value = kv.group(1), kv.group(2).strip()
                fields[key] = [_scalar(v) for v in re.findall(r"\"[^\"]*\"|'[^']*'", value)] if value.startswith("[") else _scalar(value)
            continue
        item = re.match(r"\s+-\s+(.*)$", line) or re.match(r"-\s+(.*)$", line)
        if item and current:
            fields.setdefault(current, [])
            entry = re.match(r"([A-Za-z_][\w-]*)\s*:\s*(.*)$", item.group(1))
            if isinstance(fields[current], list) and (not entry or entry.group(1) == "name"):
                fields[current].append(_scalar(entry.group(2) if entry else item.group(1)))  # `- name: …` is a mapping
            continue
        nested = re.match(r"\s+name\s*:\s*(.+)$", line)
        if nested and current and current not in fields:
            fields[current] = _scalar(nested.group(1))  # `author:` then `  name: …`
            continue
        kv = re.match(r"([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if kv:
            current, value = kv.group(1), kv.group(2).strip()
            if value.startswith("[") and value.endswith("]"):
                fields[current] = [_scalar(v) for v in value[1:-1].split(",") if v.strip()]
            elif value:
                fields[current] = _scalar(value)
    return fields, body


# What static-site generators print for their own markup, by their documented conventions (Hugo's
# shortcodes, Jekyll's Liquid tags, kramdown's and goldmark's attribute lists, CommonMark's fence
# info strings), so a reader that renders them as the generator does is not judged to miss words.
_FIGURE = re.compile(r"\{\{[<%]\s*figure\b(.*?)[>%]\}\}", re.S)
_SHORTCODE_PARAM = re.compile(r"(\w+)\s*=\s*(?:\"((?:[^\"\\]|\\.)*)\"|`([^`]*)`|(\S+))")
_LIQUID_DROPPED = re.compile(r"\{%-?\s*(?:raw|endraw|highlight\b[^%]*|endhighlight)\s*-?%\}")
_LIQUID_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", re.S)
_ATTRIBUTE_LIST = re.compile(
    r"(?m)\{:[^{}\n]*\}"                                       # kramdown: {: .class}, {:toc}
    r"|^[ \t]*\{[#.][\w-]+(?:\s+[#.][\w-]+)*\}[ \t]*$"            # goldmark: a {.class} line
    r"|(?<=\S)[ \t]*\{[#.][\w-]+(?:\s+[#.][\w-]+)*\}[ \t]*$")     # a heading's {#id}
_FENCE_INFO = re.compile(r"(?m)^([ \t]{0,3}(?:`{3,}|~{3,}))[^`\n]*$")


def _site_markup(body):
    """The body as the generator prints it, for the words the scorer looks for."""
    body = body.replace("{{</*", "{{<").replace("*/>}}", ">}}").replace("{{%/*", "{{%").replace("*/%}}", "%}}")

    def figure(match):
        params = {m.group(1): m.group(2) or m.group(3) or m.group(4) or ""
                  for m in _SHORTCODE_PARAM.finditer(match.group(1))}
        return " ".join(params.get(k, "") for k in ("alt", "title", "caption", "attr"))

    body = _FIGURE.sub(figure, body)
    body = _LIQUID_COMMENT.sub(" ", body)
    body = _LIQUID_DROPPED.sub(" ", body)
    body = _ATTRIBUTE_LIST.sub("", body)
    return _FENCE_INFO.sub(r"\1", body)


def markdown_text(body):
    """The words of a Markdown body: link targets, reference definitions and images' sources left
    out (a reader keeps them as URLs, not text), HTML tags stripped, the generators' own markup as
    they print it (see _site_markup)."""
    body = _site_markup(body)
    body = re.sub(r"(?m)^\s{0,3}\[[^\]]+\]:\s*\S+.*$", " ", body)
    body = re.sub(r"!\[([^\]]*)\]\([^)]*\)", " ", body)
    body = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)
    body = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", body)
    return html_text(body)


def read_markdown(text):
    fields, body = front_matter(text)
    names = []
    for key in ("author", "authors", "byline"):
        values = fields.get(key)
        for value in values if isinstance(values, list) else [values] if values else []:
            names += [(n, key) for n in byline_names(value)]
    date = next((fields[k] for k in ("date", "publishDate", "published") if isinstance(fields.get(k), str) and parse_when(fields[k])), None)
    words = markdown_text(body)
    return [Item(index=1, kind="article" if words else "textual", what="Markdown", id=None,
                 headline=fields.get("title") if isinstance(fields.get("title"), str) else None,
                 names=names, date=date, body=words)]


# Dispatch --------------------------------------------------------------------------------------


def read_source(data):
    """(items, note) for a file's bytes, read by what its content is, whatever its folder."""
    head = data.lstrip(codecs.BOM_UTF8)[:2000].lstrip()
    text = data.decode("utf-8-sig", "replace")
    if head[:1] == b"{" and _json_front_matter(text):
        return read_markdown(text), None
    if head[:1] in (b"{", b"["):
        return read_ninjs(json.loads(data.decode("utf-8-sig"))), None
    if re.match(r"\s*(---|\+\+\+)\s*\n", text):
        return read_markdown(text), None
    if head[:1] == b"<":
        root, note = parse_xml(data)
        name = local(root.tag)
        if name == "nitf":
            return [read_nitf(root)], note
        if name == "NewsML":
            return read_newsml1(root), note
        if name in ("rss", "feed", "RDF"):
            return read_feed(root), note
        return read_g2(root), note
    return read_markdown(text), None


# MARK: - copydesk's side


def article_id(article):
    return ((article.get("source") or {}).get("id") or "").strip() or None


def block_text(block):
    """The text of one body block: paragraphs, headings, lists (label and items), quotes and their
    attribution, an image's caption and credit."""
    kind = block.get("type")
    if kind == "list":
        return " ".join([block.get("label") or ""] + [i.get("text", "") for i in block.get("items", [])])
    if kind == "image":
        return " ".join(block.get(k) or "" for k in ("caption", "credit"))
    return " ".join(block.get(k) or "" for k in ("text", "attribution"))


def body_text(article):
    return " ".join(block_text(b) for b in article.get("body") or [] if isinstance(b, dict))


def lifted_text(article):
    """What a reader rightly takes out of a body into metadata (a headline in <h1>, a by-line
    paragraph, a dateline, the keywords of a slug list, a printed date)."""
    parts = [article.get("headline"), article.get("subheadline"), article.get("section"),
             article.get("publishedText"), article.get("modifiedText")]
    parts += article.get("highlights") or []
    parts += article.get("keywords") or []
    parts.append((article.get("dateline") or {}).get("raw"))
    for byline in article.get("bylines") or []:
        parts += [byline.get("raw"), byline.get("name"), byline.get("role"), byline.get("affiliation")]
    # Wire metadata under the shared extension keys (a kicker, a slug list's subjects).
    extensions = article.get("extensions") or {}
    parts.append(extensions.get("slugline"))
    for key, field in (("headlines", "text"), ("subjects", "name")):
        for entry in extensions.get(key) or []:
            if isinstance(entry, dict):
                parts.append(entry.get(field))
    return " ".join(p for p in parts if isinstance(p, str))


def credit_entries(article):
    """The strings a name of the source's by-line or credit may be found in."""
    entries = []
    for byline in article.get("bylines") or []:
        entries += [byline.get(k) for k in ("name", "raw", "role", "affiliation")]
    source = article.get("source") or {}
    entries += [source.get("credit"), source.get("publisher")]
    unique = []
    for entry in entries:
        if isinstance(entry, str) and entry.strip() and entry not in unique:
            unique.append(entry)
    return unique


def bag_overlap(want, got):
    """How many of `want`'s tokens `got` holds, counting repeats."""
    have = collections.Counter(got)
    return sum(min(n, have[t]) for t, n in collections.Counter(want).items())


# MARK: - Checks


def check_headline(item, article):
    got = article.get("headline")
    if not item.headline:
        return True, None
    wanted = [item.headline] + list(item.alt_headlines)
    if got and norm_headline(got) in {norm_headline(w) for w in wanted}:
        return True, None
    return False, "headline: want «%s» got «%s»" % (cut(item.headline), cut(got) if got else "none")


def check_names(item, article):
    entries = [set(tokens(e)) for e in credit_entries(article)]
    missing = [name for name, _ in item.names if tokens(name) and not any(set(tokens(name)) <= e for e in entries)]
    if not missing:
        return True, None
    have = "; ".join(credit_entries(article)) or "none"
    return False, "byline: missing %s; got «%s»" % (", ".join("«%s»" % cut(m, 30) for m in missing), cut(have))


def check_date(item, article):
    if not item.date:
        return True, None
    got_text = article.get("published")
    got = parse_when(got_text) if isinstance(got_text, str) else None
    for wanted in [item.date] + list(item.alt_dates):
        want = parse_when(wanted)
        if want and got and same_when(want, got):
            return True, None
    return False, "date: want %s got %s" % (cut(item.date, 32), cut(got_text, 32) if got_text else "none")


def check_body(item, article):
    """(ok, reason, recall, precision)."""
    want = tokens(item.body)
    body = tokens(body_text(article))
    recall = bag_overlap(want, body + tokens(lifted_text(article))) / len(want) if want else 1.0
    precision = bag_overlap(body, want) / len(body) if body else 0.0
    if recall >= RECALL_NEEDED:
        return True, None, recall, precision
    return False, "body: recall %.2f, precision %.2f" % (recall, precision), recall, precision


def pair(items, articles):
    """{item index: article}: by source.id against the item's id, then each remaining item with
    the remaining article sharing most of its words (headline and body)."""
    pairs, used = {}, set()
    for item in items:
        if item.id:
            for n, article in enumerate(articles):
                if n not in used and article_id(article) == item.id.strip():
                    pairs[item.index] = article
                    used.add(n)
                    break
    for item in items:
        if item.index in pairs:
            continue
        want = set(tokens((item.headline or "") + " " + item.body))
        best = next((n for n in range(len(articles)) if n not in used), None)
        best_score = 0.0
        for n, article in enumerate(articles):
            if n in used:
                continue
            got = set(tokens((article.get("headline") or "") + " " + body_text(article)))
            score = len(want & got) / len(want | got) if want | got else 0.0
            if score > best_score:
                best, best_score = n, score
        if best is not None:
            pairs[item.index] = articles[best]
            used.add(best)
    return pairs


# MARK: - Running copydesk and judging a file


@dataclasses.dataclass
class Run:
    status: int          # exit status; negative for a signal; None when the time limit stopped it
    stdout: str
    stderr: str


def run_copydesk(binary, path, timeout):
    try:
        done = subprocess.run([binary, "convert", path, "--to", "ndjson"], capture_output=True, timeout=timeout)
        return Run(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))
    except subprocess.TimeoutExpired:
        return Run(None, "", "killed after %d s" % timeout)


def crashed(run):
    return run.status is None or run.status < 0 or run.status >= 70


def parse_ndjson(text):
    """The articles of copydesk's NDJSON output; None when it is not NDJSON (or JSON)."""
    articles = []
    try:
        for line in text.splitlines():
            if line.strip():
                value = json.loads(line)
                articles += value if isinstance(value, list) else [value]
    except ValueError:
        try:
            value = json.loads(text)
            articles = value if isinstance(value, list) else [value]
        except ValueError:
            return None
    return [a for a in articles if isinstance(a, dict)]


def first_error(run):
    lines = [l.strip() for l in run.stderr.splitlines() if l.strip()]
    line = next((l for l in lines if "error" in l.lower()), lines[0] if lines else "no message")
    return line.split("error:", 1)[1].strip() if "error:" in line else line


def describe_status(run):
    if run.status is None:
        return "time limit"
    return "signal %d" % -run.status if run.status < 0 else "exit %d" % run.status


def judge_file(collection, path, run, items, note):
    """One record per article of the file, and one for the file itself when it holds no article."""
    name = os.path.basename(path)
    articles_in_file = [i for i in items if i.kind == "article"]
    many = len(items) > 1
    records = []
    outputs = parse_ndjson(run.stdout) if run.status == 0 else None
    pairs = pair(articles_in_file, outputs) if outputs else {}
    for item in articles_in_file:
        record = {
            "collection": collection, "file": name, "key": name + ("#%d" % item.index if many else ""),
            "item": item.index, "id": item.id, "what": item.what, "verdict": None, "reasons": [],
            "checks": {}, "recall": None, "precision": None, "status": run.status,
            "want": {"headline": item.headline, "names": [n for n, _ in item.names], "date": item.date},
        }
        if note:
            record["sourceNote"] = note
        if outputs is not None:
            record["outputs"] = len(outputs)
        if crashed(run):
            record["verdict"], record["reasons"] = "crash", ["%s: %s" % (describe_status(run), cut(first_error(run), 80))]
        elif run.status != 0:
            record["verdict"], record["reasons"] = "refused", ["%s: %s" % (describe_status(run), cut(first_error(run), 80))]
        elif outputs is None:
            record["verdict"], record["reasons"] = "unreadable", ["standard output is not NDJSON"]
        elif item.index not in pairs:
            record["verdict"] = "missing"
            record["reasons"] = ["no output article for it (%d for %d articles)" % (len(outputs), len(articles_in_file))]
        else:
            article = pairs[item.index]
            for check, fn in (("headline", check_headline), ("byline", check_names), ("date", check_date)):
                ok, reason = fn(item, article)
                record["checks"][check] = ok
                if reason:
                    record["reasons"].append(reason)
            ok, reason, recall, precision = check_body(item, article)
            record["checks"]["body"], record["recall"], record["precision"] = ok, round(recall, 3), round(precision, 3)
            record["got"] = {"headline": article.get("headline"), "credits": credit_entries(article),
                             "published": article.get("published"), "id": article_id(article)}
            if not tokens(body_text(article)):
                record["verdict"] = "empty"
                record["reasons"].insert(0, "empty body (exit 0)")
            else:
                if reason:
                    record["reasons"].append(reason)
                record["verdict"] = "right" if all(record["checks"].values()) else "wrong"
        records.append(record)
    if not articles_in_file:
        textual = [i for i in items if i.kind == "textual"]
        what = ", ".join(sorted({i.what for i in items})) or "no item"
        record = {"collection": collection, "file": name, "key": name, "item": None, "what": what,
                  "verdict": "ok", "reasons": [], "status": run.status, "articles": False}
        if note:
            record["sourceNote"] = note
        if crashed(run):
            record["verdict"], record["reasons"] = "crash", ["%s: %s" % (describe_status(run), cut(first_error(run), 80))]
        elif not textual:
            # Only items that are not articles: a clear error, or an article that is not empty.
            if run.status != 0 and not run.stderr.strip():
                record["verdict"], record["reasons"] = "silent", ["%s with no message" % describe_status(run)]
            elif run.status == 0:
                out = parse_ndjson(run.stdout) or []
                if not out or not any(tokens(body_text(a)) or any(b.get("type") == "image" for b in a.get("body") or [])
                                      for a in out):
                    record["verdict"] = "empty-article"
                    record["reasons"] = ["exit 0 with %s for %s" % ("an empty article" if out else "no article", cut(what, 70))]
        records.append(record)
    return records


# MARK: - Report


def collection_files(corpus, collection):
    folder = os.path.join(corpus, collection)
    if not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, f) for f in os.listdir(folder)
                  if not f.startswith(".") and os.path.isfile(os.path.join(folder, f)))


ORDER = {"crash": 0, "unreadable": 1, "refused": 2, "missing": 3, "empty": 4, "empty-article": 5, "silent": 6, "wrong": 7}


def severity(record):
    failed = sum(1 for ok in record.get("checks", {}).values() if not ok)
    return (ORDER.get(record["verdict"], 9), -failed, record.get("recall") or 0.0)


def report(records, collections_run, args, out=sys.stdout):
    def pct(n, d):
        return "%d%%" % round(100.0 * n / d) if d else "–"

    header = ("collection", "files", "articles", "right", "%", "headline", "byline", "date", "body",
              "empty", "refused", "crashed")
    rows = []
    for collection in collections_run:
        mine = [r for r in records if r["collection"] == collection]
        arts = [r for r in mine if r.get("articles", True) and r["item"] is not None]
        files = len({r["file"] for r in mine})
        count = collections.Counter(r["verdict"] for r in arts)
        checks = {c: sum(1 for r in arts if r.get("checks", {}).get(c)) for c in ("headline", "byline", "date", "body")}
        crashed_files = len({r["file"] for r in mine if r["verdict"] == "crash"})
        rows.append((collection, files, len(arts), count["right"], pct(count["right"], len(arts)),
                     checks["headline"], checks["byline"], checks["date"], checks["body"],
                     count["empty"] + count["missing"] + count["unreadable"], count["refused"], crashed_files))
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    print("  ".join(str(h).ljust(w) if i == 0 else str(h).rjust(w) for i, (h, w) in enumerate(zip(header, widths))), file=out)
    for row in rows:
        print("  ".join(str(x).ljust(w) if i == 0 else str(x).rjust(w) for i, (x, w) in enumerate(zip(row, widths))), file=out)
    print("(articles: text-bearing items; right: all four checks hold; empty: exit 0 with an empty body, "
          "no output article or unreadable output; crashed: files)", file=out)

    if any(r["item"] is None for r in records):
        print("\nfiles holding no article:", file=out)
    for collection in collections_run:
        others = [r for r in records if r["collection"] == collection and r["item"] is None]
        if not others:
            continue
        count = collections.Counter(r["verdict"] for r in others)
        print("  %-9s %d: %d ok, %d exit 0 with an empty article, %d error without a message, %d crashed" % (
            collection, len(others), count["ok"], count["empty-article"], count["silent"], count["crash"]), file=out)

    notes = sorted({(r["file"], r["sourceNote"]) for r in records if r.get("sourceNote")})
    if notes:
        print("\nsource notes:", file=out)
        for file, note in notes:
            print("  %s: %s" % (file, note), file=out)

    for collection in collections_run:
        misses = sorted((r for r in records if r["collection"] == collection and r["verdict"] not in ("right", "ok")),
                        key=lambda r: (severity(r), r["key"]))
        if not misses and not args.verbose:
            continue
        print("\n%s: misses%s" % (collection, " (the %d worst)" % args.worst if args.worst else ""), file=out)
        shown, refused_files = 0, set()
        for record in misses:
            if args.worst and shown >= args.worst:
                break
            if record["verdict"] in ("refused", "crash") and record["item"] is not None:
                # One line per file for a whole file refused.
                if record["file"] in refused_files:
                    continue
                refused_files.add(record["file"])
                n = sum(1 for r in misses if r["file"] == record["file"] and r["verdict"] == record["verdict"])
                print("  %s %s%s (%s)" % (record["file"], record["verdict"], " ×%d" % n if n > 1 else "",
                                           record["reasons"][0]), file=out)
            else:
                reasons = record["reasons"] or [record["verdict"]]
                print("  %s %s" % (record["key"], reasons[0]), file=out)
                for reason in reasons[1:]:
                    print("  %s %s %s" % (" " * len(record["key"]), "", reason), file=out)
            shown += 1
        if args.verbose:
            for record in sorted((r for r in records if r["collection"] == collection and r["verdict"] in ("right", "ok")),
                                 key=lambda r: r["key"]):
                extra = " recall %.2f precision %.2f" % (record["recall"], record["precision"]) if record.get("recall") is not None else ""
                print("  %s %s%s [%s]" % (record["key"], record["verdict"], extra, cut(record["what"], 50)), file=out)


# MARK: - Main


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary", nargs="?", help="the copydesk binary (default: $COPYDESK, else .build/release/copydesk)")
    parser.add_argument("--collections", default=",".join(COLLECTIONS), help="comma-separated (default: %(default)s)")
    parser.add_argument("--corpus", help="folder of collections (default: $SHARED/corpus/thirdparty)")
    parser.add_argument("--worst", type=int, default=0, help="list only the N worst misses of each collection")
    parser.add_argument("--verbose", action="store_true", help="also list the articles that are right, with recall and precision")
    parser.add_argument("--json", metavar="FILE", help="write every article's result to FILE")
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("JOBS") or 2), help="conversions at once (default: $JOBS or 2)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds one conversion may take (default: %(default)s)")
    args = parser.parse_args(argv)

    shared = os.environ.get("SHARED") or os.path.join(HERE, "..", "shared")
    corpus = args.corpus or os.path.join(shared, "corpus", "thirdparty")
    if not os.path.isdir(corpus):
        print("eval-thirdparty: %s is absent: nothing measured" % corpus, file=sys.stderr)
        return 2
    binary = args.binary or os.environ.get("COPYDESK") or os.path.join(HERE, ".build", "release", "copydesk")
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        print("eval-thirdparty: no copydesk binary at %s (build it: make build, or pass one)" % binary, file=sys.stderr)
        return 2
    wanted = [c.strip() for c in args.collections.split(",") if c.strip()]
    unknown = [c for c in wanted if c not in COLLECTIONS]
    if unknown:
        print("eval-thirdparty: unknown collection(s) %s (known: %s)" % (", ".join(unknown), ", ".join(COLLECTIONS)), file=sys.stderr)
        return 2

    jobs = [(c, path) for c in wanted for path in collection_files(corpus, c)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        runs = list(pool.map(lambda job: run_copydesk(binary, job[1], args.timeout), jobs))

    records = []
    for (collection, path), run in zip(jobs, runs):
        try:
            with open(path, "rb") as file:
                items, note = read_source(file.read())
        except (ET.ParseError, ValueError, RecursionError) as error:
            # Not well-formed (or nested beyond Python's recursion limit): a file a reader should refuse with a clear error.
            items, note = [], "not well-formed, this script reads no item (%s)" % cut(str(error), 60)
        records += judge_file(collection, path, run, items, note)

    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    print("eval-thirdparty: %s on %s\n" % (version or binary, os.path.normpath(corpus)))
    report(records, [c for c in wanted if collection_files(corpus, c)], args)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as file:
            json.dump(records, file, ensure_ascii=False, indent=1)
        print("\nper-article results: %s" % args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
