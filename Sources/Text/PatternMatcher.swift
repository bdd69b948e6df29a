/// A match of one of a ``PatternMatcher``'s patterns.
public struct PatternMatch: Equatable, Sendable {
    /// Index of the pattern in the list the matcher was built from (0-based).
    public let pattern: Int
    /// First code point, 1-based.
    public let start: Int
    /// Length in code points.
    public let length: Int
    /// Byte range in the UTF-8 text.
    public let byteRange: Range<Int>
}

/// Finds many patterns at once: at each position the longest pattern wins,
/// and matches never overlap (scanning left to right). Patterns are UTF-8
/// and should be normalised like the texts they are matched against.
public final class PatternMatcher: Sendable {
    private struct Node {
        var children: [UInt8: Int32] = [:]
        var pattern: Int32 = -1
    }
    private let nodes: [Node]

    /// Patterns that are empty are ignored; for duplicates the first wins.
    public init(patterns: [String]) {
        var nodes = [Node()]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var current = 0
            for byte in pattern.utf8 {
                if let next = nodes[current].children[byte] {
                    current = Int(next)
                } else {
                    nodes.append(Node())
                    nodes[current].children[byte] = Int32(nodes.count - 1)
                    current = nodes.count - 1
                }
            }
            if nodes[current].pattern < 0 { nodes[current].pattern = Int32(index) }
        }
        self.nodes = nodes
    }

    public func matches(in text: String) -> [PatternMatch] {
        var text = text
        return text.withUTF8 { matches(in: $0) }
    }

    public func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [PatternMatch] {
        var result: [PatternMatch] = []
        var position = 0
        var scalarsBefore = 0
        while position < bytes.count {
            // Longest pattern starting here.
            var node = 0
            var longest: (pattern: Int32, end: Int)?
            var cursor = position
            while cursor < bytes.count, let next = nodes[node].children[bytes[cursor]] {
                node = Int(next)
                cursor += 1
                if nodes[node].pattern >= 0 { longest = (nodes[node].pattern, cursor) }
            }
            if let longest {
                var length = 0
                for index in position..<longest.end where bytes[index] & 0xC0 != 0x80 { length += 1 }
                result.append(PatternMatch(pattern: Int(longest.pattern), start: scalarsBefore + 1, length: length,
                                           byteRange: position..<longest.end))
                scalarsBefore += length
                position = longest.end
            } else {
                // Advance one code point.
                position += 1
                while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
                scalarsBefore += 1
            }
        }
        return result
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The code point that ends just before byte `offset`, as a string ("" at the start).
    public func character(before offset: Int) -> String {
        guard offset > 0 else { return "" }
        var start = offset - 1
        while start > 0, self[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: self[start..<offset]), as: UTF8.self)
    }

    /// The code point that starts at byte `offset`, as a string ("" at the end).
    public func character(at offset: Int) -> String {
        guard offset < count else { return "" }
        var end = offset + 1
        while end < count, self[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: self[offset..<end]), as: UTF8.self)
    }
}
