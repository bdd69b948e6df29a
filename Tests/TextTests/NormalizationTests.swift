import Testing
import Text

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
}
