/// Python reference computations for the text-as-data plugins, run by
/// TextAsDataTests with the test venv. Each script reads the token dump
/// (doc_id,category,term; an empty term is a dropped token) and kiji's
/// output, computes the statistic itself and prints "ok" or the differences.
enum TextAsDataReferences {
    static let prelude = #"""
import csv, math, sys
from collections import Counter, defaultdict
def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
dump, output = rows(sys.argv[1]), rows(sys.argv[2])
docs = []
sequences, category_of = defaultdict(list), {}
for r in dump:
    if r["doc_id"] not in category_of:
        docs.append(r["doc_id"])
    category_of[r["doc_id"]] = r["category"]
    sequences[r["doc_id"]].append(r["term"] or None)
terms_of = {d: [t for t in sequences[d] if t] for d in docs}
problems = []
def close(name, got, want):
    got = float(got)
    if not math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12):
        problems.append(f"{name}: kiji {got!r}, reference {want!r}")
def same(name, got, want):
    if str(got) != str(want):
        problems.append(f"{name}: kiji {got!r}, reference {want!r}")
def finish():
    print("ok" if not problems else "\n".join(problems[:20]))

"""#

    /// word-frequency by=category: tf, df and denominators, row for row.
    static let wordFrequency = prelude + #"""
groups = sorted(set(category_of.values()) - {"(missing)"}) + (["(missing)"] if "(missing)" in category_of.values() else [])
expected = []
for g in groups:
    members = [d for d in docs if category_of[d] == g]
    tf = Counter(t for d in members for t in terms_of[d])
    df = Counter(t for d in members for t in set(terms_of[d]))
    total = sum(tf.values())
    for term in sorted(tf, key=lambda t: (-tf[t], t.encode())):
        expected.append([g, term, str(tf[term]), str(df[term]), str(total), str(len(members))])
got = [[r["category"], r["term"], r["tf"], r["df"], r["tokens_total"], r["documents_total"]] for r in output]
same("row count", len(got), len(expected))
for i, (a, b) in enumerate(zip(got, expected)):
    same(f"row {i + 1}", a, b)
finish()
"""#

    /// ngrams by=category: n-grams that never span a dropped token, row for row.
    static let ngrams = prelude + #"""
n = int(sys.argv[3])
def grams(d):
    s = sequences[d]
    return [" ".join(s[i:i + n]) for i in range(len(s) - n + 1) if all(s[i:i + n])]
groups = sorted(set(category_of.values()) - {"(missing)"}) + (["(missing)"] if "(missing)" in category_of.values() else [])
expected = []
for g in groups:
    members = [d for d in docs if category_of[d] == g]
    tf = Counter(x for d in members for x in grams(d))
    df = Counter(x for d in members for x in set(grams(d)))
    for x in sorted(tf, key=lambda x: (-tf[x], x.encode())):
        expected.append([g, x, str(n), str(tf[x]), str(df[x]), str(sum(tf.values())), str(len(members))])
got = [[r["category"], r["ngram"], r["n"], r["tf"], r["df"], r["ngrams_total"], r["documents_total"]] for r in output]
same("row count", len(got), len(expected))
for i, (a, b) in enumerate(zip(got, expected)):
    same(f"row {i + 1}", a, b)
finish()

"""#

    /// tfidf unit=group scheme=count-log10 with NumPy: quanteda's dfm_group + dfm_tfidf.
    static let tfidfGroups = prelude + #"""
import numpy as np
groups = sorted(set(category_of.values()) - {"(missing)"}) + (["(missing)"] if "(missing)" in category_of.values() else [])
vocabulary = sorted({t for d in docs for t in terms_of[d]})
counts = np.array([[sum(terms_of[d].count(t) for d in docs if category_of[d] == g) for t in vocabulary] for g in groups], dtype=float)
idf = np.log10(len(groups) / (counts > 0).sum(axis=0))
weights = counts * idf
same("row count", len(output), int((counts > 0).sum()))
for r in output:
    i, j = groups.index(r["category"]), vocabulary.index(r["term"])
    close(f"{r['category']} {r['term']}", r["tfidf"], weights[i, j])
    same(f"{r['category']} {r['term']} tf", r["tf"], int(counts[i, j]))
finish()

"""#

    /// keyness target=政治 against the rest: quanteda's formulas, written out
    /// again from its documentation, with SciPy's chi-square tail for p.
    static let keyness = prelude + #"""
