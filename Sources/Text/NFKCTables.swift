import CTextShims

/// ICU's NFKC facts for every BMP code point, read once: whether a
/// normalisation boundary always comes before it, whether NFKC leaves it
/// alone, and otherwise what NFKC makes of it. Code points beyond the BMP
/// (rare in news text) are asked of ICU each time.
struct NFKCTables: Sendable {
    /// nil when ICU cannot answer (then whole texts go through ICU).
    static let shared: NFKCTables? = NFKCTables()

    private static let bmpCount = 0x10000
    /// Bit `c` is set when code point `c` has a boundary before it.
    private let boundaryBefore: [UInt64]
    /// Bit `c` is set when NFKC of `c` alone is `c`.
    private let unchangedAlone: [UInt64]
    /// The UTF-8 NFKC of `c` alone is `mappingBytes[mappingStarts[c]..<mappingStarts[c + 1]]`
    /// (empty where NFKC leaves `c` alone).
    private let mappingStarts: [UInt32]
    private let mappingBytes: [UInt8]

    private init?() {
        var boundary = [UInt64](repeating: 0, count: Self.bmpCount / 64)
        var unchanged = [UInt64](repeating: 0, count: Self.bmpCount / 64)
        var starts: [UInt32] = []
        starts.reserveCapacity(Self.bmpCount + 1)
        var bytes: [UInt8] = []
        for codePoint in 0..<Self.bmpCount {
            starts.append(UInt32(truncatingIfNeeded: bytes.count))
            // Surrogates never come out of the UTF-8 decoder.
            guard let scalar = Unicode.Scalar(UInt32(codePoint)) else { continue }
            guard let facts = Facts(codePoint: Int32(codePoint)) else { return nil }
            let bit: UInt64 = 1 << (codePoint & 63)
            if facts.boundaryBefore { boundary[codePoint >> 6] |= bit }
            if facts.unchangedAlone {
                unchanged[codePoint >> 6] |= bit
            } else {
                Array(String(scalar).utf8).withUnsafeBufferPointer { raw in
                    NFKCPiece.withNormalized(raw) { bytes.append(contentsOf: $0) }
                }
            }
        }
        starts.append(UInt32(truncatingIfNeeded: bytes.count))
        (boundaryBefore, unchangedAlone, mappingStarts, mappingBytes) = (boundary, unchanged, starts, bytes)
    }

    struct Facts {
        let boundaryBefore: Bool
        let unchangedAlone: Bool

        init(boundaryBefore: Bool, unchangedAlone: Bool) {
            (self.boundaryBefore, self.unchangedAlone) = (boundaryBefore, unchangedAlone)
        }

        /// ICU's answer, or nil when ICU fails.
        init?(codePoint: Int32) {
            let facts = kiji_nfkc_code_point_facts(codePoint)
            guard facts >= 0 else { return nil }
            boundaryBefore = facts & KIJI_NFKC_BOUNDARY_BEFORE != 0
            unchangedAlone = facts & KIJI_NFKC_UNCHANGED_ALONE != 0
        }
    }

    /// The tables as buffer pointers, for the scan over a text (no bounds
    /// checks or reference counting per character).
    struct Buffers {
        let boundaryBefore: UnsafeBufferPointer<UInt64>
        let unchangedAlone: UnsafeBufferPointer<UInt64>
        let mappingStarts: UnsafeBufferPointer<UInt32>
        let mappingBytes: UnsafeBufferPointer<UInt8>

        /// The facts of a scalar decoded from valid UTF-8 (at most U+10FFFF).
        @inline(__always)
        func facts(of scalar: UInt32) -> Facts {
            guard scalar < 0x10000 else {
                // ICU failing here after it built the tables: treat the character
                // as one that changes, so ICU normalises its piece.
                return Facts(codePoint: Int32(bitPattern: scalar)) ?? Facts(boundaryBefore: false, unchangedAlone: false)
            }
            let word = Int(scalar >> 6)
            let bit: UInt64 = 1 << UInt64(scalar & 63)
            return Facts(boundaryBefore: boundaryBefore[word] & bit != 0, unchangedAlone: unchangedAlone[word] & bit != 0)
        }

        /// What NFKC makes of a BMP code point it changes; nil otherwise.
        func mapping(of scalar: UInt32) -> UnsafeBufferPointer<UInt8>? {
            guard scalar < 0x10000 else { return nil }
            let start = Int(mappingStarts[Int(scalar)])
            let end = Int(mappingStarts[Int(scalar) + 1])
            guard start < end, end <= mappingBytes.count else { return nil }
            return UnsafeBufferPointer(rebasing: mappingBytes[start..<end])
        }
    }

    func withBuffers<R>(_ body: (Buffers) -> R) -> R {
        boundaryBefore.withUnsafeBufferPointer { boundary in
            unchangedAlone.withUnsafeBufferPointer { unchanged in
                mappingStarts.withUnsafeBufferPointer { starts in
                    mappingBytes.withUnsafeBufferPointer { bytes in
                        body(Buffers(boundaryBefore: boundary, unchangedAlone: unchanged, mappingStarts: starts, mappingBytes: bytes))
                    }
                }
            }
        }
    }
}
