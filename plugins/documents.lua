-- documents: the corpus inventory, one row per document in input order.
-- Check it first after an import: ids, dates and where they came from,
-- authors, titles and the opening of each body, and which documents repeat
-- an earlier one or are a listing page's description of itself (the ones
-- --dedupe drops). With by=…, the first columns hold each document's group
-- (lib/groups.lua); rows stay in input order.

local groups = require("groups")

local EXCERPT_CHARS = 30
local COLUMNS = { "id", "source", "date", "date_origin", "authors", "title", "excerpt", "chars", "duplicate_of", "boilerplate" }
local reserved = groups.reserved(COLUMNS)

local function by(params) return groups.parse(params.by, { reserved = reserved }) end

return {
  name = "documents",
  description = "The corpus inventory: one row per document with its date, authors, title and an excerpt, "
    .. "and whether it repeats an earlier one or is page boilerplate",
  params = {
    by = { default = "none", help = groups.help("; none: no group columns. Adds each document's group as the first columns") },
  },
  columns = function(params) return by(params):with(COLUMNS) end,

  run = function(corpus, params, out)
    local spec = by(params)
    spec:prepare(corpus)
    for doc in corpus:documents() do
      local excerpt = kiji.text.sub(doc.body, 1, EXCERPT_CHARS):gsub("[\r\n]+", " ")
      out:row(spec:set({
        id = doc.id,
        source = doc.source,
        date = doc.date,
        date_origin = doc.date_origin,
        authors = table.concat(doc.authors, "; "),
        title = doc.title,
        excerpt = excerpt,
        chars = kiji.text.len(doc.body),
        duplicate_of = doc.duplicate_of,
        boilerplate = doc.boilerplate,
      }, spec:labels(doc)))
    end
  end,
}
