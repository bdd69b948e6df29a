-- co-mentions: pairs of actors named in the same sentence (or article): the
-- edge list to load into Gephi or igraph.
--
-- count     sentences (or articles) in which the pair occurs
-- jaccard   count / (units with actor_a + units with actor_b - count)
-- source    co-mention: both actors are mentioned in the unit;
--           compound: the unit names both only inside one compound (日米, 米中, 日英伊)
-- actor_a sorts before actor_b (by UTF-8 bytes).
--
-- compounds=split (the default) makes 日米 a mention of Japan and of the US,
-- so 日米 and 中国 in one sentence link 中国 to both; pair keeps a compound to
-- the pairs inside it (日本–米国 only); ignore leaves compounds out.
--
-- format=gephi writes Gephi's edge list instead: Source,Target,Weight,Type,
-- one row per pair (a pair found both ways counts each unit once), Type
-- Undirected. format=nodes writes the matching node list: Id,Label,type,
-- mentions (units naming the actor).
--
-- With by= (a period, a metadata field or a pair, see lib/groups.lua) the
-- group columns come first and each group has its own edge list and
-- Jaccard; groups without pairs have no rows.

local actors = require("actors")
local sentence_of = require("positions").sentence_at
local groups = require("groups")

local formats = {
  pairs = { "actor_a", "actor_b", "scope", "count", "jaccard", "source" },
  gephi = { "Source", "Target", "Weight", "Type" },
  nodes = { "Id", "Label", "type", "mentions" },
}
local reserved = groups.reserved(formats.pairs, formats.gephi, formats.nodes)

