-- tfidf: the terms that mark each document (or each group) out
-- (docs/text-as-data.md#tfidf).
--
-- A unit is a document (unit=document) or a group of by= (unit=group: the
-- group's documents pooled). N units; df = units with the term; tf = the
-- term's count in the unit.
-- scheme=count-log10       tf · log10(N/df)               (quanteda's dfm_tfidf default)
-- scheme=prop-log10        tf/tokens · log10(N/df)        (tf as a share of the unit's kept tokens)
-- scheme=count-ln-smooth   tf · (ln((1+N)/(1+df)) + 1)    (scikit-learn's TfidfVectorizer, norm=None)
-- Rows per unit: highest tfidf first, ties by term; units in input order
-- (documents) or group order.

local groups = require("groups")
local terms = require("terms")

local columns = { "term", "tf", "df", "units_total", "idf", "tfidf", "scheme" }
local reserved = groups.reserved(columns, { "doc_id" })

local idf_of = {
  ["count-log10"] = function(n, df) return math.log(n / df, 10) end,
  ["prop-log10"] = function(n, df) return math.log(n / df, 10) end,
  ["count-ln-smooth"] = function(n, df) return math.log((1 + n) / (1 + df)) + 1 end,
}

local function unit_columns(params)
  if params.unit == "document" then return { "doc_id" } end
  local by = groups.parse(params.by, { reserved = reserved })
  if not by:any() then error("unit=group needs by= (e.g. by=category)", 0) end
  return by.columns
end

return {
  name = "tfidf",
  description = "Top terms per document or per group by TF-IDF, with the weighting scheme named",
  params = terms.merge({
    unit = { default = "document", choices = { "document", "group" }, help = "weigh terms per document or per group of by=" },
    by = { default = "none", help = groups.help(" (for unit=group)") },
    scheme = { default = "count-log10", choices = { "count-log10", "prop-log10", "count-ln-smooth" },
               help = "count-log10: tf·log10(N/df) as quanteda; prop-log10: tf share; count-ln-smooth: scikit-learn's" },
    top = { type = "integer", default = "10", help = "terms per unit (0: all)" },
  }, terms.params({})),
  columns = function(params)
    local list = unit_columns(params)
    return table.move(columns, 1, #columns, #list + 1, table.move(list, 1, #list, 1, {}))
  end,

  run = function(corpus, params, out)
    local filter = terms.filter(params)
    local units, order = {}, {}
    local by
    if params.unit == "group" then
      unit_columns(params)
      by = groups.parse(params.by, { reserved = reserved })
      by:prepare(corpus)
      for _, labels in ipairs(by:grid()) do order[#order + 1] = { key = by:key(labels), labels = labels } end
    end
    for doc in corpus:documents() do
      local key = by and by:key(by:labels(doc)) or doc.id
      if not by then order[#order + 1] = { key = key, id = doc.id } end
      local u = units[key] or { tf = {}, tokens = 0 }
      units[key] = u
      for _, term in ipairs(filter:terms(doc)) do
        u.tf[term] = (u.tf[term] or 0) + 1
        u.tokens = u.tokens + 1
      end
    end
    local n, df = 0, {}
    for _, unit in ipairs(order) do
      local u = units[unit.key]
      if u then
        n = n + 1
        for term in pairs(u.tf) do df[term] = (df[term] or 0) + 1 end
      end
    end
    local idf = idf_of[params.scheme]
    for _, unit in ipairs(order) do
      local u = units[unit.key]
      if u then
        local rows = {}
        for term, tf in pairs(u.tf) do
          local weight = idf(n + 0.0, df[term] + 0.0)
          local scaled = params.scheme == "prop-log10" and tf / u.tokens or tf + 0.0
          rows[#rows + 1] = { term = term, tf = tf, df = df[term], units_total = n, idf = weight,
                              tfidf = scaled * weight, scheme = params.scheme }
        end
        table.sort(rows, function(x, y)
          if x.tfidf ~= y.tfidf then return x.tfidf > y.tfidf end
          return x.term < y.term
        end)
        for i, row in ipairs(rows) do
          if params.top > 0 and i > params.top then break end
          if by then by:set(row, unit.labels) else row.doc_id = unit.id end
          out:row(row)
        end
      end
    end
  end,
}
