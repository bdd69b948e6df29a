import ArgumentParser
import Foundation
import ProcessSupport

/// The `kiji` command: runs Lua analysis plugins over a news corpus.
public struct Kiji: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kiji",
        abstract: "Analyse a corpus of news articles with Lua plugins; statistics come out as tidy CSV.",
        discussion: """
        Examples:
          kiji list
          kiji run mentions-by-month
          kiji run mentions-by-month news.jsonl --param terms=中国,台湾 -o out.csv
          kiji run my-plugin.lua corpus/

        Corpus inputs are plain text (.txt, the layouts of the bundled seeds/), JSON Lines (.jsonl, .ndjson) and CSV (.csv), in UTF-8, CP932 or EUC-JP. A folder loads every such file below it, in sorted order.

        Exit codes: 0 success, 1 plugin or runtime error, 2 usage or input error.

        Lua API reference: docs/lua-api.md. Commands and flags: docs/cli.md.
        """,
        version: "0.1.0",
        subcommands: [ListCommand.self, RunCommand.self, MergeCommand.self, QueryCommand.self, ImportCommand.self, InfoCommand.self, DescribeCommand.self, TestCommand.self, ValidateCommand.self, AgreeCommand.self, RerunCommand.self, ChartCommand.self]
    )

    public init() {}

    /// Parses `arguments`, runs the command and returns the process exit code.
    public static func execute(_ arguments: [String]) -> Int32 {
        // Lua compares strings with strcoll and formats numbers with the C
        // locale; fixing it keeps sorting and CSV identical on every machine.
        setlocale(LC_ALL, "C")
        StandardStreams.prepare()
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let error as KijiFailure {
            Console.note("kiji: \(error.message)")
            return error.exitCode
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                do { try Console.print(message) } catch { return 1 }
                return 0
            }
            if !message.isEmpty { Console.note(message) }
            // ArgumentParser uses EX_USAGE (64) for usage errors; kiji's contract is 2.
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}

/// A failure with kiji's exit code: 1 for plugin or runtime errors, 2 for
/// usage or input errors.
struct KijiFailure: Error {
    let message: String
    let exitCode: Int32

    static func usage(_ message: String) -> KijiFailure { KijiFailure(message: message, exitCode: 2) }
    static func runtime(_ message: String) -> KijiFailure { KijiFailure(message: message, exitCode: 1) }
}
