import Text

/// The dictionary's description of one morpheme, read field by field by
/// name (see ``FeatureLayout``). Shared by every token with the same feature
/// string, so that millions of tokens do not copy the same nine strings.
public final class MorphemeFeatures: Equatable, Sendable {
    /// The top-level part of speech: 名詞 (IPADIC 品詞, UniDic pos1).
    public let pos: String
    /// The three sub-categories, "" where unset (IPADIC 細分類1–3, UniDic pos2–pos4).
    public let posLevels: [String]
    /// Conjugation type and form (活用型, 活用形; UniDic cType, cForm), "" when none.
    public let inflectionType: String
    public let inflectionForm: String
    /// The dictionary form as the dictionary writes it (IPADIC 原形, UniDic
    /// orthBase); "" when it has none (unknown words).
    public let base: String
    /// UniDic's lemma (語彙素: 為る for し); IPADIC has none and gives its 原形.
    public let lemma: String
    /// Katakana reading (IPADIC 読み, UniDic kana), "" when unknown.
    public let reading: String
    /// Pronunciation (IPADIC 発音, UniDic pron), "" when unknown.
    public let pronunciation: String
    /// NFKC of `base`.
    let normalizedBase: String

    public init(pos: String, posLevels: [String], inflectionType: String = "", inflectionForm: String = "",
                base: String, lemma: String = "", reading: String = "", pronunciation: String = "") {
        self.pos = pos
        self.posLevels = Array((posLevels + ["", "", ""]).prefix(3))
        self.inflectionType = inflectionType
        self.inflectionForm = inflectionForm
        self.base = base
        self.lemma = lemma.isEmpty ? base : lemma
        self.reading = reading
        self.pronunciation = pronunciation
        self.normalizedBase = TextNormalizer.nfkc(base)
    }

    /// The sub-categories that are set, joined by commas: 固有名詞,人名,姓.
    public var posDetail: String { posLevels.filter { !$0.isEmpty }.joined(separator: ",") }

    public static func == (a: MorphemeFeatures, b: MorphemeFeatures) -> Bool {
        (a.pos, a.posLevels, a.inflectionType, a.inflectionForm) == (b.pos, b.posLevels, b.inflectionType, b.inflectionForm)
            && (a.base, a.lemma, a.reading, a.pronunciation) == (b.base, b.lemma, b.reading, b.pronunciation)
    }
}

/// One morpheme as MeCab sees it in the text as written, with its place in
/// both the raw and the NFKC-normalised text.
public struct Token: Equatable, Sendable {
    /// NFKC of the surface: what counts and matches compare with.
    public let surface: String
    /// The surface as written.
    public let rawSurface: String
    public let features: MorphemeFeatures
    /// MeCab does not know the word (its features are guessed from the characters).
    public let unknown: Bool
    /// Position of the first character in the normalised text, 1-based, in code points.
    public let start: Int
    /// Length in the normalised text, in code points.
    public let length: Int
    /// Position of the first character in the raw text, 1-based, in code points.
    public let rawStart: Int
    /// Length in the raw text, in code points.
    public let rawLength: Int

    public init(surface: String, rawSurface: String, features: MorphemeFeatures, unknown: Bool = false,
                start: Int, length: Int, rawStart: Int, rawLength: Int) {
        self.surface = surface
        self.rawSurface = rawSurface
        self.features = features
        self.unknown = unknown
        self.start = start
        self.length = length
        self.rawStart = rawStart
        self.rawLength = rawLength
    }

    public var pos: String { features.pos }
    public var posDetail: String { features.posDetail }
    public var reading: String { features.reading }
    /// NFKC of the dictionary form; the normalised surface when the dictionary has none.
    public var base: String { features.base.isEmpty ? surface : features.normalizedBase }
    /// The dictionary form as the dictionary writes it; the raw surface when it has none.
    public var rawBase: String { features.base.isEmpty ? rawSurface : features.base }
    /// UniDic's lemma; for IPADIC the same as `rawBase`.
    public var lemma: String { features.lemma.isEmpty ? rawSurface : features.lemma }
}
