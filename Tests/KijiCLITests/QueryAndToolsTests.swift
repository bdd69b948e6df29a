import Foundation
import Testing
import TestSupport

/// query, describe, test, formats, manifests and rerun, end to end.
@Suite struct QueryAndToolsTests {
    func corpus(_ lines: String) throws -> String {
        let path = try temporaryFolder() + "/q.jsonl"
        try write(lines, to: path)
        return path
    }

    static let fixture = """
        {"id": "a", "date": "2024-12-31", "title": "尖閣", "text": "尖閣と中国", "author": "X"}
        {"id": "b", "date": "2025-01-15", "title": "", "text": "尖閣、尖閣", "authors": ["X", "Y"]}
        {"id": "c", "title": "", "text": "中国"}
        """

    @Test func queryRowsUseFirstSeenColumnsWithSortedKeys() throws {
        let result = try KijiProcess.run(["query", "local rows = {} for d in corpus:documents() do rows[#rows+1] = {id = d.id, n = d:count('尖閣')} end rows[1].extra = 'x' return rows", try corpus(Self.fixture)])
        #expect(result.stdout == "extra,id,n\nx,a,2\n,b,2\n,c,0\n")
        #expect(result.stderr.hasPrefix("kiji: query: 3 documents (1 undated) from 1 files, 3 rows in "))
    }

    @Test func queryColumnsFieldOrdersColumns() throws {
        let result = try KijiProcess.run(["query", "return { columns = {'n', 'id'}, {id = 'a', n = 1} }", try corpus(Self.fixture)])
        #expect(result.stdout == "n,id\n1,a\n")
    }

    @Test func queryFilterAndCount() throws {
        let path = try corpus(Self.fixture)
        #expect(try KijiProcess.run(["query", "return corpus:filter{since='2025-01-01'}:count('尖閣')", path]).stdout == "2\n")
        #expect(try KijiProcess.run(["query", "return corpus:filter{['until']='2024-12-31'}:count('尖閣')", path]).stdout == "2\n")
        #expect(try KijiProcess.run(["query", "return #corpus:filter{source='q.jsonl'}", path]).stdout == "3\n")
        #expect(try KijiProcess.run(["query", "return #corpus:filter{where=function(d) return d.date == nil end}", path]).stdout == "1\n")
        #expect(try KijiProcess.run(["query", "return corpus:count('中国')", path]).stdout == "2\n")
    }

    @Test func queryGroup() throws {
        let result = try KijiProcess.run(["query", """
            local rows = {}
            for d in corpus:documents() do
              for _, a in ipairs(d.authors) do rows[#rows+1] = {author = a, n = d:count('尖閣')} end
            end
            return kiji.group(rows, {'author'}, {n = 'sum', articles = 'count', top = 'max'})
            """, try corpus(Self.fixture)])
        #expect(result.stdout == "author,articles,n,top\nX,2,4,\nY,1,2,\n")
    }

    @Test(arguments: [
        ("return 1.5", "1.5\n"), ("return 'text'", "text\n"), ("return true", "true\n"), ("return nil", ""),
        ("return {3, 1}", "value\n3\n1\n"), ("return {b = 2, a = 1}", "key,value\na,1\nb,2\n"),
        ("return corpus", "kiji.Corpus(3 documents)\n"),
    ])
    func queryResultShapes(code: String, output: String) throws {
        #expect(try KijiProcess.run(["query", code, try corpus(Self.fixture)]).stdout == output)
    }

