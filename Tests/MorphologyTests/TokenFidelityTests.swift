import Foundation
import Testing
import TestSupport
import Text
@testable import Morphology

/// The two Debian dictionaries the token tests run on (scripts/ensure-deps installs both).
let ipadicFolder = "/var/lib/mecab/dic/ipadic-utf8"
let unidicFolder = "/var/lib/mecab/dic/unidic"
let ipadicModel = Result { try MeCabModel(dictionary: ipadicFolder) }
let unidicModel = Result { try MeCabModel(dictionary: unidicFolder) }

func model(_ folder: String) throws -> MeCabModel {
    try (folder == unidicFolder ? unidicModel : ipadicModel).get()
}

/// One morpheme as the `mecab` command prints it, fields picked by MeCab's own CSV reader.
struct ReferenceMorpheme: Equatable, CustomStringConvertible {
    let surface, pos, posDetail, base, lemma, reading: String
    var description: String { [surface, pos, posDetail, base, lemma, reading].joined(separator: "|") }
}

/// Runs `mecab -d folder` on `text` (every line, as written) and returns its morphemes.
func mecabReference(_ text: String, dictionary folder: String) throws -> [ReferenceMorpheme] {
    // %f[N] indices of pos1-4, base, lemma, reading; unknown words have only the first fields.
    let (known, unknown) = folder == unidicFolder
        ? ("%m\t%f[0]\t%f[1]\t%f[2]\t%f[3]\t%f[10]\t%f[7]\t%f[20]\tK\n", "%m\t%f[0]\t%f[1]\t%f[2]\t%f[3]\t\t\t\tU\n")
        : ("%m\t%f[0]\t%f[1]\t%f[2]\t%f[3]\t%f[6]\t%f[6]\t%f[7]\tK\n", "%m\t%f[0]\t%f[1]\t%f[2]\t%f[3]\t%f[6]\t%f[6]\t\tU\n")
    let printed = try mecabOutput(text, arguments: ["-d", folder, "-b", "10000000", "-O", "", "-F", known, "-U", unknown, "-E", ""])
    let clean = { (field: Substring) in field == "*" ? "" : String(field) }
    return printed.split(separator: "\n").map { line in
        let f = line.split(separator: "\t", omittingEmptySubsequences: false)
        let surface = String(f[0])
        let base = clean(f[5]), lemma = clean(f[6])
        // IPADIC's guess for unknown ASCII symbols is 名詞,サ変接続; kiji says 記号 (see UnknownSymbols).
        if folder == ipadicFolder && f[8] == "U" && surface.unicodeScalars.allSatisfy(UnknownSymbols.isSymbol) {
            return ReferenceMorpheme(surface: surface, pos: "記号", posDetail: "(symbol)", base: surface, lemma: surface, reading: "")
        }
        return ReferenceMorpheme(surface: surface, pos: clean(f[1]), posDetail: f[2...4].map(clean).filter { !$0.isEmpty }.joined(separator: ","),
                                 base: base.isEmpty ? surface : base, lemma: lemma.isEmpty ? (base.isEmpty ? surface : base) : lemma,
                                 reading: clean(f[7]))
    }
}

/// Texts that NFKC changes: full-width brackets and letters, half-width kana,
/// circled digits, era ligatures, emoji, combining marks.
let hostileTexts = [
    "（日米）首脳会談、「ＮＡＴＯ」と【速報】＃防衛費？！",
    "ｱﾝﾄﾞﾛｲﾄﾞとｶﾞｲﾄﾞﾌﾞｯｸ、ﾊﾟﾊﾟの１２３円",
    "①②③の㍻元年と㈱日立、㌔㍍",
    "絵文字😀👍🏽と家族👨‍👩‍👧、国旗🇯🇵。",
    "か\u{3099}き\u{309A}く、e\u{301}te\u{301}とｶﾞ",
    "Ｔｒｕｍｐ氏は“ＡＩ”を語った…　全角空白",
    "ASCIIの記号 (a) [b] {c} / . , ~ ... $5 100% #tag @user",
]

