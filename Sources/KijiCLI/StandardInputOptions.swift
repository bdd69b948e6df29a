import ArgumentParser
import Corpus
import Foundation

/// `--source` and `--line-offset`: how JSON Lines read from standard input
/// (the corpus argument `-`) name themselves, so that a part of a split
/// file gives the ids, sources and line numbers of the whole file.
struct StandardInputOptions: ParsableArguments {
    @Option(name: .customLong("source"), help: ArgumentHelp(
        "With the corpus argument -: the file name the documents read from standard input give as their source; their default ids are its name without extension, then :LINE (default: stdin).",
        valueName: "NAME"))
    var source: String?

    @Option(name: .customLong("line-offset"), help: ArgumentHelp(
        "With the corpus argument -: how many lines of the whole file come before standard input's first line (default: 0).",
        valueName: "N"))
    var lineOffset: Int?

    func validate() throws {
        if let lineOffset, !(0...JSONLinesReader.maximumLineOffset).contains(lineOffset) {
            throw ValidationError("--line-offset must be between 0 and \(JSONLinesReader.maximumLineOffset), not \(lineOffset)")
        }
        if let source, source.isEmpty || source.contains("\n") {
            throw ValidationError("--source must be a file name on one line, not '\(source)'")
        }
    }

    /// The options as given, for a manifest and a command line that repeats them.
    var arguments: [String] {
        (source.map { ["--source", $0] } ?? []) + (lineOffset.map { ["--line-offset", String($0)] } ?? [])
    }

    /// Standard input when `arguments` name it (read once, to the end);
    /// nil when they don't. The options without `-` are a usage error.
    func read(for arguments: [String]) throws -> StandardInput? {
        guard arguments.contains(StandardInput.path) else {
            if source != nil || lineOffset != nil {
                throw KijiFailure.usage("--source and --line-offset describe standard input; give - as a corpus argument and pipe JSON Lines into kiji")
            }
            return nil
        }
        let data: Data
        do {
            data = try FileHandle.standardInput.readToEnd() ?? Data()
        } catch {
            throw KijiFailure.usage("cannot read standard input (\(error.localizedDescription))")
        }
        StandardInputDigest.record(Manifest.sha256(of: data))
        return StandardInput(data: data, source: source ?? StandardInput.defaultSource, lineOffset: lineOffset ?? 0)
    }
}

/// The SHA-256 of what this process read from standard input, for the
/// manifest (standard input cannot be read twice).
enum StandardInputDigest {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var digest: String?

    static func record(_ value: String) { lock.withLock { digest = value } }
    static var value: String? { lock.withLock { digest } }
}
