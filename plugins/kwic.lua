-- kwic: keyword in context, to trace any count back to its passages.
--
-- With term=…, every non-overlapping occurrence of the (normalised) term;
-- with actor=…, every mention that actor-frequency counts for that actor,
-- under any alias (石破, 石破茂首相, 石破氏 …). Rows follow corpus order.
-- left and right hold up to `window` characters of doc.text, line breaks
-- shown as spaces. With by=…, the first columns hold each hit's group
-- (lib/groups.lua); rows stay in corpus order.

local actors = require("actors")
local groups = require("groups")

local COLUMNS = { "doc_id", "date", "left", "match", "right" }
local reserved = groups.reserved(COLUMNS)

local function by(params) return groups.parse(params.by, { reserved = reserved }) end

local function context(text, from, to)
  if to < from then return "" end
  return (kiji.text.sub(text, math.max(from, 1), to):gsub("[\r\n]", " "))
end

return {
  name = "kwic",
  description = "Keyword in context for a term or an actor (all its aliases), one row per occurrence",
  params = {
    term = { help = "the term to show in context" },
    actor = { help = "an actor's canonical name or alias (instead of term)" },
    window = { type = "integer", default = "20", min = 0, help = "characters of context on each side" },
    dictionary = { default = "", file = true, help = "an actor dictionary file (default: plugins/dictionaries/actors.lua)" },
    by = { default = "none", help = groups.help("; none: no group columns. Adds each hit's group as the first columns") },
  },

  -- Bad parameter values are usage errors (exit 2), found before the run.
  check = function(params)
    if (params.term == nil) == (params.actor == nil) then
      return "give exactly one of --param term=… or --param actor=…"
    end
    if params.actor and not actors.load(params.dictionary):actor(params.actor) then
      return "actor '" .. params.actor .. "' is not in the dictionary"
    end
  end,
  columns = function(params) return by(params):with(COLUMNS) end,

  run = function(corpus, params, out)
    local find
    if params.term then
      find = function(doc) return doc:find_all(params.term) end
    else
      local dictionary = actors.load(params.dictionary)
      local entry = dictionary:actor(params.actor)
      if not entry then error("actor '" .. params.actor .. "' is not in the dictionary", 0) end
      find = function(doc)
        local hits = {}
        for _, mention in ipairs(dictionary:find(doc).mentions) do
          if mention.actor == entry.name then hits[#hits + 1] = mention end
        end
        return hits
      end
    end
    local spec = by(params)
    spec:prepare(corpus)
    for doc in corpus:documents() do
      local labels = spec:labels(doc)
      for _, hit in ipairs(find(doc)) do
        local stop = hit.start + hit.length - 1
        out:row(spec:set({
          doc_id = doc.id,
          date = doc.date,
          left = context(doc.text, hit.start - params.window, hit.start - 1),
          match = kiji.text.sub(doc.text, hit.start, stop),
          right = context(doc.text, stop + 1, stop + params.window),
        }, labels))
      end
    end
  end,
}
