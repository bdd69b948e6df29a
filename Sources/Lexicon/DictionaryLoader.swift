import Foundation
import Yams

/// Reads a dictionary file, its format chosen by the file's ending:
/// `.yml`/`.yaml` (quanteda), `.dic` (LIWC), `.csv` (category,word),
/// `.txt` (KH Coder coding rules).
public enum DictionaryLoader {
    public static let formats = ["yml": "yaml", "yaml": "yaml", "dic": "liwc", "csv": "csv", "txt": "khcoder"]

    public static func load(_ path: String) throws -> WordDictionary {
        let ext = (path as NSString).pathExtension.lowercased()
        guard let format = formats[ext] else {
            throw DictionaryError(file: path, "kiji reads dictionaries ending in .yml or .yaml (quanteda), .dic (LIWC), .csv (category,word) or .txt (KH Coder coding rules), not '.\(ext)'")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
            throw DictionaryError(file: path, "\(reason) (relative paths start at \(FileManager.default.currentDirectoryPath))")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DictionaryError(file: path, "is not UTF-8; convert it first, e.g. iconv -f CP932 -t UTF-8 '\(path)'")
        }
        let unix = text.replacingOccurrences(of: "\r\n", with: "\n")
        let categories: [DictionaryCategory]
        switch format {
        case "yaml": categories = try YAMLDictionaryReader.read(unix, file: path)
        case "liwc": categories = try LIWCReader.read(unix, file: path)
        case "csv": categories = try CSVDictionaryReader.read(unix, file: path)
        default: categories = try CodingRuleReader.read(unix, file: path)
        }
        return WordDictionary(path: path, format: format, categories: categories)
    }

    /// Categories from (name, entries) in order, refusing empty entries.
    static func wordCategories(_ lists: [(name: String, words: [(String, Int?)])], file: String) throws -> [DictionaryCategory] {
        try lists.map { list in
            let patterns = try list.words.map { word, line in
                let pattern = WordPattern(word.trimmingCharacters(in: .whitespaces))
                guard !pattern.text.isEmpty, pattern.text.contains(where: { $0 != "*" && $0 != "?" }) else {
                    throw DictionaryError(file: file, line: line, "category '\(list.name)' has an empty word or one made only of wildcards")
                }
                return pattern
            }
            return DictionaryCategory(name: list.name, rule: .words(patterns))
        }
    }
}

/// quanteda-style YAML: a mapping from category to a list of words, or to
/// another such mapping (nested categories become `parent.child`).
enum YAMLDictionaryReader {
    static func read(_ text: String, file: String) throws -> [DictionaryCategory] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DictionaryError(file: file, line: line(of: error), "is not valid YAML (\(String(describing: error).split(separator: "\n").first ?? ""))")
        }
        guard let mapping = root?.mapping else {
            throw DictionaryError(file: file, line: root?.mark.map { $0.line }, "a YAML dictionary is a mapping from category names to lists of words")
        }
        var lists: [(name: String, words: [(String, Int?)])] = []
        try collect(mapping, prefix: "", into: &lists, file: file)
        guard !lists.isEmpty else { throw DictionaryError(file: file, "the dictionary has no categories") }
        return try DictionaryLoader.wordCategories(lists, file: file)
    }

    static func collect(_ mapping: Node.Mapping, prefix: String, into lists: inout [(name: String, words: [(String, Int?)])], file: String) throws {
        for (key, value) in mapping {
            guard let name = key.string, !name.isEmpty else {
                throw DictionaryError(file: file, line: key.mark?.line, "a category name must be text")
            }
            let full = prefix.isEmpty ? name : prefix + "." + name
            if let nested = value.mapping {
                try collect(nested, prefix: full, into: &lists, file: file)
            } else if let sequence = value.sequence {
                let words = try sequence.map { item -> (String, Int?) in
                    guard let word = item.scalar?.string else {
                        throw DictionaryError(file: file, line: item.mark?.line, "category '\(full)' lists something that is not a word")
                    }
                    return (word, item.mark?.line)
                }
                lists.append((full, words))
            } else if let word = value.scalar?.string, !word.isEmpty {
                lists.append((full, [(word, value.mark?.line)]))
            } else {
                throw DictionaryError(file: file, line: value.mark?.line, "category '\(full)' needs a list of words or nested categories")
            }
        }
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }
}

