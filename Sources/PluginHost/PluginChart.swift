import Charts
import LuaBridge

/// The default chart a plugin declares in its `chart` field:
///
///     chart = { kind = "line", x = "month", y = "mentions", series = "term" }
///     chart = function(params) return { kind = "bar", x = params.by, y = "articles" } end
///
/// A function lets the chart follow parameters that rename columns.
extension PluginRunner {
    /// Whether the plugin declares a chart at all.
    public var declaresChart: Bool { !spec.chart.isNil }

    /// The plugin's chart for the user's parameters (defaults filled in), or
    /// nil when it declares none. A malformed `chart` is a plugin error.
    public func chartSpec(for given: [String: String]) throws -> ChartSpec? {
        var value = spec.chart
        if value.isNil { return nil }
        if let function = value.function {
            let parameters = try spec.resolveParameters(given)
            let params = try pushParameters(parameters)
            defer { params.release() }
            do {
                value = try environment.state.call(function, results: 1) { try $0.push(params); return 1 }[0]
            } catch let error as LuaScriptError {
                throw PluginError(plugin: spec.name, scriptError: error)
            }
            if value.isNil { return nil }
        }
        guard let table = value.table else {
            throw chartError("'chart' must be a table like { kind = \"line\", x = \"month\", y = \"mentions\" }, not \(value.typeName)")
        }
        var fields: [String: String] = [:]
        for key in table.sortedStringKeys {
            switch table[key] {
            case .string(let text): fields[key] = text
            case .integer(let number): fields[key] = String(number)
            case let other: throw chartError("chart.\(key) must be a string, not \(other.typeName)")
            }
        }
        if table.entries.count != fields.count {
            throw chartError("'chart' must have only named fields (\(ChartSpec.fieldNames.joined(separator: ", ")))")
        }
        do {
            return try ChartSpec(fields: fields)
        } catch let error as ChartError {
            throw chartError(error.description)
        }
    }

    private func chartError(_ message: String) -> PluginError {
        PluginError(plugin: spec.name, message: "\(spec.path): \(message)", location: spec.path)
    }
}
