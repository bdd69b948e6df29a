import Foundation

/// Reads JSON Lines: one object per line with the fields `id`, `date`,
/// `title`, `text` or `body`, `author` or `authors`, `url` or `urls`. Other
/// keys are kept as metadata. Blank lines are skipped.
public enum JSONLinesReader {
    static let mappedKeys: Set<String> = ["id", "date", "title", "text", "body", "author", "authors", "url", "urls"]

    public static func read(_ data: Data, source: String, stem: String, lineOffset: Int = 0) throws -> [Document] {
        let isUTF8 = data.withUnsafeBytes { UTF8Validation.firstInvalidOffset(in: $0) == nil }
        return try read(data, source: source, stem: stem, isValidUTF8: isUTF8, lineOffset: lineOffset)
    }

    /// Reads `data`; when it is valid UTF-8, records are scanned byte by byte
    /// (see ``JSONRecordScanner``), otherwise every line goes to JSONDecoder.
    /// - Parameter lineOffset: lines that came before `data` in the whole
    ///   file (a part of a split file keeps the line numbers, and so the
    ///   default ids, of the whole); at most ``maximumLineOffset``.
    static func read(_ data: Data, source: String, stem: String, isValidUTF8: Bool, lineOffset: Int = 0) throws -> [Document] {
        guard (0...maximumLineOffset).contains(lineOffset) else {
            throw CorpusError(file: source, "line offset \(lineOffset) is not between 0 and \(maximumLineOffset)")
        }
        return try data.withUnsafeBytes { raw in
            try decodeLines(raw.assumingMemoryBound(to: UInt8.self), source: source, stem: stem, isValidUTF8: isValidUTF8,
                            lineOffset: lineOffset).map(\.document)
        }
    }

