#!/usr/bin/env python3
"""copydesk — the validator's mutation benchmark (make eval-validator).

Takes the project's sample articles in every input format they come in (plain text, Markdown,
YAML, HTML) and the same articles converted to canonical JSON and YAML, injects one defect at a
time into the file's text, and checks that `copydesk validate` reports the rule that defect
belongs to at the line (and column) where the defect was injected, and that the injection
introduced no other finding.

Defects, one class each: in a byline line a doubled "By", an email address, a URL, a date, a role
(checked as read: one person with a role, no finding), capitals, a job title in place of the
name (a title read as a name); the byline removed; an
impossible, an implausible, an unparseable and a future publication date; a modification date
before publication; a dateline date that contradicts publication; a quotation stripped of its
attribution; a pronoun speaker with no antecedent; an opening quotation mark that is never closed;
a duplicated paragraph and a furniture line (text formats); the headline removed, over the length
limit, in capitals; an empty body. Data formats (JSON, YAML) are rewritten through their writer
after the injection, so the file stays well-formed.

Then, with ../shared beside the checkout (skipped with a message without it, or with
--no-corpus): false alarms on professional copy, as warnings and errors per article on the
thirdparty collection's text-bearing files (reading diagnostics, which say a file holds no
article, apart), and on the 200 articles of the quote corpus's dev.jsonl read as plain text:
quote.unattributed where the corpus names the quote's speaker, quote.unbalanced where the
paragraph's marks pair up once inches and apostrophes are set aside.

Usage: scripts/eval-validator.py COPYDESK [--verbose] [--json FILE] [--no-corpus]
Exit status: 0 when recall at the exact position is at least --goal (default 0.95) and no
injection introduced another finding; 1 otherwise; 2 when the tool fails.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOW = "2026-12-05T00:00:00Z"


def run(binary, *args):
    result = subprocess.run([binary, *args], capture_output=True, text=True)
    return result


def canonical(binary, path):
    """The article copydesk reads from a file (the first of a stream)."""
    result = run(binary, "convert", path, "--to", "json")
    if result.returncode != 0:
        return None
    data = json.loads(result.stdout)
    return data[0] if isinstance(data, list) else data


def position(text, offset):
    """1-based line and column (in characters) of an offset into text."""
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def findings(binary, folder):
    result = run(binary, "validate", "--format", "json", "--now", NOW, folder)
    try:
        report = json.loads(result.stdout)
    except ValueError:
        raise SystemExit("eval-validator: copydesk validate failed: " + result.stderr)
    by_file = {}
    for finding in report["diagnostics"]:
        if finding.get("severity") not in ("error", "warning"):
            continue
        name = os.path.basename(finding.get("file") or "")
        by_file.setdefault(name, []).append(finding)
    return by_file


def signature(finding):
    return (finding.get("rule"), finding.get("line"), finding.get("column"))


# MARK: - Mutations

def replace_once(text, old, new):
    """The text with the first occurrence of old replaced, and where it stood; None when absent."""
    index = text.find(old)
    if index < 0:
        return None
    return text[:index] + new + text[index + len(old):], index


def replace_all(text, old, new):
    """Every occurrence replaced (a page repeats its headline in <title>, og:title and <h1>); the
    offset is the last one's (the visible heading comes after the head's copies)."""
    index = text.rfind(old)
    if index < 0:
        return None
    before = text[:index].replace(old, new)
    return before + new + text[index + len(old):], len(before)


def without_line(text, pattern):
    """The text without the first line that starts (after indentation) with pattern."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if line.lstrip().startswith(pattern):
            del lines[number]
            break
    return "\n".join(lines)


