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

local PERIODS = { day = true, week = true, month = true, quarter = true, year = true, fiscal_year = true }

local function group_of(doc, by)
  if PERIODS[by] then return doc.date and kiji.period(doc.date, by) or "undated" end
  local value = doc.meta[by]
  if value == nil or type(value) == "table" then return "(missing)" end
  return tostring(value)
end

return {
  name = "dictionary",
  description = "Matches of each category of a dictionary (YAML, LIWC .dic, CSV, KH Coder rules) per group or document",
  params = {
    dictionary = { required = true, help = "the dictionary file: .yml/.yaml (quanteda), .dic (LIWC), .csv (category,word) or .txt (KH Coder coding rules)" },
    by = { default = "none",
           help = "none; a period (day, week, month, quarter, year, fiscal_year); or a metadata field such as category. The first column is named after it" },
    per = { default = "group", choices = { "group", "document" },
            help = "group: a row per group and category; document: a row per document and category (column doc_id)" },
  },
  aggregate = { matches = "sum", documents = "sum", documents_total = "sum", tokens = "sum" },

  prepare = function(params)
    params.dict = kiji.dictionary(params.dictionary)
  end,

  group_by = function(params)
    local keys = {}
    if params.by ~= "none" then keys[#keys + 1] = params.by end
    if params.per == "document" then keys[#keys + 1] = "doc_id" end
    keys[#keys + 1] = "key"
    return keys
  end,

  columns = function(params)
    local columns = {}
    if params.by ~= "none" then columns[#columns + 1] = params.by end
    if params.per == "document" then columns[#columns + 1] = "doc_id" end
    for _, c in ipairs({ "key", "matches", "documents", "documents_total", "tokens" }) do columns[#columns + 1] = c end
    return columns
  end,

  -- Per group, every period from the first to the last gets rows; per
  -- document, a document has only its own period.
  periods = function(params)
    if PERIODS[params.by] and params.per == "group" then return { [params.by] = params.by } end
    return {}
  end,

  levels = function(params)
    return { key = params.dict.categories }
  end,

  map = function(doc, emit, params)
    local counts = params.dict:count(doc)
    local tokens = #doc:tokens()
    local rows = {}
    for i, category in ipairs(params.dict.categories) do
      local row = { key = category, matches = counts[category], documents = counts[category] > 0 and 1 or 0,
                    documents_total = 1, tokens = tokens }
      if params.by ~= "none" then row[params.by] = group_of(doc, params.by) end
      if params.per == "document" then row.doc_id = doc.id end
      rows[i] = row
    end
    if #rows > 0 then emit(rows) end
  end,
}