    @Test(arguments: [
        ("error('stop')", 1, "kiji: query failed: (query):1: stop"),
        ("return {{a = {}}}", 1, "kiji: query failed: the result: row 1, column 'a' holds a table"),
        ("return corpus:filter{since='yesterday'}", 1, "kiji: query failed: (query):1: bad argument #1 to 'filter' (since 'yesterday' is not a date like 2025-01-31)"),
        ("return corpus:filter{after='2025-01-01'}", 1, "kiji: query failed: (query):1: bad argument #1 to 'filter' (unknown option 'after' (use since, until, source, meta, where))"),
        ("return os.time()", 1, "kiji: query failed: (query):1: attempt to index a nil value (global 'os')"),
    ])
    func queryErrors(code: String, status: Int32, message: String) throws {
        let result = try KijiProcess.run(["query", code, try corpus(Self.fixture)])
        #expect(result.status == status)
        #expect(result.stderr.hasPrefix(message), "stderr: \(result.stderr)")
    }

    @Test func queryFromFileWithParameters() throws {
        let folder = try temporaryFolder()
        try write("return corpus:count(params.term)", to: "\(folder)/q.lua")
        #expect(try KijiProcess.run(["query", "-f", "\(folder)/q.lua", try corpus(Self.fixture), "--param", "term=中国"]).stdout == "2\n")
        #expect(try KijiProcess.run(["query"]).status == 2)
    }

    @Test func formats() throws {
        let path = try corpus(Self.fixture)
        let code = "return { columns = {'id', 'text'}, {id = 'a', text = '=1+1'}, {id = 'b', text = 'x,y'} }"
        #expect(try KijiProcess.run(["query", code, path, "--format", "tsv"]).stdout == "id\ttext\na\t=1+1\nb\tx,y\n")
        #expect(try KijiProcess.run(["query", code, path, "--format", "jsonl"]).stdout == "{\"id\":\"a\",\"text\":\"=1+1\"}\n{\"id\":\"b\",\"text\":\"x,y\"}\n")
        #expect(try KijiProcess.run(["query", code, path, "--format", "table"]).stdout == "id  text\na   =1+1\nb   x,y\n")
        #expect(try KijiProcess.run(["query", code, path, "--excel"]).stdout == "\u{FEFF}id,text\r\na,'=1+1\r\nb,\"x,y\"\r\n")
        let conflict = try KijiProcess.run(["query", code, path, "--excel", "--format", "tsv"])
        #expect(conflict.status == 2)
        #expect(conflict.stderr.contains("--excel writes CSV; leave out --format tsv"))
        #expect(try KijiProcess.run(["query", code, path, "--format", "xml"]).status == 2)
    }

