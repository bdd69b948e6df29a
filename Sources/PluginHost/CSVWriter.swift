/// Writes RFC 4180 CSV: a header row, cells quoted when they hold a comma,
/// a quote, CR or LF (quotes doubled), LF line ends.
public struct CSVWriter: Sendable {
    /// Prefix the output with a UTF-8 byte-order mark (Excel on Japanese
    /// Windows otherwise reads UTF-8 as CP932).
    public var byteOrderMark = false

    public init(byteOrderMark: Bool = false) {
        self.byteOrderMark = byteOrderMark
    }

    public func render(_ table: ResultTable) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        out += table.columns.map(Self.escape).joined(separator: ",") + "\n"
        for row in table.rows {
            out += row.map { Self.escape($0.text) }.joined(separator: ",") + "\n"
        }
        return out
    }

    static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return field }
        var quoted = "\""
        for character in field.unicodeScalars {
            if character == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(character) }
        }
        return quoted + "\""
    }
}
