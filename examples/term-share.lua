-- The share of articles mentioning a term, per month: a query script.
-- Run: kiji query -f examples/term-share.lua [CORPUS…] --param term=尖閣
local term = params.term or "日米同盟"
local total, mentioning = {}, {}
for doc in corpus:documents() do
  local month = doc.month or "undated"
  total[month] = (total[month] or 0) + 1
  if doc:contains(term) then mentioning[month] = (mentioning[month] or 0) + 1 end
end
local rows = { columns = { "month", "term", "articles", "articles_total", "share" } }
for _, month in ipairs(corpus:periods("month")) do
  local n, all = mentioning[month] or 0, total[month] or 0
  rows[#rows + 1] = { month = month, term = kiji.text.normalize(term), articles = n, articles_total = all,
                      share = all > 0 and math.floor(n / all * 1000 + 0.5) / 1000 or nil }
end
return rows
