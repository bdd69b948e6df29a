import Crypto
import Foundation

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
    var mecab: MeCab?
    var output: Output
    var created: String

    static func sha256(of path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "missing" }
        return sha256(of: data)
    }

    static func sha256(of data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
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

extension PluginInvocation.Outcome {
    /// The manifest of this run, written to `output`.
    func manifest(invocation: PluginInvocation, output: OutputOptions, text: String) -> Manifest {
        let files = runner.filesRead
        let pluginPath = runner.path
        return Manifest(
            kijiVersion: Kiji.configuration.version,
            command: (["kiji"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
            plugin: invocation.plugin,
            pluginFile: .init(path: Self.absolute(pluginPath), sha256: Manifest.sha256(of: pluginPath)),
            parameters: runner.lastParameters,
            givenParameters: (try? invocation.parsedParameters()) ?? [:],
            corpusArguments: invocation.corpus.map(Self.absolute),
            corpusFiles: corpus.files.map { .init(path: Self.absolute($0.location), sha256: Manifest.sha256(of: $0.location), documents: $0.documentCount) },
            documents: corpus.documents.count,
            dataFiles: files.filter { $0 != pluginPath }.map { .init(path: Self.absolute($0), sha256: Manifest.sha256(of: $0)) },
            pluginFolders: invocation.pluginOptions.directories.map(Self.absolute),
            mecab: runner.mecabDictionaryInUse.map { .init(dictionary: $0.path, version: $0.description) },
            output: .init(path: Self.absolute(output.output ?? ""), sha256: Manifest.sha256(of: Data(text.utf8)),
                          format: output.format.rawValue, bom: output.byteOrderMark, excel: output.excel),
            created: ISO8601DateFormatter().string(from: Date()))
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
