-- Self-tests of word-frequency (run with: kiji test word-frequency).
return {
  {
    name = "nouns by default: tf and df with their denominators, most frequent first, ties by bytes",
    documents = {
      { id = "a", text = "日本と中国。中国の経済。" },
      { id = "b", text = "中国の首相が来日した。" },
    },
    rows = {
      { term = "中国", tf = 3, df = 2, tokens_total = 7, documents_total = 2 },
      { term = "日本", tf = 1, df = 1 },
      { term = "来日", tf = 1, df = 1 },
      { term = "経済", tf = 1, df = 1 },
      { term = "首相", tf = 1, df = 1 },
    },
  },
  {
    name = "by=category, top 1 per group, base forms of verbs, stop words",
    params = { by = "category", top = "1", pos = "動詞", exclude_pos = "", form = "base", stopwords = "する" },
    documents = {
      { id = "a", category = "x", text = "走った。走る。した。" },
      { id = "b", category = "y", text = "見た。" },
      { id = "c", text = "書いた。" },
    },
    rows = {
      { category = "x", term = "走る", tf = 2, df = 1, tokens_total = 2 },
      { category = "y", term = "見る", tf = 1 },
      { category = "(missing)", term = "書く", tf = 1 },
    },
  },
  {
    name = "brackets that normalisation made ASCII, and emoji, are symbols, not nouns; numbers are left out",
    documents = { { id = "a", text = "（中国）２０２５年✅★" } },
    rows = {
      { term = "中国", tf = 1, tokens_total = 2 },
      { term = "年", tf = 1 },
    },
  },
}
