import Foundation
import Testing
@testable import Corpus

/// The corpus argument `-`: JSON Lines from standard input, named by
/// `source` and numbered from `lineOffset`, so that parts of a split file
/// load as the whole file does.
@Suite struct StandardInputTests {
    /// Seven records without ids, two blank lines and a CRLF line.
    static let whole = """
        {"date": "2024-01-05", "text": "一"}
        {"text": "二"}

        {"date": "2024-02-01", "title": "三", "text": "本文"}\r
        {"text": "四", "section": "政治"}

        {"text": "五"}
        {"date": "2023-12-31", "text": "六"}
        {"text": "七"}
        """

    func load(_ text: String, source: String = "news/full.jsonl", lineOffset: Int = 0) throws -> [Document] {
        try CorpusLoader.load(paths: [StandardInput.path],
                              standardInput: StandardInput(data: Data(text.utf8), source: source, lineOffset: lineOffset)).documents
    }

    func summary(_ documents: [Document]) -> [String] {
        documents.map { "\($0.id)|\($0.source)|\($0.line)|\($0.title)/\($0.body)|\($0.date?.description ?? "-")|\($0.meta.count)" }
    }

    @Test func idsAndSourcesComeFromTheGivenNameAndLinesFromTheOffset() throws {
        let documents = try load("{\"text\": \"a\"}\n\n{\"id\": \"own\", \"text\": \"b\"}\n", source: "archive/2024/part.jsonl", lineOffset: 40)
        #expect(summary(documents) == ["part:41|archive/2024/part.jsonl|41|/a|-|0", "own|archive/2024/part.jsonl|43|/b|-|0"])
    }

    @Test func withoutASourceDocumentsComeFromStdin() throws {
        let documents = try CorpusLoader.load(paths: ["-"], standardInput: StandardInput(data: Data("{\"text\": \"a\"}".utf8))).documents
        #expect(summary(documents) == ["stdin:1|stdin|1|/a|-|0"])
    }

    @Test func everySplitOfAFileLoadsAsTheWholeFile() throws {
        // Split at LF bytes: a Swift String takes CR LF as one character.
        let lines = Self.whole.utf8.split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        let expected = summary(try load(Self.whole))
        #expect(expected == ["full:1|news/full.jsonl|1|/一|2024-01-05|0", "full:2|news/full.jsonl|2|/二|-|0",
                             "full:4|news/full.jsonl|4|三/本文|2024-02-01|0", "full:5|news/full.jsonl|5|/四|-|1",
                             "full:7|news/full.jsonl|7|/五|-|0", "full:8|news/full.jsonl|8|/六|2023-12-31|0",
                             "full:9|news/full.jsonl|9|/七|-|0"])
        for cut in 0...lines.count {
            let first = lines[..<cut].map { $0 + "\n" }.joined()
            let second = lines[cut...].joined(separator: "\n")
            let parts = try load(first) + load(second, lineOffset: cut)
            #expect(summary(parts) == expected, "cut after line \(cut)")
        }
    }

    @Test func errorsNameTheLineOfTheWholeFile() throws {
        #expect(throws: CorpusError(file: "news/full.jsonl", line: 1002, "not a JSON object",
                                    hint: "each line of a JSON Lines file must hold one JSON object, e.g. {\"id\": \"a1\", \"date\": \"2025-01-31\", \"title\": \"…\", \"text\": \"…\"}")) {
            try load("{\"text\": \"a\"}\n[1]\n", lineOffset: 1000)
        }
        #expect(throws: CorpusError(file: "news/full.jsonl", line: 7, "contains a NUL byte, so it is not a text file",
                                    hint: "save it as UTF-8 text (a UTF-16 file has NUL bytes between its letters)")) {
            try load("{\"text\": \"a\"}\n\u{0}\n", lineOffset: 5)
        }
    }

    @Test func standardInputIsReadOnceAndOnlyWhenGiven() throws {
        let input = StandardInput(data: Data("{\"text\": \"a\"}".utf8))
        #expect(throws: CorpusError(file: "-", "standard input is named more than once", hint: "give - once")) {
            try CorpusLoader.load(paths: ["-", "-"], standardInput: input)
        }
        #expect(throws: CorpusError(file: "-", "standard input cannot be read here", hint: "name a file or folder instead of -")) {
            try CorpusLoader.load(paths: ["-"])
        }
    }

    @Test func idsMustStayUniqueAcrossStandardInputAndFiles() throws {
        let path = NSTemporaryDirectory() + "kiji-stdin-\(UUID().uuidString).jsonl"
        try Data("{\"id\": \"x\", \"text\": \"file\"}\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = StandardInput(data: Data("{\"text\": \"a\"}\n{\"id\": \"x\", \"text\": \"b\"}\n".utf8), source: "in.jsonl")
        #expect(throws: CorpusError(file: "in.jsonl", line: 2, "document id 'x' is already used at \(path):1",
                                    hint: "give every document a unique id (is the same file loaded twice?)")) {
            try CorpusLoader.load(paths: [path, "-"], standardInput: input)
        }
    }

    @Test func aLineOffsetOutOfRangeIsRefused() throws {
        #expect(throws: CorpusError(file: "s.jsonl", "line offset -1 is not between 0 and \(JSONLinesReader.maximumLineOffset)")) {
            try JSONLinesReader.read(Data("{\"text\": \"a\"}".utf8), source: "s.jsonl", stem: "s", lineOffset: -1)
        }
    }
}
