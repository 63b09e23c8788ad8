#!/usr/bin/env bash
# Times `jixiao load` of generated documents (10,000 by default, WAREHOUSE_DOCS
# to change) into SQLite and PostgreSQL, beside a plain baseline that stores
# the same JSON Lines without looking inside them:
#   SQLite:      the sqlite3 shell's .import into a one-column table;
#   PostgreSQL:  psql \copy into a one-column JSONB table.
# jixiao writes the full relational schema (schema/warehouse.sql) besides the
# JSON. PostgreSQL runs in a throwaway cluster made by pg_virtualenv.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${JIXIAO_BIN:-$here/build/jixiao}

# Inside pg_virtualenv: the PostgreSQL half, on the documents already made.
if [ "${1:-}" = "--postgresql" ]; then
  work=$2
  seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null; awk -v s="$s" -v e="$(date +%s.%N)" 'BEGIN { print e - s }'; }
  createdb baseline && createdb warehouse
  psql -q -d baseline -c "CREATE TABLE raw_document (body jsonb)"
  # CSV with quote and delimiter characters that JSON text never holds, so
  # that each line arrives whole and unescaped.
  base=$(seconds psql -q -d baseline -c "\\copy raw_document (body) FROM '$work/docs.jsonl' WITH (FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02')")
  ours=$(seconds "$bin" load "$work/docs.jsonl" -q --db postgresql:///warehouse)
  rows=$(psql -At -d warehouse -c "SELECT count(*) FROM document")
  echo "postgresql $base $ours $rows" >"$work/postgresql.result"
  exit 0
fi

n=${WAREHOUSE_DOCS:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" run "$here/samples" -q -o "$work/samples"
python3 - "$work/samples" "$n" >"$work/docs.jsonl" <<'EOF'
# Documents made from the samples' documents, each with its own sha256.
import copy, glob, json, sys
samples = [json.load(open(f)) for f in sorted(glob.glob(sys.argv[1] + "/*.json"))]
for k in range(int(sys.argv[2])):
    d = copy.deepcopy(samples[k % len(samples)])
    d["source"]["sha256"] = "%064x" % (k + 1)
    d["source"]["path"] = "generated/%d.txt" % k
    for r in d["reports"]:
        r["project_name"] = (r["project_name"] or "") + " #%d" % k
        r["fiscal_year"] = 2016 + k % 7
    print(json.dumps(d, ensure_ascii=False, separators=(",", ":")))
EOF
size=$(du -m "$work/docs.jsonl" | cut -f1)

seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null; awk -v s="$s" -v e="$(date +%s.%N)" 'BEGIN { print e - s }'; }
sqlite_baseline() {
  sqlite3 "$work/baseline.sqlite" <<EOF
CREATE TABLE raw_document (body TEXT);
.mode ascii
.separator "\t" "\n"
.import $work/docs.jsonl raw_document
EOF
}
base=$(seconds sqlite_baseline)
ours=$(seconds "$bin" load "$work/docs.jsonl" -q --db "$work/warehouse.sqlite")
rows=$(sqlite3 "$work/warehouse.sqlite" "SELECT count(*) FROM document")
echo "sqlite $base $ours $rows" >"$work/sqlite.result"

if command -v pg_virtualenv >/dev/null; then
  pg_virtualenv bash "$0" --postgresql "$work" >/dev/null 2>&1 || echo "warehouse bench: PostgreSQL part failed" >&2
fi

echo "Warehouse load: $n documents (${size} MB of JSON Lines), documents per second"
printf '%-11s %12s %12s %8s %s\n' engine baseline jixiao ratio "(rows in document table)"
for result in "$work"/sqlite.result "$work"/postgresql.result; do
  [ -f "$result" ] || continue
  read -r engine base ours rows <"$result"
  awk -v e="$engine" -v b="$base" -v o="$ours" -v n="$n" -v r="$rows" \
    'BEGIN { printf "%-11s %12.0f %12.0f %7.2fx (%d)\n", e, n / b, n / o, o / b, r }'
done
