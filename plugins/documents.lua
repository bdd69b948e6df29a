-- documents: the corpus inventory, one row per document in input order.
-- Check it first after an import: ids, dates and where they came from,
-- authors, titles and the opening of each body, and which documents repeat
-- an earlier one or are a listing page's description of itself (the ones
-- --dedupe drops).

local EXCERPT_CHARS = 30

return {
  name = "documents",
  description = "The corpus inventory: one row per document with its date, authors, title and an excerpt, "
    .. "and whether it repeats an earlier one or is page boilerplate",
  columns = { "id", "source", "date", "date_origin", "authors", "title", "excerpt", "chars", "duplicate_of", "boilerplate" },

  run = function(corpus, params, out)
    for doc in corpus:documents() do
      local excerpt = kiji.text.sub(doc.body, 1, EXCERPT_CHARS):gsub("[\r\n]+", " ")
      out:row {
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
      }
    end
  end,
}
