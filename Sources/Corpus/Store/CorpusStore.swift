import Crypto
import Foundation

/// A store written by `kiji import` (see ``StoreFormat``), opened for
/// reading. Opening checks the preamble, the trailer and the info; records
/// are checked as they are read. Files are read with `read`/`pread`, never
/// mapped, so a store cut short while kiji runs is an error, not a SIGBUS.
public final class CorpusStore: Sendable {
    /// The path as the user gave it.
    public let path: String
    public let info: StoreInfo
    /// Where the records end.
    let recordsEnd: Int
    /// The token entries, when the store was imported with `--tokens`.
    public let tokens: StoreTokens?

    public init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CorpusError(file: path, "cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw CorpusError(file: path, "cannot be read (\(String(cString: strerror(errno))))") }
        let size = Int(status.st_size)
        let preamble = try Self.read(descriptor, at: 0, count: min(size, StoreFormat.preambleSize), path: path)
        guard preamble.count == StoreFormat.preambleSize, preamble.starts(with: StoreFormat.magic) else {
            throw CorpusError(file: path, "is not a kiji store (it does not start with KIJISTOR)",
                              hint: "make one with: kiji import CORPUS… -o \((path as NSString).lastPathComponent)")
        }
        let version = Int(StoreFormat.littleEndian(preamble[8..<12]))
        guard version == StoreFormat.version || preamble[12..<16].contains(where: { $0 != 0 }) else {
            throw CorpusError(file: path, "is a store of format version \(version); this kiji reads version \(StoreFormat.version)",
                              hint: "import the corpus again with this kiji (kiji import CORPUS… -o \((path as NSString).lastPathComponent))")
        }
        guard preamble[12..<16].allSatisfy({ $0 == 0 }) else { throw Self.damaged(path, "its first bytes are overwritten") }
        guard size >= StoreFormat.preambleSize + StoreFormat.trailerSize else { throw Self.damaged(path, "it is cut short") }
        let trailer = try Self.read(descriptor, at: size - StoreFormat.trailerSize, count: StoreFormat.trailerSize, path: path)
        guard trailer.starts(with: StoreFormat.trailerMagic) else { throw Self.damaged(path, "it is cut short or its end is overwritten") }
        let documents = StoreFormat.littleEndian(trailer[8..<16])
        let infoOffset = StoreFormat.littleEndian(trailer[16..<24])
        let infoLength = StoreFormat.littleEndian(trailer[24..<32])
        guard infoOffset >= StoreFormat.preambleSize, infoLength < UInt64(size), infoOffset <= UInt64(size),
              Int(infoOffset) + Int(infoLength) + StoreFormat.trailerSize == size else {
            throw Self.damaged(path, "its parts do not add up to its size (cut short?)")
        }
        let json = try Self.read(descriptor, at: Int(infoOffset), count: Int(infoLength), path: path)
        guard Array(SHA256.hash(data: json)) == Array(trailer[32..<64]) else { throw Self.damaged(path, "its table of contents does not match its checksum") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let info = try? decoder.decode(StoreInfo.self, from: Data(json)), info.format == StoreFormat.name,
              info.documents == Int(exactly: documents), Self.total(info.files.map(\.documents)) == info.documents else {
            throw Self.damaged(path, "its table of contents cannot be read")
        }
        self.info = info
        recordsEnd = info.recordsEnd ?? Int(infoOffset)
        guard (StoreFormat.preambleSize...Int(infoOffset)).contains(recordsEnd) else { throw Self.damaged(path, "its records end outside the file") }
        if let tokens = info.tokens {
            let indexLength = tokens.entries.multipliedReportingOverflow(by: StoreTokens.indexEntryLength)
            guard tokens.entries >= 0, !indexLength.overflow, tokens.indexOffset >= recordsEnd,
                  indexLength.partialValue <= Int(infoOffset) - tokens.indexOffset else {
                throw Self.damaged(path, "its token index lies outside the file")
            }
            self.tokens = StoreTokens(path: path, info: tokens, entries: recordsEnd..<tokens.indexOffset)
        } else {
            self.tokens = nil
        }
    }

    /// The file's entry when the store holds `path` (named `source`) exactly
    /// as it is now: same size and SHA-256.
    func unchangedEntry(path: String, source: String) -> StoreInfo.File? {
        guard let entry = info.files.first(where: { $0.path == source }), let bytes = entry.bytes, let digest = entry.sha256,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              (attributes[.size] as? NSNumber)?.intValue == bytes, FileDigest.sha256(path: path) == digest else { return nil }
        return entry
    }

    /// Reads the records of one file of the store, as ``forEachRecord(blockSize:_:)``.
    func forEachRecord(of file: StoreInfo.File, _ body: (Document, Int, Int) throws -> Void) throws {
        guard let offset = file.offset, file.documents > 0 else { return }
        guard (StoreFormat.preambleSize..<recordsEnd).contains(offset) else { throw Self.damaged(path, "a file's records start outside the records") }
        try forEachRecord(from: offset, limit: file.documents, body)
    }

    /// Reads every record in order, in blocks, checking each; `body` gets the
    /// document and where its record lies (offset and length of the frame).
    func forEachRecord(blockSize: Int = 8 << 20, _ body: (Document, Int, Int) throws -> Void) throws {
        try forEachRecord(from: StoreFormat.preambleSize, limit: nil, blockSize: blockSize, body)
    }

    /// Reads records from the one at `start`: `limit` of them, or all that follow.
    private func forEachRecord(from start: Int, limit: Int?, blockSize: Int = 8 << 20, _ body: (Document, Int, Int) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CorpusError(file: path, "cannot be read (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        var buffer: [UInt8] = []
        var bufferStart = start  // file offset of buffer[0]
        var offset = start
        var count = 0
        while offset < recordsEnd, count < limit ?? Int.max {
            // Make sure the frame's header, then the whole frame, are in the buffer.
            func ensure(_ needed: Int) throws {
                guard needed <= recordsEnd - offset else { throw Self.damaged(path, "a record runs past the end of the records (at byte \(offset))") }
                let have = bufferStart + buffer.count - offset
                guard have < needed else { return }
                buffer.removeFirst(offset - bufferStart)
                bufferStart = offset
                let more = min(max(needed - buffer.count, blockSize), recordsEnd - bufferStart - buffer.count)
                buffer += try Self.read(descriptor, at: bufferStart + buffer.count, count: more, path: path)
                guard buffer.count >= needed else { throw Self.damaged(path, "it is cut short") }
            }
            try ensure(StoreFormat.frameHeaderSize)
            let start = offset - bufferStart
            let length = Int(StoreFormat.littleEndian(buffer[start..<start + 4]))
            try ensure(StoreFormat.frameHeaderSize + length)
            let frameStart = offset - bufferStart
            let document = try buffer.withUnsafeBufferPointer {
                try decodeFrame(UnsafeBufferPointer(rebasing: $0[frameStart..<frameStart + StoreFormat.frameHeaderSize + length]), at: offset)
            }
            try body(document, offset, StoreFormat.frameHeaderSize + length)
            offset += StoreFormat.frameHeaderSize + length
            count += 1
        }
        guard count == limit ?? info.documents else { throw Self.damaged(path, "it holds \(count) records, not the \(info.documents) its table of contents lists") }
    }

    /// The document of the frame at `offset` (`count` bytes), read again.
    func record(at offset: Int, count: Int) throws -> Document {
        try Self.readAgain(path, at: offset, count: count).withUnsafeBufferPointer { try decodeFrame($0, at: offset) }
    }

    /// `count` bytes at `offset` of a store opened before: the file is opened
    /// for each read, so a run over many stores never runs out of descriptors.
    static func readAgain(_ path: String, at offset: Int, count: Int) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CorpusError(file: path, "cannot be read again (\(String(cString: strerror(errno))))",
                              hint: "do not change corpus files while kiji runs; run again")
        }
        defer { close(descriptor) }
        let bytes = try read(descriptor, at: offset, count: count, path: path)
        guard bytes.count == count else { throw CorpusError(file: path, "is shorter than when kiji read it", hint: "do not change corpus files while kiji runs; run again") }
        return bytes
    }

