import Testing
import Text

func count(_ term: String, in text: String) -> Int {
    Array(term.utf8).withUnsafeBufferPointer { needle in
        Array(text.utf8).withUnsafeBufferPointer { TermSearch.count(needle, in: $0) }
    }
}

func matches(_ term: String, in text: String) -> [TermMatch] {
    Array(term.utf8).withUnsafeBufferPointer { needle in
        Array(text.utf8).withUnsafeBufferPointer { TermSearch.matches(of: needle, in: $0) }
    }
}

@Suite struct TermSearchTests {
    @Test func countsNonOverlappingLikePythonStrCount() {
        #expect(count("aa", in: "aaaa") == 2)
        #expect(count("aa", in: "aaa") == 1)
        #expect(count("日米", in: "日米日米同盟の日米") == 3)
        #expect(count("中国", in: "日本") == 0)
        #expect(count("x", in: "") == 0)
        #expect(count("長い語", in: "長い") == 0)
    }

    @Test func emptyNeedleMatchesNothing() {
        #expect(count("", in: "abc") == 0)
    }

    @Test func matchPositionsAreCodePoints() {
        #expect(matches("同盟", in: "日米同盟と米韓同盟") == [TermMatch(start: 3, length: 2), TermMatch(start: 8, length: 2)])
        #expect(matches("b", in: "aé日b") == [TermMatch(start: 4, length: 1)])
        #expect(matches("同盟", in: "日米同盟").first?.stop == 4)
    }

    @Test func multiByteNeighboursDoNotConfuseTheSearch() {
        // 本 (E6 9C AC) inside 日本 and 本日; 木 shares its lead byte.
        #expect(count("本", in: "日本の本日、木本") == 3)
        #expect(count("木", in: "本木") == 1)
    }
}
