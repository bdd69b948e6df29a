import Foundation
import Testing
import TestSupport

/// `kiji run --partial` and `kiji merge` end to end: parts of a corpus
/// merge into the bytes of one run, whatever the order and nesting, and
/// parts of different runs are refused.
@Suite struct MergeCommandTests {
    /// Dated articles with a category; the two halves hold different categories.
    static let articles = (0..<16).map { n in
        let category = ["政治", "経済", "国際", ""][n / 4]
        return "{\"id\": \"a\(n)\", \"date\": \"2024-0\(n % 5 + 1)-1\(n % 7)\", \"category\": \"\(category)\", \"text\": \"日米同盟と\(n % 3 == 0 ? "中国" : "台湾")の話。\"}"
    }

    /// Writes the whole file and its two halves, and each half's partial result.
    private func prepared(_ arguments: [String]) throws -> (folder: String, single: String) {
        let folder = try temporaryFolder()
        try write(Self.articles.joined(separator: "\n") + "\n", to: folder + "/news.jsonl")
        try write(Self.articles[..<8].joined(separator: "\n") + "\n", to: folder + "/a.jsonl")
        try write(Self.articles[8...].joined(separator: "\n") + "\n", to: folder + "/b.jsonl")
        let single = try KijiProcess.run(["run"] + arguments + ["news.jsonl"], in: folder)
        #expect(single.status == 0)
        for part in ["a", "b"] {
            let result = try KijiProcess.run(["run"] + arguments + ["\(part).jsonl", "--partial", "-o", "\(part).part"], in: folder)
            #expect(result.status == 0)
            #expect(result.stderr.hasPrefix("kiji: mentions-by-month: 8 documents (0 undated) from 1 files, partial result of "))
        }
        return (folder, single.stdout)
    }

    @Test func partsMergeIntoTheSingleRunInEitherOrderAndNested() throws {
        let (folder, single) = try prepared(["mentions-by-month", "--param", "by=category,month", "--param", "terms=中国,台湾"])
        #expect(single.hasPrefix("category,month,term,mentions,articles,articles_total\n国際,2024-01,中国,0,0,1\n国際,2024-01,台湾,1,1,1\n"))
        #expect(single.hasSuffix("(missing),2024-05,台湾,1,1,1\n"))
        // The halves found different categories: the merge orders them with the plugin's order_levels.
        let merged = try KijiProcess.run(["merge", "b.part", "a.part", "-o", "merged.csv"], in: folder)
        #expect(merged.status == 0)
        #expect(try String(contentsOfFile: folder + "/merged.csv", encoding: .utf8) == single)
        #expect(merged.stderr.hasPrefix("kiji: merge mentions-by-month: 2 parts, 16 documents (0 undated), 40 rows in "))
        let nested = try KijiProcess.shell("\"$KIJI\" merge --partial a.part | \"$KIJI\" merge - b.part", in: folder)
        #expect(nested.status == 0)
        #expect(nested.stdout == single)
        let rerun = try KijiProcess.run(["rerun", "merged.csv.manifest.json"], in: folder)
        #expect(rerun.stdout.hasPrefix("inputs unchanged\noutput identical to the recorded run"))
    }

    @Test func partsOfDifferentRunsAndPluginsWithoutPartialResultsAreRefused() throws {
        let (folder, _) = try prepared(["mentions-by-month"])
        #expect(try KijiProcess.run(["run", "mentions-by-month", "news.jsonl", "--param", "terms=中国", "--partial", "-o", "c.part"], in: folder).status == 0)
        let mismatch = try KijiProcess.run(["merge", "a.part", "c.part"], in: folder)
        #expect(mismatch.status == 2)
        #expect(mismatch.stderr == "kiji: c.part does not match a.part: parameter terms is '中国' in c.part and '日米同盟,中国,尖閣,防衛費,台湾' in a.part; "
                + "merge only partial results of the same plugin, parameters and kiji version\n")
        try write("{\"format\": \"kiji-partial\"", to: folder + "/cut.part")
        let cut = try KijiProcess.run(["merge", "a.part", "cut.part"], in: folder)
        #expect(cut.status == 2)
        #expect(cut.stderr == "kiji: cut.part:1: not the header of a kiji partial result (not JSON); make it with kiji run --partial\n")
        let runForm = try KijiProcess.run(["run", "kwic", "news.jsonl", "--partial"], in: folder)
        #expect(runForm.status == 2)
        #expect(runForm.stderr.hasPrefix("kiji: plugin 'kwic' is run-form (run(corpus, params, out)): kiji cannot merge its output"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/merged.csv"))
    }
}
