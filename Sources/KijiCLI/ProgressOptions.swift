import ArgumentParser
import Foundation
import ProcessSupport
import PluginHost

/// `--quiet`, and the progress line kiji draws on a terminal.
struct ProgressOptions: ParsableArguments {
    @Flag(name: .customLong("quiet"), help: "No progress line on the terminal (it never appears when standard error is not a terminal).")
    var quiet = false

    /// A meter drawing to standard error, or nil when stderr is not a
    /// terminal or --quiet is given. `KIJI_PROGRESS_DELAY` (seconds, default
    /// 1) sets how long a run goes before the line appears.
    func meter(name: String, total: Int) -> ProgressMeter? {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
        let delay = ProcessInfo.processInfo.environment["KIJI_PROGRESS_DELAY"].flatMap(Double.init).map { max(0, $0) } ?? 1
        return ProgressMeter(total: total, delay: delay) { line in
            StandardStreams.writeError("\r\u{1B}[2Kkiji: \(name): \(line)")
        }
    }

    /// Clears the line a meter drew, so the summary line starts clean.
    static func clear(_ meter: ProgressMeter?) {
        if meter?.hasDrawn == true { StandardStreams.writeError("\r\u{1B}[2K") }
    }
}