    /// Checks a frame's length and digest and decodes its record.
    private func decodeFrame(_ frame: UnsafeBufferPointer<UInt8>, at offset: Int) throws -> Document {
        guard frame.count >= StoreFormat.frameHeaderSize,
              Int(StoreFormat.littleEndian(frame[0..<4])) == frame.count - StoreFormat.frameHeaderSize else {
            throw Self.damaged(path, "a record's length is wrong (at byte \(offset))")
        }
        let record = UnsafeBufferPointer(rebasing: frame[StoreFormat.frameHeaderSize...])
        guard StoreWriter.digest(UnsafeRawBufferPointer(record)) == Array(frame[4..<12]) else {
            throw Self.damaged(path, "a record does not match its checksum (at byte \(offset))")
        }
        do {
            return try StoreRecord.decode(record, sources: info.sources, tokens: tokens)
        } catch let damage as StoreDamage {
            throw Self.damaged(path, "\(damage.description) (record at byte \(offset))")
        }
    }

    /// The sum of counts, or nil when one is negative or the sum overflows.
    private static func total(_ counts: [Int]) -> Int? {
        var sum = 0
        for count in counts {
            let (next, overflow) = sum.addingReportingOverflow(count)
            guard count >= 0, !overflow else { return nil }
            sum = next
        }
        return sum
    }

    /// The error for a damaged store: what is wrong, and to import again.
    public static func damaged(_ path: String, _ why: String) -> CorpusError {
        CorpusError(file: path, "is damaged: \(why)",
                    hint: "import the corpus again (kiji import CORPUS… -o \((path as NSString).lastPathComponent)); kiji never reads a damaged store")
    }

    /// Up to `count` bytes at `offset` (fewer only at the end of the file).
    static func read(_ descriptor: Int32, at offset: Int, count: Int, path: String) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw CorpusError(file: path, "cannot be read (\(String(cString: strerror(errno))))") }
            if n == 0 { break }
            done += n
        }
        if done < count { buffer.removeLast(count - done) }
        return buffer
    }
}
