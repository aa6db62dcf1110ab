#!/usr/bin/env python3
"""Deterministic corpus for scripts/bench-record.sh (standard library only).

    bench_corpus.py generate --out DIR [--stories 1000] [--versions 10] [--extra 10] [--seed N]
                             [--plant-name "First Last" --plant-stories 3]
    bench_corpus.py timed REPORT -- COMMAND ARG...   run COMMAND; write wall seconds, peak RSS,
                                                     CPU times and exit status to REPORT
    bench_corpus.py stats MS...                  min/median/max of numbers

`generate` writes, under DIR:

    corpus/s0042/v03.txt     version 3 of story 42, in Writethru's text format
    corpus/s0042/v11.txt     the --extra single-record files (version versions+1 of some stories)
    paths.txt                every corpus file in recording order: all v01 (stories in a
                             seeded shuffle), then all v02, ...
    extra-paths.txt          the single-record files, one a line
    stories.tsv              index, expected story id (derived from the headline), headline
    plan.tsv                 one line per revision in recording order, for the git CLI loop:
                             path, story id, version, article path, meta path, author name,
                             author epoch, updated ISO, tagged headline, advisory
    gitside/s0042/v03.article.md, v03.meta.json
                             what Writethru computes itself (normalized text and metadata),
                             precomputed so the git loop only has to store them

`--plant-name` adds one paragraph naming that person to every version of `--plant-stories`
stories spread evenly over the corpus (after everything is generated, so the rest of the corpus
is what it is without it); planted.tsv lists their index and story id. scripts/bench-search.sh
searches for the name.

Each story has its own headline, the same in every version apart from the wire tag
("UPDATE 2-"), so the id Writethru derives from it groups the versions. Each version edits
the previous one: a number changes, one or two paragraphs are rewritten, one or two are
added, sometimes one is removed, and the Updated time moves on.
"""

import datetime
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time

DEFAULT_SEED = 20210311
TARGET_BYTES = 4700
START_BYTES = 4400  # versions grow a little, so version 1 starts below the target

