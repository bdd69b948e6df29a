-- The actor dictionary: who and what the bundled plugins recognise.
--
-- Each actor has a canonical name, a type (person, country, organisation)
-- and aliases. Matching runs on NFKC-normalised text; at every position the
-- longest alias wins and a character belongs to at most one match, so 米軍
-- is the organisation 米軍 (not also 米国) and 台湾海峡 (listed under
-- `ignore`) is not 台湾.
--
-- People:
--   aliases   count wherever they occur (full names, distinctive surnames)
--   surnames  count only when a title or honorific follows (小泉防衛相,
--             中谷氏), because surnames alone are too common
-- Countries:
--   abbreviation  the single kanji for the country (日, 米, 中 …). Alone it
--             counts only before a title or office (米大統領, 米政府) or a
--             katakana name (米ワシントン). Runs of two or more (日米, 米中,
--             日英伊) are compounds: pairs of countries, not single mentions.
--             After a prefix (対中, 訪米, 来日) it is neither. Compounds
--             listed in weak_compounds need a kanji after them (日中関係
--             is a pair, 日中に "in the daytime" is not).
--
-- Copy this file, edit it and pass it with --param dictionary=PATH.

return {
  titles = {
    "首相", "総理大臣", "総理", "前首相", "元首相", "大統領", "前大統領", "元大統領", "次期大統領", "副大統領",
    "氏", "さん", "大臣", "長官", "国防長官", "国務長官", "財務長官", "商務長官", "官房長官",
    "防衛相", "防衛大臣", "外相", "外務大臣", "財務相", "経産相", "担当相", "幹事長", "総裁", "代表",
    "議員", "上院議員", "下院議員", "大使", "司令官", "大将", "知事", "政権", "政府", "陣営", "両氏",
    "当局", "高官", "首脳", "国防相", "大統領府", "軍", "紙",
  },

  -- Compounds that are also everyday words (日中 "daytime", 中米 "Central
  -- America") count only when a kanji follows: 日中関係, 日中首脳.
  weak_compounds = { "日中", "中日", "中米" },

  prefixes = { "対", "訪", "来", "駐", "在", "離", "親", "反", "嫌", "知", "渡", "滞", "帰", "抗", "侵", "全" },

  ignore = {
    "台湾海峡", "インド太平洋", "朝日", "日本海", "日本語", "中国語", "英語", "米ドル", "日本円",
    "日中戦争", "米国債", "中国地方", "中国・四国", "中国四国", "中国そば", "中国電力", "毎日", "本日", "先日", "翌日", "前日", "当日", "同日", "連日", "中身",
  },

  actors = {
    -- People
    { name = "石破茂", type = "person", aliases = { "石破茂", "石破" } },
    { name = "ドナルド・トランプ", type = "person",
      aliases = { "ドナルド・トランプ", "ドナルド・J・トランプ", "ドナルド・J・トランプ", "トランプ" } },
    { name = "ピート・ヘグセス", type = "person", aliases = { "ピート・ヘグセス", "ヘグセス" } },
    { name = "中谷元", type = "person", aliases = { "中谷元" }, surnames = { "中谷" } },
    { name = "高市早苗", type = "person", aliases = { "高市早苗" }, surnames = { "高市" } },
    { name = "小泉進次郎", type = "person", aliases = { "小泉進次郎" }, surnames = { "小泉" } },
    { name = "岸田文雄", type = "person", aliases = { "岸田文雄" }, surnames = { "岸田" } },
    { name = "岩屋毅", type = "person", aliases = { "岩屋毅" }, surnames = { "岩屋" } },
    { name = "木原稔", type = "person", aliases = { "木原稔" }, surnames = { "木原" } },
    { name = "ジョー・バイデン", type = "person", aliases = { "ジョー・バイデン", "バイデン" } },
    { name = "カマラ・ハリス", type = "person", aliases = { "カマラ・ハリス" }, surnames = { "ハリス" } },
    { name = "安倍晋三", type = "person", aliases = { "安倍晋三" }, surnames = { "安倍" } },
    { name = "松野博一", type = "person", aliases = { "松野博一" }, surnames = { "松野" } },
    { name = "赤沢亮正", type = "person", aliases = { "赤沢亮正", "赤澤亮正" }, surnames = { "赤沢", "赤澤" } },
    { name = "サミュエル・パパロ", type = "person", aliases = { "サミュエル・パパロ", "パパロ" } },
    { name = "スティーブン・ホワイティング", type = "person", aliases = { "スティーブン・ホワイティング", "ホワイティング" } },
    { name = "ラーム・エマニュエル", type = "person", aliases = { "ラーム・エマニュエル", "エマニュエル" } },
    { name = "グレース・パーク", type = "person", aliases = { "グレース・パーク" }, surnames = { "パーク" } },
    { name = "山上信吾", type = "person", aliases = { "山上信吾" }, surnames = { "山上" } },
    { name = "スコット・ベセント", type = "person", aliases = { "スコット・ベセント", "ベセント" } },
    { name = "ハワード・ラトニック", type = "person", aliases = { "ハワード・ラトニック", "ラトニック" } },
    { name = "天皇", type = "person", aliases = { "天皇陛下", "天皇" } },

    -- Countries
    { name = "日本", type = "country", aliases = { "日本", "日本国", "我が国", "わが国" }, abbreviation = "日" },
    { name = "米国", type = "country",
      aliases = { "米国", "アメリカ", "アメリカ合衆国", "合衆国", "米側" }, abbreviation = "米" },
    { name = "中国", type = "country", aliases = { "中国", "中華人民共和国", "中国側" }, abbreviation = "中" },
    { name = "北朝鮮", type = "country", aliases = { "北朝鮮", "朝鮮民主主義人民共和国" }, abbreviation = "朝" },
    { name = "ロシア", type = "country", aliases = { "ロシア", "ロシア連邦" }, abbreviation = "露" },
    { name = "台湾", type = "country", aliases = { "台湾", "中華民国" }, abbreviation = "台" },
    { name = "フィリピン", type = "country", aliases = { "フィリピン" }, abbreviation = "比" },
    { name = "韓国", type = "country", aliases = { "韓国", "大韓民国" }, abbreviation = "韓" },
    { name = "オーストラリア", type = "country", aliases = { "オーストラリア", "豪州" }, abbreviation = "豪" },
    { name = "ウクライナ", type = "country", aliases = { "ウクライナ" } },
    { name = "英国", type = "country", aliases = { "英国", "イギリス" }, abbreviation = "英" },
    { name = "イタリア", type = "country", aliases = { "イタリア" }, abbreviation = "伊" },
    { name = "インド", type = "country", aliases = { "インド" }, abbreviation = "印" },
    { name = "マレーシア", type = "country", aliases = { "マレーシア" } },
    { name = "フランス", type = "country", aliases = { "フランス" }, abbreviation = "仏" },
    { name = "ドイツ", type = "country", aliases = { "ドイツ" }, abbreviation = "独" },

    -- Organisations
    { name = "NATO", type = "organisation", aliases = { "NATO", "北大西洋条約機構" } },
    { name = "自衛隊", type = "organisation",
      aliases = { "自衛隊", "陸上自衛隊", "海上自衛隊", "航空自衛隊", "陸自", "海自", "空自" } },
    { name = "米軍", type = "organisation",
      aliases = { "米軍", "在日米軍", "アメリカ軍", "米インド太平洋軍", "インド太平洋軍", "米宇宙コマンド" } },
    { name = "防衛省", type = "organisation", aliases = { "防衛省" } },
    { name = "外務省", type = "organisation", aliases = { "外務省" } },
    { name = "米国防総省", type = "organisation", aliases = { "米国防総省", "米国防省", "国防総省", "ペンタゴン" } },
    { name = "中国共産党", type = "organisation", aliases = { "中国共産党", "中共" } },
    { name = "自民党", type = "organisation", aliases = { "自民党", "自由民主党" } },
    { name = "衆議院", type = "organisation", aliases = { "衆議院", "衆院" } },
    { name = "統合幕僚監部", type = "organisation", aliases = { "統合幕僚監部" } },
    { name = "ホワイトハウス", type = "organisation", aliases = { "ホワイトハウス" } },
    { name = "日本銀行", type = "organisation", aliases = { "日本銀行", "日銀" } },
    { name = "ウィルソンセンター", type = "organisation", aliases = { "ウィルソンセンター" } },
    { name = "GCAP国際政府間機関", type = "organisation", aliases = { "GCAP国際政府間機関", "GIGO" } },
    { name = "AUKUS", type = "organisation", aliases = { "AUKUS" } },
    { name = "日本製鉄", type = "organisation", aliases = { "日本製鉄" } },
    { name = "USスチール", type = "organisation", aliases = { "USスチール", "U.S.スチール" } },
    { name = "朝日新聞", type = "organisation", aliases = { "朝日新聞", "朝日新聞社" } },
    { name = "沖縄タイムス", type = "organisation", aliases = { "沖縄タイムス" } },
    { name = "静岡新聞", type = "organisation", aliases = { "静岡新聞" } },
  },
}
