import Testing
import TestSupport
@testable import PluginHost

/// Agreement coefficients against published worked examples.
@Suite struct AgreementTests {
    /// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011),
    /// section C: 4 observers × 12 units, nominal values 1–5, with missing values.
    static let krippendorff = ReliabilityData(values: [
        ["1", "2", "3", "3", "2", "1", "4", "1", "2", nil, nil, nil],
        ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", nil, "3"],
        [nil, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", nil],
        ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", nil],
    ])

    @Test func krippendorffsWorkedExampleWithMissingValues() throws {
        let alpha = try #require(Agreement.krippendorffAlpha(Self.krippendorff))
        #expect(String(format: "%.3f", alpha) == "0.743")
        #expect(abs(alpha - (1 - 39.0 * 8.0 / 1_216.0)) < 1e-12)  // 1 − (n−1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k, n = 40
        let o = Agreement.coincidences(Self.krippendorff)
        // The published coincidence matrix: o_11 = 7, o_12 = 4/3, o_13 = 1/3, o_55 = 3; marginals 9, 13, 10, 5, 3.
        for (value, expected) in [(o[0][0], 7.0), (o[0][1], 4.0 / 3), (o[0][2], 1.0 / 3), (o[1][1], 10.0), (o[4][4], 3.0)] {
            #expect(abs(value - expected) < 1e-9)
        }
        #expect(o.map { ($0.reduce(0, +) * 1000).rounded() / 1000 } == [9, 13, 10, 5, 3])
        // Unit 12 has one value only: not pairable, so it adds nothing.
        #expect(Agreement.percentAgreement(Self.krippendorff).map { ($0 * 1000).rounded() } == 800)
    }

    /// The same paper, section A: two observers, binary data, no missing values: alpha = 0.095.
    @Test func krippendorffsBinaryTwoObserverExample() throws {
        let data = ReliabilityData(values: [
            ["0", "1", "0", "0", "0", "0", "0", "0", "1", "0"],
            ["1", "1", "1", "0", "0", "1", "0", "0", "0", "0"],
        ])
        let alpha = try #require(Agreement.krippendorffAlpha(data))
        #expect(abs(alpha - (1 - 19.0 * 4.0 / 84.0)) < 1e-12)
        #expect(String(format: "%.3f", alpha) == "0.095")
        #expect(Agreement.percentAgreement(data) == 0.6)
    }

    /// The grant-proposal example used to introduce Cohen's kappa (two readers,
    /// 50 proposals: 20 both yes, 15 both no, 5 and 10 split): p_o = 0.7, p_e = 0.5, kappa = 0.4.
    @Test func cohensKappaTextbookExample() throws {
        let table = [[20, 5], [10, 15]]
        let kappa = try #require(Agreement.cohenKappa(table))
        #expect(abs(kappa - 0.4) < 1e-12)
    }

    @Test func cohensKappaMatchesScikitLearnOnThreeCategories() throws {
        let a = ["threat", "threat", "neutral", "cooperative", "neutral", "threat", "neutral", "neutral", "cooperative", "threat", "neutral", "threat"]
        let b = ["threat", "neutral", "neutral", "cooperative", "neutral", "threat", "threat", "neutral", "neutral", "threat", "neutral", "cooperative"]
        let data = ReliabilityData(values: [a, b])
        let kappa = try #require(Agreement.cohenKappa(Agreement.crossTable(data, 0, 1, categories: data.categories)))
        let reference = try runReferencePython("""
            import sys
            from sklearn.metrics import cohen_kappa_score
            a, b = sys.argv[1].split(","), sys.argv[2].split(",")
            print(repr(cohen_kappa_score(a, b)))
            """, arguments: [a.joined(separator: ","), b.joined(separator: ",")])
        #expect(abs(kappa - (Double(reference.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan)) < 1e-12)
    }

    @Test func undefinedCoefficientsAreNil() {
        // One category throughout: no variation, so neither kappa nor alpha is defined.
        let constant = ReliabilityData(values: [["a", "a", "a"], ["a", "a", "a"]])
        #expect(Agreement.krippendorffAlpha(constant) == nil)
        #expect(Agreement.cohenKappa(Agreement.crossTable(constant, 0, 1, categories: ["a"])) == nil)
        #expect(Agreement.percentAgreement(constant) == 1)
        // No unit coded by two coders: nothing to compare.
        let disjoint = ReliabilityData(values: [["a", nil], [nil, "b"]])
        #expect(Agreement.krippendorffAlpha(disjoint) == nil)
        #expect(Agreement.percentAgreement(disjoint) == nil)
        #expect(Agreement.cohenKappa([[0, 0], [0, 0]]) == nil)
    }

    @Test func codingFilesBecomeAReliabilityMatrixInOrderOfFirstAppearance() {
        let a = [GoldLabel(docID: "d1", target: "中国", stance: "threat", row: 1),
                 GoldLabel(docID: "d2", target: "中国", stance: "neutral", row: 2)]
        let b = [GoldLabel(docID: "d2", target: "中国", stance: "neutral", row: 1),
                 GoldLabel(docID: "d3", target: "日米同盟", stance: "strengthen", row: 2)]
        #expect(ReliabilityData(codings: [a, b]).values == [["threat", "neutral", nil], [nil, "neutral", "strengthen"]])
    }
}
