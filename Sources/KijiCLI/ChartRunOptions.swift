import ArgumentParser
import Charts
import Foundation
import PluginHost

/// `kiji run … --chart FILE`: draws the run's result with the plugin's
/// default chart (or the overrides) beside the table.
struct ChartRunOptions: ParsableArguments {
    @Option(name: .customLong("chart"), help: ArgumentHelp(
        "Also draw the result to FILE: .svg, .html (report with table and manifest), .gexf, .graphml or .vl.json (Vega-Lite).",
        valueName: "FILE"))
    var chart: String?

    @OptionGroup var overrides: ChartOverrides

    func validate() throws {
        if chart == nil && !overrides.isEmpty {
            throw ValidationError("--kind, --x, --y, --series, --facet, --title and --limit shape a chart; add --chart FILE")
        }
    }

    /// `--chart FILE` and the overrides as arguments, for the manifest (nil without --chart).
    var arguments: [String]? {
        guard let chart else { return nil }
        var arguments = ["--chart", Manifest.absolute(chart)]
        let options: [(String, String?)] = [("--kind", overrides.kind), ("--x", overrides.x), ("--y", overrides.y),
                                            ("--series", overrides.series), ("--facet", overrides.facet),
                                            ("--title", overrides.title), ("--limit", overrides.limit.map(String.init))]
        for case let (flag, value?) in options { arguments += [flag, value] }
        return arguments
    }

    /// The plugin's own chart for these parameters, when --chart is given
    /// (read while the plugin's Lua state is open).
    func baseSpec(of runner: PluginRunner, parameters given: [String: String]) throws -> ChartSpec? {
        guard chart != nil else { return nil }
        do {
            return try runner.chartSpec(for: given)
        } catch let error as PluginUsageError {
            throw KijiFailure.usage(error.description)
        } catch let error as PluginError {
            throw KijiFailure.runtime(error.description)
        }
    }

    /// Renders the chart of a finished run in memory (before anything is
    /// written, so a chart error leaves no half-done output): the file to
    /// write beside the table, or nil without --chart.
    func render(_ outcome: PluginInvocation.Outcome, base: ChartSpec?, invocation: PluginInvocation,
                manifest: Manifest) throws -> (path: String, contents: Data)? {
        guard let path = chart else { return nil }
        let spec = try overrides.applied(to: base, context: "plugin '\(outcome.run.name)' declares no chart")
        let caption = ChartCaption(plugin: outcome.run.name, parameters: outcome.run.parameters,
                                   corpus: ChartOutput.corpusDescription(arguments: invocation.corpus, documents: outcome.corpus.documents.count))
        let text = try ChartOutput.render(to: path, table: ChartOutput.table(outcome.table), spec: spec, caption: caption,
                                          parameters: outcome.run.parameters, manifest: try manifest.reportText())
        return (path, Data(text.utf8))
    }
}

extension Manifest {
    /// The manifest as a report shows it: without its creation time, so the
    /// same run gives the same report bytes.
    func reportText() throws -> String {
        var copy = self
        copy.created = ""
        return String(decoding: try copy.encoded(), as: UTF8.self)
    }
}
