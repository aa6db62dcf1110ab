#!/usr/bin/env bash
# Benchmark of `writethru timeline` and `writethru site` (run by `make bench-timeline`, after
# the release build).
#
#   1. Generates, deterministically (scripts/bench_corpus.py, fixed seeds), one story of 20
#      versions of about 5 KB (the story under test), 10 other stories of 2 versions,
#      BENCH_OTHERS (10,000) other stories of 1 version, and 1,000 stories of 5 versions for
#      the site.
#   2. Imports the others and records the 20-version story into a small archive (10 others)
#      and into a large one (BENCH_OTHERS others); `make bench-scale` makes it 100,000.
#   3. Times whole `writethru timeline`, `blame` and `report` processes on the story in each
#      archive (BENCH_RUNS runs each; min, median and p95 in milliseconds, process start
#      included).
#   4. Writes the static site of the 1,000-story archive with `writethru site` and prints the
#      time, the number of pages and the size on disk.
#
# Environment:
#   BENCH_DIR       work directory (default /tmp/writethru-bench-timeline; refused inside the repo)
#   BENCH_RUNS      runs per timed command (default 21; `report` BENCH_REPORT_RUNS, default 5)
#   BENCH_OTHERS    other stories in the large archive (default 10000)
#   BENCH_SITE      stories in the site archive (default 1000)
#   WRITETHRU_BIN   the binary (default .build/release/writethru)
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BIN=${WRITETHRU_BIN:-$REPO/.build/release/writethru}
WORK=${BENCH_DIR:-/tmp/writethru-bench-timeline}
RUNS=${BENCH_RUNS:-21}
REPORT_RUNS=${BENCH_REPORT_RUNS:-5}
OTHERS=${BENCH_OTHERS:-10000}
SITE_STORIES=${BENCH_SITE:-1000}
GEN="$REPO/scripts/bench_corpus.py"
STORY=bench-target

die() { echo "bench-timeline: $*" >&2; exit 1; }
now() { echo "${EPOCHREALTIME:-$(date +%s.%N)}"; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) * 1000 }'; }

[ -x "$BIN" ] || die "no binary at $BIN (run: make release)"
command -v python3 >/dev/null || die "python3 is not installed"
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd -P)
case "$WORK/" in
    "$REPO"/*) die "BENCH_DIR $WORK is inside the repository $REPO; use a directory outside it" ;;
esac

echo "== Machine"
echo "cpus: $(nproc); cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)"
echo "work dir: $WORK ($(df -PT "$WORK" | awk 'NR == 2 { print $2 }'))"
echo "writethru: $("$BIN" --version) ($BIN)"

echo
echo "== Corpora"
generate() { # name stories versions seed
    [ -f "$WORK/$1/paths.txt" ] && [ "$(wc -l < "$WORK/$1/paths.txt")" -eq $(($2 * $3)) ] && return
    rm -rf "${WORK:?}/$1"
    python3 "$GEN" generate --out "$WORK/$1" --stories "$2" --versions "$3" --extra 0 --seed "$4" >/dev/null
}
generate target 1 20 101
generate others-small 10 2 102
generate others-large "$OTHERS" 1 103
generate site "$SITE_STORIES" 5 104
echo "story under test: 20 versions, $(cat "$WORK"/target/corpus/*/v20.txt | wc -c) bytes in its latest version"

build_archive() { # archive others-corpus
    rm -rf "$1"
    "$BIN" init --archive "$1" >/dev/null
    "$BIN" import --quiet --archive "$1" "$2/corpus" >/dev/null
    "$BIN" record --archive "$1" --story "$STORY" --files-from "$WORK/target/paths.txt" >/dev/null
}
t0=$(now)
build_archive "$WORK/small.git" "$WORK/others-small"
build_archive "$WORK/large.git" "$WORK/others-large"
t1=$(now)
echo "archives built in $(ms "$t0" "$t1") ms: small $(ls "$WORK/small.git/refs/heads/stories" | wc -l) stories, large $(ls "$WORK/large.git/refs/heads/stories" | wc -l) stories"

# Runs a command BENCH_RUNS times (after one warm-up run) and prints min/median/p95 in ms.
timed() { # runs label command...
    local runs=$1 label=$2
    shift 2
    "$@" >/dev/null 2>"$WORK/timed.err" || { cat "$WORK/timed.err" >&2; die "$label failed"; }
    local samples=()
    for _ in $(seq "$runs"); do
        local a b
        a=$(now)
        "$@" >/dev/null 2>&1
        b=$(now)
        samples+=("$(ms "$a" "$b")")
    done
    printf '%s\n' "${samples[@]}" | sort -n | awk -v label="$label" '
        { v[NR] = $1 }
        END { p95 = int(NR * 0.95 + 0.999); if (p95 > NR) p95 = NR
              printf "%-44s min %7.1f  median %7.1f  p95 %7.1f ms  (%d runs)\n", label, v[1], v[int((NR + 1) / 2)], v[p95], NR }'
}

echo
echo "== One 20-version story, whole processes (start-up included)"
for archive in small large; do
    count=$(ls "$WORK/$archive.git/refs/heads/stories" | wc -l)
    timed "$RUNS" "log, $((count - 1)) other stories" "$BIN" log --archive "$WORK/$archive.git" "$STORY"
    timed "$RUNS" "timeline, $((count - 1)) other stories" "$BIN" timeline --archive "$WORK/$archive.git" "$STORY"
    timed "$RUNS" "timeline --format json, $((count - 1)) other stories" "$BIN" timeline --archive "$WORK/$archive.git" "$STORY" --format json
    timed "$RUNS" "blame --sentences, $((count - 1)) other stories" "$BIN" blame --archive "$WORK/$archive.git" "$STORY" --sentences
    timed "$REPORT_RUNS" "report (190 pairs), $((count - 1)) other stories" "$BIN" report --archive "$WORK/$archive.git" "$STORY" -o "$WORK/report.html"
done
timed "$RUNS" "writethru --version (process start alone)" "$BIN" --version
echo "report size: $(wc -c < "$WORK/report.html") bytes"

echo
echo "== \`writethru stories\` of the large archive: first line and whole listing (it streams)"
a=$(now)
"$BIN" stories --archive "$WORK/large.git" | { read -r _; b=$(now); echo "first line after $(ms "$a" "$b") ms"; cat > /dev/null; }
c=$(now)
echo "whole listing ($(ls "$WORK/large.git/refs/heads/stories" | wc -l) stories) in $(ms "$a" "$c") ms"

echo
echo "== Static site of $SITE_STORIES stories x 5 versions"
rm -rf "$WORK/site.git" "$WORK/site-out"
"$BIN" init --archive "$WORK/site.git" >/dev/null
"$BIN" record --archive "$WORK/site.git" --files-from "$WORK/site/paths.txt" >/dev/null
a=$(now)
"$BIN" site --archive "$WORK/site.git" "$WORK/site-out"
b=$(now)
pages=$(find "$WORK/site-out" -name '*.html' | wc -l)
echo "site: $(ms "$a" "$b") ms wall, $pages pages, $(du -sb "$WORK/site-out" | cut -f1) bytes ($(du -sh "$WORK/site-out" | cut -f1) on disk)"
