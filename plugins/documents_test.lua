-- Self-tests of documents (run with: kiji test documents).
return {
  {
    name = "one row per document in input order, with a 30-character excerpt",
    documents = {
      { id = "z", date = "2025-01-31", title = "見出し", authors = { "記者A", "記者B" },
        text = "一行目の本文です。\n二行目は続きで、ここまでで三十文字を超える長さにします。" },
      { id = "a", title = "日付は本文に", text = "2024年5月1日に発表。" },
    },
    rows = {
      { id = "z", date = "2025-01-31", date_origin = "stated", authors = "記者A; 記者B", title = "見出し",
        excerpt = "一行目の本文です。 二行目は続きで、ここまでで三十文字を超え", chars = 38 },
      { id = "a", date = "2024-05-01", date_origin = "text", authors = "", excerpt = "2024年5月1日に発表。", chars = 13 },
    },
  },
  {
    name = "duplicates name the first document with the same text; a page's description of itself is boilerplate",
    documents = {
      { id = "a", text = "防衛費の増額を 政府が決めた。" },
      { id = "p", text = "本ページでは「日米同盟」をテーマとした記事を一覧で掲載しています。" },
      { id = "b", text = "防衛費の増額を  政府が決めた。 " },
      { id = "c", text = "ＡＢＣの記事を読んだ。" },
      { id = "d", text = "ABCの記事を読んだ。" },
    },
    rows = {
      { id = "a", duplicate_of = "", boilerplate = "false" },
      { id = "p", duplicate_of = "", boilerplate = "true" },
      { id = "b", duplicate_of = "a", boilerplate = "false" },
      { id = "c", duplicate_of = "", boilerplate = "false" },
      { id = "d", duplicate_of = "c", boilerplate = "false" },
    },
  },
  {
    name = "by=category,year puts each document's groups first, in input order",
    params = { by = "category,year" },
    documents = {
      { id = "b", date = "2025-02-01", category = "政治", text = "本文。" },
      { id = "a", category = "外交", text = "日付のない本文。" },
      { id = "c", date = "2024-12-31", text = "分類のない本文。" },
    },
    rows = {
      { category = "政治", year = "2025", id = "b" },
      { category = "外交", year = "undated", id = "a" },
      { category = "(missing)", year = "2024", id = "c" },
    },
  },
}