    @Test func runTakesEveryFormatToo() throws {
        let result = try KijiProcess.run(["run", "mentions-by-month", try corpus(Self.fixture), "--param", "terms=尖閣", "--format", "table"])
        #expect(result.stdout == """
            month    term  mentions  articles  articles_total
            2024-12  尖閣  2         1         1
            2025-01  尖閣  2         1         1
            undated  尖閣  0         0         1

            """)
    }

    @Test func describeShowsParametersColumnsAndTests() throws {
        let result = try KijiProcess.run(["describe", "mentions-by-month"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "mentions-by-month")
        #expect(lines[1] == "  Mentions of terms per calendar month, with article counts and monthly totals")
        #expect(lines.contains("  by     string  month                                       group by a period (day, week, month, quarter, year, fiscal_year), a metadata field (category), or a pair (category,month); the first columns are named after it. fiscal_year is the Japanese 年度 (April to March)"))
        #expect(lines.contains("columns: depend on the parameters (default: month,term,mentions,articles,articles_total)"))
        #expect(lines.contains("tests: 6 (run them with 'kiji test mentions-by-month')"))
        #expect(try KijiProcess.run(["describe", "documents"]).stdout.contains("columns: depend on the parameters (default: id,source,date,date_origin,authors,title,excerpt,chars,duplicate_of,boilerplate)\n"))
        #expect(try KijiProcess.run(["describe", "nope"]).status == 2)
    }

    @Test func testCommandReportsPassesAndFailures() throws {
        let all = try KijiProcess.run(["test"])
        #expect(all.status == 0)
        #expect(all.stdout.hasSuffix("45 passed, 0 failed\n"))
        let folder = try temporaryFolder()
        try write("""
            return { name = "counter", columns = {"n"},
              run = function(corpus, params, out) out:row{ n = #corpus } end,
              tests = {
                { name = "right", documents = { { text = "a" } }, rows = { { n = 1 } } },
                { name = "wrong", documents = { { text = "a" }, { text = "b" } }, rows = { { n = 3 }, { n = 2 } } },
              } }
            """, to: "\(folder)/counter.lua")
        let result = try KijiProcess.run(["test", folder])
        #expect(result.status == 1)
        #expect(result.stdout == """
            ok      counter: right
            FAILED  counter: wrong
                    expected 2 rows, got 1
                    row 1, n: expected '3', got '2'
            1 passed, 1 failed

            """)
    }

    @Test func manifestAndRerunDetectChangedInputs() throws {
        let folder = try temporaryFolder()
        let data = "\(folder)/news.jsonl"
        try write(Self.fixture, to: data)
        let run = try KijiProcess.run(["run", "mentions-by-month", data, "--param", "terms=尖閣", "-o", "\(folder)/out.csv"])
        #expect(run.status == 0)
        let manifest = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: "\(folder)/out.csv.manifest.json"))) as! [String: Any]
        #expect(manifest["kiji_version"] as? String == "0.1.0")
        #expect(manifest["plugin"] as? String == "mentions-by-month")
        #expect((manifest["parameters"] as? [String: String]) == ["by": "month", "dates": "any", "terms": "尖閣"])
        let files = manifest["corpus_files"] as! [[String: Any]]
        #expect(files.count == 1 && files[0]["documents"] as? Int == 3 && (files[0]["sha256"] as? String)?.count == 64)
        #expect((manifest["plugin_file"] as? [String: String])?["sha256"]?.count == 64)
        #expect((manifest["output"] as? [String: Any])?["sha256"] as? String == sha256(of: "\(folder)/out.csv"))

        let same = try KijiProcess.run(["rerun", "\(folder)/out.csv.manifest.json"])
        #expect(same.status == 0)
        #expect(same.stdout.hasPrefix("inputs unchanged\noutput identical to the recorded run"))

        try write(Self.fixture + "\n{\"id\": \"d\", \"date\": \"2025-01-20\", \"text\": \"尖閣\"}\n", to: data)
        let changed = try KijiProcess.run(["rerun", "\(folder)/out.csv.manifest.json"])
        let lines = changed.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "inputs changed:")
        #expect(lines[1].hasPrefix("  changed corpus file \(folder)/news.jsonl (sha256 "))
        #expect(lines[2].hasPrefix("output differs from the recorded run"))
        #expect(try String(contentsOfFile: "\(folder)/out.csv", encoding: .utf8).contains("2025-01,尖閣,3,2,2"))
        #expect(try KijiProcess.run(["rerun", "\(folder)/missing.json"]).status == 2)
    }

    @Test func rerunWritesWhereToldAndRunKeepsExcelSettings() throws {
        let folder = try temporaryFolder()
        let data = "\(folder)/news.jsonl"
        try write(Self.fixture, to: data)
        #expect(try KijiProcess.run(["run", "documents", data, "--excel", "-o", "\(folder)/docs.csv"]).status == 0)
        let original = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/docs.csv"))
        #expect(Array(original.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: original.dropFirst(3), as: UTF8.self).hasPrefix("id,source,date,date_origin,authors,title,excerpt,chars,duplicate_of,boilerplate\r\n"))
        let again = try KijiProcess.run(["rerun", "\(folder)/docs.csv.manifest.json", "-o", "\(folder)/again.csv"])
        #expect(again.stdout.hasPrefix("inputs unchanged\noutput identical to the recorded run"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/again.csv")) == original)
        #expect(FileManager.default.fileExists(atPath: "\(folder)/again.csv.manifest.json"))
    }

    @Test func queryManifestsRerunToo() throws {
        let folder = try temporaryFolder()
        let data = "\(folder)/news.jsonl"
        try write(Self.fixture, to: data)
        let first = try KijiProcess.run(["query", "return corpus:count(params.term)", data, "--param", "term=尖閣", "-o", "\(folder)/n.txt"])
        #expect(first.status == 0)
        #expect(try String(contentsOfFile: "\(folder)/n.txt", encoding: .utf8) == "4\n")
        let manifest = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: "\(folder)/n.txt.manifest.json"))) as! [String: Any]
        #expect(manifest["kind"] as? String == "query")
        #expect(manifest["query"] as? String == "return corpus:count(params.term)")
        #expect((manifest["plugin_file"] as? [String: String])?["path"] == "(inline)")
        let same = try KijiProcess.run(["rerun", "\(folder)/n.txt.manifest.json"])
        #expect(same.stdout.hasPrefix("inputs unchanged\noutput identical to the recorded run"))
        try write(Self.fixture.replacingOccurrences(of: "尖閣と中国", with: "中国"), to: data)
        let changed = try KijiProcess.run(["rerun", "\(folder)/n.txt.manifest.json"])
        #expect(changed.stdout.hasPrefix("inputs changed:\n  changed corpus file \(data) (sha256 "))
        #expect(changed.stdout.contains("output differs from the recorded run"))
        #expect(try String(contentsOfFile: "\(folder)/n.txt", encoding: .utf8) == "3\n")
    }

    @Test func mecabDictionaryOption() throws {
        let path = try corpus(Self.fixture)
        let good = try KijiProcess.run(["query", "return kiji.tokenize('石破茂')[1].pos_detail", path, "--mecab-dict", "/var/lib/mecab/dic/ipadic-utf8"])
        #expect(good.stdout == "固有名詞,人名,姓\n")
        let bad = try KijiProcess.run(["query", "return kiji.tokenize('石破茂')[1].pos_detail", path, "--mecab-dict", "/nowhere"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("kiji: query failed: (query):1: --mecab-dict /nowhere is not a MeCab dictionary folder (no sys.dic)"))
        let environment = try KijiProcess.run(["query", "return #kiji.tokenize('日本')", path], environment: ["KIJI_MECAB_DICT": "/tmp"])
        #expect(environment.stderr.contains("KIJI_MECAB_DICT=/tmp is not a MeCab dictionary folder (no sys.dic)"))
    }

    @Test func summaryAndManifestNameTheMecabDictionary() throws {
        let folder = try temporaryFolder()
        let run = try KijiProcess.run(["query", "return #kiji.tokenize('日米')", try corpus(Self.fixture), "-o", "\(folder)/n.txt"])
        #expect(run.stderr.contains(" from 1 files, MeCab ipadic-utf8 (IPADIC) 102 UTF-8, 1 value in "))
        let manifest = try String(contentsOfFile: "\(folder)/n.txt.manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"format\" : \"IPADIC\""))
        let unidic = try KijiProcess.run(["query", "return kiji.tokenize('日米')[1].base", try corpus(Self.fixture),
                                          "--mecab-dict", "/var/lib/mecab/dic/unidic"])
        #expect(unidic.stdout == "日米\n")
        #expect(unidic.stderr.contains(", MeCab unidic (UniDic) 102 UTF-8, 1 value in "))
        let plain = try KijiProcess.run(["query", "return #corpus", try corpus(Self.fixture)])
        #expect(!plain.stderr.contains("MeCab"))
    }

    @Test func bundledRulesRefuseUniDic() throws {
        // The stance rules read IPADIC's parts of speech; under UniDic they would silently mean something else.
        let result = try KijiProcess.run(["run", "stance", try corpus(Self.fixture), "--mecab-dict", "/var/lib/mecab/dic/unidic"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("kiji: plugin 'stance' failed: stance reads IPADIC parts of speech, but this run uses unidic (UniDic) 102 UTF-8; pass --mecab-dict with an IPADIC folder (Debian: /var/lib/mecab/dic/ipadic-utf8)"))
    }

    @Test func filtersKeepDocumentsForEveryCommandAndAreReplayed() throws {
        let path = try corpus(Self.fixture)
        let folder = try temporaryFolder()
        let run = try KijiProcess.run(["run", "documents", path, "--where", "id in a,c", "--until", "2025-01-01", "-o", "\(folder)/d.csv"])
        #expect(run.stderr.hasPrefix("kiji: documents: 1 documents (0 undated) from 1 files (2 more left out by filters), 1 rows in "))
        #expect(try String(contentsOfFile: "\(folder)/d.csv", encoding: .utf8).split(separator: "\n").map { $0.prefix(2) } == ["id", "a,"])
        let manifest = try String(contentsOfFile: "\(folder)/d.csv.manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"filters\" : [\n    \"--where\",\n    \"id in a,c\",\n    \"--until\",\n    \"2025-01-01\"\n  ]"))
        let rerun = try KijiProcess.run(["rerun", "\(folder)/d.csv.manifest.json"])
        #expect(rerun.stdout.contains("output identical to the recorded run"))
        let query = try KijiProcess.run(["query", "return #corpus", path, "--since", "2025-01-01", "--where", "id!=x"])
        #expect(query.stdout == "1\n")
        let typo = try KijiProcess.run(["query", "return #corpus", path, "--where", "idd=a"])
        #expect(typo.stdout == "0\n")
        #expect(typo.stderr.hasPrefix("kiji: warning: --where: no document has the field 'idd' (did you mean 'id'?)"))
        let bad = try KijiProcess.run(["run", "documents", path, "--since", "2025-13-01"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--since '2025-13-01' is not a date like 2025-01-31"))
        let stated = try KijiProcess.run(["query", "return #corpus", "--dates", "stated"])
        #expect(stated.stdout == "16\n")  // the seeds: 41 documents, 16 with a stated date
    }

    @Test func corpusFilterByMetadata() throws {
        let path = try corpus(Self.fixture.replacingOccurrences(of: "\"author\": \"X\"", with: "\"author\": \"X\", \"section\": \"政治\""))
        let result = try KijiProcess.run(["query", "return #corpus:filter{meta = {section = '政治'}} .. ',' .. #corpus:filter{meta = {section = {'政治', '経済'}, id = 'b'}}", path])
        #expect(result.stdout == "1,0\n")
        let typo = try KijiProcess.run(["query", "return #corpus:filter{meta = {sectoin = '政治'}}", path])
        #expect(typo.stdout == "0\n")
        #expect(typo.stderr.hasPrefix("kiji: warning: corpus:filter{meta}: no document has the field 'sectoin' (did you mean 'section'?)"))
        let bad = try KijiProcess.run(["query", "return #corpus:filter{meta = 3}", path])
        #expect(bad.stderr.contains("meta must be a table such as { category = \"sports\" }, not number"))
    }

    @Test func validateTakesParameters() throws {
        let folder = try temporaryFolder()
        try write("doc_id,target,stance\na,中国,neutral\n", to: "\(folder)/gold.csv")
        let result = try KijiProcess.run(["validate", "stance", try corpus(Self.fixture), "--gold", "\(folder)/gold.csv", "--param", "by=none"])
        #expect(result.stdout.hasPrefix("stance against \(folder)/gold.csv: 1 coded pairs, 1 agree (accuracy 1.000, Cohen's kappa -)\n"))
        let wrong = try KijiProcess.run(["validate", "stance", try corpus(Self.fixture), "--gold", "\(folder)/gold.csv", "--param", "by=month"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.hasPrefix("kiji: the plugin's output has no doc_id, target and stance columns (it has: month, target, stance, articles)"))
    }

    func sha256(of path: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: output, as: UTF8.self).prefix(64))
    }
}
