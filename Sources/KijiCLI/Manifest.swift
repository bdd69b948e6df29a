import Corpus
import Crypto
import Foundation
import PluginHost

/// What `-o FILE` records in FILE.manifest.json so a run can be checked and
/// repeated (`kiji rerun`).
struct Manifest: Codable, Equatable {
    struct HashedFile: Codable, Equatable {
        let path: String
        let sha256: String
    }

    struct CorpusEntry: Codable, Equatable {
        let path: String
        let sha256: String
        let documents: Int
    }

    struct MeCab: Codable, Equatable {
        let dictionary: String
        let version: String
        /// "IPADIC" or "UniDic" (absent in manifests of kiji before it read UniDic).
        var format: String?
    }

    struct Output: Codable, Equatable {
        let path: String
        let sha256: String
        let format: String
        let bom: Bool
        let excel: Bool
    }

    var kijiVersion: String
    var command: String
    /// The subcommand that ran: "run" or "query" (nil in older manifests: run).
    var kind: String?
    /// The code of an inline query (`kiji query 'CODE'`).
    var query: String?
    /// The plugin as the user named it, and the file it resolved to.
    var plugin: String
    var pluginFile: HashedFile
    /// Every parameter, defaults filled in.
    var parameters: [String: String]
    /// Parameters the user gave (what rerun passes again).
    var givenParameters: [String: String]
    /// The corpus arguments as given (empty: the bundled seeds).
    var corpusArguments: [String]
    var corpusFiles: [CorpusEntry]
    var documents: Int
    /// Modules and data files the plugin read (dictionaries, schemes).
    var dataFiles: [HashedFile]
    var pluginFolders: [String]
    /// `--layout` for .txt files, when not detected (nil: auto).
    var layout: String?
    /// `--dedupe`: duplicates and page boilerplate dropped (nil: not given).
    var dedupe: Bool?
    /// `--where`, `--since`, `--until` and `--dates` as given (absent: none).
    var filters: [String]?
    /// `--source` and `--line-offset` as given, when the corpus was read from standard input (absent: none).
    var standardInput: [String]?
    var mecab: MeCab?
    var output: Output
    /// `--chart FILE` and the chart options of the run, replayed by rerun (nil: no chart).
    var chart: [String]?
    /// `--output-dir` and the files the plugin wrote there (nil: none).
    var outputDirectory: String?
    var outputFiles: [HashedFile]?
    var created: String

    /// The file's SHA-256, read in blocks so a large corpus file is never in memory whole.
    static func sha256(of path: String) -> String {
        FileDigest.sha256(path: path) ?? "missing"
    }

    static func sha256(of data: Data) -> String {
        FileDigest.hex(SHA256.hash(data: data))
    }

    static func path(for output: String) -> String { output + ".manifest.json" }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self) + Data("\n".utf8)
    }

    static func read(_ path: String) throws -> Manifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KijiFailure.usage("cannot read the manifest '\(path)'")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(Manifest.self, from: data)
        } catch {
            throw KijiFailure.usage("\(path) is not a kiji manifest (\(error.localizedDescription))")
        }
    }
}

