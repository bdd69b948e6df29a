-- association: statistics of a 2×2 table of counts (docs/text-as-data.md#keyness).
--
--                 feature   other features
--   target           a            c
--   reference        b            d
--
-- Every formula converts the counts to floats first: Lua integers wrap
-- silently at 2^63, and a product of four margins of a large corpus
-- ((a+b)*(c+d)*(a+c)*(b+d)) can wrap and flip a statistic's sign.
-- The formulas follow quanteda's textstat_keyness (quanteda.textstats,
-- src/keyness.cpp), including its epsilon inside logarithms.

local M = {}

M.EPSILON = 1e-9

local function floats(a, b, c, d) return a + 0.0, b + 0.0, c + 0.0, d + 0.0 end

--- Yates' continuity correction as quanteda applies it: 0.5 when
--- |ad - bc| >= N/2 and some expected cell is below 5, else 0.
function M.yates(a, b, c, d)
  a, b, c, d = floats(a, b, c, d)
  local n = a + b + c + d
  if math.abs(a * d - b * c) >= n / 2 and ((a + b) * (a + c) / n < 5 or (a + b) * (b + d) / n < 5
      or (a + c) * (c + d) / n < 5 or (c + d) * (b + d) / n < 5) then
    return 0.5
  end
  return 0.0
end

local function sign(a, b, c, d)
  local expected = (a + b) * (a + c) / (a + b + c + d)
  return a > expected and 1.0 or -1.0
end

--- Signed chi-square: N(|ad - bc| - N·δ)² / ((a+b)(c+d)(a+c)(b+d)),
--- negative when a is at or below its expected value. δ is the Yates
--- correction (`correct` true) or 0. 0 when a margin is empty.
function M.chi2(a, b, c, d, correct)
  a, b, c, d = floats(a, b, c, d)
  local n = a + b + c + d
  local margins = (a + b) * (c + d) * (a + c) * (b + d)
  if margins == 0 then return 0.0 end
  local delta = correct and M.yates(a, b, c, d) or 0.0
  return n * (math.abs(a * d - b * c) - n * delta) ^ 2 / margins * sign(a, b, c, d)
end

--- Signed log-likelihood G² = 2 Σ O ln(O/E + ε), with the Yates δ moved
--- into the cells towards independence when `correct` is true.
function M.g2(a, b, c, d, correct)
  a, b, c, d = floats(a, b, c, d)
  local n = a + b + c + d
  if (a + b) * (c + d) * (a + c) * (b + d) == 0 then return 0.0 end
  local s = sign(a, b, c, d)
  local aa, bb, cc, dd = a, b, c, d
  if correct then
    local delta = M.yates(a, b, c, d)
    local positive = a * d - b * c > 0
    aa = aa + (positive and -delta or delta)
    bb = bb + (positive and delta or -delta)
    cc = cc + (positive and delta or -delta)
    dd = dd + (positive and -delta or delta)
  end
  local function term(o, row, column)
    if o == 0 then return 0.0 end
    return o * math.log(o / (row * column / n) + M.EPSILON)
  end
  return 2 * (term(aa, aa + bb, aa + cc) + term(bb, aa + bb, bb + dd) + term(cc, aa + cc, cc + dd)
              + term(dd, bb + dd, cc + dd)) * s
end

--- Pointwise mutual information ln(a/E + ε), E = (a+b)(a+c)/N.
function M.pmi(a, b, c, d)
  a, b, c, d = floats(a, b, c, d)
  local expected = (a + b) * (a + c) / (a + b + c + d)
  if expected == 0 then return 0.0 end
  return math.log(a / expected + M.EPSILON)
end

--- The upper tail of the chi-square distribution with one degree of
--- freedom at |x|: Q(1/2, |x|/2), by series or continued fraction.
function M.chi2_p(x)
  local a, z = 0.5, math.abs(x) / 2
  if z == 0 then return 1.0 end
  local log_prefix = -z + a * math.log(z) - 0.5 * math.log(math.pi)
  if z < a + 1 then
    local term, sum, ap = 1 / a, 1 / a, a
    for _ = 1, 1000 do
      ap = ap + 1
      term = term * z / ap
      sum = sum + term
      if math.abs(term) < math.abs(sum) * 1e-17 then break end
    end
    return 1 - sum * math.exp(log_prefix)
  end
  local tiny = 1e-300
  local b, c, d = z + 1 - a, 1 / tiny, 1 / (z + 1 - a)
  local h = d
  for i = 1, 1000 do
    local an = -i * (i - a)
    b = b + 2
    d = an * d + b
    if math.abs(d) < tiny then d = tiny end
    c = b + an / c
    if math.abs(c) < tiny then c = tiny end
    d = 1 / d
    local delta = d * c
    h = h * delta
    if math.abs(delta - 1) < 1e-17 then break end
  end
  return math.exp(log_prefix) * h
end

return M
