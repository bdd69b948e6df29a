import Testing
@testable import PluginHost

/// `kiji.output_file` and `prepare(params, corpus)`.
@Suite struct OutputFilesTests {
    let docs = [document("a", "2025-01-05", "中国"), document("b", nil, "台湾")]

    func runner(_ body: String) throws -> PluginRunner {
        try plugin("""
            return { name = "files", columns = {"n"},
              run = function(corpus, params, out) \(body) out:row{ n = #corpus } end }
            """)
    }

    @Test func runCollectsNamedFilesInOrder() throws {
        let plugin = try runner(#"kiji.output_file("b.csv", "x\n") kiji.output_file("a.mtx", "中国")"#)
        _ = try plugin.run(on: docs, parameters: [:])
        #expect(plugin.outputFiles.map(\.name) == ["b.csv", "a.mtx"])
        #expect(plugin.outputFiles.map(\.text) == ["x\n", "中国"])
        _ = try plugin.run(on: docs, parameters: [:])
        #expect(plugin.outputFiles.count == 2, "each run starts with no files")
    }

    @Test(arguments: [("../x.csv", "is not a plain file name"), (".hidden", "is not a plain file name"),
                      ("dir/x", "is not a plain file name"), ("", "is not a plain file name")])
    func badNamesAreRefused(name: String, problem: String) throws {
        let plugin = try runner(#"kiji.output_file(""# + name + #"", "x")"#)
        let error = #expect(throws: PluginError.self) { try plugin.run(on: docs, parameters: [:]) }
        #expect(error?.description.contains(problem) == true, "\(String(describing: error))")
    }

    @Test func aNameTwiceIsAnError() throws {
        let plugin = try runner(#"kiji.output_file("a.csv", "1") kiji.output_file("a.csv", "2")"#)
        let error = #expect(throws: PluginError.self) { try plugin.run(on: docs, parameters: [:]) }
        #expect(error?.description.contains("the file 'a.csv' was already written in this run") == true)
    }

    @Test func mapPluginsCannotWriteFiles() throws {
        let plugin = try plugin("""
            return { name = "m", group_by = {"k"}, aggregate = { n = "sum" },
              map = function(doc, emit) kiji.output_file("a.csv", "x"); emit { k = "x", n = 1 } end }
            """)
        let error = #expect(throws: PluginError.self) { try plugin.run(on: docs, parameters: [:]) }
        #expect(error?.description.contains("only a plugin's run function can write files") == true)
    }

    @Test func prepareReceivesTheCorpus() throws {
        let plugin = try plugin("""
            return { name = "p", group_by = {"k"}, aggregate = { n = "sum" },
              prepare = function(params, corpus) params.total = #corpus; params.first = corpus[1].id end,
              map = function(doc, emit, params) emit { k = params.first, n = params.total } end }
            """)
        #expect(csv(try plugin.run(on: docs, parameters: [:])) == "k,n\na,4\n")
    }
}
