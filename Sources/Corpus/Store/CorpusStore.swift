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
    /// Where each record starts (the store's offsets table), checked against the records as they are read.
    let recordOffsets: [Int]?

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
        let recordsEnd = info.recordsEnd ?? Int(infoOffset)
        guard (StoreFormat.preambleSize...Int(infoOffset)).contains(recordsEnd) else { throw Self.damaged(path, "its records end outside the file") }
        self.recordsEnd = recordsEnd
        recordOffsets = try info.recordIndex.map { index in
            let length = info.documents.multipliedReportingOverflow(by: 8)
            guard !length.overflow, index.offset >= recordsEnd, length.partialValue <= Int(infoOffset) - index.offset else {
                throw Self.damaged(path, "its table of record offsets lies outside the file")
            }
            let bytes = try Self.read(descriptor, at: index.offset, count: length.partialValue, path: path)
            guard FileDigest.hex(SHA256.hash(data: bytes)) == index.sha256 else {
                throw Self.damaged(path, "its table of record offsets does not match its checksum")
            }
            return stride(from: 0, to: bytes.count, by: 8).map { Int(truncatingIfNeeded: StoreFormat.littleEndian(bytes[$0..<$0 + 8])) }
        }
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
        guard let position = info.files.firstIndex(of: file) else { return }
        let first = info.files[..<position].reduce(0) { $0 + $1.documents }  // the info checked that the counts add up
        try forEachRecord(from: offset, firstRecord: first, limit: file.documents, body)
    }

    /// Reads every record in order, in blocks, checking each; `body` gets the
    /// document and where its record lies (offset and length of the frame).
    func forEachRecord(blockSize: Int = 8 << 20, _ body: (Document, Int, Int) throws -> Void) throws {
        try forEachRecord(from: StoreFormat.preambleSize, firstRecord: 0, limit: nil, blockSize: blockSize, body)
    }

    /// Reads records from the one at `start` (record number `firstRecord`):
    /// `limit` of them, or all that follow. Each block's frames are checked and decoded on all cores, then
    /// handed to `body` in order; the first bad frame in order is the error.
    private func forEachRecord(from start: Int, firstRecord: Int, limit: Int?, blockSize: Int = 8 << 20,
                               _ body: (Document, Int, Int) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CorpusError(file: path, "cannot be read (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        let wanted = limit ?? info.documents
        var offset = start
        var count = 0
        while offset < recordsEnd, count < wanted {
            // A block of whole frames (at least one), found by their lengths.
            var block = try Self.read(descriptor, at: offset, count: min(blockSize, recordsEnd - offset), path: path)
            var frames: [Range<Int>] = []
            var position = 0
            while count + frames.count < wanted, offset + position < recordsEnd {
                // A frame that does not fit ends the block, unless it is the first (then the block grows).
                if block.count - position < StoreFormat.frameHeaderSize {
                    guard frames.isEmpty else { break }
                    block += try Self.read(descriptor, at: offset + block.count, count: StoreFormat.frameHeaderSize - block.count, path: path)
                    guard block.count == StoreFormat.frameHeaderSize else { throw Self.damaged(path, "a record runs past the end of the records (at byte \(offset))") }
                }
                let length = StoreFormat.frameHeaderSize + Int(StoreFormat.littleEndian(block[position..<position + 4]))
                guard length <= recordsEnd - offset - position else {
                    throw Self.damaged(path, "a record runs past the end of the records (at byte \(offset + position))")
                }
                if block.count - position < length {
                    guard frames.isEmpty else { break }
                    block += try Self.read(descriptor, at: offset + block.count, count: length - block.count, path: path)
                    guard block.count == length else { throw Self.damaged(path, "it is cut short") }
                }
                frames.append(position..<position + length)
                position += length
            }
            let documents = try decodeFrames(block, frames, at: offset)
            for (frame, document) in zip(frames, documents) {
                let number = firstRecord + count
                guard recordOffsets.map({ number < $0.count && $0[number] == offset + frame.lowerBound }) ?? true else {
                    throw Self.damaged(path, "its table of record offsets does not match its records")
                }
                try body(document, offset + frame.lowerBound, frame.count)
                count += 1
            }
            offset += position
        }
        guard count == wanted else { throw Self.damaged(path, "it holds \(count) records, not the \(info.documents) its table of contents lists") }
    }

    /// The documents of `frames` in `block` (which starts at file offset `base`), decoded on all cores.
    private func decodeFrames(_ block: [UInt8], _ frames: [Range<Int>], at base: Int) throws -> [Document] {
        let slots = DecodedSlots(count: frames.count)
        block.withUnsafeBufferPointer { bytes in
            let shared = SharedBlock(bytes: bytes)
            let workers = min(frames.count, ProcessInfo.processInfo.activeProcessorCount)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: frames.count, by: workers) {
                    let frame = frames[index]
                    slots.set(index, Result { try decodeFrame(UnsafeBufferPointer(rebasing: shared.bytes[frame]), at: base + frame.lowerBound) })
                }
            }
        }
        return try (0..<frames.count).map { try slots.get($0) }
    }

    /// A block read by every worker, written by none.
    private struct SharedBlock: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// Decoded frames, each slot written by one worker under a lock.
    private final class DecodedSlots: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<Document, Error>?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ result: Result<Document, Error>) { lock.withLock { results[index] = result } }
        func get(_ index: Int) throws -> Document {
            guard let result = lock.withLock({ results[index] }) else { throw CorpusError(file: "store", "a record was not decoded") }
            return try result.get()
        }
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
        guard let record = StoreFormat.payload(ofFrame: frame) else {
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
