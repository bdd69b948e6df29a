import Foundation
import Testing
import TestSupport

/// `kiji import` and `kiji info`: a store gives the bytes the corpus gives,
/// updates copy only unchanged files, and bad stores or names are usage errors.
@Suite struct ImportCommandTests {
    @Test func runsOnAStoreGiveTheBytesOfRunsOnTheCorpus() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = "\(folder)/seeds.kiji"
        let repository = KijiProcess.repository.path
        let imported = try KijiProcess.run(["import", "seeds", "-o", store], in: repository)
        #expect(imported.status == 0)
        #expect(imported.stdout.isEmpty)
        #expect(imported.stderr.hasPrefix("kiji: import: 41 documents from 5 files into \(store) ("))
        for (plugin, options) in [("documents", [String]()), ("mentions-by-month", ["--param", "by=year"]), ("stance", []),
                                  ("actor-frequency", ["--param", "include_unlisted=true"]), ("kwic", ["--param", "term=同盟"])] {
            let direct = try KijiProcess.run(["run", plugin, "seeds"] + options, in: repository)
            let stored = try KijiProcess.run(["run", plugin, store] + options, in: repository)
            #expect(direct.status == 0)
            #expect(stored.status == 0)
            #expect(stored.stdout == direct.stdout, "\(plugin)")
            #expect(direct.stdout.split(separator: "\n").count > 10, "\(plugin)")
        }
        // Texts left in the store, and two workers.
        let direct = try KijiProcess.run(["run", "mentions-by-month", "seeds"], in: repository)
        let deferred = try KijiProcess.run(["run", "mentions-by-month", store, "--text-memory", "0", "--jobs", "2", "--dedupe"], in: repository)
        let directDeduped = try KijiProcess.run(["run", "mentions-by-month", "seeds", "--dedupe"], in: repository)
        #expect(deferred.stdout == directDeduped.stdout)
        #expect(deferred.stdout != direct.stdout)
        #expect(directDeduped.stderr.contains("kiji: mentions-by-month: 39 documents (18 undated) from 5 files (dropped 1 duplicate and 1 boilerplate), 125 rows"))
        #expect(deferred.stderr.contains("kiji: mentions-by-month: 39 documents (18 undated) from 5 files (dropped 1 duplicate and 1 boilerplate), 125 rows"))
        // The manifest names the store once, with its digest.
        let output = "\(folder)/out.csv"
        #expect(try KijiProcess.run(["run", "mentions-by-month", store, "-o", output], in: repository).status == 0)
        let manifest = try String(contentsOfFile: output + ".manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"path\" : \"\(store)\""))
        #expect(manifest.components(separatedBy: "\"documents\" : 41").count == 3)  // the store's entry and the total
    }

    @Test func infoShowsWhatAStoreHolds() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write(#"{"id":"a","date":"2025-01-05","title":"ＮＡＴＯ","text":"中国。"}"# + "\n", to: "\(folder)/a.jsonl")
        try #require(#"{"id":"s","title":"日本","text":"中国が反発"}"#.data(using: .shiftJIS)).write(to: URL(fileURLWithPath: "\(folder)/sjis.jsonl"))
        let imported = try KijiProcess.run(["import", "a.jsonl", "sjis.jsonl", "-o", "news.kiji"], in: folder)
        #expect(imported.status == 0)
        #expect(imported.stderr.hasPrefix("kiji: note: read sjis.jsonl as CP932 (Shift_JIS), not UTF-8\nkiji: import: 2 documents from 2 files into news.kiji"))
        let info = try KijiProcess.run(["info", "news.kiji"], in: folder)
        #expect(info.status == 0)
        #expect(info.stdout == """
            news.kiji: kiji store, format 1, written by kiji 0.1.0
            documents: 2
            text: 36 bytes (NFKC UTF-8)
            layout: auto
            tokens: none (import with --tokens to store them)
            files: 2
              file        documents  bytes  sha256            encoding
              a.jsonl     1          73     d06a752d6622380f  UTF-8
              sjis.jsonl  1          45     6a40ca7c395fc44e  CP932 (Shift_JIS)

            """)
    }

    @Test func anUpdateCopiesUnchangedFilesAndGivesTheStoreOfAFreshImport() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: "\(folder)/news", withIntermediateDirectories: true)
        for month in 1...3 {
            try write(#"{"id":"m\#(month)","date":"2025-0\#(month)-01","text":"日米同盟\#(month)"}"# + "\n", to: "\(folder)/news/\(month).jsonl")
        }
        #expect(try KijiProcess.run(["import", "news", "-o", "news.kiji"], in: folder).status == 0)
        try write(#"{"id":"m2","date":"2025-02-01","text":"変更した"}"# + "\n", to: "\(folder)/news/2.jsonl")
        try write(#"{"id":"m4","date":"2025-04-01","text":"新しい"}"# + "\n", to: "\(folder)/news/4.jsonl")
        let updated = try KijiProcess.run(["import", "--update", "news.kiji", "news"], in: folder)
        #expect(updated.status == 0)
        #expect(updated.stderr.hasPrefix("kiji: import: 4 documents from 4 files (2 unchanged, copied from the store) into news.kiji"))
        #expect(try KijiProcess.run(["import", "news", "-o", "fresh.kiji"], in: folder).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/news.kiji")) == Data(contentsOf: URL(fileURLWithPath: "\(folder)/fresh.kiji")))
        let documents = try KijiProcess.run(["run", "documents", "news.kiji"], in: folder)
        #expect(documents.stdout.contains("m2,news/2.jsonl,2025-02-01,stated,,,変更した,"))
    }

    /// `--tokens`: analyses that tokenise read the store's tokens (the token
    /// cache is not even asked) and give the same bytes; an update runs MeCab
    /// only on the texts that changed.
    @Test func storedTokensReplaceMeCabAndUpdatesTokeniseOnlyChangedTexts() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let articles = ["日米同盟の強化で首相が会談した。", "中国の外相が台湾問題で反発した。", "防衛費の増額を政府が決めた。"]
        for (index, text) in articles.enumerated() {
            try write(#"{"id":"a\#(index)","date":"2025-0\#(index + 1)-01","text":"\#(text)"}"# + "\n", to: "\(folder)/\(index).jsonl")
        }
        let imported = try KijiProcess.run(["import", ".", "-o", "news.kiji", "--tokens"], in: folder)
        #expect(imported.status == 0)
        #expect(imported.stderr.contains("; tokens: 3 texts by MeCab, 0 copied from the store\n"))
        #expect(try KijiProcess.run(["info", "news.kiji"], in: folder).stdout.contains("\ntokens: 3 texts, MeCab "))
        let arguments = ["run", "word-frequency", "--cache", "\(folder)/cache", "--cache-stats"]
        let direct = try KijiProcess.run(arguments + ["0.jsonl", "1.jsonl", "2.jsonl"], in: folder)
        let stored = try KijiProcess.run(arguments + ["news.kiji"], in: folder)
        #expect(direct.status == 0)
        #expect(stored.stdout == direct.stdout)
        #expect(direct.stdout.contains("\n同盟,1,1,15,3\n"))
        #expect(direct.stderr.contains("3 read, 0 stored") || direct.stderr.contains("0 read, 3 stored"))
        #expect(stored.stderr.contains(": 0 read, 0 stored, 0 damaged"))
        try write(#"{"id":"a1","date":"2025-02-01","text":"中国の外相が尖閣問題で反発した。"}"# + "\n", to: "\(folder)/1.jsonl")
        let updated = try KijiProcess.run(["import", "--update", "news.kiji", ".", "--tokens"], in: folder)
        #expect(updated.stderr.contains("(2 unchanged, copied from the store)"))
        #expect(updated.stderr.contains("; tokens: 1 texts by MeCab, 2 copied from the store\n"))
        #expect(try KijiProcess.run(["import", ".", "-o", "fresh.kiji", "--tokens"], in: folder).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/news.kiji")) == Data(contentsOf: URL(fileURLWithPath: "\(folder)/fresh.kiji")))
        let after = try KijiProcess.run(["run", "word-frequency", "news.kiji", "--no-cache"], in: folder)
        #expect(after.stdout == (try KijiProcess.run(["run", "word-frequency", "0.jsonl", "1.jsonl", "2.jsonl", "--no-cache"], in: folder)).stdout)
        #expect(after.stdout.contains("\n尖閣,1,1,15,3\n"))
    }

    /// Two imports into one store at once: each writes its own temporary
    /// file and renames it, so the store is one whole import, never a mixture.
    @Test func importsAtOnceLeaveOneWholeStore() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write((0..<2000).map { #"{"id":"a\#($0)","date":"2025-01-01","text":"日米同盟\#($0)"}"# }.joined(separator: "\n") + "\n", to: "\(folder)/a.jsonl")
        try write((0..<2000).map { #"{"id":"b\#($0)","date":"2025-02-01","text":"中国\#($0)"}"# }.joined(separator: "\n") + "\n", to: "\(folder)/b.jsonl")
        let processes = try ["a.jsonl", "b.jsonl"].map { try KijiProcess.start(["import", $0, "-o", "s.kiji"], in: folder) }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        let info = try KijiProcess.run(["info", "s.kiji"], in: folder)
        #expect(info.status == 0)
        #expect(info.stdout.contains("documents: 2000\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.jsonl", "b.jsonl", "s.kiji"])
        let run = try KijiProcess.run(["run", "documents", "s.kiji"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 2001)
    }

    @Test func badNamesDamagedStoresAndFailedImportsAreUsageErrors() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write(#"{"id":"a","text":"中国"}"# + "\n" + "{broken\n", to: "\(folder)/bad.jsonl")
        try write(#"{"id":"a","text":"中国"}"# + "\n", to: "\(folder)/good.jsonl")
        try write("日米同盟\n本文\n", to: "\(folder)/article.txt")
        func expectUsage(_ arguments: [String], _ message: String) throws {
            let result = try KijiProcess.run(arguments, in: folder)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
        }
        try expectUsage(["import", "good.jsonl"], "Error: name the store to write with -o NAME.kiji")
        try expectUsage(["import", "-o", "x.kiji"], "Error: name the corpus files or folders to import")
        try expectUsage(["import", "good.jsonl", "-o", "out.csv"], "Error: the store's name must end in .kiji (commands know a store by it), not 'out.csv'")
        try expectUsage(["import", "bad.jsonl", "-o", "bad.kiji"], "kiji: bad.jsonl:2:")
        try expectUsage(["import", "--update", "missing.kiji", "good.jsonl"], "kiji: missing.kiji: cannot be read (No such file or directory)")
        // Nothing is left behind by a failed import.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["article.txt", "bad.jsonl", "good.jsonl"])
        #expect(try KijiProcess.run(["import", "good.jsonl", "article.txt", "-o", "good.kiji"], in: folder).status == 0)
        try expectUsage(["run", "documents", "good.kiji", "--layout", "listing"],
                        "kiji: good.kiji: was imported with --layout auto, not listing\n  leave out --layout, or import the corpus again with --layout listing")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/good.kiji"))
        bytes[20] ^= 1
        try bytes.write(to: URL(fileURLWithPath: "\(folder)/good.kiji"))
        try expectUsage(["run", "documents", "good.kiji"], "kiji: good.kiji: is damaged: a record does not match its checksum (at byte 16)\n"
                        + "  import the corpus again (kiji import CORPUS… -o good.kiji); kiji never reads a damaged store")
        try expectUsage(["info", "good.jsonl"], "kiji: good.jsonl: is not a kiji store (it does not start with KIJISTOR)")
    }
}
