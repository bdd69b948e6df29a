import Foundation

/// JSON Lines read from standard input: the corpus argument `-`. A part of
/// a split file (a Spark partition, a job-array slice) names the whole file
/// as its `source` and says how many lines came before it, so that default
/// ids (`STEM:LINE`), sources and line numbers are those of the whole file.
public struct StandardInput: Sendable {
    /// The corpus argument that stands for standard input.
    public static let path = "-"
    /// The `source` of documents read from standard input when none is given.
    public static let defaultSource = "stdin"

    /// The bytes read.
    public let data: Data
    /// How documents name their file; the id prefix is its name without extension.
    public let source: String
    /// Lines of the whole file before the first line read.
    public let lineOffset: Int

    public init(data: Data, source: String = StandardInput.defaultSource, lineOffset: Int = 0) {
        self.data = data
        self.source = source
        self.lineOffset = lineOffset
    }
}