def set_field(text, extension, field, value, within=None):
    """A data file's field (canonical JSON or YAML, as copydesk writes them) set to value: the
    mutated text and where the value stands. `within` names the list whose first item holds it."""
    start = 0
    if within:
        key = '"%s":' % within if extension == "json" else "%s:" % within
        start = text.find(key)
        if start < 0:
            return None
    if extension == "json":
        # A top-level key is indented by two spaces (copydesk's pretty JSON); a list item's deeper.
        key = ('"%s": "' % field) if within else ('\n  "%s": "' % field)
        index = text.find(key, start)
        if index < 0:
            return None
        begin = index + len(key)
        _, end = json.JSONDecoder().raw_decode(text, begin - 1)
        return text[:begin] + json.dumps(value)[1:-1] + text[end - 1:], begin
    for prefix in (("- %s: " % field, "  %s: " % field) if within else ("\n%s: " % field,)):
        index = text.find(prefix, start)
        if index >= 0:
            begin = index + len(prefix)
            end = text.find("\n", begin)
            quoted = "'" + value.replace("'", "''") + "'"
            return text[:begin] + quoted + text[end:], begin
    return None


def mutations(article, text, extension, rewrite):
    """(name, rule, mutated text, offset of the defect, consequences) for every defect this file
    can take; consequences are other rules the defect implies (a future publication date puts a
    modification date before it)."""
    out = []
    data = extension in ("json", "yaml")
    bylines = article.get("bylines") or []
    if bylines:
        name = bylines[0]["name"]
        raw = bylines[0].get("raw") or name

        def byline(label, new_name):
            if data:
                hit = set_field(text, extension, "name", new_name, within="bylines")
                if hit and raw != name:
                    # The printed form says the same: the credit as given is the defective one.
                    again = set_field(hit[0], extension, "raw", new_name, within="bylines")
                    hit = (again[0], hit[1]) if again else hit
            else:
                hit = replace_once(text, name, new_name)
            if hit:
                out.append((label, "byline.malformed", hit[0], hit[1], [], new_name))

        # A printed credit line may start with "By": doubled, it is a defect; a data field holds the
        # name alone, so one "By" is.
        printed = bylines[0].get("origin") == "printed"
        byline("byline doubled prefix", ("By By " if data and printed else "By ") + name)
        byline("byline email", name + ", " + name.split()[0].lower() + "@example.com")
        byline("byline URL", name + " https://example.com/staff/" + name.split()[0].lower())
        # A date after the credit: at the end of a printed line, beside the name in a data field.
        # The article's own date, as printed, so that the defect is the date's place, not its value.
        stamp = " | " + (article.get("publishedText") or article.get("published") or "12 March 2025")
        if data or raw == name or raw not in text:
            byline("byline date", name + stamp)
        else:
            hit = replace_once(text, raw, raw + stamp)
            if hit:
                out.append(("byline date", "byline.malformed", hit[0], hit[1], [], raw + stamp))
        if any(c.islower() for c in name) and len(name) >= 4:
            byline("byline capitals", name.upper())
        # A job title where the name belongs: the title read as a name.
        byline("byline title as name", "Senior Correspondent")
        # A role after the name is no defect: the byline reads as one person with that role.
        if bylines[0].get("kind") == "person" and not bylines[0].get("role") and printed:
            role = "Executive Director of the Harbour Trust"
            hit = replace_once(text, name, name + ", " + role)
            if hit:
                out.append(("byline role (no finding)", None, hit[0], hit[1], [], role,
                            {"bylines": [{"name": name, "role": role}]}))
        # No byline at all, where nothing else credits the article (no credit line, no agency).
        credited = (article.get("source") or {}).get("credit") or len(bylines) > 1
        if not credited and extension in ("txt", "md", "json", "yaml"):
            if data:
                mutated = rewrite(article, extension, lambda a: a.pop("bylines"))
            else:
                lines = text.split("\n")
                holding = [i for i, line in enumerate(lines) if name in line]
                mutated = "\n".join(lines[:holding[0]] + lines[holding[0] + 1:]) if len(holding) == 1 else None
            if mutated:
                out.append(("byline missing", "byline.missing", mutated, None, [], None))
    printed = article.get("publishedText") or article.get("published")
    # A publication date pushed into the future also falls after the modification date and the
    # dateline's date: consequences of the one defect, not other findings.
    consequences = ["date.modified-before-published", "date.dateline-mismatch"]
    if printed:
        iso = printed[:4].isdigit() and printed[4:5] == "-"
        dates = [
            ("date impossible", "date.invalid", "2023-02-29T10:00:00Z", "29 February 2023"),
            ("date implausible", "date.invalid", "0001-01-01T00:00:00Z", "1 January 0001"),
            ("date unparseable", "date.unparseable", None, "sometime last week"),
            ("date future", "date.future", "2099-06-01T09:00:00Z", "1 June 2099"),
        ]
        for label, rule, iso_value, written in dates:
            line_start = text.rfind("\n", 0, max(text.find(printed), 0)) + 1
            line_end = text.find("\n", line_start)
            alone = text[line_start:line_end if line_end >= 0 else len(text)].strip() == printed
            if rule == "date.unparseable" and not data and alone:
                # A line that is a date alone and no longer parses is no longer a date line: nothing
                # says it was meant as one.
                continue
            if data:
                # Canonical JSON holds dates in ISO 8601 by contract: printed text there is a read error.
                value = iso_value if extension == "json" else (iso_value or written)
                if value is None:
                    continue
                hit = set_field(text, extension, "published", value)
                if hit:
                    mutated = without_line(hit[0], '"publishedText":' if extension == "json" else "publishedText:")
                    hit = (mutated, hit[1])
            else:
                hit = replace_once(text, printed, (iso_value if iso and iso_value else written))
            if hit:
                value = (iso_value or written) if data else (iso_value if iso and iso_value else written)
                out.append((label, rule, hit[0], hit[1], consequences if rule == "date.future" else [], value))
    # A modification date a year before publication.
    published = article.get("published")
    if published and published[:4].isdigit():
        earlier = "%04d-01-15T09:00:00Z" % (int(published[:4]) - 1)
        if data:
            mutated = rewrite(article, extension, lambda a: a.update({"modified": earlier, "modifiedText": None}))
            if mutated:
                out.append(("date modified before published", "date.modified-before-published", mutated,
                            mutated.find(earlier), [], earlier))
        elif article.get("modifiedText") and article["modifiedText"] in text:
            hit = replace_once(text, article["modifiedText"], earlier)
            if hit:
                out.append(("date modified before published", "date.modified-before-published", hit[0], hit[1], [],
                            earlier))
    # A dateline whose day disagrees with the publication date.
    dateline = article.get("dateline") or {}
    match = re.match(r"^([A-Za-z]+\.? )(\d{1,2})$", dateline.get("date") or "")
    if match and dateline.get("raw") and (dateline["raw"] in text or data):
        day = int(match.group(2))
        moved = match.group(1) + str(day + 7 if day <= 21 else day - 7)
        if data:
            def move(a):
                a["dateline"]["date"] = moved
                a["dateline"]["raw"] = a["dateline"]["raw"].replace(dateline["date"], moved)
            mutated = rewrite(article, extension, move)
        else:
            mutated = text.replace(dateline["raw"], dateline["raw"].replace(dateline["date"], moved))
        if mutated:
            index = mutated.find(dateline["raw"].replace(dateline["date"], moved))
            out.append(("dateline date mismatch", "date.dateline-mismatch", mutated, max(index, 0), [], moved))
    # A quotation stripped of its attribution, and one attributed to a pronoun with no one named before.
    quotes = [q for q in article.get("quotes") or [] if q.get("kind") == "direct"]
    # One or two words in quotation marks are a term or a scare quote, which quote.unattributed
    # leaves alone by its documentation: stripping their speaker injects no defect.
    attributed = [q for q in quotes if q.get("attribution") == "explicit" and (q.get("speaker") or {}).get("mention")
                  and len(q.get("text", "").split()) > 2]
    if attributed:
        quote = attributed[0]
        first = quote is quotes[0]
        if data:
            def strip(a, speaker=None):
                for q in a["quotes"]:
                    if q.get("id") == quote.get("id"):
                        q["speaker"] = speaker
                        q["attribution"] = "pronoun" if speaker else None
                        q["cue"] = "said" if speaker else None
            def entry(mutated):
                """Where the quotation's text stands in the data file's list of quotes."""
                index = mutated.find(quote["text"][:25], max(mutated.find("quotes"), 0))
                return index if index >= 0 else None
            mutated = rewrite(article, extension, strip)
            if mutated and entry(mutated) is not None:
                out.append(("quote stripped of attribution", "quote.unattributed", mutated, entry(mutated), [],
                            quote["text"][:25]))
            if first:
                mutated = rewrite(article, extension, lambda a: strip(a, {"name": "she", "mention": "she"}))
                if mutated and entry(mutated) is not None:
                    out.append(("quote pronoun speaker", "quote.pronoun-speaker", mutated, entry(mutated), [],
                                quote["text"][:25]))
        else:
            for label, rule, replacement in (("quote stripped of attribution", "quote.unattributed", ""),
                                             ("quote pronoun speaker", "quote.pronoun-speaker", " she said")):
                if rule == "quote.pronoun-speaker" and not first:
                    continue
                hit = without_attribution(text, quote, replacement)
                if hit:
                    out.append((label, rule, hit[0], hit[1], [], None))
    body = [b for b in article.get("body") or [] if b.get("type") == "paragraph" and len(b.get("text", "")) > 40]
    if body:
        # The first words of the first paragraph of running text, as the file holds them.
        words = body[0]["text"].split()
        start = " ".join(words[:3])
        index = text.find(start)
        if index >= 0 and "“" not in body[0]["text"] and '"' not in body[0]["text"]:
            out.append(("quotation never closed", "quote.unbalanced", text[:index] + "“" + text[index:], index, [],
                        "“" + start))
        last = " ".join(words[-3:])
        end = text.find(last, index)
        if extension in ("txt", "md") and index >= 0 and end >= 0:
            end += len(last)
            paragraph = text[index:end]
            mutated = text[:end] + "\n\n" + paragraph + text[end:]
            out.append(("duplicated paragraph", "body.duplicate-paragraph", mutated, end + 2, [], paragraph))
    headline = article.get("headline")
    if headline:
        # Just over the default limit of 100 characters: a line much longer is running text.
        long = (headline + " as the council weighs further work in the spring")[:112]
        if len(long) <= 100:
            long = long + " " + "x" * (101 - len(long))
        for label, rule, value in (("headline too long", "headline.too-long", long),
                                   ("headline capitals", "headline.all-caps", headline.upper())):
            if rule == "headline.all-caps" and not any(c.islower() for c in headline):
                continue
            if data:
                hit = set_field(text, extension, "headline", value)
            elif extension == "html":
                hit = replace_all(text, headline, value)
            else:
                hit = replace_once(text, headline, value)
            if hit:
                out.append((label, rule, hit[0], hit[1], [], value))
    # A furniture line among the paragraphs (a web page's furniture is the HTML reader's to drop,
    # not a defect of the article: text and data formats only).
    furniture = "Share this article on Facebook"
    if body:
        if data:
            mutated = rewrite(article, extension, lambda a: a["body"].insert(
                1, {"type": "paragraph", "text": furniture}))
            if mutated:
                out.append(("furniture line", "body.boilerplate", mutated, mutated.find(furniture), [], furniture))
        elif extension in ("txt", "md") and index >= 0 and end >= 0:
            mutated = text[:end] + "\n\n" + furniture + text[end:]
            out.append(("furniture line", "body.boilerplate", mutated, end + 2, [], furniture))
    # No headline, and no body: data formats, where the field is simply absent.
    if data and headline:
        mutated = rewrite(article, extension, lambda a: a.pop("headline"))
        if mutated:
            out.append(("headline missing", "headline.missing", mutated, None, [], None))
    if data and article.get("body"):
        mutated = rewrite(article, extension, lambda a: a.update({"body": [], "quotes": [], "dateMentions": []}))
        if mutated:
            out.append(("body empty", "body.empty", mutated, None, [], None))
    return out


