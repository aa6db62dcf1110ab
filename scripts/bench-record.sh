#!/usr/bin/env bash
# Benchmark of `writethru record` (run by `make bench-record`, after the release build).
#
#   1. Generates, deterministically (scripts/bench_corpus.py, fixed seed), 10,000 revisions of
#      about 5 KB across 1,000 stories, 10 versions each, as <work>/corpus/sNNNN/vNN.txt, plus
#      <work>/paths.txt in recording order (all v01, then all v02, ...).
#   2. Records them all into a fresh archive with ONE `writethru record` invocation (story ids
#      derived from the headlines), times it, and checks `writethru stories`.
#   3. Commits the same revisions into a fresh bare repository with a git CLI loop
#      (hash-object -w, mktree, rev-parse, commit-tree -p, update-ref NEW OLD per revision).
#   4. Times ONE more `writethru record` of a single new revision into the full archive,
#      several times, and prints min/median/max.
#
# Environment:
#   BENCH_DIR            work directory (default /tmp/writethru-bench; refused inside the repo)
#   BENCH_GIT_REVISIONS  how many revisions the git loop commits (default: all); its rate is
#                        computed from what it did
#   BENCH_STORIES, BENCH_VERSIONS, BENCH_SINGLE   corpus shape (default 1000, 10, 10)
#   WRITETHRU_BIN        the binary (default .build/release/writethru)
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BIN=${WRITETHRU_BIN:-$REPO/.build/release/writethru}
WORK=${BENCH_DIR:-/tmp/writethru-bench}
STORIES=${BENCH_STORIES:-1000}
VERSIONS=${BENCH_VERSIONS:-10}
SINGLE=${BENCH_SINGLE:-10}
GEN="$REPO/scripts/bench_corpus.py"

die() { echo "bench-record: $*" >&2; exit 1; }
now() { echo "${EPOCHREALTIME:-$(date +%s.%N)}"; }
# seconds between two `now` values, 3 decimals
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
load() { echo "load average before this phase: $(cut -d' ' -f1-3 /proc/loadavg) (on $(nproc) cpus)"; }
# user+sys CPU seconds of all finished children of this shell so far (bash `times`)
# (sets CPU_NOW; call it directly, not in $(...), which would be a subshell with its own `times`)
child_cpu() {
    times > "$WORK/.times"
    CPU_NOW=$(awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } print s }' "$WORK/.times")
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.1f", n / s; else print "inf" }'; }

