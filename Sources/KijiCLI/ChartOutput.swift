import Charts
import Foundation
import PluginHost

/// Writes a result as a chart or graph file, the format chosen by the file's
/// extension: .svg, .html (a report with table, parameters and manifest),
/// .gexf and .graphml (networks), .vl.json (Vega-Lite).
enum ChartOutput {
    static let extensions = [".svg", ".html", ".gexf", ".graphml", ".vl.json"]

    /// The file's text; errors name the problem and exit with code 2.
    static func render(to path: String, table: ChartTable, spec: ChartSpec, caption: ChartCaption,
                       parameters: [String: String], manifest: String?) throws -> String {
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
                let graph = try Graph(table: table, spec: full)
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

    static func table(_ result: ResultTable) -> ChartTable {
        ChartTable(columns: result.columns, rows: result.rows.map { $0.map(\.text) })
    }

    /// "seeds (41 documents)" or "a.jsonl, corpus/ (3,677 documents)".
    static func corpusDescription(arguments: [String], documents: Int) -> String {
        let names = arguments.isEmpty ? ["seeds"] : arguments.map { ($0 as NSString).lastPathComponent }
        return "\(names.joined(separator: ", ")) (\(ValueFormat.grouped(documents)) documents)"
    }
}

enum ValueFormat {
    static func grouped(_ value: Int) -> String {
        var digits = String(value.magnitude), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (value < 0 ? "-" : "") + digits + out
    }
}
