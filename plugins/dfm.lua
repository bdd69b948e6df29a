-- dfm: a document-feature matrix for R, Python or any statistics package
-- (docs/text-as-data.md#dfm).
--
-- format=long  the table doc_id,feature,count (one row per non-zero cell)
-- format=mtx   three files in --output-dir: matrix.mtx (Matrix Market,
--              coordinate integer general; scipy.io.mmread, R's Matrix::readMM),
--              features.csv (index,feature,frequency,docfreq: column j of the
--              matrix) and docvars.csv (index,doc_id,date,title and every
--              metadata field: row i); the table lists the files.
-- With by=, rows are groups (the documents of a group summed, as quanteda's
-- dfm_group) and docvars.csv holds the group columns.
-- Features are numbered in order of first appearance; rows in input (or group) order.

local groups = require("groups")
local terms = require("terms")
local csv = require("csv")

local function fail(message) error(message, 0) end

local function cell_text(value, doc, field)
  if type(value) ~= "table" then return value end
  local items = {}
  for i, item in ipairs(value) do
    if type(item) == "table" then fail("document " .. doc.id .. ": meta." .. field .. " is nested; docvars.csv needs flat values") end
    items[i] = tostring(item)
  end
  return table.concat(items, "; ")
end

-- The rows of the matrix: { id = …, labels = …, counts = { [feature index] = n } }.
local function build(corpus, params, by, filter)
  local rows, row_of, features, index_of = {}, {}, {}, {}
  if by:any() then
    for _, labels in ipairs(by:grid()) do
      local row = { labels = labels, counts = {} }
      rows[#rows + 1] = row
      row_of[by:key(labels)] = row
    end
  end
  for doc in corpus:documents() do
    local row
    if by:any() then row = row_of[by:key(by:labels(doc))] else
      row = { doc = doc, counts = {} }
      rows[#rows + 1] = row
    end
    for _, term in ipairs(filter:terms(doc)) do
      local j = index_of[term]
      if not j then
        features[#features + 1] = { name = term, frequency = 0, docfreq = 0 }
        j = #features
        index_of[term] = j
      end
      row.counts[j] = (row.counts[j] or 0) + 1
    end
  end
  for _, row in ipairs(rows) do
    for j, n in pairs(row.counts) do
      features[j].frequency = features[j].frequency + n
      features[j].docfreq = features[j].docfreq + 1
    end
  end
  return rows, features
end

-- Drops features below min_count and renumbers the rest in order.
local function keep_frequent(rows, features, min_count)
  local kept, new_index = {}, {}
  for j, feature in ipairs(features) do
    if feature.frequency >= min_count then
      kept[#kept + 1] = feature
      new_index[j] = #kept
    end
  end
  for _, row in ipairs(rows) do
    local counts = {}
    for j, n in pairs(row.counts) do if new_index[j] then counts[new_index[j]] = n end end
    row.counts = counts
  end
  return kept
end

local function sorted_columns(counts)
  local columns = {}
  for j in pairs(counts) do columns[#columns + 1] = j end
  table.sort(columns)
  return columns
end

local function docvars(corpus, rows, by)
  local header, lines = { "index" }, {}
  if by:any() then
    for _, column in ipairs(by.columns) do header[#header + 1] = column end
    for i, row in ipairs(rows) do
      lines[i] = csv.line(table.move(row.labels, 1, #row.labels, 2, { i }), #header)
    end
    return csv.line(header) .. table.concat(lines)
  end
  local fields, seen = {}, {}
  for doc in corpus:documents() do
    for name in pairs(doc.meta) do if not seen[name] then seen[name] = true; fields[#fields + 1] = name end end
  end
  table.sort(fields)
  header = { "index", "doc_id", "date", "title" }
  for _, name in ipairs(fields) do header[#header + 1] = name end
  for i, row in ipairs(rows) do
    local doc = row.doc
    local values = { i, doc.id, doc.date, doc.title }
    local meta = doc.meta
    for k, name in ipairs(fields) do values[4 + k] = cell_text(meta[name], doc, name) end
    lines[i] = csv.line(values, #header)
  end
  return csv.line(header) .. table.concat(lines)
end

local function write_mtx(corpus, rows, features, by, out)
  local entries, lines = 0, {}
  for i, row in ipairs(rows) do
    for _, j in ipairs(sorted_columns(row.counts)) do
      entries = entries + 1
      lines[entries] = i .. " " .. j .. " " .. row.counts[j] .. "\n"
    end
  end
  kiji.output_file("matrix.mtx", "%%MatrixMarket matrix coordinate integer general\n" ..
    "% kiji dfm: rows as in docvars.csv, columns as in features.csv\n" ..
    #rows .. " " .. #features .. " " .. entries .. "\n" .. table.concat(lines))
  local feature_lines = { "index,feature,frequency,docfreq\n" }
  for j, feature in ipairs(features) do
    feature_lines[j + 1] = csv.line({ j, feature.name, feature.frequency, feature.docfreq })
  end
  kiji.output_file("features.csv", table.concat(feature_lines))
  kiji.output_file("docvars.csv", docvars(corpus, rows, by))
  out:row { file = "matrix.mtx", rows = #rows, columns = #features, entries = entries }
  out:row { file = "features.csv", rows = #features, columns = 4 }
  out:row { file = "docvars.csv", rows = #rows }
end

return {
  name = "dfm",
  description = "Document-feature matrix: long CSV, or Matrix Market with features.csv and docvars.csv",
  params = terms.merge({
    format = { default = "long", choices = { "long", "mtx" },
               help = "long: doc_id,feature,count rows; mtx: matrix.mtx, features.csv, docvars.csv in --output-dir" },
    by = { default = "none", help = groups.help("; rows are then groups (documents summed)") },
    min_count = { type = "integer", default = "1", help = "leave out features seen fewer times in the corpus" },
  }, terms.params({})),
  columns = function(params)
    if params.format == "mtx" then return { "file", "rows", "columns", "entries" } end
    local by = groups.parse(params.by, { reserved = { feature = true, count = true } })
    if not by:any() then return { "doc_id", "feature", "count" } end
    return terms.with_groups(by, { "feature", "count" })
  end,

  run = function(corpus, params, out)
    local by = groups.parse(params.by, { reserved = { feature = true, count = true } })
    by:prepare(corpus)
    local rows, features = build(corpus, params, by, terms.filter(params))
    features = keep_frequent(rows, features, params.min_count)
    if params.format == "mtx" then return write_mtx(corpus, rows, features, by, out) end
    for _, row in ipairs(rows) do
      for _, j in ipairs(sorted_columns(row.counts)) do
        local record = { feature = features[j].name, count = row.counts[j] }
        if by:any() then by:set(record, row.labels) else record.doc_id = row.doc.id end
        out:row(record)
      end
    end
  end,
}
