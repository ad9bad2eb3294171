#!/usr/bin/env python3
"""copydesk — score the HTML reader against the shared web-page datasets, with its anchors beside it.

Usage (through scripts/eval-html.sh, which `make eval-html` runs):

    scripts/eval-html.py COPYDESK_BINARY [--worst N] [--keep DIR] [--datasets NAME=DIR,…] [--no-anchors]

For every dataset (a folder of `<id>.html` pages and a `ground-truth.json` mapping each id to its
`articleBody`) each page is converted with `copydesk convert PAGE --to json`, as a user would, and
the text of the body blocks (paragraphs, headings, lists, quotes and table rows; no headline, no
captions) is scored with ../shared/tools/eval_extraction.py: token 4-gram precision and recall,
macro-averaged over pages, F1 of the two means. When trafilatura and readability-lxml can be
imported by the anchor interpreter (ANCHOR_PYTHON, default .venv/bin/python, then python3), the
same pages are extracted with them in the same run and scored the same way:

- trafilatura: `trafilatura.extract(page_bytes, include_comments=False)` (the truths leave
  comments out);
- readability-lxml: `Document(page_bytes).summary(html_partial=True)`, its text with a line break
  around every block element.

Datasets (relative to SHARED, default ../shared next to the repository): scrapinghub
(corpus/html), google-trends-2017 and dragnet (corpus/html-more/…), and thirdparty: the
readability and newspaper4k test pages of corpus/thirdparty/html, whose truths are built here from
their projects' expected text (newspaper4k's .txt; readability's expected.html as text). Another
folder of the same layout (a held-out half, L3S-GN1) is scored with `--datasets NAME=DIR`.

Metadata: on every dataset, how often a headline, a byline and a published date are found, and
whether the published day agrees with the page's own JSON-LD or meta date (read with a regular
expression, independently of copydesk). On the thirdparty pages, accuracy against the expected
metadata: headline (same words, case and punctuation aside), bylines (the same set of names,
`By` aside; an expected byline holding digits, a date line, is not counted) and published day.

Prints one line per dataset, then the metadata; with --worst N the N worst pages of each dataset.
Environment: JOBS (parallel conversions, default 2).
"""

import argparse
import concurrent.futures
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED") or os.path.join(HERE, "..", "shared")
JOBS = int(os.environ.get("JOBS") or 2)

# The datasets and `body_text` below match Tests/ArticleFormatsTests/HTMLCorpusTests.swift
# (`datasets`, `scoringText`): change both together.
DEFAULT_DATASETS = [
    ("scrapinghub", "corpus/html"),
    ("google-trends-2017", "corpus/html-more/google-trends-2017"),
    ("dragnet", "corpus/html-more/dragnet"),
    ("thirdparty", "corpus/thirdparty/html"),
]

# MARK: - Text of an expected readability page


