#!/usr/bin/env python3
"""Benchmark kiji's mentions-by-month against a plain Python baseline.

The baseline reads the same JSON Lines file, NFKC-normalises title + "\\n" +
text and counts each term with str.count: the reference the foundation issue
checks kiji against. Both run in the same session, so the ratio is what to
compare between machines, not the seconds.

Corpus: $KIJI_BENCH_CORPUS, else ../shared/corpus/livedoor-dev.jsonl.
"""
import json
import os
import statistics
import subprocess
import sys
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("KIJI_BENCH_CORPUS", os.path.join(ROOT, "..", "shared", "corpus", "livedoor-dev.jsonl"))
KIJI = os.path.join(ROOT, ".build", "release", "kiji")
TERMS = "日米同盟,中国,尖閣,防衛費,台湾,スマホ,映画,女性,iPhone,W杯"
RUNS = 5


def baseline():
    terms = [unicodedata.normalize("NFKC", t) for t in TERMS.split(",")]
    counts = {}
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            o = json.loads(line)
            text = unicodedata.normalize("NFKC", o.get("title", "") + "\n" + o.get("text", ""))
            month = (o.get("date") or "undated")[:7]
            for t in terms:
                counts[(month, t)] = counts.get((month, t), 0) + text.count(t)
    return counts


def kiji():
    subprocess.run([KIJI, "run", "mentions-by-month", CORPUS, "--param", "terms=" + TERMS],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def median_seconds(fn):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    if not os.path.exists(CORPUS):
        sys.exit(f"bench: corpus not found at {CORPUS}; set KIJI_BENCH_CORPUS")
    size = os.path.getsize(CORPUS) / 1e6
    base = median_seconds(baseline)
    ours = median_seconds(kiji)
    print(f"corpus: {CORPUS} ({size:.1f} MB), {len(TERMS.split(','))} terms, median of {RUNS} runs")
    print(f"python baseline (NFKC + str.count):  {base:.3f} s")
    print(f"kiji run mentions-by-month:          {ours:.3f} s  (process start, load, normalise, count, CSV)")
    print(f"ratio kiji / baseline:               {ours / base:.2f}")


if __name__ == "__main__":
    main()
