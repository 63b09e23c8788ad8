#!/usr/bin/env python3
"""Every flag code jixiao can raise is enumerated by the schema and
described in docs/flags.md, and neither lists a code jixiao cannot raise.

The codes jixiao raises are read from the sources: a code is written where
a flag is made (FlagBuilder("CODE", ...), flag.code = "CODE",
ExtractProblem{"CODE", ...}). Should the codes become one enumeration in
one place, point SOURCE_PATTERNS at it.

usage: flag_codes_test.py SOURCE_DIR
"""
import json
import pathlib
import re
import sys

SOURCE_DIRS = ["extract", "form", "normalize", "score", "pipeline", "emit"]
SOURCE_PATTERNS = [
    re.compile(r'FlagBuilder\s*(?:\w+\s*)?\(\s*"([A-Z][A-Z_]*)"'),
    re.compile(r'\.code\s*=\s*"([A-Z][A-Z_]*)"'),
    re.compile(r'ExtractProblem\s*\{\s*"([A-Z][A-Z_]*)"'),
]
# Codes raised in more than one place are easy to find again; fewer than this
# many codes found means the patterns no longer match the sources.
MIN_CODES = 15


def raised_codes(root):
    codes = {}
    for d in SOURCE_DIRS:
        for path in sorted((root / d).glob("*.[ch]*")):
            if path.name.endswith(("_test.cpp", "_test.h")):
                continue
            text = path.read_text(encoding="utf-8")
            for pattern in SOURCE_PATTERNS:
                for code in pattern.findall(text):
                    codes.setdefault(code, str(path.relative_to(root)))
    return codes


def schema_codes(root):
    schema = json.loads((root / "schema/document.schema.json").read_text(encoding="utf-8"))
    return set(schema["$defs"]["flag"]["properties"]["code"]["enum"])


def catalog_codes(root):
    text = (root / "docs/flags.md").read_text(encoding="utf-8")
    return set(re.findall(r"^## `([A-Z][A-Z_]*)`", text, re.MULTILINE))


def main():
    root = pathlib.Path(sys.argv[1])
    raised = raised_codes(root)
    enum = schema_codes(root)
    catalog = catalog_codes(root)
    problems = []
    if len(raised) < MIN_CODES:
        problems.append(f"only {len(raised)} codes found in the sources: the patterns no longer match")
    for code, where in sorted(raised.items()):
        if code not in enum:
            problems.append(f"{code} (raised in {where}) is not in the schema's flag.code enum")
        if code not in catalog:
            problems.append(f"{code} (raised in {where}) has no section in docs/flags.md")
    for code in sorted(enum - set(raised)):
        problems.append(f"{code} is in the schema's enum but nothing raises it")
    for code in sorted(catalog - set(raised)):
        problems.append(f"{code} is in docs/flags.md but nothing raises it")
    for p in problems:
        print(p)
    print(f"{len(raised)} codes raised, {len(enum)} in the schema, {len(catalog)} in docs/flags.md")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
