import CTextShims
import Foundation

/// NFKC-normalised UTF-8 and the patches that give back the raw text.
public struct NormalizedUTF8: Sendable, Equatable {
    public var bytes: [UInt8]
    public var patches: NormalizationPatches
}

extension TextNormalizer {
    /// NFKC of UTF-8 bytes, identical to ``nfkc(_:)``, with the patches that
    /// rebuild the input. Invalid UTF-8 is first repaired with U+FFFD, as
    /// `String(decoding:as:)` does; the patches then rebuild the repaired text.
    ///
    /// Only the changed pieces cost work. The text is cut where ICU says a
    /// character has a normalisation boundary before it (normalising the
    /// pieces separately then equals normalising the whole); a piece that is
    /// one character which NFKC leaves alone is kept as it is, a piece that
    /// is one other BMP character takes its mapping from a table, and only
    /// longer pieces (combining marks, half-width kana with a voiced mark)
    /// go to ICU. Unchanged text comes back as the same array, uncopied.
    public static func nfkc(utf8 bytes: [UInt8]) -> NormalizedUTF8 {
        guard let tables = NFKCTables.shared else { return viaString(bytes) }
        let result = bytes.withUnsafeBufferPointer { input in
            tables.withBuffers { normalize(input, tables: $0) }
        }
        switch result {
        case .unchanged: return NormalizedUTF8(bytes: bytes, patches: NormalizationPatches())
        case .changed(let normalized): return normalized
        case .invalidUTF8: return nfkc(utf8: Array(String(decoding: bytes, as: UTF8.self).utf8))
        }
    }

    /// Whether `bytes` is well-formed UTF-8.
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
            } else if let (_, width) = UTF8Scalar.decode(bytes, at: index) {
                index += width
            } else {
                return false
            }
        }
        return true
    }

    /// The whole-text path, for when ICU's tables cannot be read.
    private static func viaString(_ bytes: [UInt8]) -> NormalizedUTF8 {
        let raw = Array(String(decoding: bytes, as: UTF8.self).utf8)
        let normalized = Array(nfkc(String(decoding: raw, as: UTF8.self)).utf8)
        var patches = NormalizationPatches()
        if normalized != raw {
            raw.withUnsafeBufferPointer { patches.append(normalizedStart: 0, normalizedCount: normalized.count, raw: $0) }
        }
        return NormalizedUTF8(bytes: normalized, patches: patches)
    }

    private enum ScanResult {
        case unchanged
        case changed(NormalizedUTF8)
        case invalidUTF8
    }

    private static func normalize(_ input: UnsafeBufferPointer<UInt8>, tables: NFKCTables.Buffers) -> ScanResult {
        var builder = NFKCBuilder(input: input, tables: tables)
        // The piece being read: from `pieceStart` to `index`. `pieceKept` says
        // it is empty or one character that NFKC leaves alone.
        var pieceStart = 0
        var pieceKept = true
        var index = 0
        let count = input.count
        while index < count {
            let lead = input[index]
            if lead < 0x80 {
                // ASCII: a boundary before, and NFKC leaves it alone.
                if !pieceKept { builder.normalizePiece(pieceStart..<index) }
                (pieceStart, pieceKept) = (index, true)
                index += 1
                continue
            }
            guard let (scalar, width) = UTF8Scalar.decode(input, at: index) else { return .invalidUTF8 }
            let facts = tables.facts(of: scalar)
            if facts.boundaryBefore {
                if !pieceKept { builder.normalizePiece(pieceStart..<index) }
                (pieceStart, pieceKept) = (index, facts.unchangedAlone)
            } else {
                pieceKept = false
            }
            index += width
        }
        if !pieceKept { builder.normalizePiece(pieceStart..<count) }
        return builder.finish().map(ScanResult.changed) ?? .unchanged
    }
}

/// Builds the normalised bytes and the patches, copying the input only once
/// a piece has changed.
private struct NFKCBuilder {
    let input: UnsafeBufferPointer<UInt8>
    let tables: NFKCTables.Buffers
    var output: [UInt8] = []
    /// Input before this offset is in `output`.
    var copied = 0
    var patches = NormalizationPatches()
    /// The last changed piece, held back so that adjacent ones merge.
    var pending: (normalizedStart: Int, raw: Range<Int>)?

    init(input: UnsafeBufferPointer<UInt8>, tables: NFKCTables.Buffers) {
        (self.input, self.tables) = (input, tables)
    }

