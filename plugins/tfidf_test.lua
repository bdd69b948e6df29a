-- Self-tests of tfidf (run with: kiji test tfidf).
-- Three documents; 中国 is in all three (idf 0), 経済 in one: log10(3/1) = 0.47712125471966244.
local documents = {
  { id = "a", category = "x", text = "中国と経済と経済" },
  { id = "b", category = "x", text = "中国と日本" },
  { id = "c", category = "y", text = "中国と日本" },
}
return {
  {
    name = "count-log10 per document, terms in all documents weigh 0",
    params = { top = "2" },
    documents = documents,
    rows = {
      { doc_id = "a", term = "経済", tf = 2, df = 1, units_total = 3, idf = 0.47712125471966244,
        tfidf = 0.9542425094393249, scheme = "count-log10" },
      { doc_id = "a", term = "中国", tf = 1, df = 3, tfidf = 0 },
      { doc_id = "b", term = "日本", tf = 1, df = 2, tfidf = 0.17609125905568124 },
      { doc_id = "b", term = "中国", tfidf = 0 },
      { doc_id = "c", term = "日本", tfidf = 0.17609125905568124 },
      { doc_id = "c", term = "中国", tfidf = 0 },
    },
  },
  {
    name = "unit=group pools the documents of each category; scikit-learn's smooth idf",
    params = { unit = "group", by = "category", scheme = "count-ln-smooth", top = "1" },
    documents = documents,
    rows = {
      -- x: 経済 2 (df 1 of 2 groups): 2 · (ln(3/2) + 1) = 2.8109302162163288
      { category = "x", term = "経済", tf = 2, df = 1, units_total = 2, tfidf = 2.8109302162163288 },
      -- y: 中国 and 日本 tie at 1 · (ln(3/3) + 1) = 1; ties by term bytes
      { category = "y", term = "中国", tf = 1, df = 2, tfidf = 1 },
    },
  },
}
