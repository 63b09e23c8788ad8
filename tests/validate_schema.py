#!/usr/bin/env python3
"""Runs jixiao on the given inputs and validates every output document
against schema/document.schema.json. Exit 0 when all are valid."""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema


def main():
    binary, schema_path, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(schema_path, encoding="utf-8") as fh:
        schema = json.load(fh)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    checked = failures = 0
    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.run([binary, "run", "-q", "-o", out, *inputs], capture_output=True, text=True)
        if proc.returncode not in (0, 3):
            print(proc.stderr, file=sys.stderr)
            return 1
        for name in sorted(os.listdir(out)):
            with open(os.path.join(out, name), encoding="utf-8") as fh:
                doc = json.load(fh)
            errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
            checked += 1
            for e in errors[:10]:
                failures += 1
                print(f"{name}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
    print(f"schema: {checked} documents checked, {failures} errors")
    return 0 if checked and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
