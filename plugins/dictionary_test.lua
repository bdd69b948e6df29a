-- Self-tests of dictionary (run with: kiji test dictionary).
-- dictionaries/politics.yml: 安全保障 = 防衛*, 抑止, 軍事; 外交.同盟 = 日米同盟, 同盟国; 外交.対話 = 会談, 協議.
local documents = {
  { id = "a", date = "2025-01-05", title = "", category = "政治", text = "日米同盟と防衛費。防衛力で抑止する。" },
  { id = "b", date = "2025-02-10", title = "", category = "経済", text = "首脳会談で協議した。" },
  { id = "c", title = "", category = "政治", text = "同盟国と協議。" },
}

return {
  {
    name = "matches, documents and tokens per category for the whole corpus",
    params = { dictionary = "dictionaries/politics.yml" },
    documents = documents,
    rows = {
      { key = "安全保障", matches = 3, documents = 1, documents_total = 3, tokens = 25 },
      { key = "外交.同盟", matches = 2, documents = 2, documents_total = 3, tokens = 25 },
      { key = "外交.対話", matches = 3, documents = 2, documents_total = 3, tokens = 25 },
    },
  },
  {
    name = "by=category groups by a metadata field",
    params = { dictionary = "dictionaries/politics.yml", by = "category" },
    documents = documents,
    rows = {
      { category = "政治", key = "安全保障", matches = 3, documents = 1, documents_total = 2 },
      { category = "政治", key = "外交.同盟", matches = 2, documents = 2, documents_total = 2 },
      { category = "政治", key = "外交.対話", matches = 1, documents = 1, documents_total = 2 },
      { category = "経済", key = "安全保障", matches = 0, documents = 0, documents_total = 1 },
      { category = "経済", key = "外交.同盟", matches = 0, documents = 0, documents_total = 1 },
      { category = "経済", key = "外交.対話", matches = 2, documents = 1, documents_total = 1 },
    },
  },
  {
    name = "per=document with by=month: a row per document and category, undated last",
    params = { dictionary = "dictionaries/politics.yml", by = "month", per = "document" },
    documents = documents,
    rows = {
      { month = "2025-01", doc_id = "a", key = "安全保障", matches = 3, tokens = 13 },
      { month = "2025-01", doc_id = "a", key = "外交.同盟", matches = 1 },
      { month = "2025-01", doc_id = "a", key = "外交.対話", matches = 0 },
      { month = "2025-02", doc_id = "b", key = "安全保障", matches = 0, tokens = 7 },
      { month = "2025-02", doc_id = "b", key = "外交.同盟", matches = 0 },
      { month = "2025-02", doc_id = "b", key = "外交.対話", matches = 2 },
      { month = "undated", doc_id = "c", key = "安全保障", matches = 0, tokens = 5 },
      { month = "undated", doc_id = "c", key = "外交.同盟", matches = 1 },
      { month = "undated", doc_id = "c", key = "外交.対話", matches = 1 },
    },
  },
  {
    name = "by=category,month: every month of the corpus for every category value, undated last",
    params = { dictionary = "dictionaries/politics.yml", by = "category,month" },
    documents = documents,
    rows = {
      { category = "政治", month = "2025-01", key = "安全保障", matches = 3, documents = 1, documents_total = 1, tokens = 13 },
      { category = "政治", month = "2025-01", key = "外交.同盟", matches = 1 },
      { category = "政治", month = "2025-01", key = "外交.対話", matches = 0 },
      { category = "政治", month = "2025-02", key = "安全保障", matches = 0, documents_total = 0, tokens = 0 },
      { category = "政治", month = "2025-02", key = "外交.同盟", matches = 0 },
      { category = "政治", month = "2025-02", key = "外交.対話", matches = 0 },
      { category = "政治", month = "undated", key = "安全保障", matches = 0, documents_total = 1, tokens = 5 },
      { category = "政治", month = "undated", key = "外交.同盟", matches = 1 },
      { category = "政治", month = "undated", key = "外交.対話", matches = 1 },
      { category = "経済", month = "2025-01", key = "安全保障", matches = 0, documents_total = 0 },
      { category = "経済", month = "2025-01", key = "外交.同盟", matches = 0 },
      { category = "経済", month = "2025-01", key = "外交.対話", matches = 0 },
      { category = "経済", month = "2025-02", key = "安全保障", matches = 0, documents_total = 1, tokens = 7 },
      { category = "経済", month = "2025-02", key = "外交.同盟", matches = 0 },
      { category = "経済", month = "2025-02", key = "外交.対話", matches = 2 },
      { category = "経済", month = "undated", key = "安全保障", matches = 0, documents_total = 0 },
      { category = "経済", month = "undated", key = "外交.同盟", matches = 0 },
      { category = "経済", month = "undated", key = "外交.対話", matches = 0 },
    },
  },
}
