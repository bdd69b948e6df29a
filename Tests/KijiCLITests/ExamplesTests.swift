import Foundation
import Testing
import TestSupport

/// Every example in examples/ runs as examples/README.md shows.
@Suite struct ExamplesTests {
    func example(_ name: String) -> String {
        KijiProcess.repository.appendingPathComponent("examples/\(name)").path
    }

    func lines(_ arguments: [String]) throws -> [String] {
        let result = try KijiProcess.run(arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func helloCountsDocumentsPerMonth() throws {
        let output = try lines(["run", example("hello.lua")])
        #expect(output.prefix(3) == ["month,documents", "2023-11,1", "2023-12,0"])
        #expect(output.contains("2025-01,4"))
        #expect(output.suffix(2) == ["2025-10,3", "undated,20"])
    }

    @Test func termShare() throws {
        let output = try lines(["query", "-f", example("term-share.lua"), "--param", "term=尖閣"])
        #expect(output[0] == "month,term,articles,articles_total,share")
        #expect(output[1] == "2023-11,尖閣,0,1,0")
        #expect(output.contains("2023-12,尖閣,0,0,"))
        #expect(output.contains("2025-01,尖閣,3,4,0.75"))
        #expect(output.last == "undated,尖閣,0,20,0")
    }

    @Test func cooccurringWords() throws {
        #expect(try lines(["query", "-f", example("cooccurring-words.lua"), "--param", "term=中国", "--param", "top=5"]) == [
            "word,pos,sentences,documents", "強化,名詞,22,11", "同盟,名詞,21,10", "軍事,名詞,15,6", "対応,名詞,13,6", "保障,名詞,11,5",
        ])
    }

    @Test func authorsWithThresholdParameter() throws {
        #expect(try lines(["run", example("authors.lua"), "--param", "min_articles=2"]) == [
            "author,articles,first_date,last_date",
            "Wenliang Wang,2,2024-05-28,2024-05-29",
            "出光 泰三,2,2025-01-31,2025-02-14",
            "猿丸 金次,2,2025-01-24,2025-02-07",
            "金丸真弥,2,2024-12-15,2025-02-09",
        ])
        let all = try lines(["run", example("authors.lua")])
        #expect(all.count == 11)
        #expect(all.suffix(2) == ["寧芯,1,2024-12-05,2024-12-05", "趙鳳華,1,2024-04-19,2024-04-19"])
    }

    @Test func actorFirstAndLastMention() throws {
        let output = try lines(["query", "-f", example("actor-first-last.lua")])
        #expect(output[0] == "actor,type,first_date,first_doc,last_date,last_doc,mentions")
        #expect(output[1] == "松野博一,person,2023-11-16,000_43a05b1cc0bfe584#20,2023-11-16,000_43a05b1cc0bfe584#20,2")
        #expect(output.contains("中国,country,2024-04-30,000_43a05b1cc0bfe584#14,2025-02-14,000_43a05b1cc0bfe584#1,31"))
        let table = try lines(["query", "-f", example("actor-first-last.lua"), "--format", "table"])
        #expect(table[1].hasPrefix("松野博一                      person        2023-11-16"))
    }

    @Test func codingRule() throws {
        let output = try lines(["run", example("coding-rule.lua"), "--param", "distance=10"])
        #expect(output[0] == "month,code,sentences,articles,articles_total")
        #expect(output.contains("2025-01,安保と中国,3,1,4"))
        #expect(output.last == "undated,安保と中国,0,0,20")
        let tests = try KijiProcess.run(["test", example("coding-rule.lua")])
        #expect(tests.stdout.hasSuffix("1 passed, 0 failed\n"))
    }

    @Test func fiscalYearTable() throws {
        #expect(try lines(["query", "-f", example("fiscal-year.lua"), "--param", "term=防衛費", "--format", "table"]) == [
            "fiscal_year  documents  mentions", "2023         1          0", "2024         17         12",
            "2025         3          0", "undated      20         9",
        ])
    }

    @Test func oneLiners() throws {
        #expect(try lines(["query", "return #corpus"]) == ["41"])
        #expect(try lines(["query", "return corpus:filter{since=\"2025-01-01\"}:count(\"尖閣\")"]) == ["16"])
        #expect(try lines(["query", "return corpus:filter{where = function(d) return #d.authors > 0 end}:count({\"中国\", \"台湾\"})"])
                == ["key,value", "中国,14", "台湾,0"])
    }

    @Test func quantedaWorkflowEndsInPython() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: example("quanteda-workflow.sh"))
        process.arguments = [folder + "/out"]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["KIJI": KijiProcess.executable.path, "PYTHON": referencePythonPath]) { $1 }
        let stdout = folder + "/stdout"
        FileManager.default.createFile(atPath: stdout, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        #expect(process.terminationStatus == 0)
        #expect(try String(contentsOfFile: stdout, encoding: .utf8) ==
                "documents,features,entries\n41,395,1398\nfeature,count\n米,210\n日,188\n同盟,100\n強化,94\n日本,88\n")
        let keyness = try String(contentsOfFile: folder + "/out/keyness.csv", encoding: .utf8)
        #expect(keyness.split(separator: "\n")[1] ==
                "2025,rest,会談,51,13,34.06877977453837,5.3197989894088765e-09,35.1684840550321,0.5985657140297778,1659,2129")
        let frequency = try String(contentsOfFile: folder + "/out/frequency.csv", encoding: .utf8)
        #expect(frequency.hasPrefix("year,term,tf,df,tokens_total,documents_total\n2023,中,2,1,25,1\n"))
    }
}
