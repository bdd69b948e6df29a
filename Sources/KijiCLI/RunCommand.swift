import ArgumentParser
import Charts
import Corpus
import Foundation
import PluginHost

/// `kiji run`: runs one plugin over a corpus and writes its CSV.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a plugin over a corpus and write its statistics as CSV.",
        usage: "kiji run <PLUGIN> [<CORPUS> ...] [--param <key=value> ...] [-o <FILE>] [--format <FORMAT>] [--chart <FILE>] [<options>]",
        discussion: """
        PLUGIN is a bundled plugin name (see 'kiji list') or the path of a .lua file. CORPUS is any number of files and folders; without one, kiji reads the bundled seeds/.

        The CSV goes to standard output, or to FILE with -o. FILE is written atomically (a temporary file renamed into place), so it is never half-written. A one-line summary (documents read, undated documents, time taken) goes to standard error.

        Examples:
          kiji run mentions-by-month
          kiji run mentions-by-month --param terms=中国,台湾 --param dates=stated
          kiji run documents news.jsonl -o inventory.csv --bom
          kiji run mentions-by-month -o mentions.csv --chart mentions.svg
          kiji run mentions-by-month part1.jsonl --partial -o part1.partial.jsonl   (then: kiji merge part*.partial.jsonl)
        """)

    @OptionGroup var invocation: PluginInvocation

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var chartOptions: ChartRunOptions

    @OptionGroup var outputDirectory: OutputDirectoryOptions

    @Flag(name: .customLong("partial"), help: ArgumentHelp(
        "Write the run's mergeable state (JSON Lines) instead of the table, for 'kiji merge' to combine with other parts of the corpus (map-form plugins; see docs/scale-out.md)."))
    var partial = false

    func validate() throws {
        guard partial else { return }
        let table = [("--format", outputOptions.format != .csv), ("--bom", outputOptions.byteOrderMark), ("--excel", outputOptions.excel),
                     ("--chart", chartOptions.chart != nil), ("--output-dir", outputDirectory.outputDirectory != nil)]
        if let (flag, _) = table.first(where: { $0.1 }) {
            throw ValidationError("--partial writes a partial result, not a table; give \(flag) to the final 'kiji merge' instead")
        }
    }

    func run() throws {
        if partial { return try runPartial() }
        var chartBase: ChartSpec?
        let outcome = try invocation.execute { runner in
            // The plugin's chart is read while its Lua state is still open.
            chartBase = try chartOptions.baseSpec(of: runner, parameters: try invocation.parsedParameters())
        }
        let run = outcome.run
        let given = try invocation.parsedParameters()
        let files = try outputDirectory.prepare(run.outputFiles, plugin: run.name)
        let text = outputOptions.writer.render(outcome.table)
        var manifest = Manifest.record(kind: "run", plugin: invocation.plugin, pluginPath: run.path, pluginSource: nil, query: nil,
                                       parameters: run.parameters, givenParameters: given,
                                       corpusArguments: invocation.corpus, corpus: outcome.corpus, filesRead: run.filesRead,
                                       pluginOptions: invocation.pluginOptions, corpusOptions: invocation.corpusOptions,
                                       mecab: run.mecabDictionary, output: outputOptions, text: text,
                                       files: files)
        manifest.chart = chartOptions.arguments
        // Everything is rendered before anything is written; the table, its
        // manifest and the chart are then renamed into place together.
        let chart = try chartOptions.render(outcome, base: chartBase, invocation: invocation, manifest: manifest)
        let extraFiles = (chart.map { [$0] } ?? []) + OutputDirectoryOptions.paths(of: files)
        try OutputDestination(path: outputOptions.output).write(text, manifest: { _ in manifest }, alongside: extraFiles)
        let destination = outputOptions.output.map { " -> \($0)" } ?? ""
        Console.note(outcome.summary(suffix: destination))
    }

    private func runPartial() throws {
        let (result, run, corpus, started) = try invocation.executePartial()
        try OutputDestination(path: outputOptions.output).write(result.rendered())
        let destination = outputOptions.output.map { " -> \($0)" } ?? ""
        Console.note(CorpusLoading.summary(name: run.name, corpus: corpus, result: "partial result of \(result.header.groups) groups",
                                           started: started, mecab: run.mecabDictionary) + destination)
    }
}
