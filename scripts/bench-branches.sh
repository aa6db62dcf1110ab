#!/usr/bin/env bash
# Where one archive stops (docs/scale.md): Writethru's own commands as the number of story
# branches grows, with the references loose and then packed.
#
# For each N in BRANCHES (default "1000 10000 100000"):
#   1. Generates N stories of one revision (scripts/bench_corpus.py, fixed seed; the 100,000
#      of `make bench-search` are reused when BENCH_SEARCH_DIR holds them) and imports them
#      into a fresh archive with `writethru import` (timed).
#   2. With every story branch a loose reference file (as `import` and `record` leave them):
#      `record` of one revision and `log` of one story (hyperfine, RUNS runs), the whole
#      `stories` listing, `verify`, a plain `git clone --bare --no-local` of the archive (what
#      a git host or server does for a clone: the pack protocol, every reference advertised)
#      and `writethru clone`.
#   3. `writethru push` of every story to a fresh local bare repository (a remote), then the
#      same push again and a `pull` (both with nothing to send or fetch: the daily cost). The
#      push leaves more than 256 loose remote-tracking references, so Writethru packs all
#      references into packed-refs (docs/sync.md, "References after a fetch").
#   2b. (PACK_FIRST=1, the default) the same with the story branches packed by plain
#      `git pack-refs --all`, no remote yet.
#   4. The same commands as in 2 with every reference packed, the remote-tracking ones
#      (one a story) included: twice as many references as in 2.
# Each one-shot command runs once, under `timeout TIMEOUT` seconds, with its peak RSS.
#
# Environment: BIN (default .build/release/writethru; the figures of docs/scale.md were taken
# with the baseline 234f11b), BENCH_DIR (default /tmp/writethru-bench-branches), BRANCHES,
# RUNS (10), TIMEOUT (900), BENCH_SEARCH_DIR (default /tmp/writethru-bench-search),
# PACK_FIRST (1), CLONES_EVERY_STATE (1; 0 clones only with loose references), BENCH_KEEP=1.
set -euo pipefail
export LC_ALL=C
unset WRITETHRU_ARCHIVE

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BIN=${BIN:-$REPO/.build/release/writethru}
WORK=${BENCH_DIR:-/tmp/writethru-bench-branches}
BRANCHES=${BRANCHES:-1000 10000 100000}
RUNS=${RUNS:-10}
TIMEOUT=${TIMEOUT:-900}
SEARCH_DIR=${BENCH_SEARCH_DIR:-/tmp/writethru-bench-search}
GEN="$REPO/scripts/bench_corpus.py"

