#!/usr/bin/env python3
"""Validate SARIF logs against the SARIF 2.1.0 JSON Schema.

Usage:
  python3 scripts/check-sarif.py SCHEMA FILE.sarif...
      Prints "FILE: ok" or one line per error, "FILE: $.path: message".
      Exits 0 when every file is valid, 1 when one is not, 2 on a usage
      error (missing file, invalid JSON, jsonschema not installed).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jsoncheck import UsageError, json_path, load_json  # noqa: E402


def main(argv):
    if len(argv) < 3:
        print("usage: python3 scripts/check-sarif.py SCHEMA FILE.sarif...", file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("error: python's jsonschema is not installed (pip install jsonschema)", file=sys.stderr)
        return 2
    try:
        schema = load_json(argv[1], "schema")
        validator_class = jsonschema.validators.validator_for(schema)
        validator_class.check_schema(schema)
        validator = validator_class(schema)
        invalid = False
        for path in argv[2:]:
            errors = sorted(validator.iter_errors(load_json(path, "SARIF log")), key=lambda e: list(e.absolute_path))
            if not errors:
                print(f"{path}: ok")
            for error in errors:
                invalid = True
                print(f"{path}: {json_path(error.absolute_path)}: {error.message}")
        return 1 if invalid else 0
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
