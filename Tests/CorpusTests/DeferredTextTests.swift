import Foundation
import Testing
import TestSupport
@testable import Corpus
import Text

/// Block-by-block JSON Lines reading and deferred texts (`textBudget`) give
/// what the whole-file, all-in-memory load gives.
@Suite struct DeferredTextTests {
    /// Records that exercise the reader: escapes, surrogate pairs, NFKC
    /// changes, copies (exact and by white space), undated short texts that
    /// are page boilerplate, metadata, blank and CRLF lines, a long line.
    static let records = [
        #"{"id":"a","date":"2025-01-05","title":"ＮＡＴＯと日米","text":"中国が反発した。\u3000尖閣\ud83d\ude00","category":"politics"}"#,
        "",
        #"{"id":"b","date":"2025-02-01","title":"t","text":"ｱﾝﾄﾞﾛｲﾄﾞ①㍻\\n改行\t\"引用\"","authors":["甲","乙"],"url":"http://x/1"}"#,
        #"{"id":"c","title":"ＮＡＴＯと日米","text":"中国が反発した。 尖閣😀","date":"2025-03-01"}"# + "\r",
        #"{"id":"d","title":"","text":"本ページでは「防衛」をテーマとした記事を一覧で掲載しています"}"#,
        #"{"id":"e","text":"2024年4月1日、"# + String(repeating: "長い本文。", count: 3000) + #"","meta_only":{"k":[1,2.5,null,true]}}"#,
        #"{"title":"no id","text":"x"}"#,
        #"{"id":7,"text":"t","title":"ＮＡＴＯと日米"}"#,
    ]

    /// Every field of every document, as one comparable string each, and
    /// the metadata (compared as values: a dictionary's printed order varies).
    static func fingerprint(_ corpus: Corpus) -> ([String], [[String: JSONValue]]) {
        (corpus.documents.map { doc in
            [doc.id, doc.source, "\(doc.line)", doc.date?.description ?? "-", doc.dateOrigin?.rawValue ?? "-",
             doc.authors.joined(separator: "|"), doc.urls.joined(separator: "|"), doc.title, doc.body,
             doc.text, doc.rawText, doc.duplicateOf ?? "-", "\(doc.isBoilerplate)"].joined(separator: "\u{1}")
        }, corpus.documents.map(\.meta))
    }