from scipy.stats import chi2 as chi2_dist
target = Counter(t for d in docs if category_of[d] == "政治" for t in terms_of[d])
reference = Counter(t for d in docs if category_of[d] != "政治" for t in terms_of[d])
tN, rN = sum(target.values()), sum(reference.values())
eps = 1e-9
def stats(a, b):
    c, d = tN - a, rN - b
    N = a + b + c + d
    E = (a + b) * (a + c) / N
    yates = 0.5 if abs(a * d - b * c) >= N / 2 and min((a + b) * (a + c), (a + b) * (b + d), (a + c) * (c + d), (c + d) * (b + d)) / N < 5 else 0.0
    s = 1.0 if a > E else -1.0
    chi2 = N * (abs(a * d - b * c) - N * yates) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d)) * s
    sg = a * d - b * c > 0
    aa, bb, cc, dd = (a - yates, b + yates, c + yates, d - yates) if sg else (a + yates, b - yates, c - yates, d + yates)
    def term(o, e): return o * math.log(o / e + eps)
    g2 = 2 * (term(aa, (aa + bb) * (aa + cc) / N) + term(bb, (aa + bb) * (bb + dd) / N)
              + term(cc, (aa + cc) * (cc + dd) / N) + term(dd, (bb + dd) * (cc + dd) / N)) * s
    return chi2, chi2_dist.sf(abs(chi2), 1), g2, math.log(a / E + eps)
features = sorted(set(target) | set(reference))
reference_rows = {f: stats(target[f], reference[f]) for f in features}
order = sorted(features, key=lambda f: (-reference_rows[f][0], f.encode()))
same("row count", len(output), len(features))
for i, (r, f) in enumerate(zip(output, order)):
    same(f"row {i + 1} term", r["term"], f)
    chi2, p, g2, pmi = reference_rows[r["term"]]
    same(f"{f} n_target", r["n_target"], target[r["term"]])
    same(f"{f} n_reference", r["n_reference"], reference[r["term"]])
    close(f"{f} chi2", r["chi2"], chi2)
    close(f"{f} p", r["p"], p)
    close(f"{f} G2", r["G2"], g2)
    close(f"{f} pmi", r["pmi"], pmi)
finish()
"""#

    /// collocations: quanteda's algorithm as its C++ does it, by brute force
    /// (match patterns of every bigram against every bigram), plus the 2×2 table.
    static let collocations = prelude + #"""
n = int(sys.argv[3])
grams = Counter()
for d in docs:
    s = sequences[d]
    for i in range(len(s) - n + 1):
        w = s[i:i + n]
        if all(w):
            grams[tuple(w)] += 1
N = sum(grams.values())
by_name = {" ".join(g): g for g in grams}
same("row count", len(output), sum(1 for c in grams.values() if c >= 2))
for r in output:
    g = by_name[r["collocation"]]
    bits = [0.5] * (2 ** n)
    for h, c in grams.items():
        bits[sum(2 ** i for i in range(n) if g[i] == h[i])] += c
    lam = sum((-1) ** (n - bin(b).count("1")) * math.log(bits[b]) for b in range(2 ** n))
    z = lam / math.sqrt(sum(1 / x for x in bits))
    same(f"{g} count", r["count"], grams[g])
    close(f"{g} lambda", r["lambda"], lam)
    close(f"{g} z", r["z"], z)
    marginals = [sum(c for h, c in grams.items() if h[i] == g[i]) for i in range(n)]
    expected = N * math.prod(m / N for m in marginals)
    close(f"{g} pmi", r["pmi"], math.log(grams[g] / expected))
    close(f"{g} t", r["t"], (grams[g] - expected) / math.sqrt(grams[g]))
    if n == 2:
        o11 = grams[g]; o12 = marginals[0] - o11; o21 = marginals[1] - o11; o22 = N - o11 - o12 - o21
        table = [(o11, marginals[0], marginals[1]), (o12, marginals[0], N - marginals[1]),
                 (o21, N - marginals[0], marginals[1]), (o22, N - marginals[0], N - marginals[1])]
        close(f"{g} G2", r["G2"], 2 * sum(o * math.log(o / (rw * cl / N)) for o, rw, cl in table if o > 0))
