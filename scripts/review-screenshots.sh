#!/bin/sh
# Regenerates docs/review-scan.png and docs/review-text.png, the screenshots
# of review pages in the README: a scanned sample and a text sample, each
# opened with its first flag chosen. Needs a built jixiao (make cli),
# chromium and, for legible Chinese, fonts-wqy-zenhei.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./build/jixiao run -q --review -o "$work" \
  samples/zengdu-2020-group-weights.scan.png samples/tieshan-2022-goal-table.txt
shot() {
  mkdir "$work/profile-$2"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile-$2" --hide-scrollbars --window-size=1280,800 \
    --screenshot="docs/review-$2.png" "file://$work/$1.html#flag0" 2>/dev/null
}
shot zengdu-2020-group-weights.scan scan
shot tieshan-2022-goal-table text
