import Corpus
import Foundation
import Morphology

/// Tokenises a corpus for `kiji import --tokens`, on all cores, one MeCab
/// tagger per core; texts the previous store already has tokens for (same
/// dictionary) are copied instead.
struct StoreTokenizer {
    let model: MeCabModel
    /// The dictionary's identity, which the tokens are filed under (as in the token cache).
    let identity: String
    let description: String
    let previous: StoreTokens?

    init(dictionary: String?, previous: StoreTokens?) throws {
        model = try MeCabModel(dictionary: try DictionaryLocator.locate(explicit: dictionary))
        identity = TokenCache.dictionaryIdentity(folder: model.dictionaryPath)
        description = model.dictionaryDescription
        self.previous = previous?.dictionary == identity ? previous : nil
    }

    /// Adds an entry per distinct text; returns how many came from MeCab and how many were copied.
    func addTokens(of documents: [Document], to writer: inout StoreWriter) throws -> (byMeCab: Int, copied: Int) {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let taggers = try (0..<workers).map { _ in TaggerBox(try MeCabTagger(model: model)) }
        var counts = (byMeCab: 0, copied: 0)
        let batchSize = 256
        for start in stride(from: 0, to: documents.count, by: batchSize) {
            // Entries are added in the order of their first document, copied or not,
            // so an update gives the bytes of a fresh import.
            var order: [(key: [UInt8], copied: [UInt8]?)] = []
            var texts: [String] = []
            var keys: [[UInt8]] = []
            var seen: Set<[UInt8]> = []
            for document in documents[start..<min(start + batchSize, documents.count)] {
                let text = try document.loaded().rawText
                let key = TokenCache.textDigest(text)
                guard !writer.hasTokens(for: key), seen.insert(key).inserted else { continue }
                let copied = try previous?.entry(for: key)
                order.append((key, copied))
                if copied == nil {
                    texts.append(text)
                    keys.append(key)
                }
            }
            let results = EntrySlots(count: texts.count)
            let (batchTexts, batchKeys) = (texts, keys)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: batchTexts.count, by: workers) {
                    results.set(index, Result { TokenCodec.encode(try taggers[worker].tagger.tokenize(batchTexts[index]), textDigest: batchKeys[index]) })
                }
            }
            var tokenised = 0
            for (key, copied) in order {
                if let copied {
                    try writer.appendTokens(key: key, entry: copied)
                    counts.copied += 1
                } else {
                    try writer.appendTokens(key: key, entry: try results.get(tokenised))
                    tokenised += 1
                    counts.byMeCab += 1
                }
            }
        }
        return counts
    }

    /// One worker's tagger; each is used by one thread at a time.
    private final class TaggerBox: @unchecked Sendable {
        let tagger: MeCabTagger
        init(_ tagger: MeCabTagger) { self.tagger = tagger }
    }

    /// Results written by the workers under a lock (a few hundred per batch).
    private final class EntrySlots: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Int: Result<[UInt8], Error>] = [:]
        init(count: Int) { results.reserveCapacity(count) }
        func set(_ index: Int, _ result: Result<[UInt8], Error>) { lock.withLock { results[index] = result } }
        func get(_ index: Int) throws -> [UInt8] {
            guard let result = lock.withLock({ results[index] }) else { throw MeCabError("a text was not tokenised") }
            return try result.get()
        }
    }
}
