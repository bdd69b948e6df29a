-- Stance tagging with a rules scheme (see docs/stance.md).
--
--   local stance = require("stance")
--   local scheme = stance.load(params.scheme, dictionary)  -- nil: plugins/schemes/alliance.lua
--   for _, result in ipairs(scheme:classify(doc)) do
--     -- result.target, result.stance, result.score, result.sentences, result.evidence
--   end
--
-- For every sentence that mentions a target, cues of each label are found
-- (by surface and by base form), a negation after a cue within its clause
-- cancels or flips it, and the weights are summed per label over the
-- document. The label with the highest total wins; no cues or a tie gives
-- "neutral"; a target that does not occur is "not mentioned".

local positions = require("positions")
local ipadic = require("ipadic")
local sentence_at, token_from = positions.sentence_at, positions.token_from

local stance = {}

local Scheme = {}
Scheme.__index = Scheme

stance.NEUTRAL = "neutral"
stance.NOT_MENTIONED = "not mentioned"
stance.EVIDENCE_CHARS = 120

local PUNCTUATION = { ["、"] = true, ["。"] = true, [","] = true, ["!"] = true, ["?"] = true }

local function fail(source, message) error(source .. ": " .. message, 0) end

local function strings(list, where, source)
  if list == nil then return {} end
  if type(list) ~= "table" then fail(source, where .. " must be a list of strings") end
  for i, value in ipairs(list) do
    if type(value) ~= "string" or value == "" then fail(source, where .. "[" .. i .. "] must be a non-empty string") end
  end
  return list
end

