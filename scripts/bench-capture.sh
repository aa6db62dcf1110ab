#!/usr/bin/env bash
# Benchmark of `writethru capture` (run by `make bench-capture`, after the release builds of
# writethru and writethru-bench; issue 19). Everything is served on 127.0.0.1 by
# `writethru-bench serve-capture` (Sources/writethru-bench/CaptureServer.swift): article pages
# of 5-10 KB with an ETag and a Last-Modified, 304 on a matching If-None-Match.
#
#   1. A fresh archive watching BENCH_PAGES (1,000) pages, with the settings of a loopback
#      benchmark ("politeness aside"): capture.hostInterval 0, perHost 8, connections 8,
#      contact bench@localhost (set as a user would: a clone of the archive, an edit of
#      writethru.json, a push).
#   2. Passes of `writethru capture --all --format json`, each timed (wall clock) with its peak
#      RSS (/usr/bin/time): pass 1, every page new (N recorded; BENCH_ROUNDS times, each in a
#      fresh archive, the last one kept); pass 2, nothing changed (N x 304);
#      then BENCH_ROUNDS times: /_bench/change (every even page changes), a pass (N/2 recorded,
#      N/2 x 304). Then BENCH_ROUNDS turns of: curl fetching the same N URLs conditionally
#      (If-None-Match: *, all 304), a writethru 304 pass, curl fetching them whole (all 200):
#      curl (--parallel --parallel-max 8) is the floor of the raw transfer on this machine.
#   3. The same at BENCH_LARGE (4,000) pages, a fresh archive: pass 1, then BENCH_ROUNDS 304
#      passes, for the peak RSS of a 304 pass as the watch list grows (BENCH_LARGE=0 skips it).
#      At both sizes one more 304 pass prints text instead of JSON, to tell the JSON document's
#      share of the memory from the pass's own.
#   4. Prints, per pass, seconds, requests (the server's count of 200s, 304s and others, and the
#      JSON's `requests`), revisions recorded (JSON `recorded`) and peak RSS; then the medians,
#      ms per URL of a 304 and of a changed page and their ratio, and the issue's targets.
#
# A changed page's cost is derived: (changed pass - N/2 x a 304's cost) / (N/2). Every pass
# includes the process's start, opening the archive and the capture state, and the index flush
# at the end; an "idle" pass (`capture`, nothing due, no request) is timed to show that part.
#
# Environment: WRITETHRU_BIN (.build/release/writethru), BENCH_BIN (.build/release/writethru-bench),
# BENCH_DIR (/tmp/writethru-bench-capture; refused inside the repository), BENCH_PAGES (1000),
# BENCH_LARGE (4000; 0 skips), BENCH_ROUNDS (3). About 2 minutes on 2 cores.
set -euo pipefail
export LC_ALL=C
unset WRITETHRU_ARCHIVE WRITETHRU_NOW

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BIN=${WRITETHRU_BIN:-$REPO/.build/release/writethru}
BENCH=${BENCH_BIN:-$REPO/.build/release/writethru-bench}
WORK=${BENCH_DIR:-/tmp/writethru-bench-capture}
PAGES=${BENCH_PAGES:-1000}
LARGE=${BENCH_LARGE:-4000}
ROUNDS=${BENCH_ROUNDS:-3}

