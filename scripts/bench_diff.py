#!/usr/bin/env python3
"""Times Python's difflib and diff-match-patch on the pairs `writethru-bench diff DIR` wrote,
and prints them beside Writethru's figures from the same run (make bench-diff).

difflib: SequenceMatcher over the same word tokens Writethru compares (autojunk off, as for
text), get_opcodes(). diff-match-patch: diff_main on the texts, then diff_cleanupSemantic.
"""
import difflib
import glob
import json
import os
import statistics
import sys
import time


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p * (len(values) - 1))))]


def timed(function, rounds):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), percentile(times, 0.95)


def main():
    directory = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    try:
        import diff_match_patch
        dmp = diff_match_patch.diff_match_patch()
        dmp.Diff_Timeout = 0
    except ImportError:
        dmp = None
        print("diff-match-patch is not installed (pip install diff-match-patch): its column is left out")
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        with open(path) as handle:
            pair = json.load(handle)
        old_text, new_text = "\n".join(pair["old"]), "\n".join(pair["new"])
        writethru = pair["writethru"]
        sm_median, sm_p95 = timed(lambda: difflib.SequenceMatcher(None, pair["oldTokens"], pair["newTokens"], autojunk=False).get_opcodes(), rounds)
        print(f"\n{pair['name']}: {len(pair['old'])} -> {len(pair['new'])} paragraphs, {len(pair['oldTokens'])} -> {len(pair['newTokens'])} tokens")
        print(f"  {'tool':<34} {'median ms':>10} {'p95 ms':>10}")
        print(f"  {'writethru (paragraphs + words)':<34} {writethru['median']:>10.2f} {writethru['p95']:>10.2f}")
        print(f"  {'difflib SequenceMatcher (tokens)':<34} {sm_median:>10.2f} {sm_p95:>10.2f}   writethru is {sm_median / writethru['median']:.1f}x faster (median)")
        pipeline = pair.get("pipeline") or {}
        if pipeline:
            print(f"  {'writethru parse+diff+claims+audit':<34} {pipeline['median']:>10.2f} {pipeline['p95']:>10.2f}   target: p95 <= 5 ms")
        if dmp:
            def run_dmp():
                diffs = dmp.diff_main(old_text, new_text)
                dmp.diff_cleanupSemantic(diffs)
            dm_median, dm_p95 = timed(run_dmp, rounds)
            print(f"  {'diff-match-patch (chars + semantic)':<34} {dm_median:>10.2f} {dm_p95:>10.2f}   writethru is {dm_median / writethru['median']:.1f}x faster (median)")
    print("\ntargets: p95 under 20 ms for the 1,500-word pair; at least 10x faster than difflib (real-size pair "
          "included); parse + diff + claims + audit p95 <= 5 ms on the real-size pair")


if __name__ == "__main__":
    main()
