import Corpus
import Foundation
import Testing
@testable import PluginHost

/// Every aggregate operation, a period column and a column whose levels
/// come from the corpus in `prepare` (so parts find different levels).
let everyOperationPlugin = """
    local function initial(doc) return doc.body:match("^[%z\\1-\\127\\194-\\244][\\128-\\191]*") or "?" end
    return {
      name = "every-op",
      group_by = { "year", "initial" },
      aggregate = { n = "count", chars = "sum", share = "sum", average = "mean", low = "min", high = "max",
                    words = "distinct", words_approx = "distinct_approx" },
      periods = { year = "year" },
      prepare = function(params, corpus)
        local seen, list = {}, {}
        for doc in corpus:documents() do seen[initial(doc)] = true end
        for value in pairs(seen) do list[#list + 1] = value end
        table.sort(list)
        params.initials = list
      end,
      levels = function(params) return { initial = params.initials } end,
      order_levels = function(column, values) table.sort(values); return values end,
      map = function(doc, emit)
        local length = utf8.len(doc.body)
        local word = doc.body:match("^(%S+)")
        emit { year = doc.date and kiji.period(doc.date, "year") or "undated", initial = initial(doc), n = 1,
               chars = length, share = 1 / length, average = length / 3, low = doc.id, high = length,
               words = word, words_approx = word }
      end,
    }
    """

/// 240 documents over five years (every ninth undated), bodies of one to
/// four words from a small vocabulary, in a fixed pseudo-random order.
func generatedDocuments(count: Int = 240) -> [Document] {
    let words = ["中国", "台湾", "日米同盟", "尖閣", "防衛費", "米国", "東京", "北京", "安保", "首相", "国会", "選挙"]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
    return (0..<count).map { i in
        let body = (0...next(4)).map { _ in words[next(words.count)] }.joined(separator: " ")
        let date = i % 9 == 4 ? nil : String(format: "%04d-%02d-%02d", 2020 + next(5), 1 + next(12), 1 + next(28))
        return document("d\(i)", date, body)
    }
}

@Suite struct PartialResultTests {
    let docs = generatedDocuments()

    private func partial(_ runner: PluginRunner, _ documents: [Document], _ parameters: [String: String] = [:]) throws -> PartialResult {
        let text = try runner.runPartial(on: documents, parameters: parameters, argument: "every-op", kijiVersion: "test").rendered()
        return try PartialResult(parsing: Data(text.utf8), name: "part")
    }

    private func merged(_ runner: PluginRunner, _ parts: [PartialResult]) throws -> PartialResult {
        try PartialMerge.merge(parts.enumerated().map { ("p\($0.offset)", $0.element) }) { column, values in
            try runner.orderLevels(column: column, values: values, parameters: [:])
        }
    }

    /// The splits of the issue: contiguous and round-robin in 1, 2, 3 and 7
    /// parts, one part per year, and one empty part.
    private func splits(of documents: [Document]) -> [(name: String, parts: [[Document]])] {
        var result: [(String, [[Document]])] = []
        for k in [1, 2, 3, 7] {
            result.append(("contiguous \(k)", (0..<k).map { Array(documents[(documents.count * $0 / k)..<(documents.count * ($0 + 1) / k)]) }))
            result.append(("round-robin \(k)", (0..<k).map { part in documents.indices.filter { $0 % k == part }.map { documents[$0] } }))
        }
        let years = Dictionary(grouping: documents) { $0.date?.year ?? 0 }
        result.append(("per year", years.keys.sorted().map { years[$0]! }))
        let half = documents.count / 2
        result.append(("one empty", [Array(documents[..<half]), [], Array(documents[half...])]))
        return result
    }

    @Test func mergedPartsEqualTheSingleRunInAnyOrderAndTreeShape() throws {
        let runner = try plugin(everyOperationPlugin)
        let single = csv(try runner.run(on: docs, parameters: [:]))
        for (name, parts) in splits(of: docs) {
            let partials = try parts.map { try partial(runner, $0) }
            let forward = try merged(runner, partials)
            let backward = try merged(runner, partials.reversed())
            #expect(csv(try forward.finished()) == single, "\(name)")
            #expect(forward.rendered() == backward.rendered(), "\(name)")
            // A tree: the first half merged into a partial result, then the rest.
            let left = try PartialResult(parsing: Data(try merged(runner, Array(partials.prefix(partials.count / 2 + 1))).rendered().utf8), name: "left")
            let tree = try merged(runner, [left] + partials.dropFirst(partials.count / 2 + 1))
            #expect(csv(try tree.finished()) == single, "\(name)")
        }
    }

