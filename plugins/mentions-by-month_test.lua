-- Self-tests of mentions-by-month (run with: kiji test mentions-by-month).
return {
  {
    name = "counts non-overlapping normalised mentions per month, zero months included, undated last",
    params = { terms = "中国,ＮＡＴＯ" },
    documents = {
      { id = "a", date = "2025-01-05", title = "中国", text = "中国とNATO。中国" },
      { id = "b", date = "2025-03-01", text = "NATO" },
      { id = "c", text = "中国" },
    },
    rows = {
      { month = "2025-01", term = "中国", mentions = 3, articles = 1, articles_total = 1 },
      { month = "2025-01", term = "NATO", mentions = 1, articles = 1, articles_total = 1 },
      { month = "2025-02", term = "中国", mentions = 0, articles = 0, articles_total = 0 },
      { month = "2025-02", term = "NATO", mentions = 0, articles = 0, articles_total = 0 },
      { month = "2025-03", term = "中国", mentions = 0, articles = 0, articles_total = 1 },
      { month = "2025-03", term = "NATO", mentions = 1, articles = 1, articles_total = 1 },
      { month = "undated", term = "中国", mentions = 1, articles = 1, articles_total = 1 },
      { month = "undated", term = "NATO", mentions = 0, articles = 0, articles_total = 1 },
    },
  },
  {
    name = "fiscal years (年度) start in April and are labelled by their first year",
    params = { terms = "防衛費", by = "fiscal_year" },
    documents = {
      { id = "a", date = "2025-03-31", text = "防衛費" },
      { id = "b", date = "2025-04-01", text = "防衛費と防衛費" },
    },
    rows = {
      { fiscal_year = "2024", term = "防衛費", mentions = 1, articles_total = 1 },
      { fiscal_year = "2025", term = "防衛費", mentions = 2, articles_total = 1 },
    },
  },
  {
    name = "dates=stated treats dates found in the text as undated",
    params = { terms = "尖閣", dates = "stated" },
    documents = {
      { id = "a", date = "2025-01-01", text = "尖閣" },
      { id = "b", text = "2025年2月3日、尖閣諸島" },
    },
    rows = {
      { month = "2025-01", mentions = 1, articles_total = 1 },
      { month = "undated", mentions = 1, articles_total = 1 },
    },
  },
  {
    name = "by=category groups by a metadata field: values sorted, documents without it last as (missing)",
    params = { terms = "中国", by = "category" },
    documents = {
      { id = "a", date = "2025-01-05", category = "政治", text = "中国" },
      { id = "b", date = "2025-03-01", category = "経済", text = "中国と中国" },
      { id = "c", category = "", text = "中国" },
      { id = "d", text = "台湾" },
    },
    rows = {
      { category = "政治", term = "中国", mentions = 1, articles = 1, articles_total = 1 },
      { category = "経済", term = "中国", mentions = 2, articles = 1, articles_total = 1 },
      { category = "(missing)", term = "中国", mentions = 1, articles = 1, articles_total = 2 },
    },
  },
  {
    name = "by=category,month gives every category the full month grid, undated last",
    params = { terms = "中国", by = "category,month" },
    documents = {
      { id = "a", date = "2025-01-05", category = "b", text = "中国" },
      { id = "b", date = "2025-03-01", category = "a", text = "中国と中国" },
      { id = "c", category = "a", text = "中国" },
    },
    rows = {
      { category = "a", month = "2025-01", mentions = 0, articles_total = 0 },
      { category = "a", month = "2025-02", mentions = 0, articles_total = 0 },
      { category = "a", month = "2025-03", mentions = 2, articles_total = 1 },
      { category = "a", month = "undated", mentions = 1, articles_total = 1 },
      { category = "b", month = "2025-01", mentions = 1, articles_total = 1 },
      { category = "b", month = "2025-02", mentions = 0, articles_total = 0 },
      { category = "b", month = "2025-03", mentions = 0, articles_total = 0 },
      { category = "b", month = "undated", mentions = 0, articles_total = 0 },
    },
  },
  {
    name = "numeric field values sort as numbers",
    params = { terms = "中国", by = "page" },
    documents = {
      { id = "a", page = 10, text = "中国" },
      { id = "b", page = 9, text = "中国" },
      { id = "c", page = 9, text = "台湾" },
    },
    rows = {
      { page = "9", mentions = 1, articles_total = 2 },
      { page = "10", mentions = 1, articles_total = 1 },
    },
  },
}
