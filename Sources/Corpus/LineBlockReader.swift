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
        try forEachBatch(path: path, source: source, blockSize: blockSize) { batch, firstNumber, offset in
            try forEachLine(of: batch, firstNumber: firstNumber, offset: offset, body)
        }
    }

    /// ``forEachBatch(blockSize:read:_:)`` over the file at `path`.
    static func forEachBatch(path: String, source: String, blockSize: Int = defaultBlockSize, _ body: BatchBody) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CorpusError(file: source, "cannot be read (it does not exist or is not readable)")
        }
        defer { try? handle.close() }
        try forEachBatch(blockSize: blockSize, read: { size in
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
        try forEachBatch(blockSize: blockSize, read: read) { batch, firstNumber, offset in
            try forEachLine(of: batch, firstNumber: firstNumber, offset: offset, body)
        }
    }

    private static func forEachLine(of batch: UnsafeBufferPointer<UInt8>, firstNumber: Int, offset: Int, _ body: Body) throws {
        for (index, line) in JSONLinesReader.lineRanges(of: batch).enumerated() {
            try body(UnsafeBufferPointer(rebasing: batch[line]), firstNumber + index, offset + line.lowerBound)
        }
    }

    /// Whole lines at a time: `body` gets bytes that end just before an LF
    /// (the last batch: at the end of the file), the number of their first
    /// line and the file offset of their first byte. Cut with
    /// `JSONLinesReader.lineRanges`, the batches give the file's lines.
    typealias BatchBody = (_ lines: UnsafeBufferPointer<UInt8>, _ firstNumber: Int, _ offset: Int) throws -> Void

    static func forEachBatch(blockSize: Int, read: (Int) throws -> Data, _ body: BatchBody) throws {
        let size = max(1, blockSize)
        var pending: [UInt8] = []  // lines not yet given to body: whole ones, then an unfinished one
        var pendingOffset = 0      // the file offset of pending[0]
        var number = 1
        while true {
            let block = try read(size)
            if block.isEmpty { break }
            // The carried part holds no LF, so only the new block is searched:
            // a line longer than many blocks is still scanned once.
            let searchFrom = pending.count
            pending.append(contentsOf: block)
            guard let lastLF = pending[searchFrom...].lastIndex(of: 10) else { continue }
            try pending.withUnsafeBufferPointer { bytes in
                let batch = UnsafeBufferPointer(rebasing: bytes[..<lastLF])
                try body(batch, number, pendingOffset)
                number += newlineCount(in: batch) + 1
            }
            pending.removeFirst(lastLF + 1)
            pendingOffset += lastLF + 1
        }
        try pending.withUnsafeBufferPointer { try body($0, number, pendingOffset) }
    }

    static func newlineCount(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard var position = bytes.baseAddress.map(UnsafeRawPointer.init) else { return 0 }
        let end = position + bytes.count
        var count = 0
        while position < end, let found = memchr(position, 10, position.distance(to: end)) {
            count += 1
            position = UnsafeRawPointer(found) + 1
        }
        return count
    }
}
