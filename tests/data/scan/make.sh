#!/bin/sh
# Regenerates samples/zengdu-2020-group-weights.scan.png, a page image of
# the zengdu sample's table as a scanner gives it (grey, 200 dpi), from
# zengdu-table.html. Needs (only to regenerate):
#   apt-get install chromium poppler-utils fonts-wqy-zenhei
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$work/profile" \
  --print-to-pdf="$work/table.pdf" zengdu-table.html 2>/dev/null
# The upper part of the A4 page holds the table.
pdftoppm -r 200 -gray -png -singlefile -H 1500 "$work/table.pdf" "$work/scan"
cp "$work/scan.png" ../../../samples/zengdu-2020-group-weights.scan.png
