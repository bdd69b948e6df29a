import Testing
@testable import PluginHost

/// `doc:tokens()` and `kiji.tokenize` as Lua sees them.
@Suite struct TokenBindingTests {
    let doc = document("d1", nil, title: "（速報）", "ｱﾝﾄﾞﾛｲﾄﾞ①が強化した")

    static func field(_ name: String, _ source: String = "doc:tokens()") -> String {
        "(function() local s = {} for _, t in ipairs(\(source)) do s[#s+1] = tostring(t.\(name)) end return table.concat(s, '|') end)()"
    }

    @Test func tokensComeFromTheRawTextWithBothSurfaces() throws {
        #expect(try evaluate(Self.field("raw_surface"), on: doc) == "（|速報|）|ｱﾝﾄﾞﾛｲﾄﾞ|①|が|強化|し|た")
        #expect(try evaluate(Self.field("surface"), on: doc) == "(|速報|)|アンドロイド|1|が|強化|し|た")
        #expect(try evaluate(Self.field("pos"), on: doc) == "記号|名詞|記号|名詞|名詞|助詞|名詞|動詞|助動詞")
        #expect(try evaluate(Self.field("base"), on: doc) == "(|速報|)|アンドロイド|1|が|強化|する|た")
        #expect(try evaluate(Self.field("raw_base"), on: doc) == "（|速報|）|ｱﾝﾄﾞﾛｲﾄﾞ|①|が|強化|する|た")
        #expect(try evaluate(Self.field("unknown"), on: doc) == "false|false|false|true|true|false|false|false|false")
    }

    @Test func offsetsIntoTheRawAndTheNormalisedText() throws {
        #expect(try evaluate(Self.field("raw_start"), on: doc) == "1|2|4|6|14|15|16|18|19")
        #expect(try evaluate(Self.field("raw_length"), on: doc) == "1|2|1|8|1|1|2|1|1")
        #expect(try evaluate(Self.field("start"), on: doc) == "1|2|4|6|12|13|14|16|17")
        #expect(try evaluate(Self.field("length"), on: doc) == "1|2|1|6|1|1|2|1|1")
        // Slicing doc.raw and doc.text at the offsets gives the two surfaces.
        let slices = "(function() local t = doc:tokens()[4] return kiji.text.sub(doc.raw, t.raw_start, t.raw_start + t.raw_length - 1) .. '=' .. kiji.text.sub(doc.text, t.start, t.start + t.length - 1) end)()"
        #expect(try evaluate(slices, on: doc) == "ｱﾝﾄﾞﾛｲﾄﾞ=アンドロイド")
    }

    @Test func aFilterKeepsTheMatchingTokensWithTheirPlaceAmongAll() throws {
        #expect(try evaluate(Self.field("index"), on: doc) == "1|2|3|4|5|6|7|8|9")
        #expect(try evaluate(Self.field("surface", "doc:tokens{pos = '名詞'}"), on: doc) == "速報|アンドロイド|1|強化")
        #expect(try evaluate(Self.field("index", "doc:tokens{pos = '名詞'}"), on: doc) == "2|4|5|7")
        #expect(try evaluate(Self.field("surface", "doc:tokens{pos = {'記号', '動詞'}, pos2 = {'括弧閉', '自立'}}"), on: doc) == ")|し")
        #expect(try evaluate(Self.field("surface", "doc:tokens{pos = '名詞', pos2 = 'サ変接続', pos3 = ''}"), on: doc) == "速報|1|強化")
        #expect(try evaluate("#doc:tokens{pos = '形容詞'}", on: doc) == "0")
        #expect(try evaluate("#doc:tokens(nil)", on: doc) == "9")
        for (filter, problem) in [("{part = '名詞'}", "the filter's keys are pos, pos2, pos3 and pos4, not 'part'"),
                                  ("{pos = 1}", "filter.pos must be a string or a list of strings, not a number"),
                                  ("{pos = {}}", "filter.pos must be a string or a non-empty list of strings"),
                                  ("{pos = {'名詞', 2}}", "filter.pos must be a string or a non-empty list of strings"),
                                  ("{'名詞'}", "the filter's keys are pos, pos2, pos3 and pos4, not '1'"),
                                  ("'名詞'", "table expected, got string")] {
            #expect { try evaluate("#doc:tokens(\(filter))", on: doc) } throws: { error in
                String(describing: error).contains("bad argument #1 to 'tokens' (\(problem))")
            }
        }
    }

    @Test func ipadicFieldsByName() throws {
        #expect(try evaluate(Self.field("pos2"), on: doc) == "括弧開|サ変接続|括弧閉|一般|サ変接続|格助詞|サ変接続|自立|")
        #expect(try evaluate(Self.field("inflection_form", "kiji.tokenize('強化した')"), on: doc) == "|連用形|基本形")
        #expect(try evaluate(Self.field("reading", "kiji.tokenize('強化した')"), on: doc) == "キョウカ|シ|タ")
        #expect(try evaluate(Self.field("lemma", "kiji.tokenize('強化した')"), on: doc) == "強化|する|た")
        #expect(try evaluate("kiji.mecab_dictionary().format", on: doc) == "ipadic")
    }
}
