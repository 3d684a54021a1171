#!/usr/bin/env python3
"""Validate JSON documents against a JSON Schema: validate_json.py SCHEMA FILE...

Prints one line per error (file, JSON path, message) and exits 1 if any file is invalid.
"""
import json
import sys

import jsonschema


def main() -> int:
    if len(sys.argv) < 3:
        print("usage: validate_json.py SCHEMA FILE...", file=sys.stderr)
        return 2
    with open(sys.argv[1]) as handle:
        schema = json.load(handle)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    failed = False
    for path in sys.argv[2:]:
        with open(path) as handle:
            document = json.load(handle)
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
            failed = True
            location = "/".join(str(part) for part in error.absolute_path)
            print(f"{path}: /{location}: {error.message[:300]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
