-- Self-tests of kwic (run with: kiji test kwic).
return {
  {
    name = "an actor under every alias, with context",
    params = { actor = "石破茂", window = 3 },
    documents = {
      { id = "a", date = "2025-01-10", text = "本日、石破首相が。石破茂総理は。" },
    },
    rows = {
      { doc_id = "a", date = "2025-01-10", left = "本日、", match = "石破", right = "首相が" },
      { doc_id = "a", left = "相が。", match = "石破茂", right = "総理は" },
    },
  },
  {
    name = "a term, normalised",
    params = { term = "ＮＡＴＯ", window = 2 },
    documents = { { id = "a", text = "対NATO関係" } },
    rows = { { doc_id = "a", left = " 対", match = "NATO", right = "関係" } },
  },
  {
    name = "by=category,month puts each hit's groups first, in corpus order",
    params = { term = "同盟", window = 1, by = "category,month" },
    documents = {
      { id = "b", date = "2025-02-01", category = "政治", text = "日米同盟。" },
      { id = "a", category = "外交", text = "同盟国" },
      { id = "c", date = "2025-01-15", text = "同盟と同盟" },
    },
    rows = {
      { category = "政治", month = "2025-02", doc_id = "b", left = "米", match = "同盟", right = "。" },
      { category = "外交", month = "undated", doc_id = "a", left = " ", match = "同盟", right = "国" },
      { category = "(missing)", month = "2025-01", doc_id = "c", left = " ", match = "同盟", right = "と" },
      { category = "(missing)", month = "2025-01", doc_id = "c", left = "と", match = "同盟", right = "" },
    },
  },
}
