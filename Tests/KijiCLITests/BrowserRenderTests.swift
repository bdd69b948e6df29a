import Foundation
import Testing
import TestSupport

/// Every bundled plugin's default chart, and an HTML report, rendered in
/// headless Chromium: not blank, Japanese labels in a CJK font and not tofu
/// (scripts/render_check.py says how it decides).
@Suite struct BrowserRenderTests {
    @Test func everyDefaultChartRendersWithJapaneseLabels() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try KijiProcess.run(["list"]).stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        var charts: [String] = []
        // Plugins that need parameters to run at all.
        let parameters = ["keyness": ["--param", "by=year", "--param", "target=2025"]]
        for name in names where !(try KijiProcess.run(["describe", name]).stdout.contains("chart: (none")) {
            let path = "\(folder)/\(name).svg"
            let run = try KijiProcess.run(["run", name, "--chart", path] + (parameters[name] ?? []))
            #expect(run.status == 0, "\(name): \(run.stderr)")
            charts.append(path)
        }
        // The time-series forms of the plugins whose chart follows --param by.
        for name in ["stance", "actor-frequency"] {
            let path = "\(folder)/\(name)-by-month.svg"
            #expect(try KijiProcess.run(["run", name, "--param", "by=month", "--chart", path]).status == 0)
            charts.append(path)
        }
        #expect(charts.count == 10, "charted plugins: \(charts)")
        let report = "\(folder)/stance-report.html"
        #expect(try KijiProcess.run(["run", "stance", "--param", "by=month", "--chart", report]).status == 0)

        let script = try String(contentsOf: repositoryRoot.appendingPathComponent("scripts/render_check.py"), encoding: .utf8)
        let output = try runReferencePython(script, arguments: ["check", folder + "/png"] + charts + [report])
        let lines = output.split(separator: "\n")
        #expect(lines.count == charts.count + 1)
        #expect(lines.allSatisfy { $0.hasPrefix("ok ") }, "\(output)")
    }
}
