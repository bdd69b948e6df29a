import CTextShims
import Foundation

/// The legacy Japanese encodings kiji reads besides UTF-8.
public enum LegacyEncoding: String, Sendable, CaseIterable {
    /// Shift_JIS as Windows extends it: what Excel on Japanese Windows saves.
    case cp932
    /// EUC-JP: older Unix and web text.
    case eucJP

    /// How people name it.
    public var displayName: String {
        switch self {
        case .cp932: "CP932 (Shift_JIS)"
        case .eucJP: "EUC-JP"
        }
    }

    private var icuName: String {
        switch self {
        case .cp932: "windows-31j"
        case .eucJP: "EUC-JP"
        }
    }

    /// The text, or nil when any byte sequence is not valid in this encoding
    /// (nothing is replaced or skipped).
    public func decode(_ bytes: [UInt8]) -> String? {
        let decoded = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                kiji_decode_strict(icuName, chars.baseAddress, chars.count)
            }
        }
        guard let units = decoded.units else { return nil }
        defer { free(units) }
        return String(decoding: UnsafeBufferPointer(start: units, count: decoded.count), as: UTF16.self)
    }

    /// Decodes `bytes`, which are not UTF-8, as the legacy encoding they read
    /// best in, or nil when none gives Japanese text. CP932 misread as EUC-JP
    /// (or the reverse) either fails or gives rare kanji and half-width kana
    /// instead of kana, so the decoding that reads most like Japanese wins
    /// (see `japaneseScore`); a tie goes to CP932, the more common of the two.
    public static func detect(_ bytes: [UInt8]) -> (text: String, encoding: LegacyEncoding)? {
        var best: (text: String, encoding: LegacyEncoding, score: Int)?
        for encoding in allCases {
            guard let text = encoding.decode(bytes) else { continue }
            let score = japaneseScore(text)
            guard score > 0 else { continue }
            if best == nil || score > best!.score { best = (text, encoding, score) }
        }
        return best.map { ($0.text, $0.encoding) }
    }

    /// Kana and 、。「」 count two, kanji one; half-width katakana and
    /// private-use characters, which a misread encoding produces in runs,
    /// count minus two.
    static func japaneseScore(_ text: String) -> Int {
        var score = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3040...0x30FF, 0x3001...0x3002, 0x300C...0x300D: score += 2
            case 0x4E00...0x9FFF: score += 1
            case 0xFF61...0xFF9F, 0xE000...0xF8FF: score -= 2
            default: continue
            }
        }
        return score
    }
}
