import CTextShims
import Foundation

/// Unicode normalisation used for every count and match in kiji.
public enum TextNormalizer {
    /// NFKC: full-width ASCII becomes ASCII, half-width kana becomes
    /// full-width, compatibility characters (①, ㍻) are decomposed.
    public static func nfkc(_ text: String) -> String {
        // Pure ASCII is already NFKC; skip the work for the common case.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var text = text
        let result: String? = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                var length: Int32 = 0
                var unchanged: Int32 = 0
                guard let normalized = kiji_nfkc_utf8(chars.baseAddress, Int32(chars.count), &length, &unchanged) else {
                    return unchanged != 0 ? nil : fallback(String(decoding: bytes, as: UTF8.self))
                }
                defer { free(normalized) }
                return String(decoding: UnsafeRawBufferPointer(start: normalized, count: Int(length)), as: UTF8.self)
            }
        }
        return result ?? text
    }

    /// Foundation's NFKC, used only if ICU fails. It is NFKD followed by
    /// canonical composition, spelled out because the one-step call of
    /// Foundation on Linux leaves half-width voiced marks uncomposed
    /// (ﾄﾞ -> ト + U+3099, where NFKC gives ド).
    static func fallback(_ text: String) -> String {
        text.decomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
    }
}