[ -x "$BIN" ] || die "no binary at $BIN (run: swift build -c release --product writethru)"
command -v git >/dev/null || die "git is not installed"
command -v python3 >/dev/null || die "python3 is not installed"

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd -P)
case "$WORK/" in
    "$REPO"/*) die "BENCH_DIR $WORK is inside the repository $REPO; use a directory outside it" ;;
esac

ARCHIVE="$WORK/writethru-archive.git"
GITREPO="$WORK/git-loop.git"

echo "== Machine"
echo "cpus (nproc):        $(nproc)"
echo "cpu:                 $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)"
echo "memory:              $(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo unknown)"
echo "kernel:              $(uname -sr)"
echo "work dir:            $WORK"
echo "work dir filesystem: $(df -PT "$WORK" | awk 'NR == 2 { print $2 " on " $1 " (mounted at " $7 ")" }')"
echo "git:                 $(git --version)"
echo "writethru:           $("$BIN" --version) ($BIN)"
echo "ARG_MAX:             $(getconf ARG_MAX)"

echo
echo "== Corpus"
t0=$(now)
python3 "$GEN" generate --out "$WORK" --stories "$STORIES" --versions "$VERSIONS" --extra "$SINGLE"
t1=$(now)
echo "generated in $(elapsed "$t0" "$t1") s"
mapfile -t PATHS < "$WORK/paths.txt"
TOTAL=${#PATHS[@]}
[ "$TOTAL" -eq $((STORIES * VERSIONS)) ] || die "paths.txt has $TOTAL paths, expected $((STORIES * VERSIONS))"

echo
echo "== writethru: one \`writethru record\` of all $TOTAL revisions"
rm -rf "$ARCHIVE"
load
"$BIN" init --archive "$ARCHIVE" >/dev/null
# One invocation for all of them; the paths come from a list file (--files-from), so no
# argument-length limit applies (positional arguments work too, but swift-argument-parser
# takes seconds to parse ten thousand of them).
REPORT="$WORK/writethru-record.time"
INVOCATIONS=1
echo "one invocation: writethru record --files-from paths.txt ($TOTAL paths)"
set +e
python3 "$GEN" timed "$REPORT" -- "$BIN" record --archive "$ARCHIVE" --files-from "$WORK/paths.txt" \
    > "$WORK/writethru-record.out" 2> "$WORK/writethru-record.err"
status=$?
set -e
if [ "$status" -ne 0 ]; then
    echo "writethru record FAILED with status $status; last lines of stderr:"
    tail -5 "$WORK/writethru-record.err"
    exit 1
fi
# shellcheck disable=SC1090
eval "$(cat "$REPORT")"   # wall, maxrss_kb, user, sys, status
WT_WALL=$wall WT_RSS_KB=$maxrss_kb WT_USER=$user WT_SYS=$sys
WT_RECORDED=$(awk '$3 == "recorded"' "$WORK/writethru-record.out" | wc -l)
WT_UNCHANGED=$(awk '$3 == "unchanged"' "$WORK/writethru-record.out" | wc -l)
WT_RATE=$(rate "$WT_RECORDED" "$WT_WALL")
echo "recorded $WT_RECORDED, unchanged $WT_UNCHANGED (output lines: $(wc -l < "$WORK/writethru-record.out"), stderr lines: $(wc -l < "$WORK/writethru-record.err"))"

"$BIN" stories --archive "$ARCHIVE" > "$WORK/stories.out"
N_STORIES=$(wc -l < "$WORK/stories.out")
N_VERSIONS=$(awk '{ n += $2 } END { print n + 0 }' "$WORK/stories.out")
EXPECTED_IDS_OK=no
if cmp -s <(cut -f2 "$WORK/stories.tsv" | sort) <(awk '{ print $1 }' "$WORK/stories.out" | sort); then
    EXPECTED_IDS_OK=yes
fi
echo "check: \`writethru stories | wc -l\` = $N_STORIES (expected $STORIES), versions sum = $N_VERSIONS (expected $TOTAL), ids as derived by the generator: $EXPECTED_IDS_OK"
CHECK_OK=yes
if [ "$N_STORIES" -ne "$STORIES" ] || [ "$N_VERSIONS" -ne "$TOTAL" ] || [ "$WT_RECORDED" -ne "$TOTAL" ]; then
    CHECK_OK=no
    echo "CHECK FAILED"
fi

echo
GIT_N=${BENCH_GIT_REVISIONS:-$TOTAL}
[ "$GIT_N" -gt "$TOTAL" ] && GIT_N=$TOTAL
echo "== git CLI loop: $GIT_N of $TOTAL revisions (BENCH_GIT_REVISIONS)"
echo "per revision: git hash-object -w (source, article.md, meta.json), git mktree (source/),"
echo "git mktree (root), git rev-parse (tip), git commit-tree -p tip, git update-ref NEW OLD: 6 git processes"
rm -rf "$GITREPO"
git init -q --bare "$GITREPO"
git_loop() {
    export GIT_DIR="$GITREPO"
    export GIT_COMMITTER_NAME=Writethru GIT_COMMITTER_EMAIL=writethru@localhost
    export GIT_COMMITTER_DATE="$(date +%s) +0000" GIT_AUTHOR_EMAIL=byline@writethru.invalid
    local zero=0000000000000000000000000000000000000000
    local src story ver article meta aname adate updated subject advisory
    local sblob ablob mblob ids stree rtree old new msg base ref done=0
    # Only command substitutions inside the loop, no process substitutions: with tens of
    # thousands of children the pids wrap around (pid_max is often 32768), and bash 5.2 can
    # then wait forever for a process substitution whose pid was reused.
    while IFS=$'\t' read -r src story ver article meta aname adate updated subject advisory; do
        base=${src##*/}
        ref="refs/heads/stories/$story"
        ids=$(git hash-object -w -- "$src" "$article" "$meta")
        sblob=${ids:0:40} ablob=${ids:41:40} mblob=${ids:82:40}
        stree=$(printf '100644 blob %s\t%s\n' "$sblob" "$base" | git mktree)
        rtree=$(printf '100644 blob %s\tarticle.md\n100644 blob %s\tmeta.json\n040000 tree %s\tsource\n' \
            "$ablob" "$mblob" "$stree" | git mktree)
        if [ -n "$advisory" ]; then
            printf -v msg '%s\n\n%s\n\nStory: %s\nVersion: %s\nUpdated: %s\nSource: source/%s\n' \
                "$subject" "$advisory" "$story" "$ver" "$updated" "$base"
        else
            printf -v msg '%s\n\nStory: %s\nVersion: %s\nUpdated: %s\nSource: source/%s\n' \
                "$subject" "$story" "$ver" "$updated" "$base"
        fi
        old=$(git rev-parse -q --verify "$ref" || true)
        if [ -n "$old" ]; then
            new=$(GIT_AUTHOR_NAME="$aname" GIT_AUTHOR_DATE="$adate +0000" git commit-tree "$rtree" -p "$old" -m "$msg")
            git update-ref -m "git loop: version $ver" "$ref" "$new" "$old"
        else
            new=$(GIT_AUTHOR_NAME="$aname" GIT_AUTHOR_DATE="$adate +0000" git commit-tree "$rtree" -m "$msg")
            git update-ref -m "git loop: version $ver" "$ref" "$new" "$zero"
        fi
        done=$((done + 1))
        if [ $((done % 1000)) -eq 0 ]; then echo "  git loop: $done of $GIT_N" >&2; fi
    done < "$WORK/plan-git.tsv"
}
head -n "$GIT_N" "$WORK/plan.tsv" > "$WORK/plan-git.tsv"
load
child_cpu; c0=$CPU_NOW
t0=$(now)
( git_loop )
t1=$(now)
child_cpu; c1=$CPU_NOW
GIT_WALL=$(elapsed "$t0" "$t1")
GIT_CPU=$(awk -v a="$c0" -v b="$c1" 'BEGIN { printf "%.1f", b - a }')
GIT_DONE=$(git --git-dir "$GITREPO" rev-list --count --branches='stories/*' 2>/dev/null || echo 0)
GIT_RATE=$(rate "$GIT_DONE" "$GIT_WALL")
echo "committed $GIT_DONE revisions on $(git --git-dir "$GITREPO" for-each-ref refs/heads/stories | wc -l) branches"

