#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A match of a term in a text, in code points (1-based, as Lua indexes).
public struct TermMatch: Equatable, Sendable {
    /// Position of the first code point, 1-based.
    public let start: Int
    /// Length in code points.
    public let length: Int
    /// Position of the last code point (start + length - 1).
    public var stop: Int { start + length - 1 }

    public init(start: Int, length: Int) {
        self.start = start
        self.length = length
    }
}

/// Finds non-overlapping occurrences of a term, scanning left to right as
/// Python's `str.count` does. Both texts must already be normalised.
///
/// Searching UTF-8 bytes gives the same matches as searching code points,
/// because UTF-8 is self-synchronising: a valid needle can only match at a
/// code point boundary of a valid haystack.
public enum TermSearch {
    /// Calls `body` with the byte offset of each non-overlapping match, at
    /// most `limit` times.
    public static func forEachMatch(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                                    limit: Int = .max, _ body: (Int) throws -> Void) rethrows {
        guard needle.count > 0, let base = haystack.baseAddress, let needleBase = needle.baseAddress else { return }
        let first = Int32(needle[0])
        let last = haystack.count - needle.count
        var position = 0
        var found = 0
        while position <= last, found < limit {
            // memchr finds the next candidate first byte; memcmp confirms it.
            guard let candidate = memchr(base + position, first, last - position + 1) else { return }
            let offset = base.distance(to: candidate.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset, needleBase, needle.count) == 0 {
                try body(offset)
                found += 1
                position = offset + needle.count
            } else {
                position = offset + 1
            }
        }
    }

    /// Byte offsets of non-overlapping matches.
    public static func byteOffsets(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                                   limit: Int = .max) -> [Int] {
        var offsets: [Int] = []
        forEachMatch(of: needle, in: haystack, limit: limit) { offsets.append($0) }
        return offsets
    }

    /// Number of non-overlapping occurrences (without collecting them).
    public static func count(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        forEachMatch(of: needle, in: haystack) { _ in count += 1 }
        return count
    }

    /// Non-overlapping matches with code-point positions.
    public static func matches(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> [TermMatch] {
        let offsets = byteOffsets(of: needle, in: haystack)
        guard !offsets.isEmpty else { return [] }
        let needleLength = UnicodeText.scalarCount(needle, upTo: needle.count)
        var matches: [TermMatch] = []
        matches.reserveCapacity(offsets.count)
        var scanned = 0
        var scalarsBefore = 0
        for offset in offsets {
            for index in scanned..<offset where UnicodeText.isScalarStart(haystack[index]) { scalarsBefore += 1 }
            scanned = offset
            matches.append(TermMatch(start: scalarsBefore + 1, length: needleLength))
        }
        return matches
    }
}
