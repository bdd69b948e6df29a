import Corpus

/// Aggregates rows emitted by map-form plugins, then completes and orders
/// them: period columns get every period from the first to the last (with
/// `undated` last), level columns get every declared level in order, and
/// the missing combinations become zero rows.
struct Aggregator {
    let groupBy: [String]
    let operations: [(column: String, operation: AggregateOperation)]
    private var groups: [[Cell]: [Accumulator]] = [:]

    init(groupBy: [String], operations: [(column: String, operation: AggregateOperation)]) {
        self.groupBy = groupBy
        self.operations = operations
    }

    /// Adds one emitted row. Throws a message for the plugin author.
    mutating func add(_ row: [String: Cell]) throws(AggregationError) {
        for column in row.keys where !groupBy.contains(column) && !operations.contains(where: { $0.column == column }) {
            throw AggregationError("emit: column '\(column)' is neither a group_by key nor an aggregate column")
        }
        var key: [Cell] = []
        key.reserveCapacity(groupBy.count)
        for column in groupBy {
            guard let value = row[column], value != .empty else {
                throw AggregationError("emit: the row has no value for group_by key '\(column)'")
            }
            guard let canonical = value.groupKey else {
                throw AggregationError("emit: group_by key '\(column)' is NaN (not a number); a NaN cannot name a group")
            }
            key.append(canonical)
        }
        var accumulators = groups[key] ?? operations.map { Accumulator(operation: $0.operation) }
        for (index, (column, _)) in operations.enumerated() {
            if let value = row[column] { try accumulators[index].add(value, column: column) }
        }
        groups[key] = accumulators
    }

    /// The finished table.
    /// - Parameters:
    ///   - periods: columns holding period labels of the given kind.
    ///   - levels: columns with a declared list of values, in order.
    func finish(columns: [String], periods: [String: PeriodKind], levels: [String: [Cell]]) throws(AggregationError) -> ResultTable {
        // Domain and order of each completed column.
        var domains: [String: [Cell]] = [:]
        var rank: [String: [Cell: Int]] = [:]
        for (position, column) in groupBy.enumerated() {
            let observed = Set(groups.keys.map { $0[position] })
            if let kind = periods[column] {
                var indices: [Int] = []
                var hasUndated = false
                for value in observed {
                    guard case .string(let label) = value else {
                        throw AggregationError("emit: '\(column)' must hold \(kind.rawValue) labels, got \(value.text)")
                    }
                    if label == PeriodKind.undatedLabel { hasUndated = true; continue }
                    guard let index = kind.index(ofLabel: label) else {
                        throw AggregationError("emit: '\(column)' must hold \(kind.rawValue) labels like \(kind.label(for: CalendarDate(year: 2025, month: 1, day: 31)!)) or '\(PeriodKind.undatedLabel)', got '\(label)'")
                    }
                    indices.append(index)
                }
                var domain = (indices.min().map { kind.labels(from: $0, through: indices.max()!) } ?? []).map(Cell.string)
                if hasUndated { domain.append(.string(PeriodKind.undatedLabel)) }
                domains[column] = domain
            } else if let declared = levels[column] {
                let extra = observed.subtracting(declared).sorted(by: Cell.naturalOrder)
                domains[column] = declared + extra
            }
            if let domain = domains[column] {
                rank[column] = Dictionary(domain.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
            }
        }

        // Each observed combination of the free columns gets the full grid of the completed ones.
        var keys = Set(groups.keys)
        let freePositions = groupBy.indices.filter { domains[groupBy[$0]] == nil }
        let freeTuples = Set(groups.keys.map { key in freePositions.map { key[$0] } })
        for free in (freePositions.isEmpty ? [[]] : Array(freeTuples)) {
            var partial: [[Cell]] = [[]]
            for (position, column) in groupBy.enumerated() {
                let choices = domains[column] ?? freePositions.firstIndex(of: position).map { [free[$0]] } ?? []
                partial = partial.flatMap { prefix in choices.map { prefix + [$0] } }
            }
            keys.formUnion(partial)
        }

        let sortedKeys = keys.sorted { a, b in
            for (position, column) in groupBy.enumerated() where a[position] != b[position] {
                if let ranks = rank[column], let x = ranks[a[position]], let y = ranks[b[position]] { return x < y }
                return Cell.naturalOrder(a[position], b[position])
            }
            return false
        }
        if let unknown = columns.first(where: { column in !groupBy.contains(column) && !operations.contains { $0.column == column } }) {
            throw AggregationError("column '\(unknown)' is neither a group_by key nor an aggregate column")
        }
        let rows = sortedKeys.map { key -> [Cell] in
            let accumulators = groups[key]
            return columns.map { column in
                if let position = groupBy.firstIndex(of: column) { return key[position] }
                guard let index = operations.firstIndex(where: { $0.column == column }) else { return .empty }
                return accumulators?[index].result ?? Accumulator(operation: operations[index].operation).result
            }
        }
        return ResultTable(columns: columns, rows: rows)
    }
}

struct AggregationError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The running value of one aggregate column in one group.
struct Accumulator {
    let operation: AggregateOperation
    /// The sum while every value is an integer and it fits; nil after that.
    private var integerTotal: Int? = 0
    /// The exact sum of every value, rounded once when read: the result does
    /// not depend on the order of the rows (documents, workers, splits).
    private var exactTotal = ExactSum()
    private var count = 0
    private var extreme: Cell?

    init(operation: AggregateOperation) { self.operation = operation }

    mutating func add(_ value: Cell, column: String) throws(AggregationError) {
        switch operation {
        case .count:
            count += 1
        case .sum, .mean:
            guard value.numericValue != nil else {
                throw AggregationError("emit: '\(column)' is aggregated with \(operation.rawValue) and needs a number, got '\(value.text)'")
            }
            switch value {
            case .integer(let i):
                exactTotal.add(i)
                if let total = integerTotal {
                    let (sum, overflow) = total.addingReportingOverflow(i)
                    integerTotal = overflow ? nil : sum
                }
            case .number(let d):
                exactTotal.add(d)
                integerTotal = nil
            default: break
            }
            count += 1
        case .min, .max:
            guard let current = extreme else { extreme = value; return }
            let smaller = Cell.naturalOrder(value, current)
            if (operation == .min) == smaller && value != current { extreme = value }
        }
    }

    var result: Cell {
        switch operation {
        case .count: .integer(count)
        case .sum: integerTotal.map(Cell.integer) ?? .number(exactTotal.value)
        case .mean: count == 0 ? .empty : .number(exactTotal.value / Double(count))
        case .min, .max: extreme ?? .empty
        }
    }
}
