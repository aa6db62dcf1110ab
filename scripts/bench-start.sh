#!/usr/bin/env bash
# Whole-process start-up benchmark (run by `make bench-start`, after the release build):
# the four commands of issue 13 beside the git commands a user would compare them with,
# timed by hyperfine in the same run.
#
#   writethru --version                              git --version
#   writethru record (one revision, 10,000 in the archive)
#                                                    git add && git commit (10,000 commits in the repository)
#   writethru diff --files OLD NEW (~1,000 words each)
#                                                    git diff --no-index --word-diff OLD NEW
#   writethru log STORY (20 versions)                git log --oneline BRANCH (20 commits)
#
# The machine is noisy (a shared VM): the two tools take turns, BENCH_ROUNDS times each,
# BENCH_RUNS runs a turn; the median of the turns' medians is reported, with the ratio.
#
# Environment: BENCH_DIR (default /tmp/writethru-bench-start), BENCH_ROUNDS (3), BENCH_RUNS (30),
# WRITETHRU_BIN (default .build/release/writethru); BENCH_IGNORE_FAILURES=1 times a binary
# that sometimes fails (builds before this benchmark existed crashed at exit about once in 20).
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BIN=${WRITETHRU_BIN:-$REPO/.build/release/writethru}
WORK=${BENCH_DIR:-/tmp/writethru-bench-start}
ROUNDS=${BENCH_ROUNDS:-3}
RUNS=${BENCH_RUNS:-30}
GEN="$REPO/scripts/bench_corpus.py"

