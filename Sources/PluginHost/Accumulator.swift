/// The running value of one aggregate column in one group. Every operation
/// is order-independent and merges exactly, so workers' partial results
/// combine into the bytes one worker would write.
struct Accumulator: Sendable {
    let operation: AggregateOperation
    // The state is readable in this module so that partial results can
    // carry it exactly (PartialState.swift).
    /// Whether every value summed so far is an integer.
    private(set) var allIntegers = true
    /// The integer sum modulo 2^64, and how many times it wrapped (up minus
    /// down): the exact sum is `wrappedTotal + wraps * 2^64`, in any order.
    private(set) var wrappedTotal = 0
    private(set) var wraps = 0
    /// The exact sum of every value, rounded once when read: the result does
    /// not depend on the order of the rows (documents, workers, splits).
    private(set) var exactTotal = ExactSum()
    private(set) var count = 0
    private(set) var extreme: Cell?
    /// `distinct`: every different value (canonical, see ``Cell/groupKey``).
    private(set) var distinctValues: Set<Cell> = []
    /// `distinct_approx`: the sketch of the values.
    private(set) var sketch = HyperLogLog()

    init(operation: AggregateOperation) { self.operation = operation }

    /// An accumulator holding a partial result's state; the sums are
    /// rebuilt from exact terms, so merging it is as exact as merging the
    /// accumulator it came from.
    init(operation: AggregateOperation, count: Int, integerTotal: (wrapped: Int, wraps: Int)?, exactTerms: [Double],
         extreme: Cell?, distinctValues: Set<Cell>, sketch: HyperLogLog) {
        self.operation = operation
        self.count = count
        if let integerTotal {
            wrappedTotal = integerTotal.wrapped
            wraps = integerTotal.wraps
            exactTotal.add(integerTotal.wrapped)
            // wraps * 2^64, exactly: 2^64 is a power of two.
            exactTotal.add(Double(integerTotal.wraps) * 0x1p64)
        } else {
            allIntegers = false
            for term in exactTerms { exactTotal.add(term) }
        }
        self.extreme = extreme
        self.distinctValues = distinctValues
        self.sketch = sketch
    }

    /// Checks that `value` suits `operation`, before anything is changed.
    static func check(_ value: Cell, operation: AggregateOperation, column: String) throws(AggregationError) {
        if operation == .sum || operation == .mean, value.numericValue == nil {
            throw AggregationError("emit: '\(column)' is aggregated with \(operation.rawValue) and needs a number, got '\(value.text)'")
        }
        if operation == .distinct || operation == .distinctApprox, value.groupKey == nil {
            throw AggregationError("emit: '\(column)' is aggregated with \(operation.rawValue) and got NaN, which equals no value")
        }
    }

    mutating func add(_ value: Cell, column: String) throws(AggregationError) {
        try Self.check(value, operation: operation, column: column)
        add(checked: value)
    }

    /// Adds a value that passed ``check(_:operation:column:)``.
    mutating func add(checked value: Cell) {
        switch operation {
        case .count:
            count += 1
        case .sum, .mean:
            switch value {
            case .integer(let i):
                exactTotal.add(i)
                addInteger(i)
            case .number(let d):
                exactTotal.add(d)
                allIntegers = false
            default: break
            }
            count += 1
        case .min, .max:
            keepExtreme(value)
        case .distinct:
            if let key = value.groupKey { distinctValues.insert(key) }
        case .distinctApprox:
            if let key = value.groupKey { sketch.add(hash: HyperLogLog.hash(key)) }
        }
    }

    /// Folds in another accumulator of the same operation.
    mutating func merge(_ other: Accumulator) {
        count += other.count
        allIntegers = allIntegers && other.allIntegers
        addInteger(other.wrappedTotal)
        wraps += other.wraps
        exactTotal.merge(other.exactTotal)
        if let value = other.extreme { keepExtreme(value) }
        distinctValues.formUnion(other.distinctValues)
        sketch.merge(other.sketch)
    }

    private mutating func addInteger(_ value: Int) {
        let (sum, overflow) = wrappedTotal.addingReportingOverflow(value)
        wrappedTotal = sum
        if overflow { wraps += value > 0 ? 1 : -1 }
    }

    /// Min and max by the natural order; values that order cannot tell apart
    /// (1 and 1.0, or strings equal as Unicode) by their bytes, so the
    /// winner does not depend on which came first.
    private mutating func keepExtreme(_ value: Cell) {
        guard let current = extreme else { extreme = value; return }
        if Cell.naturalOrder(value, current) { if operation == .min { extreme = value }; return }
        if Cell.naturalOrder(current, value) { if operation == .max { extreme = value }; return }
        if Cell.tieBreak(value, current) { extreme = value }
    }

    var result: Cell {
        switch operation {
        case .count: .integer(count)
        case .sum: allIntegers && wraps == 0 ? .integer(wrappedTotal) : .number(exactTotal.value)
        case .mean: count == 0 ? .empty : .number(exactTotal.value / Double(count))
        case .min, .max: extreme ?? .empty
        case .distinct: .integer(distinctValues.count)
        case .distinctApprox: .integer(sketch.estimate)
        }
    }
}

extension Cell {
    /// A total order on cells equal by ``naturalOrder``: the kind, then the text's bytes.
    static func tieBreak(_ a: Cell, _ b: Cell) -> Bool {
        let (x, y) = (a.kindRank, b.kindRank)
        if x != y { return x < y }
        return a.text.utf8.lexicographicallyPrecedes(b.text.utf8)
    }

    private var kindRank: Int {
        switch self {
        case .empty: 0
        case .integer: 1
        case .number: 2
        case .boolean: 3
        case .string: 4
        }
    }
}
