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

-- Words that make a clause a report of a topic, a schedule or an agenda:
-- a topic cue ({ "協力", topic = true }) ahead of one of them in its sentence
-- does not count (…の協力が焦点, …を確認する日程, …の協議を見据える).
local reporting = {
  markers = {
    "焦点", "日程", "議題", "協議", "見据え", "注目", "問われ", "テーマ", "見通し", "予定", "調整",
  },
}

-- Who holds a stance: the subject of a reporting verb (base forms; サ変 nouns
-- count when する follows), if it is a proper noun or one of the agents.
local holders = {
  verbs = {
    "強調", "表明", "批判", "反論", "述べる", "訴える", "主張", "警告", "指摘", "評価", "示す", "求める",
    "明言", "語る", "言及", "歓迎", "非難", "要求", "提案", "力説", "発言", "説明", "懸念", "否定", "発表",
  },
  agents = {
    "政府", "政権", "当局", "首相", "大統領", "長官", "大臣", "相", "官房長官", "外務省", "防衛省", "国務省",
    "国防総省", "大使", "司令官", "議員", "専門家", "識者", "報道官", "首脳", "両氏", "米側", "中国側", "党",
  },
}

return {
  name = "alliance",
  description = "China as threat or partner; the US–Japan alliance strengthened or criticised",
  scope = "sentence",
  negation = negation,
  reporting = reporting,
  holders = holders,
  -- A label wins when its cue weight is at least twice every other label's;
  -- opposing cues without such a lead make the target "mixed".
  dominance = 2,

  targets = {
    {
      name = "中国",
      -- Actors from the actor dictionary; compounds such as 米中 count as mentions too.
      actors = { "中国", "中国共産党" },
      compounds = true,
      -- 中国 as the Chūgoku region of Japan (関西・中国・四国, 中国エリア) is not China.
      exclude = { "中国エリア", "中国地区", "中国地域", "中国5県", "関西・中国", "中国・九州" },
      labels = {
        {
          name = "threat",
          cues = {
            { "脅威", 2 }, { "威圧", 2 }, { "覇権", 2 }, { "軍事的圧力", 2 }, { "侵略", 2 }, { "挑発", 2 },
            { "懸念" }, { "圧力" }, { "警戒" }, { "軍事的台頭" }, { "増強" }, { "軍拡" }, { "強硬" },
            { "現状変更" }, { "対抗" }, { "抑止" }, { "対立" }, { "批判" }, { "侵入" }, { "緊張" },
            { "警告" }, { "行き過ぎ" }, { "反発" }, { "武力", 2 }, { "軍事力" }, { "リスク" },
            { "増大" }, { "厳しく" }, { "厳しい" }, { "優位" }, { "台頭" }, { "海洋進出", 2 }, { "念頭" },
          },
          negated = "cancel",
        },
        {
          name = "cooperative",
          cues = {
            { "互恵", 2 }, { "対話", 2 }, { "関係改善", 2 }, { "友好", 2 },
            { "安定", topic = true }, { "協力", topic = true }, { "交流", topic = true }, { "合意", topic = true },
            { "歓迎" }, { "融和" }, { "緩和" }, { "共存" }, { "信頼", topic = true },
          },
          negated = "cancel",
        },
      },
    },
    {
      name = "日米同盟",
      terms = { "日米同盟", "日米安保", "日米安全保障", "日米の同盟", "日米間の同盟", "同盟負担" },
      -- The alliance discussed without its name.
      concepts = {
        -- 同盟 in a sentence naming Japan or the US: 日米との同盟強化, 日本など同盟国との連携.
        { terms = { "同盟", "同盟国", "同盟関係" }, with = { "日本", "米国" } },
        -- Unity of Japan and the US with others: 日米比3カ国の結束, 日本、フィリピン、米国 … 結束.
        { terms = { "結束" }, with_all = { "日本", "米国" } },
        -- 日米 + defence or security + cooperation: 日米防衛協力, 日米の安全保障協力, 日米両国の防衛関係.
        { sequence = { { "日米" }, { "防衛", "安全保障", "安保" }, { "協力", "連携", "関係" } }, within = 6 },
      },
      labels = {
        {
          name = "strengthen",
          cues = {
            { "強化", 2 }, { "深化", 2 }, { "抑止力", 2 }, { "結束", 2 }, { "揺るぎない", 2 }, { "強固", 2 },
            { "連携", topic = true }, { "一致" }, { "重要性", topic = true }, { "重要", topic = true },
            { "再確認", topic = true }, { "確認", topic = true }, { "協力", topic = true }, { "緊密" },
            { "信頼", topic = true }, { "拡大", topic = true }, { "向上", topic = true }, { "高める" }, { "新時代" },
            { "不可欠" }, { "期待", topic = true }, { "評価", topic = true },
          },
          negated = "cancel",
        },
        {
          name = "critical",
          cues = {
            { "負担増", 2 }, { "不公平", 2 }, { "見直し", 2 }, { "拒否", 2 }, { "一蹴", 2 },
            { "要求", topic = true }, { "負担", topic = true }, { "圧力" }, { "懸念" }, { "批判" }, { "反対" },
            { "亀裂" }, { "不信" },
            { "撤退" }, { "駐留経費" }, { "揺らぐ" }, { "失敗" },
          },
          negated = "cancel",
        },
      },
    },
  },
}
