import Foundation

/// Reads a JSON Lines file block by block, so that neither the file nor
/// (with deferred documents) its texts need to be in memory at once. The
/// documents, line numbers and errors are those of `JSONLinesReader.read`
/// on the whole file: each block of whole lines goes through the same
/// decoder, and files that need the whole-file path (not UTF-8, a NUL byte,
/// a UTF-16 byte-order mark) are refused by ``isStreamable(path:source:blockSize:)``
/// before any document is made.
enum StreamedJSONLines {
    /// Whether the file is UTF-8 without NUL bytes (a UTF-8 byte-order mark
    /// is fine): then ``read(path:source:stem:blockSize:_:)`` gives what the
    /// whole-file read gives. Other files should be read whole, which
    /// converts legacy encodings and reports the exact error.
    static func isStreamable(path: String, source: String, blockSize: Int = LineBlockReader.defaultBlockSize) throws -> Bool {
        var streamable = true
        try forEachBatch(path: path, source: source, blockSize: blockSize) { lines, _, offset in
            guard streamable else { return }
            if offset == 0, lines.starts(with: [0xFF, 0xFE]) || lines.starts(with: [0xFE, 0xFF]) { streamable = false }
            if let base = lines.baseAddress, memchr(base, 0, lines.count) != nil { streamable = false }
            if UTF8Validation.firstInvalidOffset(in: UnsafeRawBufferPointer(lines)) != nil { streamable = false }
        }
        return streamable
    }

    /// Calls `body` with every document of the file in order and the byte
    /// range of its line in the file. Throws the first bad line's error.
    static func read(path: String, source: String, stem: String, blockSize: Int = LineBlockReader.defaultBlockSize,
                     _ body: (Document, Range<Int>) throws -> Void) throws {
        try forEachBatch(path: path, source: source, blockSize: blockSize) { lines, firstNumber, offset in
            let records = try JSONLinesReader.decodeLines(lines, source: source, stem: stem, isValidUTF8: true,
                                                          lineOffset: firstNumber - 1)
            for (document, line) in records {
                try body(document, (offset + line.lowerBound)..<(offset + line.upperBound))
            }
        }
    }

    /// `LineBlockReader.forEachBatch` over the file, without a leading UTF-8
    /// byte-order mark (offsets stay those of the file).
    private static func forEachBatch(path: String, source: String, blockSize: Int,
                                     _ body: LineBlockReader.BatchBody) throws {
        try LineBlockReader.forEachBatch(path: path, source: source, blockSize: blockSize) { lines, firstNumber, offset in
            guard offset == 0, lines.starts(with: [0xEF, 0xBB, 0xBF]) else { return try body(lines, firstNumber, offset) }
            try body(UnsafeBufferPointer(rebasing: lines[3...]), firstNumber, 3)
        }
    }
}
