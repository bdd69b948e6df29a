-- groups: the by= parameter shared by the bundled plugins (docs/text-as-data.md#grouping).
--
-- by is a comma-separated list of parts, each one of
--   a period   day, week, month, quarter, year, fiscal_year (from doc.date;
--              documents without a date go to "undated")
--   a field    any key of doc.meta (category, section …); meta.NAME names a
--              field whose name is also a period (meta.month)
-- "none" (or "") means no grouping. Each part becomes an output column named
-- after it. Groups come in a fixed order: periods as a full grid from the
-- first dated document to the last (zero rows included) with "undated" last;
-- field values as they occur, sorted (as numbers when all are numbers, else
-- by their UTF-8 bytes), with documents that lack the field (absent, JSON
-- null or "") in the group "(missing)", last.

local M = {}

M.MISSING = "(missing)"
M.UNDATED = "undated"
M.PERIODS = { "day", "week", "month", "quarter", "year", "fiscal_year" }

local is_period = {}
for _, kind in ipairs(M.PERIODS) do is_period[kind] = true end

local Spec = {}
Spec.__index = Spec

local function fail(message) error("by: " .. message, 0) end

-- Edit distance between two strings, counted in characters.
local function distance(a, b)
  local x, y = {}, {}
  for _, c in utf8.codes(a) do x[#x + 1] = c end
  for _, c in utf8.codes(b) do y[#y + 1] = c end
  local previous = {}
  for j = 0, #y do previous[j] = j end
  for i = 1, #x do
    local current = { [0] = i }
    for j = 1, #y do
      local cost = x[i] == y[j] and 0 or 1
      current[j] = math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    end
    previous = current
  end
  return previous[#y]
end

--- The field among `names` closest to `name` (ties: the first in sorted order).
function M.nearest(name, names)
  local best, best_distance
  for _, candidate in ipairs(names) do
    local d = distance(name, candidate)
    if not best_distance or d < best_distance then best, best_distance = candidate, d end
  end
  return best
end

--- The set of column names in the given lists, for parse's `reserved`:
--- a plugin's own output columns, which a by= part may not take.
function M.reserved(...)
  local set = {}
  for _, columns in ipairs({ ... }) do
    for _, column in ipairs(columns) do set[column] = true end
  end
  return set
end

--- Parses a by= value. options.reserved: output column names a part may not
--- take; options.dates: "any" (default) or "stated" (dates found only in the
--- text count as undated).
function M.parse(by, options)
  options = options or {}
  local spec = setmetatable({ parts = {}, columns = {}, dates = options.dates or "any" }, Spec)
  by = kiji.text.trim(by or "")
  if by == "" or by == "none" then return spec end
  for _, piece in ipairs(kiji.text.split(by, ",")) do
    local name = kiji.text.trim(piece)
    if name == "" then fail("'" .. by .. "' has an empty part; write e.g. by=category,month") end
    if name == "none" then fail("'none' cannot be combined with other parts") end
    local field = name:match("^meta%.(.+)$")
    local part
    if field then
      part = { kind = "field", field = field, column = field }
    elseif is_period[name] then
      part = { kind = "period", period = name, column = name }
    else
      part = { kind = "field", field = name, column = name }
    end
    for _, column in ipairs(spec.columns) do
      if column == part.column then fail("'" .. part.column .. "' is given twice") end
    end
    if options.reserved and options.reserved[part.column] then
      fail("'" .. part.column .. "' is also an output column of this plugin; use another field")
    end
    spec.parts[#spec.parts + 1] = part
    spec.columns[#spec.columns + 1] = part.column
  end
  return spec
end

--- A new list: the group columns, then `list` (a plugin's key or output columns).
function Spec:with(list)
  return table.move(list, 1, #list, #self.columns + 1, table.move(self.columns, 1, #self.columns, 1, {}))
end

--- Whether the spec groups at all.
function Spec:any() return #self.parts > 0 end

--- The date a document is grouped by, or nil when it counts as undated.
function Spec:date(doc)
  if doc.date and (self.dates ~= "stated" or doc.date_origin == "stated") then return doc.date end
  return nil
end

local function field_label(doc, field)
  local value = doc.meta[field]
  local kind = type(value)
  if value == nil or value == "" then return M.MISSING end
  if kind == "string" then return value end
  if kind == "boolean" then return tostring(value) end
  if kind == "number" then
    if math.type(value) == "integer" then return tostring(value) end
    return string.format("%.17g", value)
  end
  error("by=" .. field .. ": document " .. doc.id .. " has a " .. kind .. " in meta." .. field ..
        "; grouping needs a single value (a string or a number)", 0)
end

--- The group labels of one document, one per part.
function Spec:labels(doc)
  local labels = {}
  for i, part in ipairs(self.parts) do
    if part.kind == "period" then
      local date = self:date(doc)
      labels[i] = date and kiji.period(date, part.period) or M.UNDATED
    else
      labels[i] = field_label(doc, part.field)
    end
  end
  return labels
end

--- One string naming a group, for table keys.
function Spec:key(labels) return table.concat(labels, "\0") end

--- Sets the group columns of `row` from `labels`; returns the row.
function Spec:set(row, labels)
  for i, column in ipairs(self.columns) do row[column] = labels[i] end
  return row
end

local function sorted_values(seen, missing)
  local values, numeric = {}, true
  for value in pairs(seen) do
    values[#values + 1] = value
    if tonumber(value) == nil then numeric = false end
  end
  table.sort(values, function(a, b)
    if numeric and tonumber(a) ~= tonumber(b) then return tonumber(a) < tonumber(b) end
    return a < b
  end)
  if missing then values[#values + 1] = M.MISSING end
  return values
end

--- Reads the corpus once: the levels of every part (the values that occur,
--- or the period grid) and a warning on stderr for a field that no document
--- has, naming the nearest field that exists. Call before grid/levels/periods.
function Spec:prepare(corpus)
  local has_field = false
  for _, part in ipairs(self.parts) do has_field = has_field or part.kind == "field" end
  if not has_field then
    -- Periods only: the grid comes from kiji, without a pass over the documents in Lua.
    for _, part in ipairs(self.parts) do part.levels = corpus:periods(part.period, self.dates) end
    self.prepared = true
    return
  end
  local fields, values, missing = {}, {}, {}
  local first, last, undated
  for doc in corpus:documents() do
    if #self.parts > 0 then
      for name in pairs(doc.meta) do fields[name] = true end
    end
    local date = self:date(doc)
    if date then
      if not first or date < first then first = date end
      if not last or date > last then last = date end
    else
      undated = true
    end
    for i, part in ipairs(self.parts) do
      if part.kind == "field" then
        local label = field_label(doc, part.field)
        if label == M.MISSING then missing[i] = true else
          values[i] = values[i] or {}
          values[i][label] = true
        end
      end
    end
  end
  local names = {}
  for name in pairs(fields) do names[#names + 1] = name end
  table.sort(names)
  for i, part in ipairs(self.parts) do
    if part.kind == "period" then
      part.levels = first and kiji.periods(first, last, part.period) or {}
      if undated then part.levels[#part.levels + 1] = M.UNDATED end
    else
      if not fields[part.field] and #corpus > 0 then
        local hint = #names > 0 and ("; did you mean '" .. M.nearest(part.field, names) .. "'? (fields: " ..
                                     table.concat(names, ", ") .. ")") or "; the documents have no metadata fields"
        print("warning: by=" .. part.field .. ": no document has the metadata field '" .. part.field .. "'" ..
              hint .. "; every document is in the group " .. M.MISSING)
      end
      part.levels = sorted_values(values[i] or {}, missing[i])
    end
  end
  self.prepared = true
end

--- Every group in output order: the product of the parts' levels.
function Spec:grid()
  assert(self.prepared, "groups: call spec:prepare(corpus) first")
  local grid = { {} }
  for _, part in ipairs(self.parts) do
    local next_grid = {}
    for _, prefix in ipairs(grid) do
      for _, level in ipairs(part.levels) do
        local labels = table.move(prefix, 1, #prefix, 1, {})
        labels[#labels + 1] = level
        next_grid[#next_grid + 1] = labels
      end
    end
    grid = next_grid
  end
  return grid
end

--- For the map form: `periods` for the period parts.
function Spec:periods()
  local periods = {}
  for _, part in ipairs(self.parts) do
    if part.kind == "period" then periods[part.column] = part.period end
  end
  return periods
end

--- For the map form: `levels` for the field parts (values in order, missing last).
function Spec:levels()
  local levels = {}
  for _, part in ipairs(self.parts) do
    if part.kind == "field" and part.levels and #part.levels > 0 then levels[part.column] = part.levels end
  end
  return levels
end

--- For the map form's order_levels: the levels of a field part that parts
--- of a corpus found, merged into the order prepare gives the whole corpus
--- (sorted as numbers when all are numbers, else by bytes; "(missing)" last).
function M.order(values)
  local seen, missing = {}, false
  for _, value in ipairs(values) do
    if value == M.MISSING then missing = true else seen[tostring(value)] = true end
  end
  return sorted_values(seen, missing)
end

--- The help text of a by= parameter.
function M.help(extra)
  return "group by a period (" .. table.concat(M.PERIODS, ", ") .. "), a metadata field (category), " ..
         "or a pair (category,month)" .. (extra or "")
end

return M