die() { echo "bench-branches: $*" >&2; exit 1; }
[ -x "$BIN" ] || die "no binary at $BIN (run: make release, or give BIN)"
for tool in git python3 hyperfine; do command -v $tool >/dev/null || die "$tool is not installed"; done
[ -x /usr/bin/time ] || die "/usr/bin/time is not installed (apt-get install time)"
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd -P)
case "$WORK/" in "$REPO"/*) die "BENCH_DIR $WORK is inside the repository $REPO" ;; esac

echo "== Machine"
echo "cpus: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg); $(git --version); $(hyperfine --version)"
echo "writethru: $BIN ($("$BIN" --version), sha256 $(sha256sum "$BIN" | cut -c1-12)); work dir $WORK ($(df -PT "$WORK" | awk 'NR == 2 { print $2 }'))"

# once LABEL COMMAND...: one run under timeout (ONCE_TIMEOUT, default TIMEOUT); prints
# "seconds s, MB MB" (or the failure)
once() {
    local label=$1
    shift
    if /usr/bin/time -f "%e %M" -o "$WORK/time.out" timeout "${ONCE_TIMEOUT:-$TIMEOUT}" "$@" > "$WORK/$label.out" 2> "$WORK/$label.err"; then
        read -r wall rss < "$WORK/time.out"
        printf '%s s, %d MB' "$wall" $((rss / 1024))
    else
        local status=$?
        [ $status = 124 ] && printf '> %s s (stopped)' "${ONCE_TIMEOUT:-$TIMEOUT}" || printf 'failed (%s): %s' "$status" "$(tail -1 "$WORK/$label.err" | cut -c1-120)"
    fi
}
# hf COMMAND [PREPARE]: median ms of RUNS runs
hf() {
    local args=(--style none --warmup 2 --runs "$RUNS" --export-json "$WORK/hf.json")
    if [ -n "${2:-}" ]; then args+=(--shell=bash --prepare "$2"); else args+=(-N); fi
    if hyperfine "${args[@]}" "$1" > "$WORK/hf.out" 2>&1; then
        python3 -c "import json,sys; r = json.load(open(sys.argv[1]))['results'][0]; print('%.1f ms' % (r['median'] * 1000))" "$WORK/hf.json"
    else
        echo "failed: $(tail -1 "$WORK/hf.out")"
    fi
}
refs_state() { # ARCHIVE
    local loose packed
    loose=$(find "$1/refs" -type f | wc -l)
    packed=$( [ -f "$1/packed-refs" ] && grep -vc '^[#^]' "$1/packed-refs" || echo 0)
    echo "$loose loose reference files, $packed packed references"
}

# commands ARCHIVE STATE: the read and write commands on one archive
commands() {
    local a=$1 state=$2 story
    story=s0001   # import names each story after its folder
    echo "  [$state: $(refs_state "$a")]"
    local prep="n=\$((\$(cat $WORK/counter) + 1)); echo \$n > $WORK/counter; { cat $BASE_TEXT; echo; echo \"Scale paragraph \$n.\"; } > $WORK/next.txt"
    echo "  record one revision (median of $RUNS):      $(hf "$BIN record --archive $a --story bench-record $WORK/next.txt" "$prep")"
    echo "  log of one story (median of $RUNS):         $(hf "$BIN log --archive $a $story")"
    echo "  stories, whole listing:                 $(once stories "$BIN" stories --archive "$a") ($(wc -l < "$WORK/stories.out") lines)"
    echo "  verify:                                 $(once verify "$BIN" verify --archive "$a") ($(tail -1 "$WORK/verify.out" | cut -c1-80))"
    [ "$state" = loose ] || [ "${CLONES_EVERY_STATE:-1}" = 1 ] || return 0
    rm -rf "$WORK/git-clone.git" "$WORK/wt-clone.git"
    echo "  git clone --bare --no-local:            $(once git-clone git clone -q --bare --no-local "$a" "$WORK/git-clone.git")"
    echo "  writethru clone:                        $(once wt-clone "$BIN" clone "$a" "$WORK/wt-clone.git") ($(tail -1 "$WORK/wt-clone.out" | cut -c1-80))"
    rm -rf "$WORK/git-clone.git" "$WORK/wt-clone.git"
}

for n in $BRANCHES; do
    echo
    echo "== $n story branches"
    if [ -f "$SEARCH_DIR/large/stories.tsv" ] && [ "$(wc -l < "$SEARCH_DIR/large/stories.tsv")" -eq "$n" ]; then
        CORPUS="$SEARCH_DIR/large/corpus"
    else
        CORPUS="$WORK/corpus-$n/corpus"
        if [ ! -f "$WORK/corpus-$n/stories.tsv" ] || [ "$(wc -l < "$WORK/corpus-$n/stories.tsv")" -ne "$n" ]; then
            rm -rf "$WORK/corpus-$n"
            python3 "$GEN" generate --out "$WORK/corpus-$n" --stories "$n" --versions 1 --extra 0 --seed 20261202 >/dev/null
        fi
    fi
    BASE_TEXT=$(find "$CORPUS/s0001" -type f | sort | tail -1)
    echo 0 > "$WORK/counter"
    a="$WORK/archive-$n.git"
    rm -rf "$a" "$WORK/remote-$n.git"
    "$BIN" init --archive "$a" >/dev/null
    echo "  import of $n stories:                   $(ONCE_TIMEOUT=7200 once import "$BIN" import --quiet --archive "$a" "$CORPUS")"
    echo "  git: objects $(du -sh "$a/objects" | cut -f1), refs/ $(du -sh "$a/refs" | cut -f1) on disk; ref advertisement $(git ls-remote "$a" | wc -c) bytes"
    commands "$a" loose
    if [ "${PACK_FIRST:-1}" = 1 ]; then
        # The story branches alone packed (plain git, no writer running), before any remote
        # adds its remote-tracking references: the cost of packing, apart from their number.
        git --git-dir "$a" pack-refs --all
        commands "$a" "packed by git pack-refs --all"
    fi
    git init -q --bare "$WORK/remote-$n.git"
    "$BIN" remote add --archive "$a" scale "$WORK/remote-$n.git" >/dev/null
    echo "  push of every story to a new remote:    $(once push "$BIN" push --archive "$a" scale) ($(tail -1 "$WORK/push.out" | cut -c1-80))"
    echo "  push again (nothing to send):           $(once push2 "$BIN" push --archive "$a" scale) ($(tail -1 "$WORK/push2.out" | cut -c1-80))"
    echo "  pull (nothing to fetch):                $(once pull "$BIN" pull --archive "$a" scale) ($(tail -1 "$WORK/pull.out" | cut -c1-80))"
    commands "$a" packed
    [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$a" "$WORK/remote-$n.git"
done