class _Text(html.parser.HTMLParser):
    """The text of an HTML fragment, a blank line around every block element: how both an expected
    page and readability-lxml's output (an HTML fragment too) become text, so they split alike."""

    BLOCKS = {
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "td", "th", "table",
        "pre", "section", "article", "figure", "figcaption", "br", "dd", "dt", "header", "footer",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(data)

    def text(self):
        text = re.sub(r"[ \t\r\f\v]+", " ", "".join(self.parts))
        return re.sub(r"\s*\n\s*(\n\s*)+", "\n\n", text).strip()


def html_text(markup):
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return parser.text()


def thirdparty_truth(pages, expected, folder):
    """Writes ground-truth.json for the thirdparty pages into `folder`; returns it and the metadata."""
    truth, metadata = {}, {}
    for name in sorted(os.listdir(pages)):
        if not name.endswith(".html"):
            continue
        page_id = name[:-5]
        txt = os.path.join(expected, page_id + ".txt")
        expected_html = os.path.join(expected, page_id + ".expected.html")
        if os.path.exists(txt):
            body = open(txt, encoding="utf-8").read()
        elif os.path.exists(expected_html):
            body = html_text(open(expected_html, encoding="utf-8").read())
        else:
            continue
        truth[page_id] = {"articleBody": body}
        meta = os.path.join(expected, page_id + ".metadata.json")
        if os.path.exists(meta):
            metadata[page_id] = json.load(open(meta, encoding="utf-8"))
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "ground-truth.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump(truth, out, ensure_ascii=False)
    return path, metadata


# MARK: - copydesk


def body_text(article):
    """The text of the body blocks as the scorer wants it: one block per paragraph."""
    texts = []
    for block in article.get("body", []):
        kind = block.get("type")
        if kind == "list":
            texts.append("\n".join(item.get("text", "") for item in block.get("items", [])))
        elif kind not in ("image", "rule"):
            texts.append(block.get("text", ""))
    return "\n\n".join(t for t in texts if t)


def run_copydesk(binary, page):
    result = subprocess.run(
        [binary, "convert", page, "--to", "json", "--compact"], capture_output=True, text=True)
    if result.returncode != 0:
        return None, result.stderr.strip().splitlines()[:1]
    try:
        return json.loads(result.stdout), []
    except ValueError:
        return None, ["unreadable JSON"]


# MARK: - Anchors (run by the anchor interpreter: `eval-html.py --anchors OUT PAGE…`)


def anchors_main(out, pages):
    import trafilatura  # noqa: PLC0415
    from readability import Document  # noqa: PLC0415

    for tool in ("trafilatura", "readability"):
        os.makedirs(os.path.join(out, tool), exist_ok=True)
    meta = {}
    for page in pages:
        page_id = os.path.basename(page)[:-5]
        raw = open(page, "rb").read()
        try:
            text = trafilatura.extract(raw, include_comments=False) or ""
            found = trafilatura.extract_metadata(raw)
            meta[page_id] = {
                "trafilatura": {
                    "title": found.title if found else None, "author": found.author if found else None,
                    "date": found.date if found else None,
                }
            }
        except Exception:  # noqa: BLE001 (an anchor failing on a page scores it empty)
            text = ""
        open(os.path.join(out, "trafilatura", page_id + ".txt"), "w", encoding="utf-8").write(text)
        try:
            document = Document(raw)
            text = html_text(document.summary(html_partial=True))
            meta.setdefault(page_id, {})["readability"] = {"title": document.short_title()}
        except Exception:  # noqa: BLE001
            text = ""
        open(os.path.join(out, "readability", page_id + ".txt"), "w", encoding="utf-8").write(text)
    with open(os.path.join(out, "meta-%d.json" % os.getpid()), "w", encoding="utf-8") as file:
        json.dump(meta, file)


def anchor_python():
    candidates = [os.environ.get("ANCHOR_PYTHON"), os.path.join(HERE, ".venv", "bin", "python"), sys.executable]
    for candidate in candidates:
        if not candidate or not os.path.exists(candidate):
            continue
        probe = subprocess.run(
            [candidate, "-c", "import trafilatura, readability; print(trafilatura.__version__)"],
            capture_output=True, text=True)
        if probe.returncode == 0:
            version = subprocess.run(
                [candidate, "-c", "from importlib.metadata import version; print(version('readability-lxml'))"],
                capture_output=True, text=True).stdout.strip()
            return candidate, probe.stdout.strip(), version
    return None, None, None


#: A field a tool does not read (readability-lxml's bylines and dates), as opposed to one it missed.
NOT_READ = object()


def run_anchors(python, pages, out):
    chunks = [pages[i::JOBS] for i in range(JOBS)]
    processes = [
        subprocess.Popen(
            [python, os.path.abspath(__file__), "--anchors", out] + chunk,
            stderr=subprocess.PIPE, text=True)
        for chunk in chunks if chunk
    ]
    for process in processes:
        _, errors = process.communicate()
        if process.returncode != 0:
            # A worker that died leaves its pages without text: say so rather than score them as misses.
            print("anchor worker failed (exit %d): %s" % (process.returncode, errors.strip()[-2000:]),
                  file=sys.stderr)
            sys.exit(1)
    meta = {}
    for name in os.listdir(out):
        if name.startswith("meta-"):
            meta.update(json.load(open(os.path.join(out, name), encoding="utf-8")))
    return meta


# MARK: - Scoring


def score(scorer, truth, folder):
    report = os.path.join(folder, "score.json")
    done = subprocess.run(
        [sys.executable, scorer, truth, folder, "--json", report], capture_output=True, text=True)
    if done.returncode != 0:
        print("the scorer failed on %s (exit %d):\n%s" % (folder, done.returncode, done.stderr), file=sys.stderr)
        sys.exit(1)
    return json.load(open(report, encoding="utf-8"))


LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
META_DATE = re.compile(
    r'<meta[^>]+(?:property|name|itemprop)=["\'](?:article:published_time|datePublished)["\'][^>]*>', re.I)
CONTENT = re.compile(r'content=["\']([^"\']+)["\']', re.I)


def own_date(page):
    text = open(page, encoding="utf-8", errors="replace").read()
    match = LD_DATE.search(text)
    if match:
        return match.group(1)
    match = META_DATE.search(text)
    if match:
        content = CONTENT.search(match.group(0))
        return content.group(1) if content else None
    return None


def day(text):
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text or "")
    return match.groups() if match else None


