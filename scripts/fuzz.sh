#!/usr/bin/env bash
# make fuzz: builds the libFuzzer target (Sources/writethru-fuzz, with the address sanitizer),
# writes the seed corpus from seeds/ and Tests/*/Fixtures, runs FUZZ_JOBS workers for
# FUZZ_RUNS executions in all or FUZZ_SECONDS, and prints executions, crashes and sanitizer
# reports (docs/reliability.md, "Fuzzing"). Exits 1 when anything was found.
#
#   FUZZ_RUNS=1000000 FUZZ_SECONDS=3600 FUZZ_JOBS=1 scripts/fuzz.sh
#   FUZZ_REPLAY=1 scripts/fuzz.sh FILE...    run saved inputs once under the sanitizer
set -uo pipefail
cd "$(dirname "$0")/.."

RUNS=${FUZZ_RUNS:-1000000}
SECONDS_LIMIT=${FUZZ_SECONDS:-3600}
JOBS=${FUZZ_JOBS:-1}
MAX_LEN=${FUZZ_MAX_LEN:-65536}
SCRATCH=${FUZZ_SCRATCH:-.build/fuzz}
WORK=${FUZZ_DIR:-.build/fuzz-corpus}

echo "== Building writethru-fuzz with -sanitize=fuzzer,address (scratch path $SCRATCH)"
swift build -c release --scratch-path "$SCRATCH" --product writethru-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DWRITETHRU_LIBFUZZER || exit 1
BIN="$SCRATCH/release/writethru-fuzz"

if [ "${FUZZ_REPLAY:-0}" = 1 ]; then
    exec "$BIN" -runs=1 "$@"
fi

# Seeds are made afresh; what the fuzzer found interesting is kept between runs in grown/.
rm -rf "$WORK/seeds" "$WORK/artifacts" "$WORK/logs"
mkdir -p "$WORK/grown" "$WORK/artifacts" "$WORK/logs"
python3 scripts/fuzz_corpus.py "$WORK/seeds" || exit 1

per_job=$(( (RUNS + JOBS - 1) / JOBS ))
echo "== Fuzzing: $JOBS worker(s), $per_job executions each, at most ${SECONDS_LIMIT}s, inputs up to $MAX_LEN bytes"
# -detect_leaks=0: libFuzzer's per-input leak check takes any input that allocates more than it
# frees for a leak and re-runs it under LeakSanitizer, and the reader keeps allocations across
# inputs on purpose (the boilerplate verdict memo, the Swift runtime's metadata caches, tables
# built on first use): that check would cost two thirds of the executions and find nothing.
# LeakSanitizer still checks the whole process when each worker exits.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:symbolize=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/scripts/fuzz.lsan-suppressions:print_suppressions=0}
pids=()
for job in $(seq 1 "$JOBS"); do
    "$BIN" "$WORK/grown" "$WORK/seeds" \
        -runs="$per_job" -max_total_time="$SECONDS_LIMIT" -max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=4096 \
        -detect_leaks=0 -dict=scripts/fuzz.dict -artifact_prefix="$WORK/artifacts/" -print_final_stats=1 -seed="$job" \
        > "$WORK/logs/worker-$job.log" 2>&1 &
    pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null' INT TERM
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
trap - INT TERM

executions=0
for log in "$WORK"/logs/worker-*.log; do
    # The final stats line, else the last progress line (a worker stopped by a crash).
    n=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    [ -n "$n" ] || n=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    executions=$(( executions + ${n:-0} ))
done
crashes=$(find "$WORK/artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
sanitizer=$(cat "$WORK"/logs/worker-*.log | grep -cE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:')
echo
echo "executions:         $executions"
echo "crashes:            $crashes (crashes, timeouts, out-of-memory, leaks: $WORK/artifacts)"
echo "sanitizer reports:  $sanitizer"
echo "corpus:             $(ls "$WORK/grown" | wc -l) found + $(ls "$WORK/seeds" | wc -l) seeds; logs in $WORK/logs"
if [ "$crashes" -gt 0 ] || [ "$sanitizer" -gt 0 ] || [ "$status" -ne 0 ]; then
    grep -hE 'ERROR: |SUMMARY: |Fatal error|deadly signal|ALARM|out-of-memory' "$WORK"/logs/worker-*.log | head -20
    echo "Replay one with: FUZZ_REPLAY=1 scripts/fuzz.sh FILE   (or the plain build: swift run writethru-fuzz FILE)"
    exit 1
fi
