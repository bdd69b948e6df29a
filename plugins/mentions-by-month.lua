-- mentions-by-month: how often each term occurs per calendar month (or per
-- day, ISO week, quarter, year or fiscal year with --param by=…, or per
-- metadata field or field and period, by=category,month; the first columns
-- are named after them, see lib/groups.lua).
--
-- mentions        non-overlapping occurrences of the NFKC-normalised term in doc.text
-- articles        documents with at least one occurrence
-- articles_total  documents in the month (the denominator for shares)
-- Every month from the first dated document to the last gets a row per term,
-- zeros included; undated documents form a last group, month "undated".

local groups = require("groups")

local reserved = { term = true, mentions = true, articles = true, articles_total = true }

local function by(params)
  local spec = groups.parse(params.by, { reserved = reserved, dates = params.dates })
  if not spec:any() then error("by: give a period or a metadata field (by=none is not accepted here)", 0) end
  return spec
end

return {
  name = "mentions-by-month",
  description = "Mentions of terms per calendar month, with article counts and monthly totals",
  params = {
    terms = {
      type = "list",
      default = "日米同盟,中国,尖閣,防衛費,台湾",
      help = "comma-separated terms; each is NFKC-normalised, as the text is",
    },
    by = {
      default = "month",
      help = groups.help("; the first columns are named after it. fiscal_year is the Japanese 年度 (April to March)"),
    },
    dates = {
      default = "any",
      choices = { "any", "stated" },
      help = "any: use every date; stated: count documents dated only from their text as undated",
    },
  },
  columns = function(params)
    return by(params):with({ "term", "mentions", "articles", "articles_total" })
  end,
  group_by = function(params) return by(params):with({ "term" }) end,
  aggregate = { mentions = "sum", articles = "sum", articles_total = "sum" },
  periods = function(params) return params.groups:periods() end,
  -- A line over the period (or the last group column), one per term; a
  -- second group column becomes panels.
  chart = function(params)
    local spec = by(params)
    local periods = spec:periods()
    local x = spec.columns[#spec.columns]
    for _, column in ipairs(spec.columns) do if periods[column] then x = column end end
    local facet
    for _, column in ipairs(spec.columns) do if column ~= x then facet = column end end
    return { kind = periods[x] and "line" or "bar", x = x, y = "mentions", series = "term", facet = facet }
  end,

  prepare = function(params, corpus)
    params.groups = by(params)
    params.groups:prepare(corpus)
    for i, term in ipairs(params.terms) do
      params.terms[i] = kiji.text.normalize(term)
    end
  end,

  -- Parts of a corpus (kiji run --partial) can find different field values;
  -- kiji merge asks for their order in the whole corpus.
  order_levels = function(_, values) return groups.order(values) end,

  levels = function(params)
    local levels = params.groups:levels()
    levels.term = params.terms
    return levels
  end,

  map = function(doc, emit, params)
    local labels = params.groups:labels(doc)
    local counts = doc:count(params.terms)
    -- One emit for the document's rows: one call into kiji instead of one per term.
    local rows = {}
    for i, term in ipairs(params.terms) do
      local n = counts[term]
      rows[i] = params.groups:set({ term = term, mentions = n, articles = n > 0 and 1 or 0, articles_total = 1 }, labels)
    end
    if #rows > 0 then emit(rows) end
  end,
}
