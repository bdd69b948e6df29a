import Testing
import Text

@Suite struct SentenceSplitterTests {
    func texts(_ text: String) -> [String] { SentenceSplitter.split(text).map(\.text) }

    @Test func splitsAfterEndersAndLineBreaks() {
        #expect(texts("日米同盟を強化する。中国は反発した!本当か?\n見出し\n\n本文です") ==
                ["日米同盟を強化する。", "中国は反発した!", "本当か?", "見出し", "本文です"])
    }

    @Test func neverInsideBrackets() {
        #expect(texts("首相は「強化する。協力する。」と述べた。次の文。") == ["首相は「強化する。協力する。」と述べた。", "次の文。"])
        #expect(texts("声明(要旨。全文は後日。)を発表。") == ["声明(要旨。全文は後日。)を発表。"])
    }

    @Test func runsOfEndersStayTogether() {
        #expect(texts("本当に?!そうだ。。") == ["本当に?!", "そうだ。。"])
    }

    @Test func unbalancedBracketEndsAtTheLineBreak() {
        #expect(texts("「閉じない。\n次の行。別の文。") == ["「閉じない。", "次の行。", "別の文。"])
    }

    @Test func positionsAreCharacterOffsets() {
        let sentences = SentenceSplitter.split("題\n  一文目。二文目。 ")
        #expect(sentences == [
            Sentence(text: "題", start: 1, length: 1),
            Sentence(text: "一文目。", start: 5, length: 4),
            Sentence(text: "二文目。", start: 9, length: 4),
        ])
    }
}

@Suite struct PatternMatcherTests {
    @Test func longestMatchWinsAndMatchesDoNotOverlap() {
        let matcher = PatternMatcher(patterns: ["米国", "米軍", "米", "台湾", "台湾海峡", "日米"])
        let found = matcher.matches(in: "米軍と米国、台湾海峡の台湾。日米")
        #expect(found.map(\.pattern) == [1, 0, 4, 3, 5])
        #expect(found.map(\.start) == [1, 4, 7, 12, 15])
        #expect(found.map(\.length) == [2, 2, 4, 2, 2])
    }

    @Test func emptyPatternsAreIgnoredAndFirstDuplicateWins() {
        let matcher = PatternMatcher(patterns: ["", "a", "a"])
        #expect(matcher.matches(in: "aba").map(\.pattern) == [1, 1])
    }

    @Test func neighbouringCharacters() {
        var text = "13日米国"
        let (before, after) = text.withUTF8 { bytes -> (String, String) in
            let match = PatternMatcher(patterns: ["日"]).matches(in: bytes)[0]
            return (bytes.character(before: match.byteRange.lowerBound), bytes.character(at: match.byteRange.upperBound))
        }
        #expect(before == "3")
        #expect(after == "米")
    }
}