SPEECH = r"(?:said|says|added|told reporters|explained|wrote)"


def words_pattern(phrase):
    """A phrase as a pattern that lets a line break stand for any space."""
    return r"\s+".join(re.escape(word) for word in phrase.split())


def without_attribution(text, quote, replacement):
    """The text with the attribution after a quotation's closing mark replaced (`,” said Jane Roe,
    the harbour master.` → `.”` or `,” she said.`), and where the quotation opens."""
    mention = quote["speaker"]["mention"]
    words = quote["text"].split()[:3]
    opening = re.search(r"[“\"]" + words_pattern(" ".join(words)), text)
    if not opening:
        return None
    after = r"([,.!?]?)([”\"])(\s+)"
    patterns = [after + SPEECH + r"\s+" + words_pattern(mention) + r"(?:,[^.“”\"\n]*?)?([.,])",
                after + words_pattern(mention) + r"(?:,[^.“”\"\n]*?,)?\s+" + SPEECH + r"([.,])"]
    for pattern in patterns:
        found = re.compile(pattern).search(text, opening.start())
        if found and found.start() - opening.start() < len(quote["text"]) + 40:
            punctuation = "." if not replacement else ","
            ending = found.group(4) if replacement else ""
            new = punctuation + found.group(2) + replacement + ending
            return text[:found.start()] + new + text[found.end():], opening.start()
    return None


