import Text

/// Where a document's date came from.
public enum DateOrigin: String, Sendable {
    /// A date line or a date field gives the publication date.
    case stated
    /// The first full date written in the text (2025年1月31日, 2025/01/31).
    case text
}

/// One article. Immutable; shared between workers.
///
/// The text is kept once: the NFKC-normalised UTF-8 of title + "\n" + body,
/// plus patches that rebuild the raw text where normalisation changed it.
/// `title`, `body`, `text` and `rawText` are made when asked.
public final class Document: Sendable {
    public let id: String
    /// The file the document came from, as the user named it.
    public let source: String
    /// The 1-based line in `source` where the document starts.
    public let line: Int
    public let date: CalendarDate?
    public let dateOrigin: DateOrigin?
    public let authors: [String]
    public let urls: [String]
    /// Other fields of the record (JSON Lines keys kiji does not map),
    /// decoded each time they are read (see ``DocumentMeta``).
    public var meta: [String: JSONValue] { metaStorage.value }
    let metaStorage: DocumentMeta
    /// The text, or nil when it was left in the file (see ``isDeferred``).
    private let storedText: DocumentText?
    /// Where a deferred document's record is, to read it again.
    let origin: RecordOrigin?
    /// ``DuplicateMarker``'s hash of the comparable text, also used to
    /// check that a deferred document reads back unchanged.
    let comparableHash: UInt64
    /// NFKC(title + "\n" + body) as UTF-8: the text every count and match runs on.
    public var textBytes: [UInt8] { text(\.bytes) }
    /// What turns `textBytes` back into the raw title + "\n" + body.
    public var rawPatches: NormalizationPatches { text(\.patches) }
    /// The raw title's length in UTF-8 bytes.
    public var rawTitleCount: Int { text(\.rawTitleCount) }
    /// Whether the text was left in the file to save memory: it is read
    /// again on each use (see ``loaded()``).
    public var isDeferred: Bool { storedText == nil }
    /// The id of the first document in the corpus with the same normalised
    /// text (see ``DuplicateMarker``), or nil when this is the first.
    public let duplicateOf: String?
    /// Whether the document is a page's own description rather than an
    /// article (see ``DuplicateMarker``).
    public let isBoilerplate: Bool
    /// The token entries of the store the document was read from, when it was imported with `--tokens`.
    public let storedTokens: StoreTokens?

    /// - Parameter date: the stated date; when nil, the first full date
    ///   written in the text is used (origin `text`), if there is one.
    public convenience init(id: String, source: String, line: Int, title: String, body: String,
                            date: CalendarDate?, authors: [String] = [],
                            urls: [String] = [], meta: DocumentMeta = [:]) {
        var (title, body) = (title, body)
        let text = title.withUTF8 { title in body.withUTF8 { body in Self.joined(title, body) } }
        self.init(id: id, source: source, line: line, rawText: text, rawTitleCount: title.utf8.count,
                  date: date, authors: authors, urls: urls, meta: meta)
    }

    /// The same from the UTF-8 of the title and body, as a reader scanned
    /// them. Invalid UTF-8 is repaired with U+FFFD, as `String(decoding:as:)` does.
    public convenience init(id: String, source: String, line: Int,
                            titleUTF8: UnsafeBufferPointer<UInt8>, bodyUTF8: UnsafeBufferPointer<UInt8>,
                            date: CalendarDate?, authors: [String] = [],
                            urls: [String] = [], meta: DocumentMeta = [:]) {
        var text: [UInt8]
        var titleCount = titleUTF8.count
        if TextNormalizer.isValidUTF8(titleUTF8), TextNormalizer.isValidUTF8(bodyUTF8) {
            text = Self.joined(titleUTF8, bodyUTF8)
        } else {
            // Repaired apart, so that the title keeps its own length.
            let title = Array(String(decoding: titleUTF8, as: UTF8.self).utf8)
            let body = Array(String(decoding: bodyUTF8, as: UTF8.self).utf8)
            text = title.withUnsafeBufferPointer { title in body.withUnsafeBufferPointer { Self.joined(title, $0) } }
            titleCount = title.count
        }
        self.init(id: id, source: source, line: line, rawText: text, rawTitleCount: titleCount,
                  date: date, authors: authors, urls: urls, meta: meta)
    }

    /// `rawText` must be valid UTF-8: the title, a newline, the body.
    private init(id: String, source: String, line: Int, rawText: [UInt8], rawTitleCount: Int,
                 date: CalendarDate?, authors: [String], urls: [String], meta: DocumentMeta) {
        (self.id, self.source, self.line) = (id, source, line)
        self.authors = authors
        self.urls = urls
        self.metaStorage = meta
        let normalized = TextNormalizer.nfkc(utf8: rawText)
        let textBytes = normalized.bytes
        storedText = DocumentText(bytes: textBytes, patches: normalized.patches, rawTitleCount: rawTitleCount)
        origin = nil
        comparableHash = DuplicateMarker.comparableHash(textBytes)
        self.duplicateOf = nil
        self.isBoilerplate = false
        storedTokens = nil
        if let date {
            (self.date, self.dateOrigin) = (date, .stated)
        } else if let found = TextDates.firstDate(in: textBytes) {
            (self.date, self.dateOrigin) = (found, .text)
        } else {
            (self.date, self.dateOrigin) = (nil, nil)
        }
    }

