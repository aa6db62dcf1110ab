#!/usr/bin/env bash
# make exit-loop: N short commands of the release binary in a loop while two `yes` processes
# load the CPU, counting every crash: an exit code of 128 or more (a signal), an exit code the
# command should not give, or a crash report on standard error ('Fatal error', 'Segmentation',
# a backtrace). Prints the total, the crashes and a table per command (docs/reliability.md,
# "Short commands under load"). Exits 1 when anything crashed.
#
#   N=20000 scripts/exit-loop.sh        (make exit-loop builds the release binary first)
#   EXIT_LOOP_LOAD=0 scripts/exit-loop.sh   without the CPU load
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

N=${N:-20000}
BIN=${BIN:-$ROOT/.build/release/writethru}
WORK=${EXIT_LOOP_DIR:-$ROOT/.build/exit-loop}
LOAD=${EXIT_LOOP_LOAD:-2}
[ -x "$BIN" ] || { echo "no binary at $BIN: run make release"; exit 1; }

rm -rf "$WORK"
mkdir -p "$WORK/crashes" "$WORK/cwd"
ARCHIVE=$WORK/archive.git
export WRITETHRU_ARCHIVE=$ARCHIVE WRITETHRU_RECORDED_AT=2026-01-15T09:30:00Z NO_COLOR=1

# A small archive of the seed chains, as `make demo` records it.
"$BIN" init --archive "$ARCHIVE" >/dev/null || exit 1
STORY=
for dir in seeds/*/; do
    STORY=$(basename "$dir")
    for file in $(ls "$dir" | LC_ALL=C sort); do
        "$BIN" record --story "$STORY" "$dir$file" >/dev/null || exit 1
    done
done
CHAIN=(seeds/"$STORY"/*)
OLD=$ROOT/${CHAIN[0]}
NEW=$ROOT/${CHAIN[${#CHAIN[@]}-1]}

# name | expected exit code | arguments
COMMANDS=(
    "version|0|--version"
    "log|0|log $STORY"
    "show|0|show $STORY"
    "stories|0|stories"
    "diff|0|diff $STORY"
    "diff-files|0|diff --files $OLD $NEW"
    "verify|0|verify"
    "record-unchanged|0|record --story $STORY $NEW"
)

load_pids=()
stop_load() { [ ${#load_pids[@]} -eq 0 ] || kill "${load_pids[@]}" 2>/dev/null; load_pids=(); }
trap stop_load EXIT
trap 'stop_load; exit 130' INT TERM
for _ in $(seq 1 "$LOAD"); do
    yes > /dev/null &
    load_pids+=($!)
done

ulimit -c unlimited 2>/dev/null || true
declare -A runs=() crashes=() unexpected=()
total=0
crashed=0
start=$(date +%s)
echo "== $N commands of $BIN, $LOAD busy processes beside them (cores, if any, in $WORK/cwd)"
cd "$WORK/cwd"
for (( i = 0; i < N; i++ )); do
    IFS='|' read -r name expected arguments <<< "${COMMANDS[i % ${#COMMANDS[@]}]}"
    # shellcheck disable=SC2086  # the arguments are words
    "$BIN" $arguments > /dev/null 2> "$WORK/stderr"
    code=$?
    total=$(( total + 1 ))
    runs[$name]=$(( ${runs[$name]:-0} + 1 ))
    crash=0
    if [ "$code" -ge 128 ]; then
        crash=1
    elif [ -s "$WORK/stderr" ] && grep -qE 'Fatal error|Segmentation|Program crashed|[Bb]acktrace|SIGSEGV|SIGBUS|SIGILL|SIGABRT' "$WORK/stderr"; then
        crash=1
    elif [ "$code" -ne "$expected" ]; then
        unexpected[$name]=$(( ${unexpected[$name]:-0} + 1 ))
        crash=1
    fi
    if [ "$crash" = 1 ]; then
        crashed=$(( crashed + 1 ))
        crashes[$name]=$(( ${crashes[$name]:-0} + 1 ))
        { echo "command $i: writethru $arguments: exit $code"; cat "$WORK/stderr"; } > "$WORK/crashes/$i.txt"
        echo "crash: command $i, writethru $arguments, exit $code"
    fi
    if (( (i + 1) % 2000 == 0 )); then echo "  $(( i + 1 )) commands, $crashed crashes, $(( $(date +%s) - start ))s"; fi
done
elapsed=$(( $(date +%s) - start ))
stop_load

echo
echo "total:    $total commands in ${elapsed}s"
echo "crashes:  $crashed (signals, crash reports on stderr or unexpected exit codes; details in $WORK/crashes)"
echo
printf '%-18s %8s %8s %11s\n' command runs crashes unexpected
for entry in "${COMMANDS[@]}"; do
    name=${entry%%|*}
    printf '%-18s %8d %8d %11d\n' "$name" "${runs[$name]:-0}" "${crashes[$name]:-0}" "${unexpected[$name]:-0}"
done
[ "$crashed" -eq 0 ]
