#!/usr/bin/env python3
"""Validate ninjs files written by copydesk against the official IPTC ninjs JSON Schemas.

Usage:
  python3 scripts/check-ninjs.py [--version 3|2] [--standards DIR] FILE.json...

  --version 3     ninjs 3.1 (DIR/ninjs/ninjs-schema_3.1.json), the default
  --version 2     ninjs 2.2 (DIR/ninjs/ninjs-schema_2.2.json)
  --standards DIR the standards folder (default: ../shared/standards beside the checkout)

Both schemas $ref https://geojson.org/schema/GeoJSON.json; the copy in DIR/ninjs/GeoJSON.json is
registered under that URL with the `referencing` library, so nothing is fetched from the network
(an unknown reference is an error, never a download).

Formats are checked with Draft202012Validator.FORMAT_CHECKER. The script refuses to run when
its `date-time` check is not active (it needs the rfc3339-validator package), so a pass means
the dates really are RFC 3339. When the `uri` check is not active (it needs rfc3987), a built-in
RFC 3986 absolute-URI check takes its place.

Prints "FILE: ok" or one line per error, "FILE: $.path.to.field: message". Exits 0 when every
file is valid, 1 when any is invalid, 2 on a usage error (bad arguments, missing or unreadable
file, invalid JSON, jsonschema or rfc3339-validator not installed).
"""

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jsoncheck import UsageError, json_path, load_json  # noqa: E402

SCHEMAS = {"3": "ninjs-schema_3.1.json", "2": "ninjs-schema_2.2.json"}
GEOJSON = "GeoJSON.json"
USAGE = "usage: python3 scripts/check-ninjs.py [--version 3|2] [--standards DIR] FILE.json..."
DEFAULT_STANDARDS = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "shared", "standards")

# RFC 3986 "URI" (absolute, optional fragment): scheme ":" then only characters a URI may hold.
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:"
                  r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?\[\]]|%[0-9A-Fa-f]{2})*"
                  r"(?:#(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?$")




def parse_arguments(argv):
    version, standards, files = "3", DEFAULT_STANDARDS, []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in ("--version", "--standards"):
            if index + 1 >= len(argv):
                raise UsageError(f"{arg} needs a value\n{USAGE}")
            value = argv[index + 1]
            if arg == "--version":
                if value not in SCHEMAS:
                    raise UsageError(f"--version must be 3 or 2, not {value!r}\n{USAGE}")
                version = value
            else:
                standards = value
            index += 2
        elif arg.startswith("--version="):
            argv[index:index + 1] = ["--version", arg.split("=", 1)[1]]
        elif arg.startswith("--standards="):
            argv[index:index + 1] = ["--standards", arg.split("=", 1)[1]]
        elif arg.startswith("-") and arg != "-":
            raise UsageError(f"unknown option {arg}\n{USAGE}")
        else:
            files.append(arg)
            index += 1
    if not files:
        raise UsageError(f"expected at least one JSON file\n{USAGE}")
    return version, standards, files




def make_validator(version, standards):
    try:
        from jsonschema import Draft202012Validator, FormatChecker
        from jsonschema.exceptions import SchemaError
        from referencing import Registry, Resource
    except ImportError:
        raise UsageError("the 'jsonschema' Python package is not installed; "
                         "install it with: python3 -m pip install jsonschema")

    base_checker = Draft202012Validator.FORMAT_CHECKER
    if "date-time" not in base_checker.checkers or base_checker.conforms("2025-03-12", "date-time"):
        raise UsageError("the jsonschema 'date-time' format check is not active, so dates would not be "
                         "checked; install it with: python3 -m pip install rfc3339-validator")
    checker = FormatChecker(formats=())
    checker.checkers = dict(base_checker.checkers)
    if "uri" not in checker.checkers:
        checker.checks("uri")(lambda instance: not isinstance(instance, str) or bool(_URI.match(instance)))

    folder = os.path.join(standards, "ninjs")
    schema_path = os.path.join(folder, SCHEMAS[version])
    schema = load_json(schema_path, "schema file")
    geojson = load_json(os.path.join(folder, GEOJSON), "schema file")
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        raise UsageError(f"{schema_path}: not a valid draft 2020-12 schema: {error.message}")
    registry = Registry().with_resource(geojson["$id"], Resource.from_contents(geojson))
    return Draft202012Validator(schema, registry=registry, format_checker=checker)




def leaf_errors(error):
    """Replaces a oneOf/anyOf error by the errors of the branch the instance meant, when one can tell.

    A branch that failed on `enum` or `const` (GeoJSON's `"type": "Point"`), or on `type` at the
    instance itself, was not meant; when exactly one branch is left, its errors say what is wrong.
    """
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return [error]
    branches = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    meant = [
        subs for subs in branches.values()
        if not any(sub.validator in ("enum", "const")
                   or (sub.validator == "type" and list(sub.absolute_path) == list(error.absolute_path))
                   for sub in subs)
    ]
    if len(meant) != 1:
        return [error]
    return [leaf for sub in meant[0] for leaf in leaf_errors(sub)]


def errors_for(validator, instance):
    from referencing.exceptions import Unresolvable
    try:
        found = [leaf for error in validator.iter_errors(instance) for leaf in leaf_errors(error)]
    except Unresolvable as error:
        raise UsageError(f"a schema reference cannot be resolved offline: {error}")
    found.sort(key=lambda e: ([str(p) for p in e.absolute_path], e.message))
    seen, out = set(), []
    for error in found:
        line = (json_path(error.absolute_path), error.message)
        if line not in seen:
            seen.add(line)
            out.append(line)
    return out


def main(argv):
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0
    try:
        version, standards, files = parse_arguments(list(argv))
        validator = make_validator(version, standards)
        documents = [(path, load_json(path, "file")) for path in files]
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    failed = False
    for path, document in documents:
        try:
            errors = errors_for(validator, document)
        except UsageError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        if errors:
            failed = True
            for where, message in errors:
                print(f"{path}: {where}: {message}")
        else:
            print(f"{path}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