    /// The documents of `bytes`, in order, each with the byte range of its
    /// line in `bytes`; throws the error of the first bad line.
    static func decodeLines(_ bytes: UnsafeBufferPointer<UInt8>, source: String, stem: String, isValidUTF8: Bool,
                            lineOffset: Int) throws -> [(document: Document, line: Range<Int>)] {
        let file = SharedBytes(bytes: bytes)
        let lines = lineRanges(of: file.bytes)
        // Lines are independent, so they are decoded (and normalised) on all
        // cores; each result lands in its own slot, so the order is kept and
        // the first bad line is reported, as a sequential read would.
        let results = ResultSlots(count: lines.count)
        let chunks = max(1, min(lines.count / 64, ProcessInfo.processInfo.activeProcessorCount * 4))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var decoder: JSONDecoder?
            for index in stride(from: chunk, to: lines.count, by: chunks) {
                let line = UnsafeBufferPointer(rebasing: file.bytes[lines[index]])
                results.slots[index] = decodeLine(line, number: lineOffset + index + 1, scan: isValidUTF8, decoder: &decoder, source: source, stem: stem)
            }
        }
        var documents: [(document: Document, line: Range<Int>)] = []
        documents.reserveCapacity(lines.count)
        for (result, line) in zip(results.slots, lines) {
            switch result {
            case nil: continue
            case .success(let document)?: documents.append((document, line))
            case .failure(let error)?: throw error
            }
        }
        return documents
    }

    /// The largest line offset: far beyond any file, and small enough that
    /// line numbers never overflow.
    public static let maximumLineOffset = 1 << 48

    /// The file's bytes, read (never written) by every worker while `read` runs.
    private struct SharedBytes: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// The lines of `bytes` (without their LF), found with memchr.
    static func lineRanges(of bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = bytes.baseAddress else { return [0..<0] }
        var ranges: [Range<Int>] = []
        var start = 0
        while let found = memchr(base + start, 10, bytes.count - start) {
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            ranges.append(start..<end)
            start = end + 1
        }
        ranges.append(start..<bytes.count)
        return ranges
    }

    /// One slot per line, each written by exactly one worker.
    private final class ResultSlots: @unchecked Sendable {
        let slots: UnsafeMutableBufferPointer<Result<Document, CorpusError>?>
        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }
        deinit {
            slots.deinitialize()
            slots.deallocate()
        }
    }

    /// One line: nil when blank. A line the scanner cannot take as it is
    /// (anything unusual, and every error) is decoded with JSONDecoder, which
    /// decides the result as it always did.
    static func decodeLine(_ line: UnsafeBufferPointer<UInt8>, number: Int, scan: Bool, decoder: inout JSONDecoder?,
                           source: String, stem: String) -> Result<Document, CorpusError>? {
        if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { return nil }
        if scan, let record = JSONRecordScanner.scan(line),
           let document = try? document(from: record.fields, meta: record.meta, source: source, stem: stem, line: number) {
            return .success(document)
        }
        let lineBytes = Data(buffer: line)
        if nestingExceedsLimit(lineBytes) {
            return .failure(CorpusError(file: source, line: number,
                                        "the record nests arrays or objects more than \(maxMetaDepth) levels deep",
                                        hint: "kiji keeps metadata up to \(maxMetaDepth) levels deep; flatten the field or drop it before loading"))
        }
        let object: [String: JSONValue]
        do {
            let jsonDecoder = decoder ?? JSONDecoder()
            decoder = jsonDecoder
            object = try jsonDecoder.decode([String: JSONValue].self, from: lineBytes)
        } catch {
            let isObject = lineBytes.first(where: { $0 != 32 && $0 != 9 }) == UInt8(ascii: "{")
            return .failure(CorpusError(file: source, line: number, isObject ? "not valid JSON" : "not a JSON object",
                                        hint: "each line of a JSON Lines file must hold one JSON object, e.g. {\"id\": \"a1\", \"date\": \"2025-01-31\", \"title\": \"…\", \"text\": \"…\"}"))
        }
        do {
            return .success(try document(from: object, source: source, stem: stem, line: number))
        } catch let error as CorpusError {
            return .failure(error)
        } catch {
            return .failure(CorpusError(file: source, line: number, "\(error)"))
        }
    }

    /// How deep a record's metadata may nest arrays and objects. Deeper
    /// values are refused when the file is read, so neither the JSON decoder
    /// nor a plugin converting `doc.meta` has to recurse without bound.
    public static let maxMetaDepth = 100

    /// Whether the brackets of one line (outside strings) nest deeper than the
    /// record object plus `maxMetaDepth` levels. Stops at the first excess.
    static func nestingExceedsLimit(_ line: Data) -> Bool {
        line.withUnsafeBytes { bytes in
            var depth = 0, inString = false, escaped = false
            for byte in bytes {
                if inString {
                    if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                    continue
                }
                switch byte {
                case 0x22: inString = true
                case 0x5B, 0x7B:
                    depth += 1
                    if depth > maxMetaDepth + 1 { return true }
                case 0x5D, 0x7D: depth -= 1
                default: continue
                }
            }
            return false
        }
    }

    /// A document from one JSON object (the fields of a JSON Lines record).
    public static func document(from object: [String: JSONValue], source: String, stem: String, line: Int) throws -> Document {
        try document(from: object, meta: .decoded(object.filter { !mappedKeys.contains($0.key) }), source: source, stem: stem, line: line)
    }

    /// A document from the mapped fields of a record (other keys of `object`
    /// are ignored) and its metadata.
    static func document(from object: [String: JSONValue], meta: DocumentMeta, source: String, stem: String, line: Int) throws -> Document {
        func fail(_ problem: String, _ hint: String? = nil) -> CorpusError {
            CorpusError(file: source, line: line, problem, hint: hint)
        }
        func string(_ key: String) throws -> String? {
            switch object[key] {
            case nil, .null?: return nil
            case .string(let s)?: return s
            case let other?: throw fail("field '\(key)' must be a string, not \(other.kindName)")
            }
        }
        func strings(_ plural: String, _ singular: String) throws -> [String] {
            for key in [plural, singular] {
                switch object[key] {
                case nil, .null?: continue
                case .string(let s)?: return s.isEmpty ? [] : [s]
                case .array(let items)?:
                    return try items.map {
                        guard case .string(let s) = $0 else { throw fail("field '\(key)' must be a string or an array of strings") }
                        return s
                    }
                case let other?: throw fail("field '\(key)' must be a string or an array of strings, not \(other.kindName)")
                }
            }
            return []
        }

        let id: String
        switch object["id"] {
        case nil, .null?: id = "\(stem):\(line)"
        case .string(let s)? where !s.isEmpty: id = s
        case .integer(let i)?: id = String(i)
        case let other?: throw fail("field 'id' must be a non-empty string or an integer, not \(other.kindName)")
        }
        let title = try string("title")
        let body = try string("text") ?? string("body")
        guard title != nil || body != nil else {
            let keys = object.keys.sorted().joined(separator: ", ")
            throw fail("the object has no 'text', 'body' or 'title' field (its keys: \(keys))",
                       "rename the field holding the article text to 'text'")
        }
        var date: CalendarDate?
        if let written = try string("date"), !written.isEmpty {
            guard let parsed = parseDate(written) else {
                throw fail("date '\(written)' is not an ISO 8601 date",
                           "write dates as 2025-01-31, 2025-01-31T09:00:00+09:00 or 2025-01-31T09:00:00+0900")
            }
            date = parsed
        }
        return Document(id: id, source: source, line: line, title: title ?? "", body: body ?? "",
                        date: date, authors: try strings("authors", "author"),
                        urls: try strings("urls", "url"), meta: meta)
    }
}

extension JSONValue {
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
