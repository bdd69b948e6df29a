-- Self-tests of actor-frequency (run with: kiji test actor-frequency).
return {
  {
    name = "aliases and titles count once; 日米 is a pair, not a mention",
    documents = {
      { id = "a", date = "2025-01-10", text = "石破首相と石破茂総理、石破氏。日米同盟。" },
      { id = "b", date = "2025-02-01", text = "トランプ大統領と米軍。台湾海峡。" },
    },
    rows = {
      { actor = "石破茂", type = "person", mentions = 3, articles = 1, first_date = "2025-01-10", last_date = "2025-01-10" },
      { actor = "ドナルド・トランプ", type = "person", mentions = 1, articles = 1 },
      { actor = "米軍", type = "organisation", mentions = 1, articles = 1 },
    },
  },
  {
    name = "by=month gives every actor every month",
    params = { by = "month" },
    documents = {
      { id = "a", date = "2025-01-10", text = "中国" },
      { id = "b", date = "2025-03-01", text = "中国と北朝鮮" },
    },
    rows = {
      { month = "2025-01", actor = "中国", mentions = 1 },
      { month = "2025-01", actor = "北朝鮮", mentions = 0 },
      { month = "2025-02", actor = "中国", mentions = 0 },
      { month = "2025-02", actor = "北朝鮮", mentions = 0 },
      { month = "2025-03", actor = "中国", mentions = 1 },
      { month = "2025-03", actor = "北朝鮮", mentions = 1 },
    },
  },
  {
    name = "by=category gives every actor every category, documents without one last",
    params = { by = "category" },
    documents = {
      { id = "a", category = "国際", text = "中国" },
      { id = "b", text = "中国と北朝鮮" },
    },
    rows = {
      { category = "国際", actor = "中国", mentions = 1, articles = 1 },
      { category = "国際", actor = "北朝鮮", mentions = 0, articles = 0 },
      { category = "(missing)", actor = "中国", mentions = 1, articles = 1 },
      { category = "(missing)", actor = "北朝鮮", mentions = 1, articles = 1 },
    },
  },
}