PLACES = ["WASHINGTON", "LONDON", "BEIJING", "TOKYO", "NEW YORK", "BRUSSELS", "FRANKFURT", "PARIS",
          "NEW DELHI", "SYDNEY", "NAIROBI", "SAO PAULO", "OTTAWA", "SEOUL", "BERLIN", "MEXICO CITY",
          "SINGAPORE", "JOHANNESBURG", "DUBAI", "JAKARTA", "MADRID", "ROME", "GENEVA", "ISTANBUL",
          "LAGOS", "BUENOS AIRES", "MANILA", "WARSAW", "STOCKHOLM", "HONG KONG"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FIRST = ["Michael", "David", "Sarah", "Emma", "Kevin", "Maria", "Yuka", "Ahmed", "Priya", "Jonathan",
         "Leika", "Andrea", "Tom", "Nandita", "Karin", "Lucia", "Samuel", "Irene", "Paul", "Gabriela",
         "Chen", "Olga", "Dmitry", "Fatima", "Hyonhee", "Joe", "Rachel", "Marco", "Anna", "Ben"]
LAST = ["Martina", "Brunnstrom", "Shalal", "Nichols", "Obayashi", "Kim", "Mason", "Strohecker",
        "Lawder", "Jones", "Mandhana", "Wroughton", "Sims", "Lewis", "Holland", "Psaledakis",
        "Singh", "Chiacu", "Alper", "Gardner", "Ali", "Bose", "Rinke", "Pamuk", "Kelly", "Wilkes",
        "Schomberg", "Hunnicutt", "Ravikumar", "Pitas", "Stone", "Warburton", "Rampton", "Spicer"]
ACTORS = ["Top U.S., China diplomats", "European regulators", "Japan's central bank", "Brazil's senate",
          "Oil producers", "Global airlines", "Indian farmers", "German carmakers", "Chip makers",
          "Canadian officials", "Australian miners", "Kenya's election board", "Wall Street banks",
          "UK lawmakers", "Mexico's president", "South Korea's exporters", "Tech giants",
          "Shipping firms", "Fed policymakers", "Nigeria's oil regulator", "French unions",
          "Italian lenders", "Swiss drugmakers", "Turkish lira traders", "Argentine negotiators",
          "Philippine coast guard", "Polish farmers", "Swedish telecoms", "Hong Kong retailers",
          "Indonesian coal miners", "Spanish utilities", "Dutch pension funds", "Insurers",
          "Chinese property developers", "Gulf sovereign funds", "African health ministers",
          "Vaccine makers", "Wheat importers", "Electric carmakers", "Copper smelters"]
VERBS = ["to meet over", "weigh new limits on", "signal shift on", "clash over", "push back on",
         "brace for", "bet on", "cut forecasts for", "seek talks on", "plan probe into",
         "step up scrutiny of", "pledge support for", "face pressure over", "delay decision on",
         "strike deal on", "warn of risks from", "raise outlook for", "join forces on",
         "scramble to secure", "lobby against", "double down on", "pull back from",
         "set deadline for", "unveil plan for", "reject calls for", "split over", "rush to hedge",
         "test limits of", "race to rebuild", "call for review of"]
TOPICS = ["lithium exports", "chip subsidies", "carbon border tax", "rate hikes", "grain shipments",
          "bank capital rules", "drug pricing", "port congestion", "fishing rights", "data privacy",
          "jet fuel costs", "coal phaseout", "tariff relief", "housing debt", "vaccine patents",
          "water rights", "satellite spectrum", "rare earth supplies", "pension reform",
          "minimum wage", "steel quotas", "gas storage", "battery recycling", "crop insurance",
          "cloud contracts", "shipping emissions", "currency swaps", "sovereign bonds",
          "power grid upgrades", "airport slots", "cobalt mining", "offshore wind",
          "antitrust fines", "fertilizer prices", "election funding", "crypto custody",
          "border checks", "refinery outages", "railway strikes", "stimulus spending"]
QUALIFIERS = ["next week", "as prices climb", "after talks stall", "amid supply worries",
              "before key vote", "as deadline nears", "despite opposition", "in first quarter",
              "ahead of summit", "after court ruling", "as inflation bites", "amid protests",
              "as demand slows", "after record losses", "in rare move", "as rivals expand",
              "under new rules", "after weak data", "amid trade spat", "as talks resume",
              "", "", "", ""]
INSTITUTIONS = ["the finance ministry", "the central bank", "the trade ministry", "the regulator",
                "the White House", "the European Commission", "the foreign ministry",
                "the industry association", "the company", "the state oil firm", "the union",
                "the parliamentary committee", "the statistics office", "the energy agency"]
ROLES = ["spokesman", "spokeswoman", "chief executive", "senior official", "analyst", "economist",
         "minister", "deputy governor", "chief strategist", "board member"]
NOUNS = ["output", "exports", "prices", "demand", "investment", "spending", "production", "imports",
         "orders", "shipments", "profits", "revenue", "inventories", "capacity", "borrowing"]
REASONS = ["weaker demand from China", "higher borrowing costs", "supply chain disruptions",
           "a stronger dollar", "new environmental rules", "labour shortages", "the war in Ukraine",
           "a slump in consumer confidence", "rising energy bills", "tighter credit conditions",
           "a surge in online sales", "delays at major ports", "a drought in key growing regions"]
QUOTES = ["We are not going to make decisions under pressure",
          "It was important to us that this happen on our terms and on our timetable",
          "There is no intent at this point for a series of follow-on engagements",
          "The numbers tell you the recovery is real but uneven",
          "Nobody wants a repeat of last year, so everyone is being cautious",
          "We have deep disagreements, but we also have areas where we can work together",
          "This is a long-term investment and we intend to see it through",
          "If nothing changes, the pressure on households will only grow",
          "Markets have already priced in most of this",
          "We will look at every option that is on the table"]
TIMEFRAMES = ["this year", "next year", "in the first quarter", "over the next five years",
              "by the end of the decade", "in the coming months", "since January", "last month"]
ADDS = ["details of meeting", "analyst comment", "background", "company statement", "market reaction",
        "minister's comments", "quotes", "context", "figures", "reaction from lawmakers",
        "details of proposal", "union comment", "share price move"]


def slug(headline):
    """StoryID.derived(fromHeadline:) for ASCII headlines."""
    out = ""
    for ch in headline.lower():
        if ch.isascii() and ch.isalnum():
            out += ch
        elif ch in ".'\u2019":
            continue
        elif out and out[-1] != "-":
            out += "-"
    out = out.rstrip("-")
    if len(out) > 72:
        cut = out[:73]
        out = cut[:cut.rfind("-")] if "-" in cut else out[:72]
    return out


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


class Writer:
    """Sentence and paragraph generator driven by one seeded Random."""

    def __init__(self, rng):
        self.r = rng

    def name(self):
        return f"{self.r.choice(FIRST)} {self.r.choice(LAST)}"

    @staticmethod
    def article(word):
        return ("an " if word[0] in "aeiou" else "a ") + word

    def number(self):
        kind = self.r.random()
        if kind < 0.35:
            return f"{self.r.randint(2, 95)}.{self.r.randint(0, 9)}%"
        if kind < 0.7:
            return f"${self.r.randint(1, 900)} {self.r.choice(['million', 'billion'])}"
        return f"{self.r.randint(12, 98000):,}"

    def sentence(self, story):
        r = self.r
        k = r.randrange(12) % 9  # 0-2 come up twice as often
        who = f"{r.choice(INSTITUTIONS)}"
        if k == 0:
            return (f"{who.capitalize()} said on {r.choice(WEEKDAYS)} that {r.choice(NOUNS)} tied to "
                    f"{story['topic']} could rise by {self.number()} {r.choice(TIMEFRAMES)}.")
        if k == 1:
            return (f"\"{r.choice(QUOTES)},\" {self.name()}, {self.article(r.choice(ROLES))} at {who}, "
                    f"told reporters in {story['city'].title()}.")
        if k == 2:
            return (f"{r.choice(NOUNS).capitalize()} fell {self.number()} {r.choice(TIMEFRAMES)}, "
                    f"hurt by {r.choice(REASONS)}, according to {who}.")
        if k == 3:
            return (f"The move comes as {story['actor']} face {r.choice(REASONS)} and growing "
                    f"questions over {r.choice(TOPICS)}.")
        if k == 4:
            return (f"{self.name()}, {r.choice(ROLES)} at a {story['city'].title()} research firm, said "
                    f"the outlook for {story['topic']} depended largely on {r.choice(REASONS)}.")
        if k == 5:
            return (f"Officials expect about {self.number()} in new {r.choice(NOUNS)} "
                    f"{r.choice(TIMEFRAMES)}, though several warned the estimate could change.")
        if k == 6:
            return (f"The talks over {story['topic']} will follow a meeting {r.choice(TIMEFRAMES)} "
                    f"between {who} and representatives of {r.choice(ACTORS)}.")
        if k == 7:
            return (f"Shares of companies exposed to {story['topic']} rose {self.number()} on "
                    f"{r.choice(WEEKDAYS)}, while {r.choice(NOUNS)} stayed close to record levels.")
        return (f"{who.capitalize()} did not immediately respond to a request for comment on "
                f"{r.choice(TOPICS)}.")

    def paragraph(self, story):
        return " ".join(self.sentence(story) for _ in range(self.r.randint(2, 3)))

    def lead(self, story):
        r = self.r
        return (f"{story['actor']} {story['verb']} {story['topic']} {story['qual']}".strip()
                + f", {r.choice(INSTITUTIONS)} said on {r.choice(WEEKDAYS)}, in the clearest sign yet "
                f"that {r.choice(REASONS)} is reshaping plans for {r.choice(TOPICS)}. " + self.sentence(story))


def change_number(text, rng):
    """Changes one number in `text`; returns (text, changed)."""
    spans = []
    i = 0
    while i < len(text):
        if text[i].isdigit():
            j = i
            while j < len(text) and (text[j].isdigit() or (text[j] in ",." and j + 1 < len(text)
                                                            and text[j + 1].isdigit())):
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    if not spans:
        return text, False
    a, b = rng.choice(spans)
    old = text[a:b]
    digits = [k for k, c in enumerate(old) if c.isdigit()]
    k = rng.choice(digits)
    new_digit = str((int(old[k]) + rng.randint(1, 8)) % 10)
    if k == 0 and new_digit == "0":
        new_digit = "1"
    new = old[:k] + new_digit + old[k + 1:]
    return text[:a] + new + text[b:], True


def render_text(story, v):
    """The input file of one version."""
    head = (f"UPDATE {v['n'] - 1}-" if v["n"] > 1 else "") + story["headline"]
    lines = [head, "", f"Published {iso(story['published'])}"]
    if v["n"] > 1:
        lines.append(f"Updated {iso(v['updated'])}")
    lines.append("")
    if v["advisory"]:
        lines += [v["advisory"], ""]
    lines += ["By " + " and ".join(v["authors"]), ""]
    body = [story["dateline"] + v["paragraphs"][0]] + v["paragraphs"][1:]
    for p in body:
        lines += [p, ""]
    lines.append(story["credits"])
    return "\n".join(lines) + "\n"


def render_article(story, v):
    """What Writethru stores as article.md (ArticleMarkdown.render)."""
    return "# " + story["headline"] + "\n" + "".join("\n" + p + "\n" for p in v["paragraphs"])


def render_meta(story, v, source_name, source_bytes, article_bytes, recorded):
    """A meta.json equivalent to Writethru's RevisionMeta (same keys, same formatting style)."""
    place, date, agency = story["dateline_parts"]
    meta = {
        "format": 1, "story": story["id"], "version": v["n"],
        "tag": f"UPDATE {v['n'] - 1}" if v["n"] > 1 else None,
        "headline": story["headline"], "advisory": v["advisory"] or None,
        "byline": "By " + " and ".join(v["authors"]), "authors": v["authors"],
        "dateline": {"place": place, "date": date, "agency": agency},
        "published": iso(story["published"]), "updated": iso(v["updated"]), "updatedSource": "input",
        "recorded": recorded, "url": None, "credits": [story["credits"]],
        "input": {"path": "source/" + source_name, "format": "text", "bytes": len(source_bytes),
                  "sha256": hashlib.sha256(source_bytes).hexdigest()},
        "content": {"sha256": hashlib.sha256(article_bytes).hexdigest()},
        "removed": [],
    }
    return json.dumps(meta, indent=2, sort_keys=True, separators=(",", " : ")) + "\n"


def make_stories(rng, count):
    w = Writer(rng)
    stories, seen = [], set()
    base = datetime.datetime(2021, 3, 1, 6, 0, tzinfo=datetime.timezone.utc)
    while len(stories) < count:
        actor, verb, topic, qual = (rng.choice(ACTORS), rng.choice(VERBS), rng.choice(TOPICS),
                                    rng.choice(QUALIFIERS))
        headline = " ".join(x for x in (actor, verb, topic, qual) if x)
        sid = slug(headline)
        if sid in seen or len(headline) > 90:
            continue
        seen.add(sid)
        city = rng.choice(PLACES)
        published = base + datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 30))
        date = f"{MONTHS[published.month - 1]} {published.day}"
        stories.append({
            "index": len(stories), "id": sid, "headline": headline, "actor": actor, "verb": verb,
            "topic": topic, "qual": qual, "city": city, "published": published,
            "dateline": f"{city}, {date} (Reuters) - ", "dateline_parts": (city, date, "Reuters"),
            "credits": f"Reporting by {w.name()}; Editing by {w.name()}",
            "authors": [w.name()],
        })
    return stories


