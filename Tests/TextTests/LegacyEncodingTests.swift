import Testing
@testable import Text

@Suite struct LegacyEncodingTests {
    @Test func decodesStrictly() {
        #expect(LegacyEncoding.eucJP.decode([0xA4, 0xA2, 0x41]) == "あA")
        #expect(LegacyEncoding.cp932.decode([0x82, 0xA0, 0x41]) == "あA")
        #expect(LegacyEncoding.eucJP.decode([0xA4]) == nil)           // a character cut in half
        #expect(LegacyEncoding.eucJP.decode([0x82, 0xA0]) == nil)     // CP932 あ is not EUC-JP
        #expect(LegacyEncoding.cp932.decode([0xFC, 0xCB]) == nil)     // unassigned
        #expect(LegacyEncoding.cp932.decode([]) == "")
    }

    @Test func detectsTheEncodingThatReadsAsJapanese() {
        // 日本国憲法 in EUC-JP: CP932 cannot decode it.
        #expect(LegacyEncoding.detect([0xC6, 0xFC, 0xCB, 0xDC, 0xB9, 0xF1, 0xB7, 0xFB, 0xCB, 0xA1])?.encoding == .eucJP)
        // あいう in EUC-JP also decodes as CP932 (as ､｢､､､ｦ, half-width), which scores lower.
        #expect(LegacyEncoding.detect([0xA4, 0xA2, 0xA4, 0xA4, 0xA4, 0xA6])?.text == "あいう")
        // Latin-1 text with no Japanese in any reading.
        #expect(LegacyEncoding.detect([0x63, 0x61, 0x66, 0xE9]) == nil)
    }
}
