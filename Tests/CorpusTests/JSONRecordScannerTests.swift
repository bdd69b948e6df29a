import Foundation
import Testing
import TestSupport
@testable import Corpus

/// The byte-level scanner against JSONDecoder: reading a file with the
/// scanner must give the same documents, or the same first error, as
/// decoding every line with JSONDecoder (the path taken before).
@Suite struct JSONRecordScannerTests {
    /// A comparable summary of what reading gave.
    static func outcome(_ text: String, scan: Bool) -> String {
        do {
            let documents = try JSONLinesReader.read(Data(text.utf8), source: "s.jsonl", stem: "s", isValidUTF8: scan)
            return documents.map { document in
                let meta = document.meta.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                return [document.id, "\(document.line)", document.title, document.body, document.date?.description ?? "-",
                        document.authors.joined(separator: "|"), document.urls.joined(separator: "|"), meta.joined(separator: ";")]
                    .joined(separator: "\u{1}")
            }.joined(separator: "\n")
        } catch {
            return "error: \(error)"
        }
    }

    static let values = [
        #""a""#, #""日本""#, #""\n\"\\\/\b\f\r\t""#, #""\u00e9\ud83d\ude00""#, #""\ud800""#, "\"a\tb\"", #""\x""#, #""""#,
        "12", "-0", "1.0", "1e3", "1e400", "1.5", "01", "-", "123456789012345678901234567890", "9223372036854775808",
        "true", "false", "null", "nul", "[]", "[\"a\", \"b\"]", "[1, ]", "[\"a\",]", "{}", "{\"k\": [1, {\"x\": null}]}", "{\"k\" 1}",
        #""2025-01-31""#, #""2025-01-31T09:00:00+09:00""#, #""2025-02-30""#, #""31/01/2025""#,
    ]
    static let keys = ["id", "date", "title", "text", "body", "author", "authors", "url", "urls", "category", "t\\u0065xt", "meta", "é"]

    @Test func agreesWithJSONDecoderOnGeneratedRecords() {
        var random = SeededGenerator(state: 9)
        var agreedDocuments = 0, agreedErrors = 0
        for _ in 0..<3000 {
            var members: [String] = []
            if random.below(4) > 0 { members.append("\"text\": \"本文\"") }
            for _ in 0..<random.below(5) {
                members.append("\"\(random.pick(Self.keys))\": \(random.pick(Self.values))")
            }
            members.shuffle(using: &random)
            var line = "{" + members.joined(separator: random.pick([",", ", ", " ,\t"])) + random.pick(["}", " }", "}\r", ",}", "} x", ""])
            if random.below(10) == 0 { line = random.pick([" ", "\u{FEFF}", "[", ""]) + line }
            let text = "{\"text\": \"first\"}\n" + line + "\n"
            let scanned = Self.outcome(text, scan: true)
            #expect(scanned == Self.outcome(text, scan: false), "\(line)")
            if scanned.hasPrefix("error: ") { agreedErrors += 1 } else { agreedDocuments += 1 }
        }
        #expect(agreedDocuments + agreedErrors == 3000)
        #expect(agreedDocuments == 658)
        #expect(agreedErrors == 2342)
    }

    @Test func metaIsKeptRawAndDecodedWhenRead() throws {
        let line = #"{"id": "a", "text": "b", "k": {"x": [1, 2.5]}, "s": "\u3042", "k": 3}"#
        let documents = try JSONLinesReader.read(Data(line.utf8), source: "s.jsonl", stem: "s")
        guard case .raw(let bytes) = documents[0].metaStorage else {
            Issue.record("meta was decoded when read")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"k": {"x": [1, 2.5]},"s": "\u3042","k": 3}"#)
        #expect(documents[0].meta == ["k": .object(["x": .array([.integer(1), .number(2.5)])]), "s": .string("あ")])
    }

    @Test func recordsWithoutOtherKeysHaveEmptyMeta() throws {
        let documents = try JSONLinesReader.read(Data(#"{"id": "a", "text": "b"}"#.utf8), source: "s.jsonl", stem: "s")
        guard case .decoded(let meta) = documents[0].metaStorage else {
            Issue.record("meta was kept raw")
            return
        }
        #expect(meta == [:])
    }

    @Test func invalidUTF8GoesToJSONDecoder() {
        // Called directly (not through the loader), the reader checks the bytes itself.
        let bytes = Data(#"{"text": ""#.utf8) + Data([0xFF]) + Data(#""}"#.utf8)
        #expect(throws: CorpusError.self) { try JSONLinesReader.read(bytes, source: "s.jsonl", stem: "s") }
    }
}
