import ArgumentParser
import Charts
import CSV
import Foundation
import PluginHost

/// `kiji chart RESULT.csv -o FILE`: draws a saved result, with the chart its
/// plugin declares (found through RESULT.csv.manifest.json) or the overrides.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw a saved CSV result as SVG, an HTML report, GEXF/GraphML or Vega-Lite.",
        discussion: """
        The manifest beside the result (RESULT.csv.manifest.json, written by 'kiji run -o') names the plugin and its parameters; the plugin's default chart is drawn unless --kind, --x, --y, --series, --facet, --title or --limit say otherwise. Without a manifest, give at least --kind and --x.

        Examples:
          kiji chart mentions.csv -o mentions.svg
          kiji chart mentions.csv -o report.html
          kiji chart pairs.csv -o network.gexf --nodes nodes.csv
          kiji chart table.csv --kind bar --x word --y keyness -o keyness.svg
        """)

    @Argument(help: ArgumentHelp("A CSV result, written by 'kiji run -o' or any CSV with a header row.", valueName: "RESULT"))
    var result: String

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(
        "The file to write: .svg, .html, .gexf, .graphml or .vl.json.", valueName: "FILE"))
    var output: String

    @Option(name: .customLong("nodes"), help: ArgumentHelp(
        "A node table (Id, then attributes such as type and mentions) for .gexf and .graphml.", valueName: "NODES.csv"))
    var nodes: String?

    @OptionGroup var overrides: ChartOverrides

    @OptionGroup var pluginOptions: PluginOptions

    func run() throws {
        let table = try Self.readCSV(result)
        let manifestPath = Manifest.path(for: result)
        let manifest = FileManager.default.fileExists(atPath: manifestPath) ? try Manifest.read(manifestPath) : nil
        var base: ChartSpec?
        var caption = ChartCaption(title: (result as NSString).lastPathComponent)
        if let manifest {
            if manifest.output.format != "csv" {
                throw KijiFailure.usage("\(result): the manifest says it is \(manifest.output.format); kiji chart reads CSV (run again with --format csv)")
            }
            caption = ChartCaption(plugin: manifest.kind == "query" ? "query" : manifest.plugin, parameters: manifest.parameters,
                                   corpus: ChartOutput.corpusDescription(arguments: manifest.corpusArguments, documents: manifest.documents))
            if manifest.kind != "query" { base = try pluginChart(manifest) }
        }
        let context = manifest == nil ? "\(result) has no manifest beside it (\(manifestPath), written by 'kiji run -o')"
            : "plugin '\(manifest?.plugin ?? "")' declares no chart"
        let spec = try overrides.applied(to: base, context: context)
        let text = try ChartOutput.render(to: output, table: table, spec: spec, caption: caption,
                                          parameters: manifest?.parameters ?? [:], manifest: try manifest?.reportText(),
                                          nodes: try nodes.map { try ChartOutput.nodeAttributes(Self.readCSV($0), path: $0) } ?? [:])
        try OutputDestination(path: output).write(text)
        Console.note("kiji: chart: \(table.rows.count) rows from \(result) -> \(output)")
    }

    /// The chart the manifest's plugin declares for the recorded parameters.
    private func pluginChart(_ manifest: Manifest) throws -> ChartSpec? {
        let locator = pluginOptions.locator
        let path = FileManager.default.fileExists(atPath: manifest.pluginFile.path) ? manifest.pluginFile.path
            : try locatePlugin(manifest.plugin, locator: locator)
        do {
            let runner = try PluginRunner(path: path, moduleDirectories: manifest.pluginFolders + locator.directories)
            return try runner.chartSpec(for: manifest.parameters)
        } catch let error as PluginUsageError {
            throw KijiFailure.usage(error.description)
        } catch let error as PluginError {
            throw KijiFailure.runtime(error.description)
        }
    }

    private func locatePlugin(_ name: String, locator: PluginLocator) throws -> String {
        do { return try locator.resolve(name) } catch let error as PluginUsageError {
            throw KijiFailure.usage("the plugin the manifest names is gone: \(error.description)")
        }
    }

    /// A CSV file as text cells (a byte-order mark is dropped).
    static func readCSV(_ path: String) throws -> ChartTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KijiFailure.usage("cannot read '\(path)' (does it exist?)")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw KijiFailure.usage("\(path) is not UTF-8; kiji chart reads the UTF-8 CSV that kiji writes")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            let columns = reader.headerRow ?? []
            guard !columns.isEmpty else { throw KijiFailure.usage("\(path) is empty; it needs a header row") }
            var rows: [[String]] = []
            while let row = reader.next() {
                guard row.count == columns.count else {
                    throw KijiFailure.usage("\(path): row \(rows.count + 2) has \(row.count) cells, the header \(columns.count)")
                }
                rows.append(row)
            }
            return ChartTable(columns: columns, rows: rows)
        } catch let error as CSVError {
            throw KijiFailure.usage("\(path) is not valid CSV: \(error)")
        }
    }
}
