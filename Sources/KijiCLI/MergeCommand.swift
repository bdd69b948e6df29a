import ArgumentParser
import Foundation
import PluginHost

/// `kiji merge`: combines partial results of parts of a corpus into the
/// table one run over the whole corpus writes (or into one partial result).
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge partial results ('kiji run --partial') into the table one run over the whole corpus writes.",
        usage: "kiji merge <PART> ... [-o <FILE>] [--format <FORMAT>] [--partial] [<options>]",
        discussion: """
        Each PART is a file that 'kiji run PLUGIN … --partial' wrote for one part of a corpus (- reads one from standard input). The parts must come from the same plugin file, parameters and kiji version; the first difference is named and kiji exits 2. Parts merge in any order and any grouping, and the table is byte for byte the one 'kiji run' writes on the whole corpus: the period grid, level order and zero rows come from all parts together.

        With --partial, the merge is written as one partial result, to be merged again (a tree of merges).

        Examples:
          kiji run mentions-by-month 2011.jsonl --partial -o 2011.part
          kiji run mentions-by-month 2012.jsonl --partial -o 2012.part
          kiji merge 2011.part 2012.part -o mentions.csv
        """)

    @Argument(help: ArgumentHelp("Partial results from 'kiji run --partial', or - for standard input.", valueName: "PART"))
    var parts: [String]

    @Flag(name: .customLong("partial"), help: "Write the merge as a partial result, to be merged again, instead of the table.")
    var partial = false

    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .customLong("plugins"), help: ArgumentHelp(
        "Also look for the plugin in DIR, when the merge needs its order_levels (parts found different levels). Repeatable.",
        valueName: "DIR"))
    var pluginDirectories: [String] = []

    func validate() throws {
        guard !parts.isEmpty else { throw ValidationError("name at least one partial result to merge") }
        guard parts.filter({ $0 == "-" }).count <= 1 else { throw ValidationError("- (standard input) can be given once") }
        if partial, let flag = [("--format", outputOptions.format != .csv), ("--bom", outputOptions.byteOrderMark),
                                ("--excel", outputOptions.excel)].first(where: { $0.1 })?.0 {
            throw ValidationError("--partial writes a partial result, not a table; leave out \(flag)")
        }
    }

    func run() throws {
        let started = Date()
        var read: [(name: String, result: PartialResult, sha256: String)] = []
        for part in parts {
            let data = try contents(of: part)
            do {
                read.append((part, try PartialResult(parsing: data, name: part), Manifest.sha256(of: data)))
            } catch let error as PartialError {
                throw KijiFailure.usage(error.description)
            }
        }
        let levelOrder = LevelOrder(header: read[0].result.header, directories: pluginDirectories)
        let merged: PartialResult
        do {
            merged = try PartialMerge.merge(read.map { ($0.name, $0.result) }, orderLevels: levelOrder.order)
        } catch let error as PartialError {
            throw KijiFailure.usage(error.description)
        }
        let header = merged.header
        let text: String
        let result: String
        if partial {
            text = merged.rendered()
            result = "partial result of \(header.groups) groups"
        } else {
            do {
                let table = try merged.finished()
                text = outputOptions.writer.render(table)
                result = "\(table.rows.count) rows"
            } catch let error as PartialError {
                throw KijiFailure.runtime(error.description)
            }
        }
        let manifest = partial ? nil : { (text: String) in
            Manifest.merge(header: header, parts: read.map { ($0.name, $0.sha256, $0.result.header.corpus.documents) },
                           pluginPath: levelOrder.resolvedPath, pluginDirectories: pluginDirectories, output: outputOptions, text: text)
        }
        try OutputDestination(path: outputOptions.output).write(text, manifest: manifest)
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        Console.note("kiji: merge \(header.plugin.name): \(parts.count) parts, \(header.corpus.documents) documents "
                     + "(\(header.corpus.undated) undated), \(result) in \(seconds) s" + (outputOptions.output.map { " -> \($0)" } ?? ""))
    }

    private func contents(of part: String) throws -> Data {
        if part == "-" {
            do { return try FileHandle.standardInput.readToEnd() ?? Data() } catch {
                throw KijiFailure.usage("cannot read standard input (\(error.localizedDescription))")
            }
        }
        guard let data = FileManager.default.contents(atPath: part) else {
            throw KijiFailure.usage("cannot read the partial result '\(part)'; check the path")
        }
        return data
    }
}

extension Manifest {
    /// The manifest of a final merge: the parts stand where a run's corpus files do.
    static func merge(header: PartialHeader, parts: [(path: String, sha256: String, documents: Int)], pluginPath: String?,
                      pluginDirectories: [String], output: OutputOptions, text: String) -> Manifest {
        Manifest(
            kijiVersion: Kiji.configuration.version,
            command: (["kiji"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
            kind: "merge",
            query: nil,
            plugin: header.plugin.argument,
            pluginFile: .init(path: pluginPath.map(absolute) ?? header.plugin.argument, sha256: header.plugin.sha256),
            parameters: header.parameters,
            givenParameters: [:],
            corpusArguments: parts.map { $0.path == "-" ? $0.path : absolute($0.path) },
            corpusFiles: parts.map { .init(path: $0.path == "-" ? $0.path : absolute($0.path), sha256: $0.sha256, documents: $0.documents) },
            documents: header.corpus.documents,
            dataFiles: header.files.sorted { $0.key < $1.key }.map { .init(path: $0.key, sha256: $0.value) },
            pluginFolders: pluginDirectories.map(absolute),
            mecab: header.mecab.map { .init(dictionary: "", version: $0, format: nil) },
            output: .init(path: absolute(output.output ?? ""), sha256: sha256(of: Data(text.utf8)),
                          format: output.format.rawValue, bom: output.byteOrderMark, excel: output.excel),
            created: ISO8601DateFormatter().string(from: Date()))
    }
}

/// The plugin's `order_levels`, loaded only when parts disagree on levels,
/// and only from the very plugin file the parts were made with.
private final class LevelOrder {
    let header: PartialHeader
    let directories: [String]
    private var runner: PluginRunner?
    /// The plugin file, once found.
    private(set) var resolvedPath: String?

    init(header: PartialHeader, directories: [String]) {
        self.header = header
        self.directories = directories
    }

    func order(column: String, values: [Cell]) throws -> [Cell] {
        do {
            return try loaded().orderLevels(column: column, values: values, parameters: header.parameters)
        } catch let error as PluginUsageError {
            throw KijiFailure.usage(error.description)
        } catch let error as PluginError {
            throw KijiFailure.runtime(error.description)
        }
    }

    private func loaded() throws -> PluginRunner {
        if let runner { return runner }
        let locator = PluginLocator(extraDirectories: directories)
        let path = try locator.resolve(header.plugin.argument)
        guard Manifest.sha256(of: path) == header.plugin.sha256 else {
            throw KijiFailure.usage("the parts found different levels, so the merge needs order_levels from plugin '\(header.plugin.argument)', "
                                    + "but \(path) is not the file the parts were made with (its SHA-256 differs); use that plugin file (--plugins DIR)")
        }
        let runner = try PluginRunner(path: path, moduleDirectories: locator.directories)
        self.runner = runner
        resolvedPath = path
        return runner
    }
}
