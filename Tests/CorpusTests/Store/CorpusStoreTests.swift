import Foundation
import Testing
import TestSupport
@testable import Corpus
import Text

/// Stores (`kiji import`) give back exactly the documents of the files they
/// were made from, and a damaged, cut-short or replaced store is an error.
@Suite struct CorpusStoreTests {
    /// A folder with JSON Lines (raw metadata, NFKC changes, copies, page
    /// boilerplate, dates from the text), CSV (decoded metadata), a listing
    /// in plain text and a CP932 file.
    static func corpusFolder() throws -> String {
        let folder = try temporaryFolder() + "/news"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try write(DeferredTextTests.records.joined(separator: "\n") + "\n", to: "\(folder)/a.jsonl")
        try write("id,date,title,text,desk\r\nx,2025-02-01,見出し,中国の本文　ＡＢＣ,政治\r\ny,,無題,2023年5月6日に発表,\r\n", to: "\(folder)/b.csv")
        try write("日米同盟の記事一覧\n\n2025年1月31日\n同盟を強化\n本文です。\n\n2025年2月1日\n防衛費\n増額へ\n", to: "\(folder)/listing.txt")
        try #require(#"{"id":"s","title":"日本","text":"中国が反発"}"#.data(using: .shiftJIS)).write(to: URL(fileURLWithPath: "\(folder)/d.jsonl"))
        return folder
    }

    /// Imports `paths` into a new store, as `kiji import` does.
    static func importStore(_ paths: [String], to store: String, reusing: CorpusStore? = nil) throws {
        let corpus = try CorpusLoader.load(paths: paths, textBudget: 64, reusing: reusing)
        var bytes: [UInt8] = []
        var writer = StoreWriter { bytes += $0 }
        for document in corpus.documents { try writer.append(document) }
        try writer.finish(kijiVersion: "test", layout: nil, files: StoreWriter.files(of: corpus))
        try Data(bytes).write(to: URL(fileURLWithPath: store))
    }

