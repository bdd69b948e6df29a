import LuaBridge

/// The `emit` of one map run: reads emitted rows into an ``Aggregator``.
///
/// The fast path reads a row table in place: a Lua table maps each declared
/// column to its slot, and another maps each group-by string already seen to
/// its atom, so a row costs no Swift strings, dictionaries or arrays. A row
/// the fast path does not take (an unknown column, a missing key, a value of
/// the wrong type, bytes that are not UTF-8) is read again the general way,
/// which gives the error messages plugins have always seen.
final class Emitter {
    private(set) var aggregator: Aggregator
    private let state: LuaState
    /// column name -> slot: group-by keys first, then aggregate columns.
    private let columnSlots: LuaReference
    /// group-by string -> atom of the aggregator.
    private let internedStrings: LuaReference
    /// The row being read: atoms of its keys (`unset` when absent) and its aggregate values.
    private var atoms: [UInt32]
    private var values: [Cell?]
    private static let unset = UInt32.max

    init(state: LuaState, aggregator: Aggregator) throws {
        self.state = state
        self.aggregator = aggregator
        let stack = state.stack
        let columns = aggregator.groupBy + aggregator.operations.map(\.column)
        try stack.newTable(records: columns.count)
        for (slot, column) in columns.enumerated() {
            try stack.setField(column) { stack.push(slot) }
        }
        columnSlots = stack.popReference()
        try stack.newTable()
        internedStrings = stack.popReference()
        atoms = Array(repeating: Self.unset, count: aggregator.groupBy.count)
        values = Array(repeating: nil, count: aggregator.operations.count)
    }

    /// Gives back the Lua tables; the aggregator stays readable.
    func release() {
        columnSlots.release()
        internedStrings.release()
    }

    /// `emit(row)` or `emit(rows)`: one row table, or a list of them (a row
    /// never has integer keys, so a table whose first item is a table is a list).
    func emit(_ call: LuaCall) throws {
        let stack = call.stack
        guard call.isTable(1), stack.pushRawItem(in: 1, 1) == .table else {
            if call.isTable(1) { stack.pop() }
            try add(rowAt: 1, call: call, item: nil)
            return
        }
        stack.pop()
        var count = 0
        while stack.pushRawItem(in: 1, count + 1) != .none {
            stack.pop()
            count += 1
        }
        try stack.forEachRawEntry(ofTableAt: 1) { key, _ in
            guard stack.kind(at: key) == .integer, (1...count).contains(stack.integerValue(at: key)) else {
                let name = stack.kind(at: key) == .string ? (try? stack.string(at: key)).map { "field '\($0)'" } : nil
                throw call.argumentError(1, "a list of rows has \(name ?? "a key") besides items 1 to \(count); give one row or a list of rows")
            }
            return true
        }
        for item in 1...count {
            try stack.reserve(4)
            let kind = stack.pushRawItem(in: 1, item)
            guard kind == .table else {
                throw call.argumentError(1, "item \(item) of the list of rows is a \(stack.typeName(at: -1)), not a row table")
            }
            try add(rowAt: stack.top, call: call, item: item)
            stack.pop()
        }
    }

    private func add(rowAt index: Int32, call: LuaCall, item: Int?) throws {
        if aggregator.acceptsAtoms, call.isTable(index) {
            if try addFast(rowAt: index, stack: call.stack, item: item) { return }
        }
        let row: [String: Cell]
        if let item {
            do {
                let table = try call.stack.value(at: index).table ?? LuaTable()
                row = try RowReader.cells(of: table, call: call, argument: 1)
            } catch {
                throw LuaRuntimeError("\(error) (item \(item) of the list of rows)")
            }
        } else {
            row = try RowReader.cells(of: try RowReader.rowTable(call, 1), call: call, argument: 1)
        }
        do { try aggregator.add(row) } catch { throw Self.failure(error, item: item) }
    }

    private static func failure(_ error: AggregationError, item: Int?) -> LuaRuntimeError {
        LuaRuntimeError(error.description + (item.map { " (item \($0) of the list of rows)" } ?? ""))
    }

    /// Adds the row at `index` if every field is a declared column holding
    /// a plain value; false leaves the row to the general path.
    private func addFast(rowAt index: Int32, stack: LuaStack, item: Int?) throws -> Bool {
        let keyCount = atoms.count
        for slot in atoms.indices { atoms[slot] = Self.unset }
        for slot in values.indices { values[slot] = nil }
        let base = stack.top
        defer { stack.setTop(base) }
        try stack.reserve(4)
        try stack.push(columnSlots)
        let slots = stack.top
        try stack.push(internedStrings)
        let interned = stack.top
        var complete = true
        try stack.forEachRawEntry(ofTableAt: index) { key, value in
            guard stack.kind(at: key) == .string, stack.pushRawValue(in: slots, forKeyAt: key) == .integer else {
                complete = false
                return false
            }
            let slot = stack.integerValue(at: -1)
            stack.pop()
            if slot < keyCount {
                guard let atom = try atom(at: value, interned: interned, stack: stack) else { complete = false; return false }
                atoms[slot] = atom
            } else {
                guard let cell = try? Self.cell(at: value, stack: stack) else { complete = false; return false }
                values[slot - keyCount] = cell
            }
            return true
        }
        guard complete, !atoms.contains(Self.unset) else { return false }
        do { try aggregator.add(atoms: atoms, values: values) } catch { throw Self.failure(error, item: item) }
        return true
    }

    /// The atom of the group-by value at `index`; nil for a value the general
    /// path must judge (NaN, not UTF-8, a table).
    private func atom(at index: Int32, interned: Int32, stack: LuaStack) throws -> UInt32? {
        switch stack.kind(at: index) {
        case .string:
            if stack.pushRawValue(in: interned, forKeyAt: index) == .integer {
                defer { stack.pop() }
                return UInt32(exactly: stack.integerValue(at: -1))
            }
            stack.pop()
            guard let text = try? stack.string(at: index), let atom = aggregator.atom(for: .string(text)) else { return nil }
            try stack.setRaw(in: interned, keyAt: index, to: Int(atom))
            return atom
        case .integer: return aggregator.atom(for: .integer(stack.integerValue(at: index)))
        case .number: return Cell.number(stack.numberValue(at: index)).groupKey.flatMap { aggregator.atom(for: $0) }
        case .boolean: return aggregator.atom(for: .boolean(stack.booleanValue(at: index)))
        case .none, .table, .other: return nil
        }
    }

    private static func cell(at index: Int32, stack: LuaStack) throws -> Cell? {
        switch stack.kind(at: index) {
        case .integer: .integer(stack.integerValue(at: index))
        case .number: .number(stack.numberValue(at: index))
        case .boolean: .boolean(stack.booleanValue(at: index))
        case .string: .string(try stack.string(at: index))
        case .none, .table, .other: nil
        }
    }
}
