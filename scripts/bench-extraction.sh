#!/usr/bin/env bash
# Article extraction benchmark (run by `make bench-extraction`, after the release build): the
# 181 pages of ../shared/benchmarks/article-extraction scored with the benchmark's own metric,
# Writethru beside trafilatura and readability-lxml in the same run.
#
#   writethru: score.py (whole processes of `writethru parse --input html`, both cores) for F1,
#              P, R and rejected pages; `writethru-bench reading` for in-process ms a page
#   peers:     scripts/extraction_peers.py, in-process (pip install trafilatura readability-lxml)
#
# Environment: BENCHMARK_DIR (default ../shared/benchmarks/article-extraction beside the clone),
# BENCH_DIR (scratch, default /tmp/writethru-bench-extraction), BENCH_ROUNDS (reads a page, 5).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BENCH=${BENCHMARK_DIR:-$REPO/../shared/benchmarks/article-extraction}
WORK=${BENCH_DIR:-/tmp/writethru-bench-extraction}
ROUNDS=${BENCH_ROUNDS:-5}
BIN=$REPO/.build/release/writethru
BENCH_BIN=$REPO/.build/release/writethru-bench

die() { echo "bench-extraction: $*" >&2; exit 1; }
[ -f "$BENCH/ground-truth.json" ] || die "no benchmark at $BENCH (set BENCHMARK_DIR)"
[ -x "$BIN" ] && [ -x "$BENCH_BIN" ] || die "no release build (run: make bench-extraction)"
command -v python3 >/dev/null || die "python3 is not installed"

mkdir -p "$WORK/pages"
for page in "$BENCH"/html/*.html.gz; do
    out="$WORK/pages/$(basename "$page" .gz)"
    [ -f "$out" ] || gunzip -c "$page" > "$out"
done

echo "== Article extraction: $(ls "$WORK/pages" | wc -l) pages, $(nproc) cpus, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "writethru $("$BIN" --version): $(python3 "$BENCH/score.py" "$BIN" --per-page "$WORK/per-page.json")"
echo "writethru $("$BIN" --version): $("$BENCH_BIN" reading "$WORK"/pages/*.html --rounds "$ROUNDS")"
python3 "$REPO/scripts/extraction_peers.py" "$BENCH"
echo "(per-page scores of writethru: $WORK/per-page.json)"
