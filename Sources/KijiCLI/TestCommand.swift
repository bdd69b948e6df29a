import ArgumentParser
import Foundation
import PluginHost

/// `kiji test`: runs plugins' self-tests.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the self-tests of plugins and report 'N passed, N failed'.",
        discussion: """
        A plugin carries tests in a 'tests' field or in a sibling NAME_test.lua that returns a list of them. Each test is a table: { name = "…", params = { key = "value" }, documents = { { id =, date =, title =, text = }, … }, rows = { { column = value, … }, … } }. The plugin runs on the documents; it must produce exactly as many rows, and every listed column must hold the listed value (compared as text).

        Without an argument, kiji tests every plugin in the plugin folders. An argument is a plugin name, a .lua file or a folder of plugins. Exit code 1 when a test fails.
        """)

    @Argument(help: ArgumentHelp("Plugins or folders to test (default: every plugin found).", valueName: "PLUGIN|DIR"))
    var targets: [String] = []

    @OptionGroup var pluginOptions: PluginOptions
    @OptionGroup var jobsOption: JobsOption

    func run() throws {
        let locator = pluginOptions.locator
        var files: [String] = []
        if targets.isEmpty {
            files = locator.availablePlugins().map(\.path)
        }
        for target in targets {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
                files += PluginLocator(extraDirectories: [target], environment: [:], includeBundled: false).availablePlugins().map(\.path)
            } else {
                do { files.append(try locator.resolve(target)) } catch let error as PluginUsageError { throw KijiFailure.usage(error.description) }
            }
        }
        var passed = 0, failed = 0
        for file in files {
            let runner: PluginRunner
            let cases: [PluginTestCase]
            do {
                runner = try PluginRunner(path: file, moduleDirectories: locator.directories, mecabDictionary: pluginOptions.mecabDictionary, limits: pluginOptions.limits)
                runner.jobs = jobsOption.count
                cases = try runner.testCases()
            } catch {
                try Console.print("\(file): cannot load the tests: \(error)")
                failed += 1
                continue
            }
            if cases.isEmpty { try Console.print("\(runner.name): no tests") }
            for test in cases {
                let outcome = runner.run(test)
                if outcome.passed {
                    passed += 1
                    try Console.print("ok      \(runner.name): \(outcome.name)")
                } else {
                    failed += 1
                    try Console.print("FAILED  \(runner.name): \(outcome.name)")
                    for failure in outcome.failures { try Console.print("        \(failure)") }
                }
            }
        }
        try Console.print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}
