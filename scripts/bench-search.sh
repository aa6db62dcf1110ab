#!/usr/bin/env bash
# Benchmark of search, listings, index size, import, record and export (run by
# `make bench-search`, after the release build; issue 17, "Speed and size"). Every figure is
# measured for BIN and, in the same run, taking turns with it, for a baseline binary built from
# an earlier commit, so the two columns share the machine's mood.
#
#   1. Generates, deterministically (scripts/bench_corpus.py, fixed seeds), two corpora:
#        small: 10,000 revisions of about 5 KB across 1,000 stories (the project's bench corpus);
#        large: 100,000 stories of one revision each.
#      In both a made-up name (BENCH_RARE, "Zenobia Quillfeather") is planted in exactly 3
#      stories (every version of them); the phrase BENCH_COMMON ("did not immediately respond")
#      is one the generator itself writes in most stories (the script counts them).
#   2. Small: BENCH_ROUNDS rounds in turns of `writethru import` into a fresh archive (BIN,
#      then the baseline) and `git fast-import` of the same trees and messages
#      (scripts/fast_import_stream.py), each with its wall time and peak RSS. The last round's
#      archives are the ones measured below.
#      Large: one `writethru import` per binary, with its time and peak RSS (cached between
#      runs in BENCH_DIR/archives, keyed by the binary's hash; BENCH_FRESH=1 imports again).
#   3. Index size: `du -sb` of objects/ beside every derived file in the archive folder (all but
#      objects/, refs/, packed-refs, HEAD, config, description, hooks/, info/, logs/).
#   4. Whole processes with hyperfine, on both archives, the binaries taking turns
#      (BENCH_ROUNDS turns of BENCH_RUNS runs; commands whose first run took over 0.3 s get
#      5 runs a turn, over 3 s one, over 30 s one turn only, the first run counted too):
#      `--version`, `search RARE`, `search COMMON`, and `stories --limit 20` (a binary
#      without --limit, the baseline among them: `stories | head -20`). Each figure is also
#      given as milliseconds above the same binary's `--version` in the run.
#   5. The whole `stories` listing of the large archive: time and peak RSS, in turns.
#   6. One `record` of a revision into the small archive (hyperfine, a new paragraph each run
#      written by --prepare, into one story of its own), in turns.
#   7. `export --sqlite FILE` of the small archive (only when BIN has `export`): time, size.
#   8. Prints a table of the medians, the ratios BIN / baseline and the issue's targets.
#
# Environment:
#   BIN            the binary measured (default .build/release/writethu; WRITETHRU_BIN also read)
#   BASELINE_BIN   a binary built from an earlier commit, measured beside it
#   BASELINE       or a commit: built once (release, as `make release`) in a temporary git
#                  worktree and cached as /tmp/writethru-baseline-<commit>/writethru
#                  Neither given, or the build fails: only BIN is measured, and the table says so.
#   BENCH_DIR      work directory (default /tmp/writethru-bench-search; refused inside the repo)
#   BENCH_QUICK=1  small corpora (500 revisions; 3,000 stories), one turn of 5 runs: checks the
#                  script in a couple of minutes; the figures mean little
#   BENCH_ROUNDS (3), BENCH_RUNS (20), BENCH_LARGE (100000 stories), BENCH_RARE, BENCH_COMMON,
#   BENCH_FRESH=1 (import the large corpus again), BENCH_KEEP=1 (keep this run's archives),
#   BENCH_RARE_NEW, BENCH_COMMON_NEW (the queries given to BIN, if its syntax needs others:
#   by default the same as the baseline's)
set -euo pipefail
export LC_ALL=C
unset WRITETHRU_ARCHIVE

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BIN=${BIN:-${WRITETHRU_BIN:-$REPO/.build/release/writethru}}
BASELINE_BIN=${BASELINE_BIN:-}
BASELINE=${BASELINE:-}
WORK=${BENCH_DIR:-/tmp/writethru-bench-search}
QUICK=${BENCH_QUICK:-0}
if [ "$QUICK" = 1 ]; then
    SMALL_STORIES=100 SMALL_VERSIONS=5 LARGE_DEFAULT=3000 ROUNDS_DEFAULT=1 RUNS_DEFAULT=5
else
    SMALL_STORIES=1000 SMALL_VERSIONS=10 LARGE_DEFAULT=100000 ROUNDS_DEFAULT=3 RUNS_DEFAULT=20
fi
LARGE=${BENCH_LARGE:-$LARGE_DEFAULT}
ROUNDS=${BENCH_ROUNDS:-$ROUNDS_DEFAULT}
RUNS=${BENCH_RUNS:-$RUNS_DEFAULT}
RARE=${BENCH_RARE:-Zenobia Quillfeather}
COMMON=${BENCH_COMMON:-did not immediately respond}
RARE_NEW=${BENCH_RARE_NEW:-$RARE}
COMMON_NEW=${BENCH_COMMON_NEW:-$COMMON}
PLANTED=3
GEN="$REPO/scripts/bench_corpus.py"

