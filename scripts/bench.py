#!/usr/bin/env python3
"""kiji's benchmark: speed and memory against baselines measured in the same run.

Every figure is a ratio to something run in the same session (ripgrep,
Python, MeCab), so the ratios, not the seconds, are what to compare between
machines. Each child's peak RSS comes from os.wait4's rusage.

  python3 scripts/bench.py            # the ×10 corpus (~137 MB)
  python3 scripts/bench.py --large    # also the ×100 corpus (~1.4 GB)

Corpus: $KIJI_BENCH_CORPUS, else ../shared/corpus/livedoor-dev.jsonl. The
×10 and ×100 copies (ids made unique as <id>-<k>) are cached in .build-bench/.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("KIJI_BENCH_CORPUS", os.path.join(ROOT, "..", "shared", "corpus", "livedoor-dev.jsonl"))
CACHE = os.path.join(ROOT, ".build-bench")
KIJI = os.path.join(ROOT, ".build", "release", "kiji")
TERMS = "日米同盟,中国,尖閣,防衛費,台湾,スマホ,映画,女性,iPhone,W杯"


class Child:
    """One finished child process: wall seconds, peak RSS in MB, captured stdout."""

    def __init__(self, seconds, rss_mb, stdout):
        self.seconds, self.rss_mb, self.stdout = seconds, rss_mb, stdout


def run(cmd, stdin=None, capture=False):
    """Runs cmd, waits with os.wait4 for its rusage, fails loudly on a non-zero exit."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    out = proc.stdout.read() if capture else b""
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd[:4])} … failed ({proc.returncode}): {err.decode(errors='replace')[-500:]}")
    return Child(seconds, usage.ru_maxrss / 1024, out)


