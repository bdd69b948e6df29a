import ArgumentParser
import Foundation
import Morphology
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

    @Option(name: .customLong("cache"), help: ArgumentHelp(
        "Keep documents' MeCab tokens in DIR between runs (default: $XDG_CACHE_HOME/kiji, else ~/.cache/kiji).", valueName: "DIR"))
    var cacheDirectory: String?

    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the token cache.")
    var noCache = false

    @Flag(name: .customLong("cache-stats"), help: "After the run, say how many documents' tokens came from the cache and how many were stored.")
    var cacheStatistics = false

    /// The largest --timeout (a year) and --max-memory (1 TiB) accepted.
    static let maximumTimeout = 366.0 * 24 * 3600
    static let maximumMemoryMB = 1 << 20

    func validate() throws {
        if noCache, cacheDirectory != nil { throw ValidationError("--cache and --no-cache cannot be combined") }
        if cacheDirectory?.isEmpty == true { throw ValidationError("--cache needs a folder") }
        if let timeout, !(timeout.isFinite && timeout > 0 && timeout <= Self.maximumTimeout) {
            throw ValidationError("--timeout must be a positive number of seconds, at most \(Int(Self.maximumTimeout)), not \(timeout)")
        }
        guard maxMemory >= 16, maxMemory <= Self.maximumMemoryMB else {
            throw ValidationError("--max-memory must be between 16 and \(Self.maximumMemoryMB) (megabytes), not \(maxMemory)")
        }
    }

    var limits: ResourceLimits { ResourceLimits(memoryBytes: maxMemory << 20, seconds: timeout) }

    var locator: PluginLocator { PluginLocator(extraDirectories: directories) }

    /// The token cache to use, or nil with --no-cache (or with no home folder to put it in).
    func tokenCache() -> TokenCache? {
        guard !noCache, let directory = cacheDirectory ?? Self.defaultCacheDirectory() else { return nil }
        return TokenCache(directory: directory) { Console.note($0) }
    }

    /// `$XDG_CACHE_HOME/kiji`, else `~/.cache/kiji` (the XDG base directory convention).
    static func defaultCacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let cacheHome = environment["XDG_CACHE_HOME"], cacheHome.hasPrefix("/") { return cacheHome + "/kiji" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.cache/kiji"
    }

    /// The line `--cache-stats` prints after a run.
    func reportCacheStatistics(_ cache: TokenCache?) {
        guard cacheStatistics else { return }
        guard let cache else { return Console.note("kiji: token cache: off") }
        let counts = cache.statistics
        Console.note("kiji: token cache \(cache.directory): \(counts.read) read, \(counts.stored) stored, \(counts.damaged) damaged")
    }
}
