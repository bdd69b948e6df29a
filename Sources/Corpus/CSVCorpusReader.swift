import CSV
import Foundation

/// Reads a CSV corpus (as Excel exports it): a header row, then one
/// document per row. The columns are those of JSON Lines (`id`, `date`,
/// `title`, `text` or `body`, `author` or `authors`, `url` or `urls`; header
/// names are matched without regard to case); other columns become
/// metadata. Several authors or URLs in one cell are separated by `;`.
public enum CSVCorpusReader {
    public static func read(_ text: String, source: String, stem: String) throws -> [Document] {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw CorpusError(file: source, line: 1, "not a CSV file (\(error))")
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !header.isEmpty, header.contains(where: { ["text", "body", "title"].contains($0) }) else {
            throw CorpusError(file: source, line: 1, "the header row has no 'text', 'body' or 'title' column (it has: \(header.joined(separator: ", ")))",
                              hint: "name the column holding the article text 'text'")
        }
        var documents: [Document] = []
        var row = 0
        while let fields = reader.next() {
            row += 1
            if fields.allSatisfy({ $0.isEmpty }) { continue }
            guard fields.count == header.count else {
                throw CorpusError(file: source, line: row + 1, "row \(row) has \(fields.count) fields, the header has \(header.count)",
                                  hint: "quote cells that contain commas or line breaks")
            }
            var object: [String: JSONValue] = [:]
            for (name, value) in zip(header, fields) where !name.isEmpty && !value.isEmpty {
                if ["authors", "author", "urls", "url"].contains(name) {
                    object[name] = .array(value.split(separator: ";").map { .string($0.trimmingCharacters(in: .whitespaces)) }
                        .filter { $0 != .string("") })
                } else {
                    object[name] = .string(value)
                }
            }
            documents.append(try JSONLinesReader.document(from: object, source: source, stem: stem, line: row + 1))
        }
        if let error = reader.error { throw CorpusError(file: source, line: row + 2, "not valid CSV (\(error))") }
        return documents
    }
}
