import Corpus
import Foundation
import LuaBridge
import Morphology

/// Loads one plugin into its own Lua state and runs it over documents.
public final class PluginRunner {
    let environment: PluginEnvironment
    let spec: PluginSpec

    /// - Parameters:
    ///   - path: the plugin's `.lua` file.
    ///   - moduleDirectories: folders for `require` (the plugin's own folder is searched first).
    ///   - mecabDictionary: the MeCab dictionary folder (`--mecab-dict`); found automatically when nil.
    ///   - limits: memory and time allowed to the plugin's Lua code.
    ///   - tokenCache: where documents' tokens are kept between runs (nil: nowhere).
    public convenience init(path: String, moduleDirectories: [String], mecabDictionary: String? = nil, limits: ResourceLimits = .default,
                            tokenCache: TokenCache? = nil) throws {
        let ownFolder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try self.init(recipe: WorkerRecipe(path: path, moduleDirectories: [ownFolder] + moduleDirectories.filter { $0 != ownFolder },
                                           mecabDictionary: mecabDictionary, limits: limits, tokenCache: tokenCache),
                      printSink: PrintSink(mode: .standardError))
    }

    init(recipe: WorkerRecipe, printSink: PrintSink) throws {
        self.recipe = recipe
        environment = try PluginEnvironment(moduleDirectories: recipe.moduleDirectories, mecabDictionary: recipe.mecabDictionary,
                                            limits: recipe.limits, printSink: printSink, tokenCache: recipe.tokenCache)
        spec = try environment.loadPlugin(at: recipe.path)
    }

    /// How this runner was built, so that workers can be built alike.
    let recipe: WorkerRecipe

    /// How many workers a map-form run may use, each with its own Lua state
    /// (see docs/architecture.md); 1 runs everything here. Run-form plugins
    /// always run in one.
    public var jobs = 1
    /// The MeCab dictionary a secondary worker used when this one did not.
    var workerMeCab: MeCabDictionaryInUse?

    public var name: String { spec.name }
    public var description: String { spec.description }
    public var path: String { spec.path }
    public var parameters: [PluginParameter] { spec.parameters }
    public var outputColumns: [String] { spec.outputColumns }
    /// Whether the output columns depend on the parameters (`columns` is a function).
    public var columnsDependOnParameters: Bool { spec.columnsFunction != nil || spec.groupByFunction != nil }

    /// Code and data files the plugin has read so far (itself, modules, data files).
    public var filesRead: [String] { environment.filesRead }
    /// The MeCab dictionary folder and description, when the plugin used MeCab.
    public var mecabDictionaryInUse: MeCabDictionaryInUse? {
        environment.morphology.dictionaryInUse.map(MeCabDictionaryInUse.init) ?? workerMeCab
    }
    /// Told how many documents the plugin has processed (for a progress line).
    public var progress: ProgressMeter?
    /// Files the last run asked for with `kiji.output_file`, in order.
    public var outputFiles: [(name: String, text: String)] { environment.outputFiles.files }
    /// The parameters of the last run, defaults filled in, as text.
    public private(set) var lastParameters: [String: String] = [:]

    /// What a manifest needs to know of the last run, kept after the runner
    /// (and its Lua state) is gone.
    public var record: PluginRunRecord {
        PluginRunRecord(name: name, path: path, parameters: lastParameters, filesRead: filesRead,
                        mecabDictionary: mecabDictionaryInUse, outputFiles: outputFiles)
    }

    /// Runs the plugin. `parameters` are the user's `key=value` pairs;
    /// unknown keys and values outside `choices` are usage errors.
    public func run(on documents: [Document], parameters given: [String: String]) throws -> ResultTable {
        try running(on: documents, parameters: given) { params in
            if let map = spec.map {
                return try runMap(map, documents: documents, params: params, given: given)
            }
            return try runFreeForm(spec.run!, documents: documents, params: params)
        }
    }

