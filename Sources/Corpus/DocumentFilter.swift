import Foundation
import Text

/// A condition on one field of a document: `FIELD=VALUE`, `FIELD!=VALUE`,
/// `FIELD in A,B`, `FIELD not in A,B`.
public struct FieldCondition: Equatable, Sendable, CustomStringConvertible {
    public let field: String
    /// The accepted values (NFKC-normalised), or the refused ones when `negated`.
    public let values: [String]
    public let negated: Bool

    public init(field: String, values: [String], negated: Bool = false) {
        self.field = field
        self.values = values.map(TextNormalizer.nfkc)
        self.negated = negated
    }

    /// Parses the text of a `--where` option.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func field(_ name: Substring) throws -> String {
            let name = name.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains(" ") else { throw FilterError("--where '\(text)': the field name is missing or has spaces; write FIELD=VALUE, FIELD!=VALUE or 'FIELD in A,B'") }
            return name
        }
        let list = { (values: Substring) in values.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
        // The operator that comes first wins, so values may contain the others (title=a in b).
        let operators = [" not in ", " in ", "!=", "="].compactMap { op in trimmed.range(of: op).map { (op, $0) } }
        if let (op, range) = operators.min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
            let name = try field(trimmed[..<range.lowerBound])
            let rest = trimmed[range.upperBound...]
            switch op {
            case " not in ": self.init(field: name, values: list(rest), negated: true)
            case " in ": self.init(field: name, values: list(rest))
            case "!=": self.init(field: name, values: [String(rest)], negated: true)
            default: self.init(field: name, values: [String(rest)])
            }
        } else {
            throw FilterError("--where '\(text)' is not FIELD=VALUE, FIELD!=VALUE, 'FIELD in A,B' or 'FIELD not in A,B'")
        }
        if values.isEmpty || (values.count > 1 && values.contains(where: \.isEmpty)) {
            throw FilterError("--where '\(text)': the list of values has an empty item")
        }
    }

    public var description: String {
        if values.count == 1 { return "\(field)\(negated ? "!=" : "=")\(values[0])" }
        return "\(field) \(negated ? "not in" : "in") \(values.joined(separator: ","))"
    }

    /// Whether the document passes. A document without the field has the
    /// value "" (so `FIELD=` keeps documents that lack it).
    public func accepts(_ document: Document) -> Bool {
        let found = DocumentFields.values(of: field, in: document).map(TextNormalizer.nfkc)
        let matches = values.contains { value in found.isEmpty ? value.isEmpty : found.contains(value) }
        return matches != negated
    }
}

/// A bad filter option.
public struct FilterError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The documents a run keeps: field conditions, a date range and whether
/// dates found in the text count.
public struct DocumentFilter: Sendable {
    public var conditions: [FieldCondition] = []
    /// Inclusive bounds; when either is set, undated documents are left out.
    public var since: CalendarDate?
    public var until: CalendarDate?
    /// Keep only documents whose source states their date (`date_origin = stated`).
    public var statedDatesOnly = false

    public init(conditions: [FieldCondition] = [], since: CalendarDate? = nil, until: CalendarDate? = nil, statedDatesOnly: Bool = false) {
        (self.conditions, self.since, self.until, self.statedDatesOnly) = (conditions, since, until, statedDatesOnly)
    }

    public var isEmpty: Bool { conditions.isEmpty && since == nil && until == nil && !statedDatesOnly }

    public func accepts(_ document: Document) -> Bool {
        if statedDatesOnly && document.dateOrigin != .stated { return false }
        if since != nil || until != nil {
            guard let date = document.date else { return false }
            if let since, date < since { return false }
            if let until, date > until { return false }
        }
        return conditions.allSatisfy { $0.accepts(document) }
    }

    public func apply(to documents: [Document]) -> [Document] {
        isEmpty ? documents : documents.filter(accepts)
    }

    /// One warning per condition whose field no document has, naming the nearest field that exists.
    public func warnings(for documents: [Document]) -> [String] {
        DocumentFields.unknownFieldWarnings(conditions.map(\.field), in: documents)
    }
}

/// Document fields by name, for filters: the built-in fields and `meta` keys.
public enum DocumentFields {
    public static let builtIn = ["id", "source", "title", "date", "date_origin", "month", "authors", "urls"]

    /// The field's values (several for authors, urls and meta lists); empty when the document lacks it.
    public static func values(of field: String, in document: Document) -> [String] {
        switch field {
        case "id": return [document.id]
        case "source": return [document.source]
        case "title": return [document.title]
        case "date": return document.date.map { [$0.description] } ?? []
        case "date_origin": return document.dateOrigin.map { [$0.rawValue] } ?? []
        case "month": return document.month.map { [$0] } ?? []
        case "authors": return document.authors
        case "urls": return document.urls
        default:
            switch document.meta[field] {
            case .none, .null?: return []
            case .array(let items)?: return items.compactMap(\.text)
            case let value?: return value.text.map { [$0] } ?? []
            }
        }
    }

    /// Warnings for fields that are neither built in nor a `meta` key of any document.
    public static func unknownFieldWarnings(_ fields: [String], in documents: [Document]) -> [String] {
        var known = Set(builtIn)
        // Metadata is decoded when read: look only as far as needed.
        guard fields.contains(where: { !known.contains($0) }) else { return [] }
        for document in documents {
            known.formUnion(document.meta.keys)
            if fields.allSatisfy(known.contains) { return [] }
        }
        var warnings: [String] = []
        for field in fields where !known.contains(field) && !warnings.contains(where: { $0.contains("'\(field)'") }) {
            let nearest = known.min { (distance(field, $0), $0) < (distance(field, $1), $1) }
            let hint = nearest.map { " (did you mean '\($0)'?)" } ?? ""
            warnings.append("no document has the field '\(field)'\(hint); fields: \(known.sorted().joined(separator: ", "))")
        }
        return warnings
    }

    /// Levenshtein distance in characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}

extension Corpus {
    /// The corpus with only the documents `filter` accepts; files keep their full counts.
    public func keeping(_ filter: DocumentFilter) -> Corpus {
        guard !filter.isEmpty else { return self }
        return with(documents: filter.apply(to: documents))
    }

    /// Documents the files hold that a filter left out (not those --dedupe dropped).
    public var filteredOut: Int {
        files.reduce(0) { $0 + $1.documentCount } - documents.count - droppedDuplicates - droppedBoilerplate
    }
}