def first_version(story, w):
    paragraphs = [w.lead(story)]
    size = len(paragraphs[0]) + 400
    while size < START_BYTES:
        p = w.paragraph(story)
        paragraphs.append(p)
        size += len(p) + 2
    return {"n": 1, "paragraphs": paragraphs, "advisory": "", "authors": list(story["authors"]),
            "updated": story["published"]}


def next_version(story, prev, w, rng):
    paragraphs = list(prev["paragraphs"])
    notes = []
    # A number changes.
    for _ in range(10):
        i = rng.randrange(len(paragraphs))
        paragraphs[i], changed = change_number(paragraphs[i], rng)
        if changed:
            notes.append("updates figures")
            break
    # One or two paragraphs rewritten: a sentence replaced (sometimes the lead is recast).
    for _ in range(rng.randint(1, 2)):
        i = 0 if rng.random() < 0.2 else rng.randrange(1, len(paragraphs))
        if i == 0:
            paragraphs[0] = w.lead(story)
            notes.insert(0, "Recasts")
        else:
            sentences = paragraphs[i].split(". ")
            j = rng.randrange(len(sentences))
            new = w.sentence(story)
            sentences[j] = new[:-1] if j < len(sentences) - 1 else new
            paragraphs[i] = ". ".join(sentences)
    # Sometimes one removed (never the lead), and one or two added, keeping ~5 KB.
    size = sum(len(p) + 2 for p in paragraphs) + 400
    if len(paragraphs) > 4 and (rng.random() < 0.4 or size > TARGET_BYTES * 1.1):
        del paragraphs[rng.randrange(1, len(paragraphs))]
    adds = rng.randint(1, 2)
    if size > TARGET_BYTES * 1.15:
        adds = 0
        del paragraphs[rng.randrange(1, len(paragraphs))]
    for _ in range(adds):
        paragraphs.insert(rng.randint(1, len(paragraphs)), w.paragraph(story))
        notes.append("adds " + rng.choice(ADDS))
    authors = list(prev["authors"])
    if len(authors) == 1 and rng.random() < 0.15:
        authors.append(w.name())
    seen, unique = set(), []
    for note in notes:
        if note not in seen:
            seen.add(note)
            unique.append(note)
    advisory = "(" + ", ".join(unique) + ")"
    advisory = advisory[0] + advisory[1].upper() + advisory[2:]
    return {"n": prev["n"] + 1, "paragraphs": paragraphs, "advisory": advisory, "authors": authors,
            "updated": prev["updated"] + datetime.timedelta(minutes=rng.randint(12, 150))}


