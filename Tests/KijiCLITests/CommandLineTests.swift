import Foundation
import Testing
import TestSupport

/// Every command and flag of the CLI, checked end to end.
@Suite struct CommandLineTests {
    static let fixture = """
        {"id": "n1", "date": "2024-11-30T23:30:00+0900", "title": "日米同盟の強化", "text": "中国の脅威。ＮＡＴＯも注目。", "author": "記者A"}
        {"id": "n2", "date": "2025-01-02", "title": "台湾海峡", "text": "台湾と中国、中国と米国。", "authors": ["記者B", "記者C"], "section": "国際"}
        {"id": "n3", "title": "日付なし", "text": "中国", "url": "https://example.jp/n3"}
        """

    func fixtureFile() throws -> String {
        let path = try temporaryFolder() + "/news.jsonl"
        try write(Self.fixture, to: path)
        return path
    }

    @Test func runOnJSONLinesWithParameters() throws {
        let file = try fixtureFile()
        let result = try KijiProcess.run(["run", "mentions-by-month", file, "--param", "terms=中国, ＮＡＴＯ ,台湾"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            month,term,mentions,articles,articles_total
            2024-11,中国,1,1,1
            2024-11,NATO,1,1,1
            2024-11,台湾,0,0,1
            2024-12,中国,0,0,0
            2024-12,NATO,0,0,0
            2024-12,台湾,0,0,0
            2025-01,中国,2,1,1
            2025-01,NATO,0,0,1
            2025-01,台湾,2,1,1
            undated,中国,1,1,1
            undated,NATO,0,0,1
            undated,台湾,0,0,1

            """)
        #expect(result.stderr.hasPrefix("kiji: mentions-by-month: 3 documents (1 undated) from 1 files, 12 rows in "))
    }

    @Test func documentsOnJSONLines() throws {
        let file = try fixtureFile()
        let result = try KijiProcess.run(["run", "documents", file])
        #expect(result.stdout == """
            id,source,date,date_origin,authors,title,excerpt,chars,duplicate_of,boilerplate
            n1,\(file),2024-11-30,stated,記者A,日米同盟の強化,中国の脅威。ＮＡＴＯも注目。,14,,false
            n2,\(file),2025-01-02,stated,記者B; 記者C,台湾海峡,台湾と中国、中国と米国。,12,,false
            n3,\(file),,,,日付なし,中国,2,,false

            """)
    }

    @Test func outputFileIsWrittenAtomicallyWithBOM() throws {
        let folder = try temporaryFolder()
        let result = try KijiProcess.run(["run", "mentions-by-month", try fixtureFile(), "--param", "terms=中国", "-o", "\(folder)/out.csv", "--bom"])
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr.contains(" -> \(folder)/out.csv"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/out.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("month,term,mentions,articles,articles_total\n2024-11,中国,1,1,1\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["out.csv", "out.csv.manifest.json"])
    }

    @Test func failedRunLeavesNoOutputFileAndKeepsTheOldOne() throws {
        let folder = try temporaryFolder()
        let plugin = "\(folder)/fails.lua"
        try write("return { name = 'fails', columns = {'a'}, run = function() error('stop here') end }", to: plugin)
        let result = try KijiProcess.run(["run", plugin, try fixtureFile(), "-o", "\(folder)/new.csv"])
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/new.csv"))
        try write("old", to: "\(folder)/old.csv")
        _ = try KijiProcess.run(["run", plugin, try fixtureFile(), "-o", "\(folder)/old.csv"])
        #expect(try String(contentsOfFile: "\(folder)/old.csv", encoding: .utf8) == "old")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)) == ["fails.lua", "old.csv"])
    }

    @Test func unwritableOutputIsAUsageError() throws {
        let folder = try temporaryFolder()
        let intoFolder = try KijiProcess.run(["run", "documents", "-o", folder])
        #expect(intoFolder.status == 2)
        #expect(intoFolder.stderr.hasPrefix("kiji: cannot write '\(folder)': it is a folder; give a file name, e.g. \(folder)/out.csv"))
        let missing = try KijiProcess.run(["run", "documents", "-o", "\(folder)/no/out.csv"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("kiji: cannot write '\(folder)/no/out.csv': the folder '\(folder)/no' does not exist"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func emptyFolderGivesHeaderAndANote() throws {
        let folder = try temporaryFolder()
        let result = try KijiProcess.run(["run", "mentions-by-month", folder])
        #expect(result.status == 0)
        #expect(result.stdout == "month,term,mentions,articles,articles_total\n")
        #expect(result.stderr.hasPrefix("kiji: note: \(folder) holds no .txt, .jsonl, .ndjson or .csv file\n"))
    }

    @Test func pluginRuntimeErrorExitsOneWithLocationAndTraceback() throws {
        let folder = try temporaryFolder()
        try write("""
            return { name = "oops", group_by = {"k"}, aggregate = {},
              map = function(doc, emit, params)
                local t = nil
                emit { k = t.x }
              end }
            """, to: "\(folder)/oops.lua")
        // Paths inside the working folder are shown relative to it.
        let result = try KijiProcess.run(["run", "oops.lua", try fixtureFile()], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines[0] == "kiji: plugin 'oops' failed: oops.lua:4: attempt to index a nil value (local 't')")
        #expect(lines[1] == "  while processing document 'n1'")
        #expect(lines[2] == "  stack traceback:")
        #expect(lines.contains { $0.contains("oops.lua:4: in function") })
    }

    @Test(arguments: [
        (["run", "no-such-plugin"], "kiji: no plugin named 'no-such-plugin' (looked in "),
        (["run", "mentions-by-month", "--param", "color=red"], "kiji: plugin 'mentions-by-month' has no parameter 'color' (known: by, dates, terms)"),
        (["run", "mentions-by-month", "--param", "dates=sometimes"], "kiji: parameter 'dates' of plugin 'mentions-by-month' must be one of any, stated, not 'sometimes'"),
        (["run", "mentions-by-month", "--param", "terms"], "kiji: --param needs key=value, got 'terms'"),
        (["run", "mentions-by-month", "/no/such/corpus.jsonl"], "kiji: /no/such/corpus.jsonl: no such file or folder"),
        (["run", "/no/such/plugin.lua"], "kiji: plugin file '/no/such/plugin.lua' does not exist"),
        (["run"], "Error: Missing expected argument '<PLUGIN>'"),
        (["frobnicate"], "Error: Unexpected argument 'frobnicate'"),
        (["run", "documents", "--bogus"], "Error: Unknown option '--bogus'"),
    ])
    func usageAndInputErrorsExitTwo(arguments: [String], message: String) throws {
        let result = try KijiProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix(message), "stderr was: \(result.stderr)")
    }

    @Test func badCorpusLineExitsTwoNamingFileAndLine() throws {
        let path = try temporaryFolder() + "/bad.jsonl"
        try write("{\"text\": \"ok\"}\n{\"text\": \"a\", \"date\": \"yesterday\"}\n", to: path)
        let result = try KijiProcess.run(["run", "documents", path])
        #expect(result.status == 2)
        #expect(result.stderr == "kiji: \(path):2: date 'yesterday' is not an ISO 8601 date\n  write dates as 2025-01-31, 2025-01-31T09:00:00+09:00 or 2025-01-31T09:00:00+0900\n")
    }

    @Test func excelCSVInCP932IsReadWithANote() throws {
        let folder = try temporaryFolder()
        try "id,date,title,text\r\nx,2025-02-01,見出し,中国の本文\r\n".data(using: .shiftJIS)!
            .write(to: URL(fileURLWithPath: "\(folder)/excel.csv"))
        let result = try KijiProcess.run(["run", "documents", "\(folder)/excel.csv"])
        #expect(result.status == 0)
        #expect(result.stdout == "id,source,date,date_origin,authors,title,excerpt,chars,duplicate_of,boilerplate\nx,\(folder)/excel.csv,2025-02-01,stated,,見出し,中国の本文,5,,false\n")
        #expect(result.stderr.hasPrefix("kiji: note: read \(folder)/excel.csv as CP932 (Shift_JIS), not UTF-8\n"))
    }

    @Test func layoutOverridesDetectionAndIsRecorded() throws {
        let folder = try temporaryFolder()
        try write("見出し\n一段落目。\n二段落目。\n三段落目。\n", to: "\(folder)/a.txt")
        let detected = try KijiProcess.run(["run", "documents", "\(folder)/a.txt"])
        #expect(detected.stdout.split(separator: "\n").count == 2)  // one article
        let forced = try KijiProcess.run(["run", "documents", "\(folder)/a.txt", "--layout", "summaries", "-o", "\(folder)/out.csv"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: "\(folder)/out.csv", encoding: .utf8).split(separator: "\n").count == 5)
        let rerun = try KijiProcess.run(["rerun", "\(folder)/out.csv.manifest.json"])
        #expect(rerun.stdout.hasPrefix("inputs unchanged\noutput identical to the recorded run"))
        let bad = try KijiProcess.run(["run", "documents", "--layout", "poem"])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("Error: --layout must be auto, listing, summaries or article, not 'poem'"))
    }

    @Test func listShowsBundledPluginsWithDescriptions() throws {
        let result = try KijiProcess.run(["list"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("documents          The corpus inventory: one row per document with its date, authors, title and an excerpt, and whether it repeats an earlier one or is page boilerplate"))
        #expect(lines.contains("mentions-by-month  Mentions of terms per calendar month, with article counts and monthly totals"))
    }

    @Test func extraPluginFoldersComeFirst() throws {
        let folder = try temporaryFolder()
        try write("""
            return { name = "tally", description = "Counts documents", columns = {"documents"},
              run = function(corpus, params, out) out:row{ documents = #corpus } end }
            """, to: "\(folder)/tally.lua")
        let viaFlag = try KijiProcess.run(["run", "tally", "--plugins", folder])
        #expect(viaFlag.stdout == "documents\n41\n")
        let viaEnvironment = try KijiProcess.run(["run", "tally"], environment: ["KIJI_PLUGIN_PATH": "/nowhere:\(folder)"])
        #expect(viaEnvironment.stdout == "documents\n41\n")
        let listed = try KijiProcess.run(["list", "--plugins", folder])
        #expect(listed.stdout.contains("tally              Counts documents\n"))
    }

    @Test func runawayPluginsAreStoppedWithAClearError() throws {
        let folder = try temporaryFolder()
        try write("""
            return { name = "spin", columns = {"n"},
              run = function() while true do pcall(function() while true do end end) end end }
            """, to: "\(folder)/spin.lua")
        let spin = try KijiProcess.run(["run", "\(folder)/spin.lua", "--timeout", "1"])
        #expect(spin.status == 1)
        #expect(spin.stderr.hasPrefix("kiji: plugin 'spin' failed: stopped: the time limit of 1 seconds is used up (raise it with --timeout)"))
        try write("""
            return { name = "bomb", columns = {"n"},
              run = function() local t = {} for i = 1, 1e9 do t[i] = { i } end end }
            """, to: "\(folder)/bomb.lua")
        let bomb = try KijiProcess.run(["run", "\(folder)/bomb.lua", "--max-memory", "64"])
        #expect(bomb.status == 1)
        #expect(bomb.stderr.hasPrefix("kiji: plugin 'bomb' failed: not enough memory (the Lua state reached its limit of 64 MB; raise it with --max-memory)"))
        #expect(try KijiProcess.run(["run", "documents", "--timeout", "-1"]).status == 2)
    }

    @Test func pluginPrintGoesToStandardError() throws {
        let folder = try temporaryFolder()
        try write("""
            return { name = "chatty", columns = {"n"},
              run = function(corpus, params, out) print("progress", 1, nil) out:row{ n = 1 } end }
            """, to: "\(folder)/chatty.lua")
        let result = try KijiProcess.run(["run", "\(folder)/chatty.lua"])
        #expect(result.stdout == "n\n1\n")
        #expect(result.stderr.hasPrefix("progress\t1\tnil\n"))
    }

    @Test func helpIsUseful() throws {
        let help = try KijiProcess.run(["--help"])
        #expect(help.status == 0)
        for text in ["USAGE: kiji <subcommand>", "kiji run mentions-by-month", "list", "run", "Exit codes: 0 success, 1 plugin or runtime error, 2 usage or input error."] {
            #expect(help.stdout.contains(text), "--help lacks \(text)")
        }
        let runHelp = try KijiProcess.run(["help", "run"])
        #expect(runHelp.status == 0)
        for text in ["USAGE: kiji run <PLUGIN> [<CORPUS> ...] [--param <key=value> ...]", "--param <key=value>", "--output-dir <DIR>", "--where <CONDITION>", "--since <DATE>", "-o, --output <FILE>", "--bom", "--plugins <DIR>",
                     "without one, kiji reads the bundled", "never half-written"] {
            #expect(runHelp.stdout.contains(text), "help run lacks \(text)")
        }
        #expect(try KijiProcess.run(["--version"]).stdout == "0.1.0\n")
    }
}
