#!/usr/bin/env bash
# Benchmarks jixiao against pdftotext and tesseract on the shared corpus, then
# the warehouse load against sqlite3 / psql (bench/warehouse_bench.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
status=0
python3 "$here/bench/bench.py" --bin "$here/build/jixiao" --corpus "${CORPUS:-$here/../shared/corpus-dev}" "$@" || status=$?
echo
bash "$here/bench/warehouse_bench.sh" || status=$?
exit $status
