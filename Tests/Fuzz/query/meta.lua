local m = corpus[1].meta return #m.k .. tostring(m.k[2].x)
