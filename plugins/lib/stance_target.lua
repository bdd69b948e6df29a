-- Where a stance target is mentioned in a document (see docs/stance.md,
-- "Targets and concepts"). A target is found by
--   actors     names from the actor dictionary (and, with compounds, 日米, 米中 …)
--   terms      plain strings
--   concepts   patterns for a target discussed without its name:
--                { terms = {…}, with = {actors…} }      a term in a sentence naming any of the actors
--                { terms = {…}, with_all = {actors…} }  … naming all of them
--                { sequence = { {…}, {…}, … }, within = N }  one string of each step, in order,
--                                                        each at most N characters after the last
--   exclude    phrases in which a mention does not count (中国エリア, 一日中)
--
--   local targets = require("stance_target")
--   local target = targets.compile(spec, where, fail, dictionary)
--   local spans = targets.spans(target, doc, found, get_sentences)   -- { {start, length}, … }

local sentence_at = require("positions").sentence_at

local targets = {}

local function list_of_strings(value, where, fail)
  if type(value) ~= "table" or #value == 0 then fail(where .. " must be a non-empty list of strings") end
  for i, s in ipairs(value) do
    if type(s) ~= "string" or s == "" then fail(where .. "[" .. i .. "] must be a non-empty string") end
  end
  return value
end

local function actor_set(names, where, fail, dictionary)
  local set, count = {}, 0
  for _, name in ipairs(list_of_strings(names, where, fail)) do
    local entry = dictionary:actor(name)
    if not entry then fail(where .. ": '" .. name .. "' is not in the actor dictionary") end
    if not set[entry.name] then set[entry.name], count = true, count + 1 end
  end
  return set, count
end

local function compile_concept(spec, where, fail, dictionary)
  if type(spec) ~= "table" then fail(where .. " must be a table") end
  local concept = {}
  if spec.sequence ~= nil then
    if spec.terms ~= nil then fail(where .. " has both 'terms' and 'sequence'; write two concepts") end
    if type(spec.sequence) ~= "table" or #spec.sequence < 2 then
      fail(where .. ".sequence must list at least two steps, each a list of strings")
    end
    concept.steps = {}
    for i, step in ipairs(spec.sequence) do
      if type(step) == "string" then step = { step } end
      concept.steps[i] = kiji.matcher(list_of_strings(step, where .. ".sequence[" .. i .. "]", fail))
    end
    concept.within = spec.within or 10
    if math.type(concept.within) ~= "integer" or concept.within < 0 then
      fail(where .. ".within must be a whole number of characters")
    end
    return concept
  end
  concept.terms = kiji.matcher(list_of_strings(spec.terms, where .. ".terms", fail))
  if spec.with ~= nil and spec.with_all ~= nil then fail(where .. " has both 'with' and 'with_all'") end
  if spec.with ~= nil then
    concept.with, concept.needed = actor_set(spec.with, where .. ".with", fail, dictionary), 1
  elseif spec.with_all ~= nil then
    concept.with, concept.needed = actor_set(spec.with_all, where .. ".with_all", fail, dictionary)
  else
    fail(where .. " needs 'with' or 'with_all' (actors the sentence must name), or a 'sequence'")
  end
  return concept
end

--- Compiles the finding part of a target spec. `fail(message)` raises.
function targets.compile(spec, where, fail, dictionary)
  local target = { actors = {}, compounds = spec.compounds ~= false, concepts = {} }
  if spec.actors ~= nil then
    target.actors = actor_set(spec.actors, where .. ".actors", fail, dictionary)
  end
  if spec.terms ~= nil then target.terms = kiji.matcher(list_of_strings(spec.terms, where .. ".terms", fail)) end
  if spec.concepts ~= nil then
    if type(spec.concepts) ~= "table" then fail(where .. ".concepts must be a list") end
    for i, c in ipairs(spec.concepts) do
      target.concepts[i] = compile_concept(c, where .. ".concepts[" .. i .. "]", fail, dictionary)
    end
  end
  if spec.exclude ~= nil then target.exclude = kiji.matcher(list_of_strings(spec.exclude, where .. ".exclude", fail)) end
  if next(target.actors) == nil and not target.terms and #target.concepts == 0 then
    fail(where .. " needs 'actors', 'terms' or 'concepts'")
  end
  return target
end

-- The actors named in each sentence: sentence index -> { actor = true }.
local function actors_by_sentence(found, sentences)
  local by = {}
  local function add(name, position)
    local s = sentence_at(sentences, position)
    if s then
      by[s] = by[s] or {}
      by[s][name] = true
    end
  end
  for _, m in ipairs(found.mentions) do add(m.actor, m.start) end
  for _, c in ipairs(found.compounds) do
    for _, name in ipairs(c.actors) do add(name, c.start) end
  end
  return by
end

local function sequence_spans(concept, doc, get_sentences, spans)
  local hits = { concept.steps[1]:find(doc) }
  if #hits[1] == 0 then return end
  for i = 2, #concept.steps do
    hits[i] = concept.steps[i]:find(doc)
    if #hits[i] == 0 then return end
  end
  local sentences = get_sentences()
  for _, first in ipairs(hits[1]) do
    local s = sentence_at(sentences, first.start)
    local stop = first.start + first.length - 1
    local complete = s ~= nil
    for i = 2, #concept.steps do
      if not complete then break end
      local nextHit
      for _, h in ipairs(hits[i]) do
        if h.start > stop and h.start - stop - 1 <= concept.within and sentence_at(sentences, h.start) == s then
          nextHit = h
          break
        end
      end
      if nextHit then stop = nextHit.start + nextHit.length - 1 else complete = false end
    end
    if complete then spans[#spans + 1] = { start = first.start, length = stop - first.start + 1 } end
  end
end

--- The spans where `target` is mentioned in `doc`: { {start =, length =}, … }.
--- `found` is the actor dictionary's result for the document;
--- `get_sentences()` returns doc:sentences() (called only for concepts).
function targets.spans(target, doc, found, get_sentences)
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
  local named
  for _, concept in ipairs(target.concepts) do
    if concept.steps then
      sequence_spans(concept, doc, get_sentences, spans)
    else
      local hits = concept.terms:find(doc)
      local sentences = #hits > 0 and get_sentences()
      named = named or (sentences and actors_by_sentence(found, sentences))
      for _, hit in ipairs(hits) do
        local present, count = named[sentence_at(sentences, hit.start)] or {}, 0
        for name in pairs(concept.with) do
          if present[name] then count = count + 1 end
        end
        if count >= concept.needed then spans[#spans + 1] = hit end
      end
    end
  end
  if target.exclude and #spans > 0 then
    local excluded = target.exclude:find(doc)
    local kept = {}
    for _, span in ipairs(spans) do
      local inside = false
      for _, e in ipairs(excluded) do
        if span.start >= e.start and span.start + span.length <= e.start + e.length then inside = true break end
      end
      if not inside then kept[#kept + 1] = span end
    end
    spans = kept
  end
  return spans
end

return targets