    /// A document as a store kept it (see ``StoreRecord``): its text already
    /// normalised, hashed and searched for a date; unmarked.
    init(storedID id: String, source: String, line: Int, text: DocumentText, comparableHash: UInt64, date: CalendarDate?,
         dateOrigin: DateOrigin?, authors: [String], urls: [String], meta: DocumentMeta, tokens: StoreTokens?) {
        (self.id, self.source, self.line) = (id, source, line)
        (self.date, self.dateOrigin, self.authors, self.urls, self.metaStorage) = (date, dateOrigin, authors, urls, meta)
        (storedText, origin, self.comparableHash) = (text, nil, comparableHash)
        (duplicateOf, isBoilerplate, storedTokens) = (nil, false, tokens)
    }

    /// A copy of `document` with the marks the corpus gives it (no text is
    /// normalised again).
    convenience init(_ document: Document, duplicateOf: String?, isBoilerplate: Bool) {
        self.init(document, text: document.storedText, origin: document.origin, duplicateOf: duplicateOf, isBoilerplate: isBoilerplate)
    }

    private init(_ document: Document, text: DocumentText?, origin: RecordOrigin?, duplicateOf: String?, isBoilerplate: Bool) {
        (id, source, line) = (document.id, document.source, document.line)
        (date, dateOrigin, authors, urls, metaStorage) = (document.date, document.dateOrigin, document.authors, document.urls, document.metaStorage)
        (storedText, self.origin, comparableHash) = (text, origin, document.comparableHash)
        self.duplicateOf = duplicateOf
        self.isBoilerplate = isBoilerplate
        storedTokens = document.storedTokens
    }

    /// The same document, marked as a copy of `duplicateOf`, without its text,
    /// which is read again from `origin` when it is used. Everything else
    /// stays in memory.
    func deferred(to origin: RecordOrigin, duplicateOf: String?) -> Document {
        Document(self, text: nil, origin: origin, duplicateOf: duplicateOf, isBoilerplate: isBoilerplate)
    }

    /// The document with its text in memory: itself, or for a deferred
    /// document the record read again from its file. Throws when the file
    /// no longer holds the same record there.
    /// The failure is also recorded in the file (see ``RecordFile/failure``),
    /// so that whatever it made fail is reported as the changed file.
    public func loaded() throws -> Document {
        guard storedText == nil, let origin else { return self }
        do {
            let fresh = try origin.read(line: line)
            guard fresh.id == id, fresh.comparableHash == comparableHash, fresh.storedText != nil else {
                throw origin.changed(line: line, of: self)
            }
            return Document(self, text: fresh.storedText, origin: nil, duplicateOf: duplicateOf, isBoilerplate: isBoilerplate)
        } catch {
            origin.file.record(error)
            throw error
        }
    }

    /// A part of the text; a deferred document reads its record again, and
    /// when that fails (recorded in its file, see ``loaded()``) the text is empty.
    private func text<Value>(_ part: KeyPath<DocumentText, Value>) -> Value {
        if let storedText { return storedText[keyPath: part] }
        return (try? loaded())?.text(part) ?? DocumentText.empty[keyPath: part]
    }

    private static func joined(_ title: UnsafeBufferPointer<UInt8>, _ body: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(title.count + 1 + body.count)
        text.append(contentsOf: title)
        text.append(0x0A)
        text.append(contentsOf: body)
        return text
    }

    /// NFKC(title + "\n" + body): the text every count and match runs on.
    public var text: String { String(decoding: textBytes, as: UTF8.self) }

    /// title + "\n" + body exactly as the source has them, as UTF-8.
    public var rawTextBytes: [UInt8] {
        let text = text(\.self)  // one read of a deferred record, not one per part
        return text.patches.isEmpty ? text.bytes : text.patches.raw(from: text.bytes)
    }

    /// title + "\n" + body exactly as the source has them.
    public var rawText: String { String(decoding: rawTextBytes, as: UTF8.self) }

    /// The title as the source has it.
    public var title: String {
        let text = text(\.self)
        return String(decoding: text.patches.raw(from: text.bytes, in: 0..<text.rawTitleCount), as: UTF8.self)
    }

    /// The body as the source has it.
    public var body: String {
        let text = text(\.self)
        return String(decoding: text.patches.raw(from: text.bytes, in: (text.rawTitleCount + 1)..<Int.max), as: UTF8.self)
    }

    /// `YYYY-MM`, or nil when undated.
    public var month: String? { date?.monthLabel }

    /// "file:line", for messages.
    public var location: String { "\(source):\(line)" }
}

/// A document's text: NFKC(title + "\n" + body) as UTF-8, what rebuilds the
/// raw text from it, and the raw title's length.
struct DocumentText: Sendable {
    let bytes: [UInt8]
    let patches: NormalizationPatches
    let rawTitleCount: Int

    static let empty = DocumentText(bytes: [0x0A], patches: NormalizationPatches(), rawTitleCount: 0)
}

/// A JSON value kept as metadata.
public enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Strings first: nearly every field of an article is one.
        if let value = try? container.decode(String.self) { self = .string(value) }
        else if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    /// The value as text: strings as they are, other values as JSON-ish text.
    public var text: String? {
        switch self {
        case .null: nil
        case .bool(let b): b ? "true" : "false"
        case .integer(let i): String(i)
        case .number(let d): String(d)
        case .string(let s): s
        case .array, .object: nil
        }
    }
}
