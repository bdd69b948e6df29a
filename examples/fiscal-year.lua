-- Documents and mentions of a term per Japanese fiscal year (年度, April to
-- March, labelled by its first year), with kiji.period and kiji.group.
-- Run: kiji query -f examples/fiscal-year.lua [CORPUS…] --param term=防衛費
local term = params.term or "防衛費"
local rows = {}
for doc in corpus:documents() do
  rows[#rows + 1] = {
    fiscal_year = doc.date and kiji.period(doc.date, "fiscal_year") or "undated",
    documents = 1,
    mentions = doc:count(term),
  }
end
return kiji.group(rows, { "fiscal_year" }, { documents = "count", mentions = "sum" })
