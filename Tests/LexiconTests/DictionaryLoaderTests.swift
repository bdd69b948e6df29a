import Foundation
import Morphology
import Testing
import TestSupport
@testable import Lexicon

let model = Result { try MeCabModel(dictionary: "/var/lib/mecab/dic/ipadic-utf8") }

/// Writes `text` to a fresh file named `name` and loads it.
func load(_ text: String, as name: String) throws -> WordDictionary {
    let path = try temporaryFolder() + "/" + name
    try write(text, to: path)
    return try DictionaryLoader.load(path)
}

/// The error loading `text` as `name` gives, with the folder left out.
func loadError(_ text: String, as name: String) -> String {
    do {
        _ = try load(text, as: name)
        return "no error"
    } catch let error as DictionaryError {
        return "\((error.file as NSString).lastPathComponent)\(error.line.map { ":\($0)" } ?? ""): \(error.message)"
    } catch {
        return "\(error)"
    }
}

func counts(_ dictionary: WordDictionary, _ text: String) throws -> [String] {
    let tokens = try MeCabTagger(model: try model.get()).tokenize(text)
    return zip(dictionary.categories, dictionary.counts(in: tokens)).map { "\($0.name)=\($1)" }
}

@Suite struct DictionaryLoaderTests {
    static let text = "日米同盟を強化し、防衛費と防衛力を増やす。日米の同盟国と協議した。ＮＡＴＯも協議。"

    @Test func yamlWithNestedCategoriesAndWildcards() throws {
        let dictionary = try load("""
            安全保障:
              - 防衛*
              - ＮＡＴＯ
            外交:
              同盟:
                - 日米同盟
                - 同盟国
              対話: [協議]
            """, as: "d.yml")
        #expect(dictionary.format == "yaml")
        #expect(dictionary.categories.map(\.name) == ["安全保障", "外交.同盟", "外交.対話"])
        // 防衛* matches the tokens 防衛 (twice: 防衛|費, 防衛|力); NATO is normalised on both sides.
        #expect(try counts(dictionary, Self.text) == ["安全保障=3", "外交.同盟=2", "外交.対話=2"])
    }

    @Test func liwcDic() throws {
        let dictionary = try load("%\n1\tsecurity\n2\tdiplomacy\n%\n防衛*\t1\n協議\t2\n同盟\t1\t2\n", as: "d.dic")
        #expect(dictionary.format == "liwc")
        #expect(dictionary.categories.map(\.name) == ["security", "diplomacy"])
        // 防衛* and 同盟 (twice) are security; 協議 and 同盟 (twice) diplomacy: a word may be in two categories.
        #expect(try counts(dictionary, "防衛と同盟、協議と同盟") == ["security=3", "diplomacy=3"])
    }

    @Test func csvWordList() throws {
        let dictionary = try load("category,word\n外交,協議\n外交,\"会談\"\n安全保障,抑止\n", as: "d.csv")
        #expect(dictionary.format == "csv")
        #expect(dictionary.categories.map(\.name) == ["外交", "安全保障"])
        #expect(try counts(dictionary, "会談で協議し、抑止と協議") == ["外交=3", "安全保障=1"])
    }

    @Test func khCoderCodingRules() throws {
        let dictionary = try load("""
            # KH Coder coding rules
            *同盟
            日米同盟 or seq(同盟-国)
            *対話なし協議
            協議 and not 会談
            *近い
            near(中国-脅威)
            *まとめ
            (防衛 or 抑止)
              and 協議
            """, as: "rules.txt")
        #expect(dictionary.format == "khcoder")
        #expect(dictionary.categories.map(\.name) == ["同盟", "対話なし協議", "近い", "まとめ"])
        #expect(try counts(dictionary, Self.text) == ["同盟=1", "対話なし協議=1", "近い=0", "まとめ=1"])
        #expect(try counts(dictionary, "会談で協議。中国の軍事的な脅威") == ["同盟=0", "対話なし協議=0", "近い=1", "まとめ=0"])
    }

    @Test func multiTokenEntriesAndLongestMatch() throws {
        let dictionary = try load("a:\n  - 日米\n  - 日米同盟\n", as: "d.yaml")
        // 日米同盟 is 日|米|同盟 in IPADIC: one match (the longest), then 日米 once more.
        #expect(try counts(dictionary, "日米同盟と日米") == ["a=2"])
    }

    @Test func malformedFilesNameFileAndLine() {
        #expect(loadError("a:\n  - x\n b: [", as: "bad.yml").hasPrefix("bad.yml:3: is not valid YAML"))
        #expect(loadError("a:\n  - x\n  - {y: 1}\n", as: "bad.yml") == "bad.yml:3: category 'a' lists something that is not a word")
        #expect(loadError("- x\n", as: "bad.yml") == "bad.yml:1: a YAML dictionary is a mapping from category names to lists of words")
        #expect(loadError("1\tx\n%\n", as: "bad.dic") == "bad.dic:1: a LIWC dictionary starts with a line holding only '%'")
        #expect(loadError("%\n1\tx\n", as: "bad.dic") == "bad.dic:3: the category list opened by '%' on line 1 is never closed by another '%'")
        #expect(loadError("%\n1\tx\n%\n語\t2\n", as: "bad.dic") == "bad.dic:4: '語' names category 2, which the list at the top does not define")
        #expect(loadError("a,b\nc\n", as: "bad.csv") == "bad.csv:2: a row must have two cells, category and word; it has 1")
        #expect(loadError("a,*\n", as: "bad.csv") == "bad.csv:1: category 'a' has an empty word or one made only of wildcards")
        #expect(loadError("*a\n語 <>2\n", as: "bad.txt")
                == "bad.txt:2: unsupported KH Coder construct '<' (kiji reads words, and, or, not, parentheses, seq() and near())")
        #expect(loadError("*a\n語 語\n", as: "bad.txt") == "bad.txt:2: unexpected word '語'; join words with and, or or not")
        #expect(loadError("語\n", as: "bad.txt") == "bad.txt:1: a condition before any '*name' header (a coding rule file starts with *name)")
        #expect(loadError("*a\n(語 or\n", as: "bad.txt") == "bad.txt:2: the condition ends where a word was expected")
        #expect(loadError("*a\n*b\nx\n", as: "bad.txt") == "bad.txt:1: code '*a' has no condition under it")
        #expect(loadError("a", as: "d.json").hasPrefix("d.json: kiji reads dictionaries ending in .yml or .yaml"))
    }

    @Test func globSemantics() {
        let glob = { (pattern: String, text: String) in
            WordPattern.glob(Array(pattern.unicodeScalars)[...], Array(text.unicodeScalars)[...])
        }
        #expect(glob("防衛*", "防衛") && glob("防衛*", "防衛費") && !glob("防衛*", "国防衛"))
        #expect(glob("*衛", "防衛") && glob("防?", "防衛") && !glob("防?", "防") && glob("*", ""))
    }
}
