import Testing
import Text

@Suite struct UnicodeTextTests {
    @Test func lengthCountsCodePoints() {
        #expect(UnicodeText.length("日米同盟") == 4)
        #expect(UnicodeText.length("") == 0)
        #expect(UnicodeText.length("a日🇯🇵") == 4)  // a flag is two code points
    }

    @Test(arguments: [
        (1, -1, "日米同盟強化"),
        (1, 2, "日米"),
        (3, 4, "同盟"),
        (-2, -1, "強化"),
        (5, 100, "強化"),
        (0, 1, "日"),
        (4, 2, ""),
        (7, 9, ""),
        (-100, 1, "日"),
    ])
    func substringFollowsLuaConventions(i: Int, j: Int, expected: String) {
        #expect(UnicodeText.substring("日米同盟強化", from: i, to: j) == expected)
    }

    @Test func trimmedRemovesIdeographicSpace() {
        #expect(UnicodeText.trimmed("\u{3000} 中国 \n") == "中国")
        #expect(UnicodeText.trimmed("   ") == "")
    }
}
