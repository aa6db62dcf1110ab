#!/usr/bin/env python3
"""Scores pySBD on the 48 English Golden Rules that SentenceGoldenRulesTests scores Writethru on.

    python3 scripts/golden_rules_peer.py [RULES.json]

RULES.json defaults to ../shared/benchmarks/sentence-golden-rules.json beside the clone (a JSON
list of [text, [expected sentences]]). Prints "pySBD: N/48" and each failing rule with what was
expected and what came out. Needs pySBD (pip install pysbd); it runs as
pysbd.Segmenter(language="en", clean=False), the settings that leave the text as it is, and its
sentences are compared after trimming surrounding whitespace (pySBD keeps the space that follows a
sentence).
"""
import json
import os
import sys

try:
    import pysbd
except ImportError:
    sys.exit("pySBD is not installed: pip install pysbd")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = os.path.join(os.path.dirname(ROOT), "shared", "benchmarks", "sentence-golden-rules.json")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    with open(path, encoding="utf-8") as handle:
        rules = json.load(handle)
    segmenter = pysbd.Segmenter(language="en", clean=False)
    failures = []
    for number, (text, expected) in enumerate(rules, start=1):
        found = [sentence.strip() for sentence in segmenter.segment(text) if sentence.strip()]
        if found != expected:
            failures.append((number, text, expected, found))
    print(f"pySBD: {len(rules) - len(failures)}/{len(rules)}")
    for number, text, expected, found in failures:
        print(f"rule {number}: {text}")
        print(f"  expected {json.dumps(expected, ensure_ascii=False)}")
        print(f"  found    {json.dumps(found, ensure_ascii=False)}")


if __name__ == "__main__":
    main()
