#!/usr/bin/env python3
"""Compares kiji's tokens with the `mecab` command on the raw text of real documents.

    scripts/check-tokens.py CORPUS [--documents 200] [--kiji .build/debug/kiji] [--mecab-dict DIR]

kiji writes, for the first N documents of CORPUS, each document's raw text
(doc.raw) and its tokens; this script runs `mecab -d DIR` on that raw text
and checks, token by token, the surface as written, the part of speech with
its sub-categories and the base form. It also checks that every token's
offsets point at its raw surface in doc.raw. Prints the number of documents
and tokens compared and every difference; exit code 1 if any.
The token tests (Tests/MorphologyTests/TokenFidelityTests.swift) do the same
on the seeds and hostile texts; this is the check on a corpus too large to
commit, such as livedoor news.
"""
import argparse
import json
import subprocess
import sys
import unicodedata

QUERY = r"""
local rows = { columns = { "id", "raw", "tokens" } }
for i = 1, math.min(#corpus, tonumber(params.n)) do
  local doc = corpus[i]
  local parts = {}
  for _, t in ipairs(doc:tokens()) do
    parts[#parts + 1] = table.concat({ t.raw_surface, t.pos, t.pos_detail, t.raw_base, t.raw_start, t.raw_length, tostring(t.unknown) }, "\t")
  end
  rows[#rows + 1] = { id = doc.id, raw = doc.raw, tokens = table.concat(parts, "\n") }
end
return rows
"""

# %f[N] of pos1-4 and the base form, per dictionary family.
FORMATS = {
    "ipadic": ("%m\t%f[0]\t%f[1]\t%f[2]\t%f[3]\t%f[6]\tK\n", "%m\t%f[0]\t%f[1]\t%f[2]\t%f[3]\t%f[6]\tU\n"),
    "unidic": ("%m\t%f[0]\t%f[1]\t%f[2]\t%f[3]\t%f[10]\tK\n", "%m\t%f[0]\t%f[1]\t%f[2]\t%f[3]\t\tU\n"),
}
# kiji tags unknown IPADIC tokens made only of punctuation and symbols 記号 (MeCab guesses 名詞,サ変接続).
SYMBOL_DETAILS = {"括弧開", "括弧閉", "読点", "句点", "一般"}


def is_symbols(text):
    return all(unicodedata.category(c)[0] in "PS" for c in text)


def mecab(text, dictionary, family):
    known, unknown = FORMATS[family]
    out = subprocess.run(["mecab", "-d", dictionary, "-b", "10000000", "-O", "", "-F", known, "-U", unknown, "-E", ""],
                         input=text + "\n", capture_output=True, text=True, check=True).stdout
    result = []
    for line in out.split("\n"):
        if not line:
            continue
        f = [("" if x == "*" else x) for x in line.split("\t")]
        if family == "ipadic" and f[6] == "U" and is_symbols(f[0]):
            result.append((f[0], "記号", "(symbol)", f[0]))
        else:
            result.append((f[0], f[1], ",".join(x for x in f[2:5] if x), f[5] or f[0]))
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--kiji", default=".build/debug/kiji")
    parser.add_argument("--mecab-dict", default="/var/lib/mecab/dic/ipadic-utf8")
    args = parser.parse_args()
    family = subprocess.run([args.kiji, "query", "return kiji.mecab_dictionary().format", args.corpus, "--mecab-dict",
                             args.mecab_dict], capture_output=True, text=True, check=True).stdout.strip()
    run = subprocess.run([args.kiji, "query", QUERY, args.corpus, "--param", f"n={args.documents}", "--mecab-dict",
                          args.mecab_dict, "--format", "jsonl"], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(run.stderr)
    documents = tokens = differences = 0
    for line in run.stdout.splitlines():
        row = json.loads(line)
        raw = row["raw"]
        ours = [t.split("\t") for t in row["tokens"].split("\n")] if row["tokens"] else []
        for t in ours:
            if family == "ipadic" and t[6] == "true" and t[1] == "記号" and t[2] in SYMBOL_DETAILS and is_symbols(t[0]):
                t[2] = "(symbol)"
        reference = mecab(raw, args.mecab_dict, family)
        documents += 1
        tokens += len(ours)
        if [tuple(t[:4]) for t in ours] != reference:
            differences += 1
            first = next((i for i, (a, b) in enumerate(zip(ours, reference)) if tuple(a[:4]) != b), min(len(ours), len(reference)))
            print(f"{row['id']}: token {first + 1}: kiji {ours[first][:4] if first < len(ours) else None}, "
                  f"mecab {reference[first] if first < len(reference) else None}")
        for t in ours:
            start, length = int(t[4]), int(t[5])
            if raw[start - 1:start - 1 + length] != t[0]:
                differences += 1
                print(f"{row['id']}: raw offset {start}+{length} is {raw[start - 1:start - 1 + length]!r}, not {t[0]!r}")
                break
    print(f"{documents} documents, {tokens} tokens compared with mecab -d {args.mecab_dict} ({family}): {differences} differences")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
