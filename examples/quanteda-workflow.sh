#!/usr/bin/env bash
# A quanteda-style workflow from the command line: word frequencies per
# group, keyness of one group against the rest, and a document-feature
# matrix read back in Python. Usage:
#   examples/quanteda-workflow.sh OUTDIR [CORPUS…]
# Groups are years here, because the bundled seeds/ have no metadata; with
# your own corpus use any field, e.g. by=category and target=政治.
# KIJI and PYTHON name the programs (default: kiji and python3, which needs SciPy).
set -euo pipefail
out=${1:?usage: quanteda-workflow.sh OUTDIR [CORPUS…]}
shift
kiji=${KIJI:-kiji}
python=${PYTHON:-python3}
mkdir -p "$out"

# 1. The ten most frequent nouns per year (quanteda: dfm_group + topfeatures).
"$kiji" run word-frequency "$@" --param by=year --param top=10 -o "$out/frequency.csv"

# 2. What marks 2025 out against every other year (textstat_keyness, chi2 with Yates' correction).
"$kiji" run keyness "$@" --param by=year --param target=2025 --param top=20 -o "$out/keyness.csv"

# 3. The document-feature matrix (dfm + dfm_trim(min_termfreq = 2)), read back in Python.
"$kiji" run dfm "$@" --param format=mtx --param min_count=2 --output-dir "$out/dfm" -o "$out/dfm-files.csv"
"$python" "$(dirname "$0")/read-dfm.py" "$out/dfm"
