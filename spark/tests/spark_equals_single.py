"""The real Spark test: kiji-spark on local[2] Spark equals `kiji run`, byte for byte.

Usage: python spark/tests/spark_equals_single.py KIJI BUNDLE_TAR_GZ
KIJI is the kiji the bundle was made from; no mocks: PySpark, Java, the bundle.
Ends with the line "N passed, M failed" and exits non-zero on any failure."""
import json
import os
import random
import subprocess
import sys
import tempfile

TERMS = ["日米同盟", "中国", "尖閣", "防衛費", "台湾"]
FILLER = ["会議", "政府は", "発表した。", "記者", "東京", "経済", "予算", "ニュース"]

# (plugin and params) run both ways; the partial contract covers run plugins.
CASES = [
    ["mentions-by-month"],
    ["mentions-by-month", "--param", "terms=中国,台湾", "--param", "by=fiscal_year"],
    # Categories that only some partitions hold: the merge orders them with order_levels.
    ["mentions-by-month", "--param", "by=category,year"],
    # A row per document: ids (FILE:LINE for documents without one) must equal the single run's.
    ["dictionary", "--param", "dictionary=DICTIONARY", "--param", "per=document"],
]


def generate(path, count, seed=11):
    """Seeded documents over several years; some undated, some without ids, some blank lines."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for number in range(count):
            words = [rng.choice(TERMS + FILLER) for _ in range(rng.randint(5, 40))]
            doc = {"title": f"記事{number}", "text": "".join(words)}
            if number % 7:
                doc["id"] = f"doc-{number}"
            if number % 5:
                doc["category"] = ["politics", "economy", "world"][(number * 3) // count]
            if number % 11:
                doc["date"] = f"{rng.randint(2012, 2019)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            if number % 97 == 0:
                out.write("\n")


def run_spark(args, env):
    command = [os.path.join(os.path.dirname(sys.executable), "kiji-spark"), "run", *args]
    return subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)


def main():
    kiji, bundle = sys.argv[1], os.path.abspath(sys.argv[2])
    env = dict(os.environ, KIJI_BUNDLE=bundle, PYSPARK_PYTHON=sys.executable)
    passed = failed = 0

    def check(name, ok, detail=""):
        nonlocal passed, failed
        passed, failed = passed + ok, failed + (not ok)
        print(f"{'ok  ' if ok else 'FAIL'} {name}" + ("" if ok else f"\n{detail}"), flush=True)

    with tempfile.TemporaryDirectory(prefix="kiji-spark-test-") as folder:
        corpus = os.path.join(folder, "news.jsonl")
        generate(corpus, 3000)
        dictionary = os.path.join(folder, "terms.yml")
        with open(dictionary, "w", encoding="utf-8") as out:
            out.write("alliance:\n  - 日米同盟\n  - 防衛費\nneighbours:\n  - 中国\n  - 台湾\n")
        for index, case in enumerate(CASES):
            case = [arg.replace("DICTIONARY", dictionary) for arg in case]
            expected = subprocess.run([kiji, "run", case[0], corpus, *case[1:]],
                                      stdout=subprocess.PIPE, check=True).stdout
            output = os.path.join(folder, f"spark-{index}.csv")
            done = run_spark([case[0], corpus, "-o", output, "--master", "local[2]",
                              "--partitions", "6", *case[1:]], env)
            actual = open(output, "rb").read() if os.path.exists(output) else b""
            check(" ".join(case), done.returncode == 0 and actual == expected,
                  done.stderr.decode("utf-8", "replace")[-3000:])

        done = run_spark(["no-such-plugin", corpus, "-o", os.path.join(folder, "x.csv"),
                          "--master", "local[2]"], env)
        check("a kiji failure fails the job with kiji's message",
              done.returncode == 1 and b"no-such-plugin" in done.stderr, done.stderr.decode()[-2000:])
        done = run_spark(["mentions-by-month", corpus], env)
        check("a missing -o exits 2", done.returncode == 2, done.stderr.decode()[-2000:])

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
