import Crypto

/// Why a cache entry could not be used.
public struct TokenCacheDamage: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The bytes of one cache entry: a document's tokens, tied to the digest of
/// the text they came from.
///
/// Layout: `KIJITOK1`, the text's SHA-256 (32 bytes), the features table
/// and the tokens (LEB128 numbers, length-prefixed UTF-8), then the SHA-256
/// of everything before it. Positions are stored as zigzag deltas from the
/// end of the previous token, so most take one byte.
public enum TokenCodec {
    static let magic = Array("KIJITOK1".utf8)
    static let digestLength = 32

    public static func encode(_ tokens: [Token], textDigest: [UInt8]) -> [UInt8] {
        var out = ByteWriter()
        out.bytes += magic
        out.bytes += textDigest
        var featureIndex: [ObjectIdentifier: Int] = [:]
        var features: [MorphemeFeatures] = []
        for token in tokens where featureIndex[ObjectIdentifier(token.features)] == nil {
            featureIndex[ObjectIdentifier(token.features)] = features.count
            features.append(token.features)
        }
        out.number(features.count)
        for feature in features {
            for field in [feature.pos] + feature.posLevels + [feature.inflectionType, feature.inflectionForm, feature.base,
                                                                feature.lemma, feature.reading, feature.pronunciation] {
                out.string(field)
            }
        }
        out.number(tokens.count)
        var end = 1, rawEnd = 1
        for token in tokens {
            let sameRaw = token.rawSurface == token.surface
            out.number((token.unknown ? 1 : 0) | (sameRaw ? 2 : 0))
            out.string(token.surface)
            if !sameRaw { out.string(token.rawSurface) }
            out.number(featureIndex[ObjectIdentifier(token.features)] ?? 0)
            out.signed(token.start - end)
            out.number(token.length)
            out.signed(token.rawStart - rawEnd)
            out.number(token.rawLength)
            end = token.start + token.length
            rawEnd = token.rawStart + token.rawLength
        }
        out.bytes += SHA256.hash(data: out.bytes)
        return out.bytes
    }

    /// The tokens of an entry for the text with `textDigest`; any mismatch,
    /// truncation or bad value is damage, never a trap.
    public static func decode(_ bytes: [UInt8], textDigest: [UInt8]) throws(TokenCacheDamage) -> [Token] {
        guard bytes.count >= magic.count + 2 * digestLength else { throw TokenCacheDamage("it is truncated") }
        guard bytes.starts(with: magic) else { throw TokenCacheDamage("it is not a kiji token entry") }
        let body = bytes.prefix(bytes.count - digestLength)
        guard Array(SHA256.hash(data: body)) == Array(bytes.suffix(digestLength)) else {
            throw TokenCacheDamage("its checksum does not match")
        }
        guard Array(bytes[magic.count..<(magic.count + digestLength)]) == textDigest else {
            throw TokenCacheDamage("it belongs to another text")
        }
        var reader = ByteReader(bytes: Array(body), position: magic.count + digestLength)
        let featureCount = try reader.count(atMost: body.count)
        var features: [MorphemeFeatures] = []
        features.reserveCapacity(featureCount)
        for _ in 0..<featureCount {
            var fields: [String] = []
            for _ in 0..<10 { fields.append(try reader.string()) }
            features.append(MorphemeFeatures(pos: fields[0], posLevels: Array(fields[1...3]), inflectionType: fields[4],
                                             inflectionForm: fields[5], base: fields[6], lemma: fields[7],
                                             reading: fields[8], pronunciation: fields[9]))
        }
        let tokenCount = try reader.count(atMost: body.count)
        var tokens: [Token] = []
        tokens.reserveCapacity(tokenCount)
        var end = 1, rawEnd = 1
        for _ in 0..<tokenCount {
            let flags = try reader.count(atMost: 3)
            let surface = try reader.string()
            let rawSurface = flags & 2 != 0 ? surface : try reader.string()
            let feature = try reader.count(atMost: features.count - 1)
            let start = try reader.position(after: end)
            let length = try reader.count(atMost: Int(Int32.max))
            let rawStart = try reader.position(after: rawEnd)
            let rawLength = try reader.count(atMost: Int(Int32.max))
            tokens.append(Token(surface: surface, rawSurface: rawSurface, features: features[feature], unknown: flags & 1 != 0,
                                start: start, length: length, rawStart: rawStart, rawLength: rawLength))
            end = start + length
            rawEnd = rawStart + rawLength
        }
        guard reader.position == body.count else { throw TokenCacheDamage("it has bytes after its tokens") }
        return tokens
    }
}

private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func number(_ value: Int) {
        var rest = UInt64(truncatingIfNeeded: value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func signed(_ value: Int) {
        number(Int(bitPattern: UInt(bitPattern: (value << 1) ^ (value >> (Int.bitWidth - 1)))))
    }

    mutating func string(_ text: String) {
        number(text.utf8.count)
        bytes += text.utf8
    }
}

private struct ByteReader {
    let bytes: [UInt8]
    var position: Int

    mutating func raw() throws(TokenCacheDamage) -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            guard position < bytes.count else { throw TokenCacheDamage("it is truncated") }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << UInt64(shift)
            if byte < 0x80 { return value }
        }
        throw TokenCacheDamage("it holds a number that is too long")
    }

    /// A count or index in `0...limit`.
    mutating func count(atMost limit: Int) throws(TokenCacheDamage) -> Int {
        let value = try raw()
        guard limit >= 0, value <= UInt64(limit) else { throw TokenCacheDamage("it holds a value out of range") }
        return Int(value)
    }

    /// A 1-based position given as a zigzag delta from `previous`.
    mutating func position(after previous: Int) throws(TokenCacheDamage) -> Int {
        let zigzag = try raw()
        let delta = Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
        guard delta > -Int64(Int32.max), delta < Int64(Int32.max) else { throw TokenCacheDamage("it holds a position out of range") }
        let value = previous + Int(delta)
        guard value >= 1, value < Int(Int32.max) else { throw TokenCacheDamage("it holds a position out of range") }
        return value
    }

    mutating func string() throws(TokenCacheDamage) -> String {
        let length = try count(atMost: bytes.count - position)
        let slice = bytes[position..<(position + length)]
        position += length
        guard let text = String(validating: slice, as: UTF8.self) else { throw TokenCacheDamage("it holds text that is not UTF-8") }
        return text
    }
}