-- The base forms of a cue, so that 強化する also matches 強化した.
local function bases_of(text)
  ipadic.require("stance")
  local bases = {}
  for _, token in ipairs(kiji.tokenize(text)) do bases[#bases + 1] = token.base end
  return bases
end

local function compile_target(spec, index, source, dictionary)
  local where = "targets[" .. index .. "]"
  if type(spec) ~= "table" or type(spec.name) ~= "string" or spec.name == "" then
    fail(source, where .. " needs a 'name' string")
  end
  where = where .. " (" .. spec.name .. ")"
  local target = { name = spec.name, labels = {}, cues = {}, actors = {}, compounds = spec.compounds ~= false }
  for _, name in ipairs(strings(spec.actors, where .. ".actors", source)) do
    local entry = dictionary:actor(name)
    if not entry then fail(source, where .. ".actors: '" .. name .. "' is not in the actor dictionary") end
    target.actors[entry.name] = true
  end
  local terms = strings(spec.terms, where .. ".terms", source)
  if next(target.actors) == nil and #terms == 0 then fail(source, where .. " needs 'actors' or 'terms'") end
  target.terms = #terms > 0 and kiji.matcher(terms) or nil

  if type(spec.labels) ~= "table" or #spec.labels == 0 then
    fail(source, where .. ".labels must be a list of { name = …, cues = { … } }")
  end
  local seen_cue = {}
  for j, label in ipairs(spec.labels) do
    local lwhere = where .. ".labels[" .. j .. "]"
    if type(label) ~= "table" or type(label.name) ~= "string" or label.name == "" then
      fail(source, lwhere .. " needs a 'name' string")
    end
    if label.name == stance.NEUTRAL or label.name == stance.NOT_MENTIONED then
      fail(source, lwhere .. ": '" .. label.name .. "' is reserved")
    end
    target.labels[#target.labels + 1] = label.name
    local negated = label.negated or "cancel"
    for k, cue in ipairs(label.cues or {}) do
      local text, weight = cue, 1
      if type(cue) == "table" then text, weight = cue[1], cue[2] or cue.weight or 1 end
      if type(text) ~= "string" or text == "" or type(weight) ~= "number" then
        fail(source, lwhere .. ".cues[" .. k .. "] must be \"cue\" or { \"cue\", weight }")
      end
      local normalized = kiji.text.normalize(text)
      if seen_cue[normalized] then
        fail(source, lwhere .. ".cues[" .. k .. "]: '" .. text .. "' is already a cue of " .. seen_cue[normalized])
      end
      seen_cue[normalized] = label.name
      target.cues[#target.cues + 1] = { label = label.name, text = normalized, weight = weight,
                                        negated = negated, bases = bases_of(normalized) }
    end
  end
  for _, cue in ipairs(target.cues) do
    local known = cue.negated == "cancel"
    for _, name in ipairs(target.labels) do known = known or name == cue.negated end
    if not known then fail(source, where .. ": negated = '" .. tostring(cue.negated) .. "' is neither 'cancel' nor a label") end
  end
  local texts = {}
  target.by_first_base = {}
  for i, cue in ipairs(target.cues) do
    texts[i] = cue.text
    local first = cue.bases[1]
    if first then
      target.by_first_base[first] = target.by_first_base[first] or {}
      table.insert(target.by_first_base[first], cue)
    end
  end
  target.cue_matcher = kiji.matcher(texts)
  return target
end

--- Builds a scheme from its data table. `dictionary` is an actors dictionary.
function stance.new(data, source, dictionary)
  source = source or "scheme"
  if type(data) ~= "table" or type(data.targets) ~= "table" or #data.targets == 0 then
    fail(source, "a scheme is a table with a 'targets' list")
  end
  local self = setmetatable({ name = data.name or source, targets = {}, source = source }, Scheme)
  local scope = data.scope or "sentence"
  if scope ~= "sentence" and not (type(scope) == "table" and math.type(scope.window) == "integer" and scope.window >= 0) then
    fail(source, "scope must be \"sentence\" or { window = N } (tokens)")
  end
  self.window_tokens = type(scope) == "table" and scope.window or nil
  local negation = data.negation or {}
  self.auxiliaries = {}
  for _, base in ipairs(strings(negation.auxiliaries, "negation.auxiliaries", source)) do self.auxiliaries[base] = true end
  local phrases = strings(negation.phrases, "negation.phrases", source)
  local exceptions = strings(negation.exceptions, "negation.exceptions", source)
  self.negation_window = negation.window or 15
  local patterns, kinds = {}, {}
  for _, p in ipairs(phrases) do patterns[#patterns + 1] = p; kinds[#patterns] = "phrase" end
  for _, p in ipairs(exceptions) do patterns[#patterns + 1] = p; kinds[#patterns] = "exception" end
  self.negation_matcher = #patterns > 0 and kiji.matcher(patterns) or nil
  self.negation_kinds = kinds
  self.dictionary = dictionary
  for i, spec in ipairs(data.targets) do
    self.targets[i] = compile_target(spec, i, source, dictionary)
  end
  return self
end

--- Loads a scheme file (nil: the bundled plugins/schemes/alliance.lua).
function stance.load(path, dictionary)
  if path == nil or path == "" then
    return stance.new(require("schemes.alliance"), "plugins/schemes/alliance.lua", dictionary)
  end
  return stance.new(kiji.load_data(path), path, dictionary)
end

--- The labels a target can get, in report order.
function Scheme:labels(target)
  local list = {}
  for _, name in ipairs(target.labels) do list[#list + 1] = name end
  list[#list + 1] = stance.NEUTRAL
  list[#list + 1] = stance.NOT_MENTIONED
  return list
end

-- Target positions in the document: { {start, length}, … }.
local function target_spans(target, doc, found)
  local spans = {}
  for _, mention in ipairs(found.mentions) do
    if target.actors[mention.actor] then spans[#spans + 1] = mention end
  end
  if target.compounds then
    for _, compound in ipairs(found.compounds) do
      for _, name in ipairs(compound.actors) do
        if target.actors[name] then spans[#spans + 1] = compound break end
      end
    end
  end
  if target.terms then
    for _, hit in ipairs(target.terms:find(doc)) do spans[#spans + 1] = hit end
  end
  return spans
end

-- Cue hits: surface matches and base-form matches, longest first, no overlaps.
local function cue_hits(target, doc, tokens)
  local hits = {}
  for _, hit in ipairs(target.cue_matcher:find(doc)) do
    local cue = target.cues[hit.pattern]
    hits[#hits + 1] = { cue = cue, start = hit.start, stop = hit.start + hit.length - 1 }
  end
  for i, token in ipairs(tokens) do
    for _, cue in ipairs(target.by_first_base[token.base] or {}) do
      local n = #cue.bases
      local matched = true
      for k = 2, n do
        local t = tokens[i + k - 1]
        if not t or t.base ~= cue.bases[k] then matched = false break end
      end
      if matched then
        local last = tokens[i + n - 1]
        hits[#hits + 1] = { cue = cue, start = token.start, stop = last.start + last.length - 1 }
      end
    end
  end
  table.sort(hits, function(a, b)
    if a.start ~= b.start then return a.start < b.start end
    if a.stop ~= b.stop then return a.stop > b.stop end
    return a.cue.text < b.cue.text
  end)
  local kept, reach = {}, 0
  for _, hit in ipairs(hits) do
    if hit.start > reach then
      kept[#kept + 1] = hit
      reach = hit.stop
    end
  end
  return kept
end

-- Whether the clause after a cue negates it. Counts negations between the
-- cue and the next punctuation or cue (at most negation_window characters);
-- an odd count negates (ないわけではない is affirmative).
function Scheme:is_negated(hit, next_hit, sentence, tokens, negation_hits)
  local limit = hit.stop + self.negation_window
  if next_hit and next_hit.start - 1 < limit then limit = next_hit.start - 1 end
  local sentence_end = sentence.start + sentence.length - 1
  if sentence_end < limit then limit = sentence_end end
  local exceptions = {}
  local count = 0
  for _, n in ipairs(negation_hits) do
    local start = sentence.start + n.start - 1
    if start > hit.stop and start <= limit then
      if self.negation_kinds[n.pattern] == "exception" then
        exceptions[#exceptions + 1] = { start = start, stop = start + n.length - 1 }
      else
        count = count + 1
      end
    end
  end
  for i = token_from(tokens, hit.stop + 1), #tokens do
    local token = tokens[i]
    if token.start > limit then break end
    if token.pos == "記号" and PUNCTUATION[token.surface] then break end
    if token.pos == "助動詞" and self.auxiliaries[token.base] then
      local excepted = false
      for _, e in ipairs(exceptions) do
        if token.start >= e.start and token.start <= e.stop then excepted = true break end
      end
      if not excepted then count = count + 1 end
    end
  end
  return count % 2 == 1
end

local function trim(text)
  if kiji.text.len(text) <= stance.EVIDENCE_CHARS then return text end
  return kiji.text.sub(text, 1, stance.EVIDENCE_CHARS)
end

--- Labels a document for every target: a list of
--- { target, stance, score, sentences, evidence } in scheme order.
function Scheme:classify(doc)
  local found = self.dictionary:find(doc)
  local sentences, tokens  -- computed only for documents that mention a target
  local results = {}
  for _, target in ipairs(self.targets) do
    local spans = target_spans(target, doc, found)
    if #spans > 0 and not tokens then
      ipadic.require("stance")
      sentences, tokens = doc:sentences(), doc:tokens()
    end
    local in_scope = {}   -- sentence index -> true
    local target_tokens = {}
    for _, span in ipairs(spans) do
      local s = sentence_at(sentences, span.start)
      if s then in_scope[s] = true end
      target_tokens[#target_tokens + 1] = token_from(tokens, span.start)
    end
    local indices = {}
    for s in pairs(in_scope) do indices[#indices + 1] = s end
    table.sort(indices)
    if #indices == 0 then
      results[#results + 1] = { target = target.name, stance = stance.NOT_MENTIONED, score = 0, sentences = 0, evidence = "" }
    else
      local totals, best_sentence = {}, {}
      local hits = cue_hits(target, doc, tokens)
      local negation_cache = {}
      for i, hit in ipairs(hits) do
        local s = sentence_at(sentences, hit.start)
        local counted = s and in_scope[s]
        if counted and self.window_tokens then
          counted = false
          local position = token_from(tokens, hit.start)
          for _, t in ipairs(target_tokens) do
            if math.abs(t - position) <= self.window_tokens then counted = true break end
          end
        end
        if counted then
          local sentence = sentences[s]
          if not negation_cache[s] then
            negation_cache[s] = self.negation_matcher and self.negation_matcher:find(sentence.text) or {}
          end
          local label = hit.cue.label
          if self:is_negated(hit, hits[i + 1], sentence, tokens, negation_cache[s]) then
            label = hit.cue.negated ~= "cancel" and hit.cue.negated or nil
          end
          if label then
            totals[label] = (totals[label] or 0) + hit.cue.weight
            best_sentence[label] = best_sentence[label] or {}
            best_sentence[label][s] = (best_sentence[label][s] or 0) + hit.cue.weight
          end
        end
      end
      local winner, top, second = nil, 0, 0
      for _, name in ipairs(target.labels) do
        local total = totals[name] or 0
        if total > top then winner, top, second = name, total, top
        elseif total > second then second = total end
      end
      local evidence_index = indices[1]
      if winner and top > second then
        local most = -math.huge
        for _, s in ipairs(indices) do
          local weight = best_sentence[winner][s]
          if weight and weight > most then most, evidence_index = weight, s end
        end
      else
        winner, top, second = stance.NEUTRAL, 0, 0
      end
      results[#results + 1] = { target = target.name, stance = winner, score = top - second,
                                sentences = #indices, evidence = trim(sentences[evidence_index].raw) }
    end
  end
  return results
end

return stance
