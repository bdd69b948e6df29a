-- Stance tagging with a rules scheme (see docs/stance.md).
--
--   local stance = require("stance")
--   local scheme = stance.load(params.scheme, dictionary)  -- nil: plugins/schemes/alliance.lua
--   for _, result in ipairs(scheme:classify(doc)) do
--     -- result.target, result.stance, result.score, result.sentences, result.evidence, result.holder
--   end
--
-- For every sentence that mentions a target (by name or as a concept, see
-- stance_target.lua), cues of each label are found (by surface and by base
-- form). A negation after a cue within its clause cancels or flips it; a
-- topic cue ahead of a reporting marker (焦点, 日程, 見据える …) does not count,
-- because the clause only reports an agenda. The weights are summed per
-- label over the document. A label wins when it outweighs every other by the
-- scheme's dominance ratio; opposing cues without such a lead give "mixed";
-- no cues give "neutral"; a target that does not occur is "not mentioned".

local positions = require("positions")
local targets = require("stance_target")
local holders = require("stance_holder")
local ipadic = require("ipadic")
local sentence_at, token_from = positions.sentence_at, positions.token_from

local stance = {}

local Scheme = {}
Scheme.__index = Scheme

stance.NEUTRAL = "neutral"
stance.MIXED = "mixed"
stance.NOT_MENTIONED = "not mentioned"
stance.UNATTRIBUTED = "unattributed"  -- the holder group of stances no sentence attributes
stance.RESERVED = { [stance.NEUTRAL] = true, [stance.MIXED] = true, [stance.NOT_MENTIONED] = true }
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
  local target = targets.compile(spec, where, function(message) fail(source, message) end, dictionary)
  target.name, target.labels, target.cues = spec.name, {}, {}

  if type(spec.labels) ~= "table" or #spec.labels == 0 then
    fail(source, where .. ".labels must be a list of { name = …, cues = { … } }")
  end
  local seen_cue = {}
  for j, label in ipairs(spec.labels) do
    local lwhere = where .. ".labels[" .. j .. "]"
    if type(label) ~= "table" or type(label.name) ~= "string" or label.name == "" then
      fail(source, lwhere .. " needs a 'name' string")
    end
    if stance.RESERVED[label.name] then
      fail(source, lwhere .. ": '" .. label.name .. "' is reserved")
    end
    target.labels[#target.labels + 1] = label.name
    local negated = label.negated or "cancel"
    for k, cue in ipairs(label.cues or {}) do
      local text, weight, topic = cue, 1, false
      if type(cue) == "table" then text, weight, topic = cue[1], cue[2] or cue.weight or 1, cue.topic == true end
      if type(text) ~= "string" or text == "" or type(weight) ~= "number" then
        fail(source, lwhere .. ".cues[" .. k .. "] must be \"cue\" or { \"cue\", weight, topic = true }")
      end
      local normalized = kiji.text.normalize(text)
      if seen_cue[normalized] then
        fail(source, lwhere .. ".cues[" .. k .. "]: '" .. text .. "' is already a cue of " .. seen_cue[normalized])
      end
      seen_cue[normalized] = label.name
      target.cues[#target.cues + 1] = { label = label.name, text = normalized, weight = weight, topic = topic,
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
  local reporting = data.reporting or {}
  local markers = strings(reporting.markers, "reporting.markers", source)
  self.reporting_matcher = #markers > 0 and kiji.matcher(markers) or nil
  self.dominance = data.dominance or 2
  if type(self.dominance) ~= "number" or self.dominance < 1 then
    fail(source, "dominance must be a number of at least 1 (how many times the runner-up a label must weigh to win)")
  end
  self.holder_rules = holders.compile(data.holders or {}, function(message) fail(source, message) end)
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
  list[#list + 1] = stance.MIXED
  list[#list + 1] = stance.NEUTRAL
  list[#list + 1] = stance.NOT_MENTIONED
  return list
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

-- Whether a topic cue is followed by a reporting marker in its sentence:
-- the clause then only reports, schedules or sets an agenda (…の協力が焦点).
local function reported(hit, sentence, markers)
  for _, m in ipairs(markers) do
    if sentence.start + m.start - 1 > hit.stop then return true end
  end
  return false
end

-- The decision over label totals: the winner, its margin and whether the
-- target is mixed (opposing labels without a lead of `dominance` times).
local function decide(labels, totals, dominance)
  local winner, top, second = nil, 0, 0
  for _, name in ipairs(labels) do
    local total = totals[name] or 0
    if total > top then winner, top, second = name, total, top
    elseif total > second then second = total end
  end
  if not winner then return stance.NEUTRAL, 0 end
  if second > 0 and top < dominance * second then return stance.MIXED, 0 end
  return winner, top - second
end

--- Labels a document for every target: a list of
--- { target, stance, score, sentences, evidence, holder } in scheme order.
function Scheme:classify(doc)
  local found = self.dictionary:find(doc)
  local sentences, tokens  -- computed only when needed
  local function get_sentences()
    sentences = sentences or doc:sentences()
    return sentences
  end
  local results = {}
  for _, target in ipairs(self.targets) do
    local spans = targets.spans(target, doc, found, get_sentences)
    if #spans > 0 and not tokens then
      ipadic.require("stance")
      get_sentences()
      tokens = doc:tokens()
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
      results[#results + 1] = { target = target.name, stance = stance.NOT_MENTIONED, score = 0, sentences = 0,
                                evidence = "", holder = "" }
    else
      local totals, by_sentence = {}, {}   -- label -> weight; label -> sentence -> weight
      local hits = cue_hits(target, doc, tokens)
      local negation_cache, marker_cache = {}, {}
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
        local sentence = counted and sentences[s]
        if counted and hit.cue.topic and self.reporting_matcher then
          marker_cache[s] = marker_cache[s] or self.reporting_matcher:find(sentence.text)
          counted = not reported(hit, sentence, marker_cache[s])
        end
        if counted then
          if not negation_cache[s] then
            negation_cache[s] = self.negation_matcher and self.negation_matcher:find(sentence.text) or {}
          end
          local label = hit.cue.label
          if self:is_negated(hit, hits[i + 1], sentence, tokens, negation_cache[s]) then
            label = hit.cue.negated ~= "cancel" and hit.cue.negated or nil
          end
          if label then
            totals[label] = (totals[label] or 0) + hit.cue.weight
            by_sentence[label] = by_sentence[label] or {}
            by_sentence[label][s] = (by_sentence[label][s] or 0) + hit.cue.weight
          end
        end
      end
      local label, score = decide(target.labels, totals, self.dominance)
      -- Evidence: the sentence that weighs most for the label (for mixed, for
      -- any label); the first on a tie; for neutral, the first naming the target.
      local weights = {}
      for name, per in pairs(by_sentence) do
        if label == stance.MIXED or name == label then
          for s, w in pairs(per) do weights[s] = (weights[s] or 0) + w end
        end
      end
      local evidence_index, most = indices[1], -math.huge
      local contributing = {}
      for _, s in ipairs(indices) do
        local w = weights[s]
        if w then
          contributing[#contributing + 1] = s
          if w > most then most, evidence_index = w, s end
        end
      end
      -- The holder: of the evidence sentence, else of the next contributing sentence that names one.
      local holder = ""
      if label ~= stance.NEUTRAL then
        table.sort(contributing, function(a, b)
          if a == evidence_index or b == evidence_index then return a == evidence_index and b ~= evidence_index end
          return a < b
        end)
        for _, s in ipairs(contributing) do
          holder = holders.of(self.holder_rules, doc.text, sentences[s], tokens)
          if holder ~= "" then break end
        end
      end
      results[#results + 1] = { target = target.name, stance = label, score = score, sentences = #indices,
                                evidence = trim(sentences[evidence_index].raw), holder = holder }
    end
  end
  return results
end

return stance
