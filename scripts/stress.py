#!/usr/bin/env python3
"""make stress: Writethru under concurrent writers and kill -9 (docs/reliability.md).

Scenarios, each on fresh archives in a temporary folder (loopback and local files only):
  - 8 writers x 100 single `record`s into one story, and into 8 stories;
  - 8 writers x one bulk `record` of 100 files into one story;
  - KILLS kill -9s at random moments of `import`, bulk `record` and `gc`, each followed by a
    plain re-run of the same command.
For each it prints the revisions expected, recorded, duplicated and lost, whether the derived
index lists every story with its branch's versions (`index`), `writethru verify`,
`git fsck --strict`, and how many re-runs needed a manual step (did not exit 0). The target is
0 lost, 0 duplicated, 0 manual steps, verify and fsck clean everywhere.

The git CLI is used here only to count and check what the archive holds (never by Writethru).
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

ENV = dict(os.environ)
ENV.pop("WRITETHRU_ARCHIVE", None)
ENV.pop("WRITETHRU_FAULT", None)


def run(args, **kwargs):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, **kwargs)


def write_file(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def sha256(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def article(headline, body):
    return f"{headline}\n\n{body}\n"


def held_inputs(archive):
    """Every story's versions as (story, input sha256) pairs, read from meta.json of each commit."""
    refs = run(["git", "--git-dir", archive, "for-each-ref", "--format=%(refname)", "refs/heads/stories/"])
    pairs = []
    for ref in refs.stdout.decode().split():
        story = ref[len("refs/heads/stories/"):]
        commits = run(["git", "--git-dir", archive, "rev-list", "--first-parent", ref]).stdout.decode().split()
        batch = run(["git", "--git-dir", archive, "cat-file", "--batch"],
                    input="".join(f"{c}:meta.json\n" for c in commits).encode()).stdout
        offset = 0
        while offset < len(batch):
            header_end = batch.index(b"\n", offset)
            header = batch[offset:header_end].split()
            size = int(header[2])
            body = batch[header_end + 1:header_end + 1 + size]
            offset = header_end + 1 + size + 1
            pairs.append((story, json.loads(body)["input"]["sha256"]))
    return pairs


def index_check(archive, binary, held):
    """The derived index against the branches: `stories` (read from the index, which first
    learns what killed writers and other tools left) must list every story with as many
    versions as its branch holds."""
    listing = run([binary, "stories", "--archive", archive, "--format", "json"])
    if listing.returncode != 0:
        return "FAILED"
    indexed = {row["story"]: row["versions"] for row in json.loads(listing.stdout)}
    branches = {}
    for story, _ in held:
        branches[story] = branches.get(story, 0) + 1
    differ = sum(1 for story in set(indexed) | set(branches) if indexed.get(story) != branches.get(story))
    return "clean" if differ == 0 else f"FAILED ({differ} stories differ)"


def check(archive, binary):
    verify = run([binary, "verify", "--archive", archive])
    fsck = run(["git", "--git-dir", archive, "fsck", "--strict", "--no-dangling"])
    return ("clean" if verify.returncode == 0 else "FAILED"), ("clean" if fsck.returncode == 0 else "FAILED"), verify


def tally(name, archive, binary, expected, manual, seconds, by_story=True, stories=None):
    """expected: set of (story, sha) pairs; when not by_story, stories are found by headline and
    only the inputs are compared (and, with `stories`, how many stories they made)."""
    held = held_inputs(archive)
    keys = held if by_story else [sha for _, sha in held]
    wanted = set(expected) if by_story else {sha for _, sha in expected}
    recorded = len(keys)
    distinct = set(keys)
    duplicated = recorded - len(distinct)
    lost = len(wanted - distinct)
    extra = len(distinct - wanted)
    if stories is not None:
        extra += abs(len({story for story, _ in held}) - stories)
    index = index_check(archive, binary, held)
    verify, fsck, report = check(archive, binary)
    row = dict(scenario=name, expected=len(expected), recorded=recorded, duplicated=duplicated, lost=lost,
               unexpected=extra, index=index, verify=verify, fsck=fsck, manual=manual, seconds=round(seconds, 1))
    if verify != "clean":
        row["verify_output"] = report.stdout.decode()[-2000:]
    return row


