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

    @OptionGroup var invocation: PluginInvocation

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var outputDirectory: OutputDirectoryOptions

    func run() throws {
        let outcome = try invocation.execute()
        try outputDirectory.write(outcome.runner.outputFiles, plugin: outcome.runner.name)
        let text = try outputOptions.write(outcome.table)
        if let output = outputOptions.output {
            let runner = outcome.runner
            try Manifest.record(kind: "run", plugin: invocation.plugin, pluginPath: runner.path, pluginSource: nil, query: nil,
                                parameters: runner.lastParameters, givenParameters: try invocation.parsedParameters(),
                                corpusArguments: invocation.corpus, corpus: outcome.corpus, filesRead: runner.filesRead,
                                pluginOptions: invocation.pluginOptions, corpusOptions: invocation.corpusOptions,
                                mecab: runner.mecabDictionaryInUse,
                                output: outputOptions, text: text,
                                files: outputDirectory.recorded(runner.outputFiles)).write(beside: output)
        }
        let destination = outputOptions.output.map { " -> \($0)" } ?? ""
        FileHandle.standardError.write(Data((outcome.summary(suffix: destination) + "\n").utf8))
    }
}
