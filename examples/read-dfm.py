"""Reads a dfm written by `kiji run dfm --param format=mtx --output-dir DIR`
and prints its shape and the five most frequent features with their counts
summed over the rows. Usage: python3 read-dfm.py DIR"""
import csv
import sys

import scipy.io

folder = sys.argv[1]
matrix = scipy.io.mmread(f"{folder}/matrix.mtx").tocsr()
with open(f"{folder}/features.csv", encoding="utf-8", newline="") as f:
    features = [row["feature"] for row in csv.DictReader(f)]
with open(f"{folder}/docvars.csv", encoding="utf-8", newline="") as f:
    documents = [row["doc_id"] for row in csv.DictReader(f)]
assert matrix.shape == (len(documents), len(features)), "the matrix and the CSV files disagree"
print(f"documents,features,entries\n{matrix.shape[0]},{matrix.shape[1]},{matrix.nnz}")
totals = matrix.sum(axis=0).A1
print("feature,count")
for j in sorted(range(len(features)), key=lambda j: (-totals[j], features[j]))[:5]:
    print(f"{features[j]},{int(totals[j])}")