/// LIWC `.dic`: `%`, then `number<TAB>category` lines, `%`, then
/// `word<TAB>number<TAB>number…` lines. `*` at the end of a word is a wildcard.
enum LIWCReader {
    static func read(_ text: String, file: String) throws -> [DictionaryCategory] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let open = lines.firstIndex(where: { !$0.isEmpty }), lines[open] == "%" else {
            throw DictionaryError(file: file, line: 1, "a LIWC dictionary starts with a line holding only '%'")
        }
        guard let close = lines[(open + 1)...].firstIndex(of: "%") else {
            throw DictionaryError(file: file, line: lines.count, "the category list opened by '%' on line \(open + 1) is never closed by another '%'")
        }
        var names: [String: String] = [:]
        var order: [String] = []
        for index in (open + 1)..<close where !lines[index].isEmpty {
            let parts = lines[index].split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
            guard parts.count >= 2 else {
                throw DictionaryError(file: file, line: index + 1, "a category line is 'number<TAB>name', got '\(lines[index])'")
            }
            guard names[parts[0]] == nil else { throw DictionaryError(file: file, line: index + 1, "category number \(parts[0]) is defined twice") }
            names[parts[0]] = parts[1...].joined(separator: " ")
            order.append(parts[0])
        }
        var words: [String: [(String, Int?)]] = [:]
        for index in (close + 1)..<lines.count where !lines[index].isEmpty {
            let parts = lines[index].split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 2 else {
                throw DictionaryError(file: file, line: index + 1, "a word line is 'word<TAB>number…', got '\(lines[index])'")
            }
            for number in parts.dropFirst() where !number.isEmpty {
                guard names[number] != nil else {
                    throw DictionaryError(file: file, line: index + 1, "'\(parts[0])' names category \(number), which the list at the top does not define")
                }
                words[number, default: []].append((parts[0], index + 1))
            }
        }
        return try DictionaryLoader.wordCategories(order.map { (names[$0]!, words[$0] ?? []) }, file: file)
    }
}

/// A CSV word list: `category,word` rows, an optional `category,word` header,
/// quoted cells as in RFC 4180. Categories keep the order they first appear in.
enum CSVDictionaryReader {
    static func read(_ text: String, file: String) throws -> [DictionaryCategory] {
        var order: [String] = []
        var words: [String: [(String, Int?)]] = [:]
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let cells = try splitCells(String(line), file: file, line: offset + 1)
            guard cells.count == 2 else {
                throw DictionaryError(file: file, line: offset + 1, "a row must have two cells, category and word; it has \(cells.count)")
            }
            if offset == 0, cells[0].lowercased() == "category", cells[1].lowercased() == "word" { continue }
            let category = cells[0].trimmingCharacters(in: .whitespaces)
            guard !category.isEmpty else { throw DictionaryError(file: file, line: offset + 1, "the category cell is empty") }
            if words[category] == nil { order.append(category) }
            words[category, default: []].append((cells[1], offset + 1))
        }
        guard !order.isEmpty else { throw DictionaryError(file: file, "the dictionary has no rows") }
        return try DictionaryLoader.wordCategories(order.map { ($0, words[$0]!) }, file: file)
    }

    static func splitCells(_ line: String, file: String, line number: Int) throws -> [String] {
        var cells: [String] = []
        var current = ""
        var quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { current.append("\""); characters = characters.dropFirst() } else { quoted = false }
                } else {
                    current.append(character)
                }
            } else if character == "\"" && current.isEmpty {
                quoted = true
            } else if character == "," {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        guard !quoted else { throw DictionaryError(file: file, line: number, "a quoted cell is not closed") }
        cells.append(current)
        return cells
    }
}
