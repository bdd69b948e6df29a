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
    name = "format=gephi merges a pair found as co-mention and compound, counting each sentence once",
    params = { format = "gephi" },
    documents = {
      { id = "a", text = "日米同盟について日本と米国が協議。米国と日本は合意。中国と米国も。" },
    },
    rows = {
      { Source = "日本", Target = "米国", Weight = 2, Type = "Undirected" },
      { Source = "中国", Target = "米国", Weight = 1, Type = "Undirected" },
    },
  },
  {
    name = "format=nodes lists actors with type and the units naming them",
    params = { format = "nodes" },
    documents = {
      { id = "a", text = "日米同盟について日本と米国が協議。米国と日本は合意。中国と米国も。" },
    },
    rows = {
      { Id = "米国", Label = "米国", type = "country", mentions = 3 },
      { Id = "日本", Label = "日本", type = "country", mentions = 2 },
      { Id = "中国", Label = "中国", type = "country", mentions = 1 },
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
    name = "compounds=split: 日米 links Japan and the US to the sentence's other actors",
    documents = {
      { id = "a", text = "日米は中国への対応を協議した。" },
      { id = "b", text = "日米首脳会談と日米外相会談が続いた。" },
      { id = "c", text = "米中対立の中で日本は動いた。" },
    },
    rows = {
      { actor_a = "中国", actor_b = "日本", count = 2, jaccard = 0.6667, source = "co-mention" },
      { actor_a = "日本", actor_b = "米国", count = 2, jaccard = 0.5, source = "compound" },
      { actor_a = "中国", actor_b = "米国", count = 1, jaccard = 0.25, source = "co-mention" },
      { actor_a = "中国", actor_b = "米国", count = 1, jaccard = 0.25, source = "compound" },
      { actor_a = "日本", actor_b = "米国", count = 1, jaccard = 0.2, source = "co-mention" },
    },
  },
  {
    name = "compounds=pair: a compound gives only the pair inside it; ignore: nothing",
    params = { compounds = "pair" },
    documents = {
      { id = "a", text = "日米は中国への対応を協議した。" },
      { id = "c", text = "米中対立の中で日本は動いた。" },
    },
    rows = {
      { actor_a = "中国", actor_b = "米国", count = 1, source = "compound" },
      { actor_a = "日本", actor_b = "米国", count = 1, source = "compound" },
    },
  },
  {
    name = "compounds=ignore",
    params = { compounds = "ignore" },
    documents = { { id = "a", text = "日米は中国への対応を協議した。" } },
    rows = {},
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
