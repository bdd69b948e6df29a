-- terms: which tokens a text-as-data plugin counts, and as what
-- (docs/text-as-data.md#token-filters).
--
-- pos          parts of speech to keep: IPADIC category names, optionally with
--              sub-categories after colons (名詞, 名詞:固有名詞, 名詞:固有名詞:人名);
--              "*" keeps every part of speech
-- exclude_pos  parts of speech to drop, in the same notation, checked after pos
-- stopwords    terms to drop, compared after NFKC normalisation with the counted form
-- form         surface (the normalised text of the token) or base (its dictionary form)
-- A token made only of punctuation and symbols (ASCII punctuation, the Unicode
-- punctuation, symbol and emoji blocks) counts as 記号 whatever MeCab said:
-- normalisation turns full-width brackets into ASCII ones, and IPADIC tags
-- those and unknown symbols such as emoji as nouns.

local M = {}

--- Parameter declarations for a plugin, with its own defaults.
function M.params(defaults)
  return {
    pos = { default = defaults.pos or "名詞",
            help = "parts of speech to keep (IPADIC names, sub-categories after ':', e.g. 名詞:固有名詞; * for all)" },
    exclude_pos = { default = defaults.exclude_pos or "名詞:数,名詞:非自立,名詞:代名詞,記号",
                    help = "parts of speech to drop, same notation ('' for none)" },
    stopwords = { default = defaults.stopwords or "", help = "comma-separated terms to drop ('' for none)" },
    form = { default = defaults.form or "surface", choices = { "surface", "base" },
             help = "count the surface form or the dictionary form (原形)" },
  }
end

local function split_list(text)
  local items = {}
  for _, piece in ipairs(kiji.text.split(text or "", ",")) do
    local item = kiji.text.trim(piece)
    if item ~= "" then items[#items + 1] = item end
  end
  return items
end

local function parse_pos(text, name)
  local specs = {}
  for _, item in ipairs(split_list(text)) do
    local path = kiji.text.split(item, ":")
    for _, level in ipairs(path) do
      if level == "" then error(name .. ": '" .. item .. "' has an empty level; write e.g. 名詞:固有名詞", 0) end
    end
    specs[#specs + 1] = path
  end
  return specs
end

local Filter = {}
Filter.__index = Filter

--- Compiles the filter parameters (pos, exclude_pos, stopwords, form).
function M.filter(params)
  local filter = setmetatable({ form = params.form or "surface", stop = {} }, Filter)
  filter.all = false
  filter.keep = parse_pos(params.pos, "pos")
  for i, spec in ipairs(filter.keep) do
    if spec[1] == "*" and #spec == 1 then filter.all = true; filter.keep[i] = nil end
  end
  filter.drop = parse_pos(params.exclude_pos, "exclude_pos")
  for _, word in ipairs(split_list(params.stopwords)) do filter.stop[kiji.text.normalize(word)] = true end
  return filter
end

-- Unicode blocks of punctuation and symbols: General Punctuation to
-- Miscellaneous Symbols and Arrows (U+2000–2BFF), CJK Symbols and
-- Punctuation (U+3000–303F), variation selectors, emoji (U+1F000–1FAFF).
local symbol_ranges = { { 0x2000, 0x2BFF }, { 0x3000, 0x303F }, { 0xFE00, 0xFE0F }, { 0x1F000, 0x1FAFF } }

local function is_symbol(code)
  if code < 0x80 then return string.char(code):match("%p") ~= nil end
  for _, range in ipairs(symbol_ranges) do
    if code >= range[1] and code <= range[2] then return true end
  end
  return false
end

--- Whether a surface is made only of punctuation and symbols.
function M.is_symbolic(surface)
  if surface == "" or not utf8.len(surface) then return false end
  for _, code in utf8.codes(surface) do
    if not is_symbol(code) then return false end
  end
  return true
end

local function path_of(token)
  if M.is_symbolic(token.surface) then return { "記号" } end
  local path = { token.pos }
  if token.pos_detail ~= "" then
    for _, level in ipairs(kiji.text.split(token.pos_detail, ",")) do path[#path + 1] = level end
  end
  return path
end

local function matches(path, specs)
  for _, spec in ipairs(specs) do
    local ok = true
    for i, level in ipairs(spec) do
      if path[i] ~= level then ok = false; break end
    end
    if ok then return true end
  end
  return false
end

--- The term a token counts as, or nil when the filter drops it.
function Filter:term(token)
  local path = path_of(token)
  if not self.all and not matches(path, self.keep) then return nil end
  if matches(path, self.drop) then return nil end
  local term = self.form == "base" and token.base or token.surface
  if term == "" or self.stop[term] then return nil end
  return term
end

--- The terms of a document in order; dropped tokens are `false` when
--- `keep_gaps` is set (n-grams must not bridge them), else left out.
function Filter:terms(doc, keep_gaps)
  local terms = {}
  for _, token in ipairs(doc:tokens()) do
    local term = self:term(token)
    if term then terms[#terms + 1] = term elseif keep_gaps then terms[#terms + 1] = false end
  end
  return terms
end

--- Adds the declarations of `more` to the table `params`; returns `params`.
function M.merge(params, more)
  for key, value in pairs(more) do params[key] = value end
  return params
end

--- Keys of a counts table, most frequent first, ties by UTF-8 bytes.
function M.ranked(counts)
  local keys = {}
  for key in pairs(counts) do keys[#keys + 1] = key end
  table.sort(keys, function(a, b)
    if counts[a] ~= counts[b] then return counts[a] > counts[b] end
    return a < b
  end)
  return keys
end

--- Counts per group: `units(doc)` returns the items a document counts (terms
--- or n-grams). Returns { [group key] = { tf = {}, df = {}, total = n, documents = n } }.
function M.tally(corpus, by, units)
  local stats = {}
  for doc in corpus:documents() do
    local key = by:key(by:labels(doc))
    local s = stats[key] or { tf = {}, df = {}, total = 0, documents = 0 }
    stats[key] = s
    s.documents = s.documents + 1
    local seen = {}
    for _, unit in ipairs(units(doc)) do
      s.total = s.total + 1
      s.tf[unit] = (s.tf[unit] or 0) + 1
      if not seen[unit] then seen[unit] = true; s.df[unit] = (s.df[unit] or 0) + 1 end
    end
  end
  return stats
end

--- Writes the tallies group by group, most frequent first, keeping
--- params.top per group (0: all) with tf >= params.min_count. `row(unit, s)`
--- builds the row for one unit of a group's tally `s`.
function M.write_ranked(out, by, stats, params, row)
  for _, labels in ipairs(by:grid()) do
    local s = stats[by:key(labels)]
    if s then
      local written = 0
      for _, unit in ipairs(M.ranked(s.tf)) do
        if s.tf[unit] < params.min_count or (params.top > 0 and written >= params.top) then break end
        written = written + 1
        out:row(by:set(row(unit, s), labels))
      end
    end
  end
end

--- A plugin's columns after the group columns of `by`.
function M.with_groups(by, list)
  return by:with(list)
end

return M