def init(binary, archive):
    result = run([binary, "init", "--archive", archive])
    if result.returncode != 0:
        sys.exit(f"stress: cannot create an archive: {result.stderr.decode()}")


def concurrent_singles(binary, work, writers, per_writer, shared):
    archive = os.path.join(work, "singles-" + ("one" if shared else "many") + ".git")
    init(binary, archive)
    expected = set()
    jobs = []
    for writer in range(writers):
        story = "shared" if shared else f"story-{writer}"
        files = []
        for n in range(per_writer):
            path = os.path.join(work, "singles", f"{story}-w{writer}-{n}.txt")
            write_file(path, article(f"Shared story {story}", f"Writer {writer} files revision {n} of the story."))
            expected.add((story, sha256(path)))
            files.append(path)
        jobs.append((story, files))

    def writer_loop(job):
        story, files = job
        failures = 0
        for path in files:
            if run([binary, "record", "--archive", archive, "--story", story, path]).returncode != 0:
                failures += 1
        return failures

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=writers) as pool:
        failures = sum(pool.map(writer_loop, jobs))
    name = f"{writers} writers x {per_writer} single records, " + ("1 story" if shared else f"{writers} stories")
    return tally(name, archive, binary, expected, failures, time.monotonic() - started)


def concurrent_bulk(binary, work, writers, per_writer):
    archive = os.path.join(work, "bulk.git")
    init(binary, archive)
    expected = set()
    lists = []
    for writer in range(writers):
        files = []
        for n in range(per_writer):
            path = os.path.join(work, "bulk", f"w{writer}-{n}.txt")
            write_file(path, article("Bulk story", f"Bulk writer {writer}, revision {n}."))
            expected.add(("bulk", sha256(path)))
            files.append(path)
        listing = os.path.join(work, "bulk", f"list-{writer}.txt")
        write_file(listing, "\n".join(files) + "\n")
        lists.append(listing)
    started = time.monotonic()
    processes = [subprocess.Popen([binary, "record", "--archive", archive, "--story", "bulk", "--files-from", l],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV) for l in lists]
    failures = sum(1 for p in processes if p.wait() != 0)
    return tally(f"{writers} writers x 1 bulk record of {per_writer}, 1 story", archive, binary, expected, failures,
                 time.monotonic() - started)


def corpus(work, stories, versions):
    """An import tree: one folder per story, its versions as files; and a flat list for record."""
    root = os.path.join(work, "corpus")
    expected = set()
    files = []
    for story in range(stories):
        for version in range(1, versions + 1):
            path = os.path.join(root, f"story-{story:04d}", f"v{version}.txt")
            headline = f"Stress story {story:04d} headline"
            write_file(path, article(headline, f"Story {story}, version {version}: "
                                     f"the count stands at {story * versions + version}."))
            expected.add((f"story-{story:04d}", sha256(path)))
            files.append(path)
    listing = os.path.join(work, "corpus-list.txt")
    write_file(listing, "\n".join(files) + "\n")
    return root, listing, expected


