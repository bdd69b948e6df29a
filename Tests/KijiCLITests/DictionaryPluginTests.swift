import Foundation
import Testing
import TestSupport

/// The `dictionary` plugin and `kiji.dictionary` through the binary.
@Suite struct DictionaryPluginTests {
    static let fixture = """
        {"id": "a", "date": "2025-01-05", "title": "", "category": "政治", "text": "日米同盟と防衛費。"}
        {"id": "b", "date": "2025-02-10", "title": "", "category": "経済", "text": "首脳会談で協議した。"}
        """

    func files(dictionary: String, named name: String) throws -> (corpus: String, dictionary: String) {
        let folder = try temporaryFolder()
        try write(Self.fixture, to: "\(folder)/news.jsonl")
        try write(dictionary, to: "\(folder)/\(name)")
        return ("\(folder)/news.jsonl", "\(folder)/\(name)")
    }

    @Test func countsEveryFormatByMetadata() throws {
        let dictionaries = [
            ("d.yml", "安保: [防衛*]\n対話: [会談, 協議]\n"),
            ("d.dic", "%\n1\t安保\n2\t対話\n%\n防衛*\t1\n会談\t2\n協議\t2\n"),
            ("d.csv", "category,word\n安保,防衛*\n対話,会談\n対話,協議\n"),
            ("d.txt", "*安保\n防衛\n*対話\n会談 or 協議\n"),
        ]
        for (name, text) in dictionaries {
            let (corpus, dictionary) = try files(dictionary: text, named: name)
            let result = try KijiProcess.run(["run", "dictionary", corpus, "--param", "dictionary=\(dictionary)", "--param", "by=category"])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            // KH Coder rules count documents (the rule holds in b once), word lists count matches (会談 and 協議).
            let dialogue = name == "d.txt" ? 1 : 2
            #expect(result.stdout == """
                category,key,matches,documents,documents_total,tokens
                政治,安保,1,1,1,7
                政治,対話,0,0,1,7
                経済,安保,0,0,1,7
                経済,対話,\(dialogue),1,1,7

                """, "\(name)")
        }
    }

    @Test func malformedDictionaryIsAnInputError() throws {
        let (corpus, dictionary) = try files(dictionary: "*a\n語 <> 2\n", named: "rules.txt")
        let result = try KijiProcess.run(["run", "dictionary", corpus, "--param", "dictionary=\(dictionary)"])
        #expect(result.status == 2)
        #expect(result.stderr == "kiji: \(dictionary):2: unsupported KH Coder construct '<' (kiji reads words, and, or, not, parentheses, seq() and near())\n")
        let missing = try KijiProcess.run(["run", "dictionary", corpus])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("kiji: plugin 'dictionary' needs --param dictionary=… (the dictionary file: "))
    }

    @Test func onlyNamedFilesAreRead() throws {
        let (corpus, dictionary) = try files(dictionary: "a: [協議]\n", named: "d.yml")
        let named = try KijiProcess.run(["query", "return kiji.dictionary(params.d):count(corpus[2])['a']", corpus, "--param", "d=\(dictionary)"])
        #expect(named.stdout == "1\n")
        let unnamed = try KijiProcess.run(["query", "return #kiji.dictionary('\(dictionary)')", corpus])
        #expect(unnamed.status == 1)
        #expect(unnamed.stderr.contains("kiji.dictionary: '\(dictionary)' was not named on the command line; kiji reads only the files you name"))
        let bundled = try KijiProcess.run(["query", "return table.concat(kiji.dictionary('dictionaries/politics.yml').categories, ' ')", corpus])
        #expect(bundled.stdout == "安全保障 外交.同盟 外交.対話\n")
    }
}
