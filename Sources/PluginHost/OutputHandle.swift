import Foundation
import LuaBridge

/// The `out` object of a run-form plugin: collects rows in order.
final class OutputHandle {
    static let type = LuaUserdataType<OutputHandle>(name: "kiji.Output")

    let columns: [String]
    private(set) var rows: [[Cell]] = []

    init(columns: [String]) { self.columns = columns }

    /// Defines `kiji.Output` (once per state).
    static func define(in state: LuaState) throws {
        var behaviour = LuaUserdataBehaviour<OutputHandle>()
        behaviour.methods["row"] = { call, output in
            let row = try RowReader.cells(of: try RowReader.rowTable(call, 2), call: call, argument: 2)
            if let unknown = row.keys.sorted().first(where: { !output.columns.contains($0) }) {
                throw LuaRuntimeError("out:row: column '\(unknown)' is not in the plugin's columns (\(output.columns.joined(separator: ", ")))")
            }
            output.rows.append(output.columns.map { row[$0] ?? .empty })
            return 0
        }
        behaviour.describe = { "kiji.Output(\($0.rows.count) rows)" }
        try state.define(type, behaviour)
    }
}

/// Reads the row tables plugins emit or write.
enum RowReader {
    /// A row argument, with a hint for the commonest plugin mistake.
    static func rowTable(_ call: LuaCall, _ argument: Int32) throws -> LuaTable {
        do {
            return try call.table(argument)
        } catch let error as LuaRuntimeError where error.description.hasSuffix("not valid UTF-8") {
            throw LuaRuntimeError("\(error.description) (string.sub cuts bytes; use kiji.text.sub to cut characters)")
        }
    }

    /// The cells of an emitted row; values must be strings, numbers or booleans.
    static func cells(of table: LuaTable, call: LuaCall, argument: Int32) throws -> [String: Cell] {
        var row: [String: Cell] = [:]
        for (key, value) in table.entries {
            guard case .string(let column) = key else {
                throw call.argumentError(argument, "row keys must be column names (strings)")
            }
            guard let cell = Cell(value) else {
                throw call.argumentError(argument, "column '\(column)' holds a \(value.typeName); use a string, number or boolean")
            }
            row[column] = cell
        }
        return row
    }
}

extension RowReader {
    /// Pushes rows as an array of tables, with a `columns` field naming the
    /// columns in order (what `kiji query` and `kiji.group` understand).
    static func push(_ table: ResultTable, on stack: LuaStack) throws {
        try stack.newTable(array: table.rows.count, records: 1)
        for (i, row) in table.rows.enumerated() {
            try stack.setIndex(i + 1) {
                try stack.newTable(records: row.count)
                for (column, cell) in zip(table.columns, row) where cell != .empty {
                    try stack.setField(column) { push(cell, on: stack) }
                }
            }
        }
        try stack.setField("columns") { try stack.push(table.columns) }
    }

    static func push(_ cell: Cell, on stack: LuaStack) {
        switch cell {
        case .empty: stack.pushNil()
        case .integer(let i): stack.push(i)
        case .number(let d): stack.push(d)
        case .string(let s): stack.push(s)
        case .boolean(let b): stack.push(b)
        }
    }
}

/// `kiji.group(rows, {keys}, {column = operation})`, with the operations of `aggregate`.
enum RowGrouping {
    static func group(_ call: LuaCall) throws -> ResultTable {
        let rows = try call.table(1).array
        let keys = try DocumentBinding.termList(call, 2)
        guard !keys.isEmpty else { throw call.argumentError(2, "give at least one key column") }
        let spec = call.isNoneOrNil(3) ? LuaTable() : try call.table(3)
        let operations = try spec.sortedStringKeys.map { column -> (column: String, operation: AggregateOperation) in
            guard let name = spec[column].string, let operation = AggregateOperation(rawValue: name) else {
                throw call.argumentError(3, "\(column) must be one of \(AggregateOperation.names)")
            }
            guard !keys.contains(column) else { throw call.argumentError(3, "'\(column)' is also a key") }
            return (column, operation)
        }
        var aggregator = Aggregator(groupBy: keys, operations: operations)
        for (i, item) in rows.enumerated() {
            guard let table = item.table else { throw call.argumentError(1, "item \(i + 1) is a \(item.typeName), not a row table") }
            // Columns that are neither keys nor aggregated are left out.
            var row = try RowReader.cells(of: table, call: call, argument: 1)
                .filter { key, _ in keys.contains(key) || operations.contains { $0.column == key } }
            // "count" counts rows, whatever the column holds.
            for (column, operation) in operations where operation == .count { row[column] = .integer(1) }
            do { try aggregator.add(row) } catch { throw call.argumentError(1, "row \(i + 1): \(error.description.replacingOccurrences(of: "emit: ", with: ""))") }
        }
        do {
            return try aggregator.finish(columns: keys + operations.map(\.column), periods: [:], levels: [:])
        } catch {
            throw LuaRuntimeError(error.description)
        }
    }
}
