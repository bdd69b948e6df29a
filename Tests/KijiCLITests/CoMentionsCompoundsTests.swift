import Foundation
import Testing
import TestSupport

/// co-mentions with compounds=split on the seed sentences that name 日米.
@Suite struct CoMentionsCompoundsTests {
    /// Every seed sentence holding both 中国 and 日米, one document each.
    func nichibeiSentences() throws -> (path: String, count: Int) {
        let query = """
            local rows = {}
            for doc in corpus:documents() do
              for _, s in ipairs(doc:sentences()) do
                if s.text:find("中国", 1, true) and s.text:find("日米", 1, true) then
                  rows[#rows + 1] = { id = "s" .. (#rows + 1), text = s.text }
                end
              end
            end
            return rows
            """
        let result = try KijiProcess.run(["query", query, "--format", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let path = try temporaryFolder() + "/nichibei.jsonl"
        try write(result.stdout, to: path)
        return (path, result.stdout.split(separator: "\n").count)
    }

    func edges(_ path: String, _ mode: String) throws -> [String: Int] {
        let result = try KijiProcess.run(["run", "co-mentions", path, "--param", "compounds=\(mode)"])
        #expect(result.status == 0, "\(result.stderr)")
        var counts: [String: Int] = [:]
        for line in result.stdout.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            counts["\(cells[0])-\(cells[1])-\(cells[5])"] = Int(cells[3])
        }
        return counts
    }

    @Test func splitLinksChinaToJapanAndTheUSInEverySentenceNamingNichibei() throws {
        let (path, sentences) = try nichibeiSentences()
        #expect(sentences == 21)
        let split = try edges(path, "split")
        // 19 sentences name 中国 itself, 2 only 中国共産党: each links to Japan and to the US.
        #expect(split["中国-日本-co-mention"] == 19 && split["中国共産党-日本-co-mention"] == 2)
        #expect(split["中国-米国-co-mention"] == 19 && split["中国共産党-米国-co-mention"] == 2)
        #expect(split["日本-米国-compound"] == 21)
        // Keeping compounds to their own pair, only the 2 sentences that also name Japan and the US outright link them.
        let pair = try edges(path, "pair")
        #expect(pair["中国-日本-co-mention"] == 2 && pair["中国-米国-co-mention"] == 2)
        #expect(pair["中国共産党-日本-co-mention"] == nil && pair["日本-米国-compound"] == 21)
        let ignore = try edges(path, "ignore")
        #expect(ignore["日本-米国-compound"] == nil && ignore["中国-日本-co-mention"] == 2)
    }
}
