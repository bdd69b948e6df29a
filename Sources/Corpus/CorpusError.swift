/// A problem with the corpus input: it names the file (and line when known),
/// says what is wrong and what to do.
public struct CorpusError: Error, CustomStringConvertible, Sendable, Equatable {
    public let file: String
    public let line: Int?
    public let problem: String
    public let hint: String?

    public init(file: String, line: Int? = nil, _ problem: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.problem = problem
        self.hint = hint
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return hint.map { "\(place): \(problem)\n  \($0)" } ?? "\(place): \(problem)"
    }
}
