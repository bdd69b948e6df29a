import Testing
@testable import Text

@Suite struct NormalizationTests {
    @Test(arguments: [
        ("ＮＡＴＯ２０２５", "NATO2025"),             // full-width ASCII
        ("ｱﾝﾄﾞﾛｲﾄﾞ", "アンドロイド"),                 // half-width kana with voiced marks composes
        ("ﾊﾟﾝﾀﾞ", "パンダ"),
        ("①㈱㍻", "1(株)平成"),                      // compatibility characters
        ("日米同盟", "日米同盟"),                     // already normalised
        ("Ｗ杯　開幕", "W杯 開幕"),                    // ideographic space becomes a space
        ("plain ascii", "plain ascii"),
    ])
    func nfkcMatchesPython(input: String, expected: String) {
        #expect(TextNormalizer.nfkc(input) == expected)
    }

    @Test func nfkcComposesDecomposedInput() {
        // か + combining voiced mark (NFD) becomes が.
        #expect(Array(TextNormalizer.nfkc("\u{304B}\u{3099}").unicodeScalars) == ["\u{304C}"])
    }

    /// Long texts are normalised in pieces (ICU takes 32-bit lengths); the
    /// pieces must give exactly what one pass gives, even where a piece
    /// boundary falls next to characters that NFKC combines.
    @Test(arguments: [1, 2, 3, 5, 8, 13])
    func piecesGiveTheSameResultAsOnePass(chunkBytes: Int) {
        let text = "ｱﾝﾄﾞﾛｲﾄﾞ①か\u{3099}日米ｶﾞ同盟ＮＡＴＯ e\u{0301}㍻ﾊﾟﾝﾀﾞ中国\u{3099}台湾"
        let whole = TextNormalizer.nfkc(text, chunkBytes: 1 << 24)
        #expect(whole == "アンドロイド1が日米ガ同盟NATO é平成パンダ中国\u{3099}台湾")
        #expect(TextNormalizer.nfkc(text, chunkBytes: chunkBytes) == whole)
    }

    @Test func pieceBoundariesFallBeforeSafeCharacters() {
        let bytes = Array("かかか\u{3099}a日".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            // From byte 1, the first safe place is before "a" (byte 12), not inside か + ゙.
            #expect(TextNormalizer.pieceEnd(in: buffer, from: 0, chunkBytes: 1) == 12)
            #expect(TextNormalizer.pieceEnd(in: buffer, from: 12, chunkBytes: 1) == 13)
            #expect(TextNormalizer.pieceEnd(in: buffer, from: 13, chunkBytes: 1) == buffer.count)
        }
    }
}
