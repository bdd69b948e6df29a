-- The words that co-occur most with a term in the same sentence: content
-- words only (nouns, verbs, adjectives by MeCab's base form), no function
-- words, numbers, pronouns or suffixes.
-- Run: kiji query -f examples/cooccurring-words.lua [CORPUS…] --param term=中国 --param top=10
local term = kiji.text.normalize(params.term or "中国")
local top = tonumber(params.top or "15")
local CONTENT = { ["名詞"] = true, ["動詞"] = true, ["形容詞"] = true }
local SKIP = { ["非自立"] = true, ["数"] = true, ["代名詞"] = true, ["接尾"] = true, ["副詞可能"] = true }
-- Light verbs that carry grammar rather than content.
local STOP = { ["する"] = true, ["ある"] = true, ["いる"] = true, ["なる"] = true, ["できる"] = true,
               ["いう"] = true, ["おる"] = true, ["れる"] = true, ["られる"] = true, ["せる"] = true, ["くる"] = true }

local counts, docs = {}, {}
for doc in corpus:documents() do
  if doc:contains(term) then
    local tokens = doc:tokens()
    local t = 1
    for _, sentence in ipairs(doc:sentences()) do
      local stop = sentence.start + sentence.length
      local words = {}
      while tokens[t] and tokens[t].start < stop do
        local token = tokens[t]
        local sub = token.pos_detail:match("^[^,]*")
        if token.start >= sentence.start and CONTENT[token.pos] and not SKIP[sub] and token.base ~= term
           and not STOP[token.base] and kiji.text.len(token.base) > 1 then
          words[#words + 1] = token
        end
        t = t + 1
      end
      if sentence.text:find(term, 1, true) then
        for _, token in ipairs(words) do
          local key = token.base .. "\t" .. token.pos
          counts[key] = (counts[key] or 0) + 1
          docs[key] = docs[key] or {}
          docs[key][doc.id] = true
        end
      end
    end
  end
end

local rows = {}
for key, n in pairs(counts) do
  local word, pos = key:match("^(.-)\t(.*)$")
  local documents = 0
  for _ in pairs(docs[key]) do documents = documents + 1 end
  rows[#rows + 1] = { word = word, pos = pos, sentences = n, documents = documents }
end
table.sort(rows, function(a, b)
  if a.sentences ~= b.sentences then return a.sentences > b.sentences end
  return a.word < b.word
end)
local result = { columns = { "word", "pos", "sentences", "documents" } }
for i = 1, math.min(top, #rows) do result[i] = rows[i] end
return result
