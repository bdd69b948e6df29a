-- stance: how coverage frames each target of a stance scheme, per document
-- (or per month), with the sentence that decided each label.
--
-- stance     a label of the scheme (threat, cooperative … ), "mixed" (opposing
--            cues, none clearly ahead), "neutral" (the target occurs with no
--            evaluative cue) or "not mentioned"
-- score      the winning label's cue weight minus the runner-up's (0 for
--            mixed and neutral)
-- sentences  sentences that mention the target
-- evidence   the sentence that decided the label (as written, at most 120
--            characters); for neutral, the first sentence naming the target
-- holder     whose stance it is, when the sentence says so (政府 in 政府は…と
--            強調した; 松野官房長官 in 「…」=松野官房長官); empty otherwise
--
-- The rules (scope, negation, weights) are in plugins/schemes/alliance.lua
-- and docs/stance.md. Check them against your own coding with
-- `kiji validate stance --gold FILE.csv`.

local actors = require("actors")
local stance = require("stance")
local groups = require("groups")

local reserved = { target = true, stance = true, articles = true, holder = true }

return {
  name = "stance",
  description = "Stance toward each target (China, the US–Japan alliance …) per document, with evidence",
  params = {
    by = { default = "none",
           help = groups.help("; none: one row per document and target; holder: articles per stance holder, target and stance; "
               .. "else articles per group, target and stance") },
    scheme = { default = "", file = true, help = "a stance scheme file (default: plugins/schemes/alliance.lua)" },
    dictionary = { default = "", file = true, help = "an actor dictionary file (default: plugins/dictionaries/actors.lua)" },
  },
  columns = function(params)
    if params.by == "holder" then return { "holder", "target", "stance", "articles" } end
    local by = groups.parse(params.by, { reserved = reserved })
    if by:any() then
      return table.move({ "target", "stance", "articles" }, 1, 3, #by.columns + 1, table.move(by.columns, 1, #by.columns, 1, {}))
    end
    return { "doc_id", "date", "target", "stance", "score", "sentences", "evidence", "holder" }
  end,

  chart = function(params)
    if params.by == "none" then return { kind = "bar", x = "target", series = "stance" } end
    if params.by == "holder" then return { kind = "bar", x = "holder", y = "articles", series = "stance", facet = "target" } end
    local by = groups.parse(params.by, { reserved = reserved })
    local periods = by:periods()
    local x = by.columns[#by.columns]
    for _, column in ipairs(by.columns) do if periods[column] then x = column end end
    return { kind = periods[x] and "area" or "bar", x = x, y = "articles", series = "stance", facet = "target" }
  end,

  run = function(corpus, params, out)
    local scheme = stance.load(params.scheme, actors.load(params.dictionary))
    if params.by == "none" then
      for doc in corpus:documents() do
        for _, r in ipairs(scheme:classify(doc)) do
          out:row { doc_id = doc.id, date = doc.date, target = r.target, stance = r.stance, score = r.score,
                    sentences = r.sentences, evidence = r.evidence, holder = r.holder }
        end
      end
      return
    end
    if params.by == "holder" then
      -- Every holder seen (sorted; documents without one under "unattributed",
      -- last), times every target, times every label, zeros included.
      local counts, seen, names = {}, {}, {}
      for doc in corpus:documents() do
        for _, r in ipairs(scheme:classify(doc)) do
          if r.stance ~= stance.NOT_MENTIONED then
            local name = r.holder ~= "" and r.holder or stance.UNATTRIBUTED
            if not seen[name] then seen[name] = true names[#names + 1] = name end
            local key = name .. "\0" .. r.target .. "\0" .. r.stance
            counts[key] = (counts[key] or 0) + 1
          end
        end
      end
      table.sort(names, function(a, b)
        if (a == stance.UNATTRIBUTED) ~= (b == stance.UNATTRIBUTED) then return b == stance.UNATTRIBUTED end
        return a < b
      end)
      for _, name in ipairs(names) do
        for _, target in ipairs(scheme.targets) do
          for _, label in ipairs(scheme:labels(target)) do
            if label ~= stance.NOT_MENTIONED then
              out:row { holder = name, target = target.name, stance = label,
                        articles = counts[name .. "\0" .. target.name .. "\0" .. label] or 0 }
            end
          end
        end
      end
      return
    end
    -- by groups (a period, a metadata field or a pair): the grid of
    -- mentions-by-month, every label of every target.
    local by = groups.parse(params.by, { reserved = reserved })
    by:prepare(corpus)
    local counts = {}
    for doc in corpus:documents() do
      local group = by:key(by:labels(doc))
      for _, r in ipairs(scheme:classify(doc)) do
        local key = group .. "\0" .. r.target .. "\0" .. r.stance
        counts[key] = (counts[key] or 0) + 1
      end
    end
    for _, labels in ipairs(by:grid()) do
      local group = by:key(labels)
      for _, target in ipairs(scheme.targets) do
        for _, label in ipairs(scheme:labels(target)) do
          out:row(by:set({ target = target.name, stance = label,
                           articles = counts[group .. "\0" .. target.name .. "\0" .. label] or 0 }, labels))
        end
      end
    end
  end,
}
