import Foundation

/// Reads a file's lines in fixed-size blocks into one reused buffer, so memory
/// is bounded by the block size and the longest line, never the file. The first
/// step of streaming JSON Lines (see "Streaming map runs" in docs/architecture.md).
/// Lines are cut at LF exactly as `JSONLinesReader.lineRanges` cuts them: the
/// piece after the last LF is a line too (empty when the file ends with LF).
struct LineBlockReader {
    static let defaultBlockSize = 8 << 20

    /// One line: its bytes without the LF, its 1-based number and the byte
    /// offset of its first byte in the file.
    typealias Body = (_ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ offset: Int) throws -> Void

    /// Calls `body` for every line of the file at `path` in order; `source`
    /// names the file in errors.
    static func forEachLine(path: String, source: String, blockSize: Int = defaultBlockSize, _ body: Body) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CorpusError(file: source, "cannot be read (it does not exist or is not readable)")
        }
        defer { try? handle.close() }
        try forEachLine(source: source, blockSize: blockSize, read: { size in
            do {
                return try handle.read(upToCount: size) ?? Data()
            } catch {
                throw CorpusError(file: source, "cannot be read (\(error.localizedDescription))")
            }
        }, body)
    }

    /// The same over any sequence of blocks: `read(n)` returns at most n bytes,
    /// and no bytes at the end.
    static func forEachLine(source: String, blockSize: Int, read: (Int) throws -> Data, _ body: Body) throws {
        let size = max(1, blockSize)
        var pending: [UInt8] = []  // an unfinished line carried over from earlier blocks, then the new block
        var pendingOffset = 0      // the file offset of pending[0]
        var number = 1
        while true {
            let block = try read(size)
            if block.isEmpty { break }
            // The carried part holds no LF, so the search starts at the new block:
            // a line longer than many blocks is still scanned once.
            var searchFrom = pending.count
            pending.append(contentsOf: block)
            var start = 0
            try pending.withUnsafeBufferPointer { bytes in
                while let end = bytes[searchFrom...].firstIndex(of: 10) {
                    try body(UnsafeBufferPointer(rebasing: bytes[start..<end]), number, pendingOffset + start)
                    number += 1
                    start = end + 1
                    searchFrom = start
                }
            }
            pending.removeFirst(start)
            pendingOffset += start
        }
        try pending.withUnsafeBufferPointer { try body($0, number, pendingOffset) }
    }
}
