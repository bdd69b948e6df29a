import Foundation
import ProcessSupport

/// Standard output, or a file replaced atomically (a temporary file in the
/// same folder, then a rename), so a failed run never leaves a partial file.
/// A file's manifest is renamed into place together with it, under a lock
/// on the folder, so the pair always describes one run.
struct OutputDestination {
    let path: String?

    /// Writes `text`; with a path and `manifest`, also the manifest beside it.
    func write(_ text: String, manifest: ((String) throws -> Manifest)? = nil) throws {
        guard let path else {
            do { try StandardStreams.write(text) } catch { throw KijiFailure.runtime(String(describing: error)) }
            return
        }
        var files = [(path: path, contents: Data(text.utf8))]
        if let manifest {
            files.append((Manifest.path(for: path), try manifest(text).encoded()))
        }
        do {
            try AtomicFile.write(files)
        } catch {
            throw error.isUsageError ? KijiFailure.usage(error.description) : KijiFailure.runtime(error.description)
        }
    }
}

/// Diagnostics and short reports, written with checked writes.
enum Console {
    /// A line (or lines) of a command's report on standard output.
    static func print(_ text: String, terminator: String = "\n") throws {
        do { try StandardStreams.write(text + terminator) } catch { throw KijiFailure.runtime(String(describing: error)) }
    }

    /// A diagnostic line on standard error.
    static func note(_ text: String) {
        StandardStreams.writeError(text.hasSuffix("\n") ? text : text + "\n")
    }
}