    /// The steps every run takes: the parameters checked and pushed, the
    /// run's records reset, `check` and `prepare`, then `body` within the
    /// plugin's limits; a Lua error becomes the plugin's error.
    func running<T>(on documents: [Document], parameters given: [String: String], _ body: (LuaReference) throws -> T) throws -> T {
        let parameters = try spec.resolveParameters(given)
        lastParameters = parameters.mapValues(\.text)
        workerMeCab = nil
        environment.outputFiles.reset()
        let params = try pushParameters(parameters)
        defer { params.release() }
        environment.dataFiles.allow(parameters: given)
        do {
            return try environment.limited {
                try prepareRun(params: params, documents: documents)
                return try body(params)
            }
        } catch let error as LuaScriptError {
            throw environment.inputError(instead: error, plugin: spec.name)
        }
    }

    /// Checks the user's parameters as the run would (types, bounds, files,
    /// the plugin's own `check`), so that bad values are found before a long
    /// corpus load. Throws ``PluginUsageError`` for a bad value.
    /// `columns(params)` and `group_by(params)` see only the parameters, so
    /// an error they raise is about a parameter value (a bad `by=`): it is a
    /// usage error too.
    public func checkParameters(_ given: [String: String]) throws {
        let parameters = try spec.resolveParameters(given)
        guard spec.check != nil || columnsDependOnParameters else { return }
        try environment.limited {
            let params = try pushParameters(parameters)
            defer { params.release() }
            do {
                try runCheck(params: params)
            } catch let error as LuaScriptError {
                throw PluginError(plugin: spec.name, scriptError: error)
            }
            do {
                let groupBy = spec.map == nil ? [] : try resolvedGroupBy(params: params)
                _ = try resolvedColumns(params: params, groupBy: groupBy)
            } catch let error as LuaScriptError {
                throw PluginUsageError("plugin '\(spec.name)': \(error.reason)")
            }
        }
    }

    /// Calls `check(params)`, then `prepare(params, corpus)`.
    func prepareRun(params: LuaReference, documents: [Document]) throws {
        try runCheck(params: params)
        if let prepare = spec.prepare {
            // The corpus lets prepare check parameters against the data (e.g. by= fields).
            try environment.state.call(prepare) { stack in
                try stack.push(params)
                stack.push(CorpusHandle(documents: documents), as: DocumentBinding.corpusType)
                return 2
            }
        }
    }

    /// Calls `check(params)`: nil passes, a string is a usage error.
    private func runCheck(params: LuaReference) throws {
        guard let check = spec.check else { return }
        let verdict = try environment.state.call(check, results: 1) { try $0.push(params); return 1 }[0]
        switch verdict {
        case .none: return
        case .string(let problem): throw PluginUsageError("plugin '\(spec.name)': \(problem)")
        case let other:
            throw PluginError(plugin: spec.name, message: "\(spec.path): check(params) must return nil or a message, not \(other.typeName)")
        }
    }

    /// Where `emit` puts rows during a map run.
    private final class EmitSink {
        var emitter: Emitter?
    }
    private let emitSink = EmitSink()

    /// The `emit` function handed to `map`, created once per plugin.
    private lazy var emitFunction: LuaReference = {
        let sink = emitSink
        let id = environment.state.register(function: "emit") { call in
            guard let emitter = sink.emitter else {
                _ = try RowReader.cells(of: try RowReader.rowTable(call, 1), call: call, argument: 1)
                throw LuaRuntimeError("emit: called outside map")
            }
            try emitter.emit(call)
            return 0
        }
        let stack = environment.state.stack
        stack.push(function: id)
        return stack.popReference()
    }()

    /// The parameters as a Lua table, owned by the returned reference.
    func pushParameters(_ parameters: [String: ParameterValue]) throws -> LuaReference {
        let stack = environment.state.stack
        try stack.newTable(records: parameters.count)
        for key in parameters.keys.sorted() {
            try stack.setField(key) {
                switch parameters[key]! {
                case .string(let text): stack.push(text)
                case .list(let items): try stack.push(items)
                case .integer(let value): stack.push(value)
                case .number(let value): stack.push(value)
                case .boolean(let value): stack.push(value)
                }
            }
        }
        return stack.popReference()
    }