def parallel(cmds, inputs):
    """Runs cmds at once (each reading its file of inputs); wall seconds and the largest peak RSS."""
    start = time.perf_counter()
    procs = []
    for cmd, path in zip(cmds, inputs):
        with open(path, "rb") as f:
            procs.append(subprocess.Popen(cmd, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
    rss = 0.0
    for proc in procs:
        proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"bench: {' '.join(proc.args)} failed")
        rss = max(rss, usage.ru_maxrss / 1024)
    return Child(time.perf_counter() - start, rss, b"")


def median(runs, fn):
    """The run with the median time among `runs` runs."""
    results = sorted((fn() for _ in range(runs)), key=lambda child: child.seconds)
    return results[len(results) // 2]


def multiplied(copies):
    """The corpus repeated `copies` times with ids <id>-<k>, cached while the source is unchanged."""
    stem = os.path.splitext(os.path.basename(CORPUS))[0]
    path = os.path.join(CACHE, f"{stem}-x{copies}.jsonl")
    if os.path.exists(path) and os.path.getmtime(path) >= os.path.getmtime(CORPUS):
        return path
    os.makedirs(CACHE, exist_ok=True)
    print(f"bench: writing {path} ({copies} copies of {os.path.basename(CORPUS)})", file=sys.stderr)
    with open(CORPUS, encoding="utf-8") as source, tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=CACHE, delete=False) as out:
        for line in source:
            if not line.strip():
                continue
            record = json.loads(line)
            ident = record.get("id", "")
            for k in range(copies):
                record["id"] = f"{ident}-{k}"
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    os.replace(out.name, path)
    return path


def python_baseline(path):
    """The reference: json + NFKC(title + "\\n" + text) + str.count per term (run as a child)."""
    terms = [unicodedata.normalize("NFKC", t) for t in TERMS.split(",")]
    counts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            o = json.loads(line)
            text = unicodedata.normalize("NFKC", o.get("title", "") + "\n" + o.get("text", ""))
            month = (o.get("date") or "undated")[:7]
            for t in terms:
                counts[(month, t)] = counts.get((month, t), 0) + text.count(t)
    print(sum(counts.values()))


def kiji_mentions(path, jobs=None, capture=False):
    jobs_args = ["--jobs", jobs] if jobs else []
    return run([KIJI, "run", "mentions-by-month", path, "--param", "terms=" + TERMS] + jobs_args, capture=capture)


def ripgrep(path):
    """rg -o -F -e t1 -e t2 … | wc -l, with the counting done here so rg is the measured child."""
    cmd = ["rg", "-o", "-F", "--no-filename"] + [arg for t in TERMS.split(",") for arg in ("-e", t)] + [path]
    child = run(cmd, capture=True)
    child.stdout = str(child.stdout.count(b"\n")).encode()
    return child


def python(path):
    return run([sys.executable, os.path.abspath(__file__), "--python-baseline", path], capture=True)


class Report:
    def __init__(self):
        self.lines = []

    def row(self, label, value):
        self.lines.append(f"{label:<52} {value}")
        print(self.lines[-1], flush=True)

    def target(self, label, ok, detail):
        self.row(label, f"{'PASS' if ok else 'MISS'}  {detail}")


def mentions(report, path, runs, python_runs):
    size = os.path.getsize(path) / 1e6
    print(f"\n== mentions-by-month, {len(TERMS.split(','))} terms, {path} ({size:.0f} MB)")
    ours = median(runs, lambda: kiji_mentions(path))
    rg = median(runs, lambda: ripgrep(path))
    py = median(python_runs, lambda: python(path))
    # The memory target holds for every worker count, so --jobs 1 is measured too.
    single = median(1, lambda: kiji_mentions(path, "1"))
    report.row("kiji run mentions-by-month", f"{ours.seconds:7.2f} s  {ours.rss_mb:7.0f} MB peak")
    report.row("kiji run mentions-by-month --jobs 1", f"{single.seconds:7.2f} s  {single.rss_mb:7.0f} MB peak")
    report.row(f"rg -o -F (same terms; {rg.stdout.decode()} matches)", f"{rg.seconds:7.2f} s  {rg.rss_mb:7.0f} MB peak")
    report.row("python json + NFKC + str.count", f"{py.seconds:7.2f} s  {py.rss_mb:7.0f} MB peak")
    report.target("target: kiji within 3x of rg", ours.seconds <= 3 * rg.seconds, f"kiji/rg = {ours.seconds / rg.seconds:.1f}x")
    report.target("target: kiji >= 25x faster than Python", py.seconds >= 25 * ours.seconds,
                  f"python/kiji = {py.seconds / ours.seconds:.1f}x")
    peak = max(ours.rss_mb, single.rss_mb)
    report.target(f"target: map-form peak RSS <= 200 MB ({size:.0f} MB corpus)", peak <= 200,
                  f"{peak:.0f} MB (all cores {ours.rss_mb:.0f}, --jobs 1 {single.rss_mb:.0f})")


def store(report, path, runs):
    """Issue 10's store targets: import time and size, and mentions-by-month read from the store."""
    size = os.path.getsize(path)
    kiji_file = os.path.join(os.path.dirname(path), "bench-store.kiji")
    print(f"\n== store: kiji import {path} ({size / 1e6:.0f} MB)")
    imported = median(runs, lambda: run([KIJI, "import", path, "-o", kiji_file]))
    direct = median(runs, lambda: kiji_mentions(path, capture=True))
    stored = median(runs, lambda: kiji_mentions(kiji_file, capture=True))
    rg = median(runs, lambda: ripgrep(path))
    if stored.stdout != direct.stdout:
        report.target("store output", False, "mentions-by-month from the store differs from the JSON Lines run")
    report.row("kiji import (no tokens)", f"{imported.seconds:7.2f} s  {imported.rss_mb:7.0f} MB peak")
    report.row("kiji run mentions-by-month, JSON Lines", f"{direct.seconds:7.2f} s")
    report.row("kiji run mentions-by-month, store", f"{stored.seconds:7.2f} s  {stored.rss_mb:7.0f} MB peak")
    report.target("target: import <= 1.5x a kiji run from JSON Lines", imported.seconds <= 1.5 * direct.seconds,
                  f"import/run = {imported.seconds / direct.seconds:.2f}x")
    report.target("target: store run within 1.5x of rg on the JSON Lines", stored.seconds <= 1.5 * rg.seconds,
                  f"store run/rg = {stored.seconds / rg.seconds:.1f}x")
    ratio = os.path.getsize(kiji_file) / size
    report.target("target: store <= 1.3x the JSON Lines", ratio <= 1.3, f"{ratio:.3f}x")


def startup(report, runs):
    print("\n== start-up: kiji run mentions-by-month on seeds/")
    child = median(runs, lambda: run([KIJI, "run", "mentions-by-month"]))
    report.target(f"target: start-up <= 50 ms (median of {runs})", child.seconds <= 0.050, f"{child.seconds * 1000:.0f} ms")


def actor_frequency(report):
    print(f"\n== actor-frequency include_unlisted=true vs two mecab processes, {CORPUS}")
    token_cache = os.path.join(CACHE, "token-cache")
    shutil.rmtree(token_cache, ignore_errors=True)
    command = [KIJI, "run", "actor-frequency", CORPUS, "--param", "include_unlisted=true", "--cache", token_cache]
    ours = run(command)
    warm = run(command)
    texts = []
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                o = json.loads(line)
                texts.append(o.get("title", "") + "\n" + o.get("text", "") + "\n")
    halves = [os.path.join(CACHE, "mecab-1.txt"), os.path.join(CACHE, "mecab-2.txt")]
    os.makedirs(CACHE, exist_ok=True)
    middle = len(texts) // 2
    for half, part in zip(halves, (texts[:middle], texts[middle:])):
        with open(half, "w", encoding="utf-8") as out:
            out.write("".join(part))
    mecab = parallel([["mecab"], ["mecab"]], halves)
    report.row("kiji run actor-frequency (first run)", f"{ours.seconds:7.2f} s  {ours.rss_mb:7.0f} MB peak")
    report.row("2 x mecab in parallel (halves of the text)", f"{mecab.seconds:7.2f} s  {mecab.rss_mb:7.0f} MB peak")
    report.target("target: kiji no slower than mecab on 2 cores", ours.seconds <= mecab.seconds,
                  f"kiji/mecab = {ours.seconds / mecab.seconds:.2f}x")
    report.row("kiji run actor-frequency (second run, warm token cache)", f"{warm.seconds:7.2f} s  {warm.rss_mb:7.0f} MB peak")
    report.target("target: warm run >= 10x faster than the first", ours.seconds >= 10 * warm.seconds,
                  f"first/warm = {ours.seconds / warm.seconds:.2f}x")
    # Issue 10: tokens kept in a store.
    store_path = os.path.join(CACHE, "bench-tokens.kiji")
    imported = run([KIJI, "import", CORPUS, "-o", store_path, "--tokens"])
    stored = run([KIJI, "run", "actor-frequency", store_path, "--param", "include_unlisted=true", "--no-cache"])
    report.row("kiji import --tokens", f"{imported.seconds:7.2f} s  {imported.rss_mb:7.0f} MB peak")
    report.target("target: import --tokens no slower than mecab on 2 cores", imported.seconds <= mecab.seconds,
                  f"import/mecab = {imported.seconds / mecab.seconds:.2f}x")
    report.row("kiji run actor-frequency on the store with tokens", f"{stored.seconds:7.2f} s  {stored.rss_mb:7.0f} MB peak")
    report.target("target: a run on stored tokens >= 10x faster than the first", ours.seconds >= 10 * stored.seconds,
                  f"first/stored = {ours.seconds / stored.seconds:.2f}x")


def determinism(report):
    print(f"\n== determinism: --jobs 1, --jobs 4 and the reversed corpus, {CORPUS}")
    helptext = subprocess.run([KIJI, "run", "--help"], capture_output=True, text=True).stdout
    if "--jobs" not in helptext:
        report.row("determinism", "skipped: no --jobs")
        return
    reversed_path = os.path.join(CACHE, "reversed.jsonl")
    with open(CORPUS, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    with open(reversed_path, "w", encoding="utf-8") as out:
        out.writelines(reversed(lines))
    plugins = sorted(name[:-4] for name in os.listdir(os.path.join(ROOT, "plugins"))
                     if name.endswith(".lua") and not name.endswith("_test.lua"))
    differ = []
    for plugin in plugins:
        outputs = []
        for corpus, jobs in ((CORPUS, "1"), (CORPUS, "4"), (reversed_path, "1")):
            proc = subprocess.run([KIJI, "run", plugin, corpus, "--jobs", jobs], capture_output=True)
            outputs.append(proc.stdout if proc.returncode == 0 else b"error: " + proc.stderr)
        if outputs[0] != outputs[1]:
            differ.append(f"{plugin} (--jobs 4)")
        if outputs[0] != outputs[2]:
            differ.append(f"{plugin} (reversed)")
    report.target(f"determinism ({len(plugins)} plugins)", not differ, ", ".join(differ) or "all identical")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--large", action="store_true", help="also run mentions-by-month on the x100 corpus")
    parser.add_argument("--runs", type=int, default=3, help="runs per timing (the median counts; default 3)")
    parser.add_argument("--python-runs", type=int, default=1, help="runs of the slow Python baseline (default 1)")
    parser.add_argument("--python-baseline", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.python_baseline:
        return python_baseline(args.python_baseline)
    if not os.path.exists(CORPUS):
        sys.exit(f"bench: corpus not found at {CORPUS}; set KIJI_BENCH_CORPUS to a JSON Lines corpus "
                 "(one article per line with id, title, text, date)")
    if not os.access(KIJI, os.X_OK):
        sys.exit(f"bench: {KIJI} is missing; build it with 'swift build -c release' (make bench does)")
    for tool in ("rg", "mecab"):
        if subprocess.run(["sh", "-c", f"command -v {tool}"], capture_output=True).returncode != 0:
            sys.exit(f"bench: '{tool}' is not installed; run scripts/ensure-bench-deps (make bench does)")
    report = Report()
    print(f"bench: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
          f"median of {args.runs} runs (Python: {args.python_runs})")
    mentions(report, multiplied(10), args.runs, args.python_runs)
    if args.large:
        mentions(report, multiplied(100), 1, 1)
    store(report, multiplied(10), args.runs)
    startup(report, max(args.runs, 9))
    actor_frequency(report)
    determinism(report)
    print("\n== summary")
    print("\n".join(report.lines))


if __name__ == "__main__":
    main()
