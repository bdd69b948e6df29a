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

    var locator: PluginLocator { PluginLocator(extraDirectories: directories) }
}