    private func runMap(_ map: LuaReference, documents: [Document], params: LuaReference, given: [String: String]) throws -> ResultTable {
        let outcome = try mapAll(map, documents: documents, params: params, given: given)
        do {
            return try outcome.aggregator.finish(columns: outcome.columns, periods: outcome.periods, levels: outcome.levels)
        } catch {
            throw PluginError(plugin: spec.name, message: "\(spec.path): \(error.description)")
        }
    }

    /// What `map` over every document gave, and how to finish it.
    struct MapOutcome {
        let aggregator: Aggregator
        let columns: [String]
        let periods: [String: PeriodKind]
        let levels: [String: [Cell]]
    }

    func mapAll(_ map: LuaReference, documents: [Document], params: LuaReference, given: [String: String]) throws -> MapOutcome {
        let groupBy = try resolvedGroupBy(params: params)
        let periods = try declaredPeriods(params: params, groupBy: groupBy)
        let levels = try declaredLevels(params: params, groupBy: groupBy)
        let columns = try resolvedColumns(params: params, groupBy: groupBy)
        var aggregator: Aggregator
        if workerCount(for: documents.count) > 1 {
            aggregator = try mapInWorkers(map, documents: documents, params: params, groupBy: groupBy, given: given)
            progress?.update(done: documents.count)
        } else {
            aggregator = try mapRange(map, documents: documents, range: documents.indices, params: params, groupBy: groupBy)
        }
        return MapOutcome(aggregator: aggregator, columns: columns, periods: periods, levels: levels)
    }

    /// Runs `map` over `documents[range]` into a new aggregator. `control`,
    /// when given, is told of progress and failures and says when to stop.
    func mapRange(_ map: LuaReference, documents: [Document], range: Range<Int>, params: LuaReference,
                  groupBy: [String], control: WorkerControl? = nil) throws -> Aggregator {
        let state = environment.state
        let emitter = try Emitter(state: state, aggregator: Aggregator(groupBy: groupBy, operations: spec.aggregate))
        emitSink.emitter = emitter
        defer {
            emitSink.emitter = nil
            emitter.release()
        }
        let emitReference = emitFunction
        for index in range {
            if let control {
                guard control.shouldContinue(before: index) else { break }
            } else {
                progress?.update(done: index)
            }
            do {
                // A deferred document's text is read here, once per document,
                // and dropped when the next document comes.
                let document = try loaded(documents[index])
                try state.call(map) { stack in
                    stack.push(document, as: DocumentBinding.documentType)
                    try stack.push(emitReference)
                    try stack.push(params)
                    return 3
                }
            } catch let error as LuaScriptError {
                let failure = PluginError(plugin: spec.name, scriptError: error, documentID: documents[index].id)
                if control != nil { throw WorkerFailure(index: index, error: failure) }
                throw failure
            } catch where control != nil && !(error is WorkerFailure) {
                throw WorkerFailure(index: index, error: error)
            }
            control?.finished(index)
        }
        if control == nil { progress?.update(done: range.upperBound) }
        return emitter.aggregator
    }

    private func loaded(_ document: Document) throws -> Document {
        do {
            return try document.loaded()
        } catch let error as CorpusError {
            throw PluginError(plugin: spec.name, message: error.description, documentID: document.id)
        }
    }

    private func runFreeForm(_ run: LuaReference, documents: [Document], params: LuaReference) throws -> ResultTable {
        let state = environment.state
        let columns = try resolvedColumns(params: params)
        let output = OutputHandle(columns: columns)
        environment.outputFiles.accepting = true
        defer { environment.outputFiles.accepting = false }
        try state.call(run) { stack in
            stack.push(CorpusHandle(documents: documents, progress: progress), as: DocumentBinding.corpusType)
            try stack.push(params)
            stack.push(output, as: OutputHandle.type)
            return 3
        }
        return ResultTable(columns: columns, rows: output.rows)
    }

