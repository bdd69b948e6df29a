import Foundation
import Testing

/// `kiji run` on the bundled seeds/, checked against counts made by hand.
@Suite struct SeedsEndToEndTests {
    @Test func mentionsByMonthOnTheSeeds() throws {
        let result = try KijiProcess.run(["run", "mentions-by-month"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "month,term,mentions,articles,articles_total")
        // 2023-11 .. 2025-10 is 24 months, plus undated, times 5 terms.
        #expect(lines.count == 1 + 25 * 5)
        #expect(lines[1...5] == [
            "2023-11,日米同盟,0,0,1", "2023-11,中国,0,0,1", "2023-11,尖閣,0,0,1", "2023-11,防衛費,0,0,1", "2023-11,台湾,0,0,1",
        ])
        for expected in [
            "2023-12,日米同盟,0,0,0",
            "2024-04,日米同盟,1,1,2", "2024-04,中国,4,2,2",
            "2024-12,日米同盟,4,2,4", "2024-12,中国,5,4,4",
            // 000 items of 2025-01-31 and 2025-01-24, plus articles 001 and 002 (dated from their text).
            "2025-01,日米同盟,32,4,4", "2025-01,中国,22,3,4", "2025-01,尖閣,16,3,4", "2025-01,防衛費,12,2,4", "2025-01,台湾,1,1,4",
            "2025-02,中国,3,2,4",
            "2025-10,日米同盟,2,2,3",
            "undated,日米同盟,29,13,20", "undated,中国,11,4,20", "undated,防衛費,9,5,20", "undated,台湾,3,3,20",
        ] {
            #expect(lines.contains(expected), "missing row \(expected)")
        }
        #expect(lines.last == "undated,台湾,3,3,20")
        #expect(result.stderr.hasPrefix("kiji: mentions-by-month: 41 documents (20 undated) from 5 files, 125 rows in "))
    }

    @Test func totalMentionsEqualTheCountsInTheWholeFiles() throws {
        // Segmentation moves mentions between rows but never loses or adds any.
        let result = try KijiProcess.run(["run", "mentions-by-month"])
        var totals: [String: Int] = [:]
        for line in result.stdout.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",")
            totals[String(cells[1]), default: 0] += Int(cells[2])!
        }
        #expect(totals == ["日米同盟": 73, "中国": 46, "尖閣": 16, "防衛費": 21, "台湾": 4])
    }

    @Test func statedDatesOnly() throws {
        let result = try KijiProcess.run(["run", "mentions-by-month", "--param", "dates=stated", "--param", "terms=日米同盟"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // Text-dated documents (001, 002, three 004 lines) join the undated group;
        // the grid now ends at the last stated date, 2025-02.
        #expect(lines.suffix(3) == ["2025-01,日米同盟,2,2,2", "2025-02,日米同盟,2,1,4", "undated,日米同盟,61,17,25"])
    }

    @Test func documentsInventory() throws {
        let result = try KijiProcess.run(["run", "documents"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 42)
        #expect(lines[0] == "id,source,date,date_origin,authors,title,excerpt,chars,duplicate_of,boilerplate")
        #expect(lines[1] == "000_43a05b1cc0bfe584#1,seeds/000_43a05b1cc0bfe584.txt,2025-02-14,stated,出光 泰三,中国の軍事的脅威 日本など同盟国との連携強化を強調 ヘグセス米国防長官,ヘグセス米国防長官は13日、NATO国防相会合後の記者会見で,95,,false")
        #expect(lines[10] == "000_43a05b1cc0bfe584#10,seeds/000_43a05b1cc0bfe584.txt,2024-12-05,stated,呈工; 寧芯,アジア版NATO議論開始 現実と理想の狭間,石破茂首相は、中国、北朝鮮、ロシアの脅威に対応する多国間安全,142,,false")
        #expect(lines[15].hasPrefix("000_43a05b1cc0bfe584#15,seeds/000_43a05b1cc0bfe584.txt,,,,日米同盟深化は不可欠"))
        #expect(lines[21].hasPrefix("001_085922098f503051,seeds/001_085922098f503051.txt,2025-01-31,text,,日米同盟強化は?"))
        #expect(lines[23].hasPrefix("003_ff9b70771ec41668,seeds/003_ff9b70771ec41668.txt,,,,トランプ大統領が石破茂総理のアジア版NATO提案を拒否!,"))
        #expect(lines[31] == "004_4571d0cf1c5e72c9#8,seeds/004_4571d0cf1c5e72c9.txt,2025-10-27,text,,,秋風が皇居の木立を揺らす中、迎賓館周辺で警備が厳重化。202,132,,false")
        let perFile = Dictionary(grouping: lines.dropFirst(), by: { $0.split(separator: ",")[1] }).mapValues(\.count)
        #expect(perFile == ["seeds/000_43a05b1cc0bfe584.txt": 20, "seeds/001_085922098f503051.txt": 1,
                            "seeds/002_5628a22b0ea864a7.txt": 1, "seeds/003_ff9b70771ec41668.txt": 1,
                            "seeds/004_4571d0cf1c5e72c9.txt": 18])
    }

    @Test func outputIsDeterministic() throws {
        let first = try KijiProcess.run(["run", "mentions-by-month"]).stdout
        let second = try KijiProcess.run(["run", "mentions-by-month", KijiProcess.repository.appendingPathComponent("seeds").path]).stdout
        #expect(first == second)
    }
}
