-- keyness: which terms distinguish a target group from a reference
-- (quanteda's textstat_keyness; docs/text-as-data.md#keyness).
--
-- For each term, a 2×2 table: a = the term in the target, b = in the
-- reference, c and d = everything else in each (count=tokens: kept tokens;
-- count=documents: documents without the term).
-- chi2  signed chi-square with Yates' correction as quanteda applies it
-- p     upper tail of chi-square with 1 degree of freedom at |chi2|
-- G2    signed log-likelihood, the same correction
-- pmi   ln(a/E + 1e-9), E = (a+b)(a+c)/N
-- Signs: negative when the term is at or below its expected count in the target.
-- Rows: highest chi2 first (or G2, pmi with sort=), ties by term.

local groups = require("groups")
local terms = require("terms")
local association = require("association")

local columns = { "target", "reference", "term", "n_target", "n_reference", "chi2", "p", "G2", "pmi",
                  "total_target", "total_reference" }

local function fail(message) error(message, 0) end

return {
  name = "keyness",
  description = "Keyness of terms in a target group against the rest or a named group: chi2, G2, PMI",
  params = terms.merge({
    by = { default = "", help = groups.help(" (required)") },
    target = { default = "", help = "the target group, as its label (for a pair: the labels joined by a comma)" },
    reference = { default = "", help = "the reference group ('' : every document not in the target)" },
    count = { default = "tokens", choices = { "tokens", "documents" },
              help = "tokens: term frequencies; documents: documents with the term (the document-frequency variant)" },
    correction = { default = "yates", choices = { "yates", "none" },
                   help = "yates: quanteda's default continuity correction for chi2 and G2; none: none" },
    sort = { default = "chi2", choices = { "chi2", "G2", "pmi" }, help = "the statistic rows are sorted by" },
    min_count = { type = "integer", default = "1", help = "leave out terms seen fewer times in target and reference together" },
    top = { type = "integer", default = "0", help = "keep the N highest-scoring terms (0: all)" },
  }, terms.params({})),
  columns = columns,
  -- Diverging bars: terms over-represented in the target right of zero.
  chart = { kind = "bar", x = "term", y = "chi2", limit = 40 },

  -- Missing by= or target= are usage errors, found before the corpus loads.
  check = function(params)
    if not groups.parse(params.by):any() then return "keyness needs by= (e.g. by=category) and target= (one of its groups)" end
    if params.target == "" then return "keyness needs target=, one group of by=" .. params.by end
    if params.reference ~= "" and params.reference == params.target then return "target and reference are the same group" end
  end,

  run = function(corpus, params, out)
    local by = groups.parse(params.by)
    by:prepare(corpus)
    local labels = {}
    for _, group in ipairs(by:grid()) do labels[#labels + 1] = table.concat(group, ",") end
    local function check(name, value)
      for _, label in ipairs(labels) do if label == value then return end end
      fail(name .. " '" .. value .. "' is not a group of by=" .. params.by .. " (groups: " .. table.concat(labels, ", ") .. ")")
    end
    check("target", params.target)
    if params.reference ~= "" then check("reference", params.reference) end

    local filter = terms.filter(params)
    local n = { target = {}, reference = {} }
    local total = { target = 0, reference = 0 }
    for doc in corpus:documents() do
      local label = table.concat(by:labels(doc), ",")
      local side = label == params.target and "target"
        or ((params.reference == "" or label == params.reference) and "reference" or nil)
      if side then
        local seen, counts = {}, n[side]
        for _, term in ipairs(filter:terms(doc)) do
          if params.count == "tokens" then
            counts[term] = (counts[term] or 0) + 1
            total[side] = total[side] + 1
          elseif not seen[term] then
            seen[term] = true
            counts[term] = (counts[term] or 0) + 1
          end
        end
        if params.count == "documents" then total[side] = total[side] + 1 end
      end
    end
    if total.target == 0 then fail("the target group '" .. params.target .. "' has no counted terms") end
    if total.reference == 0 then fail("the reference has no counted terms") end

    local rows = {}
    local vocabulary = {}
    for term in pairs(n.target) do vocabulary[term] = true end
    for term in pairs(n.reference) do vocabulary[term] = true end
    local correct = params.correction == "yates"
    for term in pairs(vocabulary) do
      local a, b = n.target[term] or 0, n.reference[term] or 0
      if a + b >= params.min_count then
        local c, d = total.target - a, total.reference - b
        local chi2 = association.chi2(a, b, c, d, correct)
        rows[#rows + 1] = { target = params.target, reference = params.reference == "" and "rest" or params.reference,
                            term = term, n_target = a, n_reference = b, chi2 = chi2, p = association.chi2_p(chi2),
                            G2 = association.g2(a, b, c, d, correct), pmi = association.pmi(a, b, c, d),
                            total_target = total.target, total_reference = total.reference }
      end
    end
    table.sort(rows, function(x, y)
      if x[params.sort] ~= y[params.sort] then return x[params.sort] > y[params.sort] end
      return x.term < y.term
    end)
    for i, row in ipairs(rows) do
      if params.top > 0 and i > params.top then break end
      out:row(row)
    end
  end,
}
