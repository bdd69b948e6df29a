-- ngrams: sequences of n adjacent kept tokens per group (docs/text-as-data.md#ngrams).
--
-- ngram            the tokens joined by single spaces
-- tf, df           occurrences in the group, and documents of the group with it
-- ngrams_total     n-grams in the group (the denominator of tf)
-- documents_total  documents in the group
-- A dropped token (by pos, exclude_pos or stopwords) breaks the sequence: no
-- n-gram spans it (quanteda's tokens_remove(padding = TRUE) behaviour).

local groups = require("groups")
local terms = require("terms")

local columns = { "ngram", "n", "tf", "df", "ngrams_total", "documents_total" }
local reserved = groups.reserved(columns)

--- The n-grams of a sequence whose gaps are `false`.
local function ngrams(sequence, n)
  local result = {}
  for i = 1, #sequence - n + 1 do
    local ok = true
    for j = i, i + n - 1 do
      if not sequence[j] then ok = false; break end
    end
    if ok then result[#result + 1] = table.concat(sequence, " ", i, i + n - 1) end
  end
  return result
end

return {
  name = "ngrams",
  description = "Frequencies of n-grams (2 to 5 adjacent tokens) per group",
  params = terms.merge({
    n = { type = "integer", default = "2", help = "tokens per n-gram, 2 to 5" },
    by = { default = "none", help = groups.help("; none: the whole corpus") },
    min_count = { type = "integer", default = "1", help = "leave out n-grams with a lower tf in their group" },
    top = { type = "integer", default = "0", help = "keep the N most frequent n-grams of each group (0: all)" },
  }, terms.params({ pos = "*", exclude_pos = "記号" })),
  chart = { kind = "bar", x = "ngram", y = "tf", limit = 30 },
  columns = function(params) return terms.with_groups(groups.parse(params.by, { reserved = reserved }), columns) end,

  run = function(corpus, params, out)
    if params.n < 2 or params.n > 5 then error("n must be 2 to 5, not " .. params.n, 0) end
    local by = groups.parse(params.by, { reserved = reserved })
    by:prepare(corpus)
    local filter = terms.filter(params)
    local stats = terms.tally(corpus, by, function(doc) return ngrams(filter:terms(doc, true), params.n) end)
    terms.write_ranked(out, by, stats, params, function(ngram, s)
      return { ngram = ngram, n = params.n, tf = s.tf[ngram], df = s.df[ngram], ngrams_total = s.total,
               documents_total = s.documents }
    end)
  end,
}
