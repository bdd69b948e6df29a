import Charts
import Testing
@testable import PluginHost

/// The `chart` field of the plugin table.
@Suite struct PluginChartTests {
    func runner(chart: String) throws -> PluginRunner {
        try plugin("""
            return { name = "charted", columns = {"month", "n"},
              params = { by = { default = "month" } },
              chart = \(chart),
              run = function(corpus, params, out) end }
            """)
    }

    @Test func tableAndFunctionFormsFollowTheParameters() throws {
        #expect(try runner(chart: #"{ kind = "bar", x = "month", y = "n", limit = 5 }"#).chartSpec(for: [:])
                == ChartSpec(kind: .bar, x: "month", y: "n", limit: 5))
        let function = try runner(chart: #"function(params) return { kind = "line", x = params.by, y = "n" } end"#)
        #expect(try function.chartSpec(for: ["by": "quarter"]) == ChartSpec(kind: .line, x: "quarter", y: "n"))
        #expect(try runner(chart: "function(params) return nil end").chartSpec(for: [:]) == nil)
        #expect(try plugin(#"return { name = "plain", columns = {"a"}, run = function() end }"#).chartSpec(for: [:]) == nil)
    }

    @Test func malformedChartsNameTheProblem() throws {
        func message(_ chart: String) throws -> String {
            let loaded = try runner(chart: chart)
            do {
                _ = try loaded.chartSpec(for: [:])
                return "no error"
            } catch let error as PluginError {
                return error.message.components(separatedBy: ".lua: ").last ?? error.message
            }
        }
        #expect(try message(#"{ kind = "pie", x = "month" }"#) == "chart kind must be one of line, bar, area, network, not 'pie'")
        #expect(try message(#"{ kind = "bar", colour = "red" }"#) == "chart field 'colour' is unknown (known: kind, x, y, series, facet, source, target, weight, title, limit)")
        #expect(try message(#"{ kind = "bar", x = { "month" } }"#) == "chart.x must be a string, not table")
        #expect(try message(#""line""#) == #"'chart' must be a table like { kind = "line", x = "month", y = "mentions" }, not string"#)
        #expect(try message(#"{ kind = "bar", limit = 0 }"#) == "chart limit must be a whole number above 0, not '0'")
    }
}
