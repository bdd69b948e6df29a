-- The stance holder of a sentence: the actor whose stance the sentence
-- states, when it says so (see docs/stance.md, "Stance holders").
--
--   1. A headline quote: 「…」=松野官房長官 or フィリピン=「…」: the name beside "=".
--   2. A reporting predicate (強調する, 反論した, 述べた, 「…」としている: a verb
--      after the quoting と) and its subject: the first noun phrase before は
--      ahead of the predicate, else the nearest one before が. The phrase must
--      look like an agent: a proper noun, or a word of the scheme's `agents`
--      list (政府, 首相, 長官 …).
-- Otherwise the holder is "" (the author, or no speaker named).

local token_from = require("positions").token_from

local holder = {}

local NAME_LIMIT = 25  -- characters: a longer "name" beside = is prose, not a speaker

--- Compiles the holder rules of a scheme: `spec.verbs` (base forms of
--- reporting verbs and サ変 nouns) and `spec.agents` (nouns that can be a speaker).
function holder.compile(spec, fail)
  local rules = { verbs = {}, agents = {} }
  for key, set in pairs({ verbs = rules.verbs, agents = rules.agents }) do
    local list = spec[key]
    if list ~= nil then
      if type(list) ~= "table" then fail("holders." .. key .. " must be a list of strings") end
      for i, word in ipairs(list) do
        if type(word) ~= "string" or word == "" then fail("holders." .. key .. "[" .. i .. "] must be a non-empty string") end
        set[word] = true
      end
    end
  end
  return rules
end

-- Kanji, kana (with 々 and ー) or an ASCII letter or digit: IPADIC tags
-- unknown symbols (✅, ■) as nouns, and they are no part of a name.
local function starts_with_letter(text)
  local code = utf8.codepoint(text, 1)
  return (code >= 0x3040 and code <= 0x30FF) or (code >= 0x4E00 and code <= 0x9FFF) or (code >= 0x3400 and code <= 0x4DBF)
      or code == 0x3005 or (code < 0x80 and text:sub(1, 1):match("%w") ~= nil)
end

local function is_noun_part(token)
  if token.surface == "" or not starts_with_letter(token.surface) then return false end
  if token.pos == "接頭詞" then return true end
  if token.pos ~= "名詞" then return false end
  local detail = token.pos_detail
  return not (detail:find("^数") or detail:find("^代名詞") or detail:find("^非自立") or detail:find("副詞可能"))
end

-- The noun phrase ending just before token `i` (exclusive): first, last indices.
local function phrase_before(tokens, i, sentence_start)
  local last = i - 1
  local first = last
  while first >= 1 and tokens[first].start >= sentence_start and is_noun_part(tokens[first]) do first = first - 1 end
  first = first + 1
  if first > last then return nil end
  return first, last
end

local function looks_like_agent(rules, tokens, first, last)
  for k = first, last do
    local t = tokens[k]
    if t.pos_detail:find("^固有名詞") or rules.agents[t.base] or rules.agents[t.surface] then return true end
  end
  return false
end

local function text_of(doc_text, tokens, first, last)
  return kiji.text.sub(doc_text, tokens[first].start, tokens[last].start + tokens[last].length - 1)
end

-- Whether token i is a reporting predicate: a reporting verb, a reporting
-- サ変 noun followed by する or ending the sentence, or a verb after the quoting と.
local function is_reporting(rules, tokens, i, stop)
  local t = tokens[i]
  if t.pos == "動詞" and rules.verbs[t.base] then return true end
  if t.pos == "名詞" and rules.verbs[t.base] then
    local after = tokens[i + 1]
    return after == nil or after.start > stop or (after.pos == "動詞" and after.base == "する")
        or after.pos == "記号"
  end
  if t.pos == "動詞" and i > 1 and tokens[i - 1].pos == "助詞" and tokens[i - 1].pos_detail:find("引用") then return true end
  return false
end

-- A name beside "=": short, and not ASCII only (…?display=1 in a URL is no speaker).
local function speaker_name(candidate)
  if not candidate or kiji.text.len(candidate) > NAME_LIMIT or not candidate:find("[\128-\255]") then return nil end
  return (candidate:gsub("^%s+", ""):gsub("%s+$", ""))
end

local function quote_speaker(text)
  return speaker_name(text:match("=([^=「」]+)$")) or speaker_name(text:match("^([^=「」]+)=「"))
end

--- The holder of `sentence` (from doc:sentences()), or "".
function holder.of(rules, doc_text, sentence, tokens)
  local speaker = quote_speaker(sentence.text)
  if speaker and speaker ~= "" then return speaker end
  local start, stop = sentence.start, sentence.start + sentence.length - 1
  local first_token = token_from(tokens, start)
  local predicate
  for i = first_token, #tokens do
    if tokens[i].start > stop then break end
    if is_reporting(rules, tokens, i, stop) then predicate = i end
  end
  if not predicate then return "" end
  local nearest_ga
  for i = first_token, predicate - 1 do
    local t = tokens[i]
    if t.pos == "助詞" and (t.surface == "は" or t.surface == "が") then
      local first, last = phrase_before(tokens, i, start)
      if first and looks_like_agent(rules, tokens, first, last) then
        if t.surface == "は" then return text_of(doc_text, tokens, first, last) end
        nearest_ga = text_of(doc_text, tokens, first, last)
      end
    end
  end
  return nearest_ga or ""
end

return holder