def reads_as(article, expected):
    """Whether an article read holds what is expected: for each listed byline, one byline with
    those fields."""
    for want in (expected or {}).get("bylines", []):
        if not any(all(b.get(k) == v for k, v in want.items()) for b in article.get("bylines") or []):
            return False
    return True


# MARK: - False alarms on professional copy

READING = ("newsml.", "nitf.", "ninjs.", "input.", "json.", "yaml.", "xml.", "feed.", "rss.", "atom.")


def false_alarms(binary, shared, work):
    thirdparty = os.path.join(shared, "corpus", "thirdparty")
    dev = os.path.join(shared, "corpus", "quotes", "dev.jsonl")
    if not os.path.isdir(thirdparty) or not os.path.isfile(dev):
        print("false alarms: skipped, %s is absent (the corpus part needs ../shared)" % shared)
        return
    folders = [os.path.join(thirdparty, d) for d in ("newsml", "nitf", "ninjs", "markdown", "html", "feeds")
               if os.path.isdir(os.path.join(thirdparty, d))]
    articles = 0
    for folder in folders:
        for name in sorted(os.listdir(folder)):
            result = run(binary, "convert", os.path.join(folder, name), "--to", "ndjson")
            articles += sum(1 for line in result.stdout.splitlines() if line.startswith("{"))
    report = json.loads(run(binary, "validate", "--format", "json", "--now", NOW, *folders).stdout)
    counts = {}
    notes = {}
    for finding in report["diagnostics"]:
        rule = finding.get("rule") or ""
        if finding.get("severity") in ("error", "warning") and not rule.startswith(READING):
            counts[rule] = counts.get(rule, 0) + 1
        elif finding.get("severity") == "note" and rule.startswith(("date.", "quote.", "byline.")):
            notes[rule] = notes.get(rule, 0) + 1
    total = sum(counts.values())
    print("false alarms, thirdparty (%s): %d articles read, %d rule warnings+errors, %.2f per article (goal <= 0.5)"
          % (", ".join(os.path.basename(f) for f in folders), articles, total, total / max(articles, 1)))
    for rule, count in sorted(counts.items(), key=lambda item: -item[1]):
        print("  %4d %s" % (count, rule))
    for rule, count in sorted(notes.items(), key=lambda item: -item[1]):
        print("  %4d %s (notes, not counted)" % (count, rule))
    # The quote corpus as plain text.
    rows = [json.loads(line) for line in open(dev, encoding="utf-8")]
    folder = os.path.join(work, "dev")
    os.makedirs(folder)
    for number, row in enumerate(rows):
        with open(os.path.join(folder, "%03d.txt" % number), "w", encoding="utf-8") as out:
            out.write(row["text"])
    report = json.loads(run(binary, "validate", "--format", "json", "--now", NOW, folder).stdout)
    unattributed = unbalanced = named = after = 0
    for finding in report["diagnostics"]:
        rule = finding.get("rule")
        if rule == "date.mention-after-published":
            after += 1
        elif rule == "quote.unbalanced":
            unbalanced += 1
        elif rule == "quote.unattributed":
            unattributed += 1
            row = rows[int(os.path.basename(finding["file"])[:3])]
            message = finding.get("message", "")
            # The corpus names a speaker for a quote whose text the finding quotes.
            quoted = message.split("“", 1)[-1].split("”", 1)[0].rstrip("…")[:30]
            if any(q.get("speaker") and quoted and quoted in q.get("text", "") for q in row.get("quotes", [])):
                named += 1
    print("false alarms, dev.jsonl as plain text (%d articles): quote.unattributed %d (%d where the corpus names "
          "the speaker), quote.unbalanced %d; notes of date.mention-after-published %d"
          % (len(rows), unattributed, named, unbalanced, after))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("copydesk")
    parser.add_argument("--samples", default=os.path.join(HERE, "Samples"))
    parser.add_argument("--goal", type=float, default=0.95)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json")
    parser.add_argument("--no-corpus", action="store_true", help="skip the false-alarm figures on ../shared")
    parser.add_argument("--shared", default=os.environ.get("SHARED", os.path.join(HERE, "..", "shared")))
    options = parser.parse_args()
    binary = options.copydesk
    work = tempfile.mkdtemp(prefix="copydesk-mutations-")
    try:
        bases = []
        for name in sorted(os.listdir(options.samples)):
            path = os.path.join(options.samples, name)
            extension = name.rsplit(".", 1)[-1]
            if extension not in ("txt", "md", "yaml", "html"):
                continue
            bases.append((name, path))
            # The same article in the data formats.
            for target, ext in (("json", "json"), ("yaml", "yaml")):
                if extension == ext:
                    continue
                result = run(binary, "convert", path, "--to", target)
                if result.returncode == 0 and not result.stdout.lstrip().startswith("["):
                    converted = os.path.join(work, "base-" + name + "." + ext)
                    with open(converted, "w") as out:
                        out.write(result.stdout)
                    bases.append((os.path.basename(converted), converted))
        cases = []

        def rewriter(article, extension, change):
            """The article (as read) changed and written back in its data format, as copydesk writes it."""
            changed = json.loads(json.dumps(article))
            try:
                change(changed)
            except (KeyError, IndexError, TypeError):
                return None
            text = json.dumps(changed, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
            if extension == "json":
                return text
            scratch = os.path.join(work, "rewrite.json")
            with open(scratch, "w", encoding="utf-8") as out:
                out.write(text)
            result = run(binary, "convert", scratch, "--to", extension)
            return result.stdout if result.returncode == 0 else None

        clean_dir = os.path.join(work, "clean")
        mutated_dir = os.path.join(work, "mutated")
        os.makedirs(clean_dir)
        os.makedirs(mutated_dir)
        for name, path in bases:
            article = canonical(binary, path)
            if article is None:
                continue
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            extension = name.rsplit(".", 1)[-1]
            shutil.copy(path, os.path.join(clean_dir, name))
            for number, (label, rule, mutated, offset, implied, value, *expected) in enumerate(
                    mutations(article, text, extension, rewriter)):
                stem, ext = name.rsplit(".", 1)
                file = "%s--m%02d.%s" % (stem, number, ext)
                with open(os.path.join(mutated_dir, file), "w", encoding="utf-8") as out:
                    out.write(mutated)
                # A defect of the whole article (no byline, no headline, no body) has no position.
                line, column = position(mutated, offset) if offset is not None else (None, None)
                # Where the injected text stands (a page repeats its headline): any occurrence counts.
                spans = []
                probe = value
                search = 0
                while probe:
                    found_at = mutated.find(probe, search)
                    if found_at < 0:
                        break
                    spans.append((position(mutated, found_at), position(mutated, found_at + len(probe))))
                    search = found_at + 1
                cases.append({"base": name, "file": file, "defect": label, "rule": rule, "line": line,
                              "column": column, "format": extension, "implied": implied, "spans": spans,
                              "expected": expected[0] if expected else None,
                              "path": os.path.join(mutated_dir, file)})
        clean = findings(binary, clean_dir)
        found = findings(binary, mutated_dir)
        results = {"found": 0, "exact": 0, "introduced": 0}
        rows = {}
        for case in cases:
            mine = found.get(case["file"], [])
            before = {signature(f) for f in clean.get(case["base"], [])}
            matches = [f for f in mine if f.get("rule") == case["rule"]]
            if case["rule"] is None:
                # No finding expected: the defect-like text must be read as intended.
                reading = canonical(binary, case["path"]) or {}
                matches = [{"rule": None}] if reads_as(reading, case["expected"]) else []
            def at_defect(f):
                if case["rule"] is None:
                    return True
                if case["line"] is None:
                    # A finding on the whole article: no position, or the file's start.
                    return f.get("line") is None or f.get("line") == 1
                # On the defect's line, at it or at the start of the entry that holds it.
                if f.get("line") == case["line"] and (f.get("column") is None
                                                      or f["column"] <= case["column"] + 3):
                    return True
                # Within the injected text, wherever it stands.
                return any(start[0] <= f.get("line", 0) <= end[0]
                           and (f.get("line") != start[0] or f.get("column", 1) >= start[1] - 3)
                           and (f.get("line") != end[0] or f.get("column", 1) <= end[1])
                           for start, end in case["spans"])
            exact = [f for f in matches if at_defect(f)]
            case["found"] = bool(matches)
            case["exact"] = bool(exact)
            # A finding the clean file did not have, of another rule: introduced by the injection.
            # (Positions below the injection may shift by a line; compare rule and line-insensitive.)
            before_rules = [s[0] for s in before]
            extra = [f for f in mine if f.get("rule") != case["rule"] and f.get("rule") not in case["implied"]
                     and before_rules.count(f.get("rule")) < [g.get("rule") for g in mine].count(f.get("rule"))]
            case["introduced"] = sorted({f.get("rule") for f in extra})
            results["found"] += case["found"]
            results["exact"] += case["exact"]
            results["introduced"] += bool(extra)
            row = rows.setdefault(case["defect"], [0, 0, 0, 0])
            row[0] += 1
            row[1] += case["found"]
            row[2] += case["exact"]
            row[3] += bool(extra)
        total = len(cases)
        print("eval-validator: %d injected defects in %d files (%s)" % (total, len(bases), options.samples))
        print("%-26s %6s %6s %6s %11s" % ("defect", "cases", "found", "exact", "introduced"))
        for defect, (count, hit, exact, extra) in sorted(rows.items()):
            print("%-26s %6d %6d %6d %11d" % (defect, count, hit, exact, extra))
        recall = results["exact"] / total if total else 1.0
        print("%-26s %6d %6d %6d %11d" % ("all", total, results["found"], results["exact"], results["introduced"]))
        print("recall at the exact position: %.3f (goal %.2f); injections that introduced another finding: %d"
              % (recall, options.goal, results["introduced"]))
        misses = [c for c in cases if not c["exact"] or c["introduced"]]
        for case in misses if options.verbose else misses[:15]:
            what = "missed" if not case["found"] else ("elsewhere" if not case["exact"] else "ok")
            extra = (" introduced " + ",".join(case["introduced"])) if case["introduced"] else ""
            got = ",".join("%s:%s" % (f.get("line"), f.get("column")) for f in found.get(case["file"], [])
                           if f.get("rule") == case["rule"])
            where = "%d:%d" % (case["line"], case["column"]) if case["line"] is not None else "the article"
            print("  %s %s: %s at %s — %s%s%s" % (case["file"], case["defect"], case["rule"] or "no finding", where,
                                                 what, (" (at " + got + ")") if got else "", extra))
        if options.json:
            with open(options.json, "w") as out:
                json.dump(cases, out, indent=1)
        if not options.no_corpus:
            false_alarms(binary, options.shared, work)
        return 0 if recall >= options.goal and results["introduced"] == 0 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
