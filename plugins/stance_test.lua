-- Self-tests of stance (run with: kiji test stance).
return {
  {
    name = "negation after the cue cancels it; an affirming ない does not",
    documents = {
      { id = "a", text = "政府は中国を脅威とは見なしていない。" },
      { id = "b", text = "中国の威圧が続く。日米同盟の重要性は変わらない。" },
    },
    rows = {
      { doc_id = "a", target = "中国", stance = "neutral", score = 0, sentences = 1 },
      { doc_id = "a", target = "日米同盟", stance = "not mentioned" },
      { doc_id = "b", target = "中国", stance = "threat", score = 2, evidence = "中国の威圧が続く。" },
      { doc_id = "b", target = "日米同盟", stance = "strengthen", evidence = "日米同盟の重要性は変わらない。" },
    },
  },
  {
    name = "by=year counts articles per label",
    params = { by = "year" },
    documents = {
      { id = "a", date = "2024-05-01", text = "中国の脅威。" },
      { id = "b", date = "2025-05-01", text = "中国との対話。" },
    },
    rows = {
      { year = "2024", target = "中国", stance = "threat", articles = 1 },
      { year = "2024", target = "中国", stance = "cooperative", articles = 0 },
      { year = "2024", target = "中国", stance = "mixed", articles = 0 },
      { year = "2024", target = "中国", stance = "neutral", articles = 0 },
      { year = "2024", target = "中国", stance = "not mentioned", articles = 0 },
      { year = "2024", target = "日米同盟", stance = "strengthen", articles = 0 },
      { year = "2024", target = "日米同盟", stance = "critical", articles = 0 },
      { year = "2024", target = "日米同盟", stance = "mixed", articles = 0 },
      { year = "2024", target = "日米同盟", stance = "neutral", articles = 0 },
      { year = "2024", target = "日米同盟", stance = "not mentioned", articles = 1 },
      { year = "2025", target = "中国", stance = "threat", articles = 0 },
      { year = "2025", target = "中国", stance = "cooperative", articles = 1 },
      { year = "2025", target = "中国", stance = "mixed", articles = 0 },
      { year = "2025", target = "中国", stance = "neutral", articles = 0 },
      { year = "2025", target = "中国", stance = "not mentioned", articles = 0 },
      { year = "2025", target = "日米同盟", stance = "strengthen", articles = 0 },
      { year = "2025", target = "日米同盟", stance = "critical", articles = 0 },
      { year = "2025", target = "日米同盟", stance = "mixed", articles = 0 },
      { year = "2025", target = "日米同盟", stance = "neutral", articles = 0 },
      { year = "2025", target = "日米同盟", stance = "not mentioned", articles = 1 },
    },
  },
  {
    name = "an agenda is neutral, opposing cues are mixed, a reporting verb names the holder",
    documents = {
      { id = "agenda", text = "次の会談では日米同盟の協力が焦点となる。" },
      { id = "mixed", text = "中国との対話は進むが、中国の威圧も続く。" },
      { id = "holder", text = "首相は同盟国である米国との協力の重要性を強調した。" },
    },
    rows = {
      { doc_id = "agenda", target = "中国", stance = "not mentioned" },
      { doc_id = "agenda", target = "日米同盟", stance = "neutral", score = 0, holder = "" },
      { doc_id = "mixed", target = "中国", stance = "mixed", score = 0 },
      { doc_id = "mixed", target = "日米同盟", stance = "not mentioned" },
      { doc_id = "holder", target = "中国", stance = "not mentioned" },
      { doc_id = "holder", target = "日米同盟", stance = "strengthen", score = 2, holder = "首相" },
    },
  },
}
