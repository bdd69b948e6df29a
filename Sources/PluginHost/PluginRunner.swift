import Corpus
import Foundation
import LuaBridge

/// Loads one plugin into its own Lua state and runs it over documents.
public final class PluginRunner {
    private let environment: PluginEnvironment
    private let spec: PluginSpec

    /// - Parameters:
    ///   - path: the plugin's `.lua` file.
    ///   - moduleDirectories: folders for `require` (the plugin's own folder is searched first).
    ///   - mecabDictionary: the MeCab dictionary folder (`--mecab-dict`); found automatically when nil.
    public init(path: String, moduleDirectories: [String], mecabDictionary: String? = nil) throws {
        let ownFolder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        environment = try PluginEnvironment(moduleDirectories: [ownFolder] + moduleDirectories.filter { $0 != ownFolder },
                                            mecabDictionary: mecabDictionary)
        spec = try environment.loadPlugin(at: path)
    }

    public var name: String { spec.name }
    public var description: String { spec.description }
    public var path: String { spec.path }
    public var parameters: [PluginParameter] { spec.parameters }
    public var outputColumns: [String] { spec.outputColumns }

    /// Runs the plugin. `parameters` are the user's `key=value` pairs;
    /// unknown keys and values outside `choices` are usage errors.
    public func run(on documents: [Document], parameters given: [String: String]) throws -> ResultTable {
        let parameters = try spec.resolveParameters(given)
        let stack = environment.state.stack
        stack.newTable(records: parameters.count)
        for key in parameters.keys.sorted() {
            stack.setField(key) {
                switch parameters[key]! {
                case .string(let text): stack.push(text)
                case .list(let items): stack.push(items)
                case .integer(let value): stack.push(value)
                case .number(let value): stack.push(value)
                case .boolean(let value): stack.push(value)
                }
            }
        }
        let params = stack.popReference()
        defer { params.release() }
        do {
            if let prepare = spec.prepare {
                try environment.state.call(prepare) { try $0.push(params); return 1 }
            }
            if let map = spec.map {
                return try runMap(map, documents: documents, params: params)
            }
            return try runFreeForm(spec.run!, documents: documents, params: params)
        } catch let error as LuaScriptError {
            throw PluginError(plugin: spec.name, scriptError: error)
        }
    }

    private func runMap(_ map: LuaReference, documents: [Document], params: LuaReference) throws -> ResultTable {
        let state = environment.state
        let periods = try declaredPeriods(params: params)
        let levels = try declaredLevels(params: params)
        var aggregator = Aggregator(groupBy: spec.groupBy, operations: spec.aggregate)
        let emit = state.register(function: "emit") { call in
            let row = try RowReader.cells(of: try RowReader.rowTable(call, 1), call: call, argument: 1)
            do { try aggregator.add(row) } catch let error as AggregationError { throw LuaRuntimeError(error.description) }
            return 0
        }
        let stack = state.stack
        stack.push(function: emit)
        let emitReference = stack.popReference()
        defer { emitReference.release() }
        for document in documents {
            do {
                try state.call(map) { stack in
                    stack.push(document, as: DocumentBinding.documentType)
                    try stack.push(emitReference)
                    try stack.push(params)
                    return 3
                }
            } catch let error as LuaScriptError {
                throw PluginError(plugin: spec.name, scriptError: error, documentID: document.id)
            }
        }
        let columns = try resolvedColumns(params: params)
        do {
            return try aggregator.finish(columns: columns, periods: periods, levels: levels)
        } catch {
            throw PluginError(plugin: spec.name, message: "\(spec.path): \(error.description)")
        }
    }

    private func runFreeForm(_ run: LuaReference, documents: [Document], params: LuaReference) throws -> ResultTable {
        let state = environment.state
        let columns = try resolvedColumns(params: params)
        let output = OutputHandle(columns: columns)
        try state.call(run) { stack in
            stack.push(CorpusHandle(documents: documents), as: DocumentBinding.corpusType)
            try stack.push(params)
            stack.push(output, as: OutputHandle.type)
            return 3
        }
        return ResultTable(columns: columns, rows: output.rows)
    }

    /// The declared columns, calling `columns(params)` when it is a function.
    private func resolvedColumns(params: LuaReference) throws -> [String] {
        guard let function = spec.columnsFunction else { return spec.outputColumns }
        let value = try environment.state.call(function, results: 1) { try $0.push(params); return 1 }[0]
        let names = value.table?.array.compactMap(\.string) ?? []
        guard !names.isEmpty, names.count == value.table?.array.count else {
            throw PluginError(plugin: spec.name, message: "\(spec.path): columns(params) must return a non-empty list of strings")
        }
        return names
    }

    /// `periods = { month = "month" }`, or a function of params returning such a table.
    private func declaredPeriods(params: LuaReference) throws -> [String: PeriodKind] {
        var value = spec.periods
        if let function = value.function { value = try environment.state.call(function, results: 1) { try $0.push(params); return 1 }[0] }
        guard let table = value.table else {
            if value.isNil { return [:] }
            throw PluginError(plugin: spec.name, message: "\(spec.path): 'periods' must be a table like { month = \"month\" }")
        }
        var result: [String: PeriodKind] = [:]
        for column in table.sortedStringKeys {
            guard let kind = table[column].string.flatMap(PeriodKind.init(rawValue:)) else {
                let kinds = PeriodKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw PluginError(plugin: spec.name, message: "\(spec.path): periods.\(column) must be one of \(kinds)")
            }
            guard spec.groupBy.contains(column) else {
                throw PluginError(plugin: spec.name, message: "\(spec.path): periods.\(column) names a column that is not in group_by")
            }
            result[column] = kind
        }
        return result
    }

    /// `levels(params)` returns `{ column = {value, …} }`.
    private func declaredLevels(params: LuaReference) throws -> [String: [Cell]] {
        guard let levels = spec.levels else { return [:] }
        let value = try environment.state.call(levels, results: 1) { try $0.push(params); return 1 }[0]
        guard let table = value.table else {
            throw PluginError(plugin: spec.name, message: "\(spec.path): levels() must return a table like { term = {\"a\", \"b\"} }")
        }
        var result: [String: [Cell]] = [:]
        for column in table.sortedStringKeys {
            guard spec.groupBy.contains(column), let list = table[column].table else {
                throw PluginError(plugin: spec.name, message: "\(spec.path): levels().\(column) must be a list, for a group_by column")
            }
            result[column] = try list.array.map { value in
                guard let cell = Cell(value), cell != .empty else {
                    throw PluginError(plugin: spec.name, message: "\(spec.path): levels().\(column) holds a \(value.typeName)")
                }
                return cell
            }
        }
        return result
    }
}

extension Cell {
    init?(_ value: LuaValue) {
        switch value {
        case .none: self = .empty
        case .boolean(let b): self = .boolean(b)
        case .integer(let i): self = .integer(i)
        case .number(let d): self = .number(d)
        case .string(let s): self = .string(s)
        case .table, .function, .other: return nil
        }
    }
}
