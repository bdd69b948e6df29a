import ArgumentParser
import Corpus
import Foundation

/// `kiji rerun`: repeats a recorded run and reports what changed.
struct RerunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rerun",
        abstract: "Run again what a manifest recorded, and say whether any input or the output changed.",
        discussion: """
        MANIFEST is the FILE.manifest.json that 'kiji run … -o FILE' or 'kiji query … -o FILE' wrote. kiji runs the same plugin or query with the same parameters on the same corpus arguments, writes FILE (or --output) and a new manifest, and lists every input whose SHA-256 changed (plugin, modules, dictionaries, schemes, corpus files), every corpus file added or removed, and whether the output is byte-identical to the recorded one.

        Example:
          kiji run mentions-by-month news.jsonl -o mentions.csv
          kiji rerun mentions.csv.manifest.json
        """)

    @Argument(help: ArgumentHelp("The manifest written next to an output file.", valueName: "MANIFEST"))
    var manifestPath: String

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write here instead of the recorded output path.", valueName: "FILE"))
    var output: String?

    @OptionGroup var jobsOption: JobsOption

    func run() throws {
        let old = try Manifest.read(manifestPath)
        let destination = output ?? old.output.path
        if old.corpusArguments.contains(StandardInput.path) {
            throw KijiFailure.usage("\(manifestPath): the recorded run read its corpus from standard input, which kiji cannot read again; "
                                    + "pipe the same input into: kiji \(old.commandLine(output: destination).joined(separator: " "))")
        }
        var command = try Kiji.parseAsRoot(old.commandLine(output: destination) + (old.kind == "query" || old.kind == "merge" ? [] : jobsOption.arguments))
        try command.run()
        let new = try Manifest.read(Manifest.path(for: destination))
        let changes = old.changes(to: new)
        try Console.print(changes.isEmpty ? "inputs unchanged" : "inputs changed:")
        for change in changes { try Console.print("  " + change) }
        try Console.print(new.output.sha256 == old.output.sha256
              ? "output identical to the recorded run (sha256 \(new.output.sha256))"
              : "output differs from the recorded run (sha256 \(old.output.sha256) -> \(new.output.sha256))")
    }
}

extension Manifest {
    /// Human-readable differences in the inputs between two runs.
    func changes(to new: Manifest) -> [String] {
        var lines: [String] = []
        if kijiVersion != new.kijiVersion { lines.append("kiji version \(kijiVersion) -> \(new.kijiVersion)") }
        if pluginFile != new.pluginFile {
            lines.append("plugin \(new.pluginFile.path) (sha256 \(pluginFile.sha256.prefix(12)) -> \(new.pluginFile.sha256.prefix(12)))")
        }
        lines += Self.compare(dataFiles.map { ($0.path, $0.sha256) }, new.dataFiles.map { ($0.path, $0.sha256) }, kind: "data file")
        lines += Self.compare(corpusFiles.map { ($0.path, $0.sha256) }, new.corpusFiles.map { ($0.path, $0.sha256) }, kind: "corpus file")
        if mecab != new.mecab {
            lines.append("MeCab dictionary \(mecab?.version ?? "none") -> \(new.mecab?.version ?? "none")")
        }
        if parameters != new.parameters {
            for key in Set(parameters.keys).union(new.parameters.keys).sorted() where parameters[key] != new.parameters[key] {
                lines.append("parameter \(key): \(parameters[key] ?? "(none)") -> \(new.parameters[key] ?? "(none)")")
            }
        }
        return lines
    }

    private static func compare(_ old: [(String, String)], _ new: [(String, String)], kind: String) -> [String] {
        let before = Dictionary(old, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new, uniquingKeysWith: { a, _ in a })
        var lines: [String] = []
        for (path, hash) in new where before[path] == nil { lines.append("added \(kind) \(path) (sha256 \(hash.prefix(12)))") }
        for (path, _) in old where after[path] == nil { lines.append("removed \(kind) \(path)") }
        for (path, hash) in new {
            if let previous = before[path], previous != hash {
                lines.append("changed \(kind) \(path) (sha256 \(previous.prefix(12)) -> \(hash.prefix(12)))")
            }
        }
        return lines
    }
}
