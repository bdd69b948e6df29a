import ArgumentParser
import Foundation
import PluginHost

/// Where and how a command writes its table (`run`, `query`).
struct OutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(
        "Write to FILE instead of standard output (atomically: a temporary file renamed into place), with FILE.manifest.json beside it.",
        valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("format"), help: ArgumentHelp("csv (default), tsv, jsonl or table (aligned, for reading in a terminal).",
                                                             valueName: "FORMAT"))
    var format: OutputFormat = .csv

    @Flag(name: .customLong("bom"), help: "Start with a UTF-8 byte-order mark (for Excel on Japanese Windows).")
    var byteOrderMark = false

    @Flag(name: .customLong("excel"), help: "CSV for Excel: a byte-order mark, CRLF line ends, and text cells starting with = + - @ prefixed with ' so they are not run as formulas.")
    var excel = false

    func validate() throws {
        if excel && format != .csv { throw ValidationError("--excel writes CSV; leave out --format \(format.rawValue)") }
    }

    var writer: TableWriter {
        if excel { return .excel }
        return TableWriter(format: format, byteOrderMark: byteOrderMark)
    }

    /// Writes the rendered table to standard output, or atomically to the
    /// file together with the manifest `manifest` makes from the text.
    func write(_ table: ResultTable, manifest: ((String) throws -> Manifest)? = nil) throws {
        try OutputDestination(path: output).write(writer.render(table), manifest: manifest)
    }
}

extension OutputFormat: ExpressibleByArgument {}
