import CProcessShims
import Foundation

/// A write to standard output failed; the message says why.
public struct StandardOutputError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// Standard output and standard error, written with checked POSIX writes.
///
/// Foundation's `FileHandle.write` traps when a write fails (a full disk,
/// a closed pipe with SIGPIPE ignored), and `print` drops failures
/// silently; kiji must do neither.
public enum StandardStreams {
    nonisolated(unsafe) private static var outputWasClosed = false
    nonisolated(unsafe) private static var errorWasClosed = false

    /// Call once at start-up, before any file is opened: keeps descriptors
    /// 0–2 from being reused, and removes temporary output files on SIGINT,
    /// SIGTERM and SIGHUP.
    public static func prepare() {
        var closed: (Int32, Int32, Int32) = (0, 0, 0)
        withUnsafeMutablePointer(to: &closed) {
            $0.withMemoryRebound(to: Int32.self, capacity: 3) { kiji_reserve_standard_fds($0) }
        }
        outputWasClosed = closed.1 != 0
        errorWasClosed = closed.2 != 0
        kiji_install_signal_cleanup()
    }

    /// Writes `text` to standard output; throws when it cannot be written.
    public static func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { bytes in try write(bytes: UnsafeRawBufferPointer(bytes)) }
    }

    /// Writes `bytes` to standard output; throws when they cannot be written.
    public static func write(bytes: UnsafeRawBufferPointer) throws {
        guard !outputWasClosed else {
            throw StandardOutputError(description: "cannot write the output: standard output is closed (use -o FILE)")
        }
        guard bytes.count > 0, let base = bytes.baseAddress else { return }
        let status = kiji_write_all(1, base, bytes.count)
        guard status == 0 else {
            let reason = status == EPIPE ? "the reader closed the pipe" : String(cString: strerror(status))
            throw StandardOutputError(description: "cannot write the output to standard output: \(reason)")
        }
    }

    /// Writes `text` to standard error. Failures are ignored: standard
    /// error is where failures would be reported, so there is nowhere left.
    public static func writeError(_ text: String) {
        guard !errorWasClosed else { return }
        var text = text
        text.withUTF8 { bytes in
            if let base = bytes.baseAddress { _ = kiji_write_all(2, base, bytes.count) }
        }
    }
}
