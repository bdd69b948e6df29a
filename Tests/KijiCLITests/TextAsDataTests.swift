import Foundation
import Testing
import TestSupport

/// The text-as-data plugins (word-frequency, ngrams, collocations, keyness,
/// tfidf, dfm) against independent Python references, on a small fixture
/// with a category field.
@Suite struct TextAsDataTests {
    let corpus = KijiProcess.repository.appendingPathComponent("Tests/KijiCLITests/Fixtures/text-as-data.jsonl").path
    let dumpScript = KijiProcess.repository.appendingPathComponent("Tests/KijiCLITests/Fixtures/token-dump.lua").path

    /// Runs kiji, expecting success; returns standard output.
    func kiji(_ arguments: [String]) throws -> String {
        let result = try KijiProcess.run(arguments)
        #expect(result.status == 0, "kiji \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// Writes the token dump (with the given filter) and kiji's output of
    /// `arguments`, then runs `script` on them with `extra` arguments.
    func reference(_ script: String, run arguments: [String], dumpParameters: [String] = [], extra: [String] = []) throws -> String {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write(try kiji(["query", "-f", dumpScript, corpus] + dumpParameters), to: folder + "/dump.csv")
        try write(try kiji(arguments), to: folder + "/output.csv")
        return try runReferencePython(script, arguments: [folder + "/dump.csv", folder + "/output.csv"] + extra)
    }

    @Test func wordFrequencyMatchesPythonCounts() throws {
        let result = try reference(TextAsDataReferences.wordFrequency,
                                   run: ["run", "word-frequency", corpus, "--param", "by=category"])
        #expect(result == "ok\n")
    }

    @Test(arguments: [2, 4]) func ngramsMatchPythonCounts(n: Int) throws {
        let result = try reference(TextAsDataReferences.ngrams,
                                   run: ["run", "ngrams", corpus, "--param", "by=category", "--param", "n=\(n)"],
                                   dumpParameters: ["--param", "pos=*", "--param", "exclude_pos=記号"], extra: [String(n)])
        #expect(result == "ok\n")
    }

    @Test func tfidfPerGroupMatchesNumPy() throws {
        let result = try reference(TextAsDataReferences.tfidfGroups,
                                   run: ["run", "tfidf", corpus, "--param", "unit=group", "--param", "by=category", "--param", "top=0"])
        #expect(result == "ok\n")
    }

    @Test func keynessMatchesQuantedaFormulasAndSciPy() throws {
        let result = try reference(TextAsDataReferences.keyness,
                                   run: ["run", "keyness", corpus, "--param", "by=category", "--param", "target=政治"])
        #expect(result == "ok\n")
    }

    @Test(arguments: [2, 3]) func collocationsMatchQuantedaAlgorithm(size: Int) throws {
        let symbols = ["--param", "pos=*", "--param", "exclude_pos=記号"]
        let result = try reference(TextAsDataReferences.collocations,
                                   run: ["run", "collocations", corpus, "--param", "size=\(size)"],
                                   dumpParameters: symbols, extra: [String(size)])
        #expect(result == "ok\n")
    }

    @Test func tfidfMatchesScikitLearn() throws {
        let result = try reference(TextAsDataReferences.tfidf,
                                   run: ["run", "tfidf", corpus, "--param", "scheme=count-ln-smooth", "--param", "top=0"])
        #expect(result == "ok\n")
    }

    /// Exact words, words spelt by several tokens (日米同盟), wildcards within
    /// one token, a full-width entry and a word in two categories.
    @Test func dictionaryMatchesTheDocumentedMatching() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let categories: [(String, [String])] = [
            ("同盟", ["日米同盟", "同盟", "日米韓"]), ("経済", ["物価", "賃*", "円?", "ＧＤＰ"]),
            ("中国", ["中国", "中国経済"]), ("動き", ["する", "続く", "確認*"]),
        ]
        try write(categories.map { "\($0.0): [\($0.1.joined(separator: ", "))]\n" }.joined(), to: folder + "/d.yml")
        let json = "{" + categories.map { "\"\($0.0)\": [" + $0.1.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
            .joined(separator: ", ") + "}"
        let dump = """
            local rows = { columns = { "doc_id", "category", "surface", "base" } }
            for doc in corpus:documents() do
              for _, t in ipairs(doc:tokens()) do
                rows[#rows + 1] = { doc_id = doc.id, category = doc.meta.category or "(missing)", surface = t.surface, base = t.base }
              end
            end
            return rows
            """
        try write(try kiji(["query", dump, corpus]), to: folder + "/dump.csv")
        try write(try kiji(["run", "dictionary", corpus, "--param", "dictionary=\(folder)/d.yml", "--param", "by=category"]),
                  to: folder + "/output.csv")
        let result = try runReferencePython(TextAsDataReferences.dictionary,
                                            arguments: [folder + "/dump.csv", folder + "/output.csv", json])
        #expect(result == "ok\n")
    }

    @Test func dfmReadsBackWithSciPy() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let table = try kiji(["run", "dfm", corpus, "--param", "format=mtx", "--output-dir", folder + "/dfm"])
        #expect(table.hasPrefix("file,rows,columns,entries\nmatrix.mtx,8,"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder + "/dfm").sorted()
        #expect(leftovers == ["docvars.csv", "features.csv", "matrix.mtx"])
        let result = try reference(TextAsDataReferences.dfm, run: ["run", "dfm", corpus], extra: [folder + "/dfm"])
        #expect(result == "ok\n")
    }

