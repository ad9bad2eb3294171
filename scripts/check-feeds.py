#!/usr/bin/env python3
"""copydesk — check feeds with feedparser (PyPI), as feed readers parse them.

Usage: scripts/check-feeds.py FEED... [--entries N,N,...]

Each RSS or Atom file is parsed by feedparser; a feed it flags as `bozo` (not well-formed, a wrong
encoding, an undefined entity...) or does not recognise is an error, printed with feedparser's
reason, and so is an entry without an id. feedparser 6.0 (the current release) does not read JSON
Feed, so a JSON file is checked here against JSON Feed 1.1's rules instead: `version`, `title`,
`items`, each item's `id` and `content_html` or `content_text`, strings where the spec has strings,
RFC 3339 dates, authors with a name. With --entries, the number of entries of each file is checked
too (one count per file, in order). Prints one line per file: `FILE: VERSION, N entries` and exits
0 when every file is clean, 1 otherwise, 2 when feedparser is missing (install it with
`python3 -m pip install feedparser`, as `make test` does into .venv).
"""

import argparse
import datetime
import json
import re
import sys

try:
    import feedparser
except ImportError:
    print("check-feeds: feedparser is not installed (python3 -m pip install feedparser)", file=sys.stderr)
    sys.exit(2)


RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def json_feed(data):
    """(version, entries, problems) of a JSON Feed, by JSON Feed 1.1's rules."""
    problems = []
    try:
        feed = json.loads(data.decode("utf-8"))
    except ValueError as error:
        return None, 0, ["not JSON: %s" % error]
    if not isinstance(feed, dict):
        return None, 0, ["the top level is not an object"]
    version = feed.get("version")
    if version not in ("https://jsonfeed.org/version/1", "https://jsonfeed.org/version/1.1"):
        problems.append("version is %r" % version)
    if not isinstance(feed.get("title"), str):
        problems.append("no title")
    for key in ("home_page_url", "feed_url", "description", "language"):
        if key in feed and not isinstance(feed[key], str):
            problems.append("%s is not a string" % key)
    items = feed.get("items")
    if not isinstance(items, list):
        return version, 0, problems + ["items is not an array"]
    for number, item in enumerate(items, 1):
        where = "item %d" % number
        if not isinstance(item, dict):
            problems.append("%s is not an object" % where)
            continue
        if not isinstance(item.get("id"), str) or not item["id"]:
            problems.append("%s has no id" % where)
        if not isinstance(item.get("content_html"), str) and not isinstance(item.get("content_text"), str):
            problems.append("%s has neither content_html nor content_text" % where)
        for key in ("url", "external_url", "title", "content_html", "content_text", "summary", "image", "language"):
            if key in item and not isinstance(item[key], str):
                problems.append("%s: %s is not a string" % (where, key))
        for key in ("date_published", "date_modified"):
            if key in item:
                value = item[key]
                try:
                    if not isinstance(value, str) or not RFC3339.match(value):
                        raise ValueError
                    datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
                except ValueError:
                    problems.append("%s: %s %r is not an RFC 3339 date-time" % (where, key, value))
        authors = item.get("authors", [])
        if not isinstance(authors, list) or not all(isinstance(a, dict) and isinstance(a.get("name"), str)
                                                    for a in authors):
            problems.append("%s: authors are not objects with a name" % where)
        tags = item.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
            problems.append("%s: tags are not strings" % where)
    return ("json" + version.rsplit("/", 1)[-1].replace(".", "")) if isinstance(version, str) else None, len(items), problems


def main():
    parser = argparse.ArgumentParser(description="Check feeds with feedparser: no bozo, the entries expected.")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--entries", help="the number of entries of each file, comma-separated")
    args = parser.parse_args()
    expected = [int(n) for n in args.entries.split(",")] if args.entries else None
    if expected is not None and len(expected) != len(args.files):
        parser.error("--entries needs one count per file")
    failed = False
    for index, path in enumerate(args.files):
        with open(path, "rb") as handle:
            data = handle.read()
        if data.lstrip()[:1] == b"{":
            version, entries, problems = json_feed(data)
        else:
            feed = feedparser.parse(data)
            version, entries, problems = feed.version, len(feed.entries), []
            if feed.bozo:
                problems.append("bozo: %s" % feed.get("bozo_exception"))
            if not feed.version:
                problems.append("feedparser does not recognise it as a feed")
            for number, entry in enumerate(feed.entries, 1):
                if not entry.get("id"):
                    problems.append("entry %d has no id" % number)
        if expected is not None and entries != expected[index]:
            problems.append("%d entries, expected %d" % (entries, expected[index]))
        print("%s: %s, %d entries%s" % (path, version or "unknown", entries,
                                        "; " + "; ".join(problems) if problems else ""))
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
