-- one row per kept token (term) or gap (empty term), for the reference scripts
local terms = require("terms")
local filter = terms.filter { pos = params.pos or "名詞", exclude_pos = params.exclude_pos or "名詞:数,名詞:非自立,名詞:代名詞,記号" }
local rows = { columns = { "doc_id", "category", "term" } }
for doc in corpus:documents() do
  for _, term in ipairs(filter:terms(doc, true)) do
    rows[#rows + 1] = { doc_id = doc.id, category = doc.meta.category or "(missing)", term = term or "" }
  end
end
return rows
