import Crypto
import Foundation
import Testing
import TestSupport
@testable import Morphology

/// The on-disk token cache: exact round trips, misses for changed texts and
/// dictionaries, and damage that is reported and never trusted.
@Suite struct TokenCacheTests {
    /// Full-width and half-width forms (raw surface differs from NFKC), an
    /// unknown word, line breaks and an emoji.
    static let text = "ｶﾞｲﾄﾞﾗｲﾝと日米同盟（２０２５年）\n石破茂首相がﾜｼﾝﾄﾝで会談🙂 ズンドコベロンチョ"

    func tokens(_ text: String = Self.text) throws -> [Token] {
        try MeCabTagger(model: sharedModel).tokenize(text)
    }

    func digest(_ text: String) -> [UInt8] { Array(SHA256.hash(data: Data(text.utf8))) }

    /// A warning sink the tests can read.
    final class Warnings: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    @Test func entriesRoundTripEveryField() throws {
        let original = try tokens()
        #expect(original.contains { $0.rawSurface != $0.surface })
        #expect(original.contains { $0.unknown })
        let decoded = try TokenCodec.decode(TokenCodec.encode(original, textDigest: digest(Self.text)), textDigest: digest(Self.text))
        #expect(decoded == original)
        #expect(decoded.map(\.features.normalizedBase) == original.map(\.features.normalizedBase))
        #expect(try TokenCodec.decode(TokenCodec.encode([], textDigest: digest("")), textDigest: digest("")) == [])
    }

    @Test func everyTruncationAndFlippedByteIsDamageNotATrap() throws {
        let entry = TokenCodec.encode(try tokens(), textDigest: digest(Self.text))
        for length in 0..<entry.count {
            #expect(throws: TokenCacheDamage.self) { try TokenCodec.decode(Array(entry.prefix(length)), textDigest: digest(Self.text)) }
        }
        var generator = SeededGenerator(state: 9)
        for _ in 0..<500 {
            var damaged = entry
            damaged[generator.below(damaged.count)] ^= UInt8(1 + generator.below(255))
            #expect(throws: TokenCacheDamage.self) { try TokenCodec.decode(damaged, textDigest: digest(Self.text)) }
        }
        let error = #expect(throws: TokenCacheDamage.self) { try TokenCodec.decode(entry, textDigest: digest("another text")) }
        #expect(error?.description == "it belongs to another text")
    }

    @Test func aStoredTextIsReadBackAndAChangedTextOrDictionaryMisses() throws {
        let folder = try temporaryFolder()
        let warnings = Warnings()
        let cache = TokenCache(directory: folder) { warnings.add($0) }
        let original = try tokens()
        #expect(cache.tokens(for: Self.text, dictionary: "d1") == nil)
        cache.store(original, for: Self.text, dictionary: "d1")
        #expect(cache.tokens(for: Self.text, dictionary: "d1") == original)
        #expect(cache.tokens(for: Self.text + "。", dictionary: "d1") == nil)
        #expect(cache.tokens(for: Self.text, dictionary: "d2") == nil)
        #expect(cache.statistics == TokenCache.Statistics(read: 1, stored: 1, damaged: 0))
        #expect(warnings.all.isEmpty)
    }

    @Test func aDamagedEntryIsReportedWithItsPathAndReplaced() throws {
        let folder = try temporaryFolder()
        let warnings = Warnings()
        let cache = TokenCache(directory: folder) { warnings.add($0) }
        let original = try tokens()
        cache.store(original, for: Self.text, dictionary: "d1")
        let name = digest(Self.text).map { String(format: "%02x", $0) }.joined()
        let path = "\(folder)/tokens-v1/d1/\(name.prefix(2))/\(name).tok"
        let entry = try Data(contentsOf: URL(fileURLWithPath: path))
        try entry.prefix(entry.count / 2).write(to: URL(fileURLWithPath: path))
        #expect(cache.tokens(for: Self.text, dictionary: "d1") == nil)
        #expect(warnings.all == ["kiji: warning: token cache entry \(path) is damaged (its checksum does not match); its tokens are computed again and the entry replaced"])
        cache.store(original, for: Self.text, dictionary: "d1")
        #expect(cache.tokens(for: Self.text, dictionary: "d1") == original)
        #expect(cache.statistics == TokenCache.Statistics(read: 1, stored: 2, damaged: 1))
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["\(name).tok"])
    }

    @Test func aCacheThatCannotBeWrittenIsReportedOnceAndTheRunGoesOn() throws {
        let blocker = try temporaryFolder() + "/file"
        try write("not a folder", to: blocker)
        let warnings = Warnings()
        let cache = TokenCache(directory: blocker) { warnings.add($0) }
        cache.store(try tokens(), for: Self.text, dictionary: "d1")
        cache.store(try tokens("別の文"), for: "別の文", dictionary: "d1")
        #expect(cache.tokens(for: Self.text, dictionary: "d1") == nil)
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.hasPrefix("kiji: warning: cannot write the token cache in \(blocker) (") == true)
        #expect(cache.statistics == TokenCache.Statistics(read: 0, stored: 0, damaged: 0))
    }

    @Test func theDictionaryIdentityFollowsItsFilesAndSettings() throws {
        let folder = try temporaryFolder()
        for name in ["sys.dic", "matrix.bin", "char.bin", "unk.dic", "dicrc"] { try write(name, to: "\(folder)/\(name)") }
        let first = TokenCache.dictionaryIdentity(folder: folder)
        #expect(first.count == 32)
        #expect(TokenCache.dictionaryIdentity(folder: folder) == first)
        try write("cost-factor = 700", to: "\(folder)/dicrc")
        let second = TokenCache.dictionaryIdentity(folder: folder)
        #expect(second != first)
        try write("sys.dic, rebuilt", to: "\(folder)/sys.dic")
        #expect(TokenCache.dictionaryIdentity(folder: folder) != second)
    }
}
