import ArgumentParser
import Foundation

/// `--output-dir DIR`: where the files a plugin writes with
/// `kiji.output_file` go (dfm's matrix.mtx, features.csv, docvars.csv).
struct OutputDirectoryOptions: ParsableArguments {
    @Option(name: .customLong("output-dir"), help: ArgumentHelp(
        "Write the files a plugin produces besides its table (e.g. dfm with format=mtx) into DIR, created if missing.",
        valueName: "DIR"))
    var outputDirectory: String?

    /// The folder and file names for the manifest, when files were written.
    func recorded(_ files: [(name: String, text: String)]) -> (directory: String, names: [String])? {
        guard let outputDirectory, !files.isEmpty else { return nil }
        return (outputDirectory, files.map(\.name))
    }

    /// Writes `files` into the folder. Every file is first written completely
    /// into a hidden staging folder inside DIR and only then renamed into
    /// place, so an error never leaves a half-written file; the staging folder
    /// is removed on every path. No files and no folder: nothing happens.
    func write(_ files: [(name: String, text: String)], plugin: String) throws {
        guard !files.isEmpty else {
            if let outputDirectory {
                FileHandle.standardError.write(Data("kiji: note: \(plugin) wrote no files, so --output-dir \(outputDirectory) was not used\n".utf8))
            }
            return
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
        let staging = (folder as NSString).appendingPathComponent(".kiji-staging-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? manager.removeItem(atPath: staging) }
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            for file in files {
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: (staging as NSString).appendingPathComponent(file.name)))
            }
            for file in files {
                let target = (folder as NSString).appendingPathComponent(file.name)
                if rename((staging as NSString).appendingPathComponent(file.name), target) != 0 {
                    throw KijiFailure.usage("cannot write \(target): \(String(cString: strerror(errno)))")
                }
            }
        } catch let failure as KijiFailure {
            throw failure
        } catch {
            throw KijiFailure.usage("cannot write into --output-dir \(folder) (is it writable?): \(error.localizedDescription)")
        }
    }
}
