import Charts
import Foundation
import PluginHost
import Text

/// Writes a result as a chart or graph file, the format chosen by the file's
/// extension: .svg, .html (a report with table, parameters and manifest),
/// .gexf and .graphml (networks), .vl.json (Vega-Lite).
enum ChartOutput {
    static let extensions = [".svg", ".html", ".gexf", ".graphml", ".vl.json"]

    /// The file's text; errors name the problem and exit with code 2.
    static func render(to path: String, table: ChartTable, spec: ChartSpec, caption: ChartCaption,
                       parameters: [String: String], manifest: String?, nodes: [String: [String: String]] = [:]) throws -> String {
        let lower = path.lowercased()
        do {
            if lower.hasSuffix(".svg") {
                return try Chart.svg(table, spec: spec, caption: caption)
            } else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
                let svg = try Chart.svg(table, spec: spec, caption: caption)
                return HTMLReport.render(svg: svg, table: table, caption: caption, parameters: parameters, manifest: manifest)
            } else if lower.hasSuffix(".gexf") || lower.hasSuffix(".graphml") {
                guard spec.kind == .network else {
                    throw ChartError("\(path): GEXF and GraphML hold networks; this chart is a \(spec.kind.rawValue) chart (use --kind network)")
                }
                var full = spec
                full.limit = nil
                let graph = try Graph(table: table, spec: full).withAttributes(nodes)
                let description = ([caption.title] + caption.details).joined(separator: "; ")
                return lower.hasSuffix(".gexf") ? GraphExport.gexf(graph, description: description)
                    : GraphExport.graphML(graph, description: description)
            } else if lower.hasSuffix(".json") {
                return try VegaLite.spec(table, spec: spec, caption: caption)
            }
        } catch let error as ChartError {
            throw KijiFailure.usage("cannot draw '\(path)': \(error.description)")
        }
        throw KijiFailure.usage("cannot draw '\(path)': name a file ending in \(extensions.joined(separator: ", "))")
    }

    /// Node attributes from a node table (`co-mentions --param format=nodes`):
    /// keyed by the `Id` column, every other column but `Label` an attribute.
    static func nodeAttributes(_ table: ChartTable, path: String) throws -> [String: [String: String]] {
        guard let id = table.columns.firstIndex(where: { $0.lowercased() == "id" }) else {
            throw KijiFailure.usage("\(path) needs an Id column naming the nodes (kiji run co-mentions --param format=nodes writes one)")
        }
        var result: [String: [String: String]] = [:]
        for row in table.rows {
            var attributes: [String: String] = [:]
            for (index, column) in table.columns.enumerated() where index != id && column != "Label" && row.indices.contains(index) {
                attributes[column] = row[index]
            }
            result[row[id]] = attributes
        }
        return result
    }

    static func table(_ result: ResultTable) -> ChartTable {
        ChartTable(columns: result.columns, rows: result.rows.map { $0.map(\.text) })
    }

    /// "seeds (41 documents)" or "a.jsonl, corpus/ (3,677 documents)".
    static func corpusDescription(arguments: [String], documents: Int) -> String {
        let names = arguments.isEmpty ? ["seeds"] : arguments.map { ($0 as NSString).lastPathComponent }
        return "\(names.joined(separator: ", ")) (\(NumberText.grouped(documents)) documents)"
    }
}

/// The `chart:` line of `kiji describe`.
enum ChartDescription {
    static func text(_ runner: PluginRunner) throws -> String {
        do {
            guard let spec = try runner.chartSpec(for: [:]) else { return "(none; draw one with --chart FILE --kind … --x …)" }
            return spec.summary + (runner.columnsDependOnParameters ? " (for the default parameters)" : "")
        } catch let error as PluginError {
            throw KijiFailure.runtime(error.description)
        } catch let error as PluginUsageError {
            throw KijiFailure.usage(error.description)
        }
    }
}