def words(text):
    return re.findall(r"\w+", (text or "").casefold())


def names(values):
    out = set()
    for value in values:
        tokens = [t for t in words(value) if t != "by"]
        if tokens:
            out.add(" ".join(tokens))
    return out


def metadata_accuracy(articles, expected, anchor_meta):
    """Headline, byline and date accuracy against the expected metadata (thirdparty pages)."""
    tallies = {
        tool: {"headline": [0, 0], "byline": [0, 0], "date": [0, 0]}
        for tool in ("copydesk", "trafilatura", "readability-lxml")
    }
    details = []
    for page_id, meta in sorted(expected.items()):
        article = articles.get(page_id) or {}
        title = meta.get("title")
        authors = meta.get("authors") or ([meta["byline"]] if meta.get("byline") else [])
        authors = [a for a in authors if not re.search(r"\d", a)]
        date = meta.get("publish_date") or meta.get("publishedTime")
        found = {
            "copydesk": (
                article.get("headline"), [b.get("name", "") for b in article.get("bylines", [])],
                article.get("published")),
            "trafilatura": (
                (anchor_meta.get(page_id, {}).get("trafilatura") or {}).get("title"),
                [a for a in re.split(r";\s*", (anchor_meta.get(page_id, {}).get("trafilatura") or {}).get("author")
                                     or "") if a],
                (anchor_meta.get(page_id, {}).get("trafilatura") or {}).get("date")),
            # readability-lxml reads no bylines or dates: it is not scored on them.
            "readability-lxml": (
                (anchor_meta.get(page_id, {}).get("readability") or {}).get("title"), NOT_READ, NOT_READ),
        }
        for tool, (headline, bylines, published) in found.items():
            if tool != "copydesk" and not anchor_meta:
                continue
            if title:
                tallies[tool]["headline"][1] += 1
                tallies[tool]["headline"][0] += words(headline) == words(title)
            # A field a tool reads counts on every page that has it: a missing value is a miss.
            if authors and bylines is not NOT_READ:
                tallies[tool]["byline"][1] += 1
                tallies[tool]["byline"][0] += names(bylines) == names(authors)
            if date and published is not NOT_READ:
                tallies[tool]["date"][1] += 1
                tallies[tool]["date"][0] += published is not None and day(published) == day(date)
        headline, bylines, published = found["copydesk"]
        misses = []
        if title and words(headline) != words(title):
            misses.append("headline %r, expected %r" % (headline, title))
        if authors and names(bylines) != names(authors):
            misses.append("bylines %r, expected %r" % (bylines, authors))
        if date and day(published) != day(date):
            misses.append("published %r, expected %r" % (published, date))
        if misses:
            details.append("    %s: %s" % (page_id, "; ".join(misses)))
    return tallies, details


def coverage(articles, pages_dir):
    counts = {"pages": 0, "headline": 0, "byline": 0, "published": 0, "own": 0, "agree": 0}
    for page_id, article in articles.items():
        article = article or {}
        counts["pages"] += 1
        counts["headline"] += bool(article.get("headline"))
        counts["byline"] += bool(article.get("bylines"))
        counts["published"] += bool(article.get("published"))
        own = own_date(os.path.join(pages_dir, page_id + ".html"))
        if own and day(own):
            counts["own"] += 1
            counts["agree"] += day(article.get("published")) == day(own)
    return counts


