/// Part of speech for symbols IPADIC does not know.
///
/// IPADIC knows full-width punctuation （、「＄ as 記号, but tags an unknown
/// word by its character class, and its class for ASCII symbols says
/// 名詞,サ変接続: `(`, `/`, `.` and `~` in text as written would all count as
/// nouns. kiji tags an unknown token made only of punctuation and symbols as
/// 記号 instead, with the sub-category IPADIC gives the full-width form.
/// UniDic knows ASCII symbols itself (補助記号), so its tokens are left alone.
enum UnknownSymbols {
    static let opening = MorphemeFeatures(pos: "記号", posLevels: ["括弧開"], base: "")
    static let closing = MorphemeFeatures(pos: "記号", posLevels: ["括弧閉"], base: "")
    static let comma = MorphemeFeatures(pos: "記号", posLevels: ["読点"], base: "")
    static let period = MorphemeFeatures(pos: "記号", posLevels: ["句点"], base: "")
    static let other = MorphemeFeatures(pos: "記号", posLevels: ["一般"], base: "")

    /// The features for an unknown `surface` under `format`, or nil when MeCab's guess stands.
    static func features(for surface: String, format: DictionaryFormat) -> MorphemeFeatures? {
        guard format == .ipadic, !surface.isEmpty, surface.unicodeScalars.allSatisfy(isSymbol) else { return nil }
        switch surface {
        case ",": return comma
        case ".": return period
        default: break
        }
        guard surface.unicodeScalars.count == 1, let scalar = surface.unicodeScalars.first else { return other }
        switch scalar.properties.generalCategory {
        case .openPunctuation, .initialPunctuation: return opening
        case .closePunctuation, .finalPunctuation: return closing
        default: return other
        }
    }

    static func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
