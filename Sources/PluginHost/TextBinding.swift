import Corpus
import LuaBridge
import Morphology
import Text

/// Lua values for the text layer: tokens, sentences, pattern matchers.
enum TextBinding {
    static let matcherType = LuaUserdataType<MatcherHandle>(name: "kiji.Matcher")

    /// Pushes an array of token tables (fields documented in docs/lua-api.md, doc:tokens()).
    /// - Parameter indices: each token's place among all of the text's
    ///   tokens (1-based), when `tokens` is a filtered selection.
    static func push(_ tokens: [Token], indices: [Int]? = nil, on stack: LuaStack) throws {
        try stack.newTable(array: tokens.count)
        for (i, token) in tokens.enumerated() {
            try stack.setIndex(i + 1) {
                let features = token.features
                try stack.newTable(records: 22)
                try stack.setField("index") { stack.push(indices?[i] ?? i + 1) }
                try stack.setField("surface") { stack.push(token.surface) }
                try stack.setField("raw_surface") { stack.push(token.rawSurface) }
                try stack.setField("base") { stack.push(token.base) }
                try stack.setField("raw_base") { stack.push(token.rawBase) }
                try stack.setField("lemma") { stack.push(token.lemma) }
                try stack.setField("pos") { stack.push(features.pos) }
                try stack.setField("pos_detail") { stack.push(features.posDetail) }
                for (level, name) in ["pos1", "pos2", "pos3", "pos4"].enumerated() {
                    try stack.setField(name) { stack.push(level == 0 ? features.pos : features.posLevels[level - 1]) }
                }
                try stack.setField("inflection_type") { stack.push(features.inflectionType) }
                try stack.setField("inflection_form") { stack.push(features.inflectionForm) }
                try stack.setField("reading") { stack.push(features.reading) }
                try stack.setField("pronunciation") { stack.push(features.pronunciation) }
                try stack.setField("unknown") { stack.push(token.unknown) }
                try stack.setField("start") { stack.push(token.start) }
                try stack.setField("length") { stack.push(token.length) }
                try stack.setField("raw_start") { stack.push(token.rawStart) }
                try stack.setField("raw_length") { stack.push(token.rawLength) }
            }
        }
    }

    /// Pushes an array of sentence tables; `raw` gives each its text as the
    /// source wrote it (before normalisation), when the raw text splits the same way.
    static func push(_ sentences: [Sentence], raw: [Sentence]? = nil, on stack: LuaStack) throws {
        let raw = raw?.count == sentences.count ? raw : nil
        try stack.newTable(array: sentences.count)
        for (i, sentence) in sentences.enumerated() {
            try stack.setIndex(i + 1) {
                try stack.newTable(records: 4)
                try stack.setField("text") { stack.push(sentence.text) }
                try stack.setField("raw") { stack.push(raw?[i].text ?? sentence.text) }
                try stack.setField("start") { stack.push(sentence.start) }
                try stack.setField("length") { stack.push(sentence.length) }
            }
        }
    }

    /// `doc:tokens()` and `doc:sentences()`.
    static func addDocumentMethods(to behaviour: inout LuaUserdataBehaviour<Document>, morphology: MorphologyService) {
        behaviour.methods["tokens"] = { call, doc in
            let all = try tokens(of: doc, morphology: morphology)
            guard !call.isNoneOrNil(2) else {
                try push(all, on: call.stack)
                return 1
            }
            let filter = try TokenFilter(call, argument: 2)
            let indices = all.indices.filter { filter.accepts(all[$0]) }
            try push(indices.map { all[$0] }, indices: indices.map { $0 + 1 }, on: call.stack)
            return 1
        }
        behaviour.methods["sentences"] = { call, doc in
            try push(SentenceSplitter.split(doc.text), raw: SentenceSplitter.split(doc.rawText), on: call.stack)
            return 1
        }
    }

    /// The document's tokens; MeCab's errors become Lua errors.
    static func tokens(of doc: Document, morphology: MorphologyService) throws -> [Token] {
        do {
            return try morphology.tokens(for: doc)
        } catch let error as MeCabError {
            throw LuaRuntimeError(error.description)
        }
    }

    /// `kiji.matcher`'s userdata type.
    static func defineMatcher(in state: LuaState) throws {
        var matcher = LuaUserdataBehaviour<MatcherHandle>()
        matcher.methods["find"] = { call, handle in
            let text: [UInt8]
            if let doc = try? call.object(2, DocumentBinding.documentType) {
                text = doc.textBytes
            } else {
                text = Array(TextNormalizer.nfkc(try call.string(2)).utf8)
            }
            try text.withUnsafeBufferPointer { bytes in
                let matches = handle.matcher.matches(in: bytes)
                let stack = call.stack
                try stack.newTable(array: matches.count)
                for (i, match) in matches.enumerated() {
                    try stack.setIndex(i + 1) {
                        try stack.newTable(records: 6)
                        try stack.setField("pattern") { stack.push(match.pattern + 1) }
                        try stack.setField("text") { stack.push(handle.patterns[match.pattern]) }
                        try stack.setField("start") { stack.push(match.start) }
                        try stack.setField("length") { stack.push(match.length) }
                        try stack.setField("before") { stack.push(bytes.character(before: match.byteRange.lowerBound)) }
                        try stack.setField("after") { stack.push(bytes.character(at: match.byteRange.upperBound)) }
                    }
                }
            }
            return 1
        }
        matcher.length = { $0.patterns.count }
        matcher.describe = { "kiji.Matcher(\($0.patterns.count) patterns)" }
        try state.define(matcherType, matcher)
    }
}

/// A compiled ``PatternMatcher`` and its (normalised) patterns.
final class MatcherHandle {
    let patterns: [String]
    let matcher: PatternMatcher
    private weak var chargedState: LuaState?
    private let chargedBytes: Int

    init(patterns: [String], charge: (state: LuaState, bytes: Int)? = nil) {
        self.patterns = patterns
        self.matcher = PatternMatcher(patterns: patterns)
        self.chargedState = charge?.state
        self.chargedBytes = charge?.bytes ?? 0
    }

    deinit { chargedState?.uncharge(bytes: chargedBytes) }

    /// A generous estimate of the trie's size: a node with a one-entry
    /// dictionary per pattern byte, plus the patterns themselves.
    static func estimatedBytes(_ patterns: [String]) -> Int {
        patterns.reduce(0) { total, pattern in
            total.addingReportingOverflow(pattern.utf8.count.multipliedReportingOverflow(by: 160).partialValue + 64).partialValue
        }
    }
}
