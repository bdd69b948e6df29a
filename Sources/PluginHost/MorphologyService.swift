import Corpus
import Morphology

/// MeCab for one plugin environment: the model loads on first use, and each
/// document's tokens are computed once and kept while the cache has room.
final class MorphologyService {
    /// `--mecab-dict`, when given.
    let dictionaryOverride: String?
    private var tagger: MeCabTagger?
    /// The dictionary folder, its description and its family (IPADIC, UniDic), once MeCab has been used.
    private(set) var dictionaryInUse: (path: String, description: String, format: DictionaryFormat)?
    /// The document is kept with its tokens so that its identifier cannot be
    /// reused by another document while the entry exists.
    private var cache: [ObjectIdentifier: (document: Document, tokens: [Token])] = [:]
    private var cacheOrder: [ObjectIdentifier] = []
    private var cachedTokens = 0
    /// Upper bound on cached tokens (about 100 bytes each); the oldest
    /// documents are dropped first when it is reached.
    static let cacheLimit = 2_000_000

    /// Tokens kept on disk between runs (`--cache`), and the identity of the dictionary they are filed under.
    let tokenCache: TokenCache?
    private var dictionaryIdentity: String?

    init(dictionaryOverride: String?, tokenCache: TokenCache? = nil) {
        self.dictionaryOverride = dictionaryOverride
        self.tokenCache = tokenCache
    }

    func tokens(for document: Document) throws -> [Token] {
        let key = ObjectIdentifier(document)
        if let cached = cache[key] { return cached.tokens }
        let tokens = try documentTokens(document.rawText, stored: document.storedTokens)
        cache[key] = (document, tokens)
        cacheOrder.append(key)
        cachedTokens += tokens.count
        while cachedTokens > Self.cacheLimit, cacheOrder.count > 1 {
            let oldest = cacheOrder.removeFirst()
            cachedTokens -= cache.removeValue(forKey: oldest)?.tokens.count ?? 0
        }
        return tokens
    }

    /// MeCab's morphemes of `text` as written, with positions in it and in NFKC(`text`).
    func tokenize(_ text: String) throws -> [Token] {
        try loadedTagger().tokenize(text)
    }

    /// A document's tokens: from its store or the disk cache when they have
    /// them for the dictionary in use, else from MeCab (and then cached).
    private func documentTokens(_ text: String, stored: StoreTokens?) throws -> [Token] {
        let tagger = try loadedTagger()
        if let stored, let dictionaryInUse {
            let identity = dictionaryIdentity ?? TokenCache.dictionaryIdentity(folder: dictionaryInUse.path)
            dictionaryIdentity = identity
            if stored.dictionary == identity {
                let digest = TokenCache.textDigest(text)
                if let entry = try stored.entry(for: digest) {
                    do {
                        return try TokenCodec.decode(entry, textDigest: digest)
                    } catch {
                        throw CorpusStore.damaged(stored.path, "a token entry cannot be read (\(error.description))")
                    }
                }
            }
        }
        guard let tokenCache, let dictionaryIdentity else { return try tagger.tokenize(text) }
        if let cached = tokenCache.tokens(for: text, dictionary: dictionaryIdentity) { return cached }
        let tokens = try tagger.tokenize(text)
        tokenCache.store(tokens, for: text, dictionary: dictionaryIdentity)
        return tokens
    }

    /// Loads MeCab if needed and returns the dictionary's folder, description and family.
    func dictionary() throws -> (path: String, description: String, format: DictionaryFormat) {
        _ = try loadedTagger()
        guard let dictionaryInUse else { throw MeCabError("MeCab is not loaded") }
        return dictionaryInUse
    }

    private func loadedTagger() throws -> MeCabTagger {
        if let tagger { return tagger }
        let path = try DictionaryLocator.locate(explicit: dictionaryOverride)
        let model = try MeCabModel(dictionary: path)
        let tagger = try MeCabTagger(model: model)
        self.tagger = tagger
        dictionaryInUse = (model.dictionaryPath, model.dictionaryDescription, model.layout.format)
        if tokenCache != nil { dictionaryIdentity = TokenCache.dictionaryIdentity(folder: model.dictionaryPath) }
        return tagger
    }
}

/// The MeCab dictionary a run used, for summaries and manifests.
public struct MeCabDictionaryInUse: Sendable, Equatable {
    /// The dictionary folder.
    public let path: String
    /// Folder name, family, version and charset: "ipadic-utf8 (IPADIC) 102 utf-8".
    public let description: String
    /// "IPADIC" or "UniDic".
    public let format: String

    init(_ dictionary: (path: String, description: String, format: DictionaryFormat)) {
        (path, description, format) = (dictionary.path, dictionary.description, dictionary.format.displayName)
    }
}
