import TestSupport
import Testing
@testable import Text

@Suite struct LazyNFKCTests {
    /// The lazy path must give full ICU NFKC byte for byte, and its patches
    /// must give back the input.
    private func check(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let raw = Array(text.utf8)
        let result = TextNormalizer.nfkc(utf8: raw)
        #expect(result.bytes == Array(TextNormalizer.nfkc(text).utf8), "\(text.unicodeScalars.map { String($0.value, radix: 16) })",
                sourceLocation: sourceLocation)
        #expect(result.patches.raw(from: result.bytes) == raw, sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ("ｶﾞｷﾞﾊﾟﾋﾟｳﾞ", "ガギパピヴ"),                 // half-width kana with voiced and semi-voiced marks
        ("㍻①", "平成1"),
        ("ｶﾞﾗｽｱ", "ガラスア"),                        // half-width ｱ at the very end
        ("e\u{301}か\u{3099}", "éが"),                // combining marks after ASCII and after kana
        ("\u{3099}か", "\u{3099}か"),                 // a voiced mark at the very start stays
        ("\u{FF9E}か", "\u{3099}か"),                 // a half-width voiced mark at the start becomes the combining one
        ("\u{1100}\u{1161}\u{11A8}", "각"),           // Hangul jamo L V T compose
        ("\u{AC00}\u{11A8}", "각"),                   // syllable LV + T
        ("𠮷野家𝐀", "𠮷野家A"),                       // supplementary characters, one that NFKC maps
        ("ＮＡＴＯ（２０２５）！？：", "NATO(2025)!?:"),  // full-width ASCII
        ("日米\u{3000}同盟", "日米 同盟"),              // U+3000
        ("", ""),
        ("plain ascii", "plain ascii"),
        ("中国\u{3099}台湾", "中国\u{3099}台湾"),       // a mark that composes with nothing is left alone
    ])
    func edgeCases(text: String, expected: String) {
        check(text)
        #expect(TextNormalizer.nfkc(utf8: Array(text.utf8)).bytes == Array(expected.utf8))
    }

    @Test func unchangedTextHasNoPatches() {
        let result = TextNormalizer.nfkc(utf8: Array("日米同盟 NATO".utf8))
        #expect(result.bytes == Array("日米同盟 NATO".utf8))
        #expect(result.patches.isEmpty)
        #expect(Array(result.patches).isEmpty)
    }

    @Test func patchesNameEachChangedPieceAndMergeAdjacentOnes() {
        // （１） is one patch (three adjacent pieces), ｶﾞ𝐀 another, ① a third.
        let result = TextNormalizer.nfkc(utf8: Array("a（１）b ｶﾞ𝐀c①".utf8))
        #expect(result.bytes == Array("a(1)b ガAc1".utf8))
        let patches = Array(result.patches)
        #expect(patches.map(\.normalized) == [1..<4, 6..<10, 11..<12])
        #expect(patches.map { Array($0.raw) } == [Array("（１）".utf8), Array("ｶﾞ𝐀".utf8), Array("①".utf8)])
    }

    @Test func storedPatchesComeBackOnlyWhenTheyFitTheirText() throws {
        let result = TextNormalizer.nfkc(utf8: Array("a（１）b ｶﾞ𝐀c①".utf8))
        let stream = result.patches.encoded
        #expect(NormalizationPatches(encoded: stream, normalizedCount: result.bytes.count) == result.patches)
        #expect(NormalizationPatches(encoded: [], normalizedCount: 0) == NormalizationPatches())
        // Cut inside a piece, run past the text, or a gap so large that adding it
        // would overflow. (Cut between pieces, it is a shorter valid stream;
        // a store's record digest catches that.)
        for cut in 1..<stream.count {
            let patches = NormalizationPatches(encoded: Array(stream.prefix(cut)), normalizedCount: result.bytes.count)
            #expect((patches == nil) == ![12, 25].contains(cut), "cut at \(cut)")
        }
        #expect(NormalizationPatches(encoded: stream, normalizedCount: result.bytes.count - 1) == nil)
        #expect(NormalizationPatches(encoded: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0], normalizedCount: 10) == nil)
        #expect(NormalizationPatches(encoded: [0x01, 0x80, 0x00, 0x00], normalizedCount: 10) == nil)  // not the shortest varint
    }

    @Test func rawRangesAreRebuiltPiecewise() {
        let text = "ＡＢ\nｶﾞ本文①"
        let raw = Array(text.utf8)
        let result = TextNormalizer.nfkc(utf8: raw)
        for range in [0..<6, 0..<7, 6..<7, 7..<raw.count, 3..<13, 7..<Int.max, 20..<30] {
            let clamped = min(range.lowerBound, raw.count)..<min(range.upperBound, raw.count)
            #expect(result.patches.raw(from: result.bytes, in: range) == Array(raw[clamped]), "\(range)")
        }
    }

    @Test func invalidUTF8IsRepairedFirst() {
        let raw: [UInt8] = [0x41, 0xFF, 0xEF, 0xBC, 0xA1, 0xE3, 0x81]    // A, a stray byte, Ａ, a cut-off character
        let result = TextNormalizer.nfkc(utf8: raw)
        #expect(result.bytes == Array("A\u{FFFD}A\u{FFFD}".utf8))
        #expect(result.patches.raw(from: result.bytes) == Array("A\u{FFFD}Ａ\u{FFFD}".utf8))
    }

    /// Strings drawn from the alphabets above, each compared with full ICU NFKC.
    @Test func randomTextsMatchFullNFKC() {
        let alphabet: [String] = [
            "a", "e", " ", "\n", "Ａ", "１", "（", "）", "！", "\u{3000}", "日", "本", "か", "は", "ア", "ｱ", "ｶ", "ﾊ", "ｳ",
            "\u{FF9E}", "\u{FF9F}", "\u{3099}", "\u{309A}", "\u{301}", "\u{323}", "\u{308}", "㍻", "①", "㈱",
            "\u{1100}", "\u{1161}", "\u{11A8}", "\u{AC00}", "𠮷", "𝐀", "😀", "ﬁ", "Å", "\u{212B}", "\u{FDFA}",
        ]
        var generator = SeededGenerator(state: 0x6E66_6B63)
        for _ in 0..<5000 {
            let length = generator.below(16)
            check((0..<length).map { _ in generator.pick(alphabet) }.joined())
        }
    }
}
