import Foundation
import Testing
import TestSupport
@testable import Corpus

/// Pins how records are read at the edges of JSON, as the Foundation
/// JSONDecoder read them before the byte-level scanner took over: the
/// scanner must give the same documents and the same errors.
@Suite struct JSONLinesEdgeCaseTests {
    func read(_ text: String) throws -> [Document] {
        try JSONLinesReader.read(Data(text.utf8), source: "e.jsonl", stem: "e")
    }

    func firstLine(ofErrorFrom text: String) -> String {
        do {
            _ = try read(text)
            return "no error"
        } catch {
            return String(describing: error).split(separator: "\n").first.map(String.init) ?? ""
        }
    }

    @Test func duplicateKeysKeepTheFirstValue() throws {
        let docs = try read(#"{"id": "a", "id": "b", "text": "first", "text": "second", "k": 1, "k": [2], "body": 5}"#)
        #expect(docs[0].id == "a")
        #expect(docs[0].body == "first")
        #expect(docs[0].meta == ["k": .integer(1)])
        // Keys that are equal as Swift strings (canonically equivalent) are duplicates too.
        #expect(try read("{\"text\": \"a\", \"\u{E9}\": 1, \"e\u{301}\": 2}")[0].meta == ["\u{E9}": .integer(1)])
    }

    @Test(arguments: [
        ("12", "12"), ("1.0", "1"), ("1e3", "1000"), ("1E+2", "100"), ("-0", "0"), ("-0.0", "0"), ("-7", "-7"),
        ("9223372036854775807", "9223372036854775807"), ("-9223372036854775808", "-9223372036854775808"), ("1e-400", "0"),
    ])
    func numericIdsBecomeTheirIntegerText(written: String, id: String) throws {
        #expect(try read("{\"id\": \(written), \"text\": \"a\"}")[0].id == id)
    }

    @Test(arguments: ["1.5", "9223372036854775808", "123456789012345678901234567890", "true", "[\"a\"]", "{}"])
    func otherIdsAreRefused(written: String) {
        let kind = written == "true" ? "a boolean" : written.hasPrefix("[") ? "an array" : written.hasPrefix("{") ? "an object" : "a number"
        #expect(firstLine(ofErrorFrom: "{\"id\": \(written), \"text\": \"a\"}")
            == "e.jsonl:1: field 'id' must be a non-empty string or an integer, not \(kind)")
    }