die() { echo "bench-capture: $*" >&2; exit 1; }
now() { echo "${EPOCHREALTIME:-$(date +%s.%N)}"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
load() { echo "(load $(cut -d' ' -f1-3 /proc/loadavg))"; }

[ -x "$BIN" ] || die "no binary at $BIN (run: make release)"
[ -x "$BENCH" ] || die "no binary at $BENCH (run: swift build -c release --product writethru-bench)"
command -v git >/dev/null || die "git is not installed"
command -v curl >/dev/null || die "curl is not installed"
command -v python3 >/dev/null || die "python3 is not installed"
[ -x /usr/bin/time ] || die "/usr/bin/time is not installed (apt-get install time)"
[ "$PAGES" -ge 2 ] 2>/dev/null || die "BENCH_PAGES must be a number, at least 2"
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd -P)
case "$WORK/" in "$REPO"/*) die "BENCH_DIR $WORK is inside the repository $REPO" ;; esac
RESULTS="$WORK/results.tsv"
: > "$RESULTS"

echo "== Machine"
echo "cpus: $(nproc); cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)"
echo "writethru $("$BIN" --version); $(curl --version | head -1 | cut -d' ' -f1-2)"

# ---------------------------------------------------------------------------------------------
# The server: one for the whole run, with as many pages as the larger archive watches. It reads
# nothing from its standard input and stops when it closes (when this script ends, however).
SERVED=$(( LARGE > PAGES ? LARGE : PAGES ))
coproc SERVER { cd "$REPO" && exec "$BENCH" serve-capture --pages "$SERVED"; }
SERVER_OUT=${SERVER[0]}
SERVER_IN=${SERVER[1]}
SERVER_PROCESS=$SERVER_PID  # bash unsets SERVER_PID when the coprocess ends
trap 'kill "$SERVER_PROCESS" 2>/dev/null || true' EXIT
read -r word PORT <&"$SERVER_OUT" || die "the server did not start"
[ "$word" = port ] || die "the server said '$word $PORT', not 'port P'"
BASE="http://127.0.0.1:$PORT"
stats() { curl -fsS "$BASE/_bench/stats"; }
echo "server: $SERVED pages at $BASE/page/<i> (writethru-bench serve-capture, pid $SERVER_PROCESS)"
curl -fsS "$BASE/page/0" -o "$WORK/page-0.html"
echo "page 0: $(wc -c < "$WORK/page-0.html") bytes of HTML"

# new_archive DIR N: an archive with the loopback settings, watching pages 0 ..< N.
new_archive() {
    local archive=$1 count=$2 clone="$1.settings"
    rm -rf "$(dirname "$archive")"
    mkdir -p "$(dirname "$archive")"
    "$BIN" init --archive "$archive" >/dev/null
    git clone -q "$archive" "$clone"
    python3 - "$clone/writethru.json" <<'EOF'
import json, sys
path = sys.argv[1]
with open(path) as f:
    settings = json.load(f)
capture = settings.setdefault("capture", {})
capture.update({"hostInterval": 0, "perHost": 8, "connections": 8, "contact": "bench@localhost"})
with open(path, "w") as f:
    json.dump(settings, f, indent=2, sort_keys=True)
    f.write("\n")
EOF
    git -C "$clone" -c user.name=Bench -c user.email=bench@localhost commit -q -am "capture: loopback benchmark settings"
    git -C "$clone" push -q origin HEAD:main
    rm -rf "$clone"
    seq 0 $((count - 1)) | sed "s|^|$BASE/page/|" | xargs "$BIN" watch add --archive "$archive" >/dev/null
}

# pass SIZE LABEL ARCHIVE [ARGS...]: one timed `writethru capture`; prints its line and keeps
# "size label seconds rss_kb ok notModified other json_requests recorded outcomes cpu_seconds"
# in results.tsv.
pass() {
    local size=$1 label=$2 archive=$3
    shift 3
    local before after start end format=json
    case "$label" in *text) format=text ;; esac
    before=$(stats)
    start=$(now)
    /usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" "$BIN" capture --archive "$archive" --format "$format" "$@" \
        > "$WORK/pass.json" 2> "$WORK/pass.err" || { cat "$WORK/pass.err" >&2; die "capture failed"; }
    end=$(now)
    after=$(stats)
    python3 - "$size" "$label" "$start" "$end" "$before" "$after" "$WORK/time.txt" "$WORK/pass.json" >> "$RESULTS" <<'EOF'
import json, re, sys
size, label, start, end, before, after, timing, report = sys.argv[1:]
b, a = json.loads(before), json.loads(after)
fields = open(timing).read().split()
rss, cpu = int(fields[1]), float(fields[2]) + float(fields[3])
text = open(report).read()
outcomes = {}
if label.endswith("text"):
    # The summary line: "capture: N URLs: 1 recorded, 999 not modified, ...; 1000 requests; ..."
    summary = [line for line in text.splitlines() if line.startswith("capture: ")][-1]
    recorded = re.search(r"(\d+) recorded", summary)
    requests = re.search(r"(\d+) requests?", summary)
    passed = {"recorded": int(recorded.group(1)) if recorded else 0, "requests": int(requests.group(1)) if requests else 0}
    outcomes["lines"] = len(text.splitlines())
else:
    passed = json.loads(text)
    for fetch in passed["fetches"]:
        outcomes[fetch["outcome"]] = outcomes.get(fetch["outcome"], 0) + 1
print("\t".join(str(v) for v in [size, label, "%.3f" % (float(end) - float(start)), rss,
      a["ok"] - b["ok"], a["notModified"] - b["notModified"], a["other"] - b["other"],
      passed["requests"], passed["recorded"], ",".join("%s %d" % kv for kv in sorted(outcomes.items())), "%.2f" % cpu]))
EOF
    tail -1 "$RESULTS" | awk -F'\t' '{ printf "%-6s %-14s %7.2f s (CPU %5.2f s)  requests %d (200: %d, 304: %d, other: %d; JSON %d)  recorded %d  peak RSS %.1f MB  [%s]\n", $1, $2, $3, $11, $5 + $6 + $7, $5, $6, $7, $8, $9, $4 / 1024, $10 }'
}

# peer SIZE LABEL [CURL ARGS...]: curl fetching pages 0 ..< SIZE, 8 at once, into /dev/null.
peer() {
    local size=$1 label=$2 before after start end
    shift 2
    seq 0 $((size - 1)) | awk -v base="$BASE" '{ printf "url = \"%s/page/%d\"\noutput = \"/dev/null\"\n", base, $1 }' > "$WORK/curl.conf"
    before=$(stats)
    start=$(now)
    /usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" curl --parallel --parallel-max 8 --no-progress-meter -K "$WORK/curl.conf" "$@"
    end=$(now)
    after=$(stats)
    python3 - "$size" "$label" "$start" "$end" "$before" "$after" "$WORK/time.txt" >> "$RESULTS" <<'EOF'
import json, sys
size, label, start, end, before, after, timing = sys.argv[1:]
b, a = json.loads(before), json.loads(after)
fields = open(timing).read().split()
rss, cpu = int(fields[1]), float(fields[2]) + float(fields[3])
print("\t".join(str(v) for v in [size, label, "%.3f" % (float(end) - float(start)), rss,
      a["ok"] - b["ok"], a["notModified"] - b["notModified"], a["other"] - b["other"], "-", "-", "curl", "%.2f" % cpu]))
EOF
    tail -1 "$RESULTS" | awk -F'\t' '{ printf "%-6s %-14s %7.2f s (CPU %5.2f s)  requests %d (200: %d, 304: %d, other: %d)  peak RSS %.1f MB\n", $1, $2, $3, $11, $5 + $6 + $7, $5, $6, $7, $4 / 1024 }'
}

change() { curl -fsS "$BASE/_bench/change" >/dev/null; }

# ---------------------------------------------------------------------------------------------
echo
echo "== $PAGES watched pages $(load)"
SMALL="$WORK/small/archive.git"
# Pass 1 in BENCH_ROUNDS fresh archives (the issue's main target); the last one goes on.
for _ in $(seq "$ROUNDS"); do
    start=$(now)
    new_archive "$SMALL" "$PAGES"
    echo "watch add of $PAGES URLs (xargs): $(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }') s"
    pass "$PAGES" new "$SMALL" --all
done
pass "$PAGES" idle "$SMALL"
pass "$PAGES" 304 "$SMALL" --all
for _ in $(seq "$ROUNDS"); do
    change
    pass "$PAGES" changed "$SMALL" --all
done
for _ in $(seq "$ROUNDS"); do
    peer "$PAGES" curl-304 -H 'If-None-Match: *'
    pass "$PAGES" 304 "$SMALL" --all
    peer "$PAGES" curl-200
done
pass "$PAGES" "304 text" "$SMALL" --all

if [ "$LARGE" -gt 0 ]; then
    echo
    echo "== $LARGE watched pages $(load)"
    BIG="$WORK/large/archive.git"
    start=$(now)
    new_archive "$BIG" "$LARGE"
    echo "watch add of $LARGE URLs (xargs): $(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }') s"
    pass "$LARGE" new "$BIG" --all
    for _ in $(seq "$ROUNDS"); do
        pass "$LARGE" 304 "$BIG" --all
    done
    pass "$LARGE" "304 text" "$BIG" --all
fi

# ---------------------------------------------------------------------------------------------
col() { awk -F'\t' -v s="$1" -v l="$2" -v c="$3" '$1 == s && $2 == l { print $c }' "$RESULTS"; }
med() { col "$1" "$2" "$3" | median; }
echo
echo "== Medians $(load)"
new_s=$(med "$PAGES" new 3); idle_s=$(med "$PAGES" idle 3)
nm_s=$(med "$PAGES" 304 3); ch_s=$(med "$PAGES" changed 3)
c304_s=$(med "$PAGES" curl-304 3); c200_s=$(med "$PAGES" curl-200 3)
half=$((PAGES / 2))
awk -v n="$PAGES" -v half="$half" -v new="$new_s" -v idle="$idle_s" -v nm="$nm_s" -v ch="$ch_s" \
    -v c304="$c304_s" -v c200="$c200_s" -v rnew="$(med "$PAGES" new 4)" -v rnm="$(med "$PAGES" 304 4)" \
    -v rch="$(med "$PAGES" changed 4)" -v recnew="$(med "$PAGES" new 9)" -v recch="$(med "$PAGES" changed 9)" \
    -v rounds="$ROUNDS" -v cnew="$(med "$PAGES" new 11)" -v cnm="$(med "$PAGES" 304 11)" \
    -v cch="$(med "$PAGES" changed 11)" -v cc304="$(med "$PAGES" curl-304 11)" 'BEGIN {
    per304 = nm * 1000 / n
    perChanged = (ch - half * nm / n) * 1000 / half
    printf "pass of %d new pages      %7.2f s   median of %d (fresh archives)   %d recorded   peak RSS %.1f MB   (target: a pass of %d due URLs < 10 s)\n", n, new, rounds, recnew, rnew / 1024, n
    printf "pass of %d x 304          %7.2f s   median of %d   peak RSS %.1f MB\n", n, nm, rounds + 1, rnm / 1024
    printf "pass, %d changed + %d x 304 %5.2f s   median of %d   %d recorded   peak RSS %.1f MB\n", half, n - half, ch, rounds, recch, rch / 1024
    printf "idle pass (nothing due)    %7.2f s   the fixed part of every pass\n", idle
    printf "curl, %d x 304            %7.2f s   curl, %d x 200: %.2f s   (the floor of the transfer)\n", n, c304, n, c200
    printf "ms per URL: 304 %.2f, changed page %.2f (derived), ratio %.1fx   (target: >= 5x)\n", per304, perChanged, perChanged / per304
    printf "ms per URL without the idle pass: 304 %.2f, changed page %.2f, ratio %.1fx\n", (nm - idle) * 1000 / n, (ch - idle - half * (nm - idle) / n) * 1000 / half, ((ch - idle - half * (nm - idle) / n) / half) / ((nm - idle) / n)
    printf "writethru 304 pass / curl 304: %.1fx\n", nm / c304
    printf "CPU (user + sys), medians: new pass %.2f s, 304 pass %.2f s, changed pass %.2f s, curl 304 %.2f s\n", cnew, cnm, cch, cc304
}'
if [ "$LARGE" -gt 0 ]; then
    awk -v n="$PAGES" -v big="$LARGE" -v small="$(med "$PAGES" 304 4)" -v large="$(med "$LARGE" 304 4)" \
        -v lnew="$(med "$LARGE" new 3)" -v lnm="$(med "$LARGE" 304 3)" -v lrnew="$(med "$LARGE" new 4)" \
        -v tsmall="$(med "$PAGES" "304 text" 4)" -v tlarge="$(med "$LARGE" "304 text" 4)" 'BEGIN {
        printf "%d pages: new pass %.2f s (peak RSS %.1f MB), 304 pass %.2f s\n", big, lnew, lrnew / 1024, lnm
        printf "peak RSS of a 304 pass: %.1f MB at %d pages, %.1f MB at %d pages (x%.2f for x%d URLs, %.1f KB a URL; target: flat)\n", small / 1024, n, large / 1024, big, large / small, big / n, (large - small) / (big - n)
        printf "the same in text format (no JSON document): %.1f MB and %.1f MB (%.1f KB a URL)\n", tsmall / 1024, tlarge / 1024, (tlarge - tsmall) / (big - n)
    }'
fi
awk -F'\t' -v n="$PAGES" -v big="$LARGE" '
    $2 == "new" && $9 != $1 { bad = bad sprintf("  %s new: %s recorded, not %s\n", $1, $9, $1) }
    $2 ~ /^304/ && $6 != $1 { bad = bad sprintf("  %s %s: %s answered 304, not %s\n", $1, $2, $6, $1) }
    $2 == "changed" && $9 != int($1 / 2) { bad = bad sprintf("  %s changed: %s recorded, not %d\n", $1, $9, int($1 / 2)) }
    $8 != "-" && $8 != $5 + $6 + $7 { bad = bad sprintf("  %s %s: JSON says %s requests, the server counted %d\n", $1, $2, $8, $5 + $6 + $7) }
    END { if (bad != "") { printf "UNEXPECTED COUNTS:\n%s", bad; exit 1 } else print "counts as expected: every page recorded once, every unchanged page a 304, the requests as the server counted them" }' "$RESULTS"
echo "raw figures: $RESULTS"
exec {SERVER_IN}>&-
wait "$SERVER_PROCESS" 2>/dev/null || true