-- Pairs seen at least `min_count` times, heaviest first, then by names
-- (and source, where pairs carry one).
local function strongest(entries, min_count)
  local kept = {}
  for _, p in pairs(entries) do
    if p.count >= min_count then kept[#kept + 1] = p end
  end
  table.sort(kept, function(x, y)
    if x.count ~= y.count then return x.count > y.count end
    if x.a ~= y.a then return x.a < y.a end
    if x.b ~= y.b then return x.b < y.b end
    return (x.source or "") < (y.source or "")
  end)
  return kept
end

local function pair_key(a, b, source)
  if b < a then a, b = b, a end
  return a .. "\0" .. b .. "\0" .. source, a, b
end

return {
  name = "co-mentions",
  description = "Pairs of actors mentioned in the same sentence or article, with Jaccard similarity",
  params = {
    scope = { default = "sentence", choices = { "sentence", "article" }, help = "the unit two actors must share" },
    min_count = { type = "integer", default = "1", help = "leave out pairs seen in fewer units" },
    compounds = { default = "split", choices = { "split", "pair", "ignore" },
                  help = "split: 日米 mentions Japan and the US, linking both to the unit's other actors; "
                      .. "pair: 日米 gives only the Japan–US pair; ignore: compounds count for nothing" },
    dictionary = { default = "", file = true, help = "an actor dictionary file (default: plugins/dictionaries/actors.lua)" },
    format = { default = "pairs", choices = { "pairs", "gephi", "nodes" },
               help = "pairs: one row per pair and source; gephi: Source,Target,Weight,Type edges; nodes: Id,Label,type,mentions" },
    by = { default = "none", help = groups.help("; none: one edge list for the whole corpus") },
  },
  columns = function(params)
    local by = groups.parse(params.by, { reserved = reserved })
    local columns = formats[params.format]
    return table.move(columns, 1, #columns, #by.columns + 1, table.move(by.columns, 1, #by.columns, 1, {}))
  end,
  chart = function(params)
    if params.format == "gephi" then return { kind = "network", source = "Source", target = "Target", weight = "Weight", limit = 60 } end
    if params.format == "nodes" then return { kind = "bar", x = "Label", y = "mentions", series = "type", limit = 30 } end
    return { kind = "network", source = "actor_a", target = "actor_b", weight = "count", limit = 60 }
  end,

  run = function(corpus, params, out)
    local dictionary = actors.load(params.dictionary)
    local by = groups.parse(params.by, { reserved = reserved })
    by:prepare(corpus)
    -- group key -> { units_with = actor -> units naming it, pairs_seen = key -> { a, b, source, count },
    --                merged = "a\0b" -> { a, b, count }: units with the pair from any source }
    local per_group = {}

    for doc in corpus:documents() do
      local group_key = by:key(by:labels(doc))
      per_group[group_key] = per_group[group_key] or { units_with = {}, pairs_seen = {}, merged = {} }
      local group = per_group[group_key]
      local units_with, pairs_seen, merged = group.units_with, group.pairs_seen, group.merged
      local found = dictionary:find(doc)
      local sentences = params.scope == "sentence" and doc:sentences() or nil
      local units = {}      -- unit index -> { actors = set, compounds = list }
      local function unit(position)
        local index = sentences and sentence_of(sentences, position) or 1
        if not index then return nil end
        units[index] = units[index] or { actors = {}, pairs = {}, within = {} }
        return units[index]
      end
      for _, mention in ipairs(found.mentions) do
        local u = unit(mention.start)
        if u then u.actors[mention.actor] = "co-mention" end
      end
      for c, compound in ipairs(params.compounds ~= "ignore" and found.compounds or {}) do
        local u = unit(compound.start)
        if u then
          for i = 1, #compound.actors do
            local name = compound.actors[i]
            -- split: a mention of its own, remembering the compound it came from.
            if params.compounds == "split" and u.actors[name] ~= "co-mention" then
              u.within[name] = u.within[name] or {}
              u.within[name][c] = compound.actors
            end
            u.actors[name] = u.actors[name] or "compound"
            for j = i + 1, #compound.actors do
              u.pairs[pair_key(name, compound.actors[j], "compound")] = { name, compound.actors[j] }
            end
          end
        end
      end
      for _, u in pairs(units) do
        local mentioned = {}
        for name in pairs(u.actors) do
          units_with[name] = (units_with[name] or 0) + 1
        end
        for name, how in pairs(u.actors) do
          if how == "co-mention" or u.within[name] then mentioned[#mentioned + 1] = name end
        end
        table.sort(mentioned)
        -- Two actors named only inside compounds that name both (日米 … 日米) are
        -- those compounds' pair, not a co-mention.
        local function holds(members, name)
          for _, m in ipairs(members) do if m == name then return true end end
          return false
        end
        local function only_together(a, b)
          if u.actors[a] == "co-mention" or u.actors[b] == "co-mention" then return false end
          for _, members in pairs(u.within[a]) do if not holds(members, b) then return false end end
          for _, members in pairs(u.within[b]) do if not holds(members, a) then return false end end
          return true
        end
        for i = 1, #mentioned do
          for j = i + 1, #mentioned do
            if not only_together(mentioned[i], mentioned[j]) then
              u.pairs[pair_key(mentioned[i], mentioned[j], "co-mention")] = { mentioned[i], mentioned[j] }
            end
          end
        end
        local merged_here = {}
        for key, members in pairs(u.pairs) do
          local _, a, b = pair_key(members[1], members[2], "")
          local pair = a .. "\0" .. b
          if not merged_here[pair] then
            merged_here[pair] = true
            merged[pair] = merged[pair] or { a = a, b = b, count = 0 }
            merged[pair].count = merged[pair].count + 1
          end
          local p = pairs_seen[key]
          if not p then
            p = { a = a, b = b, source = key:match("([^\0]+)$"), count = 0 }
            pairs_seen[key] = p
          end
          p.count = p.count + 1
        end
      end
    end

    for _, labels in ipairs(by:grid()) do
      local group = per_group[by:key(labels)] or { units_with = {}, pairs_seen = {}, merged = {} }
      local function row(cells) out:row(by:set(cells, labels)) end
      if params.format == "nodes" then
        local names = {}
        for name in pairs(group.units_with) do names[#names + 1] = name end
        table.sort(names, function(x, y)
          if group.units_with[x] ~= group.units_with[y] then return group.units_with[x] > group.units_with[y] end
          return x < y
        end)
        for _, name in ipairs(names) do
          local entry = dictionary:actor(name)
          row { Id = name, Label = name, type = entry and entry.type or "unlisted", mentions = group.units_with[name] }
        end
      elseif params.format == "gephi" then
        for _, p in ipairs(strongest(group.merged, params.min_count)) do
          row { Source = p.a, Target = p.b, Weight = p.count, Type = "Undirected" }
        end
      else
        for _, p in ipairs(strongest(group.pairs_seen, params.min_count)) do
          local union = group.units_with[p.a] + group.units_with[p.b] - p.count
          local jaccard = math.floor(p.count / union * 10000 + 0.5) / 10000
          row { actor_a = p.a, actor_b = p.b, scope = params.scope, count = p.count, jaccard = jaccard, source = p.source }
        end
      end
    end
  end,
}
