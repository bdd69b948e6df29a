-- co-mentions: pairs of actors named in the same sentence (or article): the
-- edge list to load into Gephi or igraph.
--
-- count     sentences (or articles) in which the pair occurs
-- jaccard   count / (units with actor_a + units with actor_b - count)
-- source    co-mention: both actors are mentioned in the unit;
--           compound: the unit contains a compound naming both (日米, 米中, 日英伊)
-- actor_a sorts before actor_b (by UTF-8 bytes).
-- With by= (a period, a metadata field or a pair, see lib/groups.lua) the
-- group columns come first and each group has its own edge list and
-- Jaccard; groups without pairs have no rows.

local actors = require("actors")
local sentence_of = require("positions").sentence_at
local groups = require("groups")

local columns = { "actor_a", "actor_b", "scope", "count", "jaccard", "source" }
local reserved = {}
for _, column in ipairs(columns) do reserved[column] = true end

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
    dictionary = { default = "", help = "an actor dictionary file (default: plugins/dictionaries/actors.lua)" },
    by = { default = "none", help = groups.help("; none: one edge list for the whole corpus") },
  },
  columns = function(params)
    local by = groups.parse(params.by, { reserved = reserved })
    return table.move(columns, 1, #columns, #by.columns + 1, table.move(by.columns, 1, #by.columns, 1, {}))
  end,

  run = function(corpus, params, out)
    local dictionary = actors.load(params.dictionary)
    local by = groups.parse(params.by, { reserved = reserved })
    by:prepare(corpus)
    local per_group = {}    -- group key -> { units_with = actor -> units naming it, pairs_seen = key -> { a, b, source, count } }

    for doc in corpus:documents() do
      local group_key = by:key(by:labels(doc))
      per_group[group_key] = per_group[group_key] or { units_with = {}, pairs_seen = {} }
      local units_with, pairs_seen = per_group[group_key].units_with, per_group[group_key].pairs_seen
      local found = dictionary:find(doc)
      local sentences = params.scope == "sentence" and doc:sentences() or nil
      local units = {}      -- unit index -> { actors = set, compounds = list }
      local function unit(position)
        local index = sentences and sentence_of(sentences, position) or 1
        if not index then return nil end
        units[index] = units[index] or { actors = {}, pairs = {} }
        return units[index]
      end
      for _, mention in ipairs(found.mentions) do
        local u = unit(mention.start)
        if u then u.actors[mention.actor] = "co-mention" end
      end
      for _, compound in ipairs(found.compounds) do
        local u = unit(compound.start)
        if u then
          for i = 1, #compound.actors do
            u.actors[compound.actors[i]] = u.actors[compound.actors[i]] or "compound"
            for j = i + 1, #compound.actors do
              u.pairs[pair_key(compound.actors[i], compound.actors[j], "compound")] = { compound.actors[i], compound.actors[j] }
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
          if how == "co-mention" then mentioned[#mentioned + 1] = name end
        end
        table.sort(mentioned)
        for i = 1, #mentioned do
          for j = i + 1, #mentioned do
            u.pairs[pair_key(mentioned[i], mentioned[j], "co-mention")] = { mentioned[i], mentioned[j] }
          end
        end
        for key, members in pairs(u.pairs) do
          local _, a, b = pair_key(members[1], members[2], "")
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
      local group = per_group[by:key(labels)] or { units_with = {}, pairs_seen = {} }
      local rows = {}
      for _, p in pairs(group.pairs_seen) do
        if p.count >= params.min_count then rows[#rows + 1] = p end
      end
      table.sort(rows, function(x, y)
        if x.count ~= y.count then return x.count > y.count end
        if x.a ~= y.a then return x.a < y.a end
        if x.b ~= y.b then return x.b < y.b end
        return x.source < y.source
      end)
      for _, p in ipairs(rows) do
        local union = group.units_with[p.a] + group.units_with[p.b] - p.count
        local jaccard = math.floor(p.count / union * 10000 + 0.5) / 10000
        out:row(by:set({ actor_a = p.a, actor_b = p.b, scope = params.scope, count = p.count, jaccard = jaccard,
                         source = p.source }, labels))
      end
    end
  end,
}
