#!/usr/bin/env python3
"""Validate copydesk's canonical JSON against Schemas/article.schema.json.

Usage:
  python3 scripts/check-schema.py SCHEMA FILE.json...
      Validates each FILE; prints "FILE: ok" or one line per error,
      "FILE: $.path.to.field: message". Exits 0 when all files are valid,
      1 when any file is invalid, 2 on a usage error (missing or unreadable
      file, invalid JSON, invalid schema, jsonschema not installed).

  python3 scripts/check-schema.py --self-test [SCHEMA]
      Checks that the schema (default: Schemas/article.schema.json beside this
      script's folder) accepts a minimal valid article and rejects a set of
      deliberately invalid ones, each for the expected reason. Exits 0 only if
      every case behaves.
"""

import copy
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jsoncheck import UsageError, json_path, load_json  # noqa: E402

USAGE = (
    "usage: python3 scripts/check-schema.py SCHEMA FILE.json...\n"
    "       python3 scripts/check-schema.py --self-test [SCHEMA]"
)

DEFAULT_SCHEMA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                              "Schemas", "article.schema.json")




def load_jsonschema():
    try:
        import jsonschema  # noqa: F401
        from jsonschema import Draft202012Validator
    except ImportError:
        raise UsageError("the 'jsonschema' Python package is not installed; "
                         "install it with: python3 -m pip install jsonschema")
    return Draft202012Validator




def make_validator(schema_path):
    validator_class = load_jsonschema()
    schema = load_json(schema_path, "schema file")
    from jsonschema.exceptions import SchemaError
    try:
        validator_class.check_schema(schema)
    except SchemaError as error:
        raise UsageError(f"{schema_path}: not a valid draft 2020-12 schema: {error.message}")
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)






def expand(error):
    """Replaces an unhelpful oneOf/anyOf error by the errors of the branch the instance meant.

    A branch that failed on `type` or `const` at the instance itself was not meant (an object
    checked against `{"type": "null"}`); when exactly one branch is left, its errors are the
    useful ones.
    """
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return [error]
    branches = {}
    for sub in error.context:
        branches.setdefault(sub.schema_path[0], []).append(sub)
    meant = []
    for index, subs in branches.items():
        wrong_type = any(sub.validator in ("type", "const", "enum") and
                         list(sub.absolute_path) == list(error.absolute_path) for sub in subs)
        if not wrong_type:
            meant.append(index)
    if len(meant) != 1:
        return [error]
    out = []
    for sub in branches[meant[0]]:
        out.extend(expand(sub))
    return out


def errors_for(validator, instance):
    found = []
    for error in validator.iter_errors(instance):
        found.extend(expand(error))
    found.sort(key=lambda e: ([str(p) for p in e.absolute_path], e.message))
    return [(json_path(e.absolute_path), message_for(e)) for e in found]


def message_for(error):
    """The validator's message, with long regular expressions replaced by what they mean."""
    if error.validator == "pattern" and len(str(error.validator_value)) > 40:
        meaning = ""
        description = error.schema.get("description") if isinstance(error.schema, dict) else None
        if description:
            meaning = ": expected " + description.split(":", 1)[-1].strip().rstrip(".")
        return f"{error.instance!r} does not match the required pattern{meaning}"
    return error.message


def check_files(schema_path, files):
    validator = make_validator(schema_path)
    failed = False
    usage_failed = False
    for path in files:
        try:
            instance = load_json(path, "file")
        except UsageError as error:
            print(f"error: {error}", file=sys.stderr)
            usage_failed = True
            continue
        errors = errors_for(validator, instance)
        if not errors:
            print(f"{path}: ok")
        for where, message in errors:
            print(f"{path}: {where}: {message}")
            failed = True
    if usage_failed:
        return 2
    return 1 if failed else 0


# MARK: - Self-test

def minimal_article():
    return {
        "modelVersion": "2.0",
        "headline": "Harbour barrier opens",
        "subheadline": None,
        "highlights": [],
        "bylines": [{"name": "Ada Quill", "kind": "person", "role": "Reporter", "origin": "printed"}],
        "dateline": None,
        "published": "2025-03-12",
        "publishedText": "12 March 2025",
        "modified": None,
        "language": None,
        "section": None,
        "keywords": ["harbour"],
        "source": {"format": "text", "file": "story.txt"},
        "body": [
            {"type": "heading", "level": 2, "text": "Background", "location": {"line": 5, "column": 1}},
            {"type": "paragraph", "text": "\u201cIt holds,\u201d she said.",
             "content": [{"type": "quotation", "open": "\u201c", "close": "\u201d", "quoteId": "q1",
                          "content": [{"type": "text", "text": "It holds,"}]},
                         {"type": "text", "text": " she said."}]},
            {"type": "list", "ordered": False, "items": [{"text": "One"}], "label": "Councillor Mira Okafor:",
             "speaker": {"name": "Mira Okafor", "mention": "Councillor Mira Okafor", "role": "Chair"}},
            {"type": "pullQuote", "text": "It holds", "attribution": "Ada Quill", "quoteId": "q2"},
            {"type": "image", "src": "floodwall.jpg"},
            {"type": "rule"},
        ],
        "quotes": [{"id": "q1", "text": "It holds,", "speaker": {"name": "Ada Quill", "mention": "she"},
                    "cue": "said", "kind": "direct", "attribution": "pronoun"},
                   {"id": "q2", "text": "It holds", "speaker": {"name": "Ada Quill", "mention": "Ada Quill"},
                    "cue": None, "kind": "pull", "attribution": "explicit"}],
        "extensions": {"copyright": "\u00a9 2025 The Harbour Gazette", "counters": {"reads": 1204}},
    }


