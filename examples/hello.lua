-- Documents per month: the smallest useful plugin.
-- Run: kiji run examples/hello.lua [CORPUS…]
return {
  name = "hello",
  description = "Documents per month",
  group_by = { "month" },
  aggregate = { documents = "sum" },
  periods = { month = "month" },
  map = function(doc, emit, params)
    emit { month = doc.month or "undated", documents = 1 }
  end,
}
