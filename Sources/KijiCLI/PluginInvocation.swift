import ArgumentParser
import Corpus
import Foundation
import PluginHost

/// The arguments that pick a plugin, its parameters and a corpus, shared by
/// `run` and `validate`.
struct PluginInvocation: ParsableArguments {
    @Argument(help: ArgumentHelp("A bundled plugin name or a path to a .lua file.", valueName: "PLUGIN"))
    var plugin: String

    @Argument(help: ArgumentHelp("Corpus files or folders (default: the bundled seeds/); - reads JSON Lines from standard input.", valueName: "CORPUS"))
    var corpus: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("A plugin parameter as key=value. Repeatable.", valueName: "key=value"))
    var parameters: [String] = []

    @OptionGroup var pluginOptions: PluginOptions
    @OptionGroup var corpusOptions: CorpusOptions
    @OptionGroup var progressOptions: ProgressOptions
    @OptionGroup var jobsOption: JobsOption

    /// What one run produced.
    struct Outcome {
        let run: PluginRunRecord
        let corpus: Corpus
        let table: ResultTable
        let started: Date

        /// The one-line summary for standard error.
        func summary(suffix: String = "") -> String {
            CorpusLoading.summary(name: run.name, corpus: corpus, result: "\(table.rows.count) rows", started: started,
                                  mecab: run.mecabDictionary) + suffix
        }
    }

    /// Loads the plugin (first, so its errors come before a long corpus
    /// load), then the corpus, then runs it. Errors carry kiji's exit codes.
    /// - Parameter inspect: reads what else the caller needs from the plugin
    ///   (its chart) after the run, while its Lua state is still open.
    func execute(inspect: (PluginRunner) throws -> Void = { _ in }) throws -> Outcome {
        let (table, record, corpus, started) = try execute { runner, documents, given in
            let table = try runner.run(on: documents, parameters: given)
            try inspect(runner)
            return table
        }
        return Outcome(run: record, corpus: corpus, table: table, started: started)
    }

    /// Runs the plugin for `kiji run --partial`: its mergeable state instead of the table.
    func executePartial() throws -> (result: PartialResult, run: PluginRunRecord, corpus: Corpus, started: Date) {
        try execute(refusing: { $0.hasPartialResult ? nil : $0.partialRefusal }) { runner, documents, given in
            try runner.runPartial(on: documents, parameters: given, argument: plugin, kijiVersion: Kiji.configuration.version)
        }
    }

    /// Loads the plugin (and stops with `refusing`'s message, if any), then
    /// the corpus, then calls `body` with both while the plugin's Lua state is open.
    private func execute<T>(refusing: (PluginRunner) -> String? = { _ in nil },
                            _ body: (PluginRunner, [Document], [String: String]) throws -> T)
        throws -> (T, PluginRunRecord, Corpus, Date) {
        let started = Date()
        let locator = pluginOptions.locator
        let given = try parsedParameters()
        let tokenCache = pluginOptions.tokenCache()
        let runner = try mapErrors {
            try PluginRunner(path: try locator.resolve(plugin), moduleDirectories: locator.directories,
                             mecabDictionary: pluginOptions.mecabDictionary, limits: pluginOptions.limits, tokenCache: tokenCache)
        }
        if let refusal = refusing(runner) { throw KijiFailure.usage(refusal) }
        runner.jobs = jobsOption.count
        try mapErrors { try runner.checkParameters(given) }
        // Texts beyond the budget stay in their files until a document is used.
        let corpus = try CorpusLoading.load(corpus, options: corpusOptions, textBudget: corpusOptions.textMemory << 20)
        runner.progress = progressOptions.meter(name: runner.name, total: corpus.documents.count)
        defer { ProgressOptions.clear(runner.progress) }
        let result = try CorpusLoading.checkingRereads(of: corpus) {
            try mapErrors { try body(runner, corpus.documents, given) }
        }
        pluginOptions.reportCacheStatistics(tokenCache)
        // The Lua state closes here, before any output is written: a
        // finalizer that fails or hangs (stopped by --timeout) then leaves no file.
        let record = runner.record
        return (result, record, corpus, started)
    }

    private func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PluginUsageError {
            throw KijiFailure.usage(error.description)
        } catch let error as PluginError {
            throw KijiFailure.runtime(error.description)
        }
    }

    func parsedParameters() throws -> [String: String] {
        try ParameterList.parse(parameters)
    }

}

/// How corpus files are read.
struct CorpusOptions: ParsableArguments {
    @OptionGroup var layoutOption: LayoutOption

    @Flag(name: .customLong("dedupe"), help: ArgumentHelp(
        "Drop documents whose normalised text repeats an earlier one, and listing pages' descriptions of themselves, before the plugin sees the corpus (see the documents plugin's duplicate_of and boilerplate columns)."))
    var dedupe = false