    mutating func normalizePiece(_ piece: Range<Int>) {
        let raw = UnsafeBufferPointer(rebasing: input[piece])
        if let (scalar, width) = UTF8Scalar.decode(input, at: piece.lowerBound), width == piece.count,
           let mapping = tables.mapping(of: scalar) {
            replace(piece, with: mapping)
        } else {
            NFKCPiece.withNormalized(raw) { replace(piece, with: $0) }
        }
    }

    private mutating func replace(_ piece: Range<Int>, with normalized: UnsafeBufferPointer<UInt8>) {
        let raw = UnsafeBufferPointer(rebasing: input[piece])
        guard !normalized.elementsEqual(raw) else { return }
        if output.isEmpty { output.reserveCapacity(input.count + input.count / 32 + 16) }
        if let held = pending, copied == piece.lowerBound {
            // Right after the last changed piece: one patch for both.
            pending = (held.normalizedStart, held.raw.lowerBound..<piece.upperBound)
        } else {
            flushPending()
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<piece.lowerBound]))
            pending = (output.count, piece)
        }
        output.append(contentsOf: normalized)
        copied = piece.upperBound
    }

    /// Records the held-back piece, which ends where `output` ends.
    private mutating func flushPending() {
        guard let held = pending else { return }
        patches.append(normalizedStart: held.normalizedStart, normalizedCount: output.count - held.normalizedStart,
                       raw: UnsafeBufferPointer(rebasing: input[held.raw]))
        pending = nil
    }

    /// The result, or nil when nothing changed.
    mutating func finish() -> NormalizedUTF8? {
        guard pending != nil else { return nil }
        flushPending()
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied...]))
        patches.shrink()
        return NormalizedUTF8(bytes: output, patches: patches)
    }
}

/// NFKC of one piece through ICU.
enum NFKCPiece {
    /// Calls `body` with the NFKC of `piece` (`piece` itself when unchanged).
    static func withNormalized(_ piece: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if let length = Int32(exactly: piece.count) {
            var outLength: Int32 = 0
            var unchanged: Int32 = 0
            let normalized = piece.withMemoryRebound(to: CChar.self) { kiji_nfkc_utf8($0.baseAddress, length, &outLength, &unchanged) }
            if let normalized {
                defer { free(normalized) }
                normalized.withMemoryRebound(to: UInt8.self, capacity: Int(outLength)) {
                    body(UnsafeBufferPointer(start: $0, count: Int(outLength)))
                }
                return
            }
            if unchanged != 0 { return body(piece) }
        }
        // ICU failed or the piece is beyond its 32-bit lengths.
        let fallback = Array(TextNormalizer.fallback(String(decoding: piece, as: UTF8.self)).utf8)
        fallback.withUnsafeBufferPointer(body)
    }
}

/// Decoding one scalar from UTF-8 that may be invalid.
enum UTF8Scalar {
    /// The scalar starting at `index` and its width in bytes, or nil when
    /// the bytes there are not well-formed UTF-8 (the rules of Unicode
    /// table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        let count = bytes.count
        guard index < count else { return nil }
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> UInt32? {
            guard index + offset < count, range.contains(bytes[index + offset]) else { return nil }
            return UInt32(bytes[index + offset] & 0x3F)
        }
        switch lead {
        case 0xC2...0xDF:
            guard let b1 = continuation(1) else { return nil }
            return (UInt32(lead & 0x1F) << 6 | b1, 2)
        case 0xE0...0xEF:
            let second: ClosedRange<UInt8> = lead == 0xE0 ? 0xA0...0xBF : lead == 0xED ? 0x80...0x9F : 0x80...0xBF
            guard let b1 = continuation(1, second), let b2 = continuation(2) else { return nil }
            return (UInt32(lead & 0x0F) << 12 | b1 << 6 | b2, 3)
        case 0xF0...0xF4:
            let second: ClosedRange<UInt8> = lead == 0xF0 ? 0x90...0xBF : lead == 0xF4 ? 0x80...0x8F : 0x80...0xBF
            guard let b1 = continuation(1, second), let b2 = continuation(2), let b3 = continuation(3) else { return nil }
            return (UInt32(lead & 0x07) << 18 | b1 << 12 | b2 << 6 | b3, 4)
        default:
            return nil
        }
    }
}
