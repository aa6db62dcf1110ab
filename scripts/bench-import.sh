#!/usr/bin/env bash
# Benchmark of `writethru import` beside `git fast-import` (run by `make bench-import`, after
# the release build).
#
#   1. Generates, deterministically (scripts/bench_corpus.py, fixed seed), 10,000 revisions of
#      about 5 KB across 1,000 stories, 10 versions each, as <work>/corpus/sNNNN/vNN.txt: one
#      folder per story, which `writethru import` reads as such.
#   2. Writes a `git fast-import` stream of the same revisions, the same trees (article.md,
#      meta.json, source/) and messages (scripts/fast_import_stream.py; not timed).
#   3. In turns, BENCH_ROUNDS times: imports the folder into a fresh archive with one
#      `writethru import`, then `git fast-import`s the stream into a fresh bare repository,
#      each timed with its peak memory.
#   4. Runs the last import again (it must record nothing) and verifies the archive.
#   5. Prints the median seconds and versions per second of both, their ratio, sizes on disk
#      and peak memory.
#
# Environment: BENCH_DIR (default /tmp/writethru-bench-import), BENCH_STORIES (1000),
# BENCH_VERSIONS (10), BENCH_ROUNDS (3), WRITETHRU_BIN (default .build/release/writethru).
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BIN=${WRITETHRU_BIN:-$REPO/.build/release/writethru}
WORK=${BENCH_DIR:-/tmp/writethru-bench-import}
STORIES=${BENCH_STORIES:-1000}
VERSIONS=${BENCH_VERSIONS:-10}
ROUNDS=${BENCH_ROUNDS:-3}
GEN="$REPO/scripts/bench_corpus.py"

die() { echo "bench-import: $*" >&2; exit 1; }
[ -x "$BIN" ] || die "no binary at $BIN (run: make release)"
command -v git >/dev/null || die "git is not installed"
[ -x /usr/bin/time ] || die "/usr/bin/time is not installed (apt-get install time)"
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd -P)
case "$WORK/" in "$REPO"/*) die "BENCH_DIR $WORK is inside the repository $REPO" ;; esac
TOTAL=$((STORIES * VERSIONS))

echo "== Machine"
echo "cpus: $(nproc); cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown); $(git --version)"
echo "work dir: $WORK ($(df -PT "$WORK" | awk 'NR == 2 { print $2 }'))"

echo
echo "== Corpus: $TOTAL revisions, $STORIES stories"
if [ ! -f "$WORK/plan.tsv" ] || [ "$(wc -l < "$WORK/plan.tsv")" -ne "$TOTAL" ] || [ ! -d "$WORK/corpus" ] || [ ! -d "$WORK/gitside" ]; then
    python3 "$GEN" generate --out "$WORK" --stories "$STORIES" --versions "$VERSIONS" --extra 0 >/dev/null
fi
echo "$(du -sh "$WORK/corpus" | cut -f1) of inputs"

# timed LABEL COMMAND...: prints wall seconds and peak RSS (KB) into $WALL and $RSS
timed() {
    local label=$1
    shift
    /usr/bin/time -f "%e %M" -o "$WORK/time.out" "$@" > "$WORK/$label.out" 2> "$WORK/$label.err" || {
        cat "$WORK/$label.err" >&2; die "$label failed"; }
    read -r WALL RSS < "$WORK/time.out"
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

# Each run writes into a new folder: on ext4, creating files where many were just deleted is
# far slower (the allocator skips recently freed inodes for a few minutes), which penalises
# whichever tool creates more files. Delete old run folders well before measuring.
RUN=$(mktemp -d "$WORK/run-XXXXXX")
echo "run folder: $RUN (delete the old run-* folders when done, not just before a run)"

python3 "$REPO/scripts/fast_import_stream.py" "$WORK" > "$WORK/stream"
echo "fast-import stream: $(du -sh "$WORK/stream" | cut -f1) (written beforehand, not timed)"

# The machine's speed drifts (a shared VM): the two tools take turns, ROUNDS times each, and
# the medians are compared.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
WT_TIMES=() GIT_TIMES=() WT_PEAK=0 GIT_PEAK=0
for round in $(seq 1 "$ROUNDS"); do
    ARCHIVE="$RUN/archive-$round.git"
    FAST="$RUN/fast-import-$round.git"
    "$BIN" init --archive "$ARCHIVE" >/dev/null
    timed import "$BIN" import --archive "$ARCHIVE" "$WORK/corpus"
    WT_TIMES+=("$WALL"); [ "$RSS" -gt "$WT_PEAK" ] && WT_PEAK=$RSS
    git init -q --bare "$FAST"
    timed fastimport sh -c "git --git-dir '$FAST' fast-import --quiet < '$WORK/stream'"
    GIT_TIMES+=("$WALL"); [ "$RSS" -gt "$GIT_PEAK" ] && GIT_PEAK=$RSS
    echo "round $round: writethru import ${WT_TIMES[-1]} s, git fast-import ${GIT_TIMES[-1]} s"
done

echo
echo "== Checks (last round)"
cat "$WORK/import.out"
timed reimport "$BIN" import --archive "$ARCHIVE" "$WORK/corpus"
echo "again: $(cat "$WORK/reimport.out") in ${WALL} s"
"$BIN" verify --archive "$ARCHIVE" | tail -1
echo "fast-import: branches $(git --git-dir "$FAST" for-each-ref refs/heads/stories | wc -l), commits $(git --git-dir "$FAST" rev-list --count --branches='stories/*')"

echo
echo "== Result (median of $ROUNDS rounds)"
WT_WALL=$(printf '%s\n' "${WT_TIMES[@]}" | median)
GIT_WALL=$(printf '%s\n' "${GIT_TIMES[@]}" | median)
WT_RATE=$(rate "$TOTAL" "$WT_WALL")
GIT_RATE=$(rate "$TOTAL" "$GIT_WALL")
printf '%-18s %10s %14s %12s %14s\n' "" "seconds" "versions/s" "peak MB" "on disk"
printf '%-18s %10s %14s %12s %14s\n' "writethru import" "$WT_WALL" "$WT_RATE" "$((WT_PEAK / 1024))" "$(du -sh "$ARCHIVE/objects" | cut -f1)"
printf '%-18s %10s %14s %12s %14s\n' "git fast-import" "$GIT_WALL" "$GIT_RATE" "$((GIT_PEAK / 1024))" "$(du -sh "$FAST/objects" | cut -f1)"
awk -v a="$WT_RATE" -v b="$GIT_RATE" 'BEGIN { printf "writethru / fast-import: %.2fx (target: above 1)\n", a / b }'
