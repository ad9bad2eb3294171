"""Helpers shared by copydesk's JSON Schema checkers (check-schema.py, check-ninjs.py, check-sarif.py)."""

import json
import re


class UsageError(Exception):
    """A problem with how the checker was called or with an input file: exit code 2."""


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def load_json(path, what):
    """The parsed JSON of a file (a UTF-8 BOM is allowed), or a UsageError saying what is wrong."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such {what}")
    except OSError as error:
        raise UsageError(f"{path}: cannot read {what}: {error.strerror or error}")
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise UsageError(f"{path}: not UTF-8: {error}")
    except json.JSONDecodeError as error:
        raise UsageError(f"{path}: not valid JSON: {error.msg} at line {error.lineno} column {error.colno}")


def json_path(parts):
    """A JSON path such as $.body[3].type for an error's location."""
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENTIFIER.match(part):
            out += "." + part
        else:
            out += "[" + json.dumps(part) + "]"
    return out
