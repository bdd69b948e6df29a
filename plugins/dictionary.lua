-- dictionary: how often each category of a dictionary matches, per group
-- or per document.
--
-- The dictionary is a file the user names: quanteda YAML (.yml, .yaml),
-- LIWC (.dic), a category,word CSV (.csv) or KH Coder coding rules (.txt);
-- see docs/lua-api.md (kiji.dictionary) for the formats and matching.
--
-- key              the dictionary category (nested YAML categories as 外交.同盟)
-- matches          word lists: non-overlapping matches of the category's
--                  entries in the documents' tokens, summed over the group;
--                  coding rules: documents where the rule holds
-- documents        documents with at least one match
-- documents_total  documents in the group
-- tokens           tokens in the group (MeCab), the denominator for rates:
--                  matches per 1,000 tokens = 1000 * matches / tokens

local groups = require("groups")

local AGGREGATES = { "matches", "documents", "documents_total", "tokens" }
local reserved = groups.reserved({ "doc_id", "key" }, AGGREGATES)

local function by(params) return groups.parse(params.by, { reserved = reserved }) end

local function keys(params)
  return by(params):with(params.per == "document" and { "doc_id", "key" } or { "key" })
end

return {
  name = "dictionary",
  description = "Matches of each category of a dictionary (YAML, LIWC .dic, CSV, KH Coder rules) per group or document",
  params = {
    dictionary = { required = true, help = "the dictionary file: .yml/.yaml (quanteda), .dic (LIWC), .csv (category,word) or .txt (KH Coder coding rules)" },
    by = { default = "none", help = groups.help("; none: the whole corpus. The first columns are named after it") },
    per = { default = "group", choices = { "group", "document" },
            help = "group: a row per group and category; document: a row per document and category (column doc_id)" },
  },
  aggregate = { matches = "sum", documents = "sum", documents_total = "sum", tokens = "sum" },

  prepare = function(params, corpus)
    params.dict = kiji.dictionary(params.dictionary)
    params.groups = by(params)
    params.groups:prepare(corpus)
  end,

  group_by = keys,
  columns = function(params)
    local columns = keys(params)
    return table.move(AGGREGATES, 1, #AGGREGATES, #columns + 1, columns)
  end,

  -- Per group, every period from the first to the last and every field
  -- value gets rows; per document, a document has only its own groups.
  periods = function(params)
    return params.per == "group" and params.groups:periods() or {}
  end,

  -- Parts of a corpus (kiji run --partial) can find different field values;
  -- kiji merge asks for their order in the whole corpus.
  order_levels = function(_, values) return groups.order(values) end,

  levels = function(params)
    local levels = params.per == "group" and params.groups:levels() or {}
    levels.key = params.dict.categories
    return levels
  end,

  map = function(doc, emit, params)
    local counts = params.dict:count(doc)
    local tokens = #doc:tokens()
    local labels = params.groups:labels(doc)
    local rows = {}
    for i, category in ipairs(params.dict.categories) do
      local row = { key = category, matches = counts[category], documents = counts[category] > 0 and 1 or 0,
                    documents_total = 1, tokens = tokens }
      if params.per == "document" then row.doc_id = doc.id end
      rows[i] = params.groups:set(row, labels)
    end
    if #rows > 0 then emit(rows) end
  end,
}