die() { echo "bench-search: $*" >&2; exit 1; }
load() { echo "(load $(cut -d' ' -f1-3 /proc/loadavg))"; }
note() { echo "note: $*"; }
now() { echo "${EPOCHREALTIME:-$(date +%s.%N)}"; }
ms_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) * 1000 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

[ -x "$BIN" ] || die "no binary at $BIN (run: make release)"
BIN=$(cd "$(dirname "$BIN")" && pwd -P)/$(basename "$BIN")
command -v git >/dev/null || die "git is not installed"
command -v python3 >/dev/null || die "python3 is not installed"
command -v hyperfine >/dev/null || die "hyperfine is not installed (apt-get install hyperfine)"
[ -x /usr/bin/time ] || die "/usr/bin/time is not installed (apt-get install time)"
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd -P)
case "$WORK/" in "$REPO"/*) die "BENCH_DIR $WORK is inside the repository $REPO" ;; esac

# ---------------------------------------------------------------------------------------------
# The baseline binary
BASELINE_NOTE=""
if [ -z "$BASELINE_BIN" ] && [ -n "$BASELINE" ]; then
    if commit=$(git -C "$REPO" rev-parse --verify --quiet "$BASELINE^{commit}"); then
        cache="/tmp/writethru-baseline-${commit:0:7}"
        if [ ! -x "$cache/writethru" ]; then
            echo "== Building the baseline ${commit:0:7} (once; cached as $cache/writethru)"
            mkdir -p "$cache"
            rm -rf "$cache/src"
            git -C "$REPO" worktree prune
            if git -C "$REPO" worktree add --detach "$cache/src" "$commit" >"$cache/build.log" 2>&1 &&
                (cd "$cache/src" && WRITETHRU_STATIC_LIBGIT2=1 swift build -c release --product writethru \
                    --static-swift-stdlib) >>"$cache/build.log" 2>&1; then
                cp "$cache/src/.build/release/writethru" "$cache/writethru"
                echo "$commit" > "$cache/commit"
            else
                tail -5 "$cache/build.log" >&2
                BASELINE_NOTE="the baseline $BASELINE could not be built (see $cache/build.log)"
            fi
            git -C "$REPO" worktree remove --force "$cache/src" >/dev/null 2>&1 || rm -rf "$cache/src"
        fi
        [ -x "$cache/writethru" ] && BASELINE_BIN="$cache/writethru"
    else
        BASELINE_NOTE="no commit $BASELINE in $REPO"
    fi
fi
if [ -n "$BASELINE_BIN" ] && [ ! -x "$BASELINE_BIN" ]; then
    BASELINE_NOTE="no binary at $BASELINE_BIN"
    BASELINE_BIN=""
fi
[ -z "$BASELINE_BIN" ] && [ -z "$BASELINE_NOTE" ] && BASELINE_NOTE="no BASELINE_BIN or BASELINE given"

declare -A TOOL_BIN=([new]="$BIN")
TOOLS=(new)
if [ -n "$BASELINE_BIN" ]; then
    BASELINE_BIN=$(cd "$(dirname "$BASELINE_BIN")" && pwd -P)/$(basename "$BASELINE_BIN")
    TOOL_BIN[base]="$BASELINE_BIN"
    TOOLS+=(base)
fi
has_base() { [ -n "$BASELINE_BIN" ]; }
sha() { sha256sum "$1" | cut -c1-12; }

# Optional commands and options of each binary
declare -A HAS_LIMIT HAS_EXPORT
for t in "${TOOLS[@]}"; do
    HAS_LIMIT[$t]=0 HAS_EXPORT[$t]=0
    "${TOOL_BIN[$t]}" stories --help 2>/dev/null | grep -q -- '--limit' && HAS_LIMIT[$t]=1
    "${TOOL_BIN[$t]}" export --help >/dev/null 2>&1 && HAS_EXPORT[$t]=1
done

echo "== Machine"
echo "cpus: $(nproc); cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(git --version); $(hyperfine --version); python $(python3 -c 'import platform; print(platform.python_version())')"
echo "work dir: $WORK ($(df -PT "$WORK" | awk 'NR == 2 { print $2 }'))"
echo "new:      $BIN ($("$BIN" --version), sha256 $(sha "$BIN"); stories --limit: $([ "${HAS_LIMIT[new]}" = 1 ] && echo yes || echo no); export: $([ "${HAS_EXPORT[new]}" = 1 ] && echo yes || echo no))"
if has_base; then
    echo "baseline: $BASELINE_BIN ($("$BASELINE_BIN" --version), sha256 $(sha "$BASELINE_BIN")$( [ -f "$(dirname "$BASELINE_BIN")/commit" ] && echo ", commit $(cut -c1-7 "$(dirname "$BASELINE_BIN")/commit")"); stories --limit: $([ "${HAS_LIMIT[base]}" = 1 ] && echo yes || echo no))"
else
    echo "baseline: none ($BASELINE_NOTE): only BIN is measured"
fi
[ "$QUICK" = 1 ] && echo "BENCH_QUICK=1: small corpora, $ROUNDS turn(s) of $RUNS runs; the figures only show that the script works"

# ---------------------------------------------------------------------------------------------
# Corpora
echo
echo "== Corpora"
# generate NAME STORIES VERSIONS SEED: BENCH_DIR/NAME, regenerated only when its parameters or
# the generator changed
generate() {
    local dir="$WORK/$1" stamp
    stamp="$2 $3 $4 $RARE $PLANTED $(sha "$GEN")"
    if [ ! -f "$dir/stamp" ] || [ "$(cat "$dir/stamp")" != "$stamp" ]; then
        rm -rf "$dir"
        python3 "$GEN" generate --out "$dir" --stories "$2" --versions "$3" --extra 0 --seed "$4" \
            --plant-name "$RARE" --plant-stories "$PLANTED" >/dev/null
        echo "$stamp" > "$dir/stamp"
    fi
}
# stories_with DIR PHRASE: how many story folders hold PHRASE in some version
stories_with() { grep -rlF -- "$2" "$1/corpus" | awk -F/ '{ print $(NF - 1) }' | sort -u | wc -l; }
t0=$(now)
generate small "$SMALL_STORIES" "$SMALL_VERSIONS" 20210311
generate large "$LARGE" 1 20261201
echo "small: $((SMALL_STORIES * SMALL_VERSIONS)) revisions of $SMALL_STORIES stories, $(du -sh "$WORK/small/corpus" | cut -f1); large: $LARGE stories of 1 revision, $(du -sh "$WORK/large/corpus" | cut -f1) (ready in $(ms_between "$t0" "$(now)") ms)"
for c in small large; do
    n=$([ $c = small ] && echo "$SMALL_STORIES" || echo "$LARGE")
    r=$(stories_with "$WORK/$c" "$RARE")
    k=$(stories_with "$WORK/$c" "$COMMON")
    echo "$c: \"$RARE\" in $r stories ($(awk '{ printf "s%04d ", $1 }' "$WORK/$c/planted.tsv")); \"$COMMON\" in $k of $n stories ($(awk -v a="$k" -v b="$n" 'BEGIN { printf "%.0f", 100 * a / b }')%)"
    [ "$r" -eq "$PLANTED" ] || die "the rare name is in $r stories of the $c corpus, not $PLANTED"
    [ $((2 * k)) -gt "$n" ] || die "the common phrase is in only $k of $n stories of the $c corpus"
done

RUN=$(mktemp -d "$WORK/run-XXXXXX")
OUT="$RUN/out"
mkdir -p "$OUT" "$WORK/archives"
old=$(find "$WORK" -maxdepth 1 -name 'run-*' ! -path "$RUN" | wc -l)
echo "run folder: $RUN$( [ "$old" -gt 0 ] && echo " ($old older run folders in $WORK: delete them when done, not just before a run)")"

declare -A R   # results: R[key]=value

# timed LABEL COMMAND...: runs it with /usr/bin/time; sets WALL (s) and RSS (KB); fails loudly
timed() {
    local label=$1
    shift
    /usr/bin/time -f "%e %M" -o "$OUT/$label.time" "$@" > "$OUT/$label.out" 2> "$OUT/$label.err" || {
        tail -5 "$OUT/$label.err" >&2; die "$label failed: $*"; }
    read -r WALL RSS < "$OUT/$label.time"
}

# ---------------------------------------------------------------------------------------------
# Imports
echo
echo "== Import of the small corpus ($((SMALL_STORIES * SMALL_VERSIONS)) revisions), $ROUNDS round(s) in turns with git fast-import $(load)"
python3 "$REPO/scripts/fast_import_stream.py" "$WORK/small" > "$RUN/stream"
echo "fast-import stream: $(du -sh "$RUN/stream" | cut -f1) (written beforehand, not timed)"
declare -A SMALL_ARCH
declare -A IMPORT_TIMES IMPORT_PEAK
for t in "${TOOLS[@]}" git; do IMPORT_TIMES[$t]="" IMPORT_PEAK[$t]=0; done
for round in $(seq 1 "$ROUNDS"); do
    line="round $round:"
    for t in "${TOOLS[@]}"; do
        a="$RUN/small-$t-$round.git"
        "${TOOL_BIN[$t]}" init --archive "$a" >/dev/null
        timed "import-small-$t" "${TOOL_BIN[$t]}" import --quiet --archive "$a" "$WORK/small/corpus"
        IMPORT_TIMES[$t]+="$WALL "
        [ "$RSS" -gt "${IMPORT_PEAK[$t]}" ] && IMPORT_PEAK[$t]=$RSS
        SMALL_ARCH[$t]=$a
        line+=" $t ${WALL} s ($((RSS / 1024)) MB);"
    done
    f="$RUN/fast-import-$round.git"
    git init -q --bare "$f"
    timed fast-import sh -c "git --git-dir '$f' fast-import --quiet < '$RUN/stream'"
    IMPORT_TIMES[git]+="$WALL "
    [ "$RSS" -gt "${IMPORT_PEAK[git]}" ] && IMPORT_PEAK[git]=$RSS
    line+=" git fast-import ${WALL} s ($((RSS / 1024)) MB)"
    echo "$line"
done
for t in "${TOOLS[@]}" git; do
    R[import_small_s_$t]=$(printf '%s\n' ${IMPORT_TIMES[$t]} | median)
    R[import_small_mb_$t]=$((IMPORT_PEAK[$t] / 1024))
done
echo "fast-import: $(git --git-dir "$f" for-each-ref refs/heads/stories | wc -l) branches, $(git --git-dir "$f" rev-list --count --branches='stories/*') commits; objects $(du -sh "$f/objects" | cut -f1)"
for t in "${TOOLS[@]}"; do
    echo "$t: $(tail -1 "$OUT/import-small-$t.out" 2>/dev/null) ; $("${TOOL_BIN[$t]}" verify --archive "${SMALL_ARCH[$t]}" 2>&1 | tail -1)"
done

echo
echo "== Import of the large corpus ($LARGE stories), once per binary $(load)"
declare -A LARGE_ARCH
USED_CACHES=" "
for t in "${TOOLS[@]}"; do
    key="$t-$(sha "${TOOL_BIN[$t]}")-$(sha "$WORK/large/stamp")"
    USED_CACHES+=" large-$key.git large-$key.import "
    a="$WORK/archives/large-$key.git"
    if [ "${BENCH_FRESH:-0}" = 1 ] || [ ! -f "$WORK/archives/large-$key.import" ]; then
        rm -rf "$a" "$WORK/archives/large-$key.import"
        "${TOOL_BIN[$t]}" init --archive "$a" >/dev/null
        timed "import-large-$t" "${TOOL_BIN[$t]}" import --quiet --archive "$a" "$WORK/large/corpus"
        echo "$WALL $RSS" > "$WORK/archives/large-$key.import"
        how="imported now"
    else
        read -r WALL RSS < "$WORK/archives/large-$key.import"
        how="imported by an earlier run with the same binary and corpus (BENCH_FRESH=1 imports again)"
    fi
    R[import_large_s_$t]=$WALL
    R[import_large_mb_$t]=$((RSS / 1024))
    LARGE_ARCH[$t]=$a
    echo "$t: $WALL s, peak $((RSS / 1024)) MB ($how): $a"
done

# The first command after an import opens (and, if need be, builds or catches up) the index;
# it is done once here, untimed by hyperfine, so that the figures below are of a ready index.
echo
echo "== First command on each archive (a search for a word no story has)"
for size in small large; do
    for t in "${TOOLS[@]}"; do
        if [ $size = small ]; then a=${SMALL_ARCH[$t]}; else a=${LARGE_ARCH[$t]}; fi
        s=$(now)
        "${TOOL_BIN[$t]}" search --archive "$a" zzqxjvnotaword > /dev/null 2>&1 || true
        echo "$size $t: $(ms_between "$s" "$(now)") ms"
    done
done

# ---------------------------------------------------------------------------------------------
# Index size
echo
echo "== Derived index beside the git objects"
GIT_PARTS=" objects refs packed-refs HEAD config description hooks info logs "
for size in small large; do
    for t in "${TOOLS[@]}"; do
        if [ $size = small ]; then a=${SMALL_ARCH[$t]}; else a=${LARGE_ARCH[$t]}; fi
        objects=$(du -sb "$a/objects" | cut -f1)
        derived=0 derived_disk=0 counted=""
        for entry in "$a"/* "$a"/.[!.]*; do
            [ -e "$entry" ] || continue
            name=$(basename "$entry")
            case "$GIT_PARTS" in *" $name "*) continue ;; esac
            bytes=$(du -sb "$entry" | cut -f1)
            blocks=$(du -sk "$entry" | cut -f1)
            derived=$((derived + bytes))
            derived_disk=$((derived_disk + blocks * 1024))
            counted+=" $name ($(mb "$bytes") MB)"
        done
        R[objects_mb_${size}_$t]=$(mb "$objects")
        R[index_mb_${size}_$t]=$(mb "$derived")
        R[index_ratio_${size}_$t]=$(awk -v a="$derived" -v b="$objects" 'BEGIN { printf "%.2f", a / b }')
        echo "$size $t: objects/ $(mb "$objects") MB; derived $(mb "$derived") MB (${R[index_ratio_${size}_$t]}x; $(mb "$derived_disk") MB on disk, objects/ $(mb "$(($(du -sk "$a/objects" | cut -f1) * 1024))")):${counted:- nothing}"
    done
done

# ---------------------------------------------------------------------------------------------
# Whole processes with hyperfine
median_ms() { python3 -c "import json,sys; print('%.2f' % (json.load(open(sys.argv[1]))['results'][0]['median'] * 1000))" "$1"; }

# probe KEY TOOL COMMAND SHELL: runs the command once through the shell it will be timed with;
# sets PROBE_MS ("" when it failed) and keeps its output in $OUT/KEY-TOOL.probe
probe() {
    local key=$1 t=$2 cmd=$3 s
    s=$(now)
    if bash -c "$cmd" > "$OUT/$key-$t.probe" 2> "$OUT/$key-$t.probe.err"; then
        PROBE_MS=$(ms_between "$s" "$(now)")
    else
        PROBE_MS=""
    fi
}
# measure KEY LABEL: times CMD_new / CMD_base (set by the caller; SHELL_new / SHELL_base say
# whether the command needs bash) in BENCH_ROUNDS alternating turns; stores R[KEY_TOOL] in ms
measure() {
    local key=$1 label=$2 t runs warm cmd
    declare -A turns=()
    declare -A slow=()
    for t in "${TOOLS[@]}"; do
        cmd=${CMD[$t]}
        if [ -z "$cmd" ]; then R[${key}_$t]="n/a"; continue; fi
        probe "$key" "$t" "$cmd"
        if [ -z "$PROBE_MS" ]; then
            R[${key}_$t]="n/a"
            echo "    $t: failed: $(head -c 300 "$OUT/$key-$t.probe.err")"
            CMD[$t]=""
            continue
        fi
        slow[$t]=$PROBE_MS
        turns[$t]=""
    done
    local turn
    for turn in $(seq 1 "$ROUNDS"); do
        for t in "${TOOLS[@]}"; do
            cmd=${CMD[$t]}
            [ -n "$cmd" ] || continue
            runs=$RUNS warm=3
            # A command whose first run took over 30 s (the baseline's common phrase on the
            # large archive) gets one turn: the first run and that turn's run are its figure.
            if [ "$turn" -gt 1 ] && awk -v p="${slow[$t]}" 'BEGIN { exit !(p > 30000) }'; then continue; fi
            if awk -v p="${slow[$t]}" 'BEGIN { exit !(p > 3000) }'; then runs=1 warm=0
            elif awk -v p="${slow[$t]}" 'BEGIN { exit !(p > 300) }'; then runs=$((RUNS < 5 ? RUNS : 5)) warm=1; fi
            local shell=(-N)
            [ "${SHELLED[$t]:-0}" = 1 ] && shell=(--shell=bash)
            if hyperfine "${shell[@]}" --style none --warmup "$warm" --runs "$runs" \
                --export-json "$OUT/hf.json" "$cmd" > "$OUT/hf.out" 2>&1; then
                turns[$t]+="$(median_ms "$OUT/hf.json") "
            else
                echo "    $t: hyperfine failed: $(tail -3 "$OUT/hf.out")"
            fi
        done
    done
    for t in "${TOOLS[@]}"; do
        [ -n "${CMD[$t]}" ] || continue
        if awk -v p="${slow[$t]}" 'BEGIN { exit !(p > 30000) }'; then
            R[${key}_$t]=$(printf '%s\n' ${turns[$t]} "${slow[$t]}" | median)   # the first run counts
        else
            R[${key}_$t]=$(printf '%s\n' ${turns[$t]} | median)
        fi
        echo "    $t: turns ${turns[$t]}ms; first run ${slow[$t]} ms; $(tail -1 "$OUT/$key-$t.probe" | cut -c1-110)"
    done
    printf '%-44s' "$label"
    for t in "${TOOLS[@]}"; do printf ' %10s' "${R[${key}_$t]}"; done
    echo
}

declare -A CMD SHELLED
for size in small large; do
    echo
    if [ $size = small ]; then
        echo "== Whole processes, small archive ($((SMALL_STORIES * SMALL_VERSIONS)) revisions, $SMALL_STORIES stories): medians of $ROUNDS turns, ms $(load)"
    else
        echo "== Whole processes, large archive ($LARGE stories): medians of $ROUNDS turns, ms $(load)"
    fi
    printf '%-44s' ""; for t in "${TOOLS[@]}"; do printf ' %10s' "$t"; done; echo
    for t in "${TOOLS[@]}"; do
        if [ $size = small ]; then a=${SMALL_ARCH[$t]}; else a=${LARGE_ARCH[$t]}; fi
        b=${TOOL_BIN[$t]}
        CMD[$t]="$b --version"; SHELLED[$t]=0
    done
    measure "version_$size" "--version"
    for t in "${TOOLS[@]}"; do
        if [ $size = small ]; then a=${SMALL_ARCH[$t]}; else a=${LARGE_ARCH[$t]}; fi
        q=$RARE; [ $t = new ] && q=$RARE_NEW
        CMD[$t]="${TOOL_BIN[$t]} search --archive $a '$q'"; SHELLED[$t]=0
    done
    measure "rare_$size" "search \"$RARE\""
    for t in "${TOOLS[@]}"; do
        if [ $size = small ]; then a=${SMALL_ARCH[$t]}; else a=${LARGE_ARCH[$t]}; fi
        q=$COMMON; [ $t = new ] && q=$COMMON_NEW
        CMD[$t]="${TOOL_BIN[$t]} search --archive $a '$q'"; SHELLED[$t]=0
    done
    measure "common_$size" "search \"$COMMON\""
    for t in "${TOOLS[@]}"; do
        if [ $size = small ]; then a=${SMALL_ARCH[$t]}; else a=${LARGE_ARCH[$t]}; fi
        if [ "${HAS_LIMIT[$t]}" = 1 ]; then
            CMD[$t]="${TOOL_BIN[$t]} stories --archive $a --limit 20"; SHELLED[$t]=0
        else
            CMD[$t]="${TOOL_BIN[$t]} stories --archive $a | head -20"; SHELLED[$t]=1
        fi
    done
    measure "stories20_$size" "stories --limit 20 (or | head -20)"
    for t in "${TOOLS[@]}"; do
        for k in rare common stories20; do
            v=${R[${k}_${size}_$t]} base=${R[version_${size}_$t]}
            if [ "$v" = n/a ] || [ "$base" = n/a ]; then R[${k}_above_${size}_$t]="n/a"
            else R[${k}_above_${size}_$t]=$(awk -v a="$v" -v b="$base" 'BEGIN { printf "%.2f", a - b }'); fi
        done
    done
done

# ---------------------------------------------------------------------------------------------
# The whole listing of the large archive
echo
echo "== The whole \`stories\` listing of the large archive ($LARGE stories), $ROUNDS turn(s) $(load)"
declare -A LIST_TIMES LIST_PEAK
for t in "${TOOLS[@]}"; do LIST_TIMES[$t]="" LIST_PEAK[$t]=0; done
for round in $(seq 1 "$ROUNDS"); do
    line="turn $round:"
    for t in "${TOOLS[@]}"; do
        if /usr/bin/time -f "%e %M" -o "$OUT/list.time" "${TOOL_BIN[$t]}" stories --archive "${LARGE_ARCH[$t]}" \
            > "$OUT/list-$t.out" 2> "$OUT/list-$t.err"; then
            read -r WALL RSS < "$OUT/list.time"
            LIST_TIMES[$t]+="$WALL "
            [ "$RSS" -gt "${LIST_PEAK[$t]}" ] && LIST_PEAK[$t]=$RSS
            line+=" $t $WALL s ($((RSS / 1024)) MB, $(wc -l < "$OUT/list-$t.out") lines);"
        else
            line+=" $t failed ($(head -c 200 "$OUT/list-$t.err"));"
        fi
    done
    echo "$line"
done
for t in "${TOOLS[@]}"; do
    if [ -n "${LIST_TIMES[$t]}" ]; then
        R[list_s_$t]=$(printf '%s\n' ${LIST_TIMES[$t]} | median)
        R[list_mb_$t]=$((LIST_PEAK[$t] / 1024))
    else
        R[list_s_$t]="n/a" R[list_mb_$t]="n/a"
    fi
done

# ---------------------------------------------------------------------------------------------
# record
echo
echo "== One \`record\` into the small archive (a new paragraph each run, story bench-record), $ROUNDS turn(s) of $RUNS runs $(load)"
base_text=$(ls "$WORK/small/corpus/s0001/" | sort | tail -1)
for t in "${TOOLS[@]}"; do
    echo 0 > "$RUN/counter-$t"
    cp "$WORK/small/corpus/s0001/$base_text" "$RUN/next-$t.txt"
    "${TOOL_BIN[$t]}" record --archive "${SMALL_ARCH[$t]}" --story bench-record "$RUN/next-$t.txt" > /dev/null
done
declare -A REC_TURNS
for t in "${TOOLS[@]}"; do REC_TURNS[$t]=""; done
for _ in $(seq 1 "$ROUNDS"); do
    for t in "${TOOLS[@]}"; do
        prep="n=\$((\$(cat $RUN/counter-$t) + 1)); echo \$n > $RUN/counter-$t; { cat $WORK/small/corpus/s0001/$base_text; echo; echo \"Bench paragraph \$n.\"; } > $RUN/next-$t.txt"
        if hyperfine --shell=bash --style none --warmup 3 --runs "$RUNS" --prepare "$prep" --export-json "$OUT/hf.json" \
            "${TOOL_BIN[$t]} record --archive ${SMALL_ARCH[$t]} --story bench-record $RUN/next-$t.txt" > "$OUT/hf.out" 2>&1; then
            REC_TURNS[$t]+="$(median_ms "$OUT/hf.json") "
        else
            echo "    $t: record failed: $(tail -3 "$OUT/hf.out")"
        fi
    done
done
for t in "${TOOLS[@]}"; do
    R[record_$t]=$(printf '%s\n' ${REC_TURNS[$t]} | median)
    echo "    $t: turns ${REC_TURNS[$t]}ms; $("${TOOL_BIN[$t]}" log --archive "${SMALL_ARCH[$t]}" bench-record | wc -l) versions of bench-record now"
done

# ---------------------------------------------------------------------------------------------
# export
echo
R[export_s]="n/a" R[export_mb]="n/a" R[export_rss]="n/a"
if [ "${HAS_EXPORT[new]}" = 1 ]; then
    echo "== \`export --sqlite FILE\` of the small archive (new binary), $ROUNDS run(s)"
    EXPORT_TIMES="" EXPORT_PEAK=0
    for round in $(seq 1 "$ROUNDS"); do
        rm -f "$RUN/export.sqlite"
        if /usr/bin/time -f "%e %M" -o "$OUT/export.time" "$BIN" export --archive "${SMALL_ARCH[new]}" \
            --sqlite "$RUN/export.sqlite" > "$OUT/export.out" 2> "$OUT/export.err"; then
            read -r WALL RSS < "$OUT/export.time"
            EXPORT_TIMES+="$WALL "
            [ "$RSS" -gt "$EXPORT_PEAK" ] && EXPORT_PEAK=$RSS
            echo "run $round: $WALL s, peak $((RSS / 1024)) MB, $(mb "$(stat -c %s "$RUN/export.sqlite")") MB"
        else
            echo "run $round: failed: $(head -c 300 "$OUT/export.err")"
        fi
    done
    if [ -n "$EXPORT_TIMES" ]; then
        R[export_s]=$(printf '%s\n' $EXPORT_TIMES | median)
        R[export_mb]=$(mb "$(stat -c %s "$RUN/export.sqlite")")
        R[export_rss]=$((EXPORT_PEAK / 1024))
        if command -v sqlite3 >/dev/null; then
            echo "tables: $(sqlite3 "$RUN/export.sqlite" "select group_concat(name, ', ') from sqlite_master where type = 'table' and name not like '%\\_%' escape '\\'" 2>/dev/null)"
        fi
    fi
else
    echo "== export: BIN has no \`export\` command (\`$BIN export --help\` failed): skipped"
fi

# ---------------------------------------------------------------------------------------------
# The table
isnum() { [[ $1 =~ ^[0-9]+([.][0-9]+)?$ ]]; }
ratio() { # new base: new / base when both are positive numbers, else nothing
    if isnum "$1" && isnum "${2:-}"; then awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a > 0) printf "%.2fx", a / b }'; fi
}
verdict() { # value op limit
    if ! isnum "$1" || ! isnum "$3"; then echo "n/a"; return; fi
    awk -v a="$1" -v b="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? a <= b : (op == "<") ? a < b : a > b; print ok ? "met" : "NOT met" }'
}
row() { # label new base target verdict
    printf '%-50s %12s %12s %8s  %s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")" "$4"
}
basev() { if has_base; then echo "${R[$1_base]:-n/a}"; else echo "-"; fi }

echo
echo "================ bench-search: medians (new = $BIN; baseline = ${BASELINE_BIN:-none}) ================"
has_base || echo "no baseline: $BASELINE_NOTE; the baseline column is empty"
printf '%-50s %12s %12s %8s  %s\n' "" new baseline new/base "target (new)"
for size in small large; do
    if [ $size = small ]; then echo "-- small archive: $((SMALL_STORIES * SMALL_VERSIONS)) revisions, $SMALL_STORIES stories (ms)"
    else echo "-- large archive: $LARGE stories (ms)"; fi
    row "--version" "${R[version_${size}_new]}" "$(basev "version_$size")" ""
    row "search \"$RARE\"" "${R[rare_${size}_new]}" "$(basev "rare_$size")" ""
    row "  ms above --version" "${R[rare_above_${size}_new]}" "$(basev "rare_above_$size")" "<= 10: $(verdict "${R[rare_above_${size}_new]}" '<=' 10)"
    row "search \"$COMMON\"" "${R[common_${size}_new]}" "$(basev "common_$size")" "<= 150: $(verdict "${R[common_${size}_new]}" '<=' 150)"
    row "  ms above --version" "${R[common_above_${size}_new]}" "$(basev "common_above_$size")" ""
    lim_new=$([ "${HAS_LIMIT[new]}" = 1 ] && echo "--limit 20" || echo "| head -20")
    lim_base=$(has_base && { [ "${HAS_LIMIT[base]}" = 1 ] && echo "--limit 20" || echo "| head -20"; } || echo "-")
    row "stories, first 20 (new $lim_new; base $lim_base)" "${R[stories20_${size}_new]}" "$(basev "stories20_$size")" ""
    row "  ms above --version" "${R[stories20_above_${size}_new]}" "$(basev "stories20_above_$size")" "<= 10: $(verdict "${R[stories20_above_${size}_new]}" '<=' 10)"
    row "index MB (objects/ MB)" "${R[index_mb_${size}_new]} (${R[objects_mb_${size}_new]})" \
        "$(has_base && echo "${R[index_mb_${size}_base]} (${R[objects_mb_${size}_base]})" || echo -)" ""
    row "  index / objects" "${R[index_ratio_${size}_new]}" "$(basev "index_ratio_$size")" "<= 0.5: $(verdict "${R[index_ratio_${size}_new]}" '<=' 0.5)"
done
echo "-- listing, import, record, export"
row "stories, whole large listing (s)" "${R[list_s_new]}" "$(basev list_s)" "<= 2: $(verdict "${R[list_s_new]}" '<=' 2)"
row "  peak RSS (MB)" "${R[list_mb_new]}" "$(basev list_mb)" "<= 100: $(verdict "${R[list_mb_new]}" '<=' 100)"
row "import $((SMALL_STORIES * SMALL_VERSIONS)) revisions (s)" "${R[import_small_s_new]}" "$(basev import_small_s)" \
    "< fast-import ${R[import_small_s_git]} s: $(verdict "${R[import_small_s_new]}" '<' "${R[import_small_s_git]}")"
row "  seconds / fast-import's (below 1: faster)" "$(ratio "${R[import_small_s_new]}" "${R[import_small_s_git]}")" \
    "$(has_base && ratio "${R[import_small_s_base]}" "${R[import_small_s_git]}" || echo -)" ""
row "  peak RSS (MB; fast-import ${R[import_small_mb_git]})" "${R[import_small_mb_new]}" "$(basev import_small_mb)" ""
row "import $LARGE stories x 1 revision (s)" "${R[import_large_s_new]}" "$(basev import_large_s)" ""
row "  peak RSS (MB)" "${R[import_large_mb_new]}" "$(basev import_large_mb)" "<= 300: $(verdict "${R[import_large_mb_new]}" '<=' 300)"
row "record one revision, small archive (ms)" "${R[record_new]}" "$(basev record)" \
    "<= baseline (+5% noise): $(has_base && isnum "${R[record_base]}" && verdict "${R[record_new]}" '<=' "$(awk -v b="${R[record_base]}" 'BEGIN { print b * 1.05 }')" || echo n/a)"
row "export --sqlite, small archive (s)" "${R[export_s]}" "-" ""
row "  file size (MB); peak RSS (MB)" "${R[export_mb]}; ${R[export_rss]}" "-" ""
echo "(ms above --version: the command's median minus the same binary's --version median on that archive, this run)"
echo "(memory flat in revisions: compare the two import peaks: ${R[import_small_mb_new]} MB at $((SMALL_STORIES * SMALL_VERSIONS)), ${R[import_large_mb_new]} MB at $LARGE)"

# This run's folder goes (BENCH_KEEP=1 keeps it); the large archives stay as caches, and those
# of binaries not measured in this run go.
if [ "${BENCH_KEEP:-0}" = 1 ]; then
    echo "kept: $RUN"
else
    rm -rf "$RUN"
fi
for entry in "$WORK"/archives/*; do
    [ -e "$entry" ] || continue
    case "$USED_CACHES" in *" $(basename "$entry") "*) ;; *) rm -rf "$entry" ;; esac
done
