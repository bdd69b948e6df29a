-- Self-tests of dfm (run with: kiji test dfm). The Matrix Market files are
-- checked end to end with SciPy in Tests/KijiCLITests/TextAsDataTests.swift.
local documents = {
  { id = "a", category = "x", text = "中国と日本と中国" },
  { id = "b", category = "y", text = "日本" },
  { id = "c", category = "x", text = "米国" },
}
return {
  {
    name = "long format: one row per non-zero cell, features in order of first appearance",
    documents = documents,
    rows = {
      { doc_id = "a", feature = "中国", count = 2 },
      { doc_id = "a", feature = "日本", count = 1 },
      { doc_id = "b", feature = "日本", count = 1 },
      { doc_id = "c", feature = "米国", count = 1 },
    },
  },
  {
    name = "by=category sums the documents of each group; min_count drops rare features",
    params = { by = "category", min_count = "2" },
    documents = documents,
    rows = {
      { category = "x", feature = "中国", count = 2 },
      { category = "x", feature = "日本", count = 1 },
      { category = "y", feature = "日本", count = 1 },
    },
  },
  {
    name = "format=mtx lists the three files with the matrix's shape",
    params = { format = "mtx" },
    documents = documents,
    rows = {
      { file = "matrix.mtx", rows = 3, columns = 3, entries = 4 },
      { file = "features.csv", rows = 3, columns = 4 },
      { file = "docvars.csv", rows = 3 },
    },
  },
}
