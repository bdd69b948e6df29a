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
