-- Self-tests of keyness (run with: kiji test keyness).
-- Worked by hand: target x has the nouns 中国 中国 日本 (3), the rest 日本 日本 米国 中国 (4); N = 7.
--   中国: a=2 b=1 c=1 d=3, ad-bc = 5 >= N/2 and E(a) = 9/7 < 5, so δ = 0.5:
--         chi2 = 7 (5 - 3.5)² / (3·4·3·4) = 15.75/144 = 0.109375, positive (a > E)
--   日本: a=1 b=2 c=2 d=2, |ad-bc| = 2 < 3.5, δ = 0: chi2 = -7·4/144 = -0.19444…
--   米国: a=0 b=1 c=3 d=3, |ad-bc| = 3 < 3.5: chi2 = -7·9/(1·6·3·4) = -0.875
--   p(中国) = P(χ²₁ > 0.109375) = 0.7408568142938687; pmi(中国) = ln(2/(9/7) + 1e-9)
local documents = {
  { id = "a", category = "x", text = "中国と中国と日本" },
  { id = "b", category = "y", text = "日本と日本と米国と中国" },
}
return {
  {
    name = "chi2 with Yates' correction, signed as quanteda, worked by hand",
    params = { by = "category", target = "x" },
    documents = documents,
    rows = {
      { target = "x", reference = "rest", term = "中国", n_target = 2, n_reference = 1, chi2 = 0.109375,
        p = 0.7408568142938687, G2 = 0.10932449118307486, pmi = 0.4418327529218963, total_target = 3, total_reference = 4 },
      { term = "日本", n_target = 1, n_reference = 2, chi2 = -0.19444444444444445 },
      { term = "米国", n_target = 0, n_reference = 1, chi2 = -0.875 },
    },
  },
  {
    name = "without correction 中国 has chi2 = 7·25/144",
    params = { by = "category", target = "x", reference = "y", correction = "none", top = "1" },
    documents = documents,
    rows = { { reference = "y", term = "中国", chi2 = 1.2152777777777777 } },
  },
  {
    -- x: 中国 | 中国と日本 | 米国; y: 日本 | 日本と中国 (documents; N = 5)
    -- 米国 a=1 b=0 c=2 d=2: ad-bc = 2 < 2.5, chi2 = 5·4/(1·4·3·2) = 0.8333…, a > E = 0.6
    -- 中国 a=2 b=1 c=1 d=1: chi2 = 5·1/(3·2·3·2) = 0.13888…
    -- 日本 a=1 b=2 c=2 d=0: |ad-bc| = 4 >= 2.5, E = 1.8 < 5, δ = 0.5: chi2 = -5·1.5²/36 = -0.3125
    name = "count=documents: the document-frequency variant",
    params = { by = "category", target = "x", count = "documents" },
    documents = {
      { id = "a", category = "x", text = "中国" }, { id = "b", category = "x", text = "中国と日本" },
      { id = "c", category = "x", text = "米国" }, { id = "d", category = "y", text = "日本" },
      { id = "e", category = "y", text = "日本と中国" },
    },
    rows = {
      { term = "米国", n_target = 1, n_reference = 0, chi2 = 0.8333333333333334, total_target = 3, total_reference = 2 },
      { term = "中国", n_target = 2, n_reference = 1, chi2 = 0.1388888888888889 },
      { term = "日本", n_target = 1, n_reference = 2, chi2 = -0.3125 },
    },
  },
}
