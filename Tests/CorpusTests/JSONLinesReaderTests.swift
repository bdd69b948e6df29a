import Foundation
import Testing
@testable import Corpus

@Suite struct JSONLinesReaderTests {
    func read(_ text: String) throws -> [Document] {
        try JSONLinesReader.read(Data(text.utf8), source: "news.jsonl", stem: "news")
    }

    @Test func mapsFieldsAndKeepsTheRestAsMeta() throws {
        let docs = try read("""
            {"id": "a1", "date": "2010-05-25T14:00:00+0900", "category": "topic", "title": " 題 ", "text": "本文\\n", "author": "記者A", "url": "http://x/1", "views": 3}
            {"id": 7, "date": "2025-01-31", "body": "本文2", "authors": ["A", "B"], "urls": ["u1", "u2"]}
            """)
        #expect(docs.count == 2)
        #expect(docs[0].id == "a1")
        #expect(docs[0].title == " 題 ")  // kept exactly
        #expect(docs[0].body == "本文\n")
        #expect(docs[0].text == " 題 \n本文\n")
        #expect(docs[0].date?.description == "2010-05-25")
        #expect(docs[0].dateOrigin == .stated)
        #expect(docs[0].authors == ["記者A"])
        #expect(docs[0].urls == ["http://x/1"])
        #expect(docs[0].meta == ["category": .string("topic"), "views": .integer(3)])
        #expect(docs[1].id == "7")
        #expect(docs[1].authors == ["A", "B"])
        #expect(docs[1].urls == ["u1", "u2"])
        #expect(docs[1].line == 2)
    }

    @Test(arguments: [
        ("2025-01-31", "2025-01-31"),
        ("2025-01-31T23:59:59Z", "2025-01-31"),
        ("2025-01-31T23:59:59+09:00", "2025-01-31"),
        ("2025-01-31T23:59:59.123-0500", "2025-01-31"),
        ("2025-01-31 09:00", "2025-01-31"),
    ])
    func isoDatesKeepTheLocalDateAsWritten(written: String, date: String) {
        #expect(JSONLinesReader.parseDate(written)?.description == date)
    }

    @Test func missingDateFallsBackToTheText() throws {
        let docs = try read(#"{"title": "t", "text": "2024年5月1日の発表"}"# + "\n" + #"{"title": "u", "date": null, "text": "5月1日"}"#)
        #expect(docs[0].date?.description == "2024-05-01")
        #expect(docs[0].dateOrigin == .text)
        #expect(docs[0].id == "news:1")
        #expect(docs[1].date == nil)
        #expect(docs[1].id == "news:2")
    }

    @Test func largeFilesKeepOrderAndReportTheFirstBadLine() throws {
        var lines = (1...1000).map { "{\"id\": \"d\($0)\", \"text\": \"本文\($0)\"}" }
        let docs = try read(lines.joined(separator: "\n"))
        #expect(docs.map(\.id) == (1...1000).map { "d\($0)" })
        #expect(docs.map(\.line) == Array(1...1000))
        lines[499] = "{broken"
        lines[99] = "[1]"
        #expect { try read(lines.joined(separator: "\n")) } throws: { error in
            String(describing: error).hasPrefix("news.jsonl:100: not a JSON object")
        }
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let docs = try read("\n{\"text\": \"a\"}\n   \n{\"text\": \"b\"}\n")
        #expect(docs.map(\.line) == [2, 4])
    }

    @Test(arguments: [
        ("{\"text\": \"a\"}\n{\"text\": ", "news.jsonl:2: not valid JSON"),
        ("[1, 2]", "news.jsonl:1: not a JSON object"),
        ("{\"content\": \"a\", \"id\": \"x\"}", "news.jsonl:1: the object has no 'text', 'body' or 'title' field (its keys: content, id)"),
        ("{\"text\": \"a\", \"date\": \"31/01/2025\"}", "news.jsonl:1: date '31/01/2025' is not an ISO 8601 date"),
        ("{\"text\": \"a\", \"date\": \"2025-02-30\"}", "news.jsonl:1: date '2025-02-30' is not an ISO 8601 date"),
        ("{\"text\": \"a\", \"date\": \"2025-01-01T25:99:00\"}", "news.jsonl:1: date '2025-01-01T25:99:00' is not an ISO 8601 date"),
        ("{\"text\": 5}", "news.jsonl:1: field 'text' must be a string, not a number"),
        ("{\"text\": \"a\", \"authors\": [1]}", "news.jsonl:1: field 'authors' must be a string or an array of strings"),
        ("{\"text\": \"a\", \"id\": \"\"}", "news.jsonl:1: field 'id' must be a non-empty string or an integer, not a string"),
    ])
    func badLinesAreErrorsNamingFileAndLine(input: String, message: String) {
        #expect { try read(input) } throws: { error in
            String(describing: error).split(separator: "\n").first.map(String.init) == message
        }
    }

    @Test func oneHugeRecordLoadsWhole() throws {
        // 4 MB of Japanese on one line, with the only date at the very end.
        let body = String(repeating: "日本の政府は本日、新しい政策を発表した。", count: 70_000) + "施行は2025年3月1日。"
        let docs = try read("{\"id\": \"big\", \"title\": \"見出し\", \"text\": \"\(body)\"}\n")
        #expect(docs.count == 1)
        #expect(docs[0].id == "big")
        #expect(docs[0].body == body)
        #expect(docs[0].body.utf8.count == 4_200_027)
        #expect(docs[0].date?.description == "2025-03-01")
        #expect(docs[0].dateOrigin == .text)
    }

    @Test func nestingBeyondTheLimitIsRefusedWithItsLine() throws {
        func nested(_ depth: Int) -> String {
            "{\"id\": \"n\", \"text\": \"[{ in a string does not count\", \"meta\": " + String(repeating: "[", count: depth)
                + "1" + String(repeating: "]", count: depth) + "}"
        }
        let atLimit = try read("{\"text\": \"a\"}\n" + nested(100) + "\n")
        var value = atLimit[1].meta["meta"]
        var depth = 0
        while case .array(let items)? = value { depth += 1; value = items.first }
        #expect(depth == 100)
        #expect(value == .integer(1))
        let message = "news.jsonl:2: the record nests arrays or objects more than 100 levels deep"
        for input in [nested(101), "{\"text\": \"a\", \"m\": " + String(repeating: "[", count: 100_000)] {
            #expect { try read("{\"text\": \"a\"}\n" + input + "\n") } throws: { error in
                String(describing: error).split(separator: "\n").first.map(String.init) == message
            }
        }
    }
}
