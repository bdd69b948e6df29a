import Foundation
import Testing
@testable import Morphology

/// One shared model for the suite (loading IPADIC takes a moment).
let sharedModel: MeCabModel = {
    do { return try MeCabModel(dictionary: DictionaryLocator.locate(explicit: nil)) } catch {
        fatalError("MeCab dictionary unavailable: \(error); run scripts/ensure-deps")
    }
}()

/// What the `mecab` command prints for `text`: (surface, feature) per morpheme.
func mecabCommand(_ text: String) throws -> [(String, String)] {
    try mecabOutput(text, arguments: ["-d", sharedModel.dictionaryPath]).split(separator: "\n").compactMap { line in
        let parts = line.split(separator: "\t", maxSplits: 1)
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
    }
}

/// Runs the `mecab` command with `arguments` on `text` and returns what it prints.
func mecabOutput(_ text: String, arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["mecab"] + arguments
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data((text + "\n").utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

@Suite struct MeCabTests {
    static let samples = [
        "石破茂首相は、ドナルド・トランプ大統領と日本時間の8日未明に初めての対面会談を行う。",
        "ヘグセス米国防長官は13日、NATO国防相会合後の記者会見で、中国の軍事的脅威に対して米国単独では抑止できないとの認識を示した。",
        "防衛費は数字より中身 木原官房長官、米国の負担増圧力に慎重対応",
        "トランプ氏は「日米同盟は重要だ」と述べた。",
    ]

    @Test(arguments: samples)
    func featuresMatchTheMecabCommand(text: String) throws {
        let tagger = try MeCabTagger(model: sharedModel)
        let tokens = try tagger.tokenize(text)
        let reference = try mecabCommand(text)
        #expect(tokens.map(\.surface) == reference.map(\.0))
        for (token, (_, feature)) in zip(tokens, reference) {
            let fields = feature.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(token.pos == fields[0])
            #expect(token.posDetail == fields[1...3].filter { $0 != "*" }.joined(separator: ","))
            #expect(token.base == (fields[6] == "*" ? token.surface : fields[6]))
            #expect(token.reading == (fields.count > 7 ? fields[7] : ""))
        }
    }

    @Test func tokenFieldsAndOffsets() throws {
        let tokens = try MeCabTagger(model: sharedModel).tokenize("石破茂首相\n強化した 中国")
        #expect(tokens.map(\.surface) == ["石破", "茂", "首相", "強化", "し", "た", "中国"])
        let features = MorphemeFeatures(pos: "名詞", posLevels: ["固有名詞", "人名", "姓"], base: "石破", reading: "イシバ",
                                        pronunciation: "イシバ")
        #expect(tokens[0] == Token(surface: "石破", rawSurface: "石破", features: features, start: 1, length: 2, rawStart: 1, rawLength: 2))
        #expect(tokens.map(\.start) == [1, 3, 4, 7, 9, 10, 12])  // the line break and the space are skipped
        #expect(tokens[4].base == "する")
        #expect(tokens[3].posDetail == "サ変接続")
    }

    @Test func emptyAndBlankText() throws {
        let tagger = try MeCabTagger(model: sharedModel)
        #expect(try tagger.tokenize("").isEmpty)
        #expect(try tagger.tokenize("\n\n").isEmpty)
    }

    @Test func ipadicTagsTrumpAsACommonNoun() throws {
        // Why actors need a dictionary: part of speech alone misses トランプ.
        let token = try MeCabTagger(model: sharedModel).tokenize("トランプ")[0]
        #expect(token.posDetail == "一般")
    }

    @Test func missingDictionaryIsAClearError() {
        #expect { try DictionaryLocator.locate(explicit: "/no/such/dic") } throws: { error in
            String(describing: error) == "--mecab-dict /no/such/dic is not a MeCab dictionary folder (no sys.dic)"
        }
        #expect { try DictionaryLocator.locate(explicit: nil, environment: ["KIJI_MECAB_DICT": "/tmp"]) } throws: { error in
            String(describing: error) == "KIJI_MECAB_DICT=/tmp is not a MeCab dictionary folder (no sys.dic)"
        }
        #expect { try MeCabModel(dictionary: "/tmp") } throws: { error in
            String(describing: error) == "/tmp is not a MeCab dictionary (it has no sys.dic)"
        }
    }

    @Test func prefersIPADICOverTheSystemDefault() throws {
        // unidic-mecab is installed (scripts/ensure-deps) and is Debian's default dictionary; kiji still picks IPADIC.
        #expect(FileManager.default.fileExists(atPath: "/var/lib/mecab/dic/unidic/sys.dic"))
        #expect(try DictionaryLocator.locate(explicit: nil, environment: [:]) == "/var/lib/mecab/dic/ipadic-utf8")
    }

    @Test func findsTheDictionaryFromTheEnvironment() throws {
        #expect(try DictionaryLocator.locate(explicit: nil, environment: ["KIJI_MECAB_DICT": sharedModel.dictionaryPath]) == sharedModel.dictionaryPath)
        #expect(sharedModel.dictionaryDescription.hasSuffix("utf-8") || sharedModel.dictionaryDescription.hasSuffix("UTF-8"))
    }
}
