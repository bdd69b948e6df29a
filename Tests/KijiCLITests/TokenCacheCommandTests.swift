import Foundation
import Testing
import TestSupport

/// `--cache`, `--no-cache` and `--cache-stats` end to end: warm runs give
/// the bytes of cold ones, a changed document is the only one tokenised
/// again, damage is reported, and concurrent runs share a cache safely.
@Suite struct TokenCacheCommandTests {
    static let articles = [
        "石破茂首相はワシントンでトランプ大統領と会談した。",
        "岸田文雄前首相が日米同盟の強化を語った。",
        "中国外務省は防衛費の増額を批判した。",
        "習近平国家主席とバイデン氏が電話で協議した。",
        "防衛省は沖縄で日米共同訓練を行った。",
    ]

    func corpus(_ texts: [String], in folder: String) throws {
        try write(texts.enumerated().map { "{\"id\": \"a\($0.offset)\", \"date\": \"2024-0\($0.offset + 1)-01\", \"text\": \"\($0.element)\"}" }
            .joined(separator: "\n") + "\n", to: folder + "/news.jsonl")
    }

    func run(_ folder: String, _ extra: [String] = []) throws -> (csv: String, stats: String, stderr: String) {
        let result = try KijiProcess.run(["run", "actor-frequency", "news.jsonl", "--param", "include_unlisted=true", "--cache-stats"] + extra,
                                         in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let stats = result.stderr.split(separator: "\n").first { $0.hasPrefix("kiji: token cache") }.map(String.init) ?? ""
        return (result.stdout, stats, result.stderr)
    }

    @Test func aWarmRunGivesTheSameBytesAndOnlyAChangedDocumentIsTokenisedAgain() throws {
        let folder = try temporaryFolder()
        try corpus(Self.articles, in: folder)
        let cache = folder + "/cache"
        let uncached = try run(folder, ["--no-cache"])
        #expect(uncached.stats == "kiji: token cache: off")
        let cold = try run(folder, ["--cache", cache])
        #expect(cold.stats == "kiji: token cache \(cache): 0 read, 5 stored, 0 damaged")
        let warm = try run(folder, ["--cache", cache, "--jobs", "2"])
        #expect(warm.stats == "kiji: token cache \(cache): 5 read, 0 stored, 0 damaged")
        #expect(cold.csv == uncached.csv && warm.csv == uncached.csv)
        #expect(uncached.csv.contains("\nワシントン,unlisted,1,1,2024-01-01,2024-01-01\n"))

        var changed = Self.articles
        changed[2] = "中国外務省は防衛費の増額を強く批判した。"
        try corpus(changed, in: folder)
        let after = try run(folder, ["--cache", cache])
        #expect(after.stats == "kiji: token cache \(cache): 4 read, 1 stored, 0 damaged")
        #expect(after.csv == (try run(folder, ["--no-cache"])).csv)
    }

    @Test func theDefaultCacheFollowsXDGCacheHome() throws {
        let folder = try temporaryFolder()
        try corpus(Self.articles, in: folder)
        let result = try KijiProcess.run(["run", "actor-frequency", "news.jsonl", "--param", "include_unlisted=true", "--cache-stats"],
                                         environment: ["XDG_CACHE_HOME": folder + "/xdg"], in: folder)
        #expect(result.stderr.hasPrefix("kiji: token cache \(folder)/xdg/kiji: 0 read, 5 stored, 0 damaged\n"))
        let none = try KijiProcess.run(["run", "actor-frequency", "news.jsonl", "--no-cache"], environment: ["XDG_CACHE_HOME": folder + "/other"], in: folder)
        #expect(none.status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder + "/other"))
    }

    @Test func aDamagedEntryIsReportedAndTheResultStaysRight() throws {
        let folder = try temporaryFolder()
        try corpus(Self.articles, in: folder)
        let cache = folder + "/cache"
        let cold = try run(folder, ["--cache", cache])
        let entries = FileManager.default.enumerator(atPath: cache)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".tok") }.sorted() ?? []
        #expect(entries.count == 5)
        let victim = cache + "/" + entries[0]
        try Data("KIJITOK1 garbage".utf8).write(to: URL(fileURLWithPath: victim))
        let damaged = try run(folder, ["--cache", cache])
        #expect(damaged.csv == cold.csv)
        #expect(damaged.stats == "kiji: token cache \(cache): 4 read, 1 stored, 1 damaged")
        #expect(damaged.stderr.contains("kiji: warning: token cache entry \(victim) is damaged (it is truncated); its tokens are computed again and the entry replaced\n"))
        #expect(try run(folder, ["--cache", cache]).stats == "kiji: token cache \(cache): 5 read, 0 stored, 0 damaged")
    }

    @Test func concurrentRunsShareOneCacheSafely() throws {
        let folder = try temporaryFolder()
        try corpus(Self.articles, in: folder)
        let expected = try run(folder, ["--no-cache"]).csv
        let processes = try (1...4).map { i in
            try KijiProcess.start(["run", "actor-frequency", "news.jsonl", "--param", "include_unlisted=true", "--cache", "cache", "-o", "out\(i).csv"],
                                  in: folder)
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0])
        for i in 1...4 {
            #expect(try String(contentsOfFile: "\(folder)/out\(i).csv", encoding: .utf8) == expected)
        }
        let after = try run(folder, ["--cache", folder + "/cache"])
        #expect(after.stats == "kiji: token cache \(folder)/cache: 5 read, 0 stored, 0 damaged")
        #expect(after.csv == expected)
        let leftovers = FileManager.default.enumerator(atPath: folder + "/cache")?.compactMap { $0 as? String }.filter { $0.hasSuffix(".tmp") } ?? []
        #expect(leftovers.isEmpty)
    }

    @Test func cacheAndNoCacheTogetherAreAUsageError() throws {
        let result = try KijiProcess.run(["run", "actor-frequency", "--cache", "/tmp/x", "--no-cache"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--cache and --no-cache cannot be combined"))
    }
}
