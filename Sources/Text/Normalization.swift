import CTextShims
import Foundation

/// Unicode normalisation used for every count and match in kiji.
public enum TextNormalizer {
    /// NFKC: full-width ASCII becomes ASCII, half-width kana becomes
    /// full-width, compatibility characters (①, ㍻) are decomposed.
    public static func nfkc(_ text: String) -> String {
        nfkc(text, chunkBytes: 1 << 24)
    }

    /// NFKC in pieces of about `chunkBytes`: ICU takes 32-bit lengths, and a
    /// piece boundary placed before a character that NFKC never combines
    /// with what precedes it gives the same result as one pass.
    static func nfkc(_ text: String, chunkBytes: Int) -> String {
        // Pure ASCII is already NFKC; skip the work for the common case.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var text = text
        return text.withUTF8 { bytes in
            if bytes.count <= chunkBytes { return normalizePiece(bytes) ?? String(decoding: bytes, as: UTF8.self) }
            var result = ""
            result.reserveCapacity(bytes.count)
            var start = 0
            while start < bytes.count {
                let end = pieceEnd(in: bytes, from: start, chunkBytes: chunkBytes)
                let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
                result += normalizePiece(piece) ?? String(decoding: piece, as: UTF8.self)
                start = end
            }
            return result
        }
    }

    /// Where the piece starting at `start` ends: the first safe boundary at
    /// or after `start + chunkBytes`. Safe is before an ASCII character or a
    /// CJK unified ideograph (U+5000–U+9FFF, lead bytes E5–E9): starters
    /// that never compose with a preceding character. Text without any for
    /// 64 pieces' length is cut before any character (exact in practice).
    static func pieceEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, chunkBytes: Int) -> Int {
        let target = start + chunkBytes
        guard target < bytes.count else { return bytes.count }
        let searchLimit = min(bytes.count, target.addingReportingOverflow(chunkBytes.multipliedReportingOverflow(by: 64).partialValue).partialValue)
        for index in target..<searchLimit where bytes[index] < 0x80 || (0xE5...0xE9).contains(bytes[index]) {
            return index
        }
        for index in searchLimit..<bytes.count where bytes[index] & 0xC0 != 0x80 { return index }
        return bytes.count
    }

    /// The NFKC of one piece, or nil when it is already NFKC.
    private static func normalizePiece(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let length = Int32(exactly: bytes.count) else { return fallback(String(decoding: bytes, as: UTF8.self)) }
        return bytes.withMemoryRebound(to: CChar.self) { chars in
            var outLength: Int32 = 0
            var unchanged: Int32 = 0
            guard let normalized = kiji_nfkc_utf8(chars.baseAddress, length, &outLength, &unchanged) else {
                return unchanged != 0 ? nil : fallback(String(decoding: bytes, as: UTF8.self))
            }
            defer { free(normalized) }
            return String(decoding: UnsafeRawBufferPointer(start: normalized, count: Int(outLength)), as: UTF8.self)
        }
    }

    /// Foundation's NFKC, used only if ICU fails. It is NFKD followed by
    /// canonical composition, spelled out because the one-step call of
    /// Foundation on Linux leaves half-width voiced marks uncomposed
    /// (ﾄﾞ -> ト + U+3099, where NFKC gives ド).
    static func fallback(_ text: String) -> String {
        text.decomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
    }
}