zs = [float(r["z"]) for r in output]
same("sorted by z", zs, sorted(zs, reverse=True))
finish()
"""#

    /// tfidf scheme=count-ln-smooth against scikit-learn's TfidfVectorizer.
    static let tfidf = prelude + #"""
from sklearn.feature_extraction.text import TfidfVectorizer
vectorizer = TfidfVectorizer(analyzer=lambda d: terms_of[d], norm=None, smooth_idf=True)
matrix = vectorizer.fit_transform(docs).toarray()
vocabulary = vectorizer.vocabulary_
expected = {}
for i, d in enumerate(docs):
    for t in set(terms_of[d]):
        expected[(d, t)] = matrix[i, vocabulary[t]]
same("row count", len(output), len(expected))
for r in output:
    close(f"{r['doc_id']} {r['term']}", r["tfidf"], expected[(r["doc_id"], r["term"])])
finish()
"""#

    /// dfm format=mtx read back with scipy.io.mmread.
    static let dfm = prelude + #"""
import scipy.io
folder = sys.argv[3]
matrix = scipy.io.mmread(folder + "/matrix.mtx").toarray()
features = [r["feature"] for r in rows(folder + "/features.csv")]
docvars = rows(folder + "/docvars.csv")
same("documents", [r["doc_id"] for r in docvars], docs)
same("categories", [r["category"] for r in docvars], [category_of[d] if category_of[d] != "(missing)" else "" for d in docs])
first_seen = []
for d in docs:
    for t in terms_of[d]:
        if t not in first_seen:
            first_seen.append(t)
same("features", features, first_seen)
same("shape", matrix.shape, (len(docs), len(first_seen)))
for i, d in enumerate(docs):
    counts = Counter(terms_of[d])
    for j, t in enumerate(features):
        if matrix[i, j] != counts[t]:
            problems.append(f"{d} {t}: mtx {matrix[i, j]}, reference {counts[t]}")
finish()
"""#

    /// dictionary by=category: the documented matching (lua-api.md, kiji.Dictionary)
    /// worked through on a dump of every token (doc_id,category,surface,base).
    /// argv[3] is the dictionary as JSON: {category: [entries]}.
    static let dictionary = #"""
import csv, json, sys, unicodedata
from collections import defaultdict
from fnmatch import fnmatchcase
def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
dump, output = rows(sys.argv[1]), rows(sys.argv[2])
dictionary = json.loads(sys.argv[3])
docs, category_of, tokens = [], {}, defaultdict(list)
for r in dump:
    if r["doc_id"] not in category_of:
        docs.append(r["doc_id"])
    category_of[r["doc_id"]] = r["category"]
    tokens[r["doc_id"]].append((r["surface"], r["base"]))
def matches(entries, toks):
    entries = [unicodedata.normalize("NFKC", e) for e in entries]
    exact = {e for e in entries if "*" not in e and "?" not in e}
    globs = [e for e in entries if e not in exact]
    count, i = 0, 0
    while i < len(toks):
        lengths = []
        surface, base = toks[i]
        if base in exact or surface in exact or any(fnmatchcase(surface, g) or fnmatchcase(base, g) for g in globs):
            lengths.append(1)
        for j in range(i + 1, len(toks)):
            if "".join(t[0] for t in toks[i:j + 1]) in exact:
                lengths.append(j - i + 1)
        if lengths:
            count, i = count + 1, i + max(lengths)
        else:
            i += 1
    return count
groups = sorted(set(category_of.values()) - {"(missing)"}) + (["(missing)"] if "(missing)" in category_of.values() else [])
expected = []
for g in groups:
    members = [d for d in docs if category_of[d] == g]
    for key, entries in dictionary.items():
        counts = [matches(entries, tokens[d]) for d in members]
        expected.append([g, key, str(sum(counts)), str(sum(1 for c in counts if c > 0)), str(len(members)),
                         str(sum(len(tokens[d]) for d in members))])
got = [[r["category"], r["key"], r["matches"], r["documents"], r["documents_total"], r["tokens"]] for r in output]
problems = [f"row {i + 1}: kiji {a}, reference {b}" for i, (a, b) in enumerate(zip(got, expected)) if a != b]
if len(got) != len(expected):
    problems.append(f"rows: kiji {len(got)}, reference {len(expected)}")
print("ok" if not problems else "\n".join(problems[:20]))
"""#
}
