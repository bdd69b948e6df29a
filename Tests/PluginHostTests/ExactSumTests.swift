import Foundation
import Testing
import TestSupport
@testable import PluginHost

/// Float sums are exact until one final rounding, so they do not depend on
/// the order of the rows: the same corpus read forwards, backwards or split
/// gives the same bytes.
@Suite struct ExactSumTests {
    func sum(_ values: [Double]) -> Double {
        var total = ExactSum()
        for value in values { total.add(value) }
        return total.value
    }

    @Test func textbookCases() {
        #expect(sum(Array(repeating: 0.1, count: 10)) == 1.0)  // a naive loop gives 0.9999999999999999
        #expect(sum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]) == 1e-100)
        #expect(sum([]) == 0)
        #expect(sum([1, .infinity]) == .infinity)
        #expect(sum([.infinity, -.infinity]).isNaN)
    }

    @Test func integersAreAddedExactly() {
        var total = ExactSum()
        total.add(Int.max)
        total.add(-Int.max)
        total.add(3)
        #expect(total.value == 3)
        var large = ExactSum()
        for _ in 0..<3 { large.add(Int.max) }
        large.add(Int.min)
        large.add(Int.min)
        #expect(large.value == Double(Int.max) - 2)  // Int.max - 2, to the nearest double
    }

    @Test func matchesPythonsFsumInEveryOrder() throws {
        var random = SeededGenerator(state: 42)
        let values = (0..<400).map { _ in Double(random.below(2_000_001) - 1_000_000) / Double(random.below(997) + 3) }
        let forward = sum(values)
        #expect(sum(values.reversed()) == forward)
        var shuffled = values
        shuffled.shuffle(using: &random)
        #expect(sum(shuffled) == forward)
        let literal = values.map { String($0) }.joined(separator: ",")
        let python = try runReferencePython("import math, sys; print(repr(math.fsum([\(literal)])))")
        #expect(python == String(forward) + "\n")
    }

    @Test func aggregatedFloatSumsDoNotDependOnRowOrder() throws {
        var random = SeededGenerator(state: 7)
        let rows: [[String: Cell]] = (0..<300).map { _ in
            ["k": .string(["a", "b"][random.below(2)]), "n": .number(Double(random.below(1000)) / 7), "m": .number(0.1)]
        }
        func table(_ rows: [[String: Cell]]) throws -> ResultTable {
            var aggregator = Aggregator(groupBy: ["k"], operations: [("n", .sum), ("m", .mean)])
            for row in rows { try aggregator.add(row) }
            return try aggregator.finish(columns: ["k", "n", "m"], periods: [:], levels: [:])
        }
        let forward = try table(rows)
        #expect(try table(rows.reversed()) == forward)
        var shuffled = rows
        shuffled.shuffle(using: &random)
        #expect(try table(shuffled) == forward)
    }
}
