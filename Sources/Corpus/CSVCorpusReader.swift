import Foundation

/// Reads a CSV corpus (as Excel exports it): a header row, then one
/// document per row. The columns are those of JSON Lines (`id`, `date`,
/// `title`, `text` or `body`, `author` or `authors`, `url` or `urls`; header
/// names are matched without regard to case); other columns become
/// metadata. Several authors or URLs in one cell are separated by `;`.
/// Lines are those of the file: a row with a line break in a cell spans
/// several, and is named by the line it starts on.
public enum CSVCorpusReader {
    public static func read(_ text: String, source: String, stem: String) throws -> [Document] {
        // Blank lines before the header are not a header.
        let records = try CSVScanner.records(text, source: source).drop(while: { $0.fields.allSatisfy(\.isEmpty) })
        guard let headerRecord = records.first else { return [] }
        let header = try self.header(headerRecord, source: source)
        var documents: [Document] = []
        for record in records.dropFirst() {
            let fields = record.fields
            if fields.allSatisfy({ $0.isEmpty }) { continue }
            guard fields.count == header.count else {
                throw CorpusError(file: source, line: record.line,
                                  "this row has \(fields.count) cells, the header (line \(headerRecord.line)) has \(header.count)",
                                  hint: "quote cells that contain commas or line breaks")
            }
            var object: [String: JSONValue] = [:]
            for (column, (name, value)) in zip(header, fields).enumerated() where !value.isEmpty {
                guard !name.isEmpty else {
                    throw CorpusError(file: source, line: record.line, "cell \(column + 1) holds '\(value.prefix(20))', but its column has no name in the header",
                                      hint: "name the column in the header row, or empty it")
                }
                if ["authors", "author", "urls", "url"].contains(name) {
                    object[name] = .array(value.split(separator: ";").map { .string($0.trimmingCharacters(in: .whitespaces)) }
                        .filter { $0 != .string("") })
                } else {
                    object[name] = .string(value)
                }
            }
            documents.append(try JSONLinesReader.document(from: object, source: source, stem: stem, line: record.line))
        }
        return documents
    }

    /// The column names, trimmed and lower-cased; each used once.
    private static func header(_ record: CSVScanner.Record, source: String) throws -> [String] {
        let header = record.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard header.contains(where: { ["text", "body", "title"].contains($0) }) else {
            throw CorpusError(file: source, line: record.line, "the header row has no 'text', 'body' or 'title' column (it has: \(header.joined(separator: ", ")))",
                              hint: "name the column holding the article text 'text'")
        }
        var seen: Set<String> = []
        for name in header where !name.isEmpty {
            guard seen.insert(name).inserted else {
                throw CorpusError(file: source, line: record.line, "the header names the column '\(name)' twice",
                                  hint: "rename one of them: each column needs its own name")
            }
        }
        return header
    }
}
