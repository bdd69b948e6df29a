import Corpus
import TestSupport
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

    @Test func mergedPartsGiveTheBytesOfTheWhole() throws {
        var random = SeededGenerator(state: 5)
        let rows: [[String: Cell]] = (0..<600).map { _ in
            ["month": .string(random.pick(["2025-01", "2025-03", "undated"])), "term": .string(random.pick(["a", "b", "c"])),
             "n": random.below(2) == 0 ? .integer(random.below(100)) : .number(Double(random.below(1000)) / 7),
             "docs": .integer(1), "low": .number(Double(random.below(50)) / 3), "avg": .number(Double(random.below(9)) / 10)]
        }
        let columns = ["month", "term", "n", "docs", "low", "avg"]
        var whole = aggregator()
        for row in rows { try whole.add(row) }
        let expected = csv(try whole.finish(columns: columns, periods: ["month": .month], levels: [:]))
        for parts in [2, 3, 7] {
            var partials = (0..<parts).map { _ in aggregator() }
            for (i, row) in rows.reversed().enumerated() { try partials[(i * 31 + i / 5) % parts].add(row) }
            var merged = partials[parts - 1]
            for partial in partials.dropLast().reversed() { merged.merge(partial) }
            #expect(csv(try merged.finish(columns: columns, periods: ["month": .month], levels: [:])) == expected)
        }
    }

    @Test func integerSumsAndExtremesDoNotDependOnOrderOrSplit() throws {
        func total(_ values: [Cell], split: Int) throws -> String {
            var first = Aggregator(groupBy: ["k"], operations: [("n", .sum), ("low", .min), ("high", .max)])
            var second = first
            for (i, value) in values.enumerated() {
                let row: [String: Cell] = ["k": .string("x"), "n": value, "low": value, "high": value]
                if i < split { try first.add(row) } else { try second.add(row) }
            }
            first.merge(second)
            return csv(try first.finish(columns: ["n", "low", "high"], periods: [:], levels: [:]))
        }
        // Int.max + 1 - 1 wraps on the way in one order and not in another.
        for values in [[Cell.integer(.max), .integer(1), .integer(-1)], [.integer(-1), .integer(.max), .integer(1)]] {
            for split in 0...3 { #expect(try total(values, split: split) == "n,low,high\n9223372036854775807,-1,9223372036854775807\n") }
        }
        #expect(try total([.integer(.max), .integer(1)], split: 1) == "n,low,high\n9.223372036854776e+18,1,9223372036854775807\n")
        // 1 and 1.0 are equal in order; the integer wins wherever it comes.
        for values in [[Cell.number(1), .integer(1)], [.integer(1), .number(1)]] {
            var aggregator = Accumulator(operation: .min)
            for value in values { try aggregator.add(value, column: "low") }
            #expect(aggregator.result == .integer(1))
        }
    }
}