echo
echo "== One more \`writethru record\` of a single new revision into the full archive ($SINGLE times, different stories)"
mapfile -t EXTRA < "$WORK/extra-paths.txt"
SINGLE_MS=()
load
SINGLE_OK=0
for f in "${EXTRA[@]}"; do
    t0=$(now)
    out=$("$BIN" record --archive "$ARCHIVE" "$f")
    t1=$(now)
    ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) * 1000 }')
    SINGLE_MS+=("$ms")
    echo "  $ms ms  $out"
    case "$out" in *" recorded "*) SINGLE_OK=$((SINGLE_OK + 1)) ;; esac
done
SINGLE_STATS=$(python3 "$GEN" stats "${SINGLE_MS[@]}")
read -r S_MIN S_MED S_MAX <<< "$SINGLE_STATS"

WT_DU=$(du -sh "$ARCHIVE" | cut -f1)
WT_DU_APP=$(du -sh --apparent-size "$ARCHIVE" | cut -f1)
GIT_DU=$(du -sh "$GITREPO" | cut -f1)
GIT_DU_APP=$(du -sh --apparent-size "$GITREPO" | cut -f1)
WT_OBJECTS=$(git --git-dir "$ARCHIVE" count-objects -v | awk '/^count:/ { c = $2 } /^in-pack:/ { p = $2 } END { print c + p }')
GIT_OBJECTS=$(git --git-dir "$GITREPO" count-objects -v | awk '/^count:/ { c = $2 } /^in-pack:/ { p = $2 } END { print c + p }')
RATIO=$(awk -v a="$WT_RATE" -v b="$GIT_RATE" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "n/a" }')
RATIO_OK=$(awk -v r="$RATIO" 'BEGIN { print (r + 0 >= 10) ? "MET" : "NOT MET" }')
SINGLE_TARGET_OK=$(awk -v m="$S_MAX" -v d="$S_MED" 'BEGIN { print (m + 0 < 20) ? "MET (max)" : ((d + 0 < 20) ? "MET for the median, not the max" : "NOT MET") }')
CORPUS_MB=$(du -sm --apparent-size "$WORK/corpus" | cut -f1)

echo
echo "================ bench-record summary ================"
printf '%-34s %s\n' "machine:" "$(nproc) cpus, work dir $WORK on $(df -PT "$WORK" | awk 'NR == 2 { print $2 }')"
printf '%-34s %s\n' "corpus:" "$TOTAL revisions, $STORIES stories x $VERSIONS versions, ${CORPUS_MB} MB of corpus/ (inputs and extra files)"
printf '%-34s %s\n' "writethru record (invocations: $INVOCATIONS):" "$WT_RECORDED revisions recorded in $WT_WALL s = $WT_RATE revisions/s"
printf '%-34s %s\n' "  cpu, peak RSS:" "user $WT_USER s, sys $WT_SYS s, peak RSS $((WT_RSS_KB / 1024)) MB"
printf '%-34s %s\n' "  check:" "$N_STORIES stories, $N_VERSIONS versions: $CHECK_OK"
printf '%-34s %s\n' "git CLI loop:" "$GIT_DONE revisions committed in $GIT_WALL s = $GIT_RATE revisions/s"
printf '%-34s %s\n' "  cpu:" "user+sys $GIT_CPU s (bash and git processes)"
printf '%-34s %s\n' "ratio (writethru / git loop):" "${RATIO}x    target: >= 10x the git loop: $RATIO_OK"
printf '%-34s %s\n' "archive size, writethru:" "$WT_DU on disk ($WT_DU_APP apparent), $WT_OBJECTS objects, $((TOTAL + SINGLE_OK)) revisions"
printf '%-34s %s\n' "archive size, git loop:" "$GIT_DU on disk ($GIT_DU_APP apparent), $GIT_OBJECTS objects, $GIT_DONE revisions"
printf '%-34s %s\n' "single record into full archive:" "min $S_MIN ms, median $S_MED ms, max $S_MAX ms over ${#SINGLE_MS[@]} runs ($SINGLE_OK recorded)    target: single record < 20 ms: $SINGLE_TARGET_OK"
echo "======================================================="
echo "work files kept in $WORK (remove with: rm -rf $WORK)"
[ "$CHECK_OK" = yes ] || exit 1