die() { echo "bench-start: $*" >&2; exit 1; }
[ -x "$BIN" ] || die "no binary at $BIN (run: make release)"
command -v git >/dev/null || die "git is not installed"
command -v hyperfine >/dev/null || die "hyperfine is not installed (apt-get install hyperfine)"
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd -P)
case "$WORK/" in "$REPO"/*) die "BENCH_DIR $WORK is inside the repository $REPO" ;; esac

echo "== Machine"
echo "cpus: $(nproc); cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)"
echo "$(git --version); $(hyperfine --version); writethru $("$BIN" --version)"

# The archive: 10,000 revisions across 1,000 stories, and one story of 20 versions; the git
# side: the same commits (git fast-import), with a work tree. Built once, kept between runs.
if [ ! -f "$WORK/ready" ]; then
    echo; echo "== Building the archive and the git repository (once)"
    rm -rf "$WORK/main" "$WORK/long" "$WORK/archive.git" "$WORK/git"
    python3 "$GEN" generate --out "$WORK/main" --stories 1000 --versions 10 --extra 0 >/dev/null
    python3 "$GEN" generate --out "$WORK/long" --stories 1 --versions 21 --extra 0 --seed 7 >/dev/null
    mkdir -p "$WORK/long-import/long-story"
    for v in $(seq -w 1 20); do cp "$WORK/long/corpus/s0000/v$v.txt" "$WORK/long-import/long-story/"; done
    "$BIN" init --archive "$WORK/archive.git" >/dev/null
    "$BIN" import --archive "$WORK/archive.git" "$WORK/main/corpus" >/dev/null
    "$BIN" import --archive "$WORK/archive.git" "$WORK/long-import" >/dev/null
    git init -q "$WORK/git"
    python3 "$REPO/scripts/fast_import_stream.py" "$WORK/main" | git -C "$WORK/git" fast-import --quiet
    python3 "$REPO/scripts/fast_import_stream.py" "$WORK/long" | git -C "$WORK/git" fast-import --quiet
    LONG_BRANCH=$(git -C "$WORK/git" for-each-ref --format='%(refname:short)' refs/heads/stories | \
        while read -r b; do [ "$(git -C "$WORK/git" rev-list --count "$b")" -ge 20 ] && echo "$b" && break; done)
    [ -n "$LONG_BRANCH" ] || die "no 20-commit branch in the git repository"
    # The log peer gets exactly 20 commits, as the archive's story has 20 versions; the commit
    # peer commits on a branch of its own, so the log peer's branch never grows.
    git -C "$WORK/git" branch -f long-story "$LONG_BRANCH~1"
    git -C "$WORK/git" -c advice.detachedHead=false checkout -q -b bench-record long-story
    # The diff pair: two versions of one story, grown with a second story's paragraphs to
    # about 1,000 words each.
    python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
def body(path):
    return [p for p in open(path, encoding="utf-8").read().split("\n\n") if p.strip()]
for name, version in (("old", "v01"), ("new", "v02")):
    parts = body(f"{work}/main/corpus/s0001/{version}.txt")
    extra = body(f"{work}/main/corpus/s0002/{version}.txt")[3:]
    while sum(len(p.split()) for p in parts) < 1000 and extra:
        parts.append(extra.pop(0))
    open(f"{work}/{name}.txt", "w", encoding="utf-8").write("\n\n".join(parts) + "\n")
PY
    cp "$WORK/long/corpus/s0000/v21.txt" "$WORK/next-base.txt"
    echo 0 > "$WORK/counter"
    touch "$WORK/ready"
fi
echo "archive: $("$BIN" stories --archive "$WORK/archive.git" | wc -l) stories, $("$BIN" log --archive "$WORK/archive.git" long-story | wc -l) versions of long-story, $(git -C "$WORK/git" rev-list --count long-story) commits on the git side; diff pair: $(wc -w < "$WORK/old.txt") and $(wc -w < "$WORK/new.txt") words"

export WRITETHRU_ARCHIVE="$WORK/archive.git"
# Each record gets a new revision: the 21st version with one more paragraph each time, into a
# story of its own (bench-record), so the story `log` reads keeps its 20 versions.
PREPARE_RECORD="n=\$((\$(cat $WORK/counter) + 1)); echo \$n > $WORK/counter; { cat $WORK/next-base.txt; echo; echo \"Bench paragraph \$n.\"; } > $WORK/next.txt"
PREPARE_GIT="n=\$((\$(cat $WORK/counter) + 1)); echo \$n > $WORK/counter; echo \"Bench paragraph \$n.\" >> $WORK/git/article.md"

# median-of SECONDS-JSON: the median of a hyperfine export, in milliseconds
median_ms() { python3 -c "import json,sys; print('%.2f' % (json.load(open(sys.argv[1]))['results'][0]['median'] * 1000))" "$1"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# bench LABEL TARGET_MS "WRITETHRU COMMAND" "WRITETHRU PREPARE" "GIT COMMAND" "GIT PREPARE"
bench() {
    local label=$1 target=$2 wt=$3 wtprep=$4 git=$5 gitprep=$6 wts=() gits=()
    for round in $(seq 1 "$ROUNDS"); do
        # A prepare step needs a shell (hyperfine runs it the way it runs the command), and
        # hyperfine subtracts the shell's own start-up from what it reports.
        if [ -n "$wtprep" ]; then wtshell=(--shell=bash); else wtshell=(-N); fi
        if [ "${BENCH_IGNORE_FAILURES:-0}" = 1 ]; then wtshell+=(--ignore-failure); fi
        hyperfine "${wtshell[@]}" --style none --warmup 3 --runs "$RUNS" ${wtprep:+--prepare "$wtprep"} \
            --export-json "$WORK/wt.json" "$wt" >/dev/null 2>&1 || die "$label: $wt failed"
        wts+=("$(median_ms "$WORK/wt.json")")
        if [[ $git == *"&&"* || -n $gitprep ]]; then shell=(--shell=bash); else shell=(-N); fi
        # git diff --no-index exits 1 when the files differ.
        if [[ $git == *"--no-index"* ]]; then shell+=(--ignore-failure); fi
        hyperfine "${shell[@]}" --style none --warmup 3 --runs "$RUNS" ${gitprep:+--prepare "$gitprep"} \
            --export-json "$WORK/git.json" "$git" >/dev/null 2>&1 || die "$label: $git failed"
        gits+=("$(median_ms "$WORK/git.json")")
    done
    local w g
    w=$(printf '%s\n' "${wts[@]}" | median)
    g=$(printf '%s\n' "${gits[@]}" | median)
    printf '%-34s %9.2f %9.2f %7.2fx %8s %s\n' "$label" "$w" "$g" "$(awk -v a="$w" -v b="$g" 'BEGIN { print a / b }')" \
        "<= $target" "$(awk -v a="$w" -v t="$target" 'BEGIN { print (a <= t) ? "met" : "NOT met" }')"
    echo "    writethru turns: ${wts[*]} ms; git turns: ${gits[*]} ms" >> "$WORK/turns.txt"
}

: > "$WORK/turns.txt"
echo
echo "== Medians of $ROUNDS alternating turns of $RUNS runs (ms, whole processes)"
printf '%-34s %9s %9s %8s %8s\n' "" writethru git ratio target
bench "--version" 8 "$BIN --version" "" "git --version" ""
bench "log, 20 versions" 10 "$BIN log long-story" "" "git -C $WORK/git log --oneline long-story" ""
bench "diff --files, ~1,000 words" 10 "$BIN diff --files $WORK/old.txt $WORK/new.txt" "" \
    "git diff --no-index --word-diff $WORK/old.txt $WORK/new.txt" ""
bench "record, 10,000 in the archive" 15 "$BIN record --story bench-record $WORK/next.txt" "$PREPARE_RECORD" \
    "git -C $WORK/git add article.md && git -C $WORK/git commit -q -m update" "$PREPARE_GIT"
echo
echo "== Every turn's median"
cat "$WORK/turns.txt"
