import ArgumentParser
import Foundation
import PluginHost

/// `kiji list`: the available plugins with one-line descriptions.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the available plugins with their descriptions.",
        discussion: "Plugins come from --plugins folders, then KIJI_PLUGIN_PATH, then the bundled plugins/ folder.")

    @OptionGroup var pluginOptions: PluginOptions

    func run() throws {
        let plugins = pluginOptions.locator.availablePlugins()
        guard !plugins.isEmpty else {
            throw KijiFailure.usage("no plugins found (searched: \(pluginOptions.locator.directories.joined(separator: ", ")))")
        }
        let width = plugins.map(\.name.count).max() ?? 0
        for plugin in plugins {
            let description: String
            do {
                description = try PluginRunner(path: plugin.path, moduleDirectories: pluginOptions.locator.directories, limits: pluginOptions.limits).description
            } catch {
                description = "(cannot load: \(String(describing: error).split(separator: "\n").first ?? ""))"
            }
            try Console.print(plugin.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + description)
        }
    }
}
