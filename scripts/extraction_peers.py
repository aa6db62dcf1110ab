#!/usr/bin/env python3
"""Scores the peer extractors (trafilatura, readability-lxml) on the shared article-extraction
benchmark with its own metric (score.py's shingles), in-process, and times them per page.
Usage: extraction_peers.py BENCHMARK_DIR   (run by scripts/bench-extraction.sh)
Prints one line a peer: F1, P, R, rejected or empty pages, median and p95 ms a page."""
import gzip, json, os, sys, time

def main():
    bench = sys.argv[1]
    sys.path.insert(0, bench)
    from score import shingles  # the benchmark's own tokens and 4-token shingles
    truth = json.load(open(os.path.join(bench, "ground-truth.json")))
    pages = {key: gzip.open(os.path.join(bench, "html", key + ".html.gz")).read() for key in truth}
    peers = []
    try:
        import trafilatura
        peers.append(("trafilatura " + trafilatura.__version__, lambda html: trafilatura.extract(html)))
    except ImportError:
        print("trafilatura: not installed (pip install trafilatura)")
    try:
        import readability, lxml.html
        from importlib.metadata import version
        def readable(html):
            summary = readability.Document(html).summary(html_partial=True)
            return lxml.html.fromstring(summary).text_content() if summary.strip() else ""
        peers.append(("readability-lxml " + version("readability-lxml"), readable))
    except ImportError:
        print("readability-lxml: not installed (pip install readability-lxml)")
    for name, extract in peers:
        precisions, recalls, rejected, times = [], [], 0, []
        for key, item in truth.items():
            started = time.perf_counter()
            try:
                body = extract(pages[key])
            except Exception:
                body = None
            times.append((time.perf_counter() - started) * 1000)
            rejected += not body or not body.strip()
            a, b = shingles(item.get("articleBody")), shingles(body or "")
            tp, fp, fn = sum((a & b).values()), sum((b - a).values()), sum((a - b).values())
            if fp == fn == 0:
                precisions.append(1.0); recalls.append(1.0); continue
            if tp + fp > 0: precisions.append(tp / (tp + fp))
            if tp + fn > 0: recalls.append(tp / (tp + fn))
        p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
        times.sort()
        print(f"{name}: F1 {2 * p * r / (p + r):.3f} (P {p:.3f} R {r:.3f}), {rejected} rejected or empty, "
              f"median {times[len(times) // 2]:.2f} ms, p95 {times[int(0.95 * (len(times) - 1))]:.2f} ms a page (in-process)")

if __name__ == "__main__":
    main()
