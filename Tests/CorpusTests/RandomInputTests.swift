import Foundation
import Testing
import TestSupport
@testable import Corpus

/// Random and truncated inputs for every reader, from a fixed seed: each
/// must load, or fail with a ``CorpusError`` naming the file and a line in it.
/// A trap would end the test run, so reaching the end is the main check.
@Suite struct RandomInputTests {
    static let jsonLines = """
        {"id": "a1", "date": "2025-01-31", "title": "日米, 会談", "text": "本文\\n二行目 \\"引用\\"", "authors": ["記者A"], "meta": {"k": [1, 2.5, null, true]}}
        {"id": 7, "date": "2025-01-31T09:00:00+09:00", "body": "尖閣の本文", "url": "http://x/1"}

        {"title": "見出しだけ", "tags": [[["深い"]]]}

        """
    static let csv = """
        ID,Date,Title,Body,Authors,Section
        a1,2025-01-31,"日米, 会談","本文の
        二行目 ""引用""\",記者A; 記者B,政治
        ,,,本文だけ 2024年5月1日,,

        """

    /// Bytes that break formats: quotes, separators, brackets, line ends,
    /// NUL, invalid UTF-8, half a Japanese character, a BOM.
    static let breakers: [[UInt8]] = [[0x22], [0x2C], [0x7B], [0x7D], [0x5B], [0x5D], [0x5C], [0x0A], [0x0D], [0x00],
                                      [0xFF], [0xE6], [0x82, 0xA0], [0xA4, 0xA2], [0xEF, 0xBB, 0xBF], Array("2025/13/45".utf8)]

    static func mutate(_ original: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = original
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: bytes = Array(bytes.prefix(position))                                    // truncate
            case 1: bytes.insert(contentsOf: breakers.randomElement(using: &random)!, at: position)
            case 2 where position < bytes.count: bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 3 where position < bytes.count:                                                 // delete a slice
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...40, using: &random)))
            default:                                                                             // repeat a slice
                let end = min(bytes.count, position + Int.random(in: 1...80, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            }
        }
        return bytes
    }

    static func fixtures() throws -> [(ext: String, bytes: [UInt8])] {
        var fixtures: [(String, [UInt8])] = [("jsonl", Array(jsonLines.utf8)), ("csv", Array(csv.utf8))]
        for name in try FileManager.default.contentsOfDirectory(atPath: seedsDirectory).sorted() {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(seedsDirectory)/\(name)")))
            fixtures.append(("txt", bytes))
            fixtures.append(("csv", bytes))    // text where CSV or JSON Lines is expected
            fixtures.append(("jsonl", Array(bytes.prefix(2_000))))
        }
        return fixtures
    }

    @Test func everyReaderLoadsOrNamesTheFileAndLine() throws {
        var random = SeededGenerator(state: 20_251_122)
        let folder = try temporaryFolder()
        var outcomes = (loaded: 0, refused: 0)
        for (index, fixture) in try Self.fixtures().enumerated() {
            for round in 0..<40 {
                let bytes = Self.mutate(fixture.bytes, &random)
                let path = "\(folder)/input\(index)_\(round).\(fixture.ext)"
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                // Lines end with LF, CRLF or a lone CR.
                let lines = bytes.indices.count { bytes[$0] == 0x0A || (bytes[$0] == 0x0D && bytes.indices.contains($0 + 1) && bytes[$0 + 1] != 0x0A) } + 2
                do {
                    _ = try CorpusLoader.load(paths: [path])
                    outcomes.loaded += 1
                } catch let error as CorpusError {
                    outcomes.refused += 1
                    #expect(error.file == path, "\(error)")
                    #expect(error.line.map { (1...lines).contains($0) } == true, "\(path): \(error)")
                }
            }
        }
        // Both outcomes occur: the mutations reach the error paths and leave some inputs readable.
        #expect(outcomes.loaded > 0)
        #expect(outcomes.refused > 0)
    }
}
