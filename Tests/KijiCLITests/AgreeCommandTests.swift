import Foundation
import Testing
import TestSupport

/// `kiji agree`, end to end, on Krippendorff's published reliability data.
@Suite struct AgreeCommandTests {
    /// "Computing Krippendorff's Alpha-Reliability" (2011), section C: observers
    /// A–D, units 1–12, nominal values; nil is a missing value (a row left out).
    static let observers: [(String, [Int?])] = [
        ("A", [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil]),
        ("B", [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3]),
        ("C", [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil]),
        ("D", [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil]),
    ]

    func codingFiles() throws -> String {
        let folder = try temporaryFolder()
        for (name, values) in Self.observers {
            var text = "doc_id,target,stance,note\n"
            for (unit, value) in values.enumerated() {
                if let value { text += "u\(unit + 1),x,\(value),\n" }
            }
            try write(text, to: "\(folder)/\(name).csv")
        }
        return folder
    }

    @Test func fourCodersWithMissingValuesGiveThePublishedAlpha() throws {
        let folder = try codingFiles()
        let result = try KijiProcess.run(["agree", "A.csv", "B.csv", "C.csv", "D.csv"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        // alpha 0.743 and the coincidence matrix are the published values.
        #expect(result.stdout == """
            4 coders, 12 units: 8 coded by every coder, 1 by one coder only (not pairable)

            percent agreement               0.800
            Krippendorff's alpha (nominal)  0.743

            pairwise Cohen's kappa (units both coded)
            coder a  coder b  units  agreement  kappa
            A.csv    B.csv    9      0.889      0.845
            A.csv    C.csv    8      0.625      0.478
            A.csv    D.csv    9      0.889      0.850
            B.csv    C.csv    9      0.667      0.542
            B.csv    D.csv    10     0.900      0.870
            C.csv    D.csv    10     0.700      0.615

            coincidence matrix (pairs of values within units, weighted 1/(values in unit - 1))
               1      2       3      4      5
            1  7.000  1.333   0.333  0.333  0.000
            2  1.333  10.000  1.333  0.333  0.000
            3  0.333  1.333   8.000  0.333  0.000
            4  0.333  0.333   0.333  4.000  0.000
            5  0.000  0.000   0.000  0.000  3.000

            """)
    }

    @Test func twoCodersGetKappaAndTheirConfusionTable() throws {
        let folder = try codingFiles()
        let result = try KijiProcess.run(["agree", "A.csv", "B.csv"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            2 coders, 11 units: 9 coded by every coder, 2 by one coder only (not pairable)

            percent agreement               0.889
            Cohen's kappa                   0.845
            Krippendorff's alpha (nominal)  0.852

            confusion table (rows: A.csv, columns: B.csv)
            A.csv \\ B.csv  1  2  3  4  5
            1              2  1  0  0  0
            2              0  3  0  0  0
            3              0  0  2  0  0
            4              0  0  0  1  0
            5              0  0  0  0  0

            """)
        // The kappa of the units both coded, by scikit-learn.
        let reference = try runReferencePython("""
            from sklearn.metrics import cohen_kappa_score
            print("%.3f" % cohen_kappa_score([1, 2, 3, 3, 2, 1, 4, 1, 2], [1, 2, 3, 3, 2, 2, 4, 1, 2]))
            """)
        #expect(reference == "0.845\n")
    }

    @Test func anEmptyStanceCellIsAMissingValueLikeAnAbsentRow() throws {
        let folder = try codingFiles()
        // A with its missing units written out as rows with an empty stance.
        try write("doc_id,target,stance\nu1,x,1\nu2,x,2\nu3,x,3\nu4,x,3\nu5,x,2\nu6,x,1\nu7,x,4\nu8,x,1\nu9,x,2\nu10,x,\nu11,x,\n",
                  to: "\(folder)/A-blank.csv")
        let absent = try KijiProcess.run(["agree", "A.csv", "B.csv", "C.csv", "D.csv"], in: folder)
        let blank = try KijiProcess.run(["agree", "A-blank.csv", "B.csv", "C.csv", "D.csv"], in: folder)
        #expect(blank.status == 0, "\(blank.stderr)")
        func words(_ text: String) -> [String] {
            text.replacingOccurrences(of: "A-blank.csv", with: "A.csv").split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        }
        #expect(words(blank.stdout) == words(absent.stdout))
        #expect(blank.stdout.contains("Krippendorff's alpha (nominal)  0.743"))
    }

    @Test func badInvocationsAreUsageErrors() throws {
        let folder = try codingFiles()
        let one = try KijiProcess.run(["agree", "A.csv"], in: folder)
        #expect(one.status == 2)
        #expect(one.stderr == "kiji: agree needs at least two coding files, one per coder (got 1); see 'kiji help agree'\n")
        let missing = try KijiProcess.run(["agree", "A.csv", "nope.csv"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr == "kiji: cannot read the coding file 'nope.csv'\n")
        try write("doc_id,target,stance\nu1,x,1\nu1,x,2\n", to: "\(folder)/twice.csv")
        let twice = try KijiProcess.run(["agree", "A.csv", "twice.csv"], in: folder)
        #expect(twice.status == 2)
        #expect(twice.stderr == "kiji: twice.csv: row 2 codes u1 / x again (first at row 1)\n")
    }
}