extension Manifest {
    /// The manifest of a finished run or query whose output went to `output.output`.
    static func record(kind: String, plugin: String, pluginPath: String, pluginSource: Data?, query: String?,
                       parameters: [String: String], givenParameters: [String: String], corpusArguments: [String],
                       corpus: Corpus, filesRead: [String], pluginOptions: PluginOptions, corpusOptions: CorpusOptions,
                       mecab: MeCabDictionaryInUse?, output: OutputOptions, text: String,
                       files: (directory: String, contents: [(name: String, data: Data)])? = nil) -> Manifest {
        Manifest(
            kijiVersion: Kiji.configuration.version,
            command: (["kiji"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
            kind: kind,
            query: query,
            plugin: plugin,
            pluginFile: .init(path: query == nil ? absolute(pluginPath) : pluginPath,
                              sha256: pluginSource.map { sha256(of: $0) } ?? sha256(of: pluginPath)),
            parameters: parameters,
            givenParameters: givenParameters,
            corpusArguments: corpusArguments.map { $0 == StandardInput.path ? $0 : absolute($0) },
            corpusFiles: corpusEntries(corpus.files),
            documents: corpus.documents.count,
            dataFiles: filesRead.filter { $0 != pluginPath }.map { .init(path: absolute($0), sha256: sha256(of: $0)) },
            pluginFolders: pluginOptions.directories.map(absolute),
            layout: corpusOptions.textLayout?.rawValue,
            dedupe: corpusOptions.dedupe ? true : nil,
            filters: corpusOptions.filter.arguments.isEmpty ? nil : corpusOptions.filter.arguments,
            standardInput: corpusOptions.standardInput.arguments.isEmpty ? nil : corpusOptions.standardInput.arguments,
            mecab: mecab.map { .init(dictionary: $0.path, version: $0.description, format: $0.format) },
            output: .init(path: absolute(output.output ?? ""), sha256: sha256(of: Data(text.utf8)),
                          format: output.format.rawValue, bom: output.byteOrderMark, excel: output.excel),
            chart: nil,
            outputDirectory: files.map { absolute($0.directory) },
            outputFiles: files.map { files in
                files.contents.map { file in
                    HashedFile(path: absolute((files.directory as NSString).appendingPathComponent(file.name)), sha256: sha256(of: file.data))
                }
            },
            created: ISO8601DateFormatter().string(from: Date()))
    }

    /// One entry per file read, and one per store (with all its documents).
    static func corpusEntries(_ files: [CorpusFile]) -> [CorpusEntry] {
        var entries: [CorpusEntry] = []
        var storeEntry: [String: Int] = [:]
        for file in files {
            if let store = file.store {
                if let index = storeEntry[store] {
                    let entry = entries[index]
                    entries[index] = .init(path: entry.path, sha256: entry.sha256, documents: entry.documents + file.documentCount)
                } else {
                    storeEntry[store] = entries.count
                    entries.append(.init(path: absolute(store), sha256: sha256(of: store), documents: file.documentCount))
                }
            } else if file.location == StandardInput.path {
                entries.append(.init(path: file.location, sha256: StandardInputDigest.value ?? "missing", documents: file.documentCount))
            } else {
                entries.append(.init(path: absolute(file.location), sha256: sha256(of: file.location), documents: file.documentCount))
            }
        }
        return entries
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The command line that repeats this run, writing to `output`.
    func commandLine(output: String) -> [String] {
        var arguments: [String]
        if kind == "merge" {
            arguments = ["merge"] + corpusArguments
            for folder in pluginFolders { arguments += ["--plugins", folder] }
            arguments += ["--output", output, "--format", self.output.format]
            if self.output.bom { arguments.append("--bom") }
            if self.output.excel { arguments.append("--excel") }
            return arguments
        }
        if kind == "query" {
            arguments = ["query"] + (query.map { [$0] } ?? ["-f", pluginFile.path])
        } else {
            arguments = ["run", plugin.contains("/") || plugin.hasSuffix(".lua") ? pluginFile.path : plugin]
        }
        arguments += corpusArguments
        for key in givenParameters.keys.sorted() { arguments += ["--param", "\(key)=\(givenParameters[key]!)"] }
        for folder in pluginFolders { arguments += ["--plugins", folder] }
        if let mecab { arguments += ["--mecab-dict", mecab.dictionary] }
        if let layout { arguments += ["--layout", layout] }
        if dedupe == true { arguments.append("--dedupe") }
        arguments += filters ?? []
        arguments += standardInput ?? []
        arguments += ["--output", output, "--format", self.output.format]
        if let outputDirectory { arguments += ["--output-dir", outputDirectory] }
        if self.output.bom { arguments.append("--bom") }
        if self.output.excel { arguments.append("--excel") }
        arguments += chart ?? []
        return arguments
    }
}