    @Test func theSingleRunHasEveryOperationsValues() throws {
        let runner = try plugin(everyOperationPlugin)
        let table = try runner.run(on: docs, parameters: [:])
        #expect(table.columns == ["year", "initial", "average", "chars", "high", "low", "n", "share", "words", "words_approx"])
        let totals = table.rows.reduce(0) { $0 + (Int($1[6].text) ?? 0) }
        #expect(totals == docs.count)
        // distinct and distinct_approx agree on these small groups.
        for row in table.rows { #expect(row[8] == row[9]) }
        #expect(table.rows.contains { if case .number = $0[7] { true } else { false } })
    }

    @Test func workersGiveTheSamePartialBytes() throws {
        let runner = try plugin(everyOperationPlugin)
        let one = try runner.runPartial(on: docs, parameters: [:], argument: "every-op", kijiVersion: "test").rendered()
        runner.jobs = 3
        #expect(try runner.runPartial(on: docs, parameters: [:], argument: "every-op", kijiVersion: "test").rendered() == one)
        #expect(try runner.runPartial(on: docs.reversed(), parameters: [:], argument: "every-op", kijiVersion: "test").rendered() == one)
    }

    @Test func partsOfAnotherRunAreRefusedNamingTheDifference() throws {
        let monthly = try plugin(monthlyPlugin, name: "monthly")
        let a = try partial(monthly, Array(docs.prefix(10)))
        let b = try partial(monthly, Array(docs.suffix(10)), ["terms": "中国"])
        #expect(throws: (any Error).self) { _ = try merged(monthly, [a, b]) }
        do {
            _ = try PartialMerge.merge([("a.part", a), ("b.part", b)]) { _, values in values }
        } catch let error as PartialError {
            #expect(error.description == "b.part does not match a.part: parameter terms is '中国' in b.part and '中国,台湾' in a.part; "
                    + "merge only partial results of the same plugin, parameters and kiji version")
        }
        var other = a
        other.header.plugin.sha256 = "0"
        #expect(throws: PartialError.self) { _ = try PartialMerge.merge([("a", a), ("c", other)]) { _, v in v } }
    }

    @Test func levelsThatDifferNeedOrderLevels() throws {
        let withoutOrder = try plugin(everyOperationPlugin.replacingOccurrences(of: "order_levels", with: "unused_order"))
        let a = try partial(withoutOrder, docs.filter { $0.body.hasPrefix("中国") })
        let b = try partial(withoutOrder, docs.filter { $0.body.hasPrefix("台湾") })
        #expect(throws: PluginUsageError.self) {
            _ = try PartialMerge.merge([("a", a), ("b", b)]) { column, values in
                try withoutOrder.orderLevels(column: column, values: values, parameters: [:])
            }
        }
    }

    @Test func damagedPartialResultsAreErrorsWithTheirLine() throws {
        let runner = try plugin(everyOperationPlugin)
        let text = try runner.runPartial(on: docs, parameters: [:], argument: "every-op", kijiVersion: "test").rendered()
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func error(_ text: String) -> String {
            do { _ = try PartialResult(parsing: Data(text.utf8), name: "p.jsonl"); return "no error" } catch { return "\(error)" }
        }
        #expect(error("") == "p.jsonl: empty; a partial result starts with a header line (kiji run --partial writes one)")
        #expect(error("{}\n") == "p.jsonl:1: not the header of a kiji partial result ('format' is missing); make it with kiji run --partial")
        #expect(error(lines.dropLast(2).joined(separator: "\n") + "\n").hasSuffix("follow; the file is cut short or was changed"))
        let repeated = lines[1]
        lines[2] = repeated
        #expect(error(lines.joined(separator: "\n")) == "p.jsonl:3: the group repeats an earlier line's key")
        // State order: average (mean), chars, high, low, n, share, words, words_approx.
        lines[2] = #"{"key":["2021","中"],"state":[{"int":1},{"int":1},{"value":1},{"value":"x"},{"count":1},{"float":["0.5"]},{"values":[]},{}]}"#
        #expect(error(lines.joined(separator: "\n")) == "p.jsonl:3: a mean state needs 'count'")
        lines[2] = #"{"key":["2021","中"],"state":[{"count":1,"int":1},{"int":1},{"value":1},{"value":"x"},{"count":1},{"float":["zero"]},{"values":[]},{}]}"#
        #expect(error(lines.joined(separator: "\n")) == "p.jsonl:3: a sum state has 'zero' in 'float', which is not a number")
        lines[2] = #"{"key":["2021"],"state":[]}"#
        #expect(error(lines.joined(separator: "\n")) == "p.jsonl:3: the key must hold 2 values (year, initial), none empty or NaN")
    }

    @Test func cellsAndSumsRoundTripExactly() throws {
        for cell: Cell in [.integer(-3), .number(1.0), .number(0.1), .number(-.infinity), .number(5e-324), .string("1.0"), .boolean(false), .empty] {
            let data = try JSONEncoder().encode(PartialCell(cell))
            #expect(try JSONDecoder().decode(PartialCell.self, from: data).cell == cell)
        }
        var sum = Accumulator(operation: .sum)
        for value in [0.1, 1e100, 0.2, -1e100, 0.3] { sum.add(checked: .number(value)) }
        let restored = try AccumulatorState(sum).accumulator(for: .sum)
        #expect(restored.result == sum.result)
        var wrapped = Accumulator(operation: .sum)
        for _ in 0..<3 { wrapped.add(checked: .integer(Int.max)) }
        var other = try AccumulatorState(wrapped).accumulator(for: .sum)
        other.add(checked: .number(0.5))
        wrapped.add(checked: .number(0.5))
        #expect(other.result == wrapped.result)
    }

    @Test func distinctApproxIsWithinItsErrorAndMergesExactly() {
        for count in [10, 1000, 50000] {
            var whole = Accumulator(operation: .distinctApprox)
            var halves = [Accumulator(operation: .distinctApprox), Accumulator(operation: .distinctApprox)]
            for i in 0..<count {
                whole.add(checked: .string("word\(i)"))
                halves[i % 2].add(checked: .string("word\(i)"))
                halves[(i + 1) % 2].add(checked: .string("word\(i / 2)"))
            }
            halves[0].merge(halves[1])
            #expect(halves[0].result == whole.result)
            guard case .integer(let estimate) = whole.result else { Issue.record("not an integer"); continue }
            #expect(abs(Double(estimate - count)) <= 0.03 * Double(count), "\(count): \(estimate)")
        }
    }
}
