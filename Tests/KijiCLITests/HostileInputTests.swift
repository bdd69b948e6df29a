import Foundation
import Testing
import TestSupport

/// Hostile plugins, queries and corpora, end to end: each gets a clear
/// error and a documented exit code, never a crash or a wrong result.
@Suite struct HostileInputTests {
    func plugin(_ source: String, named name: String = "p") throws -> String {
        let path = try temporaryFolder() + "/\(name).lua"
        try write(source, to: path)
        return path
    }

    func query(_ code: String, _ extra: [String] = []) throws -> KijiProcess.Result {
        try KijiProcess.run(["query", code] + extra)
    }

    // MARK: coroutines

    @Test func apiCallsInsideCoroutinesWork() throws {
        let loop = try query(#"local co=coroutine.wrap(function() for i=1,100000 do pcall(kiji.text.len,"x") end return "done" end) return co()"#)
        #expect(loop.status == 0)
        #expect(loop.stdout == "done\n")
        let api = try query("""
            return coroutine.wrap(function()
              local n, m = 0, kiji.matcher({"中国", "日米"})
              for doc in corpus:documents() do n = n + #doc:sentences() + doc:count("中国") + #m:find(doc) end
              return n .. "/" .. corpus[1].id .. "/" .. #kiji.group({{a=1,b=2},{a=1,b=3}}, {"a"}, {b="sum"})
            end)()
            """)
        let plain = try query("""
            local n, m = 0, kiji.matcher({"中国", "日米"})
            for doc in corpus:documents() do n = n + #doc:sentences() + doc:count("中国") + #m:find(doc) end
            return n .. "/" .. corpus[1].id .. "/" .. #kiji.group({{a=1,b=2},{a=1,b=3}}, {"a"}, {b="sum"})
            """)
        #expect(api.status == 0)
        #expect(api.stdout == plain.stdout)
    }

    @Test func emitInsideACoroutineAggregates() throws {
        let path = try plugin("""
            return { name = "co", group_by = {"k"}, aggregate = { n = "sum" },
              map = function(doc, emit)
                coroutine.wrap(function() for i = 1, 3 do emit { k = "x", n = 1 } coroutine.yield() end end)()
              end }
            """)
        let result = try KijiProcess.run(["run", path])
        #expect(result.status == 0)
        #expect(result.stdout == "k,n\nx,41\n")  // one emit per document before the first yield
    }

    @Test func yieldAcrossAHostCallIsLuasError() throws {
        let result = try query("return coroutine.wrap(function() return corpus:filter{where=function(d) coroutine.yield(1) end} end)()")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("kiji: query failed: (query):1: attempt to yield across a C-call boundary"))
    }

    // MARK: nesting

    @Test func nestedResultsAreErrorsNotCrashes() throws {
        let deep = try query("local t={} local c=t for i=1,25 do c.x={} c=c.x end return {{v=1, n=t}}")
        #expect(deep.status == 1)
        #expect(deep.stderr == "kiji: query failed: the result: row 1, column 'n' holds a table\n")
        let deeper = try query("local t={} local c=t for i=1,5000 do c.x={} c=c.x end return t")
        #expect(deeper.status == 1)
        #expect(deeper.stderr == "kiji: query failed: the result: field 'x': a table nested more than 200 levels deep (is there a cycle?)\n")
        let path = try plugin("""
            return { name = "nest", group_by = {"k"}, aggregate = { n = "sum" },
              map = function(doc, emit) local t = {} local c = t for i = 1, 300 do c.x = {} c = c.x end emit { k = "a", n = t } end }
            """)
        let emitted = try KijiProcess.run(["run", path])
        #expect(emitted.status == 1)
        #expect(emitted.stderr.contains("a table nested more than 200 levels deep"))
    }

    @Test func deeplyNestedMetadataIsReadable() throws {
        let folder = try temporaryFolder()
        let nested = String(repeating: "{\"a\":", count: 40) + "1" + String(repeating: "}", count: 40)
        try write("{\"id\":\"d\",\"text\":\"本文\",\"deep\":\(nested)}\n", to: "\(folder)/deep.jsonl")
        let result = try KijiProcess.run(["query", "local m, n = corpus[1].meta.deep, 0 while type(m) == 'table' do m = m.a n = n + 1 end return n .. ':' .. m",
                                          "\(folder)/deep.jsonl"])
        #expect(result.status == 0)
        #expect(result.stdout == "40:1\n")
    }

    // MARK: values users write

