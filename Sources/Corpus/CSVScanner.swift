/// Splits CSV text into records by RFC 4180 (as Excel writes it), and
/// refuses what the RFC does not allow instead of guessing: a quote that is
/// never closed, a quote inside an unquoted cell, text after a closing
/// quote, and NUL bytes. Each record knows the line it starts on, so errors
/// and ids name lines as an editor shows them.
struct CSVScanner {
    struct Record: Equatable {
        /// The 1-based line where the record starts.
        let line: Int
        let fields: [String]
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf: UInt8 = 10, cr: UInt8 = 13

    let source: String
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    init(_ text: String, source: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
        self.source = source
    }

    /// Every record of the text, in order. A final line end is optional.
    static func records(_ text: String, source: String) throws -> [Record] {
        var scanner = CSVScanner(text, source: source)
        return try scanner.scanAll()
    }

    private mutating func scanAll() throws -> [Record] {
        var records: [Record] = []
        while index < bytes.count {
            records.append(try scanRecord())
        }
        return records
    }

    /// One record, up to and including its line end.
    private mutating func scanRecord() throws -> Record {
        let recordLine = line
        var fields: [String] = []
        while true {
            fields.append(try scanField())
            guard index < bytes.count else { break }
            let byte = bytes[index]
            index += 1
            if byte == Self.comma { continue }
            // A line end: LF, CRLF or a lone CR.
            if byte == Self.cr, index < bytes.count, bytes[index] == Self.lf { index += 1 }
            line += 1
            break
        }
        return Record(line: recordLine, fields: fields)
    }

    /// One cell, leaving `index` on the comma or line end after it.
    private mutating func scanField() throws -> String {
        if index < bytes.count, bytes[index] == Self.quote { return try scanQuotedField() }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.comma || byte == Self.lf || byte == Self.cr { break }
            if byte == Self.quote {
                throw CorpusError(file: source, line: line, "a quote (\") inside a cell that does not start with one",
                                  hint: "quote the whole cell and double the quotes inside it: \"He said \"\"yes\"\"\"")
            }
            try checkNotNUL(byte)
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func scanQuotedField() throws -> String {
        let openingLine = line
        index += 1
        var cell: [UInt8] = []
        while true {
            guard index < bytes.count else {
                throw CorpusError(file: source, line: openingLine, "the quoted cell that starts on this line is never closed",
                                  hint: "add the missing closing quote (\"), or double a quote that belongs inside the cell (\"\")")
            }
            let byte = bytes[index]
            index += 1
            if byte == Self.quote {
                if index < bytes.count, bytes[index] == Self.quote {
                    cell.append(Self.quote)
                    index += 1
                    continue
                }
                break
            }
            try checkNotNUL(byte)
            if byte == Self.lf || (byte == Self.cr && (index >= bytes.count || bytes[index] != Self.lf)) { line += 1 }
            cell.append(byte)
        }
        if index < bytes.count, ![Self.comma, Self.lf, Self.cr].contains(bytes[index]) {
            let problem = openingLine == line
                ? "text follows the closing quote of a quoted cell"
                : "the quoted cell that starts on this line closes on line \(line), and text follows its closing quote"
            throw CorpusError(file: source, line: openingLine, problem,
                              hint: "a quote inside a quoted cell must be doubled (\"\"); is a closing quote missing before it?")
        }
        return String(decoding: cell, as: UTF8.self)
    }

    private func checkNotNUL(_ byte: UInt8) throws {
        guard byte != 0 else {
            throw CorpusError(file: source, line: line, "contains a NUL byte, so it is not a text file",
                              hint: "save it as CSV UTF-8 (a UTF-16 file has NUL bytes between its letters)")
        }
    }
}
