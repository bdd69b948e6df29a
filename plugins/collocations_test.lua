-- Self-tests of collocations (run with: kiji test collocations).
-- Worked by hand: the tokens 日 米 同盟 と 日 米 同盟 と 日 米 関係 | 米 中 関係 と 日 米 同盟
-- give 16 bigrams. For 日 米: c(both) = 4, c(日 first only) = 0, c(米 second only) = 0, c(neither) = 12.
--   lambda = ln(4.5 · 12.5 / (0.5 · 0.5)) = ln 225 = 5.41610040220442
--   z = lambda / sqrt(1/4.5 + 1/0.5 + 1/0.5 + 1/12.5) = 2.6112009013540454
--   pmi = ln(4 · 16 / (4 · 4)) = ln 4; t = (4 - 1) / sqrt 4 = 1.5
--   G2 = 2 (4 ln(4/1) + 12 ln(12/9)) = 17.994724627801865
local documents = {
  { id = "a", text = "日米同盟と日米同盟と日米関係" },
  { id = "b", text = "米中関係と日米同盟" },
}
return {
  {
    name = "lambda and z as quanteda's textstat_collocations, with PMI, G2 and t, worked by hand",
    params = { top = "1" },
    documents = documents,
    rows = {
      { collocation = "日 米", count = 4, length = 2, lambda = 5.416100402204421, z = 2.6112009013540454,
        pmi = 1.3862943611198906, G2 = 17.994724627801865, t = 1.5 },
    },
  },
  {
    name = "min_count (default 2) and size=3; G2 is for bigrams only",
    params = { size = "3" },
    documents = documents,
    rows = {
      { collocation = "米 同盟 と", count = 2, length = 3, G2 = "" },
      { collocation = "と 日 米", count = 3 },
      { collocation = "日 米 同盟", count = 3 },
      { collocation = "同盟 と 日", count = 2 },
    },
  },
}
