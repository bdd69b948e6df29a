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
        "Stop a plugin or query whose Lua code needs more than MB megabytes.", valueName: "MB"))
    var maxMemory: Int = 4096

    /// The largest --timeout (a year) and --max-memory (1 TiB) accepted.
    static let maximumTimeout = 366.0 * 24 * 3600
    static let maximumMemoryMB = 1 << 20

    func validate() throws {
        if let timeout, !(timeout.isFinite && timeout > 0 && timeout <= Self.maximumTimeout) {
            throw ValidationError("--timeout must be a positive number of seconds, at most \(Int(Self.maximumTimeout)), not \(timeout)")
        }
        guard maxMemory >= 16, maxMemory <= Self.maximumMemoryMB else {
            throw ValidationError("--max-memory must be between 16 and \(Self.maximumMemoryMB) (megabytes), not \(maxMemory)")
        }
    }

    var limits: ResourceLimits { ResourceLimits(memoryBytes: maxMemory << 20, seconds: timeout) }

    var locator: PluginLocator { PluginLocator(extraDirectories: directories) }
}