    @Option(name: .customLong("text-memory"), help: ArgumentHelp(
        "MiB of document text kept in memory (default 64); the texts of further JSON Lines documents are read again from their file when a plugin uses the document, so memory grows with the number of documents, not their text.", valueName: "MiB"))
    var textMemory = 64

    @OptionGroup var filter: FilterOptions
    @OptionGroup var standardInput: StandardInputOptions

    func validate() throws {
        guard (0...(1 << 20)).contains(textMemory) else {
            throw ValidationError("--text-memory must be between 0 and 1048576 (MiB), not \(textMemory)")
        }
    }

    var textLayout: TextLayout? { layoutOption.textLayout }
}

/// `--layout`: how .txt files are read.
struct LayoutOption: ParsableArguments {
    @Option(name: .customLong("layout"), help: ArgumentHelp(
        "The layout of .txt files: auto (detect per file, the default), listing, summaries or article.", valueName: "LAYOUT"))
    var layout: String = "auto"

    func validate() throws {
        guard layout == "auto" || TextLayout(rawValue: layout) != nil else {
            throw ValidationError("--layout must be auto, listing, summaries or article, not '\(layout)'")
        }
    }

    /// nil: detect per file.
    var textLayout: TextLayout? { TextLayout(rawValue: layout) }
}

/// Loads corpus arguments for a command, defaulting to the bundled seeds/.
enum CorpusLoading {
    /// The one-line summary for standard error: documents read, undated, files, result, time.
    /// When MeCab was used, the summary names its dictionary, since the
    /// system default can change when another dictionary is installed.
    static func summary(name: String, corpus: Corpus, result: String, started: Date, mecab: MeCabDictionaryInUse? = nil) -> String {
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        let dropped = corpus.wasDeduplicated
            ? " (dropped \(corpus.droppedDuplicates) duplicate\(corpus.droppedDuplicates == 1 ? "" : "s") and \(corpus.droppedBoilerplate) boilerplate)" : ""
        let filtered = corpus.filteredOut > 0 ? " (\(corpus.filteredOut) more left out by filters)" : ""
        let dictionary = mecab.map { ", MeCab \($0.description)" } ?? ""
        return "kiji: \(name): \(corpus.documents.count) documents (\(corpus.undatedCount) undated) from "
            + "\(corpus.files.count) files\(dropped)\(filtered)\(dictionary), \(result) in \(seconds) s"
    }

    /// Runs `body` on a corpus whose texts may be deferred; when a text could
    /// not be read again (its file changed), that is the error, whatever
    /// `body` made of it, and nothing is written.
    static func checkingRereads<T>(of corpus: Corpus, _ body: () throws -> T) throws -> T {
        let result: T
        do {
            result = try body()
        } catch {
            throw corpus.rereadFailure.map { KijiFailure.usage($0.description) } ?? error
        }
        if let failure = corpus.rereadFailure { throw KijiFailure.usage(failure.description) }
        return result
    }

    static func load(_ arguments: [String], options: CorpusOptions, textBudget: Int? = nil) throws -> Corpus {
        var paths = arguments
        if paths.isEmpty {
            guard let seeds = BundledResources.directory(named: "seeds") else {
                throw KijiFailure.usage("no corpus given and the bundled seeds/ folder was not found; name a file or folder")
            }
            paths = [seeds]
        }
        let standardInput = try options.standardInput.read(for: paths)
        var corpus: Corpus
        do {
            corpus = try CorpusLoader.load(paths: paths, textLayout: options.textLayout, standardInput: standardInput,
                                           textBudget: textBudget)
        } catch let error as CorpusError {
            throw KijiFailure.usage(error.description)
        }
        if options.dedupe { corpus = corpus.deduplicated() }
        let filter = try options.filter.filter()
        for warning in filter.warnings(for: corpus.documents) {
            Console.note("kiji: warning: --where: \(warning)")
        }
        printNotes(corpus)
        return corpus.keeping(filter)
    }

    /// Notes on what loading found: empty folders, converted and skipped files.
    static func printNotes(_ corpus: Corpus) {
        for folder in corpus.emptyFolders {
            Console.note("kiji: note: \(folder) holds no .txt, .jsonl, .ndjson or .csv file")
        }
        for file in corpus.converted {
            Console.note("kiji: note: read \(file.path) as \(file.encoding.displayName), not UTF-8")
        }
        for path in corpus.skipped.prefix(5) {
            Console.note("kiji: note: skipped \(path) (not .txt, .jsonl, .ndjson or .csv)")
        }
        if corpus.skipped.count > 5 {
            Console.note("kiji: note: skipped \(corpus.skipped.count - 5) more unsupported files")
        }
    }
}

/// `--param key=value` options.
enum ParameterList {
    static func parse(_ parameters: [String]) throws -> [String: String] {
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
}
