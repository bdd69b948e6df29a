-- Self-tests of co-mentions (run with: kiji test co-mentions).
return {
  {
    name = "pairs per sentence, compounds separately, Jaccard over sentences",
    documents = {
      { id = "a", text = "石破首相とトランプ大統領が会談。日米同盟を確認。トランプ氏は帰国。" },
    },
    rows = {
      { actor_a = "ドナルド・トランプ", actor_b = "石破茂", scope = "sentence", count = 1, jaccard = 0.5, source = "co-mention" },
      { actor_a = "日本", actor_b = "米国", scope = "sentence", count = 1, jaccard = 1, source = "compound" },
    },
  },
  {
    name = "scope=article",
    params = { scope = "article" },
    documents = {
      { id = "a", text = "中国の発表。ロシアの反応。" },
      { id = "b", text = "中国だけ。" },
    },
    rows = {
      { actor_a = "ロシア", actor_b = "中国", scope = "article", count = 1, jaccard = 0.5, source = "co-mention" },
    },
  },
  {
    name = "by=category: an edge list and Jaccard per category, documents without one last",
    params = { scope = "article", by = "category" },
    documents = {
      { id = "a", category = "国際", text = "中国の発表。ロシアの反応。" },
      { id = "b", category = "国際", text = "中国だけ。" },
      { id = "c", text = "中国とロシア。" },
    },
    rows = {
      { category = "国際", actor_a = "ロシア", actor_b = "中国", count = 1, jaccard = 0.5 },
      { category = "(missing)", actor_a = "ロシア", actor_b = "中国", count = 1, jaccard = 1 },
    },
  },
}
