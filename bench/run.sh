#!/usr/bin/env bash
# Benchmarks jixiao against pdftotext and tesseract on the shared corpus.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
exec python3 "$here/bench/bench.py" --bin "$here/build/jixiao" --corpus "${CORPUS:-$here/../shared/corpus-dev}" "$@"
