import Foundation
import Testing
import TestSupport

/// The stance plugin and `kiji validate`, end to end on small fixtures.
@Suite struct StanceTests {
    static let fixture = """
        {"id": "neg", "date": "2025-01-10", "title": "論評", "text": "政府は中国を脅威とは見なしていない。"}
        {"id": "pos", "date": "2025-01-20", "title": "報道", "text": "中国の脅威が高まった。"}
        {"id": "double", "date": "2025-03-02", "title": "論評", "text": "中国を脅威と見なさないわけではない。"}
        {"id": "scope", "date": "2025-03-03", "title": "解説", "text": "中国は経済大国だ。脅威が高まる。"}
        {"id": "alliance", "title": "声明", "text": "日米同盟の重要性は変わらない。一方、米側は負担増を要求した。"}
        {"id": "none", "date": "2025-03-04", "title": "天気", "text": "晴れ。"}
        """

    func corpus() throws -> String {
        let path = try temporaryFolder() + "/stance.jsonl"
        try write(Self.fixture, to: path)
        return path
    }

    @Test func negationScopeAndLabels() throws {
        let result = try KijiProcess.run(["run", "stance", try corpus()])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            doc_id,date,target,stance,score,sentences,evidence,holder
            neg,2025-01-10,中国,neutral,0,1,政府は中国を脅威とは見なしていない。,
            neg,2025-01-10,日米同盟,not mentioned,0,0,,
            pos,2025-01-20,中国,threat,2,1,中国の脅威が高まった。,
            pos,2025-01-20,日米同盟,not mentioned,0,0,,
            double,2025-03-02,中国,threat,2,1,中国を脅威と見なさないわけではない。,
            double,2025-03-02,日米同盟,not mentioned,0,0,,
            scope,2025-03-03,中国,neutral,0,1,中国は経済大国だ。,
            scope,2025-03-03,日米同盟,not mentioned,0,0,,
            alliance,,中国,not mentioned,0,0,,
            alliance,,日米同盟,strengthen,1,1,日米同盟の重要性は変わらない。,
            none,2025-03-04,中国,not mentioned,0,0,,
            none,2025-03-04,日米同盟,not mentioned,0,0,,

            """)
    }

    @Test func byMonthCountsArticlesPerLabelOnTheCalendarGrid() throws {
        let lines = try KijiProcess.run(["run", "stance", try corpus(), "--param", "by=month"]).stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "month,target,stance,articles")
        // 3 months plus undated, times (5 China labels + 5 alliance labels).
        #expect(lines.count == 1 + 4 * 10)
        #expect(Array(lines[1...10]) == [
            "2025-01,中国,threat,1", "2025-01,中国,cooperative,0", "2025-01,中国,mixed,0", "2025-01,中国,neutral,1",
            "2025-01,中国,not mentioned,0", "2025-01,日米同盟,strengthen,0", "2025-01,日米同盟,critical,0",
            "2025-01,日米同盟,mixed,0", "2025-01,日米同盟,neutral,0", "2025-01,日米同盟,not mentioned,2",
        ])
        #expect(lines.contains("2025-02,中国,not mentioned,0"))
        #expect(lines.contains("2025-03,中国,threat,1"))
        #expect(lines.contains("2025-03,中国,neutral,1"))
        #expect(lines.contains("2025-03,中国,not mentioned,1"))
        #expect(lines.contains("undated,日米同盟,strengthen,1"))
    }

    @Test func userSchemeWithFlipAndTokenWindow() throws {
        let folder = try temporaryFolder()
        try write("""
            return {
              scope = { window = 3 },
              negation = { auxiliaries = { "ない" }, window = 10 },
              targets = {
                { name = "中国", actors = { "中国" }, labels = {
                  { name = "friend", cues = { "協力する" }, negated = "foe" },
                  { name = "foe", cues = { "非難" } } } },
              },
            }
            """, to: "\(folder)/mine.lua")
        try write("""
            {"id": "a", "title": "", "text": "中国は協力しない。"}
            {"id": "b", "title": "", "text": "中国は協力した。"}
            {"id": "c", "title": "", "text": "中国は長い長い長い議論の末に非難された。"}
            """, to: "\(folder)/c.jsonl")
        let result = try KijiProcess.run(["run", "stance", "\(folder)/c.jsonl", "--param", "scheme=\(folder)/mine.lua"])
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(5).joined(separator: ",") }
        // 協力しない flips to foe; 協力した matches the cue 協力する by base form; 非難 is too far from 中国.
        #expect(rows == ["doc_id,date,target,stance,score", "a,,中国,foe,1", "b,,中国,friend,1", "c,,中国,neutral,0"])
    }

    @Test(arguments: [
        ("return { targets = {} }", "a scheme is a table with a 'targets' list"),
        ("return { targets = { { name = 'x', labels = { { name = 'a' } } } } }", "targets[1] (x) needs 'actors', 'terms' or 'concepts'"),
        ("return { targets = { { name = 'x', concepts = { { terms = { '同盟' } } }, labels = { { name = 'a' } } } } }",
         "targets[1] (x).concepts[1] needs 'with' or 'with_all' (actors the sentence must name), or a 'sequence'"),
        ("return { targets = { { name = 'x', concepts = { { terms = { '同盟' }, with = { '誰' } } }, labels = { { name = 'a' } } } } }",
         "targets[1] (x).concepts[1].with: '誰' is not in the actor dictionary"),
        ("return { targets = { { name = 'x', concepts = { { sequence = { { '日米' } } } }, labels = { { name = 'a' } } } } }",
         "targets[1] (x).concepts[1].sequence must list at least two steps, each a list of strings"),
        ("return { targets = { { name = 'x', terms = { 'x' }, exclude = { '' }, labels = { { name = 'a' } } } } }",
         "targets[1] (x).exclude[1] must be a non-empty string"),
        ("return { dominance = 0.5, targets = { { name = 'x', terms = { 'x' }, labels = { { name = 'a' } } } } }",
         "dominance must be a number of at least 1"),
        ("return { holders = { verbs = { 3 } }, targets = { { name = 'x', terms = { 'x' }, labels = { { name = 'a' } } } } }",
         "holders.verbs[1] must be a non-empty string"),
        ("return { targets = { { name = 'x', terms = { 'x' }, labels = { { name = 'mixed' } } } } }", "'mixed' is reserved"),
        ("return { targets = { { name = 'x', actors = { '誰' }, labels = { { name = 'a' } } } } }", "targets[1] (x).actors: '誰' is not in the actor dictionary"),
        ("return { targets = { { name = 'x', terms = { 'x' }, labels = { { name = 'neutral' } } } } }", "'neutral' is reserved"),
        ("return { targets = { { name = 'x', terms = { 'x' }, labels = { { name = 'a', cues = { 'c' } }, { name = 'b', cues = { 'c' } } } } } }", "'c' is already a cue of a"),
    ])
    func badSchemesAreExplained(source: String, problem: String) throws {
        let folder = try temporaryFolder()
        try write(source, to: "\(folder)/bad.lua")
        let result = try KijiProcess.run(["run", "stance", try corpus(), "--param", "scheme=\(folder)/bad.lua"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(problem), "stderr: \(result.stderr)")
    }

    @Test func missingSchemeFileIsExplained() throws {
        let result = try KijiProcess.run(["run", "stance", try corpus(), "--param", "scheme=/no/such/scheme.lua"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("kiji: parameter 'scheme' of plugin 'stance' names no file: '/no/such/scheme.lua' (relative paths start at "))
    }

    @Test func evidenceIsARealSentenceOfEveryDocument() throws {
        let result = try KijiProcess.run(["run", "stance", "--format", "tsv"])
        let documents = try KijiProcess.run(["run", KijiProcess.repository.appendingPathComponent("Tests/KijiCLITests/Fixtures/raw-text.lua").path])
        var raw: [String: String] = [:]
        for line in documents.stdout.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: "\t", maxSplits: 1).map(String.init)
            raw[cells[0]] = cells[1].replacingOccurrences(of: "\\n", with: "\n")
        }
        var checked = 0
        for line in result.stdout.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var evidence = cells[6]
            if evidence.hasPrefix("\"") { evidence = String(evidence.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") }
            guard !evidence.isEmpty else { continue }
            #expect(raw[cells[0]]?.contains(evidence) == true, "\(cells[0]): \(evidence)")
            #expect(evidence.unicodeScalars.count <= 120)
            checked += 1
        }
        #expect(checked > 40)
    }

    @Test func validateReportsScoresConfusionAndDisagreements() throws {
        let folder = try temporaryFolder()
        try write("""
            doc_id,target,stance
            neg,中国,neutral
            pos,中国,threat
            double,中国,neutral
            scope,中国,threat
            alliance,日米同盟,strengthen
            none,中国,not mentioned
            """, to: "\(folder)/gold.csv")
        let result = try KijiProcess.run(["validate", "stance", try corpus(), "--gold", "\(folder)/gold.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            stance against \(folder)/gold.csv: 6 coded pairs, 4 agree (accuracy 0.667, Cohen's kappa 0.538)

            label          precision  recall  f1     support
            neutral        0.500      0.500   0.500  2
            not mentioned  1.000      1.000   1.000  1
            strengthen     1.000      1.000   1.000  1
            threat         0.500      0.500   0.500  2
            macro avg                         0.750  6

            confusion matrix (rows: gold, columns: stance)
            gold \\ stance  neutral  not mentioned  strengthen  threat
            neutral        1        0              0           1
            not mentioned  0        1              0           0
            strengthen     0        0              1           0
            threat         1        0              0           1

            disagreements (2)
            doc_id  target  gold     stance   evidence
            double  中国    neutral  threat   中国を脅威と見なさないわけではない。
            scope   中国    threat   neutral  中国は経済大国だ。

            """)
    }

    @Test func validateNeedsAMatchingGoldFile() throws {
        let folder = try temporaryFolder()
        try write("doc_id,target,label\nx,中国,threat\n", to: "\(folder)/wrong-columns.csv")
        let columns = try KijiProcess.run(["validate", "stance", try corpus(), "--gold", "\(folder)/wrong-columns.csv"])
        #expect(columns.status == 2)
        #expect(columns.stderr == "kiji: \(folder)/wrong-columns.csv: the gold file needs the columns doc_id,target,stance (missing: stance)\n")
        try write("doc_id,target,stance\nmissing-doc,中国,threat\n", to: "\(folder)/other.csv")
        let other = try KijiProcess.run(["validate", "stance", try corpus(), "--gold", "\(folder)/other.csv"])
        #expect(other.status == 2)
        #expect(other.stderr.hasPrefix("kiji: \(folder)/other.csv: row 1: the plugin gave no label for document 'missing-doc' and target '中国'"))
        let missing = try KijiProcess.run(["validate", "stance", "--gold", "/no/gold.csv"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "kiji: cannot read the gold file '/no/gold.csv'\n")
    }
}
