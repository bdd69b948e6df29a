import Foundation
import Testing
@testable import Corpus

@Suite struct LineBlockReaderTests {
    /// Lines as "number@offset:text" when `text` is read in blocks of `blockSize`.
    func lines(_ text: String, blockSize: Int) throws -> [String] {
        var remaining = Data(text.utf8)
        var found: [String] = []
        try LineBlockReader.forEachLine(source: "t.jsonl", blockSize: blockSize, read: { size in
            let block = remaining.prefix(size)
            remaining = remaining.dropFirst(block.count)
            return Data(block)
        }) { line, number, offset in
            found.append("\(number)@\(offset):\(String(decoding: line, as: UTF8.self))")
        }
        return found
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64, 1 << 20])
    func cutsLinesAsTheWholeFileReaderDoesForEveryBlockSize(blockSize: Int) throws {
        let text = "{\"id\":\"a\"}\n\n日本語\r\n{\"id\":\"b\"}"
        #expect(try lines(text, blockSize: blockSize) == [
            "1@0:{\"id\":\"a\"}", "2@11:", "3@12:日本語\r", "4@23:{\"id\":\"b\"}",
        ])
        let whole = Data(text.utf8).withUnsafeBytes { JSONLinesReader.lineRanges(of: $0.bindMemory(to: UInt8.self)) }
        #expect(whole.map(\.lowerBound) == [0, 11, 12, 23])
    }

    @Test func aFinalLineFeedLeavesOneEmptyLastLine() throws {
        #expect(try lines("x\ny\n", blockSize: 2) == ["1@0:x", "2@2:y", "3@4:"])
        #expect(try lines("", blockSize: 4) == ["1@0:"])
    }

    @Test func readsAFileAndNamesAMissingOne() throws {
        let path = NSTemporaryDirectory() + "kiji-line-block-\(getpid()).jsonl"
        try Data("a\nbc\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var found: [String] = []
        try LineBlockReader.forEachLine(path: path, source: "in.jsonl", blockSize: 3) { line, number, offset in
            found.append("\(number)@\(offset):\(String(decoding: line, as: UTF8.self))")
        }
        #expect(found == ["1@0:a", "2@2:bc", "3@5:"])
        do {
            try LineBlockReader.forEachLine(path: path + ".missing", source: "gone.jsonl") { _, _, _ in }
            Issue.record("a missing file was read")
        } catch {
            #expect("\(error)" == "gone.jsonl: cannot be read (it does not exist or is not readable)")
        }
    }
}
