/// Where NFKC changed a text: each changed piece's place in the normalised
/// bytes and the raw bytes it came from. With the normalised bytes they give
/// back the raw text exactly, so a document needs to keep only one buffer.
///
/// Stored as one compact byte stream (about 7 bytes per piece in Japanese
/// news, against 24 for a struct of three integers): per piece, the LEB128
/// varints of the gap since the previous piece's end in the normalised
/// bytes, the piece's normalised length and its raw length, then the raw
/// bytes themselves.
public struct NormalizationPatches: Sendable, Equatable, Sequence {
    /// One changed piece.
    public struct Patch: Equatable {
        /// Where the piece is in the normalised bytes.
        public let normalized: Range<Int>
        /// The raw bytes it came from.
        public let raw: ArraySlice<UInt8>
    }

    private var stream: [UInt8] = []
    /// Normalised end of the last encoded piece.
    private var encodedEnd = 0
    /// Raw bytes minus normalised bytes over all pieces.
    public private(set) var rawGrowth = 0

    public init() {}

    public var isEmpty: Bool { stream.isEmpty }

    /// Adds a piece after every piece added so far. Internal: only the
    /// normaliser makes patches, so the stream is always well formed.
    mutating func append(normalizedStart: Int, normalizedCount: Int, raw: UnsafeBufferPointer<UInt8>) {
        Self.appendVarint(normalizedStart - encodedEnd, to: &stream)
        Self.appendVarint(normalizedCount, to: &stream)
        Self.appendVarint(raw.count, to: &stream)
        stream.append(contentsOf: raw)
        encodedEnd = normalizedStart + normalizedCount
        rawGrowth += raw.count - normalizedCount
    }

    /// Frees spare capacity once all pieces are in.
    mutating func shrink() {
        if stream.capacity > stream.count + 16 { stream = Array(stream) }
    }

    /// The byte stream, to be stored and given back to ``init(encoded:normalizedCount:)``.
    public var encoded: [UInt8] { stream }

    /// Patches from a stored stream, or nil when the stream is not one the
    /// normaliser could have made for `normalizedCount` normalised bytes
    /// (truncated varints, pieces out of order or past the end), so that a
    /// damaged store can never make positions overflow.
    public init?(encoded: [UInt8], normalizedCount: Int) {
        var rebuilt = NormalizationPatches()
        var iterator = Iterator(stream: encoded)
        while iterator.offset < encoded.count {
            let before = iterator.normalizedEnd
            guard let (gap, count, rawCount) = iterator.readPiece(), gap >= 0, count >= 0,
                  gap <= normalizedCount - before, count <= normalizedCount - before - gap,
                  rawCount >= 0, rawCount <= encoded.count - iterator.offset else { return nil }
            let start = before + gap
            encoded.withUnsafeBufferPointer {
                rebuilt.append(normalizedStart: start, normalizedCount: count,
                               raw: UnsafeBufferPointer(rebasing: $0[iterator.offset..<iterator.offset + rawCount]))
            }
            iterator.normalizedEnd = start + count
            iterator.offset += rawCount
        }
        guard rebuilt.stream == encoded else { return nil }
        self = rebuilt
    }

    public func makeIterator() -> Iterator { Iterator(stream: stream) }

    public struct Iterator: IteratorProtocol {
        let stream: [UInt8]
        var offset = 0
        var normalizedEnd = 0

        /// The three varints that open a piece, without moving past its raw bytes.
        mutating func readPiece() -> (gap: Int, normalizedCount: Int, rawCount: Int)? {
            guard let gap = readVarint(), let normalizedCount = readVarint(), let rawCount = readVarint() else { return nil }
            return (gap, normalizedCount, rawCount)
        }

        public mutating func next() -> Patch? {
            guard let gap = readVarint(), let normalizedCount = readVarint(), let rawCount = readVarint(),
                  rawCount <= stream.count - offset else { return nil }
            let start = normalizedEnd + gap
            normalizedEnd = start + normalizedCount
            defer { offset += rawCount }
            return Patch(normalized: start..<normalizedEnd, raw: stream[offset..<offset + rawCount])
        }

        private mutating func readVarint() -> Int? {
            var value = 0
            var shift = 0
            while offset < stream.count, shift < Int.bitWidth {
                let byte = stream[offset]
                offset += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }
    }

    private static func appendVarint(_ value: Int, to stream: inout [UInt8]) {
        var rest = UInt(bitPattern: value)
        while rest >= 0x80 {
            stream.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        stream.append(UInt8(rest))
    }

    /// The raw bytes whose raw offsets fall in `rawRange` (all of them by
    /// default), rebuilt from `normalized`, the bytes these patches belong to.
    public func raw(from normalized: UnsafeBufferPointer<UInt8>, in rawRange: Range<Int> = 0..<Int.max) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(Swift.min(rawRange.count, normalized.count + Swift.max(rawGrowth, 0)))
        var rawPosition = 0
        var normalizedPosition = 0
        // Appends the part of `piece`, which starts at `rawPosition`, that lies in `rawRange`.
        func take<C: Collection<UInt8>>(_ piece: C) where C.Index == Int {
            let lower = Swift.max(rawRange.lowerBound - rawPosition, 0)
            let upper = Swift.min(rawRange.upperBound - rawPosition, piece.count)
            if lower < upper {
                let base = piece.startIndex
                result.append(contentsOf: piece[(base + lower)..<(base + upper)])
            }
            rawPosition += piece.count
        }
        for patch in self {
            guard rawPosition < rawRange.upperBound else { return result }
            let unchangedEnd = Swift.min(Swift.max(patch.normalized.lowerBound, normalizedPosition), normalized.count)
            take(normalized[normalizedPosition..<unchangedEnd])
            take(patch.raw)
            normalizedPosition = Swift.min(Swift.max(patch.normalized.upperBound, unchangedEnd), normalized.count)
        }
        if rawPosition < rawRange.upperBound { take(normalized[normalizedPosition..<normalized.count]) }
        return result
    }

    /// The raw bytes rebuilt from `normalized` (see ``raw(from:in:)``).
    public func raw(from normalized: [UInt8], in rawRange: Range<Int> = 0..<Int.max) -> [UInt8] {
        normalized.withUnsafeBufferPointer { raw(from: $0, in: rawRange) }
    }
}