# MARK: - Main


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", nargs="?")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages of each dataset")
    parser.add_argument("--keep", help="keep the predictions (and the anchors') in this folder")
    parser.add_argument("--datasets", help="NAME=DIR,… to score instead of the default datasets")
    parser.add_argument("--no-anchors", action="store_true", help="do not run trafilatura and readability-lxml")
    parser.add_argument("--anchors", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.anchors:
        anchors_main(args.anchors[0], args.anchors[1:])
        return 0
    if not args.binary or not os.access(args.binary, os.X_OK):
        sys.exit("error: pass the copydesk binary (e.g. .build/release/copydesk)")
    scorer = os.path.join(SHARED, "tools", "eval_extraction.py")
    if not os.path.exists(scorer):
        sys.exit("error: no scorer at %s (../shared is absent?)" % scorer)
    if args.datasets:
        datasets = [tuple(item.split("=", 1)) for item in args.datasets.split(",")]
    else:
        datasets = [(name, os.path.join(SHARED, path)) for name, path in DEFAULT_DATASETS]
    python, trafilatura_version, readability_version = (None, None, None) if args.no_anchors else anchor_python()
    work = args.keep or tempfile.mkdtemp(prefix="eval-html-")
    os.makedirs(work, exist_ok=True)

    header = "%-20s %5s  %-24s %-20s %-20s %s" % (
        "dataset", "pages", "copydesk F1 (P / R)",
        "trafilatura " + (trafilatura_version or "—"), "readability-lxml " + (readability_version or "—"),
        "copydesk − best anchor (goal ≥ +0.010)")
    lines, notes, worst = [header], [], []
    for name, pages_dir in datasets:
        if not os.path.isdir(pages_dir):
            notes.append("%s: skipped, %s is absent" % (name, pages_dir))
            continue
        expected = {}
        if name == "thirdparty":
            truth, expected = thirdparty_truth(
                pages_dir, os.path.join(os.path.dirname(pages_dir), "expected", "html"),
                os.path.join(work, name, "truth"))
        else:
            truth = os.path.join(pages_dir, "ground-truth.json")
        ids = sorted(json.load(open(truth, encoding="utf-8")))
        pages = [os.path.join(pages_dir, i + ".html") for i in ids]
        folder = os.path.join(work, name, "copydesk")
        os.makedirs(folder, exist_ok=True)
        articles, failures = {}, []
        with concurrent.futures.ThreadPoolExecutor(JOBS) as pool:
            for page_id, (article, errors) in zip(ids, pool.map(lambda p: run_copydesk(args.binary, p), pages)):
                articles[page_id] = article
                if article is None:
                    failures.append("%s: %s" % (page_id[:16], " ".join(errors)))
                with open(os.path.join(folder, page_id + ".txt"), "w", encoding="utf-8") as out:
                    out.write(body_text(article or {}))
        ours = score(scorer, truth, folder)
        cells = {}
        anchor_meta = {}
        if python:
            anchor_dir = os.path.join(work, name, "anchors")
            anchor_meta = run_anchors(python, pages, anchor_dir)
            for tool in ("trafilatura", "readability"):
                cells[tool] = score(scorer, truth, os.path.join(anchor_dir, tool))
        best = max((cells[t]["f1"] for t in cells), default=None)
        margin = "%+.3f (%s)" % (ours["f1"] - best, "met" if ours["f1"] - best >= 0.010 else "not met") \
            if best is not None else "anchors not installed"
        lines.append("%-20s %5d  %.3f (%.3f / %.3f)      %-20s %-20s %s" % (
            name, len(ids), ours["f1"], ours["precision"], ours["recall"],
            "%.3f" % cells["trafilatura"]["f1"] if cells else "—",
            "%.3f" % cells["readability"]["f1"] if cells else "—", margin))
        counts = coverage(articles, pages_dir)
        n = max(counts["pages"], 1)
        notes.append(
            "%s: headline %d/%d, byline %d/%d, published date %d/%d; the published day agrees with the page's "
            "own JSON-LD/meta date on %d of %d" % (
                name, counts["headline"], n, counts["byline"], n, counts["published"], n, counts["agree"],
                counts["own"]))
        for failure in failures:
            notes.append("  failed: " + failure)
        if expected:
            tallies, details = metadata_accuracy(articles, expected, anchor_meta)
            for tool, tally in tallies.items():
                if not any(total for _, total in tally.values()):
                    continue
                notes.append("%s metadata accuracy, %s: %s" % (name, tool, ", ".join(
                    "%s %d/%d" % (field, right, total) for field, (right, total) in tally.items() if total)))
            notes.extend(details)
        if args.worst:
            rows = sorted(ours["pages_scored"], key=lambda row: row["f1"])[: args.worst]
            worst.append("%s, the %d worst pages (copydesk F1, precision, recall; the anchors' F1):" % (
                name, len(rows)))
            anchor_rows = {
                tool: {row["id"]: row["f1"] for row in cells[tool]["pages_scored"]} for tool in cells}
            for row in rows:
                worst.append("  %s  %.2f  p %.2f  r %.2f  tokens %d of %d%s" % (
                    row["id"][:16], row["f1"], row["precision"], row["recall"], row["tokens_pred"],
                    row["tokens_true"], "".join(
                        "  %s %.2f" % (tool, anchor_rows[tool][row["id"]]) for tool in anchor_rows)))
    print("\n".join(lines))
    if not python and not args.no_anchors:
        print("anchors not measured: install them with make anchors")
    print()
    print("\n".join(notes))
    if worst:
        print()
        print("\n".join(worst))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
