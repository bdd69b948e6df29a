import Foundation

/// Unicode normalisation used for every count and match in kiji.
public enum TextNormalizer {
    /// NFKC: full-width ASCII becomes ASCII, half-width kana becomes
    /// full-width, compatibility characters (①, ㍻) are decomposed.
    public static func nfkc(_ text: String) -> String {
        // Pure ASCII is already NFKC; skip the copy for the common case.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        // NFKC is by definition NFKD followed by canonical composition. The
        // one-step precomposedStringWithCompatibilityMapping of Foundation on
        // Linux leaves half-width voiced marks uncomposed (ﾄﾞ -> ト + U+3099,
        // where NFKC gives ド), so the two steps are spelled out.
        return text.decomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
    }
}