    @Test(arguments: [
        ("2025-Q9223372036854775807", "quarter"), ("10000-W01", "week"), ("2025-Q0", "quarter"), ("-1-W01", "week"),
    ])
    func hostilePeriodLabelsAreExplained(label: String, kind: String) throws {
        let path = try plugin("""
            return { name = "labels", group_by = {"p"}, aggregate = { n = "sum" }, periods = { p = "\(kind)" },
              map = function(doc, emit) emit { p = "\(label)", n = 1 } end }
            """)
        let result = try KijiProcess.run(["run", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("emit: 'p' must hold \(kind) labels like"), "\(result.stderr)")
        #expect(result.stderr.contains("got '\(label)'"))
    }

    @Test func numericKeysThatPrintAlikeAreOneGroup() throws {
        let path = try plugin("""
            return { name = "keys", group_by = {"k"}, aggregate = { n = "sum" },
              map = function(doc, emit)
                if doc.id == "000_43a05b1cc0bfe584#1" then emit { k = 1, n = 1 } emit { k = 1.0, n = 1 } emit { k = 0, n = 1 } emit { k = -0.0, n = 1 } end
              end }
            """)
        let result = try KijiProcess.run(["run", path])
        #expect(result.status == 0)
        #expect(result.stdout == "k,n\n0,2\n1,2\n")
    }

    @Test func nanKeysAreRefused() throws {
        let plain = try plugin("""
            return { name = "nan", group_by = {"k"}, aggregate = { n = "sum" },
              map = function(doc, emit) emit { k = 0/0, n = 1 } end }
            """)
        let result = try KijiProcess.run(["run", plain])
        #expect(result.status == 1)
        #expect(result.stderr.contains("emit: group_by key 'k' is NaN (not a number); a NaN cannot name a group"))
        let levels = try plugin("""
            return { name = "nanlevels", group_by = {"k"}, aggregate = { n = "sum" },
              levels = function() return { k = { 1, 0/0 } } end,
              map = function(doc, emit) emit { k = 1, n = 1 } end }
            """)
        let withLevels = try KijiProcess.run(["run", levels])
        #expect(withLevels.status == 1)
        #expect(withLevels.stderr.contains("levels().k holds NaN, which cannot name a group"))
    }

    // MARK: limits

    @Test(arguments: [
        ("setmetatable({}, {__gc=function() while true do end end}) collectgarbage() return 1", "a __gc finalizer"),
        (#"return string.find(string.rep("a", 40000), ".-.-.-.-.-b")"#, "string.find"),
    ])
    func timeoutStopsCodeNoHookReaches(code: String, _ what: String) throws {
        let started = Date()
        let result = try query(code, ["--timeout", "1"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("kiji: stopped: the time limit of 1 seconds is used up"), "\(what): \(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func aFinalizerThatHangsAtCloseLeavesNoOutput() throws {
        let folder = try temporaryFolder()
        let path = try plugin("""
            return { name = "hang", columns = {"n"},
              run = function(corpus, params, out) setmetatable({}, {__gc=function() while true do end end}) out:row { n = 1 } end }
            """)
        let result = try KijiProcess.run(["run", path, "-o", "\(folder)/out.csv", "--timeout", "1"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("kiji: stopped: the time limit of 1 seconds is used up while closing the Lua state"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func everyCommandThatLoadsPluginsHonoursTheTimeout() throws {
        let folder = try temporaryFolder()
        try write("while true do end\nreturn {}\n", to: "\(folder)/loop.lua")
        for arguments in [["describe", "\(folder)/loop.lua"], ["test", "\(folder)/loop.lua"]] {
            let result = try KijiProcess.run(arguments + ["--timeout", "1"])
            #expect(result.status == 1, "\(arguments)")
            #expect((result.stderr + result.stdout).contains("the time limit of 1 seconds is used up"), "\(arguments): \(result.stderr)")
        }
        // list shows every plugin it can load, and says why it cannot load the others.
        let list = try KijiProcess.run(["list", "--plugins", folder, "--timeout", "1"])
        #expect(list.stdout.contains("loop               (cannot load: plugin 'loop' failed: stopped: the time limit of 1 seconds is used up"))
    }

    @Test func tablesBuiltBySwiftCountAgainstMaxMemory() throws {
        let split = try query(#"local s=string.rep("a,",12000000) return #kiji.text.split(s)"#, ["--max-memory", "64"])
        #expect(split.status == 1)
        #expect(split.stderr.contains("not enough memory (the Lua state reached its limit of 64 MB; raise it with --max-memory)"))
        let matcher = try query(#"local t={} for i=1,300000 do t[i]="term"..i.."あいうえおかきくけこ" end return #kiji.matcher(t)"#,
                                ["--max-memory", "64"])
        #expect(matcher.status == 1)
        #expect(matcher.stderr.contains("not enough memory"))
        let fits = try query(#"return #kiji.text.split(string.rep("a,", 1000))"#, ["--max-memory", "64"])
        #expect(fits.stdout == "1001\n")
    }

    @Test(arguments: [
        (["--timeout", "nan"], "--timeout must be a positive number of seconds"),
        (["--timeout", "inf"], "--timeout must be a positive number of seconds"),
        (["--timeout=-1"], "--timeout must be a positive number of seconds"),
        (["--max-memory", "17592186044432"], "--max-memory must be between 16 and 1048576"),
        (["--max-memory", "8"], "--max-memory must be between 16 and 1048576"),
    ])
    func limitOptionsAreChecked(options: [String], message: String) throws {
        let result = try query("return 1", options)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// A parameter value that the plugin's columns or group_by reject is a
    /// usage error found before the corpus loads, not a plugin failure.
    @Test(arguments: [
        (["mentions-by-month", "--param", "by=none"], "kiji: plugin 'mentions-by-month': by: give a period or a metadata field (by=none is not accepted here)\n"),
        (["word-frequency", "--param", "by=month,,x"], "kiji: plugin 'word-frequency': by: 'month,,x' has an empty part; write e.g. by=category,month\n"),
        (["co-mentions", "--param", "by=count"], "kiji: plugin 'co-mentions': by: 'count' is also an output column of this plugin; use another field\n"),
        (["stance", "--param", "by=month,month"], "kiji: plugin 'stance': by: 'month' is given twice\n"),
    ])
    func badGroupingsAreUsageErrors(arguments: [String], message: String) throws {
        let result = try KijiProcess.run(["run"] + arguments + ["/no/such/corpus.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr == message)
    }

    @Test func helpShowsEachDefaultOnce() throws {
        let help = try KijiProcess.run(["help", "run"])
        #expect(help.stdout.contains("(default: 4096)"))
        #expect(!help.stdout.contains("(default: 4096). (default: 4096)"))
    }
}
