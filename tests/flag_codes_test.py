#!/usr/bin/env python3
"""Every flag code jixiao can raise is enumerated by the schema and
described in docs/flags.md, and neither lists a code jixiao cannot raise.

The codes are the FlagCode enumeration of model/flag_code.h, whose one name
table is in model/flag_code.cpp ({FlagCode::kTotalMismatch, "TOTAL_MISMATCH"}).
The test checks that the table and the enumeration list the same
enumerators, that each enumerator is spelt after its name (kTotalMismatch
for TOTAL_MISMATCH), that each code is raised somewhere in the sources
(FlagBuilder(FlagCode::kX, ...) or ExtractProblem{FlagCode::kX, ...}), and that the schema's flag.code
enum and the sections of docs/flags.md hold exactly the table's names.

usage: flag_codes_test.py SOURCE_DIR
"""
import json
import pathlib
import re
import sys

ENUM_HEADER = "model/flag_code.h"
NAME_TABLE = "model/flag_code.cpp"
SOURCE_DIRS = ["extract", "form", "normalize", "score", "pipeline", "emit"]
# Where a flag is made: a code named anywhere else (a switch, a comparison)
# is not raised by that.
RAISE_PATTERNS = [
    re.compile(r"FlagBuilder\s*(?:\w+\s*)?\(\s*FlagCode::(k\w+)"),
    re.compile(r"ExtractProblem\s*\{\s*FlagCode::(k\w+)"),
]
TABLE_ENTRY = re.compile(r'\{\s*FlagCode::(k\w+)\s*,\s*"([A-Z][A-Z_]*)"\s*\}')
ENUM_BODY = re.compile(r"enum\s+class\s+FlagCode\s*\{(.*?)\}", re.DOTALL)
# Fewer codes than this means the patterns no longer match the sources.
MIN_CODES = 15


def enumerator_for(code):
    return "k" + "".join(word.capitalize() for word in code.split("_"))


def table_codes(root):
    """{code: enumerator} from the name table, in table order."""
    text = (root / NAME_TABLE).read_text(encoding="utf-8")
    return {code: enumerator for enumerator, code in TABLE_ENTRY.findall(text)}


def enum_enumerators(root):
    text = (root / ENUM_HEADER).read_text(encoding="utf-8")
    body = ENUM_BODY.search(text)
    if not body:
        return []
    body = re.sub(r"//[^\n]*", "", body.group(1))
    return [e.strip() for e in body.split(",") if e.strip()]


def raising_files(root):
    """{enumerator: first source file (not a test) making a flag of it}."""
    found = {}
    for d in SOURCE_DIRS:
        for path in sorted((root / d).glob("*.[ch]*")):
            if path.name.endswith(("_test.cpp", "_test.h")):
                continue
            text = path.read_text(encoding="utf-8")
            for pattern in RAISE_PATTERNS:
                for enumerator in pattern.findall(text):
                    found.setdefault(enumerator, str(path.relative_to(root)))
    return found


def schema_codes(root):
    schema = json.loads((root / "schema/document.schema.json").read_text(encoding="utf-8"))
    return set(schema["$defs"]["flag"]["properties"]["code"]["enum"])


def catalog_codes(root):
    text = (root / "docs/flags.md").read_text(encoding="utf-8")
    return set(re.findall(r"^## `([A-Z][A-Z_]*)`", text, re.MULTILINE))


def main():
    root = pathlib.Path(sys.argv[1])
    table = table_codes(root)
    enumerators = enum_enumerators(root)
    raised = raising_files(root)
    enum = schema_codes(root)
    catalog = catalog_codes(root)
    problems = []
    if len(table) < MIN_CODES:
        problems.append(f"only {len(table)} codes found in {NAME_TABLE}: the pattern no longer matches")
    if sorted(table.values()) != sorted(enumerators):
        problems.append(f"{NAME_TABLE} names {sorted(table.values())} but {ENUM_HEADER} declares {sorted(enumerators)}")
    for code, enumerator in sorted(table.items()):
        if enumerator != enumerator_for(code):
            problems.append(f"{code} is named by {enumerator}, not {enumerator_for(code)}")
        if enumerator not in raised:
            problems.append(f"{code} ({enumerator}) is in {NAME_TABLE} but nothing raises it")
        if code not in enum:
            problems.append(f"{code} is not in the schema's flag.code enum")
        if code not in catalog:
            problems.append(f"{code} has no section in docs/flags.md")
    for code in sorted(enum - set(table)):
        problems.append(f"{code} is in the schema's enum but not in {NAME_TABLE}")
    for code in sorted(catalog - set(table)):
        problems.append(f"{code} is in docs/flags.md but not in {NAME_TABLE}")
    for p in problems:
        print(p)
    print(f"{len(table)} codes in {NAME_TABLE}, {len(enum)} in the schema, {len(catalog)} in docs/flags.md")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
