import Corpus
import LuaBridge
import Morphology
import Text

/// The `kiji` global table: version and the `kiji.text` helpers.
enum KijiLibrary {
    static let version = "0.1.0"

    /// - Parameter extraFunctions: more `kiji.NAME` functions, registered by the caller.
    static func install(in state: LuaState, morphology: MorphologyService, extraFunctions: [String: HostFunctionID] = [:]) throws {
        let len = state.register(function: "len") { call in
            call.push(UnicodeText.length(try call.string(1)))
            return 1
        }
        let sub = state.register(function: "sub") { call in
            let text = try call.string(1)
            call.push(UnicodeText.substring(text, from: try call.optionalInteger(2) ?? 1, to: try call.optionalInteger(3) ?? -1))
            return 1
        }
        let normalize = state.register(function: "normalize") { call in
            call.push(TextNormalizer.nfkc(try call.string(1)))
            return 1
        }
        let split = state.register(function: "split") { call in
            _ = try call.string(1)  // checks that it is UTF-8 text
            let separator = Array((try call.optionalString(2) ?? ",").utf8)
            guard !separator.isEmpty else { throw call.argumentError(2, "empty separator") }
            // Pieces go straight from Lua's string into the table: Swift
            // holds no copy, and each push is checked against --max-memory.
            try call.stack.withBytes(at: 1) { text in
                let stack = call.stack
                try stack.newTable()
                var index = 0, pieceStart = 0
                try separator.withUnsafeBufferPointer { needle in
                    try TermSearch.forEachMatch(of: needle, in: text) { offset in
                        index += 1
                        try stack.setIndex(index) { stack.push(bytes: UnsafeBufferPointer(rebasing: text[pieceStart..<offset])) }
                        pieceStart = offset + needle.count
                    }
                }
                try stack.setIndex(index + 1) { stack.push(bytes: UnsafeBufferPointer(rebasing: text[pieceStart...])) }
            }
            return 1
        }
        let trim = state.register(function: "trim") { call in
            call.push(UnicodeText.trimmed(try call.string(1)))
            return 1
        }
        let tokenize = state.register(function: "tokenize") { call in
            do {
                try TextBinding.push(try morphology.tokenize(try call.string(1)), on: call.stack)
            } catch let error as MeCabError {
                throw LuaRuntimeError(error.description)
            }
            return 1
        }
        let mecabDictionary = state.register(function: "mecab_dictionary") { call in
            do {
                let dictionary = try morphology.dictionary()
                try call.stack.newTable(records: 3)
                try call.stack.setField("format") { call.stack.push(dictionary.format.rawValue) }
                try call.stack.setField("path") { call.stack.push(dictionary.path) }
                try call.stack.setField("description") { call.stack.push(dictionary.description) }
            } catch let error as MeCabError {
                throw LuaRuntimeError(error.description)
            }
            return 1
        }
        let sentences = state.register(function: "sentences") { call in
            try TextBinding.push(SentenceSplitter.split(TextNormalizer.nfkc(try call.string(1))), on: call.stack)
            return 1
        }
        let matcher = state.register(function: "matcher") { call in
            let patterns = try DocumentBinding.termList(call, 1).map(TextNormalizer.nfkc)
            if let empty = patterns.firstIndex(where: \.isEmpty) {
                throw call.argumentError(1, "pattern #\(empty + 1) is empty")
            }
            // The trie lives in Swift; its size counts against --max-memory
            // until the matcher is collected.
            let bytes = MatcherHandle.estimatedBytes(patterns)
            try call.state.charge(bytes: bytes)
            call.stack.push(MatcherHandle(patterns: patterns, charge: (call.state, bytes)), as: TextBinding.matcherType)
            return 1
        }
        let period = state.register(function: "period") { call in
            let date = try call.string(1)
            let kind = try periodKind(call, 2)
            guard let parsed = CalendarDate(iso: date) else { throw call.argumentError(1, "'\(date)' is not a date like 2025-01-31") }
            call.push(kind.label(for: parsed))
            return 1
        }
        let periods = state.register(function: "periods") { call in
            let kind = try periodKind(call, 3)
            var bounds: [Int] = []
            for argument in Int32(1)...2 {
                let date = try call.string(argument)
                guard let parsed = CalendarDate(iso: date) else { throw call.argumentError(argument, "'\(date)' is not a date like 2025-01-31") }
                bounds.append(kind.index(of: parsed))
            }
            try call.stack.push(kind.labels(from: bounds[0], through: bounds[1]))
            return 1
        }
        let group = state.register(function: "group") { call in
            let table = try RowGrouping.group(call)
            try RowReader.push(table, on: call.stack)
            return 1
        }
        try state.setGlobal("kiji") { stack in
            try stack.newTable(records: 9)
            try stack.setField("version") { stack.push(version) }
            try stack.setField("tokenize") { stack.push(function: tokenize) }
            try stack.setField("mecab_dictionary") { stack.push(function: mecabDictionary) }
            try stack.setField("sentences") { stack.push(function: sentences) }
            try stack.setField("matcher") { stack.push(function: matcher) }
            try stack.setField("period") { stack.push(function: period) }
            try stack.setField("periods") { stack.push(function: periods) }
            try stack.setField("group") { stack.push(function: group) }
            for name in extraFunctions.keys.sorted() {
                try stack.setField(name) { stack.push(function: extraFunctions[name]!) }
            }
            try stack.setField("text") {
                try stack.newTable(records: 5)
                try stack.setField("len") { stack.push(function: len) }
                try stack.setField("sub") { stack.push(function: sub) }
                try stack.setField("normalize") { stack.push(function: normalize) }
                try stack.setField("split") { stack.push(function: split) }
                try stack.setField("trim") { stack.push(function: trim) }
            }
        }
    }
}

/// A period kind argument such as "month" or "fiscal_year".
func periodKind(_ call: LuaCall, _ argument: Int32) throws -> PeriodKind {
    let name = try call.string(argument)
    guard let kind = PeriodKind(rawValue: name) else {
        throw call.argumentError(argument, "'\(name)' is not one of \(PeriodKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return kind
}
