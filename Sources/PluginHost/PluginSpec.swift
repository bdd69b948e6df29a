import Corpus
import Foundation
import LuaBridge
import Text

/// A declared parameter of a plugin.
public struct PluginParameter: Sendable {
    public let name: String
    public let defaultValue: String?
    public let help: String
    /// Allowed values, when the plugin restricts them.
    public let choices: [String]?
    public let type: ParameterType
    /// The run needs a value (`required = true`): given, or a default.
    public let required: Bool
    /// Bounds for integer and number parameters (`min =`, `max =`).
    public let minimum: Double?
    public let maximum: Double?
    /// The value names a file that must exist and be readable (`file = true`);
    /// an empty value means "none".
    public let isFile: Bool

    /// The constraints in words, for `kiji describe` ("required, 0..100, file").
    public var constraints: String {
        var parts: [String] = []
        if required { parts.append("required") }
        switch (minimum, maximum) {
        case let (low?, high?): parts.append("\(Cell.number(low).text)..\(Cell.number(high).text)")
        case let (low?, nil): parts.append(">= \(Cell.number(low).text)")
        case let (nil, high?): parts.append("<= \(Cell.number(high).text)")
        case (nil, nil): break
        }
        if isFile { parts.append("file") }
        return parts.joined(separator: ", ")
    }
}

/// How a parameter's text is checked and what Lua receives.
public enum ParameterType: String, Sendable, CaseIterable {
    /// The text as given.
    case string
    /// Comma-separated items, trimmed; none may be empty or repeat (after
    /// NFKC normalisation). Lua receives an array of the trimmed items.
    case list
    /// A whole number; Lua receives an integer.
    case integer
    /// A number; Lua receives a number.
    case number
    /// true or false; Lua receives a boolean.
    case boolean
}

/// A checked parameter value.
public enum ParameterValue: Sendable, Equatable {
    case string(String)
    case list([String])
    case integer(Int)
    case number(Double)
    case boolean(Bool)

    /// The value as a user would write it after --param key=.
    public var text: String {
        switch self {
        case .string(let s): s
        case .list(let items): items.joined(separator: ",")
        case .integer(let i): String(i)
        case .number(let d): String(d)
        case .boolean(let b): b ? "true" : "false"
        }
    }
}

/// How a map-form plugin's emitted rows are aggregated.
public enum AggregateOperation: String, Sendable, CaseIterable {
    case sum, count, min, max, mean
    /// How many different values (exact: every value is kept).
    case distinct
    /// How many different values, estimated by a HyperLogLog sketch.
    case distinctApprox = "distinct_approx"

    /// The names a plugin may give, for messages.
    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A loaded plugin: its table, checked against the plugin contract.
final class PluginSpec {
    let path: String
    let name: String
    let description: String
    let parameters: [PluginParameter]
    /// Output columns in order, when the plugin declares them as a list.
    let columns: [String]?
    /// `columns(params)`, when the plugin declares them as a function.
    let columnsFunction: LuaReference?
    let groupBy: [String]
    /// `group_by(params)`, when the keys depend on the parameters.
    let groupByFunction: LuaReference?
    let aggregate: [(column: String, operation: AggregateOperation)]
    let periods: LuaValue
    let levels: LuaReference?
    /// `order_levels(column, values, params)`: orders the union of the levels
    /// that parts of a corpus found, when a merge of partial results needs it.
    let orderLevels: LuaReference?
    let prepare: LuaReference?
    let map: LuaReference?
    let run: LuaReference?
    /// The `tests` field: self-tests (see PluginTests.swift).
    let tests: [LuaValue]
    /// `check(params)`: returns nil, or a message for a usage error (exit 2).
    let check: LuaReference?
    /// The `chart` field: a table or a function of params (see PluginChart.swift).
    let chart: LuaValue

