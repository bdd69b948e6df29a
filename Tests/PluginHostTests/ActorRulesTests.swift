import Testing
import TestSupport
@testable import PluginHost

/// The bundled actor dictionary and plugins/lib/actors.lua, on short texts.
@Suite struct ActorRulesTests {
    static let bundledPlugins = repositoryRoot.appendingPathComponent("plugins").path

    /// "actor/type@start+length" for mentions and "a+b" for compounds.
    func found(_ text: String, dictionary: String = "") throws -> (mentions: [String], compounds: [String]) {
        let runner = try plugin("""
            local actors = require("actors")
            return { name = "probe", columns = {"kind", "value"},
              run = function(corpus, params, out)
                local dict = actors.load(params.dictionary)
                local found = dict:find(corpus[1])
                for _, m in ipairs(found.mentions) do
                  out:row{ kind = "m", value = m.actor .. "/" .. m.type .. "@" .. (m.start - 1) .. "+" .. m.length }
                end
                for _, c in ipairs(found.compounds) do out:row{ kind = "c", value = table.concat(c.actors, "+") } end
              end,
              params = { dictionary = { default = "" } } }
            """, moduleDirectories: [Self.bundledPlugins])
        let table = try runner.run(on: [document("d", nil, text)], parameters: dictionary.isEmpty ? [:] : ["dictionary": dictionary])
        return (table.rows.filter { $0[0] == .string("m") }.map { $0[1].text },
                table.rows.filter { $0[0] == .string("c") }.map { $0[1].text })
    }

    func actors(_ text: String) throws -> [String] {
        try found(text).mentions.map { String($0.split(separator: "/")[0]) }
    }

    @Test(arguments: ["石破", "石破茂", "石破首相", "石破茂総理", "石破氏", "石破茂首相"])
    func ishibaUnderEveryName(text: String) throws {
        #expect(try actors(text) == ["石破茂"])
    }

    @Test func surnamesNeedATitle() throws {
        #expect(try found("小泉防衛相と中谷氏").mentions == ["小泉進次郎/person@1+5", "中谷元/person@7+3"])
        #expect(try actors("小泉さんは中谷の件を話した").isEmpty == false)
        #expect(try actors("中谷の件で木原を訪ねた").isEmpty)
    }

    @Test func trumpIsFoundThoughMeCabCallsHimACommonNoun() throws {
        #expect(try actors("トランプ大統領とドナルド・トランプ氏、トランプ政権") == ["ドナルド・トランプ", "ドナルド・トランプ", "ドナルド・トランプ"])
    }

    @Test func katakanaNamesInsideLongerKatakanaWordsAreOtherWords() throws {
        #expect(try actors("ペンダントランプとプラトニックな関係") == [])
        #expect(try actors("トランプ氏とドナルド・トランプ") == ["ドナルド・トランプ", "ドナルド・トランプ"])
        #expect(try actors("トランプーの") == [])
        #expect(try actors("ラトニック米商務長官") == ["ハワード・ラトニック", "米国"])
    }

    @Test func countriesUnderEveryName() throws {
        #expect(try actors("アメリカと米国と米側") == ["米国", "米国", "米国"])
        #expect(try actors("中国、北朝鮮、ロシア、台湾、フィリピン、韓国、オーストラリア、ウクライナ") ==
                ["中国", "北朝鮮", "ロシア", "台湾", "フィリピン", "韓国", "オーストラリア", "ウクライナ"])
    }

    @Test func longestMatchWins() throws {
        #expect(try found("米軍と自衛隊").mentions == ["米軍/organisation@1+2", "自衛隊/organisation@4+3"])
        #expect(try actors("台湾海峡の安定") == [])
        #expect(try actors("米国防総省") == ["米国防総省"])
        #expect(try actors("中国共産党") == ["中国共産党"])
        #expect(try actors("インド太平洋とインド") == ["インド"])
    }

    @Test(arguments: [
        ("日米同盟", ["日本+米国"]),
        ("米中対立", ["米国+中国"]),
        ("日英伊3か国", ["日本+英国+イタリア"]),
        ("米朝首脳会談", ["米国+北朝鮮"]),
        ("日米韓の連携", ["日本+米国+韓国"]),
        ("日米との同盟強化", ["日本+米国"]),
        ("日中関係", ["日本+中国"]),
    ])
    func compoundsArePairsNotMentions(text: String, compounds: [String]) throws {
        let result = try found(text)
        #expect(result.mentions.isEmpty)
        #expect(result.compounds == compounds)
    }

    @Test(arguments: ["対中姿勢", "訪米では", "来日した", "駐日大使", "来日中の", "訪米中", "日中は暑い", "13日米国防"])
    func prefixedAndEverydayWordsAreNeitherMentionsNorPairs(text: String) throws {
        let result = try found(text)
        #expect(result.compounds.isEmpty)
        #expect(result.mentions.allSatisfy { $0.hasPrefix("米国/") })  // only 米国 in 13日米国防
    }

    @Test func singleAbbreviationBeforeATitleOrKatakanaName() throws {
        #expect(try actors("トランプ米大統領") == ["ドナルド・トランプ", "米国"])
        #expect(try actors("米ワシントン郊外") == ["米国"])
        #expect(try actors("米議員は") == ["米国"])
        #expect(try actors("米を炊く。日本の中身") == ["日本"])
    }

    @Test func userDictionaryReplacesTheBundledOne() throws {
        let folder = try temporaryFolder()
        try write("""
            return { titles = { "社長" }, actors = {
              { name = "山田太郎", type = "person", aliases = { "山田太郎" }, surnames = { "山田" } },
              { name = "日本", type = "country", aliases = { "日本" }, abbreviation = "日" },
              { name = "米国", type = "country", aliases = { "米国" }, abbreviation = "米" } } }
            """, to: "\(folder)/mine.lua")
        let result = try found("山田社長と石破首相、日米", dictionary: "\(folder)/mine.lua")
        #expect(result.mentions == ["山田太郎/person@1+4"])
        #expect(result.compounds == ["日本+米国"])
    }

    @Test(arguments: [
        ("return { actors = { { name = 'x' } } }", "needs type person, country or organisation"),
        ("return { actors = { { name = 'A', type = 'person', aliases = { 'a' } }, { name = 'B', type = 'person', aliases = { 'a' } } } }",
         "'a' (actors[2].aliases[1]) is already the alias of A"),
        ("return { actors = { { name = 'A', type = 'country', abbreviation = 'AB' } } }", ".abbreviation must be one character"),
        ("return { foo = 1 }", "a dictionary is a table with an 'actors' list"),
        ("return os.exit()", "attempt to index a nil value (global 'os')"),
    ])
    func badDictionariesAreExplained(source: String, problem: String) throws {
        let folder = try temporaryFolder()
        try write(source, to: "\(folder)/bad.lua")
        #expect { try found("日本", dictionary: "\(folder)/bad.lua") } throws: { error in
            String(describing: error).contains(problem)
        }
    }
}
