-- Self-tests of ngrams (run with: kiji test ngrams).
return {
  {
    name = "bigrams never span a dropped token (here the symbol 。)",
    documents = {
      { id = "a", text = "日米同盟。日米同盟" },
      { id = "b", text = "日米関係" },
    },
    rows = {
      { ngram = "日 米", n = 2, tf = 3, df = 2, ngrams_total = 6, documents_total = 2 },
      { ngram = "米 同盟", tf = 2, df = 1 },
      { ngram = "米 関係", tf = 1, df = 1 },
    },
  },
  {
    name = "trigrams per category with min_count",
    params = { n = "3", by = "category", min_count = "2" },
    documents = {
      { id = "a", category = "x", text = "日米同盟と日米同盟" },
      { id = "b", category = "y", text = "日米同盟" },
    },
    rows = {
      { category = "x", ngram = "日 米 同盟", n = 3, tf = 2, ngrams_total = 5 },
    },
  },
}
