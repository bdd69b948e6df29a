import ArgumentParser
import Foundation
import PluginHost
import Text

/// `kiji describe`: what a plugin does, takes and produces.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Show a plugin's description, parameters (defaults, choices, help), output columns and tests.")

    @Argument(help: ArgumentHelp("A bundled plugin name or a path to a .lua file.", valueName: "PLUGIN"))
    var plugin: String

    @OptionGroup var pluginOptions: PluginOptions

    func run() throws {
        let locator = pluginOptions.locator
        let runner: PluginRunner
        let tests: Int
        do {
            runner = try PluginRunner(path: try locator.resolve(plugin), moduleDirectories: locator.directories, limits: pluginOptions.limits)
            tests = try runner.testCases().count
        } catch let error as PluginUsageError {
            throw KijiFailure.usage(error.description)
        } catch let error as PluginError {
            throw KijiFailure.runtime(error.description)
        }
        var text = "\(runner.name)\n  \(runner.description)\n  file: \(runner.path)\n\nparameters:\n"
        if runner.parameters.isEmpty {
            text += "  (none)\n"
        } else {
            var rows = [["  name", "type", "default", "allowed", "help"]]
            for p in runner.parameters {
                let allowed = [p.choices?.joined(separator: "|") ?? "", p.constraints].filter { !$0.isEmpty }.joined(separator: "; ")
                rows.append(["  " + p.name, p.type.rawValue, p.defaultValue.map { $0.isEmpty ? "\"\"" : $0 } ?? "(none)",
                             allowed, p.help])
            }
            text += DisplayWidth.table(rows)
        }
        text += "\ncolumns: "
        text += runner.columnsDependOnParameters
            ? "depend on the parameters (default: \(try defaultColumns(runner)))\n"
            : runner.outputColumns.joined(separator: ",") + "\n"
        text += "chart: \(try ChartDescription.text(runner))\n"
        text += "tests: \(tests) (run them with 'kiji test \(plugin)')\n"
        try Console.print(text, terminator: "")
    }

    private func defaultColumns(_ runner: PluginRunner) throws -> String {
        (try? runner.columns(for: [:]))?.joined(separator: ",") ?? "?"
    }
}
