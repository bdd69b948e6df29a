import Text

/// Where a document's date came from.
public enum DateOrigin: String, Sendable {
    /// A date line or a date field gives the publication date.
    case stated
    /// The first full date written in the text (2025年1月31日, 2025/01/31).
    case text
}

/// One article. Immutable; shared between workers.
public final class Document: Sendable {
    public let id: String
    /// The file the document came from, as the user named it.
    public let source: String
    /// The 1-based line in `source` where the document starts.
    public let line: Int
    public let title: String
    public let body: String
    public let date: CalendarDate?
    public let dateOrigin: DateOrigin?
    public let authors: [String]
    public let urls: [String]
    /// Other fields of the record (JSON Lines keys kiji does not map),
    /// decoded each time they are read (see ``DocumentMeta``).
    public var meta: [String: JSONValue] { metaStorage.value }
    let metaStorage: DocumentMeta
    /// NFKC(title + "\n" + body): the text every count and match runs on.
    public let text: String
    /// `text` as UTF-8, for byte-level search.
    public let textBytes: [UInt8]
    /// The id of the first document in the corpus with the same normalised
    /// text (see ``DuplicateMarker``), or nil when this is the first.
    public let duplicateOf: String?
    /// Whether the document is a page's own description rather than an
    /// article (see ``DuplicateMarker``).
    public let isBoilerplate: Bool

    /// - Parameter date: the stated date; when nil, the first full date
    ///   written in the text is used (origin `text`), if there is one.
    public init(id: String, source: String, line: Int, title: String, body: String,
                date: CalendarDate?, authors: [String] = [],
                urls: [String] = [], meta: DocumentMeta = [:]) {
        self.id = id
        self.source = source
        self.line = line
        self.title = title
        self.body = body
        self.authors = authors
        self.urls = urls
        self.metaStorage = meta
        let text = TextNormalizer.nfkc(title + "\n" + body)
        self.text = text
        self.textBytes = Array(text.utf8)
        self.duplicateOf = nil
        self.isBoilerplate = false
        if let date {
            (self.date, self.dateOrigin) = (date, .stated)
        } else if let found = TextDates.firstDate(in: text) {
            (self.date, self.dateOrigin) = (found, .text)
        } else {
            (self.date, self.dateOrigin) = (nil, nil)
        }
    }

    /// A copy of `document` with the marks the corpus gives it (no text is
    /// normalised again).
    init(_ document: Document, duplicateOf: String?, isBoilerplate: Bool) {
        (id, source, line, title, body) = (document.id, document.source, document.line, document.title, document.body)
        (date, dateOrigin, authors, urls, metaStorage) = (document.date, document.dateOrigin, document.authors, document.urls, document.metaStorage)
        (text, textBytes) = (document.text, document.textBytes)
        self.duplicateOf = duplicateOf
        self.isBoilerplate = isBoilerplate
    }

    /// title + "\n" + body exactly as the source has them.
    public var rawText: String { title + "\n" + body }

    /// `YYYY-MM`, or nil when undated.
    public var month: String? { date?.monthLabel }

    /// "file:line", for messages.
    public var location: String { "\(source):\(line)" }
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
