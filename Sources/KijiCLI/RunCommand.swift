import ArgumentParser
import Corpus
import Foundation
import PluginHost

/// `kiji run`: runs one plugin over a corpus and writes its CSV.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a plugin over a corpus and write its statistics as CSV.",
        discussion: """
        PLUGIN is a bundled plugin name (see 'kiji list') or the path of a .lua file. CORPUS is any number of files and folders; without one, kiji reads the bundled seeds/.

        The CSV goes to standard output, or to FILE with -o. FILE is written atomically (a temporary file renamed into place), so it is never half-written. A one-line summary (documents read, undated documents, time taken) goes to standard error.

        Examples:
          kiji run mentions-by-month
          kiji run mentions-by-month --param terms=中国,台湾 --param dates=stated
          kiji run documents news.jsonl -o inventory.csv --bom
        """)

    @OptionGroup var invocation: PluginInvocation

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write the CSV to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(name: .customLong("bom"), help: "Start the CSV with a UTF-8 byte-order mark (for Excel on Japanese Windows).")
    var byteOrderMark = false

    func run() throws {
        let outcome = try invocation.execute()
        let csv = CSVWriter(byteOrderMark: byteOrderMark).render(outcome.table)
        try OutputDestination(path: output).write(csv)
        FileHandle.standardError.write(Data((outcome.summary(suffix: output.map { " -> \($0)" } ?? "") + "\n").utf8))
    }
}
