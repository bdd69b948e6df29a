-- A KH Coder-style coding rule as a plugin:
--   *安保と中国 : (日米同盟 | 安保) & near(中国 - 脅威)
-- fires for a sentence that contains 日米同盟 or 安保, and 中国 and 脅威 at
-- most `distance` characters apart. One row per month: sentences and
-- articles where the code fires, beside the month's totals.
-- Run: kiji run examples/coding-rule.lua [CORPUS…] [--param distance=10]

local function positions(text, word)
  local found, from = {}, 1
  while true do
    local s, e = text:find(word, from, true)
    if not s then return found end
    found[#found + 1] = utf8.len(text, 1, s)   -- character position
    from = e + 1
  end
end

local function near(text, a, b, distance)
  for _, x in ipairs(positions(text, a)) do
    for _, y in ipairs(positions(text, b)) do
      if math.abs(x - y) <= distance then return true end
    end
  end
  return false
end

local function fires(sentence, params)
  local text = sentence.text
  local either = text:find("日米同盟", 1, true) or text:find("安保", 1, true)
  return either and near(text, "中国", "脅威", params.distance)
end

return {
  name = "coding-rule",
  description = "A KH Coder-style code: (日米同盟 | 安保) & near(中国 - 脅威) within a sentence",
  params = { distance = { type = "integer", default = "10", help = "characters allowed between 中国 and 脅威" } },
  columns = { "month", "code", "sentences", "articles", "articles_total" },
  group_by = { "month", "code" },
  aggregate = { sentences = "sum", articles = "sum", articles_total = "sum" },
  periods = { month = "month" },
  map = function(doc, emit, params)
    local hits = 0
    for _, sentence in ipairs(doc:sentences()) do
      if fires(sentence, params) then hits = hits + 1 end
    end
    emit { month = doc.month or "undated", code = "安保と中国", sentences = hits,
           articles = hits > 0 and 1 or 0, articles_total = 1 }
  end,
  tests = {
    {
      name = "fires only when both parts hold in one sentence",
      documents = {
        { id = "a", date = "2025-01-01", text = "日米同盟は中国の脅威に備える。安保と中国。脅威。" },
        { id = "b", date = "2025-01-02", text = "日米同盟。中国の脅威。" },
      },
      rows = { { month = "2025-01", code = "安保と中国", sentences = 1, articles = 1, articles_total = 2 } },
    },
  },
}
