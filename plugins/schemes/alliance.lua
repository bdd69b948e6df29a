-- Stance scheme for coverage of the US–Japan alliance and China.
-- Edit a copy and pass it with: kiji run stance --param scheme=my-scheme.lua
-- The format is documented in docs/stance.md.

local negation = {
  -- Base forms of auxiliary verbs (助動詞) that negate: しない, せず, しません.
  auxiliaries = { "ない", "ぬ", "ん" },
  -- Phrases that negate or deny what comes before them.
  phrases = { "否定", "とは言い難い", "とは言いがたい", "に当たらない", "には当たらない", "どころではない" },
  -- Phrases that contain ない but affirm: 重要性は変わらない, 欠かせない.
  exceptions = {
    "変わらない", "変わりない", "変わりはない", "欠かせない", "揺るぎない", "揺るがない", "間違いない", "違いない",
    "ほかならない", "他ならない", "しなければならない", "なければならない", "ねばならない", "避けられない",
    "かねない", "絶えない", "止まらない", "やまない", "少なくない", "否めない", "惜しまない",
  },
  -- Characters after the cue in which a negation applies.
  window = 15,
}

return {
  name = "alliance",
  description = "China as threat or partner; the US–Japan alliance strengthened or criticised",
  scope = "sentence",
  negation = negation,

  targets = {
    {
      name = "中国",
      -- Actors from the actor dictionary; compounds such as 米中 count as mentions too.
      actors = { "中国", "中国共産党" },
      compounds = true,
      labels = {
        {
          name = "threat",
          cues = {
            { "脅威", 2 }, { "威圧", 2 }, { "覇権", 2 }, { "軍事的圧力", 2 }, { "侵略", 2 }, { "挑発", 2 },
            { "懸念" }, { "圧力" }, { "警戒" }, { "軍事的台頭" }, { "増強" }, { "軍拡" }, { "強硬" },
            { "現状変更" }, { "対抗" }, { "抑止" }, { "対立" }, { "批判" }, { "侵入" }, { "緊張" },
            { "警告" }, { "行き過ぎ" }, { "反発" }, { "凶兆" }, { "武力", 2 }, { "軍事力" }, { "リスク" },
            { "増大" }, { "厳しく" }, { "厳しい" }, { "優位" }, { "台頭" }, { "海洋進出", 2 }, { "念頭" },
          },
          negated = "cancel",
        },
        {
          name = "cooperative",
          cues = {
            { "互恵", 2 }, { "対話", 2 }, { "関係改善", 2 }, { "友好", 2 },
            { "安定" }, { "協力" }, { "協議" }, { "交流" }, { "合意" }, { "歓迎" }, { "融和" }, { "緩和" },
            { "共存" }, { "信頼" },
          },
          negated = "cancel",
        },
      },
    },
    {
      name = "日米同盟",
      terms = { "日米同盟", "日米安保", "日米安全保障", "日米の同盟", "日米間の同盟", "同盟負担" },
      labels = {
        {
          name = "strengthen",
          cues = {
            { "強化", 2 }, { "深化", 2 }, { "抑止力", 2 }, { "結束", 2 }, { "揺るぎない", 2 }, { "強固", 2 },
            { "連携" }, { "一致" }, { "重要性" }, { "重要" }, { "再確認" }, { "確認" }, { "協力" }, { "緊密" },
            { "信頼" }, { "拡大" }, { "向上" }, { "高める" }, { "新時代" }, { "不可欠" }, { "期待" }, { "評価" },
          },
          negated = "cancel",
        },
        {
          name = "critical",
          cues = {
            { "負担増", 2 }, { "不公平", 2 }, { "公平さ", 2 }, { "見直し", 2 }, { "拒否", 2 }, { "一蹴", 2 },
            { "要求" }, { "負担" }, { "圧力" }, { "懸念" }, { "批判" }, { "反対" }, { "亀裂" }, { "不信" },
            { "撤退" }, { "駐留経費" }, { "揺らぐ" }, { "失敗" },
          },
          negated = "cancel",
        },
      },
    },
  },
}
