import Foundation
import ProcessSupport

/// Standard output, or a file replaced atomically (a temporary file in the
/// same folder, then a rename), so a failed run never leaves a partial file.
/// A file's manifest is renamed into place together with it, under a lock
/// on the folder, so the pair always describes one run.
struct OutputDestination {
    let path: String?

    /// Writes `text`; with a path and `manifest`, also the manifest beside it.
    /// Files `alongside` (a chart) are renamed into place with them.
    func write(_ text: String, manifest: ((String) throws -> Manifest)? = nil,
               alongside: [(path: String, contents: Data)] = []) throws {
        var files = alongside
        if let path {
            files.insert((path, Data(text.utf8)), at: 0)
            if let manifest { files.insert((Manifest.path(for: path), try manifest(text).encoded()), at: 1) }
        } else {
            do { try StandardStreams.write(text) } catch { throw KijiFailure.runtime(String(describing: error)) }
        }
        guard !files.isEmpty else { return }
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
