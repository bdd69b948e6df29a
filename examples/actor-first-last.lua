-- The first and last dated mention of each actor, with the documents.
-- Run: kiji query -f examples/actor-first-last.lua [CORPUS…]
local actors = require("actors")
local dictionary = actors.load(params.dictionary)
local seen = {}
for doc in corpus:documents() do
  if doc.date then
    for _, m in ipairs(dictionary:find(doc).mentions) do
      local s = seen[m.actor]
      if not s then
        s = { actor = m.actor, type = m.type, mentions = 0 }
        seen[m.actor] = s
      end
      s.mentions = s.mentions + 1
      if not s.first_date or doc.date < s.first_date then s.first_date, s.first_doc = doc.date, doc.id end
      if not s.last_date or doc.date > s.last_date or (doc.date == s.last_date and doc.id > s.last_doc) then
        s.last_date, s.last_doc = doc.date, doc.id
      end
    end
  end
end
local rows = { columns = { "actor", "type", "first_date", "first_doc", "last_date", "last_doc", "mentions" } }
for _, s in pairs(seen) do rows[#rows + 1] = s end
table.sort(rows, function(a, b)
  if a.first_date ~= b.first_date then return a.first_date < b.first_date end
  return a.actor < b.actor
end)
return rows
