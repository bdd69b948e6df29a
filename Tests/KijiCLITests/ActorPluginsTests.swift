import Foundation
import Testing
import TestSupport

/// actor-frequency, co-mentions and kwic on a small fixture, exact CSV.
@Suite struct ActorPluginsTests {
    static let fixture = """
        {"id": "n1", "date": "2025-01-10", "title": "日米首脳会談", "text": "石破首相はトランプ大統領と会談した。中国の脅威について協議した。"}
        {"id": "n2", "date": "2025-03-05", "title": "防衛相会談", "text": "中谷氏とヘグセス米国防長官が電話会談。米中対立が続く。台湾海峡の安定を確認。"}
        {"id": "n3", "title": "論評", "text": "トランプ氏は中国を批判した。石破茂総理は沈黙。"}
        """

    func run(_ arguments: [String]) throws -> KijiProcess.Result {
        let path = try temporaryFolder() + "/actors.jsonl"
        try write(Self.fixture, to: path)
        let result = try KijiProcess.run(["run"] + arguments.prefix(1) + [path] + arguments.dropFirst())
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return result
    }

    @Test func actorFrequency() throws {
        #expect(try run(["actor-frequency"]).stdout == """
            actor,type,mentions,articles,first_date,last_date
            ドナルド・トランプ,person,2,2,2025-01-10,2025-01-10
            中国,country,2,2,2025-01-10,2025-01-10
            石破茂,person,2,2,2025-01-10,2025-01-10
            ピート・ヘグセス,person,1,1,2025-03-05,2025-03-05
            中谷元,person,1,1,2025-03-05,2025-03-05
            米国,country,1,1,2025-03-05,2025-03-05

            """)
        #expect(try run(["actor-frequency", "--param", "min_mentions=2"]).stdout.split(separator: "\n").count == 4)
    }

    @Test func actorFrequencyByMonthUsesTheCalendarGrid() throws {
        let lines = try run(["actor-frequency", "--param", "by=month", "--param", "min_mentions=2"]).stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "month,actor,type,mentions,articles,first_date,last_date",
            "2025-01,ドナルド・トランプ,person,1,1,2025-01-10,2025-01-10",
            "2025-01,中国,country,1,1,2025-01-10,2025-01-10",
            "2025-01,石破茂,person,1,1,2025-01-10,2025-01-10",
            "2025-02,ドナルド・トランプ,person,0,0,,",
            "2025-02,中国,country,0,0,,",
            "2025-02,石破茂,person,0,0,,",
            "2025-03,ドナルド・トランプ,person,0,0,,",
            "2025-03,中国,country,0,0,,",
            "2025-03,石破茂,person,0,0,,",
            "undated,ドナルド・トランプ,person,1,1,,",
            "undated,中国,country,1,1,,",
            "undated,石破茂,person,1,1,,",
        ])
    }

    @Test func coMentionsBySentence() throws {
        #expect(try run(["co-mentions"]).stdout == """
            actor_a,actor_b,scope,count,jaccard,source
            ドナルド・トランプ,中国,sentence,1,0.25,co-mention
            ドナルド・トランプ,石破茂,sentence,1,0.3333,co-mention
            ピート・ヘグセス,中谷元,sentence,1,1,co-mention
            ピート・ヘグセス,米国,sentence,1,0.3333,co-mention
            中国,米国,sentence,1,0.2,compound
            中谷元,米国,sentence,1,0.3333,co-mention
            日本,米国,sentence,1,0.3333,compound

            """)
    }

    @Test func coMentionsByArticle() throws {
        let lines = try run(["co-mentions", "--param", "scope=article"]).stdout.split(separator: "\n").map(String.init)
        // Articles: n1 {日本, 米国 (compound), 石破茂, トランプ, 中国}, n2 {中谷元, ヘグセス, 米国, 中国 (compound)}, n3 {トランプ, 中国, 石破茂}.
        #expect(lines[1] == "ドナルド・トランプ,中国,article,2,0.6667,co-mention")
        #expect(lines[2] == "ドナルド・トランプ,石破茂,article,2,1,co-mention")
        #expect(lines[3] == "中国,石破茂,article,2,0.6667,co-mention")
        #expect(lines.contains("中国,米国,article,1,0.25,compound"))
        #expect(lines.contains("日本,米国,article,1,0.5,compound"))
    }

    @Test func kwicForAnActorUnderAllItsNames() throws {
        #expect(try run(["kwic", "--param", "actor=石破", "--param", "window=5"]).stdout == """
            doc_id,date,left,match,right
            n1,2025-01-10,首脳会談 ,石破,首相はトラ
            n3,,批判した。,石破茂,総理は沈黙

            """)
    }

    @Test func kwicForATerm() throws {
        #expect(try run(["kwic", "--param", "term=中国", "--param", "window=3"]).stdout == """
            doc_id,date,left,match,right
            n1,2025-01-10,した。,中国,の脅威
            n3,,プ氏は,中国,を批判

            """)
    }

    @Test func kwicNeedsTermOrActor() throws {
        let path = try temporaryFolder() + "/a.jsonl"
        try write(Self.fixture, to: path)
        // Bad parameter values are usage errors: exit 2, one line, before the corpus is read.
        let neither = try KijiProcess.run(["run", "kwic", path])
        #expect(neither.status == 2)
        #expect(neither.stderr == "kiji: plugin 'kwic': give exactly one of --param term=… or --param actor=…\n")
        let both = try KijiProcess.run(["run", "kwic", path, "--param", "term=a", "--param", "actor=石破茂"])
        #expect(both.status == 2)
        let unknown = try KijiProcess.run(["run", "kwic", path, "--param", "actor=誰か"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "kiji: plugin 'kwic': actor '誰か' is not in the dictionary\n")
        let negative = try KijiProcess.run(["run", "kwic", path, "--param", "term=a", "--param", "window=-1"])
        #expect(negative.status == 2)
        #expect(negative.stderr == "kiji: parameter 'window' of plugin 'kwic' must be at least 0, not '-1'\n")
        let noFile = try KijiProcess.run(["run", "kwic", path, "--param", "actor=石破茂", "--param", "dictionary=/no/such.lua"])
        #expect(noFile.status == 2)
        #expect(noFile.stderr.hasPrefix("kiji: parameter 'dictionary' of plugin 'kwic' names no file: '/no/such.lua' (relative paths start at "))
    }

    @Test func actorFrequencyOnTheSeedsFindsTheMainActors() throws {
        let result = try KijiProcess.run(["run", "actor-frequency"])
        let rows = Dictionary(uniqueKeysWithValues: result.stdout.split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (cells[0], Int(cells[2])!)
        })
        for name in ["石破茂", "ドナルド・トランプ", "ピート・ヘグセス", "中谷元", "高市早苗", "小泉進次郎", "岸田文雄", "岩屋毅", "木原稔",
                     "ジョー・バイデン", "日本", "米国", "中国", "北朝鮮", "ロシア", "台湾", "フィリピン", "韓国", "オーストラリア",
                     "ウクライナ", "NATO", "自衛隊", "米軍", "防衛省", "外務省"] {
            #expect((rows[name] ?? 0) > 0, "\(name) not found")
        }
        #expect(rows["ドナルド・トランプ"]! >= 50)
    }
}
