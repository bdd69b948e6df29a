-- Articles per author, with the first and last date each author wrote.
-- Run: kiji run examples/authors.lua [CORPUS…] [--param min_articles=2]
return {
  name = "authors",
  description = "Articles per author with their first and last dates",
  params = {
    min_articles = { type = "integer", default = "1", help = "leave out authors with fewer articles" },
  },
  columns = { "author", "articles", "first_date", "last_date" },

  run = function(corpus, params, out)
    local stats, names = {}, {}
    for doc in corpus:documents() do
      for _, author in ipairs(doc.authors) do
        local s = stats[author]
        if not s then
          s = { articles = 0 }
          stats[author] = s
          names[#names + 1] = author
        end
        s.articles = s.articles + 1
        if doc.date then
          if not s.first or doc.date < s.first then s.first = doc.date end
          if not s.last or doc.date > s.last then s.last = doc.date end
        end
      end
    end
    -- Most articles first; ties by name, so the order is deterministic.
    table.sort(names, function(a, b)
      if stats[a].articles ~= stats[b].articles then return stats[a].articles > stats[b].articles end
      return a < b
    end)
    for _, name in ipairs(names) do
      local s = stats[name]
      if s.articles >= params.min_articles then
        out:row { author = name, articles = s.articles, first_date = s.first, last_date = s.last }
      end
    end
  end,
}