    @Test func metaKeepsEveryKindOfValue() throws {
        let line = #"{"text": "a", "i": -3, "f": 1.5, "big": 100000000000000000000, "tiny": 1e-400, "e": 2.5e2, "t": true, "n": null, "#
            + #""m": {"x": [1, {"y": null}], "b": false, "s": "\u00e9"}}"#
        #expect(try read(line)[0].meta == [
            "i": .integer(-3), "f": .number(1.5), "big": .number(1e20), "tiny": .integer(0), "e": .integer(250), "t": .bool(true), "n": .null,
            "m": .object(["x": .array([.integer(1), .object(["y": .null])]), "b": .bool(false), "s": .string("é")]),
        ])
    }

    @Test func nullFieldsCountAsAbsent() throws {
        let doc = try read(#"{"id": null, "title": null, "text": "a", "date": null, "author": null, "authors": null, "url": null}"#)[0]
        #expect(doc.id == "e:1")
        #expect(doc.title == "")
        #expect(doc.authors == [])
        #expect(doc.urls == [])
        #expect(doc.meta == [:])
        #expect(try read(#"{"title": "t", "text": null, "body": "b"}"#)[0].body == "b")
        #expect(try read(#"{"title": "t", "text": null}"#)[0].body == "")
    }

    @Test func authorsAndUrlsTakeTheFirstKeyGiven() throws {
        let doc = try read(#"{"text": "a", "authors": "A", "author": 5, "url": "", "urls": null}"#)[0]
        #expect(doc.authors == ["A"])
        #expect(doc.urls == [])
        #expect(try read(#"{"text": "a", "author": ["x", "y"], "urls": []}"#)[0].authors == ["x", "y"])
    }

    @Test func escapesAreDecoded() throws {
        let doc = try read(#"{"t\u0065xt": "\"\\\/\b\f\n\r\t\u00e9\u00E9\ud83d\ude00\u0000x", "title": "\u3042"}"#)[0]
        #expect(doc.body == "\"\\/\u{8}\u{C}\n\r\t\u{E9}\u{E9}😀\u{0}x")
        #expect(doc.title == "あ")
        #expect(try read("{\"text\": \"a\u{7F}b\"}")[0].body == "a\u{7F}b")
    }

    @Test func whitespaceAroundTheObjectAndTrailingCommas() throws {
        #expect(try read(" \t{\"text\": \"a\"} \r\n\r{ \"text\" :\"b\" , } \n{\"text\": \"c\", \"m\": [1, ]}\n\u{FEFF}{\"text\": \"d\"}").map(\.body)
            == ["a", "b", "c", "d"])
        #expect(try read("{\"text\": \"c\", \"m\": [1, ]}")[0].meta == ["m": .array([.integer(1)])])
    }

    @Test(arguments: [
        ("{\"text\": \"a\"}\u{0B}", "e.jsonl:1: not valid JSON"),
        ("\u{0C}{\"text\": \"a\"}", "e.jsonl:1: not a JSON object"),
        ("{\"text\": \"a\"} x", "e.jsonl:1: not valid JSON"),
        ("{\"text\": \"a\"}{}", "e.jsonl:1: not valid JSON"),
        ("{\"text\": \"a\tb\"}", "e.jsonl:1: not valid JSON"),
        ("{\"text\": \"a\u{1}b\"}", "e.jsonl:1: not valid JSON"),
        (#"{"text": "\a"}"#, "e.jsonl:1: not valid JSON"),
        (#"{"text": "\u00G1"}"#, "e.jsonl:1: not valid JSON"),
        (#"{"text": "\u004"}"#, "e.jsonl:1: not valid JSON"),
        (#"{"text": "\ud800"}"#, "e.jsonl:1: not valid JSON"),
        (#"{"text": "\udc00"}"#, "e.jsonl:1: not valid JSON"),
        (#"{"text": "\ud800\u0041"}"#, "e.jsonl:1: not valid JSON"),
        (#"{"text": "a", "x": 1e400}"#, "e.jsonl:1: not valid JSON"),
        (#"{"text": "a", "x": 01}"#, "e.jsonl:1: not valid JSON"),
        (#"{"text": "a", "x": 1.}"#, "e.jsonl:1: not valid JSON"),
        (#"{"text": "a", "x": .5}"#, "e.jsonl:1: not valid JSON"),
        (#"{"text": "a", "x": +1}"#, "e.jsonl:1: not valid JSON"),
        (#"{"text": "a", "x": NaN}"#, "e.jsonl:1: not valid JSON"),
        (#"{"text": "a", "x": tru}"#, "e.jsonl:1: not valid JSON"),
        (#"{"text": "a", x: 1}"#, "e.jsonl:1: not valid JSON"),
        (#"{,}"#, "e.jsonl:1: not valid JSON"),
        (#"{"text": "a",,}"#, "e.jsonl:1: not valid JSON"),
        (#""text""#, "e.jsonl:1: not a JSON object"),
        (#"{}"#, "e.jsonl:1: the object has no 'text', 'body' or 'title' field (its keys: )"),
        (#"{"text": "a", "body": "b", "author": [1]}"#, "e.jsonl:1: field 'author' must be a string or an array of strings"),
        (#"{"text": "a", "url": {}}"#, "e.jsonl:1: field 'url' must be a string or an array of strings, not an object"),
        (#"{"text": "a", "title": ["t"]}"#, "e.jsonl:1: field 'title' must be a string, not an array"),
        (#"{"text": "a", "date": 20250131}"#, "e.jsonl:1: field 'date' must be a string, not a number"),
        (#"{"text": "a", "date": "2025-01-31T24:60"}"#, "e.jsonl:1: date '2025-01-31T24:60' is not an ISO 8601 date"),
    ])
    func badRecordsGiveTheSameErrors(line: String, message: String) {
        #expect(firstLine(ofErrorFrom: "{\"text\": \"ok\"}\n" + line) == message.replacingOccurrences(of: "e.jsonl:1:", with: "e.jsonl:2:"))
    }

    @Test func invalidJSONBeyondTheNestingLimitIsANestingError() {
        #expect(firstLine(ofErrorFrom: "{\"text\": \"a\", \"m\": " + String(repeating: "[", count: 101) + "x")
            == "e.jsonl:1: the record nests arrays or objects more than 100 levels deep")
    }

    @Test func jsonLinesFilesInLegacyEncodingsAreConverted() throws {
        let folder = try temporaryFolder()
        // {"text": "日本"} in CP932.
        let bytes: [UInt8] = Array("{\"text\": \"".utf8) + [0x93, 0xFA, 0x96, 0x7B] + Array("\"}\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/sjis.jsonl"))
        let corpus = try CorpusLoader.load(paths: ["\(folder)/sjis.jsonl"])
        #expect(corpus.documents.map(\.body) == ["日本"])
        #expect(corpus.convertedFromCP932 == ["\(folder)/sjis.jsonl"])
        try Data(Array("{\"text\": \"a\"}\n{\"text\": \"b\"}\n{\"text\": \"".utf8) + [0xFF, 0xFE] + Array("\"}\n".utf8))
            .write(to: URL(fileURLWithPath: "\(folder)/bad.jsonl"))
        #expect { try CorpusLoader.load(paths: ["\(folder)/bad.jsonl"]) } throws: { error in
            String(describing: error).hasPrefix("\(folder)/bad.jsonl:3: is neither UTF-8 nor Japanese CP932 (Shift_JIS) or EUC-JP")
        }
    }
}