func seedTexts() throws -> [String] {
    let folder = repositoryRoot.appendingPathComponent("seeds").path
    return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().filter { $0.hasSuffix(".txt") }.map {
        try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)
    }
}

@Suite struct TokenFidelityTests {
    static let dictionaries = [ipadicFolder, unidicFolder]

    /// kiji's tokens are what the `mecab` command gives on the raw text: every seed file and every hostile text.
    @Test(arguments: dictionaries)
    func tokensAreTheMecabCommandsOnTheRawText(folder: String) throws {
        let tagger = try MeCabTagger(model: try model(folder))
        let texts = try seedTexts() + hostileTexts
        #expect(texts.count == hostileTexts.count + 5)
        for text in texts {
            let tokens = try tagger.tokenize(text)
            let ours = tokens.map {
                let symbol = $0.unknown && UnknownSymbols.features(for: $0.rawSurface, format: .ipadic) === $0.features
                return ReferenceMorpheme(surface: $0.rawSurface, pos: $0.pos, posDetail: symbol ? "(symbol)" : $0.posDetail, base: $0.rawBase,
                                         lemma: $0.lemma, reading: $0.reading)
            }
            let reference = try mecabReference(text, dictionary: folder)
            #expect(ours.count == reference.count)
            for (mine, theirs) in zip(ours, reference) where mine != theirs {
                Issue.record("\(folder): kiji \(mine) but mecab \(theirs)")
                break
            }
        }
    }

    /// Every token's offsets point at its surface in the raw text and, unless
    /// normalisation merged it with a neighbour, in the normalised text.
    @Test(arguments: dictionaries)
    func offsetsPointIntoBothTexts(folder: String) throws {
        let tagger = try MeCabTagger(model: try model(folder))
        for text in try seedTexts() + hostileTexts {
            let raw = Array(text.unicodeScalars)
            let normalized = Array(TextNormalizer.nfkc(text).unicodeScalars)
            var previousEnd = 0
            for token in try tagger.tokenize(text) {
                let rawSlice = String(String.UnicodeScalarView(raw[(token.rawStart - 1)..<(token.rawStart - 1 + token.rawLength)]))
                #expect(rawSlice.unicodeScalars.elementsEqual(token.rawSurface.unicodeScalars))
                #expect(token.start - 1 >= previousEnd && token.start - 1 + token.length <= normalized.count)
                previousEnd = token.start - 1 + token.length
                let rawEnd = token.rawStart - 1 + token.rawLength
                let mergedWithNext = rawEnd < raw.count && NormalizedPositions.mayCompose(raw[rawEnd])
                if !mergedWithNext && token.length == token.surface.unicodeScalars.count {
                    let slice = String(String.UnicodeScalarView(normalized[(token.start - 1)..<previousEnd]))
                    #expect(slice.unicodeScalars.elementsEqual(token.surface.unicodeScalars), "\(token.rawSurface) at \(token.start)")
                }
            }
        }
    }

    @Test func punctuationIsASymbolWithANormalisedSurface() throws {
        let tokens = try MeCabTagger(model: try model(ipadicFolder)).tokenize("（中国）は「ＮＡＴＯ」")
        #expect(tokens.map(\.rawSurface) == ["（", "中国", "）", "は", "「", "ＮＡＴＯ", "」"])
        #expect(tokens.map(\.surface) == ["(", "中国", ")", "は", "「", "NATO", "」"])
        #expect(tokens.map(\.pos) == ["記号", "名詞", "記号", "助詞", "記号", "名詞", "記号"])
        #expect(tokens[0].posDetail == "括弧開" && tokens[0].base == "(" && tokens[0].rawBase == "（")
        #expect(tokens.map(\.start) == [1, 2, 4, 5, 6, 7, 11])
    }

