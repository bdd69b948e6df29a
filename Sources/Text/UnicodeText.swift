/// Character-level operations on UTF-8 text. A "character" in kiji is a
/// Unicode scalar (code point), as in Python's `len`, not a byte as in Lua.
public enum UnicodeText {
    /// Number of code points.
    public static func length(_ text: String) -> Int {
        text.unicodeScalars.count
    }

    /// Code points `i` through `j` inclusive, 1-based, with Lua's
    /// `string.sub` conventions: negative positions count from the end,
    /// out-of-range positions are clamped, and `i > j` gives "".
    public static func substring(_ text: String, from i: Int, to j: Int = -1) -> String {
        let scalars = text.unicodeScalars
        let count = scalars.count
        var start = i < 0 ? max(count + i + 1, 1) : max(i, 1)
        var end = j < 0 ? count + j + 1 : min(j, count)
        if start > end || start > count { return "" }
        start -= 1
        end = max(end, 0)
        let lower = scalars.index(scalars.startIndex, offsetBy: start)
        let upper = scalars.index(lower, offsetBy: end - start)
        return String(scalars[lower..<upper])
    }

    /// Whether the byte begins a code point in UTF-8.
    @inline(__always)
    static func isScalarStart(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

    /// Number of code points in `bytes[0..<end]`.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, upTo end: Int) -> Int {
        var count = 0
        for index in 0..<end where isScalarStart(bytes[index]) { count += 1 }
        return count
    }
}

extension UnicodeText {
    /// `text` without leading and trailing white space (including U+3000,
    /// the ideographic space).
    public static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
