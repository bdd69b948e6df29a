-- word-frequency: term frequency and document frequency per group
-- (docs/text-as-data.md#word-frequency).
--
-- tf               occurrences of the term among the group's kept tokens
-- df               documents of the group with the term
-- tokens_total     kept tokens in the group (the denominator of tf)
-- documents_total  documents in the group (the denominator of df)
-- Rows per group: most frequent first, ties by UTF-8 bytes; groups in the
-- order of lib/groups.lua; a group without kept tokens has no rows.

local groups = require("groups")
local terms = require("terms")

local columns = { "term", "tf", "df", "tokens_total", "documents_total" }
local reserved = groups.reserved(columns)

return {
  name = "word-frequency",
  description = "Term frequency and document frequency of words per group (nouns by default)",
  params = terms.merge({
    by = { default = "none", help = groups.help("; none: the whole corpus") },
    min_count = { type = "integer", default = "1", help = "leave out terms with a lower tf in their group" },
    top = { type = "integer", default = "0", help = "keep the N most frequent terms of each group (0: all)" },
  }, terms.params({})),
  chart = { kind = "bar", x = "term", y = "tf", limit = 30 },
  columns = function(params) return terms.with_groups(groups.parse(params.by, { reserved = reserved }), columns) end,

  run = function(corpus, params, out)
    local by = groups.parse(params.by, { reserved = reserved })
    by:prepare(corpus)
    local filter = terms.filter(params)
    local stats = terms.tally(corpus, by, function(doc) return filter:terms(doc) end)
    terms.write_ranked(out, by, stats, params, function(term, s)
      return { term = term, tf = s.tf[term], df = s.df[term], tokens_total = s.total, documents_total = s.documents }
    end)
  end,
}
