import ArgumentParser
import Corpus
import Foundation
import PluginHost

/// `kiji query`: a one-off Lua query over a corpus.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a one-off Lua query over a corpus; rows come out as CSV, a scalar as text.",
        discussion: """
        The query sees 'corpus' (the documents), 'kiji' (the library, as plugins see it: docs/lua-api.md) and 'params' (the --param values). What it returns is written out: an array of row tables becomes a table (columns from its 'columns' field, or in first-seen order with each row's keys sorted), an array of values one column 'value', a map two columns 'key,value', and a number or string is printed as it is.

        Examples:
          kiji query 'return #corpus'
          kiji query 'return corpus:filter{since="2025-01-01"}:count("尖閣")'
          kiji query -f examples/term-share.lua news.jsonl --format table
        """)

    @Option(name: [.customShort("f"), .customLong("file")], help: ArgumentHelp("Read the query from a .lua file.", valueName: "FILE"))
    var file: String?

    @Argument(help: ArgumentHelp("The Lua code (unless -f is given), then corpus files or folders (default: the bundled seeds/).",
                                 valueName: "LUA | CORPUS"))
    var arguments: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("A value for the query as key=value, seen as params.key (a string). Repeatable.",
                                                            valueName: "key=value"))
    var parameters: [String] = []

    @OptionGroup var pluginOptions: PluginOptions
    @OptionGroup var corpusOptions: CorpusOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if file == nil && arguments.isEmpty { throw ValidationError("give the query as an argument or with -f FILE") }
    }

    func run() throws {
        let started = Date()
        let source: String
        let chunkName: String
        var corpusArguments = arguments
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else { throw KijiFailure.usage("cannot read query file '\(file)'") }
            source = String(decoding: data, as: UTF8.self)
            chunkName = "@" + file
        } else {
            source = corpusArguments.removeFirst()
            chunkName = "=(query)"
        }
        let runner: QueryRunner
        let tokenCache = pluginOptions.tokenCache()
        do {
            runner = try QueryRunner(moduleDirectories: pluginOptions.locator.directories, mecabDictionary: pluginOptions.mecabDictionary,
                                     limits: pluginOptions.limits, tokenCache: tokenCache)
        } catch {
            throw KijiFailure.runtime("cannot start Lua: \(error)")
        }
        let corpus = try CorpusLoading.load(corpusArguments, options: corpusOptions, textBudget: corpusOptions.textMemory << 20)
        let parameters = try ParameterList.parse(self.parameters)
        let result: QueryResult = try CorpusLoading.checkingRereads(of: corpus) {
            do {
                return try runner.run(source, chunkName: chunkName, on: corpus.documents, parameters: parameters)
            } catch let error as PluginError {
                throw KijiFailure.runtime(error.description.replacingOccurrences(of: "plugin 'query' failed: ", with: "query failed: "))
            } catch let error as PluginUsageError {
                throw KijiFailure.usage(error.description)
            }
        }
        pluginOptions.reportCacheStatistics(tokenCache)
        let filesRead = runner.filesRead, mecab = runner.mecabDictionaryInUse
        let manifest = { (text: String) in
            Manifest.record(kind: "query", plugin: "query", pluginPath: file ?? "(inline)", pluginSource: Data(source.utf8),
                                query: file == nil ? source : nil, parameters: parameters, givenParameters: parameters,
                                corpusArguments: corpusArguments, corpus: corpus, filesRead: filesRead,
                                pluginOptions: pluginOptions, corpusOptions: corpusOptions, mecab: mecab,
                                output: outputOptions, text: text)
        }
        let rows: String
        switch result {
        case .nothing:
            rows = "nothing returned"
            try OutputDestination(path: outputOptions.output).write("", manifest: manifest)
        case .text(let text):
            rows = "1 value"
            try OutputDestination(path: outputOptions.output).write(text + "\n", manifest: manifest)
        case .table(let table):
            rows = "\(table.rows.count) rows"
            try outputOptions.write(table, manifest: manifest)
        }
        Console.note(CorpusLoading.summary(name: "query", corpus: corpus, result: rows, started: started, mecab: mecab))
    }
}
