import CProcessShims
import Foundation

/// A new file written piece by piece into a temporary file beside its
/// destination, which ``commit()`` renames into place: readers see the old
/// file or the whole new one. The temporary file is removed when the
/// object goes away uncommitted, on failure and on SIGINT/SIGTERM/SIGHUP.
public final class StagedFile {
    let temporary: String
    let destination: String
    private let shown: String
    private let slot: Int32
    private var descriptor: Int32
    private var committed = false

    /// - Parameter path: the destination, checked as ``AtomicFile`` checks it.
    public convenience init(path: String) throws(AtomicFileError) {
        try self.init(destination: try AtomicFile.checkedDestination(path), shownAs: path)
    }

    init(destination: String, shownAs shown: String) throws(AtomicFileError) {
        let folder = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "" : folder + "/") + ".\(name).kiji-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw AtomicFileError(description: "cannot write '\(shown)' (is the folder writable?): \(String(cString: strerror(errno)))",
                                  isUsageError: false)
        }
        temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        (self.destination, self.shown, descriptor) = (destination, shown, fd)
        slot = kiji_cleanup_add(temporary)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if !committed { unlink(temporary) }
        kiji_cleanup_remove(slot)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(AtomicFileError) {
        guard bytes.count > 0, let base = bytes.baseAddress else { return }
        let status = kiji_write_all(descriptor, base, bytes.count)
        guard status == 0 else { throw failure(status) }
    }

    public func write(_ bytes: [UInt8]) throws(AtomicFileError) {
        let status = bytes.withUnsafeBytes { $0.count == 0 ? 0 : kiji_write_all(descriptor, $0.baseAddress!, $0.count) }
        guard status == 0 else { throw failure(status) }
    }

    /// Gives the file the mode a new file gets (mkstemp makes it private) and closes it.
    func finishWriting() throws(AtomicFileError) {
        let mask = umask(0)
        umask(mask)
        var status: Int32 = fchmod(descriptor, 0o666 & ~mask) == 0 ? 0 : errno
        if close(descriptor) != 0 && status == 0 { status = errno }
        descriptor = -1
        guard status == 0 else { throw failure(status) }
    }

    /// Closes the file and renames it into place.
    public func commit() throws(AtomicFileError) {
        try finishWriting()
        guard rename(temporary, destination) == 0 else { throw failure(errno) }
        committed = true
    }

    /// The temporary file has been renamed into place by someone else (``AtomicFile``).
    func markCommitted() { committed = true }

    private func failure(_ status: Int32) -> AtomicFileError {
        AtomicFileError(description: "cannot write '\(shown)': \(String(cString: strerror(status)))", isUsageError: false)
    }
}
