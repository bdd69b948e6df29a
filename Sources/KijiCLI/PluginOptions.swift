import ArgumentParser
import Foundation
import PluginHost

/// Options shared by the commands that look up plugins.
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("plugins"), help: ArgumentHelp(
        "Also look for plugins in DIR (before KIJI_PLUGIN_PATH and the bundled plugins/). Repeatable.",
        valueName: "DIR"))
    var directories: [String] = []

    @Option(name: .customLong("mecab-dict"), help: ArgumentHelp(
        "The MeCab dictionary folder (default: KIJI_MECAB_DICT, then mecab-config --dicdir and Debian's mecab-ipadic-utf8).",
        valueName: "DIR"))
    var mecabDictionary: String?

    @Option(name: .customLong("timeout"), help: ArgumentHelp(
        "Stop a plugin or query whose Lua code runs longer than SECONDS (default: no limit).", valueName: "SECONDS"))
    var timeout: Double?

    @Option(name: .customLong("max-memory"), help: ArgumentHelp(
        "Stop a plugin or query whose Lua code needs more than MB megabytes (default: 4096).", valueName: "MB"))
    var maxMemory: Int = 4096

    func validate() throws {
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
        if maxMemory < 16 { throw ValidationError("--max-memory must be at least 16 (megabytes)") }
    }

    var limits: ResourceLimits { ResourceLimits(memoryBytes: maxMemory << 20, seconds: timeout) }

    var locator: PluginLocator { PluginLocator(extraDirectories: directories) }
}
