-- actor-frequency: how often each person, country and organisation is
-- mentioned, under any of its names (see plugins/dictionaries/actors.lua).
--
-- mentions    matches of the actor's aliases (and surname + title) in doc.text
-- articles    documents with at least one mention
-- first_date / last_date   the earliest and latest dated document mentioning it
-- With --param by=month (or day, week, quarter, year, fiscal_year, a metadata
-- field such as category, or a pair: category,month) every actor gets a row
-- for every group of the corpus, zeros included (see lib/groups.lua).
-- Compounds such as 日米 are pairs (see co-mentions), not mentions of 日本 or 米国.

local actors = require("actors")
local groups = require("groups")

local columns = { "actor", "type", "mentions", "articles", "first_date", "last_date" }
local reserved = groups.reserved(columns)

local function add(stats, key, mention, doc, month)
  local s = stats[key]
  if not s then
    s = { actor = mention.actor, type = mention.type, mentions = 0, articles = 0, seen = {} }
    stats[key] = s
  end
  s.mentions = s.mentions + 1
  if not s.seen[doc.id] then
    s.seen[doc.id] = true
    s.articles = s.articles + 1
  end
  if doc.date then
    if not s.first_date or doc.date < s.first_date then s.first_date = doc.date end
    if not s.last_date or doc.date > s.last_date then s.last_date = doc.date end
  end
end

return {
  name = "actor-frequency",
  description = "Mentions of people, countries and organisations under all their names, overall or per period or metadata group",
  params = {
    by = { default = "none",
           help = groups.help("; none: one row per actor; else a row per group and actor, first columns named after it") },
    min_mentions = { type = "integer", default = "1", help = "leave out actors with fewer mentions in the whole corpus" },
    include_unlisted = { type = "boolean", default = "false",
                         help = "also report proper nouns that MeCab finds and the dictionary lacks (type unlisted)" },
    dictionary = { default = "", file = true, help = "an actor dictionary file (default: plugins/dictionaries/actors.lua)" },
  },
  columns = function(params)
    local by = groups.parse(params.by, { reserved = reserved })
    return table.move(columns, 1, #columns, #by.columns + 1, table.move(by.columns, 1, #by.columns, 1, {}))
  end,

  chart = function(params)
    if params.by == "none" then return { kind = "bar", x = "actor", y = "mentions", series = "type", limit = 30 } end
    return { kind = "line", x = params.by, y = "mentions", series = "actor", limit = 8 }
  end,

  run = function(corpus, params, out)
    local dictionary = actors.load(params.dictionary)
    local by = groups.parse(params.by, { reserved = reserved })
    by:prepare(corpus)
    local totals, per_group = {}, {}
    for doc in corpus:documents() do
      local found = dictionary:find(doc)
      local mentions = found.mentions
      if params.include_unlisted then
        for _, name in ipairs(dictionary:unlisted(doc, found)) do mentions[#mentions + 1] = name end
      end
      local group = by:key(by:labels(doc))
      for _, mention in ipairs(mentions) do
        local key = mention.type .. "\0" .. mention.actor
        add(totals, key, mention, doc)
        per_group[group] = per_group[group] or {}
        add(per_group[group], key, mention, doc)
      end
    end

    -- Most mentioned first; ties by name, then type, so the order is fixed.
    local keys = {}
    for key, s in pairs(totals) do
      if s.mentions >= params.min_mentions then keys[#keys + 1] = key end
    end
    table.sort(keys, function(a, b)
      local x, y = totals[a], totals[b]
      if x.mentions ~= y.mentions then return x.mentions > y.mentions end
      if x.actor ~= y.actor then return x.actor < y.actor end
      return x.type < y.type
    end)

    if not by:any() then
      for _, key in ipairs(keys) do
        local s = totals[key]
        out:row { actor = s.actor, type = s.type, mentions = s.mentions, articles = s.articles,
                  first_date = s.first_date, last_date = s.last_date }
      end
      return
    end
    for _, labels in ipairs(by:grid()) do
      local group = per_group[by:key(labels)] or {}
      for _, key in ipairs(keys) do
        local s = group[key] or { mentions = 0, articles = 0 }
        out:row(by:set({ actor = totals[key].actor, type = totals[key].type, mentions = s.mentions,
                         articles = s.articles, first_date = s.first_date, last_date = s.last_date }, labels))
      end
    end
  end,
}
