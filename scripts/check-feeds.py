#!/usr/bin/env python3
"""Checks Writethru's Atom feeds with a real feed parser (Python's feedparser; docs/feeds.md).

Builds two archives in a temporary folder, each holding the seed chain
(seeds/us-china-alaska-talks, 5 versions), a generated 40-version story (a flood whose death
toll rises every update, with added quotes, a changing headline and advisory lines that sometimes
leave the new toll out) and a 2-version story whose headline, advisory and quote hold markup
(`<b>`, `&`, `]]>`) and emoji, then writes `writethru feed` (story, archive, --undeclared-only,
--base-url) and `writethru site` and parses every feed. Asserts: feedparser reads each without
complaint (bozo == 0), the expected number of entries, entry ids unique and the same in both
archives and across two runs, titles as the timeline's one-line titles begin ("UPDATE 3: ",
"v1: "), `updated` newest first and the feed's own `updated` its newest entry's. Prints one
line per feed and exits 1 on the first failure.

Usage: scripts/check-feeds.py [--bin PATH]   (default: .build/debug/writethru; `make check-feeds`)
Installs feedparser with pip when it is missing.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone

try:
    import feedparser
except ImportError:
    print("feedparser is not installed: pip install feedparser", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "feedparser"], check=True)
    import feedparser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = "us-china-alaska-talks"
FLOODS = "valencia-floods"
MARKUP = "ida"
HEADLINE = 'Q&A: <b>Storm</b> "Ida" ]]> hits Café 🌀'
MARKUP_CHAIN = [
    f"{HEADLINE}\n\nUpdated 29/08/2021, 10:00 am\n\nNEW ORLEANS, Aug 29 (Reuters) - Storm Ida made landfall in "
    "Louisiana on Sunday with winds of 150 mph.\n\nOfficials said 1 million homes had lost power.\n",
    f"UPDATE 1-{HEADLINE} & more\n\nUpdated 29/08/2021, 1:00 pm\n\n(Adds quote <resident> & power figure)\n\n"
    "NEW ORLEANS, Aug 29 (Reuters) - Storm Ida made landfall in Louisiana on Sunday with winds of 150 mph.\n\n"
    "Officials said 2 million homes had lost power.\n\n“Water came in <fast> & high ]]> like nothing before 😱,” "
    "said María.\n",
]
TITLE = re.compile(r"^(UPDATE \d+|CORRECTED[-A-Z0-9 ]*|REFILE[-A-Z0-9 ]*|v\d+): .+")


def run(binary, *arguments, archive):
    environment = dict(os.environ, WRITETHRU_RECORDED_AT="2026-01-15T09:30:00Z")
    environment.pop("WRITETHRU_ARCHIVE", None)
    result = subprocess.run([binary, *arguments, "--archive", archive], capture_output=True, text=True,
                            cwd=ROOT, env=environment)
    if result.returncode != 0:
        sys.exit(f"writethru {' '.join(arguments)} exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def flood_chain(folder, versions=40):
    """The same chain as FeedCommandTests.floodChain: one text file per version."""
    start = datetime(2024, 10, 29, 12, 0, tzinfo=timezone.utc)
    towns = ["Paiporta", "Chiva", "Utiel", "Letur", "Alfafar", "Sedaví", "Catarroja"]
    quotes, files = [], []
    for number in range(1, versions + 1):
        toll = 12 + 3 * (number - 1)
        advisory = None
        if number > 1:
            if number % 3 == 1 or number % 7 == 1:
                quotes.append(f"“The water rose to the second floor in minutes,” said a resident of "
                              f"{towns[len(quotes) % len(towns)]}, who gave her name as Carmen {len(quotes) + 1}.")
            advisory = ("(Adds quote from resident)" if number % 7 == 1
                        else "(Updates death toll, adds quote from resident)" if number % 3 == 1
                        else "(Updates death toll)")
        headline = f"Floods in eastern Spain kill at least {12 + 15 * ((number - 1) // 5)}"
        when = start + timedelta(minutes=30 * (number - 1))
        text = ("" if number == 1 else f"UPDATE {number - 1}-") + headline + "\n\n"
        text += "Updated " + when.strftime("%d/%m/%Y, ") + str(int(when.strftime("%I"))) + when.strftime(":%M %p").lower() + "\n\n"
        if advisory:
            text += advisory + "\n\n"
        text += (f"VALENCIA, Spain, Oct 29 (Reuters) - The death toll from flash floods in the eastern Spanish region of "
                 f"Valencia rose to {toll}, emergency services said, after torrential rain swept away cars and flooded homes.\n\n")
        text += "The state weather agency AEMET kept its highest alert level for the coast south of Valencia city.\n\n"
        text += "".join(quote + "\n\n" for quote in quotes)
        path = os.path.join(folder, f"flood-{number:02d}.txt")
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
        files.append(path)
    return files


def build_archive(binary, folder):
    archive = os.path.join(folder, "archive.git")
    run(binary, "init", archive=archive)
    seeds = sorted(os.path.join("seeds", SEED, name) for name in os.listdir(os.path.join(ROOT, "seeds", SEED)))
    for path in seeds:
        run(binary, "record", "--story", SEED, path, archive=archive)
    chain = os.path.join(folder, "chain")
    os.makedirs(chain)
    run(binary, "record", "--story", FLOODS, *flood_chain(chain), archive=archive)
    markup = []
    for number, text in enumerate(MARKUP_CHAIN, 1):
        markup.append(os.path.join(chain, f"ida-{number}.txt"))
        with open(markup[-1], "w", encoding="utf-8") as file:
            file.write(text)
    run(binary, "record", "--story", MARKUP, *markup, archive=archive)
    return archive


def check(name, xml, entries=None, at_least=None):
    """Parses one feed and checks it; returns its entry ids."""
    feed = feedparser.parse(xml)
    failures = []
    if feed.bozo:
        failures.append(f"bozo: {feed.bozo_exception}")
    if feed.version != "atom10":
        failures.append(f"version {feed.version!r}, not atom10")
    count = len(feed.entries)
    if entries is not None and count != entries:
        failures.append(f"{count} entries, {entries} expected")
    if at_least is not None and count < at_least:
        failures.append(f"{count} entries, at least {at_least} expected")
    ids = [entry.id for entry in feed.entries]
    if len(set(ids)) != len(ids):
        failures.append("entry ids repeat")
    if not all(entry_id.startswith("tag:writethru@localhost,") for entry_id in ids + [feed.feed.id]):
        failures.append("an id is not a tag: URI")
    for entry in feed.entries:
        if not TITLE.match(entry.title):
            failures.append(f"title {entry.title!r}")
        if len(entry.title) > 140:
            failures.append(f"title longer than 140 characters: {entry.title!r}")
        if not entry.get("content") or entry.content[0].type != "application/xhtml+xml":
            failures.append(f"entry {entry.id} has no XHTML content")
    times = [entry.updated_parsed for entry in feed.entries]
    if times != sorted(times, reverse=True):
        failures.append("entries are not newest first")
    if times and feed.feed.updated_parsed != times[0]:
        failures.append("the feed's updated is not its newest entry's")
    if failures:
        sys.exit(f"FAIL {name}: " + "; ".join(failures))
    print(f"ok   {name}: {count} entries, bozo 0, ids unique, newest first ({feed.feed.updated})")
    return ids, feed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "writethru"))
    binary = os.path.abspath(parser.parse_args().bin)
    with tempfile.TemporaryDirectory(prefix="writethru-feeds-") as first, \
            tempfile.TemporaryDirectory(prefix="writethru-feeds-") as second:
        archives = [build_archive(binary, first), build_archive(binary, second)]
        runs = []
        for archive in archives:
            ids = {}
            ids["seed"], seed = check("feed " + SEED, run(binary, "feed", SEED, archive=archive), entries=5)
            if seed.entries[-1].title != "v1: Top U.S., China diplomats to meet in Alaska next week":
                sys.exit(f"FAIL feed {SEED}: first version's title {seed.entries[-1].title!r}")
            _, markup = check("feed " + MARKUP, run(binary, "feed", MARKUP, archive=archive), entries=2)
            if markup.feed.title != HEADLINE + " & more" or markup.entries[-1].title != "v1: " + HEADLINE \
                    or "like nothing before 😱" not in markup.entries[0].content[0].value:
                sys.exit(f"FAIL feed {MARKUP}: markup or emoji not read back: {markup.feed.title!r}")
            ids["floods"], _ = check("feed " + FLOODS, run(binary, "feed", FLOODS, archive=archive), entries=40)
            ids["undeclared"], undeclared = check(f"feed {FLOODS} --undeclared-only",
                                                  run(binary, "feed", FLOODS, "--undeclared-only", archive=archive),
                                                  at_least=1)
            if not all(any(word in entry.content[0].value for word in ("Not in the advisory: ", "Advisory item not found: ", "Flag: "))
                       for entry in undeclared.entries):
                sys.exit("FAIL --undeclared-only: an entry without findings")
            base = "https://news.example.org/archive"
            _, linked = check(f"feed {SEED} --base-url", run(binary, "feed", SEED, "--base-url", base, archive=archive),
                              entries=5)
            if linked.entries[0].link != f"{base}/stories/{SEED}.html#v5":
                sys.exit(f"FAIL --base-url: link {linked.entries[0].link!r}")
            archive_xml = run(binary, "feed", archive=archive)
            check("feed (archive)", archive_xml, entries=47)
            if run(binary, "feed", archive=archive) != archive_xml:
                sys.exit("FAIL feed (archive): two runs on one archive differ")
            check("feed --limit 7", run(binary, "feed", "--limit", "7", archive=archive), entries=7)
            site = os.path.join(os.path.dirname(archive), "site")
            run(binary, "site", site, archive=archive)
            for path, expected in [(f"stories/{SEED}.xml", 5), (f"stories/{FLOODS}.xml", 40), ("feed.xml", 47),
                                   ("undeclared.xml", None)]:
                with open(os.path.join(site, path), encoding="utf-8") as file:
                    check("site " + path, file.read(), entries=expected)
            runs.append(ids)
        if runs[0] != runs[1]:
            sys.exit("FAIL entry ids differ between two archives of the same inputs")
        print("ok   entry ids are the same in both archives")


if __name__ == "__main__":
    main()
