#!/usr/bin/env bash
# Renders the seed chain's report (`writethru report`) and its site's index (`writethru site`)
# with headless Chromium into docs/images/, so that the README and docs/timeline.md show what
# they look like in a real browser (run by `make screenshot`; needs the Debian package chromium):
#
#   report.png         the report at desktop width (SCREENSHOT_SIZE)
#   report-phone.png   the report at a phone's width (SCREENSHOT_PHONE_SIZE)
#   site-index.png     the site's index page
#
#   SCREENSHOT_DIR         where the PNGs go (default docs/images)
#   SCREENSHOT_SIZE        the desktop window, WIDTHxHEIGHT (default 1280x2300)
#   SCREENSHOT_PHONE_SIZE  the phone window (default 390x2000)
#   WRITETHRU_BIN          the binary (default .build/debug/writethru)
#   CHROMIUM               the browser (default chromium)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BIN=${WRITETHRU_BIN:-$REPO/.build/debug/writethru}
DIR=${SCREENSHOT_DIR:-$REPO/docs/images}
SIZE=${SCREENSHOT_SIZE:-1280x2300}
PHONE=${SCREENSHOT_PHONE_SIZE:-390x2000}
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
"$BIN" site --archive "$WORK/archive.git" "$WORK/site" >/dev/null
mkdir -p "$DIR"

# shot URL SIZE OUT: one picture of a page. --no-sandbox: CI containers run as root, where
# Chromium's sandbox cannot start.
shot() {
    "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$WORK/profile" \
        --window-size="${2/x/,}" --screenshot="$3" "$1" 2>/dev/null
    [ -s "$3" ] || die "Chromium wrote no picture for $1"
    echo "wrote $3 ($(wc -c < "$3") bytes, window $2)"
}
shot "file://$WORK/report.html" "$SIZE" "$DIR/report.png"
shot "file://$WORK/report.html" "$PHONE" "$DIR/report-phone.png"
shot "file://$WORK/site/index.html" "1280x400" "$DIR/site-index.png"
