import ArgumentParser
import Foundation
import PluginHost

/// `--jobs N`: how many workers a map-form plugin runs in.
struct JobsOption: ParsableArguments {
    @Option(name: .customLong("jobs"), help: ArgumentHelp(
        "Run a map-form plugin in N workers, each with its own Lua state (default: the number of active cores; 1 runs in one). The output is the same for any N.",
        valueName: "N"))
    var jobs: Int?

    func validate() throws {
        if let jobs, !(1...PluginRunner.maximumJobs).contains(jobs) {
            throw ValidationError("--jobs must be between 1 and \(PluginRunner.maximumJobs), not \(jobs)")
        }
    }

    /// The workers to use: --jobs, or the active cores.
    var count: Int {
        jobs ?? min(max(1, ProcessInfo.processInfo.activeProcessorCount), PluginRunner.maximumJobs)
    }

    /// The option as arguments, for commands that run another command.
    var arguments: [String] { jobs.map { ["--jobs", String($0)] } ?? [] }
}