def self_test(schema_path):
    validator = make_validator(schema_path)

    def mutate(change):
        doc = minimal_article()
        change(doc)
        return doc

    def set_key(obj, key, value):
        obj[key] = value

    valid_cases = [
        ("minimal valid article", minimal_article()),
        ("array of two articles", [minimal_article(), minimal_article()]),
        ("instant with offset and fraction",
         mutate(lambda d: set_key(d, "published", "2025-06-12T14:05:00.250+01:00"))),
        ("local instant, no zone", mutate(lambda d: set_key(d, "modified", "2024-11-07T09:30:00"))),
        ("year-month precision", mutate(lambda d: set_key(d, "published", "2025-03"))),
        ("empty paragraph writes content []",
         mutate(lambda d: d["body"].append({"type": "paragraph", "text": "", "content": []}))),
        ("unparsed date kept as text",
         mutate(lambda d: (set_key(d, "published", None), set_key(d, "publishedText", "last Tuesday")))),
    ]

    # Each invalid case names the JSON path where an error must be reported, so a document
    # rejected for some other, accidental reason does not pass.
    invalid_cases = [
        ("block without type", mutate(lambda d: d["body"][1].pop("type")), "$.body[1]"),
        ("heading without level", mutate(lambda d: d["body"][0].pop("level")), "$.body[0]"),
        ("heading level 7", mutate(lambda d: set_key(d["body"][0], "level", 7)), "$.body[0].level"),
        ("published not ISO 8601", mutate(lambda d: set_key(d, "published", "12 March 2025")), "$.published"),
        ("published month 13", mutate(lambda d: set_key(d, "published", "2025-13-01")), "$.published"),
        ("published time without seconds",
         mutate(lambda d: set_key(d, "published", "2025-03-12T10:30Z")), "$.published"),
        ("unknown top-level key", mutate(lambda d: set_key(d, "author", "Ada Quill")), "$"),
        ("missing top-level key", mutate(lambda d: d.pop("quotes")), "$"),
        ("quote speaker without name", mutate(lambda d: d["quotes"][0]["speaker"].pop("name")),
         "$.quotes[0].speaker"),
        ("list speaker without name", mutate(lambda d: d["body"][2]["speaker"].pop("name")),
         "$.body[2].speaker"),
        ("quote kind unknown", mutate(lambda d: set_key(d["quotes"][0], "kind", "indirect")),
         "$.quotes[0].kind"),
        ("byline kind unknown", mutate(lambda d: set_key(d["bylines"][0], "kind", "robot")),
         "$.bylines[0].kind"),
        ("paragraph with a list's field", mutate(lambda d: set_key(d["body"][1], "ordered", True)), "$.body[1]"),
        ("image without src", mutate(lambda d: d["body"][4].pop("src")), "$.body[4]"),
        ("nested inline without text",
         mutate(lambda d: d["body"][1]["content"][0]["content"][0].pop("text")),
         "$.body[1].content[0].content[0]"),
        ("location column 0", mutate(lambda d: set_key(d["body"][0]["location"], "column", 0)),
         "$.body[0].location.column"),
        ("modelVersion 1.1 (read and migrated, never written)",
         mutate(lambda d: set_key(d, "modelVersion", "1.1")), "$.modelVersion"),
        ("quote without id", mutate(lambda d: d["quotes"][0].pop("id")), "$.quotes[0]"),
        ("quote with a 1.x block index", mutate(lambda d: set_key(d["quotes"][0], "blockIndex", 1)), "$.quotes[0]"),
        ("byline origin other than printed", mutate(lambda d: set_key(d["bylines"][0], "origin", "field")),
         "$.bylines[0].origin"),
        ("empty array of articles", [], "$"),
    ]

    failures = 0
    for name, doc in valid_cases:
        errors = errors_for(validator, doc)
        if errors:
            failures += 1
            print(f"FAIL accept {name}: " + "; ".join(f"{w}: {m}" for w, m in errors))
        else:
            print(f"ok   accept {name}")
    for name, doc, where in invalid_cases:
        errors = errors_for(validator, doc)
        if not errors:
            failures += 1
            print(f"FAIL reject {name}: the schema accepted it")
        elif not any(w == where for w, _ in errors):
            failures += 1
            print(f"FAIL reject {name}: rejected, but not at {where}: "
                  + "; ".join(f"{w}: {m}" for w, m in errors))
        else:
            message = next(m for w, m in errors if w == where)
            print(f"ok   reject {name} ({where}: {message})")
    total = len(valid_cases) + len(invalid_cases)
    print(f"self-test: {total - failures} passed, {failures} failed")
    return 0 if failures == 0 else 1


def main(argv):
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0
    try:
        if argv and argv[0] == "--self-test":
            if len(argv) > 2:
                raise UsageError("--self-test takes at most one argument, the schema\n" + USAGE)
            return self_test(argv[1] if len(argv) == 2 else DEFAULT_SCHEMA)
        if len(argv) < 2:
            raise UsageError("expected a schema and at least one JSON file\n" + USAGE)
        return check_files(argv[0], argv[1:])
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
