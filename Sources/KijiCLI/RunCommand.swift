import ArgumentParser
import Corpus
import Foundation
import PluginHost

/// `kiji run`: runs one plugin over a corpus and writes its CSV.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a plugin over a corpus and write its statistics as CSV.",
        discussion: """
        PLUGIN is a bundled plugin name (see 'kiji list') or the path of a .lua file. CORPUS is any number of files and folders; without one, kiji reads the bundled seeds/.

        The CSV goes to standard output, or to FILE with -o. FILE is written atomically (a temporary file renamed into place), so it is never half-written. A one-line summary (documents read, undated documents, time taken) goes to standard error.

        Examples:
          kiji run mentions-by-month
          kiji run mentions-by-month --param terms=中国,台湾 --param dates=stated
          kiji run documents news.jsonl -o inventory.csv --bom
        """)

    @Argument(help: ArgumentHelp("A bundled plugin name or a path to a .lua file.", valueName: "PLUGIN"))
    var plugin: String

    @Argument(help: ArgumentHelp("Corpus files or folders (default: the bundled seeds/).", valueName: "CORPUS"))
    var corpus: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("A plugin parameter as key=value. Repeatable.", valueName: "key=value"))
    var parameters: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write the CSV to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(name: .customLong("bom"), help: "Start the CSV with a UTF-8 byte-order mark (for Excel on Japanese Windows).")
    var byteOrderMark = false

    @OptionGroup var pluginOptions: PluginOptions

    func run() throws {
        let started = Date()
        let locator = pluginOptions.locator
        let given = try parsedParameters()
        let runner: PluginRunner
        do {
            runner = try PluginRunner(path: try locator.resolve(plugin), moduleDirectories: locator.directories,
                                      mecabDictionary: pluginOptions.mecabDictionary)
        } catch let error as PluginUsageError {
            throw KijiFailure.usage(error.description)
        } catch let error as PluginError {
            throw KijiFailure.runtime(error.description)
        }
        let corpus = try loadCorpus()
        let table: ResultTable
        do {
            table = try runner.run(on: corpus.documents, parameters: given)
        } catch let error as PluginUsageError {
            throw KijiFailure.usage(error.description)
        } catch let error as PluginError {
            throw KijiFailure.runtime(error.description)
        }
        let csv = CSVWriter(byteOrderMark: byteOrderMark).render(table)
        try OutputDestination(path: output).write(csv)
        let seconds = Date().timeIntervalSince(started)
        let summary = "kiji: \(runner.name): \(corpus.documents.count) documents (\(corpus.undatedCount) undated) from \(corpus.files.count) files"
            + ", \(table.rows.count) rows in \(String(format: "%.2f", seconds)) s"
            + (output.map { " -> \($0)" } ?? "")
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        for path in corpus.skipped.prefix(5) {
            FileHandle.standardError.write(Data("kiji: note: skipped \(path) (not .txt, .jsonl or .ndjson)\n".utf8))
        }
        if corpus.skipped.count > 5 {
            FileHandle.standardError.write(Data("kiji: note: skipped \(corpus.skipped.count - 5) more unsupported files\n".utf8))
        }
    }

    private func parsedParameters() throws -> [String: String] {
        var result: [String: String] = [:]
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
                throw KijiFailure.usage("--param needs key=value, got '\(parameter)'")
            }
            let key = String(parameter[..<equals])
            guard result[key] == nil else { throw KijiFailure.usage("--param \(key) is given twice") }
            result[key] = String(parameter[parameter.index(after: equals)...])
        }
        return result
    }

    private func loadCorpus() throws -> Corpus {
        var paths = corpus
        if paths.isEmpty {
            guard let seeds = BundledResources.directory(named: "seeds") else {
                throw KijiFailure.usage("no corpus given and the bundled seeds/ folder was not found; name a file or folder")
            }
            paths = [seeds]
        }
        do {
            return try CorpusLoader.load(paths: paths)
        } catch let error as CorpusError {
            throw KijiFailure.usage(error.description)
        }
    }
}
