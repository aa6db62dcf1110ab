#!/usr/bin/env bash
# Renders the seed chain's report (`writethru report`) with headless Chromium to
# docs/images/report.png, so that the README shows what the report looks like in a real
# browser (run by `make screenshot`; needs the Debian package chromium).
#
#   SCREENSHOT_OUT     the PNG (default docs/images/report.png)
#   SCREENSHOT_SIZE    the window, WIDTHxHEIGHT (default 1280x2300)
#   WRITETHRU_BIN      the binary (default .build/debug/writethru)
#   CHROMIUM           the browser (default chromium)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BIN=${WRITETHRU_BIN:-$REPO/.build/debug/writethru}
OUT=${SCREENSHOT_OUT:-$REPO/docs/images/report.png}
SIZE=${SCREENSHOT_SIZE:-1280x2300}
CHROMIUM=${CHROMIUM:-chromium}

die() { echo "screenshot: $*" >&2; exit 1; }
[ -x "$BIN" ] || die "no binary at $BIN (run: make build)"
command -v "$CHROMIUM" >/dev/null || die "$CHROMIUM is not installed (apt-get install chromium)"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$BIN" init --archive "$WORK/archive.git" >/dev/null
for file in "$REPO"/seeds/us-china-alaska-talks/*; do
    WRITETHRU_RECORDED_AT=2026-01-15T09:30:00Z "$BIN" record --archive "$WORK/archive.git" --story us-china-alaska-talks "$file" >/dev/null
done
"$BIN" report --archive "$WORK/archive.git" us-china-alaska-talks -o "$WORK/report.html" 2>/dev/null
mkdir -p "$(dirname "$OUT")"
# --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
"$CHROMIUM" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$WORK/profile" \
    --window-size="${SIZE/x/,}" --screenshot="$OUT" "file://$WORK/report.html" 2>/dev/null
[ -s "$OUT" ] || die "Chromium wrote no picture"
echo "wrote $OUT ($(wc -c < "$OUT") bytes, window $SIZE)"
