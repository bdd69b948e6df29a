import Foundation

/// A JSON Lines file that deferred documents read their records from again
/// (see ``Document/isDeferred``). It is opened for each read, so a corpus of
/// thousands of files never runs out of file descriptors; a file changed,
/// moved or deleted during the run is caught by the check in
/// ``Document/loaded()`` or fails to open, and either way the run stops.
public final class RecordFile: @unchecked Sendable {
    /// Where the file is, and how documents name it (for a store: its path as given).
    let path: String, source: String
    let kind: Kind
    private let lock = NSLock()
    private var firstFailure: CorpusError?

    /// What the records are.
    enum Kind {
        /// JSON Lines records; `stem` prefixes the documents' default ids.
        case jsonLines(stem: String)
        /// Framed records of a store.
        case store(CorpusStore)
    }

    init(path: String, source: String, stem: String) {
        (self.path, self.source, kind) = (path, source, .jsonLines(stem: stem))
    }

    init(store: CorpusStore) {
        (path, source, kind) = (store.path, store.path, .store(store))
    }

    /// The first failure to read a record again where no error could be
    /// thrown (a text property of a deferred document); a run that sees one
    /// must fail rather than write its output.
    public var failure: CorpusError? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }

    func record(_ error: Error) {
        lock.lock()
        defer { lock.unlock() }
        if firstFailure == nil {
            firstFailure = error as? CorpusError ?? CorpusError(file: source, "cannot be read again (\(error))")
        }
    }

    /// `count` bytes at `offset`; workers may read at once.
    func bytes(at offset: Int, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CorpusError(file: source, "cannot be read again (\(String(cString: strerror(errno))))",
                              hint: "do not change corpus files while kiji runs; run again")
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                throw CorpusError(file: source, n == 0 ? "is shorter than when kiji read it" : "cannot be read again (\(String(cString: strerror(errno))))",
                                  hint: "do not change corpus files while kiji runs; run again")
            }
            done += n
        }
        return buffer
    }
}

/// Where a deferred document's record lies in its file.
struct RecordOrigin: Sendable {
    let file: RecordFile
    /// The byte offset and length of the record's line (without its LF).
    let offset: Int, count: Int

    /// The document the record gives now, unmarked.
    func read(line: Int) throws -> Document {
        let stem: String
        switch file.kind {
        case .store(let store): return try store.record(at: offset, count: count)
        case .jsonLines(let jsonStem): stem = jsonStem
        }
        let bytes = try file.bytes(at: offset, count: count)
        var decoder: JSONDecoder?
        let result = bytes.withUnsafeBufferPointer {
            JSONLinesReader.decodeLine($0, number: line, scan: true, decoder: &decoder, source: file.source, stem: stem)
        }
        guard case .success(let document)? = result else { throw changed(line: line) }
        return document
    }

    /// The error for a record that no longer gives `document`.
    func changed(line: Int, of document: Document? = nil) -> CorpusError {
        if case .store = file.kind {
            return CorpusError(file: file.source, "changed while kiji was reading it (the record of \(document?.location ?? "line \(line)"))",
                               hint: "do not change corpus files while kiji runs; run again")
        }
        return CorpusError(file: file.source, line: line, "changed while kiji was reading it",
                           hint: "do not change corpus files while kiji runs; run again")
    }
}
