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

    /// A chart rendered in memory, written after the table.
    struct Pending {
        let path: String
        let text: String
        func write() throws { try OutputDestination(path: path).write(text) }
    }

    /// Renders the chart of a finished run (before anything is written, so a
    /// chart error leaves no half-done output).
    func render(_ outcome: PluginInvocation.Outcome, invocation: PluginInvocation, manifest: Manifest) throws -> Pending? {
        guard let path = chart else { return nil }
        let given = try invocation.parsedParameters()
        let base: ChartSpec?
        do {
            base = try outcome.runner.chartSpec(for: given)
        } catch let error as PluginUsageError {
            throw KijiFailure.usage(error.description)
        } catch let error as PluginError {
            throw KijiFailure.runtime(error.description)
        }
        let spec = try overrides.applied(to: base, context: "plugin '\(outcome.runner.name)' declares no chart")
        let caption = ChartCaption(plugin: outcome.runner.name, parameters: outcome.runner.lastParameters,
                                   corpus: ChartOutput.corpusDescription(arguments: invocation.corpus, documents: outcome.corpus.documents.count))
        let text = try ChartOutput.render(to: path, table: ChartOutput.table(outcome.table), spec: spec, caption: caption,
                                          parameters: outcome.runner.lastParameters, manifest: try manifest.reportText())
        return Pending(path: path, text: text)
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
