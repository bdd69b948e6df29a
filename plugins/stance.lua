-- stance: how coverage frames each target of a stance scheme, per document
-- (or per month), with the sentence that decided each label.
--
-- stance     a label of the scheme (threat, cooperative … ), "neutral" (the
--            target occurs with no or balanced cues) or "not mentioned"
-- score      the winning label's cue weight minus the runner-up's (0 for neutral)
-- sentences  sentences that mention the target
-- evidence   the sentence that decided the label (as written, at most 120
--            characters); for neutral, the first sentence naming the target
--
-- The rules (scope, negation, weights) are in plugins/schemes/alliance.lua
-- and docs/stance.md. Check them against your own coding with
-- `kiji validate stance --gold FILE.csv`.

local actors = require("actors")
local stance = require("stance")
local groups = require("groups")

local reserved = { target = true, stance = true, articles = true }

return {
  name = "stance",
  description = "Stance toward each target (China, the US–Japan alliance …) per document, with evidence",
  params = {
    by = { default = "none",
           help = groups.help("; none: one row per document and target; else articles per group, target and stance") },
    scheme = { default = "", help = "a stance scheme file (default: plugins/schemes/alliance.lua)" },
    dictionary = { default = "", help = "an actor dictionary file (default: plugins/dictionaries/actors.lua)" },
  },
  columns = function(params)
    local by = groups.parse(params.by, { reserved = reserved })
    if by:any() then
      return table.move({ "target", "stance", "articles" }, 1, 3, #by.columns + 1, table.move(by.columns, 1, #by.columns, 1, {}))
    end
    return { "doc_id", "date", "target", "stance", "score", "sentences", "evidence" }
  end,

  run = function(corpus, params, out)
    local scheme = stance.load(params.scheme, actors.load(params.dictionary))
    local by = groups.parse(params.by, { reserved = reserved })
    if not by:any() then
      for doc in corpus:documents() do
        for _, r in ipairs(scheme:classify(doc)) do
          out:row { doc_id = doc.id, date = doc.date, target = r.target, stance = r.stance, score = r.score,
                    sentences = r.sentences, evidence = r.evidence }
        end
      end
      return
    end
    -- by groups: the grid of mentions-by-month, every label of every target.
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
