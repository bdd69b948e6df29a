import Foundation
import Testing
import TestSupport

/// Corpus input problems and options, end to end: exit codes, messages, notes.
@Suite struct CorpusInputTests {
    @Test func unterminatedQuoteInCSVExitsTwoNamingTheLine() throws {
        let path = try temporaryFolder() + "/news.csv"
        try write("id,title,text\na,見出し,\"閉じない引用\nb,次,本文\nc,三,本文\n", to: path)
        let result = try KijiProcess.run(["run", "documents", path])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "kiji: \(path):2: the quoted cell that starts on this line is never closed\n"
                + "  add the missing closing quote (\"), or double a quote that belongs inside the cell (\"\")\n")
    }

    @Test func eucJPTextIsReadWithANote() throws {
        let path = try temporaryFolder() + "/euc.txt"
        // 見出し / 中国の本文。 in EUC-JP.
        try Data([0xB8, 0xAB, 0xBD, 0xD0, 0xA4, 0xB7, 0x0A, 0xC3, 0xE6, 0xB9, 0xF1, 0xA4, 0xCE, 0xCB, 0xDC, 0xCA, 0xB8, 0xA1, 0xA3, 0x0A])
            .write(to: URL(fileURLWithPath: path))
        let result = try KijiProcess.run(["query", "local d = corpus[1] return d.title .. '/' .. d.body", path])
        #expect(result.status == 0)
        #expect(result.stdout == "見出し/中国の本文。\n")
        #expect(result.stderr.hasPrefix("kiji: note: read \(path) as EUC-JP, not UTF-8\n"))
    }

    @Test func dedupeDropsTheRepeatedSummaryAndThePageDescription() throws {
        let seeds = KijiProcess.repository.appendingPathComponent("seeds").path
        let kept = try KijiProcess.run(["query", "return #corpus", seeds])
        #expect(kept.stdout == "41\n")
        #expect(kept.stderr.hasPrefix("kiji: query: 41 documents (20 undated) from 5 files, 1 value in "))

        let folder = try temporaryFolder()
        let deduped = try KijiProcess.run(["run", "documents", seeds, "--dedupe", "-o", "\(folder)/docs.csv"])
        #expect(deduped.status == 0)
        #expect(deduped.stderr.hasPrefix("kiji: documents: 39 documents (18 undated) from 5 files (dropped 1 duplicate and 1 boilerplate), 39 rows in "))
        let ids = try String(contentsOfFile: "\(folder)/docs.csv", encoding: .utf8).split(separator: "\n").map { $0.prefix(while: { $0 != "," }) }
        #expect(ids.count == 40)
        #expect(!ids.contains("004_4571d0cf1c5e72c9#3") && !ids.contains("004_4571d0cf1c5e72c9#4"))
        #expect(ids.contains("004_4571d0cf1c5e72c9#2"))
        let manifest = try String(contentsOfFile: "\(folder)/docs.csv.manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"dedupe\" : true"))
        let rerun = try KijiProcess.run(["rerun", "\(folder)/docs.csv.manifest.json"])
        #expect(rerun.stdout.hasPrefix("inputs unchanged\noutput identical to the recorded run"))
    }
}
