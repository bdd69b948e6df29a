import Foundation
import Testing
import TestSupport

/// A fixed-seed random test of the plugin host: API calls with random
/// arguments (hostile numbers, invalid UTF-8, deep and cyclic tables,
/// userdata of the wrong type), inside and outside coroutines. Every
/// program must end with a documented exit code and message: no crash,
/// no hang. The seed and the program are in the failure message.
@Suite struct RandomLuaTests {
    static let calls = [
        "kiji.text.len(A)", "kiji.text.sub(A, A, A)", "kiji.text.normalize(A)", "kiji.text.split(A, A)", "kiji.text.trim(A)",
        "kiji.tokenize(A)", "kiji.sentences(A)", "kiji.matcher(A):find(A)", "kiji.matcher(A)", "kiji.period(A, A)",
        "kiji.periods(A, A, A)", "kiji.group(A, A, A)", "kiji.load_data(A)", "require(A)", "corpus:filter(A)", "corpus:count(A)",
        "corpus:periods(A)", "corpus[A]", "#corpus", "corpus:documents()", "corpus[1]:count(A)", "corpus[1]:contains(A)",
        "corpus[1]:find_all(A)", "corpus[1]:tokens()", "corpus[1]:sentences()", "corpus[1][A]", "corpus[1].meta", "corpus.count(A, A)",
        "corpus[1].count(A, A)", "tostring(corpus[1])", "getmetatable(corpus)", "print(A)", "kiji.text.len(A, A)",
    ]

    static let atoms = [
        "nil", "true", "0", "-0.0", "1", "-1", "1.5", "0/0", "1/0", "-1/0", "math.maxinteger", "math.mininteger", "2^63", "1e308",
        "''", "'中国'", "'日米同盟'", "'ｱﾝﾄﾞﾛｲﾄﾞ'", "'\\xff\\xfe'", "'\\0'", "string.rep('あ', 1000)", "'month'", "'quarter'",
        "'2025-01-31'", "'2025-Q9223372036854775807'", "'10000-W01'", "'../../etc/passwd'", "'a.lua'", "'actors'", "'.'",
        "{}", "{'中国', '台湾'}", "{''}", "{1, 2, 3}", "{since='2025-01-01'}", "{where=function() return true end}",
        "{where=function() coroutine.yield() end}", "{{a=1, b=2}, {a=1, b=3}}", "{'a'}", "{b='sum'}", "{b='nope'}",
        "corpus", "corpus[1]", "kiji", "print", "coroutine.create(print)", "deep(5)", "deep(300)", "cyclic()", "setmetatable({}, {__index=function() error('boom') end})",
    ]

    static let prelude = """
        local function deep(n) local t = {} local c = t for i = 1, n do c.x = {} c = c.x end return t end
        local function cyclic() local t = {} t.self = t t[1] = t return t end
        local ok_count, err_count = 0, 0
        local function try(f) local ok = pcall(f) if ok then ok_count = ok_count + 1 else err_count = err_count + 1 end end
        """

    func expression(_ random: inout SeededGenerator, depth: Int = 0) -> String {
        var call = random.pick(Self.calls)
        while let range = call.range(of: "A") {
            let argument = depth < 2 && random.below(5) == 0 ? expression(&random, depth: depth + 1) : random.pick(Self.atoms)
            call.replaceSubrange(range, with: argument)
        }
        return call
    }

    func statement(_ random: inout SeededGenerator) -> String {
        let body = "local _ = \(expression(&random))"
        switch random.below(4) {
        case 0: return "try(function() \(body) end)"
        case 1: return "try(function() return coroutine.wrap(function() \(body) end)() end)"
        case 2: return "try(function() local co = coroutine.create(function() \(body) coroutine.yield() \(body) end) coroutine.resume(co) coroutine.resume(co) end)"
        default: return "try(function() for _, v in ipairs({1, 2}) do \(body) end end)"
        }
    }

    @Test(arguments: 0..<12)
    func randomAPICallsNeverCrash(batch: Int) throws {
        var random = SeededGenerator(state: 0x6B69_6A69 &+ UInt64(batch))
        let statements = (0..<120).map { _ in statement(&random) }
        let program = Self.prelude + "\n" + statements.joined(separator: "\n") + "\nreturn ok_count + err_count\n"
        let path = try temporaryFolder() + "/batch\(batch).lua"
        try write(program, to: path)
        let result = try KijiProcess.run(["query", "-f", path, "--timeout", "20", "--max-memory", "512"])
        #expect(result.status == 0, "batch \(batch) (\(path)): \(result.stderr)")
        #expect(result.stdout == "120\n", "batch \(batch) (\(path)): \(result.stderr)")
    }

    @Test(arguments: 0..<8)
    func uncaughtErrorsExitOneWithOneMessage(seed: Int) throws {
        var random = SeededGenerator(state: 0x7275_6E00 &+ UInt64(seed))
        let program = Self.prelude + "\n" + (0..<5).map { _ in "local _ = \(expression(&random))" }.joined(separator: "\n") + "\nreturn 1\n"
        let result = try KijiProcess.run(["query", program, "--timeout", "20", "--max-memory", "512"])
        #expect([0, 1].contains(result.status), "seed \(seed): \(program)\n\(result.stderr)")
        if result.status == 1 {
            #expect(result.stderr.contains("kiji: query failed: ") || result.stderr.contains("kiji: stopped: "), "\(result.stderr)")  // print() may come first
        }
    }

    @Test func randomEmittedRowsAreAggregatedOrRefused() throws {
        var random = SeededGenerator(state: 0x656D_6974)
        let values = ["1", "1.0", "-0.0", "0/0", "'a'", "true", "nil", "{}", "'2025-01'", "'\\xff'", "1e300", "math.maxinteger", "deep(250)"]
        var cases: [String] = []
        for _ in 0..<60 {
            cases.append("emit { k = \(random.pick(values)), n = \(random.pick(values)) }")
        }
        let plugin = """
            local function deep(n) local t = {} local c = t for i = 1, n do c.x = {} c = c.x end return t end
            return { name = "fuzz-emit", group_by = {"k"}, aggregate = { n = "sum" },
              map = function(doc, emit)
                \(cases.map { "pcall(function() \($0) end)" }.joined(separator: "\n    "))
                coroutine.wrap(function() pcall(function() emit { k = 'co', n = 1 } end) end)()
              end }
            """
        let path = try temporaryFolder() + "/fuzz-emit.lua"
        try write(plugin, to: path)
        let result = try KijiProcess.run(["run", path, "--timeout", "20"])
        #expect(result.status == 0, "\(path): \(result.stderr)")
        #expect(result.stdout.contains("\nco,41\n") || result.stdout.hasSuffix("\nco,41\n"), "\(result.stdout)")
    }
}