def plant(stories, chains, name, count):
    """Puts a paragraph naming `name` second in every version of `count` stories spread evenly
    over the corpus; returns their indexes. Uses no randomness, so the other stories and the
    rest of these ones stay as generated."""
    if not name or count <= 0:
        return []
    n = len(stories)
    chosen = sorted({(k * n) // count + n // (2 * count) for k in range(count)})
    for i in chosen:
        city = stories[i]["city"].title()
        paragraph = (f"{name}, who advises {stories[i]['actor']} on {stories[i]['topic']}, said in "
                     f"{city} that no decision had been taken.")
        for v in chains[i]:
            v["paragraphs"].insert(1, paragraph)
    return chosen


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def generate(args):
    out = os.path.abspath(args.out)
    rng = random.Random(args.seed)
    w = Writer(rng)
    for sub in ("corpus", "gitside"):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
    stories = make_stories(rng, args.stories)
    recorded = iso(datetime.datetime(2021, 5, 1, tzinfo=datetime.timezone.utc))
    chains = []
    for s in stories:
        chain = [first_version(s, w)]
        for _ in range(args.versions - 1 + (1 if args.extra else 0)):
            chain.append(next_version(s, chain[-1], w, rng))
        chains.append(chain)
    planted = plant(stories, chains, args.plant_name, args.plant_stories)

    plan_rows, paths = [], []
    total_bytes = 0
    order = list(range(len(stories)))
    for n in range(1, args.versions + 1):
        rng.shuffle(order)
        for si in order:
            s, v = stories[si], chains[si][n - 1]
            row, size = emit(out, s, v, recorded)
            plan_rows.append(row)
            paths.append(row[0])
            total_bytes += size
    extra = []
    if args.extra:
        for si in sorted(rng.sample(range(len(stories)), min(args.extra, len(stories)))):
            row, _ = emit(out, stories[si], chains[si][args.versions], recorded)
            extra.append(row[0])

    with open(os.path.join(out, "paths.txt"), "w") as f:
        f.write("".join(p + "\n" for p in paths))
    with open(os.path.join(out, "extra-paths.txt"), "w") as f:
        f.write("".join(p + "\n" for p in extra))
    with open(os.path.join(out, "plan.tsv"), "w") as f:
        f.write("".join("\t".join(map(str, row)) + "\n" for row in plan_rows))
    with open(os.path.join(out, "planted.tsv"), "w") as f:
        f.write("".join(f"{stories[i]['index']}\t{stories[i]['id']}\n" for i in planted))
    with open(os.path.join(out, "stories.tsv"), "w") as f:
        f.write("".join(f"{s['index']}\t{s['id']}\t{s['headline']}\n" for s in stories))
    print(f"generated {len(paths)} revisions of {len(stories)} stories "
          f"({total_bytes / len(paths) / 1000:.1f} KB average, {total_bytes / 1e6:.1f} MB) "
          f"and {len(extra)} single-record files in {out}")


def emit(out, s, v, recorded):
    story_dir = f"s{s['index']:04d}"
    name = f"v{v['n']:02d}.txt"
    src = os.path.join(out, "corpus", story_dir, name)
    side = os.path.join(out, "gitside", story_dir)
    os.makedirs(os.path.dirname(src), exist_ok=True)
    os.makedirs(side, exist_ok=True)
    text = render_text(s, v).encode()
    article = render_article(s, v).encode()
    meta = render_meta(s, v, name, text, article, recorded).encode()
    write(src, text)
    article_path = os.path.join(side, f"v{v['n']:02d}.article.md")
    meta_path = os.path.join(side, f"v{v['n']:02d}.meta.json")
    write(article_path, article)
    write(meta_path, meta)
    tagged = (f"UPDATE {v['n'] - 1}-" if v["n"] > 1 else "") + s["headline"]
    row = (src, s["id"], v["n"], article_path, meta_path, ", ".join(v["authors"]),
           int(v["updated"].timestamp()), iso(v["updated"]), tagged, v["advisory"])
    return row, len(text)


def timed(report, argv):
    """Runs argv (stdin, stdout and stderr inherited) and writes one line of shell-readable
    `key=value` pairs to `report`: wall seconds, the child's peak RSS (KB), CPU seconds, status."""
    start = time.monotonic()
    proc = subprocess.Popen(argv)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    with open(report, "w") as f:
        f.write(f"wall={wall:.3f} maxrss_kb={usage.ru_maxrss} user={usage.ru_utime:.2f} "
                f"sys={usage.ru_stime:.2f} status={code}\n")
    return code


def stats(values):
    xs = sorted(float(x) for x in values)
    n = len(xs)
    median = xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2
    print(f"{xs[0]:.1f} {median:.1f} {xs[-1]:.1f}")


def main():
    if len(sys.argv) > 3 and sys.argv[1] == "timed":
        argv = sys.argv[3:]
        if argv and argv[0] == "--":
            argv = argv[1:]
        sys.exit(timed(sys.argv[2], argv))
    if len(sys.argv) > 1 and sys.argv[1] == "stats":
        stats(sys.argv[2:])
        return
    import argparse
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--out", required=True)
    g.add_argument("--stories", type=int, default=1000)
    g.add_argument("--versions", type=int, default=10)
    g.add_argument("--extra", type=int, default=10)
    g.add_argument("--seed", type=int, default=DEFAULT_SEED)
    g.add_argument("--plant-name", default="")
    g.add_argument("--plant-stories", type=int, default=0)
    args = parser.parse_args()
    generate(args)


if __name__ == "__main__":
    main()
