#!/usr/bin/env python3
"""Writes the fuzz target's seed corpus (docs/reliability.md, "Fuzzing") into OUT-DIR.

Every input starts with the byte that chooses what the fuzz target feeds it to
(Sources/writethru-fuzz/FuzzInput.swift): 0 text, 1 HTML, 2 JSON, 3 sniffed, 4 advisory line,
5-7 a diff of OLD NUL NEW. The inputs come from seeds/ and Tests/*/Fixtures, so the corpus is
made afresh at each run and never committed.

    scripts/fuzz_corpus.py OUT-DIR
"""
import hashlib
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LIMIT = 64 * 1024


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    written = 0

    def put(mode, payload):
        nonlocal written
        data = bytes([mode]) + payload[:LIMIT - 1]
        name = hashlib.sha1(data).hexdigest()
        path = out / name
        if not path.exists():
            path.write_bytes(data)
            written += 1

    chains = sorted(p for p in (ROOT / "seeds").iterdir() if p.is_dir())
    fixtures = sorted(p for p in ROOT.glob("Tests/*/Fixtures/**/*") if p.is_file())
    texts = [p.read_bytes() for chain in chains for p in sorted(chain.iterdir()) if p.is_file()]

    # Whole inputs, for the reader they belong to and for the sniffing reader.
    for data in texts:
        put(0, data)
        put(3, data)
    for path in fixtures:
        data = path.read_bytes()
        if path.parent.name == "fuzz":
            # Fuzz findings kept as test fixtures: whole inputs, selector byte first.
            put(data[0] if data else 0, data[1:])
        elif path.suffix == ".html":
            put(1, data)
            put(3, data)
        elif path.suffix in (".json", ".jsonl") and path.parent.name == "json":
            put(2, data)
            put(3, data)

    # Advisory lines: the bracketed lines of the seed chains.
    for data in texts:
        for line in data.decode("utf-8", "replace").splitlines():
            if re.match(r"^\(.*\)$", line.strip()):
                put(4, line.strip().encode())

    # Diffs: each seed version against the next, and the judgement corpus's sentence pairs
    # as one-paragraph stories.
    for chain in chains:
        files = [p.read_bytes() for p in sorted(chain.iterdir()) if p.is_file()]
        for old, new in zip(files, files[1:]):
            for mode in (5, 6, 7):
                put(mode, old + b"\0" + new)
    for path in sorted(ROOT.glob("Tests/StoryDiffTests/Fixtures/judgement/*.jsonl")):
        for number, line in enumerate(path.read_text().splitlines()):
            try:
                case = json.loads(line)
            except ValueError:
                continue
            if not isinstance(case, dict) or "old" not in case or "new" not in case:
                continue
            if not isinstance(case["old"], str) or not isinstance(case["new"], str):
                continue
            old = "Headline\n\n(Updates figure)\n\n" + case["old"]
            new = "UPDATE 1-Headline\n\n(Updates figure)\n\n" + case["new"]
            put(5 + number % 3, old.encode() + b"\0" + new.encode())
            if number % 4 == 0:
                put(4, ("(" + case["new"][:80] + ")").encode())
    print(f"{written} seed inputs in {out}")


if __name__ == "__main__":
    main()
