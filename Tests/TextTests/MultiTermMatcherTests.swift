import Testing
import TestSupport
import Text

/// Counts with the matcher, in its dense or its compact form.
private func counts(_ terms: [String], in text: String, dense: Bool = true) throws -> [Int] {
    let matcher = try MultiTermMatcher(terms: terms, denseBudget: dense ? MultiTermMatcher.defaultDenseBudget : 0)
    #expect(matcher.isDense == dense)
    return Array(text.utf8).withUnsafeBufferPointer { matcher.counts(in: $0) }
}

/// What counting each term alone gives.
private func naive(_ terms: [String], in text: String) -> [Int] {
    terms.map { count($0, in: text) }
}

@Suite struct MultiTermMatcherTests {
    @Test(arguments: [true, false]) func overlappingSelfMatchesCountOnce(dense: Bool) throws {
        #expect(try counts(["ああ"], in: "あああ", dense: dense) == [1])
        #expect(try counts(["ああ"], in: "ああああ", dense: dense) == [2])
        #expect(try counts(["aa", "a"], in: "aaa", dense: dense) == [1, 3])
        #expect(try counts(["aba"], in: "ababababa", dense: dense) == [2])
    }

    @Test(arguments: [true, false]) func prefixesSuffixesAndSubstringsCountIndependently(dense: Bool) throws {
        let text = "中国人と中国、韓国人。国人"
        #expect(try counts(["中国", "中国人", "国人", "国"], in: text, dense: dense) == [2, 1, 3, 4])
        #expect(try counts(["日米同盟", "米同", "同盟", "日米"], in: "日米同盟の日米", dense: dense) == [1, 1, 1, 2])
    }

    @Test(arguments: [true, false]) func duplicatesAndSingleBytes(dense: Bool) throws {
        #expect(try counts(["中国", "x", "中国", "W杯", "杯", "x"], in: "W杯x中国xx杯", dense: dense) == [1, 3, 1, 1, 2, 3])
        #expect(try counts([",", "\n"], in: "a,b\n,", dense: dense) == [2, 1])
    }

    @Test func emptyTermsAndTextsMatchNothing() throws {
        #expect(try counts(["", "a"], in: "aa") == [0, 2])
        #expect(try counts([], in: "aa") == [])
        #expect(try counts(["a", "b"], in: "") == [0, 0])
        #expect(try counts(["長い語"], in: "長い") == [0])
    }

    @Test(arguments: [true, false]) func matchesComeInOrderOfEnd(dense: Bool) throws {
        let matcher = try MultiTermMatcher(terms: ["同盟", "日米同盟", "日米"], denseBudget: dense ? 1 << 20 : 0)
        var seen: [String] = []
        Array("日米同盟と同盟".utf8).withUnsafeBufferPointer { text in
            matcher.forEachMatch(in: text) { term, start in
                seen.append("\(term)@\(start)")
                return true
            }
        }
        #expect(seen == ["2@0", "1@0", "0@6", "0@15"])
        var first: [Int] = []
        Array("日米同盟と同盟".utf8).withUnsafeBufferPointer { text in
            matcher.forEachMatch(in: text) { term, _ in
                first.append(term)
                return false
            }
        }
        #expect(first == [2])
    }

    /// Any bytes, not only UTF-8: all 256 byte values as terms (each its own byte class).
    @Test(arguments: [true, false]) func everyByteValueCanBeATerm(dense: Bool) throws {
        let terms = (0...255).map { [UInt8($0)] } + [[0xFF, 0x00]]
        let matcher = try MultiTermMatcher(terms: terms, denseBudget: dense ? 1 << 20 : 0)
        #expect(matcher.isDense == dense)
        let text: [UInt8] = [0x00, 0xFF, 0x00, 0x41, 0xFF]
        let counts = text.withUnsafeBufferPointer { matcher.counts(in: $0) }
        #expect(counts[0x00] == 2 && counts[0x41] == 1 && counts[0xFF] == 2 && counts[256] == 1)
        #expect(counts.reduce(0, +) == 6)
    }

    @Test func largeListsUseTheCompactForm() throws {
        // 2,000 three-kanji terms: too many states and byte classes for the dense budget.
        var random = SeededGenerator(state: 7)
        let terms = (0..<2000).map { _ in
            String(String.UnicodeScalarView((0..<3).compactMap { _ in Unicode.Scalar(0x4E00 + random.below(0x5000)) }))
        }
        let matcher = try MultiTermMatcher(terms: terms)
        #expect(!matcher.isDense)
        #expect(matcher.memoryBytes < 1 << 20)
    }

    /// Random texts over a small alphabet, so matches are dense, against each term counted alone.
    @Test(arguments: [(1, 1), (2, 5), (3, 40), (4, 2000)])
    func agreesWithCountingEachTermAlone(seed: UInt64, termCount: Int) throws {
        var random = SeededGenerator(state: seed)
        let alphabet = ["a", "b", "c", "日", "米", "あ"]
        func word(_ maximum: Int) -> String {
            (0...random.below(maximum)).map { _ in random.pick(alphabet) }.joined()
        }
        for _ in 0..<20 {
            let terms = (0..<termCount).map { _ in word(termCount > 100 ? 7 : 4) }
            let text = (0..<40).map { _ in word(10) }.joined()
            let expected = naive(terms, in: text)
            #expect(try counts(terms, in: text, dense: false) == expected)
            let dense = try MultiTermMatcher(terms: terms, denseBudget: 64 << 20)
            #expect(dense.isDense)
            #expect(Array(text.utf8).withUnsafeBufferPointer { dense.counts(in: $0) } == expected)
        }
    }
}
