#!/usr/bin/env python3
"""Writes a `git fast-import` stream of a bench_corpus.py corpus (for scripts/bench-import.sh).

    fast_import_stream.py WORK > stream

For each line of WORK/plan.tsv (recording order), one commit on refs/heads/stories/<id> whose
tree holds what Writethru stores for that revision: article.md and meta.json (precomputed by
the generator under gitside/) and the input under source/. Standard library only.
"""
import sys


def data(payload: bytes) -> bytes:
    return b"data %d\n" % len(payload) + payload + b"\n"


def main() -> None:
    work = sys.argv[1]
    out = sys.stdout.buffer
    with open(f"{work}/plan.tsv", encoding="utf-8") as plan:
        for mark, line in enumerate(plan, start=1):
            src, story, version, article, meta, author, epoch, updated, subject, advisory = line.rstrip("\n").split("\t")
            base = src.rsplit("/", 1)[-1]
            message = subject + "\n\n" + (advisory + "\n\n" if advisory else "")
            message += f"Story: {story}\nVersion: {version}\nUpdated: {updated}\nSource: source/{base}\n"
            out.write(f"commit refs/heads/stories/{story}\n".encode())
            out.write(f"mark :{mark}\n".encode())
            out.write(f"author {author} <byline@writethru.invalid> {epoch} +0000\n".encode())
            out.write(f"committer Writethru <writethru@localhost> {epoch} +0000\n".encode())
            out.write(data(message.encode()))
            for path, name in ((article, "article.md"), (meta, "meta.json"), (src, "source/" + base)):
                with open(path, "rb") as handle:
                    out.write(f"M 100644 inline {name}\n".encode())
                    out.write(data(handle.read()))
            out.write(b"\n")
    out.write(b"done\n")


if __name__ == "__main__":
    main()