    init(table: LuaTable, path: String, fallbackName: String) throws {
        self.path = path
        func fail(_ problem: String) -> PluginError {
            PluginError(plugin: fallbackName, message: "\(path): \(problem)", location: path)
        }
        func optionalString(_ key: String) throws -> String? {
            switch table[key] {
            case .none: return nil
            case .string(let s): return s
            case let other: throw fail("field '\(key)' must be a string, not \(other.typeName)")
            }
        }
        func stringList(_ key: String) throws -> [String]? {
            switch table[key] {
            case .none: return nil
            case .table(let t):
                return try t.array.map {
                    guard let s = $0.string else { throw fail("field '\(key)' must be a list of strings") }
                    return s
                }
            case let other: throw fail("field '\(key)' must be a list of strings, not \(other.typeName)")
            }
        }
        func function(_ key: String) throws -> LuaReference? {
            switch table[key] {
            case .none: return nil
            case .function(let f): return f
            case let other: throw fail("field '\(key)' must be a function, not \(other.typeName)")
            }
        }

        guard let name = try optionalString("name"), !name.isEmpty else { throw fail("the plugin table needs a 'name' string") }
        self.name = name
        self.description = try optionalString("description") ?? ""
        if case .function(let function) = table["columns"] {
            self.columns = nil
            self.columnsFunction = function
        } else {
            self.columns = try stringList("columns")
            self.columnsFunction = nil
        }
        if case .function(let function) = table["group_by"] {
            self.groupBy = []
            self.groupByFunction = function
        } else {
            self.groupBy = try stringList("group_by") ?? []
            self.groupByFunction = nil
        }
        self.prepare = try function("prepare")
        self.map = try function("map")
        self.run = try function("run")
        self.levels = try function("levels")
        self.orderLevels = try function("order_levels")
        self.check = try function("check")
        self.periods = table["periods"]
        self.chart = table["chart"]
        switch table["tests"] {
        case .none: self.tests = []
        case .table(let list): self.tests = list.array
        case let other: throw fail("field 'tests' must be a list of tests, not \(other.typeName)")
        }

        var parameters: [PluginParameter] = []
        if case .table(let declared) = table["params"] {
            for key in declared.sortedStringKeys {
                guard case .table(let spec) = declared[key] else { throw fail("params.\(key) must be a table {default=, help=}") }
                let defaultValue: String?
                switch spec["default"] {
                case .none: defaultValue = nil
                case .string(let s): defaultValue = s
                case .integer(let i): defaultValue = String(i)
                case .number(let d): defaultValue = String(d)
                case .boolean(let b): defaultValue = b ? "true" : "false"
                case let other: throw fail("params.\(key).default must be a string, not \(other.typeName)")
                }
                let choices: [String]? = try spec["choices"].table.map { list in
                    try list.array.map { guard let s = $0.string else { throw fail("params.\(key).choices must be strings") }; return s }
                }
                let typeName = spec["type"].string ?? "string"
                guard let type = ParameterType(rawValue: typeName) else {
                    throw fail("params.\(key).type must be one of \(ParameterType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                func flag(_ field: String) throws -> Bool {
                    switch spec[field] {
                    case .none: return false
                    case .boolean(let b): return b
                    case let other: throw fail("params.\(key).\(field) must be true or false, not \(other.typeName)")
                    }
                }
                func bound(_ field: String) throws -> Double? {
                    switch spec[field] {
                    case .none: return nil
                    case .integer(let i) where type == .integer || type == .number: return Double(i)
                    case .number(let d) where (type == .integer || type == .number) && d.isFinite: return d
                    default: throw fail("params.\(key).\(field) must be a finite number, for an integer or number parameter")
                    }
                }
                let (minimum, maximum) = (try bound("min"), try bound("max"))
                if let minimum, let maximum, minimum > maximum { throw fail("params.\(key).min is above its max") }
                parameters.append(PluginParameter(name: key, defaultValue: defaultValue, help: spec["help"].string ?? "",
                                                  choices: choices, type: type, required: try flag("required"),
                                                  minimum: minimum, maximum: maximum, isFile: try flag("file")))
            }
        } else if !table["params"].isNil {
            throw fail("field 'params' must be a table")
        }
        self.parameters = parameters

        var aggregate: [(String, AggregateOperation)] = []
        if case .table(let declared) = table["aggregate"] {
            for key in declared.sortedStringKeys {
                guard let op = declared[key].string.flatMap(AggregateOperation.init(rawValue:)) else {
                    throw fail("aggregate.\(key) must be one of \(AggregateOperation.names)")
                }
                aggregate.append((key, op))
            }
        }
        self.aggregate = aggregate

        switch (map, run) {
        case (nil, nil): throw fail("the plugin table needs a 'map' or a 'run' function")
        case (.some, .some): throw fail("the plugin table has both 'map' and 'run'; keep one")
        case (.some, nil):
            if groupBy.isEmpty && groupByFunction == nil { throw fail("a map plugin needs 'group_by', the list of key columns") }
            if let overlap = groupBy.first(where: { key in aggregate.contains { $0.0 == key } }) {
                throw fail("'\(overlap)' is both a group_by key and an aggregate column")
            }
            if let columns, let unknown = columns.first(where: { c in !groupBy.contains(c) && !aggregate.contains { $0.0 == c } }) {
                throw fail("column '\(unknown)' is neither a group_by key nor an aggregate column")
            }
        case (nil, .some):
            if columns == nil && columnsFunction == nil {
                throw fail("a run plugin needs 'columns', the list of output columns in order")
            }
        }
    }

    /// Output columns: as declared, or group_by keys then aggregates. Empty
    /// when they depend on the parameters (`columns` is a function).
    var outputColumns: [String] {
        columns ?? (columnsFunction == nil && groupByFunction == nil ? groupBy + aggregate.map(\.column) : [])
    }

    /// Checks user values against the declared parameters and fills defaults.
    func resolveParameters(_ given: [String: String]) throws -> [String: ParameterValue] {
        for key in given.keys.sorted() where !parameters.contains(where: { $0.name == key }) {
            let known = parameters.map(\.name).joined(separator: ", ")
            throw PluginUsageError("plugin '\(name)' has no parameter '\(key)'" + (known.isEmpty ? " (it takes none)" : " (known: \(known))"))
        }
        var resolved: [String: ParameterValue] = [:]
        for parameter in parameters {
            guard let text = given[parameter.name] ?? parameter.defaultValue else {
                if parameter.required {
                    throw PluginUsageError("plugin '\(name)' needs --param \(parameter.name)=… (\(parameter.help.isEmpty ? "required" : parameter.help))")
                }
                continue
            }
            resolved[parameter.name] = try parameter.check(text, plugin: name)
        }
        return resolved
    }
}

extension PluginParameter {
    func check(_ text: String, plugin: String) throws -> ParameterValue {
        func fail(_ problem: String) -> PluginUsageError {
            PluginUsageError("parameter '\(name)' of plugin '\(plugin)' \(problem)")
        }
        if let choices, !choices.contains(text) {
            throw fail("must be one of \(choices.joined(separator: ", ")), not '\(text)'")
        }
        if required && UnicodeText.trimmed(text).isEmpty { throw fail("must not be empty") }
        func checkBounds(_ value: Double) throws {
            if let minimum, value < minimum { throw fail("must be at least \(Cell.number(minimum).text), not '\(text)'") }
            if let maximum, value > maximum { throw fail("must be at most \(Cell.number(maximum).text), not '\(text)'") }
        }
        if isFile && !text.isEmpty {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: text, isDirectory: &isFolder) else {
                throw fail("names no file: '\(text)' (relative paths start at \(FileManager.default.currentDirectoryPath))")
            }
            guard !isFolder.boolValue, FileManager.default.isReadableFile(atPath: text) else {
                throw fail("must name a readable file, not '\(text)'")
            }
        }
        switch type {
        case .string: return .string(text)
        case .integer:
            guard let value = Int(UnicodeText.trimmed(text)) else { throw fail("must be a whole number, not '\(text)'") }
            try checkBounds(Double(value))
            return .integer(value)
        case .number:
            guard let value = Double(UnicodeText.trimmed(text)), value.isFinite else { throw fail("must be a number, not '\(text)'") }
            try checkBounds(value)
            return .number(value)
        case .boolean:
            switch UnicodeText.trimmed(text).lowercased() {
            case "true", "yes", "1": return .boolean(true)
            case "false", "no", "0": return .boolean(false)
            default: throw fail("must be true or false, not '\(text)'")
            }
        case .list:
            guard !UnicodeText.trimmed(text).isEmpty else { throw fail("is empty; give comma-separated items") }
            var items: [String] = []
            var seen: [String: String] = [:]
            for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
                let item = UnicodeText.trimmed(String(piece))
                guard !item.isEmpty else { throw fail("has an empty item in '\(text)'; separate items with single commas") }
                let normalized = TextNormalizer.nfkc(item)
                if let earlier = seen[normalized] {
                    throw fail("lists '\(earlier)' and '\(item)', which are the same after normalisation")
                }
                seen[normalized] = item
                items.append(item)
            }
            return .list(items)
        }
    }
}
