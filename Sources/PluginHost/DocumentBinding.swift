import Foundation
import Corpus
import LuaBridge
import Text

/// The corpus as Lua sees it.
final class CorpusHandle {
    let documents: [Document]
    /// Told how far loops over this (the whole) corpus have come; nil for filtered corpora.
    let progress: ProgressMeter?
    init(documents: [Document], progress: ProgressMeter? = nil) {
        self.documents = documents
        self.progress = progress
    }

    /// Every period label from the first dated document to the last, then
    /// "undated" when some document has no date: the grid of every time series.
    /// With `statedOnly`, documents dated only from their text count as undated.
    func periodGrid(_ kind: PeriodKind, statedOnly: Bool = false) -> [String] {
        let dates = documents.compactMap { statedOnly && $0.dateOrigin != .stated ? nil : $0.date }
        var labels: [String] = []
        if let first = dates.min(), let last = dates.max() {
            labels = kind.labels(from: kind.index(of: first), through: kind.index(of: last))
        }
        if dates.count < documents.count { labels.append(PeriodKind.undatedLabel) }
        return labels
    }
}

/// The position of one `corpus:documents()` loop.
final class DocumentCursor {
    let documents: [Document]
    var position = 0
    let progress: ProgressMeter?
    init(documents: [Document], progress: ProgressMeter? = nil) {
        self.documents = documents
        self.progress = progress
    }
}

/// Lua types for documents and the corpus (`kiji.Document`, `kiji.Corpus`).
enum DocumentBinding {
    static let documentType = LuaUserdataType<Document>(name: "kiji.Document")
    static let corpusType = LuaUserdataType<CorpusHandle>(name: "kiji.Corpus")
    static let cursorType = LuaUserdataType<DocumentCursor>(name: "kiji.DocumentCursor")

    static let fieldNames = ["id", "source", "line", "title", "body", "text", "raw", "date", "date_origin",
                             "month", "authors", "urls", "meta", "duplicate_of", "boilerplate"]

    static func define(in state: LuaState, terms: TermCache, morphology: MorphologyService) throws {
        var document = LuaUserdataBehaviour<Document>()
        TextBinding.addDocumentMethods(to: &document, morphology: morphology)
        document.methods["count"] = { call, doc in
            if call.isTable(2) {
                // One pass for the whole list (see MultiTermMatcher).
                let list = try termList(call, 2)
                let matcher = try terms.matcher(for: list, call: call, argument: 2)
                try pushCounts(doc.textBytes.withUnsafeBufferPointer { matcher.counts(in: $0) }, of: list, on: call.stack)
                return 1
            }
            let n = try terms.withNormalized(try call.string(2), call: call, argument: 2) { needle in
                doc.occurrences(of: needle)
            }
            call.push(n)
            return 1
        }
        document.methods["contains"] = { call, doc in
            let found = try terms.withNormalized(try call.string(2), call: call, argument: 2) { needle in
                doc.textBytes.withUnsafeBufferPointer { !TermSearch.byteOffsets(of: needle, in: $0, limit: 1).isEmpty }
            }
            call.push(found)
            return 1
        }
        document.methods["find_all"] = { call, doc in
            let matches = try terms.withNormalized(try call.string(2), call: call, argument: 2) { needle in
                doc.textBytes.withUnsafeBufferPointer { TermSearch.matches(of: needle, in: $0) }
            }
            let stack = call.stack
            try stack.newTable(array: matches.count)
            for (i, match) in matches.enumerated() {
                try stack.setIndex(i + 1) {
                    try stack.newTable(records: 3)
                    try stack.setField("start") { stack.push(match.start) }
                    try stack.setField("stop") { stack.push(match.stop) }
                    try stack.setField("length") { stack.push(match.length) }
                }
            }
            return 1
        }
        document.index = { call, doc in
            let key = try call.string(2)
            try pushField(key, of: doc, on: call.stack)
            return 1
        }
        document.describe = { "kiji.Document(\($0.id))" }
        try state.define(documentType, document)

        var corpus = LuaUserdataBehaviour<CorpusHandle>()
        corpus.length = { $0.documents.count }
        // `for doc in corpus:documents()` needs the document as the first
        // value, so the position lives in a cursor object, not the control variable.
        var cursor = LuaUserdataBehaviour<DocumentCursor>()
        cursor.describe = { "kiji.DocumentCursor(\($0.position)/\($0.documents.count))" }
        try state.define(cursorType, cursor)
        let step = state.register(function: "documents iterator") { call in
            let cursor = try call.object(1, cursorType)
            guard cursor.position < cursor.documents.count else { call.stack.pushNil(); return 1 }
            cursor.position += 1
            cursor.progress?.update(done: cursor.position)
            // A deferred document's text is read once here, not on each use in the loop body.
            call.stack.push(try cursor.documents[cursor.position - 1].loaded(), as: documentType)
            return 1
        }
        corpus.methods["documents"] = { call, handle in
            call.stack.push(function: step)
            call.stack.push(DocumentCursor(documents: handle.documents, progress: handle.progress), as: cursorType)
            return 2
        }
        corpus.methods["filter"] = { call, handle in
            let kept = try CorpusFilter(call: call, argument: 2).apply(to: handle.documents, call: call)
            call.stack.push(CorpusHandle(documents: kept), as: corpusType)
            return 1
        }
        corpus.methods["count"] = { call, handle in
            func total(_ term: String) throws -> Int {
                try terms.withNormalized(term, call: call, argument: 2) { needle in
                    handle.documents.reduce(0) { sum, doc in sum + doc.occurrences(of: needle) }
                }
            }
            if call.isTable(2) {
                let list = try termList(call, 2)
                let matcher = try terms.matcher(for: list, call: call, argument: 2)
                var totals = [Int](repeating: 0, count: list.count)
                for doc in handle.documents {
                    let counts = doc.textBytes.withUnsafeBufferPointer { matcher.counts(in: $0) }
                    for index in totals.indices { totals[index] += counts[index] }
                }
                try pushCounts(totals, of: list, on: call.stack)
            } else {
                call.push(try total(try call.string(2)))
            }
            return 1
        }
        corpus.methods["periods"] = { call, handle in
            let kind = try periodKind(call, 2)
            let dates = try call.optionalString(3) ?? "any"
            guard dates == "any" || dates == "stated" else {
                throw call.argumentError(3, "dates must be \"any\" or \"stated\", not '\(dates)'")
            }
            try call.stack.push(handle.periodGrid(kind, statedOnly: dates == "stated"))
            return 1
        }
        corpus.index = { call, handle in
            guard call.isNumber(2) else {
                throw LuaRuntimeError("kiji.Corpus has no field '\((try? call.string(2)) ?? "?")' (use #corpus, corpus[i] or corpus:documents())")
            }
            let index = try call.integer(2)
            guard index >= 1, index <= handle.documents.count else {
                call.stack.pushNil()
                return 1
            }
            call.stack.push(try handle.documents[index - 1].loaded(), as: documentType)
            return 1
        }
        corpus.describe = { "kiji.Corpus(\($0.documents.count) documents)" }
        try state.define(corpusType, corpus)
    }

