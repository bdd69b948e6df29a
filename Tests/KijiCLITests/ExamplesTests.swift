import Foundation
import Testing
import TestSupport

/// The plugins in examples/ run as documented in examples/README.md.
@Suite struct ExamplesTests {
    func example(_ name: String) -> String {
        KijiProcess.repository.appendingPathComponent("examples/\(name)").path
    }

    @Test func helloCountsDocumentsPerMonth() throws {
        let result = try KijiProcess.run(["run", example("hello.lua")])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.prefix(3) == ["month,documents", "2023-11,1", "2023-12,0"])
        #expect(lines.contains("2025-01,4"))
        #expect(lines.suffix(2) == ["2025-10,3", "undated,20"])
    }

    @Test func authorsWithThresholdParameter() throws {
        let result = try KijiProcess.run(["run", example("authors.lua"), "--param", "min_articles=2"])
        #expect(result.stdout == """
            author,articles,first_date,last_date
            Wenliang Wang,2,2024-05-28,2024-05-29
            出光 泰三,2,2025-01-31,2025-02-14
            猿丸 金次,2,2025-01-24,2025-02-07
            金丸真弥,2,2024-12-15,2025-02-09

            """)
        let all = try KijiProcess.run(["run", example("authors.lua")])
        #expect(all.stdout.split(separator: "\n").count == 11)
        #expect(all.stdout.hasSuffix("寧芯,1,2024-12-05,2024-12-05\n趙鳳華,1,2024-04-19,2024-04-19\n"))
    }
}
