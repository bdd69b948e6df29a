import ArgumentParser
import Foundation

/// `--output-dir DIR`: where the files a plugin writes with
/// `kiji.output_file` go (dfm's matrix.mtx, features.csv, docvars.csv).
struct OutputDirectoryOptions: ParsableArguments {
    @Option(name: .customLong("output-dir"), help: ArgumentHelp(
        "Write the files a plugin produces besides its table (e.g. dfm with format=mtx) into DIR, created if missing.",
        valueName: "DIR"))
    var outputDirectory: String?

    /// Checks where the plugin's files go and creates the folder: the folder
    /// and the files' contents, for the manifest and for writing together
    /// with the table (see ``paths(of:)``); nil when the plugin wrote none.
    func prepare(_ files: [(name: String, text: String)], plugin: String) throws
        -> (directory: String, contents: [(name: String, data: Data)])? {
        guard !files.isEmpty else {
            if let outputDirectory {
                Console.note("kiji: note: \(plugin) wrote no files, so --output-dir \(outputDirectory) was not used")
            }
            return nil
        }
        guard let folder = outputDirectory else {
            let names = files.map(\.name).joined(separator: ", ")
            throw KijiFailure.usage("plugin '\(plugin)' writes files (\(names)); give --output-dir DIR to say where")
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw KijiFailure.usage("--output-dir \(folder) is a file; give a folder") }
        } else {
            do { try manager.createDirectory(atPath: folder, withIntermediateDirectories: false) } catch {
                throw KijiFailure.usage("cannot create --output-dir \(folder) (does its parent folder exist?): \(error.localizedDescription)")
            }
        }
        return (folder, files.map { ($0.name, Data($0.text.utf8)) })
    }

    /// The files to write: each is written completely to a temporary file and
    /// renamed into place with the table and its manifest (``AtomicFile``), so
    /// an error or an interrupt never leaves a half-written file.
    static func paths(of files: (directory: String, contents: [(name: String, data: Data)])?) -> [(path: String, contents: Data)] {
        guard let files else { return [] }
        return files.contents.map { ((files.directory as NSString).appendingPathComponent($0.name), $0.data) }
    }
}
