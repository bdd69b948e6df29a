import Text

/// What a store says about itself: written as JSON after its records and
/// shown by `kiji info`.
public struct StoreInfo: Codable, Sendable, Equatable {
    /// One corpus file the store was imported from.
    public struct File: Codable, Sendable, Equatable {
        /// The path as documents name it (their `source`).
        public let path: String
        public let documents: Int
        /// The size and SHA-256 of the file when it was imported (nil for
        /// files that came from another store), which `kiji import --update`
        /// compares to find changed files.
        public let bytes: Int?
        public let sha256: String?
        /// The legacy encoding the file was read in ("CP932", "EUC-JP"); nil for UTF-8.
        public let encoding: String?
        /// Where the file's first record starts in the store (nil when it has none).
        public internal(set) var offset: Int?

        /// The file as one read in a legacy encoding, if it was.
        var converted: [ConvertedFile] {
            encoding.flatMap(LegacyEncoding.init(rawValue:)).map { [ConvertedFile(path: path, encoding: $0)] } ?? []
        }

        public init(path: String, documents: Int, bytes: Int?, sha256: String?, encoding: String?) {
            (self.path, self.documents, self.bytes, self.sha256, self.encoding) = (path, documents, bytes, sha256, encoding)
        }
    }

    /// The token entries of a store imported with `--tokens` (see ``StoreTokens``).
    public struct Tokens: Codable, Sendable, Equatable {
        /// The identity of the MeCab dictionary that made them.
        public let dictionary: String
        /// The dictionary as kiji describes it ("ipadic-utf8 (IPADIC) 102 utf-8").
        public let description: String
        public let entries: Int
        let indexOffset: Int
        let indexSha256: String
    }

    /// Always ``StoreFormat/name``.
    public let format: String
    public let formatVersion: Int
    /// The kiji that wrote the store.
    public let kijiVersion: String
    /// `--layout` for .txt files at import (nil: detected per file).
    public let layout: String?
    public let documents: Int
    /// The normalised text bytes of all documents.
    public let textBytes: Int
    public let files: [File]
    /// The `source` of every document, in order of first use; records name theirs by index.
    public let sources: [String]
    /// Where the records end (nil: where the info starts).
    let recordsEnd: Int?
    public let tokens: Tokens?
    /// The offsets table: where each record starts, 8 bytes each (UInt64), and its SHA-256.
    let recordIndex: RecordIndex?

    struct RecordIndex: Codable, Sendable, Equatable {
        let offset: Int
        let sha256: String
    }
}

/// The byte layout of a store (`kiji import`):
///
/// - a 16-byte preamble: `KIJISTOR`, the format version (UInt32, little
///   endian), four zero bytes;
/// - the records, in corpus order, each framed as its length (UInt32), the
///   first 8 bytes of its SHA-256, and the ``StoreRecord`` bytes;
/// - with `--tokens`, the token entries and their index (see ``StoreTokens``);
/// - the offsets table: where each record starts (UInt64 each);
/// - the ``StoreInfo`` as JSON;
/// - a 64-byte trailer: `KIJIEND1`, the document count, the info's offset
///   and length (UInt64 each) and the info's SHA-256.
///
/// Every part is checked on reading: the trailer against the file's size,
/// the info against its digest, each record against its own digest, and the
/// records against the count, so a damaged or cut-short store is an error.
public enum StoreFormat {
    public static let name = "kiji-store"
    public static let version = 1
    public static let fileExtension = "kiji"
    static let magic = Array("KIJISTOR".utf8)
    static let trailerMagic = Array("KIJIEND1".utf8)
    static let preambleSize = 16
    static let trailerSize = 64
    static let frameHeaderSize = 12
    /// A record's length is stored in 32 bits.
    static let maxRecordSize = Int(UInt32.max)

    static func preamble() -> [UInt8] {
        var bytes = magic
        appendLittleEndian(UInt64(version), width: 4, to: &bytes)
        bytes += [0, 0, 0, 0]
        return bytes
    }

    static func littleEndian(_ bytes: some Collection<UInt8>) -> UInt64 {
        bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Appends the low `width` bytes of `value`, least significant first.
    static func appendLittleEndian(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: width * 8, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// A frame's payload when its length field and digest match it; nil when the frame is damaged.
    static func payload(ofFrame frame: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard frame.count >= frameHeaderSize, Int(littleEndian(frame[0..<4])) == frame.count - frameHeaderSize else { return nil }
        let payload = UnsafeBufferPointer(rebasing: frame[frameHeaderSize...])
        return StoreWriter.digest(UnsafeRawBufferPointer(payload)) == Array(frame[4..<12]) ? payload : nil
    }
}
