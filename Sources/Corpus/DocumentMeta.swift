import Foundation

/// How a document keeps its metadata: decoded, or as the raw JSON of the
/// record's other members, decoded only when someone reads `Document.meta`
/// (most analyses never do, and decoding every record's metadata up front
/// cost as much as reading the rest of the record).
public enum DocumentMeta: Sendable, ExpressibleByDictionaryLiteral {
    case decoded([String: JSONValue])
    /// One JSON object (`{…}`) holding the members, in the record's order.
    /// ``JSONRecordScanner`` has validated it, so it decodes.
    case raw([UInt8])

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .decoded(Dictionary(elements, uniquingKeysWith: { first, _ in first }))
    }

    /// The metadata as values; raw JSON is decoded as JSONDecoder always did
    /// (the first of duplicate keys wins).
    public var value: [String: JSONValue] {
        switch self {
        case .decoded(let meta): return meta
        case .raw(let bytes):
            // Cannot fail: the scanner accepted these bytes only where
            // JSONDecoder does (it asks JSONDecoder about any unusual number).
            return (try? JSONDecoder().decode([String: JSONValue].self, from: Data(bytes))) ?? [:]
        }
    }
}
