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
}
