import Corpus
import Foundation
import TestSupport
import Testing
@testable import PluginHost

/// The bundled plugins folder and the parameter sets each map-form plugin is checked with.
private let bundledPlugins = BundledResources.directory(named: "plugins") ?? "plugins"
private let parameterSets: [String: [[String: String]]] = [
    "mentions-by-month": [[:], ["by": "category,month", "terms": "中国,台湾,日米同盟"], ["by": "year", "dates": "stated"]],
    "dictionary": [["dictionary": "\(bundledPlugins)/dictionaries/politics.yml"],
                   ["dictionary": "\(bundledPlugins)/dictionaries/politics.yml", "by": "month"],
                   ["dictionary": "\(bundledPlugins)/dictionaries/politics.yml", "by": "category", "per": "document"]],
]

/// Every bundled plugin with a `map` function.
private func mapFormPlugins() throws -> [String] {
    let files = try FileManager.default.contentsOfDirectory(atPath: bundledPlugins).sorted()
    return try files.filter { $0.hasSuffix(".lua") && !$0.hasSuffix("_test.lua") }.map { "\(bundledPlugins)/\($0)" }
        .filter { try PluginRunner(path: $0, moduleDirectories: [bundledPlugins]).spec.map != nil }
}

/// A few hundred articles with terms, dates (some missing) and categories (some missing).
func generatedCorpus(count: Int, seed: UInt64) -> [Document] {
    var random = SeededGenerator(state: seed)
    let phrases = ["中国と台湾の関係。", "日米同盟を強化する。", "尖閣諸島の周辺で", "防衛費の増額を", "スマホの新機種、", "映画の公開", "女性の活躍。",
                   "ＩＰｈｏｎｅの発売", "W杯の予選", "首相は会見で述べた。", "政府は", "米国と中国。"]
    return (0..<count).map { i in
        let body = (0..<(1 + random.below(12))).map { _ in random.pick(phrases) }.joined()
        let date = random.below(10) == 0 ? nil : CalendarDate(year: 2023 + random.below(3), month: 1 + random.below(12), day: 1 + random.below(28))
        let category = random.pick(["政治", "経済", "国際", ""])
        return Document(id: "g\(i)", source: "generated", line: i + 1, title: "記事\(i)", body: body, date: date,
                        meta: category.isEmpty ? [:] : ["category": .string(category)])
    }
}

private func seeds() throws -> [Document] {
    try CorpusLoader.load(paths: [BundledResources.directory(named: "seeds") ?? "seeds"]).documents
}

@Suite struct WorkerTests {
    @Test func everyBundledMapPluginGivesTheSameBytesForAnyJobsAndOrder() throws {
        let plugins = try mapFormPlugins()
        #expect(plugins.map { ($0 as NSString).lastPathComponent } == ["dictionary.lua", "mentions-by-month.lua"])
        let corpora = [try seeds(), generatedCorpus(count: 300, seed: 9)]
        for path in plugins {
            let name = (((path as NSString).lastPathComponent) as NSString).deletingPathExtension
            for parameters in try #require(parameterSets[name], "give \(name) parameter sets here") {
                for documents in corpora {
                    let single = try PluginRunner(path: path, moduleDirectories: [bundledPlugins])
                    let expected = csv(try single.run(on: documents, parameters: parameters))
                    #expect(expected.split(separator: "\n").count > 2)
                    for (jobs, order) in [(2, documents), (4, documents), (1, documents.reversed()), (4, documents.reversed())] {
                        let runner = try PluginRunner(path: path, moduleDirectories: [bundledPlugins])
                        runner.jobs = jobs
                        #expect(csv(try runner.run(on: order, parameters: parameters)) == expected, "\(name) \(parameters) --jobs \(jobs)")
                        // What a manifest records is the same too.
                        #expect(runner.record.filesRead == single.record.filesRead)
                        #expect(runner.record.mecabDictionary == single.record.mecabDictionary)
                        #expect(runner.record.parameters == single.record.parameters)
                    }
                }
            }
        }
    }

    @Test func aLaterWorkerUsesMeCabAndTheManifestSaysSo() throws {
        let runner = try plugin("""
            return { name = "late", group_by = {"k"}, aggregate = { n = "sum" },
              map = function(doc, emit) emit { k = "x", n = doc.id == "g9" and #doc:tokens() or 0 } end }
            """)
        runner.jobs = 2
        _ = try runner.run(on: generatedCorpus(count: 10, seed: 1), parameters: [:])
        #expect(runner.record.mecabDictionary != nil)
    }

    static let failing = """
        return { name = "fails", group_by = {"k"}, aggregate = { n = "sum" },
          map = function(doc, emit)
            if doc.id == "g60" then for _ = 1, 3e6 do end error("bad document " .. doc.id) end
            if doc.id == "g130" or doc.id == "g170" then error("bad document " .. doc.id) end
            if doc.id == "g155" then while true do end end
            emit { k = "x", n = 1 }
          end }
        """

    private func failure(_ path: String, jobs: Int, seconds: Double? = 60, documents: Int = 200) throws -> String {
        let runner = try PluginRunner(path: path, moduleDirectories: [],
                                      limits: ResourceLimits(memoryBytes: 256 << 20, seconds: seconds))
        runner.jobs = jobs
        do {
            _ = try runner.run(on: generatedCorpus(count: documents, seed: 2), parameters: [:])
            return "no error"
        } catch let error as PluginError {
            return "\(error.message) @ \(error.documentID ?? "-")"
        }
    }

    private func pluginFile(_ source: String) throws -> String {
        let path = try temporaryFolder() + "/fails.lua"
        try write(source, to: path)
        return path
    }

    /// g60 (the first of 4 workers) fails late; g130 and g170 fail early;
    /// g155 never ends. A sequential run stops at g60, and so must 2 to 4
    /// workers: the worker stuck in g155 is interrupted.
    @Test func theEarliestFailingDocumentIsReportedAndTheOthersStop() throws {
        let path = try pluginFile(Self.failing)
        let sequential = try failure(path, jobs: 1)
        #expect(sequential.hasSuffix("bad document g60 @ g60"))
        for jobs in [2, 3, 4] { #expect(try failure(path, jobs: jobs) == sequential) }
    }

    @Test func aTimeoutStopsAWorkerWithTheSequentialMessage() throws {
        let hangs = """
            return { name = "hangs", group_by = {"k"}, aggregate = { n = "sum" },
              map = function(doc, emit) if doc.id == "g35" then while true do end end emit { k = "x", n = 1 } end }
            """
        let path = try pluginFile(hangs)
        let sequential = try failure(path, jobs: 1, seconds: 1, documents: 40)
        #expect(sequential.hasSuffix("stopped: the time limit of 1 seconds is used up (raise it with --timeout) @ g35"))
        #expect(try failure(path, jobs: 4, seconds: 1, documents: 40) == sequential)
    }

    @Test func runFormPluginsStayInOneWorker() throws {
        let runner = try plugin("""
            local seen = 0
            return { name = "whole", columns = {"n"},
              run = function(corpus, params, out) for _ in corpus:documents() do seen = seen + 1 end out:row { n = seen } end }
            """)
        runner.jobs = 4
        #expect(csv(try runner.run(on: generatedCorpus(count: 50, seed: 3), parameters: [:])) == "n\n50\n")
    }
}
