import Foundation

/// A cell in a partial result's JSON, read back as the same cell: strings,
/// integers and booleans as themselves, `null` for an empty cell, and a
/// float as `{"number": "TEXT"}`, where TEXT is Swift's shortest exact form
/// (so `1.0` stays a float, and infinities and NaN can be written).
struct PartialCell: Codable, Hashable, Sendable {
    let cell: Cell

    init(_ cell: Cell) { self.cell = cell }

    private struct Float: Codable { let number: String }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            cell = .empty
        } else if let value = try? container.decode(Bool.self) {
            cell = .boolean(value)
        } else if let value = try? container.decode(String.self) {
            cell = .string(value)
        } else if let value = try? container.decode(Int.self) {
            cell = .integer(value)
        } else {
            let text = try container.decode(Float.self).number
            guard let value = Double(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a number")
            }
            cell = .number(value)
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch cell {
        case .empty: try container.encodeNil()
        case .boolean(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(Float(number: Self.exactText(value)))
        }
    }

    /// A double as text that `Double(_:)` reads back to the same bits.
    static func exactText(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        return value.description
    }

    static func cells(_ list: [PartialCell]) -> [Cell] { list.map(\.cell) }
    static func list(_ cells: [Cell]) -> [PartialCell] { cells.map(PartialCell.init) }
}

/// One accumulator's state in a partial result. Which fields are present
/// depends on the operation:
/// - `count`: `count`;
/// - `sum`, `mean`: `int` (with `wraps` when the 64-bit total wrapped)
///   while every value was an integer, else `float`, the exact sum as
///   non-overlapping terms; a mean also has `count`;
/// - `min`, `max`: `value`, when a value came;
/// - `distinct`: `values`, sorted;
/// - `distinct_approx`: `registers`, the sketch's registers in base64, when a value came.
struct AccumulatorState: Codable, Equatable, Sendable {
    var count: Int?
    var int: Int?
    var wraps: Int?
    var float: [String]?
    var value: PartialCell?
    var values: [PartialCell]?
    var registers: String?

    init(_ accumulator: Accumulator) {
        switch accumulator.operation {
        case .count:
            count = accumulator.count
        case .sum, .mean:
            // A sum's result does not depend on how many values came; a mean's does.
            if accumulator.operation == .mean { count = accumulator.count }
            if accumulator.allIntegers {
                int = accumulator.wrappedTotal
                if accumulator.wraps != 0 { wraps = accumulator.wraps }
            } else {
                float = accumulator.exactTotal.canonicalTerms.map(PartialCell.exactText)
            }
        case .min, .max:
            value = accumulator.extreme.map(PartialCell.init)
        case .distinct:
            values = accumulator.distinctValues.sorted(by: Cell.totalOrder).map(PartialCell.init)
        case .distinctApprox:
            if !accumulator.sketch.registers.isEmpty { registers = Data(accumulator.sketch.registers).base64EncodedString() }
        }
    }

    /// The accumulator this state describes; a message when the state does not fit the operation.
    func accumulator(for operation: AggregateOperation) throws(AggregationError) -> Accumulator {
        func problem(_ text: String) -> AggregationError { AggregationError("a \(operation.rawValue) state \(text)") }
        let count = self.count ?? 0
        guard count >= 0 else { throw problem("has a negative count") }
        var integerTotal: (wrapped: Int, wraps: Int)?
        var terms: [Double] = []
        var extreme: Cell?
        var distinct: Set<Cell> = []
        var sketch = HyperLogLog()
        switch operation {
        case .count:
            guard self.count != nil else { throw problem("needs 'count'") }
        case .sum, .mean:
            if operation == .mean, self.count == nil { throw problem("needs 'count'") }
            if let float {
                guard int == nil, wraps == nil else { throw problem("has both 'int' and 'float'") }
                terms = try float.map { text throws(AggregationError) in
                    guard let term = Double(text) else { throw problem("has '\(text)' in 'float', which is not a number") }
                    return term
                }
            } else {
                guard let int else { throw problem("needs 'int' or 'float'") }
                integerTotal = (int, wraps ?? 0)
            }
        case .min, .max:
            if let value {
                guard let key = value.cell.groupKey, key == value.cell, value.cell != .empty else { throw problem("has an empty or NaN value") }
                extreme = value.cell
            }
        case .distinct:
            let cells = values ?? []
            distinct = Set(cells.compactMap { $0.cell.groupKey })
            guard distinct.count == cells.count, !distinct.contains(.empty) else { throw problem("repeats a value, or holds NaN or an empty value") }
        case .distinctApprox:
            if let registers {
                guard let data = Data(base64Encoded: registers), let restored = HyperLogLog(registers: Array(data)) else {
                    throw problem("has registers that are not a sketch of 2^\(HyperLogLog.precision) bytes")
                }
                sketch = restored
            }
        }
        return Accumulator(operation: operation, count: count, integerTotal: integerTotal, exactTerms: terms,
                           extreme: extreme, distinctValues: distinct, sketch: sketch)
    }
}

extension Cell {
    /// A total order: the natural order, then the kind and bytes for cells it
    /// cannot tell apart. Used wherever a list must not depend on arrival order.
    static func totalOrder(_ a: Cell, _ b: Cell) -> Bool {
        if naturalOrder(a, b) { return true }
        if naturalOrder(b, a) { return false }
        return tieBreak(a, b)
    }
}
