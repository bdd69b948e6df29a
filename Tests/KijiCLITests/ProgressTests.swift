import Foundation
import Testing
import TestSupport

/// The progress line: on a terminal (a pseudo-terminal from util-linux's
/// `script`), never in pipes or files, and not with --quiet.
@Suite struct ProgressTests {
    /// Runs kiji under `script`, so its standard error is a terminal; returns what the terminal showed.
    func onTerminal(_ arguments: [String]) throws -> String {
        let command = ([KijiProcess.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let result = try KijiProcess.run(["-qec", command, "/dev/null"], environment: ["KIJI_PROGRESS_DELAY": "0"],
                                         program: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(result.status == 0)
        return result.stdout
    }

    @Test func showsOnATerminalAndClearsBeforeTheSummary() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let shown = try onTerminal(["run", "stance", "-o", "\(folder)/s.csv"])
        #expect(shown.contains("\r\u{1B}[2Kkiji: stance: 41/41 documents, "))
        #expect(shown.contains(" docs/s"))
        let summary = try #require(shown.components(separatedBy: "\r\u{1B}[2K").last)
        #expect(summary.hasPrefix("kiji: stance: 41 documents (20 undated) from 5 files, MeCab ipadic-utf8 (IPADIC) 102 UTF-8, 82 rows in "))
        let quiet = try onTerminal(["run", "stance", "-o", "\(folder)/s.csv", "--quiet"])
        #expect(!quiet.contains("docs/s") && !quiet.contains("\u{1B}"))
        #expect(quiet.hasPrefix("kiji: stance: 41 documents (20 undated) from 5 files, MeCab ipadic-utf8 (IPADIC) 102 UTF-8, 82 rows in "))
    }

    @Test func neverInPipesOrFiles() throws {
        let result = try KijiProcess.run(["run", "mentions-by-month"], environment: ["KIJI_PROGRESS_DELAY": "0"])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("\r") && !result.stderr.contains("docs/s"))
        #expect(result.stderr.hasPrefix("kiji: mentions-by-month: 41 documents (20 undated) from 5 files, 125 rows in "))
    }
}
