-- mentions-by-month: how often each term occurs per calendar month (or per
-- day, ISO week, quarter, year or fiscal year with --param by=…; the first
-- column is then named after the period).
--
-- mentions        non-overlapping occurrences of the NFKC-normalised term in doc.text
-- articles        documents with at least one occurrence
-- articles_total  documents in the month (the denominator for shares)
-- Every month from the first dated document to the last gets a row per term,
-- zeros included; undated documents form a last group, month "undated".

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
      choices = { "day", "week", "month", "quarter", "year", "fiscal_year" },
      help = "the period of the first column; fiscal_year is the Japanese 年度 (April to March)",
    },
    dates = {
      default = "any",
      choices = { "any", "stated" },
      help = "any: use every date; stated: count documents dated only from their text as undated",
    },
  },
  columns = function(params) return { params.by, "term", "mentions", "articles", "articles_total" } end,
  group_by = function(params) return { params.by, "term" } end,
  aggregate = { mentions = "sum", articles = "sum", articles_total = "sum" },
  periods = function(params) return { [params.by] = params.by } end,
  chart = function(params) return { kind = "line", x = params.by, y = "mentions", series = "term" } end,

  prepare = function(params)
    for i, term in ipairs(params.terms) do
      params.terms[i] = kiji.text.normalize(term)
    end
  end,

  levels = function(params)
    return { term = params.terms }
  end,

  map = function(doc, emit, params)
    local period = "undated"
    if doc.date and (params.dates == "any" or doc.date_origin == "stated") then
      period = kiji.period(doc.date, params.by)
    end
    local counts = doc:count(params.terms)
    for _, term in ipairs(params.terms) do
      local n = counts[term]
      emit { [params.by] = period, term = term, mentions = n, articles = n > 0 and 1 or 0, articles_total = 1 }
    end
  end,
}
