local n = 0 for _, t in ipairs(corpus[1]:tokens()) do if t.pos == "名詞" then n = n + 1 end end return n