def killed_then_rerun(command, delay):
    """Starts `command`, kills it with SIGKILL after `delay` seconds (if still running), then runs
    it again to the end. Returns (killed while running, re-run exit code)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    try:
        process.wait(timeout=delay)
        killed = False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        killed = True
    return killed, run(command).returncode


def timed(command):
    started = time.monotonic()
    run(command)
    return time.monotonic() - started


def kill_scenarios(binary, work, kills, stories, versions, rng):
    root, listing, expected = corpus(work, stories, versions)
    rows = []
    plan = ["import"] * (kills - 2 * (kills // 3)) + ["record"] * (kills // 3) + ["gc"] * (kills // 3)
    # How long each command takes uninterrupted, to kill at a random moment inside it.
    scratch = os.path.join(work, "scratch.git")
    init(binary, scratch)
    durations = {"import": timed([binary, "import", "--archive", scratch, "--quiet", root])}
    shutil.rmtree(scratch)
    init(binary, scratch)
    durations["record"] = timed([binary, "record", "--archive", scratch, "--files-from", listing])
    gc_archive = os.path.join(work, "gc.git")
    shutil.move(scratch, gc_archive)
    # Loose objects for gc to pack: single records on top.
    for n in range(60):
        path = os.path.join(work, "loose", f"loose-{n}.txt")
        write_file(path, article("Loose story", f"Loose revision {n}."))
        run([binary, "record", "--archive", gc_archive, "--story", "loose", path])
    timed([binary, "gc", "--archive", gc_archive])
    # Later gcs repack what is already packed: their time (the shortest of three) is the one to
    # kill inside.
    durations["gc"] = min(timed([binary, "gc", "--archive", gc_archive]) for _ in range(3))
    gc_expected = set(held_inputs(gc_archive))
    if len(gc_expected) != stories * versions + 60:
        sys.exit("stress: the gc archive was not built whole")
    totals = {}
    for number, command in enumerate(plan, 1):
        delay = rng.uniform(0.05, 0.95) * durations[command]
        started = time.monotonic()
        if command == "gc":
            archive = gc_archive
            argv = [binary, "gc", "--archive", archive]
            want = gc_expected
        else:
            archive = os.path.join(work, f"kill-{number}.git")
            init(binary, archive)
            argv = ([binary, "import", "--archive", archive, "--quiet", root] if command == "import"
                    else [binary, "record", "--archive", archive, "--files-from", listing])
            want = expected
        killed, rerun = killed_then_rerun(argv, delay)
        row = tally(f"kill -9 #{number} during {command} at {delay:.2f} s", archive, binary, want,
                    0 if rerun == 0 else 1, time.monotonic() - started, by_story=(command != "record"),
                    stories=stories if command == "record" else None)
        row["killed"] = killed
        rows.append(row)
        if command != "gc":
            shutil.rmtree(archive)
        total = totals.setdefault(command, dict(kills=0, killed=0, lost=0, duplicated=0, manual=0, unclean=0))
        total["kills"] += 1
        total["killed"] += int(killed)
        total["lost"] += row["lost"]
        total["duplicated"] += row["duplicated"]
        total["manual"] += row["manual"]
        total["unclean"] += int(row["verify"] != "clean" or row["fsck"] != "clean" or row["index"] != "clean")
    return rows, durations, totals


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=".build/release/writethru")
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--per-writer", type=int, default=100)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--stories", type=int, default=200, help="stories in the kill corpus")
    parser.add_argument("--versions", type=int, default=6, help="versions per story in the kill corpus")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        sys.exit(f"stress: no writethru binary at {binary} (make release)")
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="writethru-stress-")
    started = time.monotonic()
    try:
        rows = [concurrent_singles(binary, work, args.writers, args.per_writer, shared=True),
                concurrent_singles(binary, work, args.writers, args.per_writer, shared=False),
                concurrent_bulk(binary, work, args.writers, args.per_writer)]
        kill_rows, durations, totals = kill_scenarios(binary, work, args.kills, args.stories, args.versions, rng)
        rows += kill_rows
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(dict(rows=rows, durations=durations, totals=totals), indent=2))
    else:
        for row in rows:
            row["landed"] = {True: "yes", False: "no"}.get(row.get("killed"), "-")
        header = ["scenario", "landed", "expected", "recorded", "duplicated", "lost", "index", "verify", "fsck",
                  "manual", "seconds"]
        widths = [max(len(h), *(len(str(r[h])) for r in rows)) for h in header]
        print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
        for row in rows:
            print("  ".join(str(row[h]).ljust(w) for h, w in zip(header, widths)))
            if "verify_output" in row:
                print("    verify said: " + row["verify_output"].replace("\n", "\n    "))
        print()
        print("uninterrupted: " + ", ".join(f"{k} {v:.2f} s" for k, v in durations.items()))
        for command, total in totals.items():
            print(f"{command}: {total['kills']} kills ({total['killed']} landed while it ran), "
                  f"{total['lost']} lost, {total['duplicated']} duplicated, {total['manual']} manual steps, "
                  f"{total['unclean']} unclean checks")
    bad = sum(r["lost"] + r["duplicated"] + r["manual"] + r["unexpected"] for r in rows)
    bad += sum(1 for r in rows if r["verify"] != "clean" or r["fsck"] != "clean" or r["index"] != "clean")
    print(f"stress: {len(rows)} scenarios in {time.monotonic() - started:.0f} s: "
          + ("all clean" if bad == 0 else f"{bad} problems"))
    sys.exit(0 if bad == 0 else 1)


if __name__ == "__main__":
    main()