    /// The output columns for the given parameters.
    public func columns(for given: [String: String]) throws -> [String] {
        guard columnsDependOnParameters else { return spec.outputColumns }
        let parameters = try spec.resolveParameters(given)
        return try environment.limited {
            let params = try pushParameters(parameters)
            defer { params.release() }
            return try resolvedColumns(params: params, groupBy: spec.map == nil ? [] : try resolvedGroupBy(params: params))
        }
    }

    /// The key columns, calling `group_by(params)` when it is a function.
    func resolvedGroupBy(params: LuaReference) throws -> [String] {
        guard let function = spec.groupByFunction else { return spec.groupBy }
        let value = try environment.state.call(function, results: 1) { try $0.push(params); return 1 }[0]
        let names = value.table?.array.compactMap(\.string) ?? []
        guard !names.isEmpty, names.count == value.table?.array.count else {
            throw PluginError(plugin: spec.name, message: "\(spec.path): group_by(params) must return a non-empty list of strings")
        }
        if let overlap = names.first(where: { key in spec.aggregate.contains { $0.column == key } }) {
            throw PluginError(plugin: spec.name, message: "\(spec.path): '\(overlap)' is both a group_by key and an aggregate column")
        }
        return names
    }

    /// The declared columns, calling `columns(params)` when it is a function;
    /// by default the keys, then the aggregate columns.
    private func resolvedColumns(params: LuaReference, groupBy: [String] = []) throws -> [String] {
        guard let function = spec.columnsFunction else {
            return spec.columns ?? groupBy + spec.aggregate.map(\.column)
        }
        let value = try environment.state.call(function, results: 1) { try $0.push(params); return 1 }[0]
        let names = value.table?.array.compactMap(\.string) ?? []
        guard !names.isEmpty, names.count == value.table?.array.count else {
            throw PluginError(plugin: spec.name, message: "\(spec.path): columns(params) must return a non-empty list of strings")
        }
        return names
    }

    /// `periods = { month = "month" }`, or a function of params returning such a table.
    private func declaredPeriods(params: LuaReference, groupBy: [String]) throws -> [String: PeriodKind] {
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
            guard groupBy.contains(column) else {
                throw PluginError(plugin: spec.name, message: "\(spec.path): periods.\(column) names a column that is not in group_by")
            }
            result[column] = kind
        }
        return result
    }

    /// `levels(params)` returns `{ column = {value, …} }`.
    private func declaredLevels(params: LuaReference, groupBy: [String]) throws -> [String: [Cell]] {
        guard let levels = spec.levels else { return [:] }
        let value = try environment.state.call(levels, results: 1) { try $0.push(params); return 1 }[0]
        guard let table = value.table else {
            throw PluginError(plugin: spec.name, message: "\(spec.path): levels() must return a table like { term = {\"a\", \"b\"} }")
        }
        var result: [String: [Cell]] = [:]
        for column in table.sortedStringKeys {
            guard groupBy.contains(column), let list = table[column].table else {
                throw PluginError(plugin: spec.name, message: "\(spec.path): levels().\(column) must be a list, for a group_by column")
            }
            result[column] = try list.array.map { value in
                guard let cell = Cell(value), cell != .empty else {
                    throw PluginError(plugin: spec.name, message: "\(spec.path): levels().\(column) holds a \(value.typeName)")
                }
                guard let key = cell.groupKey else {
                    throw PluginError(plugin: spec.name, message: "\(spec.path): levels().\(column) holds NaN, which cannot name a group")
                }
                return key
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

/// The name, file, parameters and inputs of one plugin run.
public struct PluginRunRecord: Sendable {
    public let name: String
    public let path: String
    public let parameters: [String: String]
    public let filesRead: [String]
    public let mecabDictionary: MeCabDictionaryInUse?
    /// The files the plugin asked for with `kiji.output_file`, in order.
    public let outputFiles: [(name: String, text: String)]
}
