-- Test helper: each document's id and raw text (title, newline, body), tab-separated,
-- with line breaks written as \n so that one document is one line.
return {
  name = "raw-text",
  columns = { "row" },
  run = function(corpus, params, out)
    for doc in corpus:documents() do
      out:row { row = doc.id .. "\t" .. doc.raw:gsub("\n", "\\n") }
    end
  end,
}
