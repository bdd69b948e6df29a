import Foundation
import Testing
import TestSupport

/// `-`, `--source` and `--line-offset` end to end: a file piped in parts
/// gives the rows of the whole file, and runs that read standard input are
/// recorded but not rerun.
@Suite struct StandardInputCommandTests {
    /// Twelve articles without ids over three months, with a blank line.
    static let articles = (1...12).map { n in
        "{\"date\": \"2024-0\((n % 3) + 1)-1\(n % 9)\", \"title\": \"記事\(n)\", \"text\": \"日米同盟と\(n % 2 == 0 ? "中国" : "米国")の話。\"}"
    }.joined(separator: "\n") + "\n\n{\"text\": \"日付のない日米同盟。\"}\n"

    @Test func partsPipedWithTheirOffsetsGiveTheRowsOfTheWholeFile() throws {
        let folder = try temporaryFolder()
        let whole = folder + "/news.jsonl"
        try write(Self.articles, to: whole)
        let lines = Self.articles.split(separator: "\n", omittingEmptySubsequences: false)
        try write(lines[..<5].joined(separator: "\n") + "\n", to: folder + "/part1")
        try write(lines[5...].joined(separator: "\n"), to: folder + "/part2")
        let direct = try KijiProcess.run(["run", "documents", "news.jsonl"], in: folder)
        #expect(direct.status == 0)
        let piped = try KijiProcess.shell("""
            "$KIJI" run documents - --source news.jsonl < part1 && "$KIJI" run documents - --source news.jsonl --line-offset 5 < part2 | tail -n +2
            """, in: folder)
        #expect(piped.status == 0)
        #expect(piped.stdout == direct.stdout)
        #expect(direct.stdout.contains("\nnews:14,news.jsonl,,,,,日付のない日米同盟。,10,,false\n"))
        #expect(piped.stderr.contains("kiji: documents: 5 documents (0 undated) from 1 files, 5 rows in "))
    }

    @Test func sourceWithoutStandardInputIsAUsageError() throws {
        let result = try KijiProcess.run(["run", "documents", "--source", "news.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr == "kiji: --source and --line-offset describe standard input; give - as a corpus argument and pipe JSON Lines into kiji\n")
    }

    @Test func aBadLineReportsItsLineInTheWholeFile() throws {
        let result = try KijiProcess.shell("printf '{\"text\": \"a\"}\\nnot json\\n' | \"$KIJI\" run documents - --source a/news.jsonl --line-offset 99")
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("kiji: a/news.jsonl:101: not a JSON object\n"))
    }

    @Test func theManifestRecordsStandardInputAndRerunRefusesIt() throws {
        let folder = try temporaryFolder()
        try write(Self.articles, to: folder + "/news.jsonl")
        let run = try KijiProcess.shell("\"$KIJI\" run mentions-by-month - --source news.jsonl --line-offset 3 -o out.csv < news.jsonl", in: folder)
        #expect(run.status == 0)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/out.csv.manifest.json"))) as? [String: Any]
        #expect(manifest?["corpus_arguments"] as? [String] == ["-"])
        #expect(manifest?["standard_input"] as? [String] == ["--source", "news.jsonl", "--line-offset", "3"])
        let files = manifest?["corpus_files"] as? [[String: Any]]
        let digest = try KijiProcess.shell("sha256sum news.jsonl | cut -c1-64", in: folder).stdout
        #expect(files?.first?["path"] as? String == "-")
        #expect(files?.first?["sha256"] as? String == digest.trimmingCharacters(in: .newlines))
        #expect(files?.first?["documents"] as? Int == 13)
        let rerun = try KijiProcess.run(["rerun", "out.csv.manifest.json"], in: folder)
        #expect(rerun.status == 2)
        #expect(rerun.stderr.hasPrefix("kiji: out.csv.manifest.json: the recorded run read its corpus from standard input, which kiji cannot read again; pipe the same input into: kiji run mentions-by-month - "))
        #expect(rerun.stderr.contains(" --source news.jsonl --line-offset 3 --output "))
    }
}
