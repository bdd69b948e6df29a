import Corpus
import Foundation
import LuaBridge

extension PluginRunner {
    /// Whether the plugin has a partial result (`kiji run --partial`): map-form plugins do.
    public var hasPartialResult: Bool { spec.map != nil }

    /// Why `--partial` cannot run this plugin, for a usage error.
    public var partialRefusal: String {
        "plugin '\(spec.name)' is run-form (run(corpus, params, out)): kiji cannot merge its output, so it has no partial result. "
            + "Run it on the whole corpus; only map-form plugins (map and aggregate) run with --partial (see docs/scale-out.md)"
    }

    /// Runs a map-form plugin over `documents` as ``run(on:parameters:)``
    /// does, and returns the state before it is finished, to be merged with
    /// the states of other parts of the corpus.
    /// - Parameter argument: the plugin as the user named it, recorded for `kiji merge`.
    public func runPartial(on documents: [Document], parameters given: [String: String], argument: String,
                           kijiVersion: String) throws -> PartialResult {
        guard let map = spec.map else { throw PluginUsageError(partialRefusal) }
        let outcome = try running(on: documents, parameters: given) { params in
            try mapAll(map, documents: documents, params: params, given: given)
        }
        let header = PartialHeader(
            kijiVersion: kijiVersion,
            plugin: .init(name: spec.name, argument: argument, sha256: FileDigest.sha256(path: spec.path) ?? "unreadable"),
            files: fileDigests(),
            parameters: lastParameters,
            mecab: mecabDictionaryInUse?.description,
            groupBy: outcome.aggregator.groupBy,
            aggregate: spec.aggregate.map { [$0.column, $0.operation.rawValue] },
            columns: outcome.columns,
            periods: outcome.periods.mapValues(\.rawValue),
            levels: outcome.levels.mapValues(PartialCell.list),
            corpus: .init(documents: documents))
        return PartialResult(header: header, aggregator: outcome.aggregator)
    }

    /// The modules and data files read, by a name that is the same wherever
    /// the plugin's folder is unpacked: the path relative to that folder.
    private func fileDigests() -> [String: String] {
        let folder = URL(fileURLWithPath: spec.path).deletingLastPathComponent().standardizedFileURL.path + "/"
        var digests: [String: String] = [:]
        for path in filesRead where path != spec.path {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let name = absolute.hasPrefix(folder) ? String(absolute.dropFirst(folder.count)) : absolute
            digests[name] = FileDigest.sha256(path: path) ?? "unreadable"
        }
        return digests
    }

    /// Orders the union of the levels parts found for `column`, with the
    /// plugin's `order_levels(column, values, params)`.
    public func orderLevels(column: String, values: [Cell], parameters given: [String: String]) throws -> [Cell] {
        guard let function = spec.orderLevels else {
            throw PluginUsageError("the parts found different levels of '\(column)', and plugin '\(spec.name)' declares no "
                                   + "order_levels(column, values, params) to order them (see docs/lua-api.md)")
        }
        let parameters = try spec.resolveParameters(given)
        do {
            return try environment.limited {
                let params = try pushParameters(parameters)
                defer { params.release() }
                let result = try environment.state.call(function, results: 1) { stack in
                    stack.push(column)
                    try stack.newTable(array: values.count)
                    for (index, value) in values.enumerated() {
                        try stack.setIndex(index + 1) { RowReader.push(value, on: stack) }
                    }
                    try stack.push(params)
                    return 3
                }[0]
                guard let list = result.table, list.array.count == list.entries.count else {
                    throw PluginError(plugin: spec.name, message: "\(spec.path): order_levels must return a list of values")
                }
                return try list.array.map { value in
                    guard let cell = Cell(value)?.groupKey, cell != .empty else {
                        throw PluginError(plugin: spec.name, message: "\(spec.path): order_levels returned a \(value.typeName)")
                    }
                    return cell
                }
            }
        } catch let error as LuaScriptError {
            throw PluginError(plugin: spec.name, scriptError: error)
        }
    }
}
