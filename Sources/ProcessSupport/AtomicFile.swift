import CProcessShims
import Foundation

/// A file could not be written; the message names it and says what to do.
public struct AtomicFileError: Error, CustomStringConvertible, Sendable {
    public let description: String
    /// True when the path itself is unusable (a folder, a device, a missing
    /// folder): a usage error rather than an I/O failure.
    public let isUsageError: Bool
}

/// Writes files so that a reader sees the old contents or the new, never a
/// mixture: each goes to a temporary file in the same folder, which is
/// renamed into place. The temporary files are removed on failure and on
/// SIGINT/SIGTERM/SIGHUP (see ``StandardStreams/prepare()``).
public enum AtomicFile {
    /// Writes every file, then renames them all into place while holding an
    /// exclusive lock on their folder, so two processes writing the same
    /// pair (an output and its manifest) cannot interleave.
    public static func write(_ files: [(path: String, contents: Data)]) throws(AtomicFileError) {
        // Uncommitted staged files remove their temporary files when they go.
        var staged: [StagedFile] = []
        for file in files {
            let destination = try checkedDestination(file.path)
            staged.append(try stage(file.contents, for: destination, shownAs: file.path))
        }
        // Tests interrupt a write here, to check that no temporary file is left.
        if let pause = ProcessInfo.processInfo.environment["KIJI_TEST_PAUSE_BEFORE_RENAME"].flatMap(Double.init), pause > 0, pause < 60 {
            Thread.sleep(forTimeInterval: pause)
        }
        let folders = Set(staged.map { ($0.destination as NSString).deletingLastPathComponent })
        let locks = folders.sorted().map(lockFolder)
        defer { for fd in locks where fd >= 0 { close(fd) } }
        for (index, file) in staged.enumerated() {
            guard rename(file.temporary, file.destination) == 0 else {
                let reason = String(cString: strerror(errno))
                throw AtomicFileError(description: "cannot write '\(files[index].path)': \(reason)", isUsageError: false)
            }
            file.markCommitted()
        }
    }

    /// Writes one file.
    public static func write(_ contents: Data, to path: String) throws(AtomicFileError) {
        try write([(path, contents)])
    }

    /// The real path to replace: symbolic links are followed, and anything
    /// but a regular file (a folder, a device, a pipe) is refused.
    static func checkedDestination(_ path: String) throws(AtomicFileError) -> String {
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw AtomicFileError(description: "cannot write '\(path)': it is a folder; give a file name, e.g. \(path)/out.csv",
                                      isUsageError: true)
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw AtomicFileError(description: "cannot write '\(path)': it is not a regular file (a device, pipe or socket); "
                                          + "give a file path, or leave out -o to write to standard output", isUsageError: true)
            }
            if let resolved = realpath(path, nil) {
                defer { free(resolved) }
                return String(cString: resolved)
            }
            return path
        }
        let folder = (path as NSString).deletingLastPathComponent
        var folderInfo = stat()
        if !folder.isEmpty && stat(folder, &folderInfo) != 0 {
            throw AtomicFileError(description: "cannot write '\(path)': the folder '\(folder)' does not exist", isUsageError: true)
        }
        return path
    }

    private static func stage(_ contents: Data, for destination: String, shownAs shown: String) throws(AtomicFileError) -> StagedFile {
        let file = try StagedFile(destination: destination, shownAs: shown)
        try file.write([UInt8](contents))
        try file.finishWriting()
        return file
    }

    /// An exclusive flock on the folder, or -1 where folders cannot be locked.
    private static func lockFolder(_ folder: String) -> Int32 {
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
        if fd >= 0 { _ = flock(fd, LOCK_EX) }
        return fd
    }
}
