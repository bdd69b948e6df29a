-- collocations: multi-word expressions scored as quanteda's
-- textstat_collocations, plus PMI, log-likelihood and t-score
-- (docs/text-as-data.md#collocations).
--
-- For an n-gram g and each subset b of its positions, c(b) is the number of
-- n-grams in the group that agree with g exactly at the positions in b.
-- lambda  Σ_b (-1)^(n-|b|) ln(c(b) + smoothing)        (quanteda's λ)
-- z       lambda / sqrt(Σ_b 1/(c(b) + smoothing))
-- pmi     ln(c(g) / E), E = N Π_i p_i, p_i the share of n-grams with g's token at position i
-- t       (c(g) - E) / sqrt(c(g))
-- G2      for n = 2: 2 Σ O ln(O/E) over the unsmoothed 2×2 table (empty for n > 2)
-- N counts every n-gram of the group; n-grams never span a dropped token.

local groups = require("groups")
local terms = require("terms")

local columns = { "collocation", "count", "length", "lambda", "z", "pmi", "G2", "t" }
local reserved = groups.reserved(columns)

local function popcount(b)
  local n = 0
  while b > 0 do n = n + (b & 1); b = b >> 1 end
  return n
end

-- Counts of the n-grams of one group: { [key] = { tokens = {…}, count = n } }, total.
local function add_ngrams(counts, sequence, n)
  local total = 0
  for i = 1, #sequence - n + 1 do
    local ok = true
    for j = i, i + n - 1 do if not sequence[j] then ok = false; break end end
    if ok then
      local tokens = table.move(sequence, i, i + n - 1, 1, {})
      local key = table.concat(tokens, "\0")
      local entry = counts[key] or { tokens = tokens, count = 0 }
      counts[key] = entry
      entry.count = entry.count + 1
      total = total + 1
    end
  end
  return total
end

-- For every subset of positions (a bit mask), the counts of n-grams by their
-- tokens at those positions.
local function projections(counts, n)
  local tables = {}
  for mask = 1, (1 << n) - 1 do
    local t = {}
    for _, entry in pairs(counts) do
      local parts = {}
      for i = 1, n do parts[i] = (mask >> (i - 1)) & 1 == 1 and entry.tokens[i] or "" end
      local key = table.concat(parts, "\0")
      t[key] = (t[key] or 0) + entry.count
    end
    tables[mask] = t
  end
  return tables
end

local function score(entry, n, total, projected, smoothing)
  -- at_least[mask]: n-grams agreeing with g at least at the positions in mask.
  local at_least = { [0] = total + 0.0 }
  for mask = 1, (1 << n) - 1 do
    local parts = {}
    for i = 1, n do parts[i] = (mask >> (i - 1)) & 1 == 1 and entry.tokens[i] or "" end
    at_least[mask] = projected[mask][table.concat(parts, "\0")] + 0.0
  end
  local full = (1 << n) - 1
  local lambda, variance, exact = 0.0, 0.0, {}
  for mask = 0, full do
    local c = 0.0
    for super = mask, full do  -- inclusion–exclusion over the supersets of mask
      if super & mask == mask then
        c = c + ((popcount(super) - popcount(mask)) % 2 == 0 and 1 or -1) * at_least[super]
      end
    end
    exact[mask] = c
    local smoothed = c + smoothing
    lambda = lambda + ((n - popcount(mask)) % 2 == 0 and 1 or -1) * math.log(smoothed)
    variance = variance + 1 / smoothed
  end
  local count = entry.count + 0.0
  local expected = total + 0.0
  for i = 1, n do expected = expected * at_least[1 << (i - 1)] / total end
  local g2
  if n == 2 then
    local cells = { { exact[3], exact[1] }, { exact[2], exact[0] } }
    local rows = { exact[3] + exact[1], exact[2] + exact[0] }
    local cols = { exact[3] + exact[2], exact[1] + exact[0] }
    g2 = 0.0
    for r = 1, 2 do
      for k = 1, 2 do
        local o = cells[r][k]
        if o > 0 then g2 = g2 + o * math.log(o / (rows[r] * cols[k] / total)) end
      end
    end
    g2 = 2 * g2
  end
  return { lambda = lambda, z = lambda / math.sqrt(variance), pmi = math.log(count / expected),
           t = (count - expected) / math.sqrt(count), G2 = g2 }
end

return {
  name = "collocations",
  description = "Multi-word expressions: quanteda's lambda and z, with PMI, log-likelihood and t-score",
  params = terms.merge({
    size = { type = "integer", default = "2", help = "tokens per collocation, 2 to 5" },
    by = { default = "none", help = groups.help("; none: the whole corpus") },
    min_count = { type = "integer", default = "2", help = "leave out collocations seen fewer times (quanteda's default: 2)" },
    smoothing = { type = "number", default = "0.5", help = "added to every cell before lambda and z (quanteda's default)" },
    top = { type = "integer", default = "0", help = "keep the N with the highest z in each group (0: all)" },
  }, terms.params({ pos = "*", exclude_pos = "記号" })),
  chart = { kind = "bar", x = "collocation", y = "z", limit = 30 },
  columns = function(params) return terms.with_groups(groups.parse(params.by, { reserved = reserved }), columns) end,

  run = function(corpus, params, out)
    local n = params.size
    if n < 2 or n > 5 then error("size must be 2 to 5, not " .. n, 0) end
    if params.smoothing < 0 then error("smoothing must be 0 or more", 0) end
    local by = groups.parse(params.by, { reserved = reserved })
    by:prepare(corpus)
    local filter = terms.filter(params)
    local per_group = {}
    for doc in corpus:documents() do
      local key = by:key(by:labels(doc))
      local g = per_group[key] or { counts = {}, total = 0 }
      per_group[key] = g
      g.total = g.total + add_ngrams(g.counts, filter:terms(doc, true), n)
    end
    for _, labels in ipairs(by:grid()) do
      local g = per_group[by:key(labels)]
      if g and g.total > 0 then
        local projected = projections(g.counts, n)
        local rows = {}
        for _, entry in pairs(g.counts) do
          if entry.count >= params.min_count then
            local s = score(entry, n, g.total, projected, params.smoothing)
            rows[#rows + 1] = { collocation = table.concat(entry.tokens, " "), count = entry.count, length = n,
                                lambda = s.lambda, z = s.z, pmi = s.pmi, G2 = s.G2, t = s.t }
          end
        end
        table.sort(rows, function(x, y)
          if x.z ~= y.z then return x.z > y.z end
          return x.collocation < y.collocation
        end)
        for i, row in ipairs(rows) do
          if params.top > 0 and i > params.top then break end
          out:row(by:set(row, labels))
        end
      end
    end
  end,
}
