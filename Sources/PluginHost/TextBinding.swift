import Corpus
import LuaBridge
import Morphology
import Text

/// Lua values for the text layer: tokens, sentences, pattern matchers.
enum TextBinding {
    static let matcherType = LuaUserdataType<MatcherHandle>(name: "kiji.Matcher")

    /// Pushes an array of token tables.
    static func push(_ tokens: [Token], on stack: LuaStack) throws {
        try stack.newTable(array: tokens.count)
        for (i, token) in tokens.enumerated() {
            try stack.setIndex(i + 1) {
                try stack.newTable(records: 7)
                try stack.setField("surface") { stack.push(token.surface) }
                try stack.setField("base") { stack.push(token.base) }
                try stack.setField("pos") { stack.push(token.pos) }
                try stack.setField("pos_detail") { stack.push(token.posDetail) }
                try stack.setField("reading") { stack.push(token.reading) }
                try stack.setField("start") { stack.push(token.start) }
                try stack.setField("length") { stack.push(token.length) }
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
            do {
                try push(try morphology.tokens(for: doc), on: call.stack)
            } catch let error as MeCabError {
                throw LuaRuntimeError(error.description)
            }
            return 1
        }
        behaviour.methods["sentences"] = { call, doc in
            try push(SentenceSplitter.split(doc.text), raw: SentenceSplitter.split(doc.rawText), on: call.stack)
            return 1
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
