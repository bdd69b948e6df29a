import Crypto
import Foundation

/// The token entries of a store imported with `--tokens`: opaque entries
/// (the token cache's encoding, made by the layers that know MeCab) keyed
/// by the SHA-256 of the text MeCab reads, for one dictionary identity.
///
/// Layout, after the records: the entries, framed as records are; then the
/// index, sorted by key, 44 bytes per entry (the 32-byte key, the frame's
/// offset as UInt64 and its length as UInt32), whose SHA-256 the info keeps.
/// The index is read and checked on first use.
public final class StoreTokens: @unchecked Sendable {
    public let path: String
    /// The identity of the dictionary that made the tokens (see `TokenCache.dictionaryIdentity`).
    public let dictionary: String
    let info: StoreInfo.Tokens
    /// The area the frames must lie in.
    let entries: Range<Int>
    private let lock = NSLock()
    private var index: [UInt8]?

    static let keyLength = 32, indexEntryLength = 44

    init(path: String, info: StoreInfo.Tokens, entries: Range<Int>) {
        (self.path, self.info, self.entries, dictionary) = (path, info, entries, info.dictionary)
    }

    /// The entry for the text whose SHA-256 is `key`, or nil when the store has none.
    public func entry(for key: [UInt8]) throws -> [UInt8]? {
        let index = try loadedIndex()
        var (low, high) = (0, index.count / Self.indexEntryLength)
        while low < high {
            let middle = (low + high) / 2
            let start = middle * Self.indexEntryLength
            let order = Self.compare(index[start..<start + Self.keyLength], key)
            if order == 0 {
                let offset = Int(StoreFormat.littleEndian(index[start + 32..<start + 40]))
                let length = Int(StoreFormat.littleEndian(index[start + 40..<start + 44]))
                return try frame(at: offset, count: length)
            }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    private func frame(at offset: Int, count: Int) throws -> [UInt8] {
        guard count >= StoreFormat.frameHeaderSize, offset >= entries.lowerBound, count <= entries.upperBound - offset else {
            throw CorpusStore.damaged(path, "a token entry lies outside the token area")
        }
        let bytes = try CorpusStore.readAgain(path, at: offset, count: count)
        guard let payload = bytes.withUnsafeBufferPointer({ StoreFormat.payload(ofFrame: $0).map(Array.init) }) else {
            throw CorpusStore.damaged(path, "a token entry does not match its checksum (at byte \(offset))")
        }
        return payload
    }

    private func loadedIndex() throws -> [UInt8] {
        try lock.withLock {
            if let index { return index }
            let bytes = try CorpusStore.readAgain(path, at: info.indexOffset, count: info.entries * Self.indexEntryLength)
            guard FileDigest.hex(SHA256.hash(data: bytes)) == info.indexSha256 else {
                throw CorpusStore.damaged(path, "its token index does not match its checksum")
            }
            index = bytes
            return bytes
        }
    }

    /// Byte order of two keys: negative, zero or positive.
    static func compare(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Int {
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return a.count - b.count
    }
}
