import Corpus

/// Aggregates rows emitted by map-form plugins, then completes and orders
/// them: period columns get every period from the first to the last (with
/// `undated` last), level columns get every declared level in order, and
/// the missing combinations become zero rows.
///
/// Rows come in two forms: a dictionary of cells (``add(_:)``), or, on the
/// fast path `emit` takes, group-by values as interned atoms and aggregate
/// values in slots (``add(atoms:values:)``). Partial aggregators of workers
/// combine with ``merge(_:)``; the result does not depend on the split.
struct Aggregator: Sendable {
    let groupBy: [String]
    let operations: [(column: String, operation: AggregateOperation)]
    /// Each group's key, in order of first appearance.
    private(set) var groupKeys: [[Cell]] = []
    private var groupIndex: [[Cell]: Int] = [:]
    /// `operations.count` accumulators per group, group after group.
    private var accumulators: [Accumulator] = []
    /// Interned group-by values, and groups found by their atoms.
    private var atomIDs: [Cell: UInt32] = [:]
    private var atomValues: [Cell] = []
    private var atomGroups: [AtomKey: Int] = [:]

    /// The fast path packs up to this many group-by atoms into one key.
    static let maximumAtomKeys = 4

    init(groupBy: [String], operations: [(column: String, operation: AggregateOperation)]) {
        self.groupBy = groupBy
        self.operations = operations
    }

    /// Whether ``add(atoms:values:)`` can be used.
    var acceptsAtoms: Bool { groupBy.count <= Self.maximumAtomKeys }

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
        let values = operations.map { row[$0.column] }
        try check(values)
        addChecked(values, group: group(for: key))
    }

    /// The atom of a canonical group-by value (see ``Cell/groupKey``), or
    /// nil when there are too many to number.
    mutating func atom(for value: Cell) -> UInt32? {
        if let id = atomIDs[value] { return id }
        guard let id = UInt32(exactly: atomValues.count), id < UInt32.max else { return nil }
        atomIDs[value] = id
        atomValues.append(value)
        return id
    }

    /// Adds a row given as atoms of its group-by values (in `groupBy` order,
    /// all present) and its aggregate values (in `operations` order, nil
    /// when absent). Only when ``acceptsAtoms``.
    mutating func add(atoms: [UInt32], values: [Cell?]) throws(AggregationError) {
        try check(values)
        let key = AtomKey(atoms)
        let group: Int
        if let known = atomGroups[key] {
            group = known
        } else {
            group = self.group(for: atoms.map { atomValues[Int($0)] })
            atomGroups[key] = group
        }
        addChecked(values, group: group)
    }

    /// Folds in a partial aggregator with the same keys and operations.
    mutating func merge(_ other: Aggregator) {
        let width = operations.count
        for (index, key) in other.groupKeys.enumerated() {
            let group = group(for: key)
            for slot in 0..<width {
                accumulators[group * width + slot].merge(other.accumulators[index * width + slot])
            }
        }
    }

    /// The accumulators of the group at `index` of ``groupKeys``, in `operations` order.
    func accumulators(ofGroup index: Int) -> ArraySlice<Accumulator> {
        accumulators[(index * operations.count)..<((index + 1) * operations.count)]
    }

    /// Adds a group read from a partial result; false when the group is
    /// already here (a partial result lists each group once).
    mutating func add(key: [Cell], accumulators added: [Accumulator]) -> Bool {
        guard groupIndex[key] == nil else { return false }
        let group = group(for: key)
        accumulators.replaceSubrange((group * operations.count)..<((group + 1) * operations.count), with: added)
        return true
    }

    private func check(_ values: [Cell?]) throws(AggregationError) {
        for (slot, value) in values.enumerated() {
            guard let value else { continue }
            try Accumulator.check(value, operation: operations[slot].operation, column: operations[slot].column)
        }
    }

    private mutating func addChecked(_ values: [Cell?], group: Int) {
        let base = group * operations.count
        for (slot, value) in values.enumerated() {
            if let value { accumulators[base + slot].add(checked: value) }
        }
    }

    /// The index of the group with `key`, created when new.
    private mutating func group(for key: [Cell]) -> Int {
        if let known = groupIndex[key] { return known }
        let index = groupKeys.count
        groupIndex[key] = index
        groupKeys.append(key)
        accumulators.append(contentsOf: operations.map { Accumulator(operation: $0.operation) })
        return index
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
            let observed = Set(groupKeys.map { $0[position] })
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
        var keys = Set(groupKeys)
        let freePositions = groupBy.indices.filter { domains[groupBy[$0]] == nil }
        let freeTuples = Set(groupKeys.map { key in freePositions.map { key[$0] } })
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
            let group = groupIndex[key]
            return columns.map { column in
                if let position = groupBy.firstIndex(of: column) { return key[position] }
                guard let index = operations.firstIndex(where: { $0.column == column }) else { return .empty }
                return group.map { accumulators[$0 * operations.count + index].result }
                    ?? Accumulator(operation: operations[index].operation).result
            }
        }
        return ResultTable(columns: columns, rows: rows)
    }
}

struct AggregationError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Up to four group-by atoms packed into one hashable value.
private struct AtomKey: Hashable, Sendable {
    let low: UInt64
    let high: UInt64

    init(_ atoms: [UInt32]) {
        func word(_ i: Int) -> UInt64 { i < atoms.count ? UInt64(atoms[i]) : 0 }
        low = word(0) | word(1) << 32
        high = word(2) | word(3) << 32
    }
}
