import Foundation
import Testing
import TestSupport

/// `--text-memory`: runs that leave texts in their JSON Lines files give the
/// bytes of runs that keep every text, for any number of workers.
@Suite struct TextMemoryTests {
    /// 300 articles over two years in three categories, with copies, an
    /// undated listing line and NFKC changes, in a BOM-headed file.
    static func corpus() -> String {
        var lines = (0..<300).map { n in
            let date = "202\(4 + n % 2)-\(String(format: "%02d", n % 12 + 1))-0\(n % 9 + 1)"
            let body = ["日米同盟と中国", "ＮＡＴＯと台湾", "尖閣と防衛費", "米国の話"][n % 4] + String(repeating: "。本文", count: n % 50)
            return #"{"id":"n\#(n)","date":"\#(date)","category":"c\#(n % 3)","title":"記事\#(n % 50)","text":"\#(body)"}"#
        }
        lines.append(#"{"id":"list","text":"本ページでは「防衛」をテーマとした記事を一覧で掲載しています"}"#)
        return "\u{FEFF}" + lines.joined(separator: "\n") + "\n"
    }

    @Test func leftInTheFileOrKeptTheOutputIsTheSame() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write(Self.corpus(), to: "\(folder)/news.jsonl")
        try write("category,word\nalliance,日米同盟\nchina,中国\ntaiwan,台湾\n", to: "\(folder)/words.csv")
        for (plugin, params) in [("mentions-by-month", ["--param", "by=category,year"]), ("mentions-by-month", ["--param", "dates=stated"]),
                                 ("dictionary", ["--param", "by=month", "--param", "dictionary=words.csv"]),
                                 ("documents", []), ("kwic", ["--param", "term=中国"]), ("word-frequency", ["--param", "by=year"])] {
            let kept = try KijiProcess.run(["run", plugin, "news.jsonl", "--jobs", "1"] + params, in: folder)
            #expect(kept.status == 0)
            #expect(kept.stdout.split(separator: "\n").count > 20)
            // Run-form plugins have one worker; their documents are loaded a loop step at a time.
            let variants = ["mentions-by-month", "dictionary"].contains(plugin) ? [("0", "1"), ("0", "2"), ("1", "3")] : [("0", "1")]
            for (memory, jobs) in variants {
                let result = try KijiProcess.run(["run", plugin, "news.jsonl", "--text-memory", memory, "--jobs", jobs] + params, in: folder)
                #expect(result.status == 0)
                #expect(result.stdout == kept.stdout, "\(plugin) \(params) --text-memory \(memory) --jobs \(jobs)")
            }
        }
        // Copies of deferred documents are found by their text.
        let deduped = try KijiProcess.run(["run", "mentions-by-month", "news.jsonl", "--text-memory", "0", "--dedupe"], in: folder)
        let keptDeduped = try KijiProcess.run(["run", "mentions-by-month", "news.jsonl", "--dedupe"], in: folder)
        #expect(deduped.stdout == keptDeduped.stdout)
        #expect(deduped.stderr.contains("kiji: mentions-by-month: 100 documents (0 undated) from 1 files (dropped 200 duplicates and 1 boilerplate)"))
    }

    @Test func queriesReadDeferredTextsToo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write(Self.corpus(), to: "\(folder)/news.jsonl")
        let query = "local n, m = 0, 0 for d in corpus:documents() do n = n + #d.text end "
            + "for i = 1, #corpus, 7 do m = m + corpus[i]:count('中国') end return n .. ' ' .. m .. ' ' .. corpus:count('台湾')"
        let kept = try KijiProcess.run(["query", query, "news.jsonl"], in: folder)
        let deferred = try KijiProcess.run(["query", query, "news.jsonl", "--text-memory", "0"], in: folder)
        #expect(kept.status == 0)
        #expect(deferred.stdout == kept.stdout)
        #expect(kept.stdout.split(separator: " ").count == 3)
    }

    @Test func outOfRangeIsAUsageError() throws {
        let result = try KijiProcess.run(["run", "mentions-by-month", "--text-memory=-1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--text-memory must be between 0 and 1048576 (MiB), not -1"))
    }
}