    /// The strings of a table argument such as `{"中国", "台湾"}`.
    static func termList(_ call: LuaCall, _ argument: Int32) throws -> [String] {
        try call.table(argument).array.enumerated().map { index, value in
            guard let term = value.string else {
                throw call.argumentError(argument, "term #\(index + 1) is a \(value.typeName), not a string")
            }
            return term
        }
    }

    /// A table from each term, as given, to its count.
    static func pushCounts(_ counts: [Int], of terms: [String], on stack: LuaStack) throws {
        try stack.newTable(records: terms.count)
        for (term, n) in zip(terms, counts) { try stack.setField(term) { stack.push(n) } }
    }

    static func pushField(_ key: String, of doc: Document, on stack: LuaStack) throws {
        switch key {
        case "id": stack.push(doc.id)
        case "source": stack.push(doc.source)
        case "line": stack.push(doc.line)
        case "title": stack.push(doc.title)
        case "body": stack.push(doc.body)
        case "text": doc.textBytes.withUnsafeBufferPointer { stack.push(bytes: $0) }
        case "raw": doc.rawTextBytes.withUnsafeBufferPointer { stack.push(bytes: $0) }
        case "date": stack.push(doc.date?.description)
        case "date_origin": stack.push(doc.dateOrigin?.rawValue)
        case "month": stack.push(doc.month)
        case "authors": try stack.push(doc.authors)
        case "urls": try stack.push(doc.urls)
        case "duplicate_of": stack.push(doc.duplicateOf)
        case "boilerplate": stack.push(doc.isBoilerplate)
        case "meta":
            let meta = doc.meta  // decoded on each read: read it once
            try stack.newTable(records: meta.count)
            for key in meta.keys.sorted() {
                try stack.setField(key) { try push(meta[key] ?? .null, on: stack, depth: LuaStack.maximumNesting) }
            }
        default:
            throw LuaRuntimeError("kiji.Document has no field '\(key)' (fields: \(fieldNames.joined(separator: ", ")))")
        }
    }

