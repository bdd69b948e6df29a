import Foundation
import Testing
import TestSupport

/// The four patterns of stance errors the bundled scheme now handles, on
/// sentences written for these tests (not taken from the seeds).
@Suite struct StanceRulesTests {
    static let fixture = """
        {"id": "c1", "title": "", "text": "防衛相は同盟国である米国との連携をさらに強化すると述べた。"}
        {"id": "c2", "title": "", "text": "日米の安全保障協力を一段と深化させる方針だ。"}
        {"id": "c3", "title": "", "text": "日本、オーストラリア、米国の3カ国は結束を強化した。"}
        {"id": "c4", "title": "", "text": "日米同時発売の新作ゲームが好調だ。"}
        {"id": "c5", "title": "", "text": "この戦国ゲームでは武将と同盟を結び、勢力を強化する。"}
        {"id": "c6", "title": "", "text": "ドコモは中国エリアの店舗で新機種の体験会を開く。"}
        {"id": "r1", "title": "", "text": "来週の首脳会談では日米同盟の協力が焦点となる。"}
        {"id": "r2", "title": "", "text": "両首脳は日米同盟の再確認を見据える。"}
        {"id": "r3", "title": "", "text": "来月の会合では中国との交流が議題となる見通しだ。"}
        {"id": "r4", "title": "", "text": "来週の首脳会談では日米同盟の強化が焦点となる。"}
        {"id": "m1", "title": "", "text": "中国の威圧は続くが、中国との対話も進んだ。"}
        {"id": "m2", "title": "", "text": "中国との対話は進んだが、中国の威圧も続く。"}
        {"id": "m3", "title": "", "text": "日米同盟の強化で一致したが、米側は負担増を求めた。"}
        {"id": "h1", "title": "", "text": "外務省は中国の威圧的な行動を強く批判した。"}
        {"id": "h2", "title": "", "text": "中国外務省の反発に対し、防衛相は日米同盟の重要性を強調した。"}
        {"id": "h3", "title": "", "text": "日米同盟の深化は欠かせない=官房長官"}
        {"id": "h4", "title": "", "text": "日米同盟の強化が進む。"}
        {"id": "h5", "title": "", "text": "日米同盟の強化を確認した=https://example.jp/?id=1"}
        {"id": "h6", "title": "", "text": "✅ 政府は日米同盟の重要性を強調した。"}
        """

    func run(_ extra: [String] = []) throws -> [String] {
        let path = try temporaryFolder() + "/patterns.jsonl"
        try write(Self.fixture, to: path)
        let result = try KijiProcess.run(["run", "stance", path, "--format", "tsv"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// doc_id, target, stance, score, holder of every row where the target occurs.
    func labels() throws -> [String] {
        var rows: [String] = []
        for line in try run().dropFirst() {
            let cells: [String] = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells[3] != "not mentioned" else { continue }
            rows.append([cells[0], cells[2], cells[3], cells[4], cells[7]].joined(separator: " "))
        }
        return rows
    }

    @Test func conceptTargetsFindTheAllianceWithoutItsName() throws {
        let rows = try labels()
        // 同盟国 beside 米国; 日米 + 安全保障 + 協力; 結束 of a group naming Japan and the US.
        #expect(rows.filter { $0.hasPrefix("c") } == [
            "c1 日米同盟 strengthen 3 防衛相",
            "c2 日米同盟 strengthen 3 ",
            "c3 日米同盟 strengthen 4 ",
        ])
        // 日米同時発売, an alliance of warlords and 中国エリア (the Chūgoku region) are no mentions:
        // c4–c6 have no row above, for either target.
    }

    @Test func reportedTopicsAreNeutralUnlessTheyCarryAnEvaluativeCue() throws {
        let rows = try labels()
        #expect(rows.filter { $0.hasPrefix("r") } == [
            "r1 日米同盟 neutral 0 ",      // …の協力が焦点: a topic, not an evaluation
            "r2 日米同盟 neutral 0 ",      // …の再確認を見据える
            "r3 中国 neutral 0 ",          // …との交流が議題となる見通し
            "r4 日米同盟 strengthen 2 ",   // 強化 evaluates even on an agenda
        ])
    }

    @Test func opposingCuesAreMixedWhicheverComesFirst() throws {
        let rows = try labels()
        #expect(rows.filter { $0.hasPrefix("m") } == [
            "m1 中国 mixed 0 ",
            "m2 中国 mixed 0 ",
            "m3 日米同盟 mixed 0 米側",   // 強化 + 一致 (3) against 負担増 (2): no twofold lead
        ])
    }

    @Test func holdersAreTheSubjectsOfReportingVerbsOrTheQuotedSpeaker() throws {
        let rows = try labels()
        #expect(rows.filter { $0.hasPrefix("h") } == [
            "h1 中国 threat 3 外務省",
            "h2 中国 threat 1 防衛相",          // the speaker of 強調, not the ministry whose 反発 it answers
            "h2 日米同盟 strengthen 1 防衛相",
            "h3 日米同盟 strengthen 2 官房長官",  // 「…」=官房長官
            "h4 日米同盟 strengthen 2 ",         // no speaker named
            "h5 日米同盟 strengthen 3 ",         // "=1" ends a URL, it names no speaker
            "h6 日米同盟 strengthen 1 政府",     // a bullet symbol is no part of the name
        ])
    }

    @Test func byHolderCountsArticlesPerHolderTargetAndStance() throws {
        let rows = try run(["--param", "by=holder"]).map { $0.replacingOccurrences(of: "\t", with: ",") }
        #expect(rows.first == "holder,target,stance,articles")
        // 6 holders (5 named, then unattributed) × (4 + 4 labels other than "not mentioned").
        #expect(rows.count == 1 + 6 * 8)
        #expect(rows.filter { !$0.hasSuffix(",0") }.dropFirst() == [
            "外務省,中国,threat,1",
            "官房長官,日米同盟,strengthen,1",
            "政府,日米同盟,strengthen,1",
            "米側,日米同盟,mixed,1",
            "防衛相,中国,threat,1",
            "防衛相,日米同盟,strengthen,2",
            "unattributed,中国,mixed,2",
            "unattributed,中国,neutral,1",
            "unattributed,日米同盟,strengthen,5",
            "unattributed,日米同盟,neutral,2",
        ])
    }
}
