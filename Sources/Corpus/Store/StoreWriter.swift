import Crypto
import Foundation

/// Writes a store (see ``StoreFormat``) front to back through `sink`, so a
/// corpus of any size is written in blocks; the caller makes the file
/// appear only once ``finish(kijiVersion:layout:files:)`` returns.
public struct StoreWriter {
    private let sink: ([UInt8]) throws -> Void
    private var buffer: [UInt8] = []
    private var written = 0
    private var sources: [String] = []
    private var sourceIndex: [String: Int] = [:]
    private var documents = 0
    /// Where each record starts, to tell each file where its records start.
    private var recordOffsets: [Int] = []
    /// Where the records end, once token entries follow them.
    private var recordsEnd: Int?
    private var tokenIndex: [(key: [UInt8], offset: Int, length: Int)] = []
    private var tokenKeys: Set<[UInt8]> = []
    private var textBytes = 0
    private static let flushSize = 4 << 20

    public init(sink: @escaping ([UInt8]) throws -> Void) {
        self.sink = sink
        buffer = StoreFormat.preamble()
    }

    /// Adds a document after those added so far (its text is read if it was deferred).
    public mutating func append(_ document: Document) throws {
        guard recordsEnd == nil else { throw CorpusError(file: "store", "documents must come before token entries (a bug in kiji; please report it)") }
        let document = try document.loaded()
        let index = sourceIndex[document.source] ?? {
            sources.append(document.source)
            sourceIndex[document.source] = sources.count - 1
            return sources.count - 1
        }()
        let record = StoreRecord.encode(document, sourceIndex: index)
        guard record.count <= StoreFormat.maxRecordSize else {
            throw CorpusError(file: document.source, line: document.line, "the document is too large for a store (over 4 GiB)")
        }
        recordOffsets.append(written + buffer.count)
        appendFrame(record)
        documents += 1
        textBytes += document.textBytes.count
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Whether the store has an entry for the text whose SHA-256 is `key`.
    public func hasTokens(for key: [UInt8]) -> Bool { tokenKeys.contains(key) }

    /// Adds the token entry of the text whose SHA-256 is `key`, after all
    /// documents; a key given again is ignored (copies share one entry).
    public mutating func appendTokens(key: [UInt8], entry: [UInt8]) throws {
        guard key.count == StoreTokens.keyLength, entry.count <= StoreFormat.maxRecordSize, !tokenKeys.contains(key) else { return }
        if recordsEnd == nil { recordsEnd = written + buffer.count }
        tokenKeys.insert(key)
        tokenIndex.append((key, written + buffer.count, StoreFormat.frameHeaderSize + entry.count))
        appendFrame(entry)
        if buffer.count >= Self.flushSize { try flush() }
    }

    private mutating func appendFrame(_ payload: [UInt8]) {
        StoreFormat.appendLittleEndian(UInt64(payload.count), width: 4, to: &buffer)
        buffer += payload.withUnsafeBytes { StoreWriter.digest($0) }
        buffer += payload
    }

    /// What a store records of each file of `corpus`: its size and SHA-256
    /// (from the store it came from, or read now), and its encoding.
    public static func files(of corpus: Corpus) -> [StoreInfo.File] {
        let encodings = Dictionary(corpus.converted.map { ($0.path, $0.encoding.rawValue) }, uniquingKeysWith: { first, _ in first })
        return corpus.files.map { file in
            let isFile = file.store == nil && file.location != StandardInput.path
            let size = isFile ? (try? FileManager.default.attributesOfItem(atPath: file.location))?[.size] as? NSNumber : nil
            return StoreInfo.File(path: file.path, documents: file.documentCount, bytes: file.bytes ?? size?.intValue,
                                  sha256: file.sha256 ?? (isFile ? FileDigest.sha256(path: file.location) : nil),
                                  encoding: encodings[file.path])
        }
    }

    /// Writes the info and the trailer.
    /// `files` are the corpus's files in order; their documents must add up
    /// to the documents appended, in the same order.
    /// `tokens` names the dictionary of the token entries (nil: none were added).
    public mutating func finish(kijiVersion: String, layout: String?, files: [StoreInfo.File],
                                tokens: (dictionary: String, description: String)? = nil) throws {
        var files = files
        var first = 0
        for index in files.indices {
            files[index].offset = files[index].documents > 0 && first < recordOffsets.count ? recordOffsets[first] : nil
            first += files[index].documents
        }
        guard first == documents else {
            throw CorpusError(file: "store", "the files list \(first) documents but \(documents) were written (a bug in kiji; please report it)")
        }
        if recordsEnd == nil { recordsEnd = written + buffer.count }
        var tokenInfo: StoreInfo.Tokens?
        if let tokens {
            let indexOffset = written + buffer.count
            var index: [UInt8] = []
            index.reserveCapacity(tokenIndex.count * StoreTokens.indexEntryLength)
            for entry in tokenIndex.sorted(by: { StoreTokens.compare($0.key, $1.key) < 0 }) {
                index += entry.key
                StoreFormat.appendLittleEndian(UInt64(entry.offset), width: 8, to: &index)
                StoreFormat.appendLittleEndian(UInt64(entry.length), width: 4, to: &index)
            }
            buffer += index
            tokenInfo = StoreInfo.Tokens(dictionary: tokens.dictionary, description: tokens.description, entries: tokenIndex.count,
                                         indexOffset: indexOffset, indexSha256: FileDigest.hex(SHA256.hash(data: index)))
        }
        let indexOffset = written + buffer.count
        var offsets: [UInt8] = []
        offsets.reserveCapacity(recordOffsets.count * 8)
        for offset in recordOffsets { StoreFormat.appendLittleEndian(UInt64(offset), width: 8, to: &offsets) }
        buffer += offsets
        let info = StoreInfo(format: StoreFormat.name, formatVersion: StoreFormat.version, kijiVersion: kijiVersion,
                             layout: layout, documents: documents, textBytes: textBytes, files: files, sources: sources,
                             recordsEnd: recordsEnd, tokens: tokenInfo,
                             recordIndex: .init(offset: indexOffset, sha256: FileDigest.hex(SHA256.hash(data: offsets))))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let json = Array(try encoder.encode(info))
        let infoOffset = written + buffer.count
        buffer += json
        buffer += StoreFormat.trailerMagic
        for value in [documents, infoOffset, json.count] { StoreFormat.appendLittleEndian(UInt64(value), width: 8, to: &buffer) }
        buffer += SHA256.hash(data: json)
        try flush()
    }

    private mutating func flush() throws {
        try sink(buffer)
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// The first 8 bytes of a record's SHA-256.
    static func digest(_ record: UnsafeRawBufferPointer) -> [UInt8] {
        Array(SHA256.hash(data: record).prefix(8))
    }
}
