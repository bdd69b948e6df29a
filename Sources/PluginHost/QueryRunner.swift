import Corpus
import Foundation
import LuaBridge
import Morphology

/// What a query returned.
public enum QueryResult: Equatable, Sendable {
    /// Nothing (the chunk returned nil).
    case nothing
    /// A scalar or an object, as text.
    case text(String)
    /// Rows.
    case table(ResultTable)
}

/// Runs one-off Lua queries (`kiji query`) with `corpus` and `kiji` in scope.
public final class QueryRunner {
    private let environment: PluginEnvironment

    public init(moduleDirectories: [String], mecabDictionary: String? = nil, limits: ResourceLimits = .default,
                tokenCache: TokenCache? = nil) throws {
        environment = try PluginEnvironment(moduleDirectories: moduleDirectories, mecabDictionary: mecabDictionary, limits: limits,
                                            tokenCache: tokenCache)
    }

    /// Code and data files the query read (modules, data files).
    public var filesRead: [String] { environment.filesRead }
    /// The MeCab dictionary folder and description, when the query used MeCab.
    public var mecabDictionaryInUse: MeCabDictionaryInUse? { environment.morphology.dictionaryInUse.map(MeCabDictionaryInUse.init) }

    /// Runs `source` (named `chunkName` in errors, e.g. "=(query)" or "@file.lua").
    /// `parameters` are visible as the global table `params` (strings).
    public func run(_ source: String, chunkName: String, on documents: [Document], parameters: [String: String] = [:]) throws -> QueryResult {
        let state = environment.state
        environment.dataFiles.allow(parameters: parameters)
        try state.setGlobal("corpus") { $0.push(CorpusHandle(documents: documents), as: DocumentBinding.corpusType) }
        try state.setGlobal("params") { stack in
            try stack.newTable(records: parameters.count)
            for key in parameters.keys.sorted() { try stack.setField(key) { stack.push(parameters[key]!) } }
        }
        do {
            let chunk = try state.load(Array(source.utf8), chunkName: chunkName)
            defer { chunk.release() }
            let result = try environment.limited { try state.callKeepingResult(chunk) }
            defer { result.release() }
            return try Self.convert(result, in: state)
        } catch let error as LuaScriptError {
            throw environment.inputError(instead: error, plugin: "query")
        }
    }

    static func convert(_ reference: LuaReference, in state: LuaState) throws -> QueryResult {
        let stack = state.stack
        try stack.push(reference)
        defer { stack.pop() }
        let value: LuaValue
        do {
            value = try stack.value(at: -1)
        } catch {
            throw PluginError(plugin: "query", message: "the result: \(error)")
        }
        switch value {
        case .none: return .nothing
        case .boolean, .integer, .number, .string: return .text(Cell(value)!.text)
        case .function, .other: return .text(try stack.describe(at: -1))
        case .table(let table): return .table(try rows(of: table))
        }
    }

    /// Rows from a returned table: an array of row tables (columns from its
    /// `columns` field, else in first-seen order with each row's keys
    /// sorted), an array of values (one column, `value`), or a map (columns
    /// `key,value`, sorted by key).
    static func rows(of table: LuaTable) throws -> ResultTable {
        func fail(_ problem: String) -> PluginError { PluginError(plugin: "query", message: "the result: \(problem)") }
        let items = table.array
        let declared = table["columns"].table?.array.compactMap(\.string)
        let otherKeys = table.entries.keys.filter {
            if case .integer(let i) = $0 { return i < 1 || i > items.count }
            if case .string(let s) = $0 { return s != "columns" }
            return true
        }
        if items.isEmpty && !otherKeys.isEmpty {
            let keys = table.sortedStringKeys.filter { $0 != "columns" }
            guard keys.count == otherKeys.count else { throw fail("a table mixing string and number keys cannot be shown") }
            return ResultTable(columns: ["key", "value"], rows: try keys.map { key in
                guard let cell = Cell(table[key]) else { throw fail("'\(key)' holds a \(table[key].typeName)") }
                return [.string(key), cell]
            })
        }
        guard otherKeys.isEmpty else { throw fail("an array of rows may only have a 'columns' field besides its items") }
        if !items.isEmpty, items.allSatisfy({ $0.table == nil }) {
            return ResultTable(columns: declared ?? ["value"], rows: try items.enumerated().map { i, item in
                guard let cell = Cell(item) else { throw fail("item \(i + 1) is a \(item.typeName)") }
                return [cell]
            })
        }
        var columns = declared ?? []
        var rows: [[String: Cell]] = []
        for (i, item) in items.enumerated() {
            guard let row = item.table else { throw fail("item \(i + 1) is a \(item.typeName), not a row table") }
            var cells: [String: Cell] = [:]
            for key in row.sortedStringKeys {
                guard let cell = Cell(row[key]) else { throw fail("row \(i + 1), column '\(key)' holds a \(row[key].typeName)") }
                if declared == nil, !columns.contains(key) { columns.append(key) }
                cells[key] = cell
            }
            if let declared, let unknown = cells.keys.sorted().first(where: { !declared.contains($0) }) {
                throw fail("row \(i + 1) has column '\(unknown)', which is not in columns")
            }
            rows.append(cells)
        }
        return ResultTable(columns: columns, rows: rows.map { row in columns.map { row[$0] ?? .empty } })
    }
}