    func file(_ lines: [String], bom: Bool = false, finalNewline: Bool = true) throws -> String {
        let path = try temporaryFolder() + "/corpus.jsonl"
        var data = Data(bom ? [0xEF, 0xBB, 0xBF] : [])
        data.append(Data((lines.joined(separator: "\n") + (finalNewline ? "\n" : "")).utf8))
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [0, 100, 1 << 30])
    func aBudgetGivesTheSameDocumentsAsTheWholeFile(budget: Int) throws {
        for bom in [false, true] {
            for finalNewline in [false, true] {
                let path = try file(Self.records, bom: bom, finalNewline: finalNewline)
                let whole = try CorpusLoader.load(paths: [path])
                let streamed = try CorpusLoader.load(paths: [path], textLayout: nil, standardInput: nil, textBudget: budget, blockSize: 16)
                #expect(Self.fingerprint(streamed) == Self.fingerprint(whole))
                #expect(whole.documents.map(\.duplicateOf) == [nil, nil, "a", nil, nil, nil, nil])
                #expect(whole.documents.map(\.isBoilerplate) == [false, false, false, true, false, false, false])
                // Within the budget texts stay; beyond it they wait in the file, except
                // undated short ones (the boilerplate check reads them). e is dated
                // from its text.
                let deferred = streamed.documents.map(\.isDeferred)
                #expect(deferred == (budget == 0 ? [true, true, true, false, true, false, false]
                                     : budget == 100 ? [false, false, true, false, true, false, false] : Array(repeating: false, count: 7)))
                #expect(streamed.rereadFailure == nil)
            }
        }
    }

    @Test(arguments: [1, 2, 5, 64, 4096])
    func everyBlockSizeGivesTheWholeFileDocumentsAndLineRanges(blockSize: Int) throws {
        let path = try file(Self.records, bom: true)
        var found: [String] = []
        try StreamedJSONLines.read(path: path, source: "c.jsonl", stem: "c", blockSize: blockSize) { document, line in
            found.append("\(document.id)@\(document.line):\(line)")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let expected = try data.dropFirst(3).withUnsafeBytes {
            try JSONLinesReader.decodeLines($0.bindMemory(to: UInt8.self), source: "c.jsonl", stem: "c", isValidUTF8: true, lineOffset: 0)
        }.map { "\($0.document.id)@\($0.document.line):\(($0.line.lowerBound + 3)..<($0.line.upperBound + 3))" }
        #expect(found == expected)
        #expect(found.count == 7)
        #expect(try StreamedJSONLines.isStreamable(path: path, source: "c.jsonl", blockSize: blockSize))
    }

    @Test func filesThatNeedTheWholeFileReadAreReadWholeWithTheSameResult() throws {
        let folder = try temporaryFolder()
        // CP932 (converted), a NUL byte and UTF-16 (errors naming the line).
        let cp932 = "\(folder)/sjis.jsonl"
        try #require(#"{"id":"s","title":"日本","text":"中国が反発"}"#.data(using: .shiftJIS)).write(to: URL(fileURLWithPath: cp932))
        let nul = "\(folder)/nul.jsonl"
        try Data(#"{"text":"a"}"#.utf8 + [10] + Array(#"{"text":"b"#.utf8) + [0] + Array(#""}"#.utf8)).write(to: URL(fileURLWithPath: nul))
        let utf16 = "\(folder)/utf16.jsonl"
        try Data([0xFF, 0xFE, 0x7B, 0x00]).write(to: URL(fileURLWithPath: utf16))
        #expect(try !StreamedJSONLines.isStreamable(path: cp932, source: cp932))
        let converted = try CorpusLoader.load(paths: [cp932], textBudget: 0)
        #expect(Self.fingerprint(converted) == Self.fingerprint(try CorpusLoader.load(paths: [cp932])))
        #expect(converted.converted.map(\.encoding) == [.cp932])
        #expect(converted.documents.map(\.isDeferred) == [false])
        for path in [nul, utf16] {
            let whole = #expect(throws: CorpusError.self) { try CorpusLoader.load(paths: [path]) }
            let streamed = #expect(throws: CorpusError.self) { try CorpusLoader.load(paths: [path], textBudget: 0) }
            #expect(whole != nil && whole == streamed)
        }
    }

    @Test func aBadLineAfterAReusedIdIsReportedFirstAsBefore() throws {
        var lines = [#"{"id":"x","text":"a"}"#, #"{"id":"x","text":"b"}"#]
        lines += (0..<3000).map { #"{"id":"n\#($0)","date":"2025-01-01","text":"\#(String(repeating: "本文", count: 20))"}"# }
        lines.append(#"{"id":"bad","text":}"#)
        let path = try file(lines)
        let whole = #expect(throws: CorpusError.self) { try CorpusLoader.load(paths: [path]) }
        #expect(whole?.description.hasPrefix("\(path):3003: not valid JSON") == true)
        for blockSize in [100, 4096, 1 << 20] {
            let streamed = #expect(throws: CorpusError.self) {
                try CorpusLoader.load(paths: [path], textLayout: nil, standardInput: nil, textBudget: 0, blockSize: blockSize)
            }
            #expect(whole == streamed)
        }
        lines.removeLast()
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let reused = #expect(throws: CorpusError.self) { try CorpusLoader.load(paths: [path], textBudget: 0) }
        #expect(reused?.description.hasPrefix("\(path):2: document id 'x' is already used at \(path):1") == true)
    }

    @Test func aRecordChangedUnderADeferredDocumentIsAnErrorNeverOtherText() throws {
        let path = try file([#"{"id":"a","date":"2025-01-01","text":"中国と台湾"}"#, #"{"id":"b","date":"2025-01-02","text":"尖閣"}"#])
        let corpus = try CorpusLoader.load(paths: [path], textBudget: 0)
        #expect(try corpus.documents[1].loaded().text == "\n尖閣")
        // Same length, other text: the hash check catches it.
        try Data((#"{"id":"a","date":"2025-01-01","text":"中国と台湾"}"# + "\n" + #"{"id":"b","date":"2025-01-02","text":"竹島"}"# + "\n").utf8)
            .write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: CorpusError.self) { try corpus.documents[1].loaded() }
        #expect(error?.description == "\(path):2: changed while kiji was reading it\n  do not change corpus files while kiji runs; run again")
        // The corpus reports the failure too, for the CLI to name whatever it made fail.
        #expect(corpus.rereadFailure == error)
        // Where no error can be thrown, the text is empty.
        #expect(corpus.documents[1].textBytes == [0x0A])
        #expect(corpus.rereadFailure == error)
        // A shorter file: the record cannot be read at all.
        try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
        let short = #expect(throws: CorpusError.self) { try corpus.documents[0].loaded() }
        #expect(short?.description == "\(path): is shorter than when kiji read it\n  do not change corpus files while kiji runs; run again")
        // A deleted file.
        try FileManager.default.removeItem(atPath: path)
        let gone = #expect(throws: CorpusError.self) { try corpus.documents[0].loaded() }
        #expect(gone?.description == "\(path): cannot be read again (No such file or directory)\n  do not change corpus files while kiji runs; run again")
    }

    @Test func copiesOfDeferredDocumentsAreFoundByTheirText() throws {
        // Equal hashes are compared in full, reading deferred firsts again.
        var lines = (0..<50).map { #"{"id":"u\#($0)","date":"2025-01-01","text":"記事\#($0)"}"# }
        lines += (0..<50).map { #"{"id":"c\#($0)","date":"2025-01-01","text":"  記事\#($0)\u2028"}"# }
        let path = try file(lines)
        let corpus = try CorpusLoader.load(paths: [path], textBudget: 0)
        let deferred = corpus.documents.prefix(50).filter(\.isDeferred).count
        #expect(deferred == 50)
        #expect(corpus.documents.map { $0.duplicateOf ?? "-" } == Array(repeating: "-", count: 50) + (0..<50).map { "u\($0)" })
    }

    @Test func comparableHashesAgreeExactlyWhenComparableTextsDo() {
        let texts = ["a b", " a\t\nb ", "a\u{2028}b", "a\u{85}b", "ab", "a  b", "", " ", "長い本文です。長い本文です。 x"]
        for x in texts {
            for y in texts {
                let (bx, by) = (Array(x.utf8), Array(y.utf8))
                let same = DuplicateMarker.comparableBytes(bx) == DuplicateMarker.comparableBytes(by)
                #expect((DuplicateMarker.comparableHash(bx) == DuplicateMarker.comparableHash(by)) == same, "\(x) / \(y)")
            }
        }
    }

    @Test func theFuzzedRecordsReadTheSameDeferred() throws {
        // Found by kiji-fuzz-readers: a BOM, CRLF, a trailing comma, a repeated key, odd numbers.
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fuzz/readers/deferred-texts-meta-order")).dropFirst()
        let path = try temporaryFolder() + "/f.jsonl"
        try data.write(to: URL(fileURLWithPath: path))
        let whole = try CorpusLoader.load(paths: [path])
        #expect(whole.documents.map(\.id) == ["f:1", "0"])
        #expect(Self.fingerprint(try CorpusLoader.load(paths: [path], textBudget: 0)) == Self.fingerprint(whole))
    }
}