    @Test func dfmWithoutOutputDirIsAUsageError() throws {
        let result = try KijiProcess.run(["run", "dfm", corpus, "--param", "format=mtx"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("plugin 'dfm' writes files (matrix.mtx, features.csv, docvars.csv); give --output-dir DIR"))
        #expect(result.stdout.isEmpty)
    }

    @Test func theManifestRecordsTheFilesAndRerunWritesThemAgain() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try kiji(["run", "dfm", corpus, "--param", "format=mtx", "--output-dir", folder + "/dfm", "-o", folder + "/files.csv"])
        let manifest = try String(contentsOfFile: folder + "/files.csv.manifest.json", encoding: .utf8)
        let matrix = try Data(contentsOf: URL(fileURLWithPath: folder + "/dfm/matrix.mtx"))
        let sha = try runReferencePython("import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], 'rb').read()).hexdigest())",
                                         arguments: [folder + "/dfm/matrix.mtx"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(manifest.contains("\"output_directory\" : \"\(folder)/dfm\""))
        #expect(manifest.contains("\"path\" : \"\(folder)/dfm/matrix.mtx\",\n      \"sha256\" : \"\(sha)\""))
        try FileManager.default.removeItem(atPath: folder + "/dfm")
        _ = try kiji(["rerun", folder + "/files.csv.manifest.json"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/dfm/matrix.mtx")) == matrix)
    }

    @Test func aFailedFileWriteLeavesNothingHalfWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A folder where matrix.mtx should go: refused before anything is written.
        try FileManager.default.createDirectory(atPath: folder + "/dfm/matrix.mtx", withIntermediateDirectories: true)
        let result = try KijiProcess.run(["run", "dfm", corpus, "--param", "format=mtx", "--output-dir", folder + "/dfm"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write '\(folder)/dfm/matrix.mtx': it is a folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/dfm") == ["matrix.mtx"])
        let onAFile = try KijiProcess.run(["run", "dfm", corpus, "--param", "format=mtx", "--output-dir", corpus])
        #expect(onAFile.status == 2)
        #expect(onAFile.stderr.contains("--output-dir \(corpus) is a file; give a folder"))
    }

    @Test func misspeltFieldWarnsWithTheNearestField() throws {
        let result = try KijiProcess.run(["run", "word-frequency", corpus, "--param", "by=categry", "--param", "top=1"])
        #expect(result.status == 0)
        #expect(result.stderr.contains(
            "warning: by=categry: no document has the metadata field 'categry'; did you mean 'category'? (fields: category)"))
        #expect(result.stdout == "categry,term,tf,df,tokens_total,documents_total\n(missing),中国,6,3,97,8\n")
    }

    @Test func byCategoryWorksForEveryBundledPluginWithBy() throws {
        let required = ["dictionary": ["--param", "dictionary=dictionaries/politics.yml"], "kwic": ["--param", "term=日"]]
        for plugin in ["mentions-by-month", "actor-frequency", "co-mentions", "stance", "word-frequency", "ngrams", "collocations", "dfm",
                       "dictionary", "kwic", "documents"] {
            let output = try kiji(["run", plugin, corpus, "--param", "by=category"] + (required[plugin] ?? []))
            #expect(output.hasPrefix("category,"), "\(plugin): \(output.prefix(80))")
            #expect(output.contains("\n経済,") && output.contains("\n(missing),"), "\(plugin)")
        }
        let tfidf = try kiji(["run", "tfidf", corpus, "--param", "unit=group", "--param", "by=category,month", "--param", "top=1"])
        #expect(tfidf.hasPrefix("category,month,term,tf,df,units_total,idf,tfidf,scheme\n"))
    }

    @Test func keynessNamesTheGroupsWhenTheTargetIsUnknown() throws {
        let result = try KijiProcess.run(["run", "keyness", corpus, "--param", "by=category", "--param", "target=社会"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("target '社会' is not a group of by=category (groups: 国際, 政治, 経済, (missing))"))
    }

    /// Lua integers wrap at 2^63: the product of the four margins of a corpus
    /// of a million tokens is negative in integers, and association.lua must give the float result.
    @Test func statisticsUseFloatsNotWrappingIntegers() throws {
        let query = """
        local association = require("association")
        local a, b, c, d = 300000, 100000, 200000, 400000
        return { wrapped = (a + b) * (c + d) * (a + c) * (b + d) < 0, chi2 = association.chi2(a, b, c, d, false) }
        """
        let output = try kiji(["query", query])
        let chi2 = try runReferencePython("""
        a, b, c, d = 3e5, 1e5, 2e5, 4e5
        N = a + b + c + d
        print(repr(N * (a * d - b * c) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))))
        """).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(output == "key,value\nchi2,\(chi2)\nwrapped,true\n")
    }
}
