import Foundation
import Text

/// How a result table is written.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// RFC 4180 CSV (the default).
    case csv
    /// Tab-separated; a cell holding a tab, a line break or a quote is quoted as in CSV.
    case tsv
    /// One JSON object per row, keys in column order; empty cells are null.
    case jsonl
    /// An aligned table for reading in a terminal (display width aware).
    case table
}

/// Writes a ``ResultTable`` in one of the ``OutputFormat``s.
public struct TableWriter: Sendable {
    public var format: OutputFormat
    /// Start with a UTF-8 byte-order mark (Excel on Japanese Windows).
    public var byteOrderMark: Bool
    /// CRLF line ends instead of LF.
    public var crlf: Bool
    /// Prefix text cells that start with = + - @ (or a tab or CR) with a
    /// single quote, so a spreadsheet shows them instead of running them as
    /// formulas. Numbers are left alone.
    public var protectFormulas: Bool

    public init(format: OutputFormat = .csv, byteOrderMark: Bool = false, crlf: Bool = false, protectFormulas: Bool = false) {
        self.format = format
        self.byteOrderMark = byteOrderMark
        self.crlf = crlf
        self.protectFormulas = protectFormulas
    }

    /// The settings of `--excel`: BOM, CRLF and formula protection, as CSV.
    public static let excel = TableWriter(format: .csv, byteOrderMark: true, crlf: true, protectFormulas: true)

    public func render(_ table: ResultTable) -> String {
        let newline = crlf ? "\r\n" : "\n"
        var lines: [String]
        switch format {
        case .csv: lines = delimited(table, separator: ",")
        case .tsv: lines = delimited(table, separator: "\t")
        case .jsonl: lines = table.rows.map { jsonObject(columns: table.columns, row: $0) }
        case .table:
            let rows = [table.columns] + table.rows.map { $0.map { text(of: $0).replacingLineBreaks } }
            lines = DisplayWidth.table(rows).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
        let body = lines.map { $0 + newline }.joined()
        return (byteOrderMark ? "\u{FEFF}" : "") + body
    }

    func text(of cell: Cell) -> String {
        guard protectFormulas, case .string(let s) = cell, let first = s.unicodeScalars.first,
              "=+-@\t\r".unicodeScalars.contains(first) else { return cell.text }
        return "'" + s
    }

    private func delimited(_ table: ResultTable, separator: Character) -> [String] {
        let header = table.columns.map { Self.quoted($0, separator: separator) }.joined(separator: String(separator))
        return [header] + table.rows.map { row in
            row.map { Self.quoted(text(of: $0), separator: separator) }.joined(separator: String(separator))
        }
    }

    static func quoted(_ field: String, separator: Character) -> String {
        let special = separator.asciiValue!
        guard field.utf8.contains(where: { $0 == special || $0 == 34 || $0 == 10 || $0 == 13 }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func jsonObject(columns: [String], row: [Cell]) -> String {
        let fields = zip(columns, row).map { column, cell -> String in
            let value: String
            switch cell {
            case .empty: value = "null"
            case .integer(let i): value = String(i)
            case .number(let d): value = d.isFinite ? cell.text : "null"
            case .boolean(let b): value = b ? "true" : "false"
            case .string: value = Self.jsonString(text(of: cell))
            }
            return Self.jsonString(column) + ":" + value
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func jsonString(_ text: String) -> String { JSONText.quoted(text) }
}

extension String {
    fileprivate var replacingLineBreaks: String {
        replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