    @Test(arguments: [nil, 0, 100] as [Int?])
    func aStoreGivesEveryFieldOfTheFilesItWasImportedFrom(budget: Int?) throws {
        let folder = try Self.corpusFolder()
        let store = folder + "/../news.kiji"
        try Self.importStore([folder], to: store)
        let original = try CorpusLoader.load(paths: [folder])
        let stored = try CorpusLoader.load(paths: [store], textBudget: budget)
        #expect(DeferredTextTests.fingerprint(stored) == DeferredTextTests.fingerprint(original))
        #expect(stored.documents.count == 11)
        #expect(stored.documents.compactMap(\.duplicateOf) == ["a"])
        #expect(stored.documents.count(where: \.isBoilerplate) == 1)
        #expect(stored.documents.map(\.rawPatches) == original.documents.map(\.rawPatches))
        #expect(stored.files.map(\.path) == original.files.map(\.path))
        #expect(stored.files.map(\.documentCount) == [7, 2, 1, 1])
        #expect(stored.files.allSatisfy { $0.store == store })
        #expect(stored.documents.contains(where: \.isDeferred) == (budget == 0 || budget == 100))
        #expect(stored.rereadFailure == nil)
        // A store after other files, and twice: the usual reused-id error.
        #expect { try CorpusLoader.load(paths: [store, store]) } throws: { error in
            (error as? CorpusError)?.description.hasPrefix("news/a.jsonl:1: document id 'a' is already used at news/a.jsonl:1") == true
        }
    }

    @Test func theSameCorpusAlwaysGivesTheSameStoreBytes() throws {
        let folder = try Self.corpusFolder()
        try Self.importStore([folder], to: folder + "/../one.kiji")
        try Self.importStore([folder], to: folder + "/../two.kiji")
        // A store of a store is the same store.
        try Self.importStore([folder + "/../one.kiji"], to: folder + "/../three.kiji")
        let one = try Data(contentsOf: URL(fileURLWithPath: folder + "/../one.kiji"))
        #expect(one == (try Data(contentsOf: URL(fileURLWithPath: folder + "/../two.kiji"))))
        #expect(one == (try Data(contentsOf: URL(fileURLWithPath: folder + "/../three.kiji"))))
    }

    @Test func anUpdateCopiesUnchangedFilesAndReadsChangedOnes() throws {
        let folder = try Self.corpusFolder()
        let store = folder + "/../news.kiji"
        try Self.importStore([folder], to: store)
        try write("id,date,title,text\r\nz,2025-03-01,新しい,台湾の本文\r\n", to: "\(folder)/b.csv")
        try write(#"{"id":"n","date":"2025-04-01","text":"新規"}"# + "\n", to: "\(folder)/e.jsonl")
        let previous = try CorpusStore(path: store)
        let updated = try CorpusLoader.load(paths: [folder], textBudget: 64, reusing: previous)
        let fresh = try CorpusLoader.load(paths: [folder])
        #expect(DeferredTextTests.fingerprint(updated) == DeferredTextTests.fingerprint(fresh))
        // Copied from the store: the files whose size and digest did not change.
        #expect(updated.files.map { $0.sha256 != nil } == [true, false, true, false, true])  // a, b, d, e, listing
        #expect(updated.converted.map(\.path) == ["news/d.jsonl"])
        // Written out, it is the store a fresh import makes.
        try Self.importStore([folder], to: folder + "/../updated.kiji", reusing: previous)
        try Self.importStore([folder], to: folder + "/../fresh.kiji")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/../updated.kiji"))
                == Data(contentsOf: URL(fileURLWithPath: folder + "/../fresh.kiji")))
    }

    /// Every byte of a store is covered by a check: flipping any one of them,
    /// cutting the file anywhere or adding to it is an error naming the store.
    @Test func everyDamagedByteIsAnError() throws {
        let folder = try temporaryFolder()
        try write(#"{"id":"a","date":"2025-01-05","title":"ＮＡＴＯ","text":"中国。","k":[1]}"# + "\n"
                  + #"{"id":"b","title":"t","text":"ｱﾝﾄﾞﾛｲﾄﾞ①"}"# + "\n", to: "\(folder)/a.jsonl")
        let store = folder + "/a.kiji"
        try Self.importStore([folder + "/a.jsonl"], to: store)
        let good = try Data(contentsOf: URL(fileURLWithPath: store))
        #expect(try CorpusLoader.load(paths: [store]).documents.count == 2)
        func expectError(_ bytes: Data, _ what: String) throws {
            try bytes.write(to: URL(fileURLWithPath: store))
            #expect(throws: CorpusError.self, "\(what)") { try CorpusLoader.load(paths: [store]) }
            do { _ = try CorpusLoader.load(paths: [store]) } catch let error as CorpusError {
                #expect(error.file == store)
                #expect(["is damaged: ", "is not a kiji store", "is a store of format version"].contains { error.problem.hasPrefix($0) }, "\(error)")
            }
        }
        for index in good.indices {
            for flip: UInt8 in [0x01, 0x80] {
                var bytes = good
                bytes[index] ^= flip
                try expectError(bytes, "byte \(index) ^ \(flip)")
            }
        }
        for length in [0, 8, 16, 40, good.count / 2, good.count - 64, good.count - 1] {
            try expectError(good.prefix(length), "cut to \(length)")
        }
        try expectError(good + Data([0]), "one byte more")
    }

    /// Token entries are checked when used: a damaged byte anywhere gives an
    /// error, on opening or on lookup, never another entry.
    @Test func tokenEntriesComeBackExactlyOrNotAtAll() throws {
        let folder = try temporaryFolder()
        try write(#"{"id":"a","date":"2025-01-05","text":"中国"}"# + "\n" + #"{"id":"b","text":"台湾"}"# + "\n", to: "\(folder)/a.jsonl")
        let corpus = try CorpusLoader.load(paths: [folder + "/a.jsonl"])
        let entries: [([UInt8], [UInt8])] = [(Array(repeating: 7, count: 32), Array("first entry".utf8)),
                                             (Array(repeating: 1, count: 32), Array("second".utf8))]
        var bytes: [UInt8] = []
        var writer = StoreWriter { bytes += $0 }
        for document in corpus.documents { try writer.append(document) }
        for (key, entry) in entries + entries { try writer.appendTokens(key: key, entry: entry) }  // a key again is ignored
        try writer.finish(kijiVersion: "test", layout: nil, files: StoreWriter.files(of: corpus), tokens: ("dictionary-id", "test dictionary"))
        let store = folder + "/t.kiji"
        func lookups() throws -> [[UInt8]?] {
            let tokens = try #require(try CorpusLoader.load(paths: [store], textBudget: 0).documents.first?.storedTokens)
            #expect(tokens.dictionary == "dictionary-id")
            return try (entries.map(\.0) + [Array(repeating: 3, count: 32)]).map { try tokens.entry(for: $0) }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: store))
        #expect(try lookups() == [Array("first entry".utf8), Array("second".utf8), nil])
        let opened = try CorpusStore(path: store)
        #expect(opened.info.tokens?.entries == 2)
        // The records' bytes are covered by everyDamagedByteIsAnError.
        for index in try #require(opened.info.recordsEnd)..<bytes.count {
            var damaged = bytes
            damaged[index] ^= 0x10
            try Data(damaged).write(to: URL(fileURLWithPath: store))
            do {
                #expect(try lookups() == [Array("first entry".utf8), Array("second".utf8), nil], "byte \(index)")
            } catch let error as CorpusError {
                #expect(error.file == store && ["is damaged: ", "is not a kiji store", "is a store of format"].contains { error.problem.hasPrefix($0) }, "\(error)")
            }
        }
    }

    @Test func aRecordWithAGoodChecksumButImpossibleContentIsAnError() throws {
        let document = Document(id: "a", source: "a.jsonl", line: 1, title: "ＡＢＣ", body: "x", date: nil)
        var record = StoreRecord.encode(document, sourceIndex: 0)
        // The patches come last: make their first gap run far past the text.
        let patches = document.rawPatches.encoded
        record.removeLast(patches.count + 1)
        let huge: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x01, 0x01, 0x41]
        record += [UInt8(huge.count)] + huge
        #expect(throws: StoreDamage.self) {
            try record.withUnsafeBufferPointer { try StoreRecord.decode($0, sources: ["a.jsonl"]) }
        }
        #expect(throws: StoreDamage.self) {
            try record.withUnsafeBufferPointer { try StoreRecord.decode($0, sources: []) }
        }
    }

    @Test func aStoreReplacedDuringARunIsAnError() throws {
        let folder = try temporaryFolder()
        try write(#"{"id":"a","date":"2025-01-05","text":"中国"}"# + "\n", to: "\(folder)/a.jsonl")
        try write(#"{"id":"a","date":"2025-01-05","text":"台湾"}"# + "\n", to: "\(folder)/b.jsonl")
        let store = folder + "/a.kiji"
        try Self.importStore([folder + "/a.jsonl"], to: store)
        let corpus = try CorpusLoader.load(paths: [store], textBudget: 0)
        #expect(corpus.documents[0].isDeferred)
        try Self.importStore([folder + "/b.jsonl"], to: store)
        #expect { try corpus.documents[0].loaded() } throws: { error in
            (error as? CorpusError)?.description == "\(store): changed while kiji was reading it (the record of \(folder)/a.jsonl:1)\n"
                + "  do not change corpus files while kiji runs; run again"
        }
        #expect(corpus.rereadFailure != nil)
    }
}