    /// Pushes metadata; `depth` bounds the nesting (see ``LuaStack/maximumNesting``).
    static func push(_ value: JSONValue, on stack: LuaStack, depth: Int) throws {
        guard depth > 0 else {
            throw LuaRuntimeError("metadata nested more than \(LuaStack.maximumNesting) levels deep")
        }
        switch value {
        case .null: stack.pushNil()
        case .bool(let b): stack.push(b)
        case .integer(let i): stack.push(i)
        case .number(let d): stack.push(d)
        case .string(let s): stack.push(s)
        case .array(let items):
            try stack.newTable(array: items.count)
            for (i, item) in items.enumerated() { try stack.setIndex(i + 1) { try push(item, on: stack, depth: depth - 1) } }
        case .object(let fields):
            try stack.newTable(records: fields.count)
            for key in fields.keys.sorted() { try stack.setField(key) { try push(fields[key] ?? .null, on: stack, depth: depth - 1) } }
        }
    }
}

/// The options of `corpus:filter{since=, until=, source=, meta=, where=}`.
struct CorpusFilter {
    var since: CalendarDate?
    var until: CalendarDate?
    var source: String?
    var predicate: LuaReference?
    /// `meta = { field = "value" or {"a", "b"} }`: the Corpus layer's field conditions.
    var fields = DocumentFilter()

    init(call: LuaCall, argument: Int32) throws {
        let options = try call.table(argument)
        for key in options.entries.keys {
            guard case .string(let name) = key, ["since", "until", "source", "meta", "where"].contains(name) else {
                throw call.argumentError(argument, "unknown option '\(key)' (use since, until, source, meta, where)")
            }
        }
        func date(_ key: String) throws -> CalendarDate? {
            switch options[key] {
            case .none: return nil
            case .string(let text):
                guard let date = CalendarDate(iso: text) else { throw call.argumentError(argument, "\(key) '\(text)' is not a date like 2025-01-31") }
                return date
            case let other: throw call.argumentError(argument, "\(key) must be a date string, not \(other.typeName)")
            }
        }
        since = try date("since")
        until = try date("until")
        switch options["source"] {
        case .none: source = nil
        case .string(let text): source = text
        case let other: throw call.argumentError(argument, "source must be a string, not \(other.typeName)")
        }
        fields.conditions = try Self.metaConditions(options["meta"], call: call, argument: argument)
        switch options["where"] {
        case .none: predicate = nil
        case .function(let function): predicate = function
        case let other: throw call.argumentError(argument, "where must be a function, not \(other.typeName)")
        }
    }

    /// `meta = { category = "スポーツ", year = {"2024", "2025"} }`, in field-name order.
    static func metaConditions(_ value: LuaValue, call: LuaCall, argument: Int32) throws -> [FieldCondition] {
        guard case .table(let table) = value else {
            if value.isNil { return [] }
            throw call.argumentError(argument, "meta must be a table such as { category = \"sports\" }, not \(value.typeName)")
        }
        let text = { (value: LuaValue) -> String? in
            switch value {
            case .string(let s): s
            case .integer(let i): String(i)
            case .boolean(let b): b ? "true" : "false"
            default: nil
            }
        }
        return try table.entries.keys.map(\.description).sorted().map { field in
            let entry = table[field]
            if let single = text(entry) { return FieldCondition(field: field, values: [single]) }
            guard let list = entry.table?.array, !list.isEmpty else {
                throw call.argumentError(argument, "meta.\(field) must be a value or a non-empty list of values, not \(entry.typeName)")
            }
            return FieldCondition(field: field, values: try list.map { item in
                guard let value = text(item) else { throw call.argumentError(argument, "meta.\(field) lists a \(item.typeName)") }
                return value
            })
        }
    }

    /// Documents that pass every given condition, in order. With since or
    /// until, undated documents are left out. A `meta` field that no
    /// document has gets a warning naming the nearest one.
    func apply(to documents: [Document], call: LuaCall) throws -> [Document] {
        defer { predicate?.release() }
        for warning in fields.warnings(for: documents) {
            FileHandle.standardError.write(Data("kiji: warning: corpus:filter{meta}: \(warning)\n".utf8))
        }
        return try documents.filter { doc in
            if !fields.accepts(doc) { return false }
            if since != nil || until != nil {
                guard let date = doc.date else { return false }
                if let since, date < since { return false }
                if let until, date > until { return false }
            }
            if let source, !doc.source.contains(source) { return false }
            if let predicate {
                let result = try call.state.call(predicate, results: 1) { stack in
                    stack.push(doc, as: DocumentBinding.documentType)
                    return 1
                }[0]
                switch result {
                case .none, .boolean(false): return false
                default: return true
                }
            }
            return true
        }
    }
}

extension Document {
    /// Non-overlapping occurrences of a normalised term in `text`.
    func occurrences(of needle: UnsafeBufferPointer<UInt8>) -> Int {
        textBytes.withUnsafeBufferPointer { TermSearch.count(needle, in: $0) }
    }
}
