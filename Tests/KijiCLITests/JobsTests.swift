import Foundation
import Testing
import TestSupport

/// `--jobs N`: the same output, prints and errors as one worker gives.
@Suite struct JobsTests {
    /// A folder with `corpus.jsonl` (d1 … d20, one a day) and `plugin.lua` holding `source`.
    func fixture(_ source: String) throws -> String {
        let folder = try temporaryFolder()
        let lines = (1...20).map { #"{"id":"d\#($0)","date":"2025-01-\#(String(format: "%02d", $0))","title":"t","body":"中国と台湾"}"# }
        try write(lines.joined(separator: "\n") + "\n", to: "\(folder)/corpus.jsonl")
        try write(source, to: "\(folder)/plugin.lua")
        return folder
    }

    @Test func printsComeOnceAndInDocumentOrder() throws {
        let folder = try fixture("""
            print("loaded")
            return { name = "talks", group_by = {"k"}, aggregate = { n = "sum" },
              prepare = function() print("prepared") end,
              map = function(doc, emit) print("doc", doc.id) emit { k = "x", n = 1 } end }
            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let expected = "loaded\nprepared\n" + (1...20).map { "doc\td\($0)\n" }.joined()
        for jobs in ["1", "2", "3", "4"] {
            let result = try KijiProcess.run(["run", "\(folder)/plugin.lua", "\(folder)/corpus.jsonl", "--jobs", jobs])
            #expect(result.status == 0)
            #expect(result.stdout == "k,n\nx,20\n")
            #expect(result.stderr.hasPrefix(expected + "kiji: talks: 20 documents"), "--jobs \(jobs)")
        }
    }

    @Test func aFailureReportsTheFirstFailingDocumentAfterTheEarlierPrints() throws {
        let folder = try fixture("""
            return { name = "fails", group_by = {"k"}, aggregate = { n = "sum" },
              map = function(doc, emit)
                print(doc.id)
                if doc.id == "d8" or doc.id == "d17" then error("cannot read " .. doc.id) end
                emit { k = "x", n = 1 }
              end }
            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sequential = try KijiProcess.run(["run", "\(folder)/plugin.lua", "\(folder)/corpus.jsonl", "--jobs", "1"])
        #expect(sequential.status == 1)
        #expect(sequential.stderr.hasPrefix((1...8).map { "d\($0)\n" }.joined() + "kiji: plugin 'fails' failed: "))
        #expect(sequential.stderr.contains("cannot read d8\n  while processing document 'd8'"))
        for jobs in ["2", "4"] {
            let parallel = try KijiProcess.run(["run", "\(folder)/plugin.lua", "\(folder)/corpus.jsonl", "--jobs", jobs])
            #expect(parallel.status == 1)
            #expect(parallel.stderr == sequential.stderr, "--jobs \(jobs)")
        }
    }

    @Test func theTimeoutStopsAWorker() throws {
        let folder = try fixture("""
            return { name = "hangs", group_by = {"k"}, aggregate = { n = "sum" },
              map = function(doc, emit) if doc.id == "d19" then while true do end end emit { k = "x", n = 1 } end }
            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try KijiProcess.run(["run", "\(folder)/plugin.lua", "\(folder)/corpus.jsonl", "--jobs", "2", "--timeout", "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("stopped: the time limit of 1 seconds is used up (raise it with --timeout)\n  while processing document 'd19'"))
        #expect(result.stdout.isEmpty)
    }

    @Test func jobsOutOfRangeIsAUsageError() throws {
        for jobs in ["0", "33", "-1"] {
            let result = try KijiProcess.run(["run", "mentions-by-month", "--jobs=\(jobs)"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("--jobs must be between 1 and 32, not \(jobs)"))
        }
    }

    @Test func theProgressLineCountsEveryWorker() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let command = [KijiProcess.executable.path, "run", "mentions-by-month", "--jobs", "2", "-o", "\(folder)/m.csv"]
            .map { "'\($0)'" }.joined(separator: " ")
        let result = try KijiProcess.run(["-qec", command, "/dev/null"], environment: ["KIJI_PROGRESS_DELAY": "0"],
                                         program: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(result.status == 0)
        #expect(result.stdout.contains("kiji: mentions-by-month: 41/41 documents, "))
    }
}