    @Test func unknownAsciiSymbolsAreSymbols() throws {
        let tokens = try MeCabTagger(model: try model(ipadicFolder)).tokenize("(日米) a/b, c. ~ ...")
        #expect(tokens.map { "\($0.rawSurface):\($0.pos),\($0.posDetail)" } == [
            "(:記号,括弧開", "日:名詞,固有名詞,地域,国", "米:名詞,固有名詞,地域,国", "):記号,括弧閉", "a:名詞,一般", "/:記号,一般",
            "b:名詞,一般", ",:記号,読点", "c:名詞,一般", ".:記号,句点", "~:記号,一般", "...:記号,一般",
        ])
        #expect(tokens[0].unknown && tokens[0].base == "(")
    }

    @Test func offsetsAcrossNormalisationThatChangesLengths() throws {
        // ｶﾞｲﾄﾞ is 5 characters raw and ガイド 3 normalised; ㍻ becomes 平成; e + U+0301 becomes é.
        let tokens = try MeCabTagger(model: try model(ipadicFolder)).tokenize("ｶﾞｲﾄﾞ\n㍻と e\u{301}t")
        let spans = tokens.map { "\($0.rawSurface):\($0.rawStart)+\($0.rawLength)>\($0.surface):\($0.start)+\($0.length)" }
        #expect(spans == ["ｶﾞｲﾄﾞ:1+5>ガイド:1+3", "㍻:7+1>平成:5+2", "と:8+1>と:7+1", "e:10+1>e:9+1", "\u{301}:11+1>\u{301}:10+0", "t:12+1>t:10+1"])
    }

    @Test func unidicFieldsAreReadByName() throws {
        let tokens = try MeCabTagger(model: try model(unidicFolder)).tokenize("日米が協議し")
        #expect(tokens.map(\.rawSurface) == ["日米", "が", "協議", "し"])
        #expect(tokens[0].base == "日米" && tokens[0].reading == "ニチベイ" && tokens[0].features.pronunciation == "ニチベー")
        #expect(tokens[3].base == "する" && tokens[3].lemma == "為る" && tokens[3].reading == "シ")
        #expect(tokens[3].pos == "動詞" && tokens[3].posDetail == "非自立可能")
        #expect(tokens[3].features.inflectionType == "サ行変格" && tokens[3].features.inflectionForm == "連用形-一般")
        #expect(try model(unidicFolder).layout.format == .unidic)
        #expect(try model(unidicFolder).dictionaryDescription.hasPrefix("unidic (UniDic) "))
    }

    @Test func ipadicFieldsAreReadByPosition() throws {
        let tokens = try MeCabTagger(model: try model(ipadicFolder)).tokenize("強化した")
        #expect(tokens[1].base == "する" && tokens[1].lemma == "する" && tokens[1].reading == "シ")
        #expect(tokens[1].features.inflectionType == "サ変・スル" && tokens[1].features.inflectionForm == "連用形")
        #expect(try model(ipadicFolder).layout == .ipadic)
        #expect(try model(ipadicFolder).dictionaryDescription.hasPrefix("ipadic-utf8 (IPADIC) "))
    }

    @Test func layoutIsDetectedFromDicrc() {
        #expect(FeatureLayout.detect(dicrc: "cost-factor = 800\nbos-feature = BOS/EOS,*,*,*,*,*,*,*,*\n") == .ipadic)
        let named = "; f[0]:  pos1\n; f[1]: pos2\n; f[2]: pos3\n; f[3]: pos4\n; f[4]: cType\n; f[5]: cForm\n; f[6]: lemma\n; f[7]: orthBase\n; f[8]: kana\n"
        let layout = FeatureLayout.detect(dicrc: named)
        #expect(layout.format == .unidic && layout.lemma == 6 && layout.base == 7 && layout.reading == 8 && layout.pronunciation == nil)
        // UniDic 2.x names no fields but has a longer BOS feature.
        let old = FeatureLayout.detect(dicrc: "bos-feature = BOS/EOS,*,*,*,*,*,*,*,*,*,*,*,*,*,*,*,*\n")
        #expect(old.format == .unidic && old.base == 10 && old.lemma == 7 && old.reading == 9)
        #expect(FeatureLayout.splitCSV("a,\"1,3\",*,") == ["a", "1,3", "*", ""])
    }
}
