import Corpus
import Testing
@testable import PluginHost

@Suite struct AggregatorTests {
    func aggregator() -> Aggregator {
        Aggregator(groupBy: ["month", "term"], operations: [("n", .sum), ("docs", .count), ("low", .min), ("avg", .mean)])
    }

    @Test func completesPeriodsAndLevelsWithZeroRows() throws {
        var agg = aggregator()
        try agg.add(["month": .string("2025-03"), "term": .string("b"), "n": .integer(2), "docs": .integer(1), "low": .integer(5), "avg": .integer(2)])
        try agg.add(["month": .string("2025-01"), "term": .string("a"), "n": .integer(1), "docs": .integer(1), "low": .integer(3), "avg": .integer(1)])
        try agg.add(["month": .string("undated"), "term": .string("a"), "n": .integer(4)])
        try agg.add(["month": .string("2025-01"), "term": .string("a"), "n": .number(0.5), "low": .integer(1), "avg": .integer(2)])
        let table = try agg.finish(columns: ["month", "term", "n", "docs", "low", "avg"],
                                   periods: ["month": .month], levels: ["term": [.string("b"), .string("a")]])
        #expect(csv(table) == """
            month,term,n,docs,low,avg
            2025-01,b,0,0,,
            2025-01,a,1.5,1,1,1.5
            2025-02,b,0,0,,
            2025-02,a,0,0,,
            2025-03,b,2,1,5,2
            2025-03,a,0,0,,
            undated,b,0,0,,
            undated,a,4,0,,

            """)
    }

    @Test func freeColumnsGetTheGridPerObservedValue() throws {
        var agg = Aggregator(groupBy: ["actor", "month"], operations: [("n", .sum)])
        try agg.add(["actor": .string("米国"), "month": .string("2025-01"), "n": .integer(1)])
        try agg.add(["actor": .string("中国"), "month": .string("2025-03"), "n": .integer(2)])
        let table = try agg.finish(columns: ["actor", "month", "n"], periods: ["month": .month], levels: [:])
        #expect(table.rows.map { $0.map(\.text).joined(separator: ",") } == [
            "中国,2025-01,0", "中国,2025-02,0", "中国,2025-03,2",
            "米国,2025-01,1", "米国,2025-02,0", "米国,2025-03,0",
        ])
    }

    @Test func emittedRowsAreChecked() throws {
        var agg = aggregator()
        #expect(throws: AggregationError.self) { try agg.add(["month": .string("2025-01"), "term": .string("a"), "extra": .integer(1)]) }
        #expect(throws: AggregationError.self) { try agg.add(["month": .string("2025-01"), "n": .integer(1)]) }
        #expect(throws: AggregationError.self) { try agg.add(["month": .string("2025-01"), "term": .string("a"), "n": .string("many")]) }
        try agg.add(["month": .string("Jan 2025"), "term": .string("a"), "n": .integer(1)])
        #expect { try agg.finish(columns: ["month"], periods: ["month": .month], levels: [:]) } throws: { error in
            String(describing: error) == "emit: 'month' must hold month labels like 2025-01 or 'undated', got 'Jan 2025'"
        }
    }
}
